// The server log's account of a terminal opening: how long each phase took (the session, the lesson's setup,
// the shell's first output), and, for one that takes long, which phase it is stuck in — what an operator
// (or a failed test's log) needs to tell a queue from a hung setup.
const STUCK_EVERY_MS = 30_000;

export class OpenLog {
  private readonly started = performance.now();
  private phaseStarted = this.started;
  private phase = 'session';
  private readonly took: string[] = [];
  private readonly watchdog: NodeJS.Timeout;
  private over = false;

  constructor(private readonly who: string) {
    this.watchdog = setInterval(() => this.write(`still at ${this.phase} after ${this.seconds(this.started)} s`), STUCK_EVERY_MS);
    this.watchdog.unref();
  }

  /** The previous phase is over; `name` begins. */
  next(name: string): void {
    this.took.push(`${this.phase} ${this.seconds(this.phaseStarted)} s`);
    this.phase = name;
    this.phaseStarted = performance.now();
  }

  ready(): void {
    this.next('done');
    this.end(`ready in ${this.seconds(this.started)} s (${this.took.join(', ')})`);
  }

  failed(reason: string): void {
    this.end(`failed at ${this.phase} after ${this.seconds(this.started)} s: ${reason}`);
  }

  /** Given up by the browser (closed, or asked again): nothing to report. */
  abandoned(): void {
    this.over = true;
    clearInterval(this.watchdog);
  }

  /** Reports the end once; an opening already over (or abandoned) says nothing more. */
  private end(message: string): void {
    if (this.over) return;
    this.abandoned();
    this.write(message);
  }

  private write(message: string): void {
    console.log(`[terminal] ${this.who}: ${message}`);
  }

  private seconds(since: number): string {
    return ((performance.now() - since) / 1000).toFixed(1);
  }
}
