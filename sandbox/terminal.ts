// The learner's terminal, whichever backend runs the sandbox: sizes, output flow control, and the marks the
// shell prints when a command finishes.
import type { TerminalSize } from './backend';

export function clampSize(size: TerminalSize): TerminalSize {
  const clamp = (n: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, Math.floor(n) || lo));
  return { cols: clamp(size.cols, 20, 500), rows: clamp(size.rows, 5, 200) };
}

/**
 * Output back-pressure. The browser acknowledges bytes once xterm.js has drawn them; above `high`
 * unacknowledged bytes the sandbox's output is paused, below `low` it resumes. While paused, tmux drops
 * what the screen cannot show, and keystrokes (Ctrl-C) still flow the other way.
 */
export class OutputFlow {
  private unacked = 0;
  paused = false;

  constructor(
    private readonly pause: () => void,
    private readonly resume: () => void,
    readonly high = 256 * 1024,
    readonly low = 64 * 1024,
  ) {}

  sent(bytes: number): void {
    this.unacked += bytes;
    if (!this.paused && this.unacked > this.high) {
      this.paused = true;
      this.pause();
    }
  }

  acked(bytes: number): void {
    this.unacked = Math.max(0, this.unacked - bytes);
    if (this.paused && this.unacked < this.low) {
      this.paused = false;
      this.resume();
    }
  }

  get pending(): number {
    return this.unacked;
  }
}

/**
 * Finds shell-integration marks in the terminal's output: the sandbox's bash prints OSC 133;D when a command
 * has finished (see the sandbox's .bashrc). A mark may be split across chunks, so the tail is kept.
 */
export class CommandEndScanner {
  static readonly MARK = '\x1b]133;D';
  private tail = '';

  /** How many commands finished in this chunk of output. */
  feed(chunk: Buffer): number {
    const text = this.tail + chunk.toString('latin1');
    let count = 0;
    for (let at = text.indexOf(CommandEndScanner.MARK); at >= 0; at = text.indexOf(CommandEndScanner.MARK, at + 1)) count++;
    // Shorter than a mark, so a mark is never counted twice.
    this.tail = text.slice(-(CommandEndScanner.MARK.length - 1));
    return count;
  }
}
