// "Verify now" on the instructor page: runs lessons:verify for one lesson in the server, one lesson at a
// time (each run is a fresh sandbox beside the learners'), streaming its rows and recording the result.
import fs from 'node:fs';
import path from 'node:path';
import type { Config } from '../lib/config';
import type { SandboxBackend } from '../sandbox/backend';
import type { Verification, VerificationStore, VerifyRow } from '../store/verifications';
import type { Course } from './course';
import { verifyLesson } from './verify-lesson';

export class VerificationQueue {
  private current: string | undefined;

  constructor(
    private readonly backend: SandboxBackend,
    private readonly config: Config,
    private readonly course: Course,
    private readonly store: VerificationStore,
  ) {}

  /** The lesson being verified now, if any. */
  get running(): string | undefined {
    return this.current;
  }

  /** Whether the lesson's files (lesson.ts, its texts) changed after this verification. */
  changedSince(verification: Verification): boolean {
    const files = ['lesson.ts', 'index.mdx', 'index.zh.mdx'].map((f) => path.resolve('lessons', verification.lesson, f));
    const changed = Math.max(...files.map((f) => (fs.existsSync(f) ? fs.statSync(f).mtimeMs : 0)));
    return changed > Date.parse(verification.at);
  }

  /** Verifies the lesson; refuses while another verification runs (one extra sandbox at most). */
  async run(slug: string, onRow: (row: VerifyRow) => void): Promise<Verification> {
    const lesson = this.course.find(slug);
    if (!lesson) throw new Error(`there is no lesson ${slug}`);
    if (this.current) throw new Error(`lesson ${this.current} is being verified; try again when it is done`);
    this.current = slug;
    const started = Date.now();
    try {
      const rows = await verifyLesson(this.backend, `${this.config.poolName}-verify`.slice(0, 20), lesson, onRow);
      return this.store.record(slug, rows, Date.now() - started);
    } finally {
      this.current = undefined;
    }
  }
}
