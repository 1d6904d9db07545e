// The server's live objects (engine, pool), shared with Next.js route handlers. Next bundles routes into a
// module graph of its own, so they are found through globalThis rather than through an import.
import type { Engine } from '../sandbox/engine';
import type { SandboxPool } from '../sandbox/pool';
import type { AttemptStore } from '../store/attempts';

export type Runtime = { engine: Engine; pool: SandboxPool; attempts: AttemptStore };

const KEY = Symbol.for('netlab.runtime');
type Holder = { [KEY]?: Runtime };

export function setRuntime(runtime: Runtime): void {
  (globalThis as Holder)[KEY] = runtime;
}

export function getRuntime(): Runtime | undefined {
  return (globalThis as Holder)[KEY];
}
