// Every check result is an attempt: who, which step, pass or fail, the message they saw, when, and whether the
// learner asked for it (Check, an answer) or the grader checked by itself after a command. Opening a step's
// solution is recorded beside them.
import type { Text } from '../lib/i18n';
import type { Db } from './db';

export type Attempt = { learner: string; lesson: string; step: string; pass: boolean; message: Text; asked: boolean; at: string };

/** One line of a learner's history: an attempt, or a solution they opened. */
export type HistoryEvent = { lesson: string; step: string; at: string } & (
  | { kind: 'attempt'; pass: boolean; asked: boolean; message: Text }
  | { kind: 'solution' }
);

type AttemptRow = Omit<Attempt, 'pass' | 'asked' | 'message'> & { pass: number; asked: number; message: string; message_zh: string | null };
const fromRow = ({ message, message_zh, ...r }: AttemptRow): Attempt => ({
  ...r,
  pass: r.pass === 1,
  asked: r.asked === 1,
  message: { en: message, zh: message_zh ?? message },
});

export class AttemptStore {
  private readonly insert;
  private readonly byLearner;
  private readonly allOfLearner;
  private readonly passedSteps;
  private readonly insertSolutionView;
  private readonly solutionViewsOf;
  private readonly allSolutionViewsOf;

  constructor(db: Db) {
    this.insert = db.prepare(
      `INSERT INTO attempts (learner, lesson, step, pass, message, message_zh, asked, at)
       VALUES (@learner, @lesson, @step, @pass, @en, @zh, @asked, @at)`,
    );
    const columns = 'learner, lesson, step, pass, message, message_zh, asked, at';
    this.byLearner = db.prepare(`SELECT ${columns} FROM attempts WHERE learner = ? AND lesson = ? ORDER BY id`);
    this.allOfLearner = db.prepare(`SELECT ${columns} FROM attempts WHERE learner = ? ORDER BY id`);
    this.passedSteps = db.prepare('SELECT DISTINCT lesson, step FROM attempts WHERE learner = ? AND pass = 1');
    this.insertSolutionView = db.prepare('INSERT INTO solution_views (learner, lesson, step, at) VALUES (?, ?, ?, ?)');
    this.solutionViewsOf = db.prepare('SELECT DISTINCT step FROM solution_views WHERE learner = ? AND lesson = ? ORDER BY step');
    this.allSolutionViewsOf = db.prepare('SELECT lesson, step, at FROM solution_views WHERE learner = ? ORDER BY id');
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

  record(attempt: Omit<Attempt, 'at' | 'asked'> & { at?: string; asked?: boolean }): Attempt {
    const row = { ...attempt, asked: attempt.asked ?? true, at: attempt.at ?? new Date().toISOString() };
    const { message, ...rest } = row;
    this.insert.run({ ...rest, ...message, pass: row.pass ? 1 : 0, asked: row.asked ? 1 : 0 });
    return row;
  }

  forLearner(learner: string, lesson: string): Attempt[] {
    return (this.byLearner.all(learner, lesson) as AttemptRow[]).map(fromRow);
  }

  /** Everything the learner did, in time order: attempts and opened solutions. */
  history(learner: string): HistoryEvent[] {
    const attempts: HistoryEvent[] = (this.allOfLearner.all(learner) as AttemptRow[]).map(fromRow).map((a) => ({
      kind: 'attempt',
      lesson: a.lesson,
      step: a.step,
      at: a.at,
      pass: a.pass,
      asked: a.asked,
      message: a.message,
    }));
    const solutions = (this.allSolutionViewsOf.all(learner) as { lesson: string; step: string; at: string }[]).map(
      (s): HistoryEvent => ({ kind: 'solution', ...s }),
    );
    return [...attempts, ...solutions].sort((a, b) => a.at.localeCompare(b.at));
  }
}
