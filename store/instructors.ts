// Instructor accounts (created by the operator with `npm run instructor`) and their sign-in sessions. A
// session is a random token in an http-only cookie; only its SHA-256 is stored, so the database alone cannot
// sign anyone in.
import crypto from 'node:crypto';
import { hashPassword, PASSWORD_MIN_LENGTH, verifyPassword } from '../lib/password';
import type { Db } from './db';

export type Instructor = { id: number; name: string };

export const SESSION_HOURS = 12;
const NAME = /^[a-z0-9][a-z0-9._-]{1,39}$/;

const sha256 = (token: string) => crypto.createHash('sha256').update(token).digest('hex');

export class InstructorStore {
  constructor(private readonly db: Db) {}

  async add(name: string, password: string): Promise<Instructor> {
    if (!NAME.test(name)) throw new Error(`"${name}" is not a valid name: 2–40 lower-case letters, digits, dots, dashes or underscores`);
    if (this.find(name)) throw new Error(`there is already an instructor named ${name}`);
    checkPassword(password);
    const hash = await hashPassword(password);
    const r = this.db
      .prepare('INSERT INTO instructors (name, password, created_at) VALUES (?, ?, ?)')
      .run(name, hash, new Date().toISOString());
    return { id: Number(r.lastInsertRowid), name };
  }

  /** Sets a new password and ends the instructor's sessions. */
  async setPassword(name: string, password: string): Promise<void> {
    const instructor = this.require(name);
    checkPassword(password);
    const hash = await hashPassword(password);
    this.db.prepare('UPDATE instructors SET password = ? WHERE id = ?').run(hash, instructor.id);
    this.db.prepare('DELETE FROM instructor_sessions WHERE instructor = ?').run(instructor.id);
  }

  /** Removes the account with its sessions and classes. */
  remove(name: string): void {
    this.db.prepare('DELETE FROM instructors WHERE id = ?').run(this.require(name).id);
  }

  list(): (Instructor & { createdAt: string })[] {
    return this.db.prepare('SELECT id, name, created_at AS createdAt FROM instructors ORDER BY name').all() as (Instructor & {
      createdAt: string;
    })[];
  }

  /** A new session token when name and password match; null otherwise (the same for an unknown name). */
  async signIn(name: string, password: string): Promise<string | null> {
    const row = this.db.prepare('SELECT id, password FROM instructors WHERE name = ?').get(name) as { id: number; password: string } | undefined;
    // An unknown name costs the same as a wrong password, so names cannot be probed by timing.
    const ok = await verifyPassword(password, row?.password ?? (await dummy()));
    if (!row || !ok) return null;
    const token = crypto.randomBytes(32).toString('base64url');
    const expires = new Date(Date.now() + SESSION_HOURS * 3600_000).toISOString();
    this.db.prepare('DELETE FROM instructor_sessions WHERE expires_at < ?').run(new Date().toISOString());
    this.db.prepare('INSERT INTO instructor_sessions (token_hash, instructor, expires_at) VALUES (?, ?, ?)').run(sha256(token), row.id, expires);
    return token;
  }

  /** The instructor a session token belongs to, while it has not expired. */
  fromSession(token: string | undefined): Instructor | null {
    if (!token) return null;
    const row = this.db
      .prepare(
        `SELECT i.id, i.name FROM instructor_sessions s JOIN instructors i ON i.id = s.instructor
         WHERE s.token_hash = ? AND s.expires_at > ?`,
      )
      .get(sha256(token), new Date().toISOString()) as Instructor | undefined;
    return row ?? null;
  }

  signOut(token: string): void {
    this.db.prepare('DELETE FROM instructor_sessions WHERE token_hash = ?').run(sha256(token));
  }

  private find(name: string): Instructor | undefined {
    return this.db.prepare('SELECT id, name FROM instructors WHERE name = ?').get(name) as Instructor | undefined;
  }

  private require(name: string): Instructor {
    const found = this.find(name);
    if (!found) throw new Error(`there is no instructor named ${name}`);
    return found;
  }
}

function checkPassword(password: string): void {
  if (password.length < PASSWORD_MIN_LENGTH) throw new Error(`the password must have at least ${PASSWORD_MIN_LENGTH} characters`);
}

/** A valid hash of a random password (made once, when first needed): what an unknown name is checked against. */
let dummyHash: Promise<string> | undefined;
const dummy = () => (dummyHash ??= hashPassword(crypto.randomBytes(16).toString('hex')));
