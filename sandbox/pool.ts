// The sandbox lifecycle: a warm pool of ready sandboxes, one assigned per learner, a queue when the maximum
// is reached, and reaping of idle and over-age sandboxes. Every change of state calls pump(), which starts
// whatever sandboxes the queue and the warm pool need within the maximum.
import { EventEmitter } from 'node:events';
import type { Config } from '../lib/config';
import type { SandboxBackend, SandboxHandle } from './backend';

export type EndReason = 'idle' | 'lifetime' | 'reset' | 'gone' | 'shutdown';

type Assignment = { handle: SandboxHandle; lastActive: number };
type Waiter = {
  learnerId: string;
  resolve: (h: SandboxHandle) => void;
  reject: (e: Error) => void;
  onPosition: (position: number) => void;
};

export type PoolStats = { warm: number; starting: number; assigned: number; queued: number; running: number };

export interface SandboxPool {
  on(event: 'ended', listener: (learnerId: string, reason: EndReason, sandboxId: string) => void): this;
}

export class SandboxPool extends EventEmitter {
  private warm: SandboxHandle[] = [];
  private starting = 0;
  private assigned = new Map<string, Assignment>();
  private acquiring = new Map<string, Promise<SandboxHandle>>();
  private queue: Waiter[] = [];
  private reaper?: NodeJS.Timeout;
  private retryTimer?: NodeJS.Timeout;
  private stopped = false;
  lastError: string | null = null;

  constructor(
    readonly backend: SandboxBackend,
    readonly config: Config,
  ) {
    super();
  }

  /** Removes sandboxes an earlier run of this pool left behind, then fills the warm pool. */
  async start(): Promise<number> {
    const removed = await this.removeAll();
    if (removed) console.log(`[pool] removed ${removed} sandbox(es) left over from an earlier run`);
    const shortest = Math.min(this.config.idleTimeoutMs, this.config.lifetimeMs);
    const every = Math.min(30_000, Math.max(250, Math.floor(shortest / 4)));
    this.reaper = setInterval(() => void this.reap(), every);
    this.reaper.unref();
    this.pump();
    return removed;
  }

  stats(): PoolStats {
    const running = this.warm.length + this.assigned.size;
    return { warm: this.warm.length, starting: this.starting, assigned: this.assigned.size, queued: this.queue.length, running };
  }

  /** The learner's sandbox, if one is assigned. */
  current(learnerId: string): SandboxHandle | undefined {
    return this.assigned.get(learnerId)?.handle;
  }

  /** Records activity (terminal input, a check): it postpones the idle timeout. */
  touch(learnerId: string): void {
    const a = this.assigned.get(learnerId);
    if (a) a.lastActive = Date.now();
  }

  /**
   * The learner's sandbox: the one already assigned (if it still runs), else a warm one, else a new one, else
   * a place in the queue (onPosition tells the learner where they stand).
   */
  acquire(learnerId: string, onPosition: (position: number) => void = () => {}): Promise<SandboxHandle> {
    const inFlight = this.acquiring.get(learnerId);
    if (inFlight) return inFlight;
    const p = this.acquireFresh(learnerId, onPosition).finally(() => this.acquiring.delete(learnerId));
    this.acquiring.set(learnerId, p);
    return p;
  }

  private async acquireFresh(learnerId: string, onPosition: (position: number) => void): Promise<SandboxHandle> {
    if (this.stopped) throw new Error('the sandbox pool is shutting down');
    const existing = this.assigned.get(learnerId);
    if (existing) {
      if (await this.backend.isRunning(existing.handle)) {
        existing.lastActive = Date.now();
        return existing.handle;
      }
      await this.release(learnerId, 'gone');
    }
    return new Promise<SandboxHandle>((resolve, reject) => {
      this.queue.push({ learnerId, resolve, reject, onPosition });
      this.pump();
    });
  }

  /** Replaces the learner's sandbox with a fresh one ("start over"). */
  async reset(learnerId: string, onPosition?: (position: number) => void): Promise<SandboxHandle> {
    await this.release(learnerId, 'reset');
    return this.acquire(learnerId, onPosition);
  }

  /** Destroys the learner's sandbox and tells listeners why. */
  async release(learnerId: string, reason: EndReason): Promise<void> {
    const a = this.assigned.get(learnerId);
    if (!a) return;
    this.assigned.delete(learnerId);
    this.emit('ended', learnerId, reason, a.handle.id);
    await this.backend.destroy(a.handle.id).catch((e) => console.error('[pool] destroy failed:', e));
    this.pump();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.reaper);
    clearTimeout(this.retryTimer);
    for (const w of this.queue.splice(0)) w.reject(new Error('the sandbox pool is shutting down'));
    for (const [learnerId, a] of this.assigned) this.emit('ended', learnerId, 'shutdown', a.handle.id);
    this.assigned.clear();
    this.warm = [];
    await this.removeAll();
  }

  /** Destroys every sandbox of this pool that exists; returns how many there were. */
  private async removeAll(): Promise<number> {
    const ids = await this.backend.list(this.config.poolName);
    await Promise.all(ids.map((id) => this.backend.destroy(id).catch(() => undefined)));
    return ids.length;
  }

  private total(): number {
    return this.warm.length + this.starting + this.assigned.size;
  }

  /** Hands warm sandboxes to waiters, then starts what the queue and the warm pool still need. */
  private pump(): void {
    if (this.stopped) return;
    while (this.queue.length && this.warm.length) {
      const waiter = this.queue.shift()!;
      const handle = this.warm.shift()!;
      this.assigned.set(waiter.learnerId, { handle, lastActive: Date.now() });
      waiter.resolve(handle);
    }
    const wanted = this.queue.length + this.config.poolSize - this.warm.length - this.starting;
    for (let i = 0; i < wanted && this.total() < this.config.maxSandboxes && !this.retryTimer; i++) this.startOne();
    this.announcePositions();
  }

  private startOne(): void {
    this.starting++;
    this.backend.create(this.config.poolName).then(
      (handle) => {
        this.starting--;
        this.lastError = null;
        if (this.stopped) return void this.backend.destroy(handle.id);
        this.warm.push(handle);
        this.pump();
      },
      (err: Error) => {
        this.starting--;
        if (this.stopped) return; // removed by stop() while starting
        this.lastError = err.message;
        console.error('[pool] a sandbox failed to start:', err.message);
        // The learner at the head of the queue sees the failure (and may retry); the pool backs off.
        this.queue.shift()?.reject(err);
        this.retryTimer = setTimeout(() => {
          this.retryTimer = undefined;
          this.pump();
        }, 5000);
        this.retryTimer.unref();
      },
    );
  }

  private announcePositions(): void {
    // 0: a sandbox is being prepared for this learner; n > 0: n-th in line for a free place.
    const beingServed = this.starting + Math.max(0, this.config.maxSandboxes - this.total());
    this.queue.forEach((w, i) => w.onPosition(i < beingServed ? 0 : i - beingServed + 1));
  }

  private async reap(): Promise<void> {
    const now = Date.now();
    for (const [learnerId, a] of this.assigned) {
      if (now - a.handle.createdAt > this.config.lifetimeMs) await this.release(learnerId, 'lifetime');
      else if (now - a.lastActive > this.config.idleTimeoutMs) await this.release(learnerId, 'idle');
    }
    const expired = this.warm.filter((h) => now - h.createdAt > this.config.lifetimeMs);
    if (expired.length) {
      this.warm = this.warm.filter((h) => !expired.includes(h));
      await Promise.all(expired.map((h) => this.backend.destroy(h.id).catch(() => undefined)));
      this.pump();
    }
  }
}
