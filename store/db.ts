// NetLab's embedded store: one SQLite file (better-sqlite3), its schema brought up to date at open by
// numbered migrations (PRAGMA user_version records how far it is).
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';

export type Db = Database.Database;

/** Append only: a migration that has shipped is never edited, a new one is added after it. */
const MIGRATIONS: string[] = [
  `CREATE TABLE attempts (
     id INTEGER PRIMARY KEY,
     learner TEXT NOT NULL,
     lesson TEXT NOT NULL,
     step TEXT NOT NULL,
     pass INTEGER NOT NULL,
     message TEXT NOT NULL,
     at TEXT NOT NULL
   );
   CREATE INDEX attempts_by_learner ON attempts (learner, lesson, step, at);`,
  `CREATE TABLE solution_views (
     id INTEGER PRIMARY KEY,
     learner TEXT NOT NULL,
     lesson TEXT NOT NULL,
     step TEXT NOT NULL,
     at TEXT NOT NULL
   );`,
  // Instructors and their classes; attempts learn whether the learner asked (Check / an answer) or the
  // grader checked by itself after a command, which the class view does not count as a failed attempt.
  `ALTER TABLE attempts ADD COLUMN asked INTEGER NOT NULL DEFAULT 1;
   CREATE TABLE instructors (
     id INTEGER PRIMARY KEY,
     name TEXT NOT NULL UNIQUE,
     password TEXT NOT NULL,
     created_at TEXT NOT NULL
   );
   CREATE TABLE instructor_sessions (
     token_hash TEXT PRIMARY KEY,
     instructor INTEGER NOT NULL REFERENCES instructors (id) ON DELETE CASCADE,
     expires_at TEXT NOT NULL
   );
   CREATE TABLE classes (
     id TEXT PRIMARY KEY,
     name TEXT NOT NULL,
     instructor INTEGER NOT NULL REFERENCES instructors (id) ON DELETE CASCADE,
     join_code TEXT NOT NULL UNIQUE,
     created_at TEXT NOT NULL
   );
   CREATE TABLE class_members (
     class TEXT NOT NULL REFERENCES classes (id) ON DELETE CASCADE,
     learner TEXT NOT NULL,
     display_name TEXT NOT NULL,
     joined_at TEXT NOT NULL,
     PRIMARY KEY (class, learner)
   );
   CREATE TABLE verifications (
     id INTEGER PRIMARY KEY,
     lesson TEXT NOT NULL,
     ok INTEGER NOT NULL,
     rows TEXT NOT NULL,
     ms INTEGER NOT NULL,
     at TEXT NOT NULL
   );`,
  // The message a learner saw, in Chinese too (older attempts have only the English one).
  `ALTER TABLE attempts ADD COLUMN message_zh TEXT;`,
  // The learners' sessions, so that a restarted server adopts their running sandboxes.
  `CREATE TABLE sandbox_sessions (
     learner TEXT PRIMARY KEY,
     pool TEXT NOT NULL,
     session TEXT NOT NULL,
     nodes TEXT NOT NULL,
     lesson TEXT,
     created_at INTEGER NOT NULL
   );`,
];

export function openDb(file: string): Db {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > MIGRATIONS.length) {
    throw new Error(`${file} was written by a newer NetLab (schema ${current}, this one knows ${MIGRATIONS.length})`);
  }
  const migrate = db.transaction(() => {
    MIGRATIONS.slice(current).forEach((sql, i) => {
      db.exec(sql);
      db.pragma(`user_version = ${current + i + 1}`);
    });
  });
  migrate();
  return db;
}
