// The server's live objects, shared with Next.js pages and route handlers. Next bundles routes into a module
// graph of its own, so they are found through globalThis rather than through an import: one course, one
// store, one pool for the whole process.
import type { Course } from '../course/course';
import type { VerificationQueue } from '../course/verification-queue';
import type { ErrorLog } from '../lib/error-log';
import type { EventLoopLag } from '../lib/event-loop-lag';
import type { Engine } from '../sandbox/engine';
import type { SandboxPool } from '../sandbox/pool';
import type { AttemptStore } from '../store/attempts';
import type { ClassStore } from '../store/classes';
import type { InstructorStore } from '../store/instructors';
import type { VerificationStore } from '../store/verifications';

export type Runtime = {
  /** Development mode: lessons reload when saved, authoring errors show on the page. */
  dev: boolean;
  engine: Engine;
  pool: SandboxPool;
  course: Course;
  attempts: AttemptStore;
  instructors: InstructorStore;
  classes: ClassStore;
  verifications: VerificationStore;
  verifier: VerificationQueue;
  /** What the server logged as errors lately (the status page). */
  errors: ErrorLog;
  loopLag: EventLoopLag;
};

const KEY = Symbol.for('netlab.runtime');
type Holder = { [KEY]?: Runtime };

export function setRuntime(runtime: Runtime): void {
  (globalThis as Holder)[KEY] = runtime;
}

/** The server's runtime; pages and routes only ever run inside server.ts, which sets it before serving. */
export function runtime(): Runtime {
  const r = (globalThis as Holder)[KEY];
  if (!r) throw new Error('NetLab runtime missing: pages are served by server.ts (npm start / npm run dev)');
  return r;
}
