// Each lesson's verifications (lessons:verify, or "verify now" on the instructor page): when, how long, and
// the table, so the instructor page shows the last one of every lesson.
import type { Db } from './db';

/** One row of a verification's table: a step's check in the fresh sandbox, before and after its solution. */
export type VerifyRow = {
  lesson: string;
  step: string;
  /** The check in the fresh session, after the setup only (empty for a quiz). */
  fresh?: string;
  before: string;
  after: string;
  ms: number;
  ok: boolean;
  note?: string;
};

export type Verification = { lesson: string; ok: boolean; rows: VerifyRow[]; ms: number; at: string };

export class VerificationStore {
  constructor(private readonly db: Db) {}

  record(lesson: string, rows: VerifyRow[], ms: number): Verification {
    const v = { lesson, ok: rows.length > 0 && rows.every((r) => r.ok), rows, ms, at: new Date().toISOString() };
    this.db
      .prepare('INSERT INTO verifications (lesson, ok, rows, ms, at) VALUES (?, ?, ?, ?, ?)')
      .run(lesson, v.ok ? 1 : 0, JSON.stringify(rows), ms, v.at);
    return v;
  }

  /** The last verification of each lesson that has one. */
  latest(): Map<string, Verification> {
    const rows = this.db
      .prepare('SELECT lesson, ok, rows, ms, at FROM verifications WHERE id IN (SELECT MAX(id) FROM verifications GROUP BY lesson)')
      .all() as { lesson: string; ok: number; rows: string; ms: number; at: string }[];
    return new Map(rows.map((r) => [r.lesson, { ...r, ok: r.ok === 1, rows: JSON.parse(r.rows) as VerifyRow[] }]));
  }
}
