// A terminal client for tests and benchmarks: speaks the terminal protocol over socket.io like the browser
// does, acknowledging output as xterm.js would (unless told not to), and keeps what it received.
import { io as connect, type Socket } from 'socket.io-client';
import { LEARNER_COOKIE } from '@/lib/learner';
import { EVENTS, type NoticeCode, type TerminalStatus } from '@/lib/terminal-protocol';

export const learnerIdOf = (n: number) => n.toString(16).padStart(32, '0');
export const learnerCookie = (n: number) => `${LEARNER_COOKIE}=${learnerIdOf(n)}`;

export function connectSocket(base: string, headers: Record<string, string>): Socket {
  return connect(base, { transports: ['websocket'], extraHeaders: headers, reconnection: false });
}

export type TerminalClient = ReturnType<typeof terminalClient>;

export function terminalClient(base: string, cookie: string, { ack = true } = {}) {
  const socket = connectSocket(base, { cookie });
  const statuses: TerminalStatus[] = [];
  const notices: NoticeCode[] = [];
  const outputListeners = new Set<(chunk: Buffer) => void>();
  let text = '';
  let received = 0;
  let unacked = 0;
  socket.on(EVENTS.status, (s: TerminalStatus) => statuses.push(s));
  socket.on(EVENTS.notice, (n: NoticeCode) => notices.push(n));
  socket.on(EVENTS.output, (b: ArrayBuffer) => {
    const chunk = Buffer.from(b);
    text += chunk.toString('utf8');
    if (text.length > 4_000_000) text = text.slice(-1_000_000);
    received += chunk.length;
    unacked += chunk.length;
    if (ack) socket.emit(EVENTS.ack, chunk.length);
    for (const l of outputListeners) l(chunk);
  });
  return {
    socket,
    statuses,
    notices,
    get text() {
      return text;
    },
    get received() {
      return received;
    },
    get state() {
      return statuses.at(-1)?.state;
    },
    ackAll() {
      socket.emit(EVENTS.ack, unacked);
      unacked = 0;
    },
    open: (size = { cols: 100, rows: 30 }) => socket.emit(EVENTS.open, size),
    type: (s: string) => socket.emit(EVENTS.input, s),
    clear() {
      text = '';
    },
    /** Resolves with the next chunk of output. */
    nextOutput(): Promise<Buffer> {
      return new Promise((resolve) => {
        const l = (chunk: Buffer) => {
          outputListeners.delete(l);
          resolve(chunk);
        };
        outputListeners.add(l);
      });
    },
    /**
     * Resolves with when output containing `text` arrives (from now on; found even when split between two
     * messages). A listener that stays on: messages delivered in one turn are all seen.
     */
    outputContaining(text: string): Promise<number> {
      let tail = '';
      return new Promise((resolve) => {
        const l = (chunk: Buffer) => {
          const seen = tail + chunk.toString('latin1');
          if (seen.includes(text)) {
            outputListeners.delete(l);
            resolve(performance.now());
          }
          tail = seen.slice(-text.length);
        };
        outputListeners.add(l);
      });
    },
    close: () => socket.close(),
  };
}

export async function until(condition: () => boolean | Promise<boolean>, timeoutMs = 30_000, what = 'condition'): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`${what} not met within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
