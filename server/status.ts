// What an operator sees of the server: sandboxes against the maximum, how many more fit in the host's
// memory, host memory and CPU, the engine, the server's own event loop and memory, and recent errors.
// `/api/health` answers it as JSON and `/instructor/status` shows it.
import fs from 'node:fs';
import os from 'node:os';
import type { LoggedError } from '../lib/error-log';
import { round } from '../lib/stats';
import { runtime } from './runtime';

const MIB = 1024 * 1024;

export type ServerStatus = {
  ok: boolean;
  engine: { reachable: boolean; host: string };
  pool: { size: number; max: number; warm: number; starting: number; assigned: number; queued: number; running: number };
  sandboxes: { running: number };
  /** Learners who can still get a sandbox: the room under the maximum, and what the host's free memory holds. */
  capacity: { underMax: number; byMemory: number; sandboxMemoryMiB: number };
  host: { memoryTotalMiB: number; memoryAvailableMiB: number; cpus: number; load1: number };
  server: { rssMiB: number; eventLoopLagP99Ms: number; uptimeS: number };
  lastError: string | null;
  recentErrors: LoggedError[];
};

/** MemAvailable from /proc/meminfo (free + reclaimable), which os.freemem() does not count. */
function availableMemory(): number {
  try {
    const kib = /^MemAvailable:\s+(\d+) kB/m.exec(fs.readFileSync('/proc/meminfo', 'utf8'))?.[1];
    if (kib) return Number(kib) * 1024;
  } catch {
    // not Linux: fall back to free memory
  }
  return os.freemem();
}

export async function serverStatus(): Promise<ServerStatus> {
  const { engine, pool, errors, loopLag } = runtime();
  const reachable = await engine.answers();
  const stats = pool.stats();
  const available = availableMemory();
  const sandboxMemoryMiB = pool.config.sandboxMemoryMiB;
  return {
    ok: reachable,
    engine: { reachable, host: engine.host },
    pool: { size: pool.config.poolSize, max: pool.config.maxSandboxes, ...stats },
    sandboxes: { running: stats.running },
    capacity: {
      underMax: Math.max(0, pool.config.maxSandboxes - stats.assigned),
      byMemory: stats.warm + Math.floor(available / MIB / sandboxMemoryMiB),
      sandboxMemoryMiB,
    },
    host: { memoryTotalMiB: Math.round(os.totalmem() / MIB), memoryAvailableMiB: Math.round(available / MIB), cpus: os.cpus().length, load1: round(os.loadavg()[0]!) },
    server: { rssMiB: round(process.memoryUsage().rss / MIB), eventLoopLagP99Ms: round(loopLag.p99Ms()), uptimeS: Math.round(process.uptime()) },
    lastError: pool.lastError,
    recentErrors: errors.recent(),
  };
}
