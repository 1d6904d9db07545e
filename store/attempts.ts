// Every check result is an attempt: who, which step, pass or fail, the message they saw, and when. Opening
// a step's solution is recorded beside them.
import type { Db } from './db';

export type Attempt = { learner: string; lesson: string; step: string; pass: boolean; message: string; at: string };

export class AttemptStore {
  private readonly insert;
  private readonly byLearner;
  private readonly passedSteps;
  private readonly insertSolutionView;
  private readonly solutionViewsOf;

  constructor(db: Db) {
    this.insert = db.prepare(
      'INSERT INTO attempts (learner, lesson, step, pass, message, at) VALUES (@learner, @lesson, @step, @pass, @message, @at)',
    );
    this.byLearner = db.prepare(
      'SELECT learner, lesson, step, pass, message, at FROM attempts WHERE learner = ? AND lesson = ? ORDER BY id',
    );
    this.passedSteps = db.prepare('SELECT DISTINCT lesson, step FROM attempts WHERE learner = ? AND pass = 1');
    this.insertSolutionView = db.prepare('INSERT INTO solution_views (learner, lesson, step, at) VALUES (?, ?, ?, ?)');
    this.solutionViewsOf = db.prepare('SELECT DISTINCT step FROM solution_views WHERE learner = ? AND lesson = ? ORDER BY step');
  }

  /** The steps the learner has passed, by lesson. */
  passed(learner: string): Map<string, Set<string>> {
    const byLesson = new Map<string, Set<string>>();
    for (const { lesson, step } of this.passedSteps.all(learner) as { lesson: string; step: string }[]) {
      if (!byLesson.has(lesson)) byLesson.set(lesson, new Set());
      byLesson.get(lesson)!.add(step);
    }
    return byLesson;
  }

  recordSolutionView(learner: string, lesson: string, step: string): void {
    this.insertSolutionView.run(learner, lesson, step, new Date().toISOString());
  }

  /** The steps whose solution the learner opened. */
  solutionViews(learner: string, lesson: string): string[] {
    return (this.solutionViewsOf.all(learner, lesson) as { step: string }[]).map((r) => r.step);
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
