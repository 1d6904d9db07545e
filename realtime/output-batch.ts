// Terminal output arrives from the shell in small pieces (often a few bytes each, as it is drawn); one socket
// message per piece costs more than the bytes. Pieces are gathered for a few milliseconds, or until a batch
// is large, and sent as one (wetty's tinybuffer does the same).
const BATCH_DELAY_MS = 4;
const BATCH_MAX_BYTES = 32 * 1024;

export function outputBatcher(send: (batch: Buffer) => void): { push: (chunk: Buffer) => void; flush: () => void } {
  let pieces: Buffer[] = [];
  let size = 0;
  let timer: NodeJS.Timeout | undefined;
  const flush = () => {
    clearTimeout(timer);
    timer = undefined;
    if (!size) return;
    const batch = pieces.length === 1 ? pieces[0]! : Buffer.concat(pieces, size);
    pieces = [];
    size = 0;
    send(batch);
  };
  const push = (chunk: Buffer) => {
    pieces.push(chunk);
    size += chunk.length;
    if (size >= BATCH_MAX_BYTES) flush();
    else timer ??= setTimeout(flush, BATCH_DELAY_MS);
  };
  return { push, flush };
}
