// The sandbox lifecycle: a warm pool of ready sandboxes; one session per learner, of one sandbox or of
// several joined as the nodes of a multi-host lesson; a queue when the maximum is reached; reaping of idle
// and over-age sessions. Every change of state calls pump(), which hands out warm sandboxes and starts
// whatever the queue and the warm pool need within the maximum. With a ledger, the sessions outlive the
// server: a restart adopts the ones whose sandboxes still run.
import { EventEmitter } from 'node:events';
import type { Config } from '../lib/config';
import type { SandboxBackend, SandboxHandle, SessionNode } from './backend';
import { makeSession, type Session } from './session';

export type EndReason = 'idle' | 'lifetime' | 'reset' | 'gone' | 'shutdown';

type Assignment = { session: Session; lastActive: number };
type Waiter = {
  learnerId: string;
  /** The nodes a multi-host lesson asks for; undefined for one sandbox. */
  nodes?: string[];
  resolve: (s: Session) => void;
  reject: (e: Error) => void;
  onPosition: (position: number) => void;
};

/** A session as the ledger keeps it: its lesson only once that lesson's setup has run. */
export type SessionEntry = { id: string; createdAt: number; lesson?: string; nodes: SessionNode[] };

/** Where the pool keeps its learners' sessions (store/sessions.ts), so that a restarted server adopts them. */
export interface SessionLedger {
  save(pool: string, learnerId: string, session: SessionEntry): void;
  remove(learnerId: string): void;
  all(pool: string): Map<string, SessionEntry>;
}

export type PoolStats = { warm: number; starting: number; assigned: number; queued: number; running: number };

export interface SandboxPool {
  on(event: 'ended', listener: (learnerId: string, reason: EndReason, sessionId: string) => void): this;
}

const needOf = (nodes?: string[]) => nodes?.length ?? 1;

/** Whether the session has the nodes asked for (a multi-host lesson names 2 or more; others want one sandbox). */
function fits(session: Session, nodes?: string[]): boolean {
  return nodes ? session.nodes.map((n) => n.name).join() === nodes.join() : session.nodes.length === 1;
}

export class SandboxPool extends EventEmitter {
  private warm: SandboxHandle[] = [];
  private starting = 0;
  /** Sandboxes taken from the warm pool and being joined into a session. */
  private joining = 0;
  private assigned = new Map<string, Assignment>();
  private acquiring = new Map<string, Promise<Session>>();
  private queue: Waiter[] = [];
  private reaper?: NodeJS.Timeout;
  private retryTimer?: NodeJS.Timeout;
  private stopped = false;
  lastError: string | null = null;

  constructor(
    readonly backend: SandboxBackend,
    readonly config: Config,
    private readonly ledger?: SessionLedger,
  ) {
    super();
  }

  /**
   * Adopts the sessions of the ledger whose sandboxes all still run (an earlier run of the server left
   * them), removes every other sandbox of this pool, then fills the warm pool. Resolves with how many
   * sandboxes were removed.
   */
  async start(): Promise<number> {
    const adopted = await this.adopt();
    const removed = await this.removeAll(adopted);
    if (adopted.size) console.log(`[pool] adopted ${this.assigned.size} learner session(s) of an earlier run (${adopted.size} sandbox(es))`);
    if (removed) console.log(`[pool] removed ${removed} sandbox(es) left over from an earlier run`);
    const shortest = Math.min(this.config.idleTimeoutMs, this.config.lifetimeMs);
    const every = Math.min(30_000, Math.max(250, Math.floor(shortest / 4)));
    this.reaper = setInterval(() => void this.reap(), every);
    this.reaper.unref();
    this.pump();
    return removed;
  }

  stats(): PoolStats {
    const assigned = this.assignedSandboxes() + this.joining;
    return { warm: this.warm.length, starting: this.starting, assigned, queued: this.queue.length, running: this.warm.length + assigned };
  }

  /** The learner's session, if one is assigned. */
  current(learnerId: string): Session | undefined {
    return this.assigned.get(learnerId)?.session;
  }

  /** Records the learner's session as it is now (after its lesson's setup ran), for a restarted server to adopt. */
  remember(learnerId: string): void {
    const a = this.assigned.get(learnerId);
    if (!a || !this.ledger) return;
    const { id, createdAt, nodes, lesson } = a.session;
    this.ledger.save(this.config.poolName, learnerId, { id, createdAt, nodes, lesson: lesson?.slug });
  }

  /** Records activity (terminal input, a check): it postpones the idle timeout. */
  touch(learnerId: string): void {
    const a = this.assigned.get(learnerId);
    if (a) a.lastActive = Date.now();
  }

  /**
   * The learner's session with the nodes asked for (none: one sandbox): the one already assigned (if it
   * still runs and has those nodes), else one made of warm sandboxes, else of new ones, else a place in the
   * queue (onPosition tells the learner where they stand).
   */
  acquire(learnerId: string, nodes?: string[], onPosition: (position: number) => void = () => {}): Promise<Session> {
    const inFlight = this.acquiring.get(learnerId);
    if (inFlight) return inFlight;
    const p = this.acquireFresh(learnerId, nodes, onPosition).finally(() => this.acquiring.delete(learnerId));
    this.acquiring.set(learnerId, p);
    return p;
  }

  private async acquireFresh(learnerId: string, nodes: string[] | undefined, onPosition: (position: number) => void): Promise<Session> {
    if (this.stopped) throw new Error('the sandbox pool is shutting down');
    if (needOf(nodes) > this.config.maxSandboxes) {
      throw new Error(`this lesson needs ${needOf(nodes)} sandboxes; this server runs at most ${this.config.maxSandboxes}`);
    }
    const existing = this.assigned.get(learnerId);
    if (existing) {
      const running = await Promise.all(existing.session.nodes.map((n) => this.backend.isRunning(n.sandbox)));
      if (running.every(Boolean) && fits(existing.session, nodes)) {
        existing.lastActive = Date.now();
        return existing.session;
      }
      await this.release(learnerId, running.every(Boolean) ? 'reset' : 'gone');
    }
    return new Promise<Session>((resolve, reject) => {
      this.queue.push({ learnerId, nodes, resolve, reject, onPosition });
      this.pump();
    });
  }

  /** Replaces the learner's session with a fresh one ("start over"). */
  async reset(learnerId: string, nodes?: string[], onPosition?: (position: number) => void): Promise<Session> {
    await this.release(learnerId, 'reset');
    return this.acquire(learnerId, nodes, onPosition);
  }

  /** Destroys the learner's session and tells listeners why. */
  async release(learnerId: string, reason: EndReason): Promise<void> {
    const a = this.assigned.get(learnerId);
    if (!a) return;
    this.assigned.delete(learnerId);
    this.ledger?.remove(learnerId);
    this.emit('ended', learnerId, reason, a.session.id);
    await this.destroy(a.session.nodes.map((n) => n.sandbox));
    this.pump();
  }

  /** Ends every session and removes every sandbox of the pool. */
  async stop(): Promise<void> {
    this.halt();
    for (const [learnerId, a] of this.assigned) {
      this.ledger?.remove(learnerId);
      this.emit('ended', learnerId, 'shutdown', a.session.id);
    }
    this.assigned.clear();
    this.warm = [];
    await this.removeAll();
  }

  /**
   * Stops the pool's work but leaves the learners' sessions running, for the next start to adopt (a deploy,
   * a restart); the warm sandboxes are removed.
   */
  async leave(): Promise<void> {
    this.halt();
    const warm = this.warm.splice(0);
    await this.destroy(warm);
  }

  private halt(): void {
    this.stopped = true;
    clearInterval(this.reaper);
    clearTimeout(this.retryTimer);
    for (const w of this.queue.splice(0)) w.reject(new Error('the sandbox pool is shutting down'));
  }

  /** Takes over the ledger's sessions whose sandboxes all run; forgets the others. Returns the sandboxes kept. */
  private async adopt(): Promise<Set<string>> {
    const kept = new Set<string>();
    if (!this.ledger) return kept;
    const existing = new Set(await this.backend.list(this.config.poolName));
    for (const [learnerId, entry] of this.ledger.all(this.config.poolName)) {
      const sandboxes = entry.nodes.map((n) => n.sandbox);
      const running = sandboxes.every((s) => existing.has(s.id)) && (await Promise.all(sandboxes.map((s) => this.backend.isRunning(s).catch(() => false)))).every(Boolean);
      if (!running) {
        this.ledger.remove(learnerId);
        continue;
      }
      // The ledger keeps a lesson once its setup has run: it is not run again.
      const lesson = entry.lesson ? { slug: entry.lesson, setup: Promise.resolve() } : undefined;
      this.assigned.set(learnerId, { session: { id: entry.id, createdAt: entry.createdAt, nodes: entry.nodes, lesson }, lastActive: Date.now() });
      for (const s of sandboxes) kept.add(s.id);
    }
    return kept;
  }

  private async destroy(sandboxes: SandboxHandle[]): Promise<void> {
    await Promise.all(sandboxes.map((s) => this.backend.destroy(s.id).catch((e) => console.error('[pool] destroy failed:', e))));
  }

  /** Destroys every sandbox of this pool that exists (but those kept); returns how many there were. */
  private async removeAll(kept = new Set<string>()): Promise<number> {
    const ids = (await this.backend.list(this.config.poolName)).filter((id) => !kept.has(id));
    await Promise.all(ids.map((id) => this.backend.destroy(id).catch(() => undefined)));
    return ids.length;
  }

  private assignedSandboxes(): number {
    let n = 0;
    for (const a of this.assigned.values()) n += a.session.nodes.length;
    return n;
  }

  private total(): number {
    return this.warm.length + this.starting + this.joining + this.assignedSandboxes();
  }

  /** Hands warm sandboxes to waiters in turn, then starts what the queue and the warm pool still need. */
  private pump(): void {
    if (this.stopped) return;
    while (this.queue.length && this.warm.length >= needOf(this.queue[0]!.nodes)) {
      const waiter = this.queue.shift()!;
      void this.assign(waiter, this.warm.splice(0, needOf(waiter.nodes)));
    }
    const needed = this.queue.reduce((sum, w) => sum + needOf(w.nodes), 0);
    const wanted = needed + this.config.poolSize - this.warm.length - this.starting;
    for (let i = 0; i < wanted && this.total() < this.config.maxSandboxes && !this.retryTimer; i++) this.startOne();
    this.announcePositions();
  }

  /** Makes the sandboxes the waiter's session (joining them as its nodes takes a moment). */
  private async assign(waiter: Waiter, sandboxes: SandboxHandle[]): Promise<void> {
    this.joining += sandboxes.length;
    let session: Session;
    try {
      session = await makeSession(this.backend, sandboxes, waiter.nodes);
    } catch (err) {
      this.joining -= sandboxes.length;
      await this.destroy(sandboxes);
      waiter.reject(err as Error);
      return this.pump();
    }
    this.joining -= sandboxes.length;
    if (this.stopped) return void this.destroy(sandboxes);
    this.assigned.set(waiter.learnerId, { session, lastActive: Date.now() });
    this.remember(waiter.learnerId);
    waiter.resolve(session);
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

  /**
   * 0: a session is being prepared for this learner (the sandboxes it needs are ready, starting, or have
   * room to start); n > 0: n-th in line for a free place.
   */
  private announcePositions(): void {
    let capacity = this.warm.length + this.starting + Math.max(0, this.config.maxSandboxes - this.total());
    let behind = 0;
    for (const w of this.queue) {
      const need = needOf(w.nodes);
      if (behind === 0 && need <= capacity) {
        capacity -= need;
        w.onPosition(0);
      } else w.onPosition(++behind);
    }
  }

  private async reap(): Promise<void> {
    const now = Date.now();
    for (const [learnerId, a] of this.assigned) {
      if (now - a.session.createdAt > this.config.lifetimeMs) await this.release(learnerId, 'lifetime');
      else if (now - a.lastActive > this.config.idleTimeoutMs) await this.release(learnerId, 'idle');
    }
    const expired = this.warm.filter((h) => now - h.createdAt > this.config.lifetimeMs);
    if (expired.length) {
      this.warm = this.warm.filter((h) => !expired.includes(h));
      await this.destroy(expired);
      this.pump();
    }
  }
}
