// Every check result is an attempt: who, which step, pass or fail, the message they saw, and when.
import type { Db } from './db';

export type Attempt = { learner: string; lesson: string; step: string; pass: boolean; message: string; at: string };

export class AttemptStore {
  private readonly insert;
  private readonly byLearner;

  constructor(db: Db) {
    this.insert = db.prepare(
      'INSERT INTO attempts (learner, lesson, step, pass, message, at) VALUES (@learner, @lesson, @step, @pass, @message, @at)',
    );
    this.byLearner = db.prepare(
      'SELECT learner, lesson, step, pass, message, at FROM attempts WHERE learner = ? AND lesson = ? ORDER BY id',
    );
  }

  record(attempt: Omit<Attempt, 'at'> & { at?: string }): Attempt {
    const row = { ...attempt, at: attempt.at ?? new Date().toISOString() };
    this.insert.run({ ...row, pass: row.pass ? 1 : 0 });
    return row;
  }

  forLearner(learner: string, lesson: string): Attempt[] {
    return (this.byLearner.all(learner, lesson) as (Omit<Attempt, 'pass'> & { pass: number })[]).map((r) => ({
      ...r,
      pass: r.pass === 1,
    }));
  }
}
