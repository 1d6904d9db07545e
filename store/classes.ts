// Classes: an instructor creates one and shares its join link; a learner who opens the link and gives a
// display name becomes a member. The class view reads its members' attempts and opened solutions from here.
import crypto from 'node:crypto';
import type { Db } from './db';

export type ClassInfo = { id: string; name: string; joinCode: string; createdAt: string; members: number };
export type Member = { learner: string; name: string; joinedAt: string };
/** One member's record on one step: passed at least once, failed attempts they asked for, solution opened. */
export type StepProgress = { learner: string; lesson: string; step: string; passed: boolean; failed: number; solution: boolean };

const CLASS_COLUMNS = `c.id, c.name, c.join_code AS joinCode, c.created_at AS createdAt,
  (SELECT COUNT(*) FROM class_members m WHERE m.class = c.id) AS members`;

export class ClassStore {
  constructor(private readonly db: Db) {}

  create(instructor: number, name: string): ClassInfo {
    const id = crypto.randomBytes(8).toString('hex');
    const joinCode = crypto.randomBytes(9).toString('base64url');
    const createdAt = new Date().toISOString();
    this.db
      .prepare('INSERT INTO classes (id, name, instructor, join_code, created_at) VALUES (?, ?, ?, ?, ?)')
      .run(id, name, instructor, joinCode, createdAt);
    return { id, name, joinCode, createdAt, members: 0 };
  }

  ofInstructor(instructor: number): ClassInfo[] {
    return this.db.prepare(`SELECT ${CLASS_COLUMNS} FROM classes c WHERE c.instructor = ? ORDER BY c.created_at DESC`).all(instructor) as ClassInfo[];
  }

  /** The class, if this instructor owns it. */
  owned(id: string, instructor: number): ClassInfo | undefined {
    return this.db.prepare(`SELECT ${CLASS_COLUMNS} FROM classes c WHERE c.id = ? AND c.instructor = ?`).get(id, instructor) as ClassInfo | undefined;
  }

  byJoinCode(code: string): ClassInfo | undefined {
    return this.db.prepare(`SELECT ${CLASS_COLUMNS} FROM classes c WHERE c.join_code = ?`).get(code) as ClassInfo | undefined;
  }

  /** Adds the learner to the class, or renames them when they joined before. */
  join(classId: string, learner: string, name: string): void {
    this.db
      .prepare(
        `INSERT INTO class_members (class, learner, display_name, joined_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (class, learner) DO UPDATE SET display_name = excluded.display_name`,
      )
      .run(classId, learner, name, new Date().toISOString());
  }

  /** The learner's display name in the class, when they are a member. */
  memberName(classId: string, learner: string): string | undefined {
    const row = this.db.prepare('SELECT display_name AS name FROM class_members WHERE class = ? AND learner = ?').get(classId, learner) as
      | { name: string }
      | undefined;
    return row?.name;
  }

  /** The classes the learner joined, with the name they gave. */
  ofLearner(learner: string): { className: string; name: string }[] {
    return this.db
      .prepare(
        `SELECT c.name AS className, m.display_name AS name FROM class_members m JOIN classes c ON c.id = m.class
         WHERE m.learner = ? ORDER BY m.joined_at`,
      )
      .all(learner) as { className: string; name: string }[];
  }

  members(classId: string): Member[] {
    return this.db
      .prepare('SELECT learner, display_name AS name, joined_at AS joinedAt FROM class_members WHERE class = ? ORDER BY display_name, joined_at')
      .all(classId) as Member[];
  }

  /** Every step a member of the class has tried or opened the solution of. */
  progress(classId: string): StepProgress[] {
    const rows = this.db
      .prepare(
        `WITH members AS (SELECT learner FROM class_members WHERE class = ?),
         tried AS (
           SELECT learner, lesson, step, MAX(pass) AS passed, SUM(asked = 1 AND pass = 0) AS failed
           FROM attempts WHERE learner IN (SELECT learner FROM members) GROUP BY learner, lesson, step),
         opened AS (
           SELECT DISTINCT learner, lesson, step FROM solution_views WHERE learner IN (SELECT learner FROM members))
         SELECT learner, lesson, step, MAX(passed) AS passed, SUM(failed) AS failed, MAX(solution) AS solution FROM (
           SELECT learner, lesson, step, passed, failed, 0 AS solution FROM tried
           UNION ALL SELECT learner, lesson, step, 0, 0, 1 FROM opened)
         GROUP BY learner, lesson, step`,
      )
      .all(classId) as (Omit<StepProgress, 'passed' | 'solution'> & { passed: number; solution: number })[];
    return rows.map((r) => ({ ...r, passed: r.passed === 1, solution: r.solution === 1 }));
  }
}
