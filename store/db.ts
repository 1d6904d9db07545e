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
