// The server's recent errors, for the operator's status page: the last few, newest first, with when.
export type LoggedError = { at: string; message: string };

const KEEP = 20;
const MESSAGE_MAX = 500;

export class ErrorLog {
  private readonly entries: LoggedError[] = [];

  record(message: string): void {
    this.entries.unshift({ at: new Date().toISOString(), message: message.slice(0, MESSAGE_MAX) });
    this.entries.length = Math.min(this.entries.length, KEEP);
  }

  recent(): LoggedError[] {
    return [...this.entries];
  }

  /** Keeps what the process logs with console.error too (every part of the server reports its errors there). */
  captureConsoleErrors(): void {
    const original = console.error.bind(console);
    console.error = (...args: unknown[]) => {
      this.record(args.map((a) => (a instanceof Error ? a.message : typeof a === 'string' ? a : JSON.stringify(a))).join(' '));
      original(...args);
    };
  }
}
