// The learners' sessions as the sandbox pool assigned them: which sandboxes, as which nodes, serving which
// lesson. A server that restarts reads them to adopt the sandboxes that still run.
import { z } from 'zod';
import type { Db } from './db';

const SessionRecord = z.object({
  id: z.string(),
  createdAt: z.number(),
  /** The lesson whose setup has run in the session. */
  lesson: z.string().optional(),
  nodes: z.array(z.object({ name: z.string(), sandbox: z.object({ id: z.string(), hostname: z.string(), createdAt: z.number() }) })).min(1),
});
export type SessionRecord = z.infer<typeof SessionRecord>;

type Row = { learner: string; session: string; nodes: string; lesson: string | null; created_at: number };

export class SessionStore {
  constructor(private readonly db: Db) {}

  save(pool: string, learner: string, session: SessionRecord): void {
    this.db
      .prepare(
        `INSERT INTO sandbox_sessions (learner, pool, session, nodes, lesson, created_at) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (learner) DO UPDATE SET pool = excluded.pool, session = excluded.session, nodes = excluded.nodes,
           lesson = excluded.lesson, created_at = excluded.created_at`,
      )
      .run(learner, pool, session.id, JSON.stringify(session.nodes), session.lesson ?? null, session.createdAt);
  }

  remove(learner: string): void {
    this.db.prepare('DELETE FROM sandbox_sessions WHERE learner = ?').run(learner);
  }

  /** The pool's sessions by learner; a row that does not read as a session is left out (and removed). */
  all(pool: string): Map<string, SessionRecord> {
    const rows = this.db.prepare('SELECT learner, session, nodes, lesson, created_at FROM sandbox_sessions WHERE pool = ?').all(pool) as Row[];
    const sessions = new Map<string, SessionRecord>();
    for (const r of rows) {
      let nodes: unknown;
      try {
        nodes = JSON.parse(r.nodes);
      } catch {
        nodes = undefined;
      }
      const record = SessionRecord.safeParse({ id: r.session, createdAt: r.created_at, lesson: r.lesson ?? undefined, nodes });
      if (record.success) sessions.set(r.learner, record.data);
      else this.remove(r.learner);
    }
    return sessions;
  }
}
