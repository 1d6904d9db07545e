// Terminal output arrives from the shell in small pieces (often a few bytes each, as it is drawn); one socket
// message per piece costs more than the bytes. Pieces read in the same turn of the event loop are sent as one
// message at the end of that turn (or sooner when large): a flood is gathered, and an echo waits for nothing.
const BATCH_MAX_BYTES = 32 * 1024;

export function outputBatcher(send: (batch: Buffer) => void): { push: (chunk: Buffer) => void; flush: () => void } {
  let pieces: Buffer[] = [];
  let size = 0;
  let scheduled: NodeJS.Immediate | undefined;
  const flush = () => {
    clearImmediate(scheduled);
    scheduled = undefined;
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
    else scheduled ??= setImmediate(flush);
  };
  return { push, flush };
}
