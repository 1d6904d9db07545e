// How late this process's event loop runs timers: the 99th percentile over the last window (10 s), so a
// status page shows the load of now, not since the start.
import { monitorEventLoopDelay } from 'node:perf_hooks';

export class EventLoopLag {
  private readonly histogram = monitorEventLoopDelay({ resolution: 10 });
  private lastWindowP99 = 0;

  constructor(windowMs = 10_000) {
    this.histogram.enable();
    setInterval(() => {
      this.lastWindowP99 = this.histogram.percentile(99) / 1e6;
      this.histogram.reset();
    }, windowMs).unref();
  }

  /** Milliseconds: the worse of the last full window and the one under way. */
  p99Ms(): number {
    return Math.max(this.lastWindowP99, this.histogram.count ? this.histogram.percentile(99) / 1e6 : 0);
  }
}
