// Terminal output arrives from the shell in small pieces (often a few bytes each, as it is drawn); one socket
// message per piece costs more than the bytes. A piece after a quiet moment goes at once (a keystroke's echo
// is never held back); pieces that follow within a few milliseconds are gathered and sent as one, or sooner
// when the batch is large (wetty's tinybuffer gathers the same way).
const BATCH_DELAY_MS = 4;
const BATCH_MAX_BYTES = 32 * 1024;

export function outputBatcher(send: (batch: Buffer) => void): { push: (chunk: Buffer) => void; flush: () => void } {
  let pieces: Buffer[] = [];
  let size = 0;
  let timer: NodeJS.Timeout | undefined;
  /** Ends the window: sends what was gathered; the next piece after a quiet window goes at once again. */
  const endWindow = () => {
    timer = undefined;
    if (size) {
      flush();
      timer = setTimeout(endWindow, BATCH_DELAY_MS);
    }
  };
  const flush = () => {
    if (!size) return;
    const batch = pieces.length === 1 ? pieces[0]! : Buffer.concat(pieces, size);
    pieces = [];
    size = 0;
    send(batch);
  };
  const push = (chunk: Buffer) => {
    if (!timer) {
      send(chunk); // after a quiet moment: at once
      timer = setTimeout(endWindow, BATCH_DELAY_MS);
      return;
    }
    pieces.push(chunk);
    size += chunk.length;
    if (size >= BATCH_MAX_BYTES) flush();
  };
  return {
    push,
    flush: () => {
      clearTimeout(timer);
      timer = undefined;
      flush();
    },
  };
}
