// Waiting for the engine to come back (a restart, an upgrade): one wait shared by every terminal that lost
// it, asking once a second.
const EVERY_MS = 1000;

export class EngineReturn {
  private waiting?: Promise<void>;

  constructor(private readonly answers: () => Promise<boolean>) {}

  /** Resolves once the engine answers again. */
  wait(): Promise<void> {
    this.waiting ??= (async () => {
      while (!(await this.answers())) await new Promise((r) => setTimeout(r, EVERY_MS));
      this.waiting = undefined;
    })();
    return this.waiting;
  }
}
