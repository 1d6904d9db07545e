// "Verify now" on the instructor page: runs lessons:verify for one lesson in the server, one lesson at a
// time (each run is a fresh sandbox beside the learners'), streaming its rows and recording the result.
import type Docker from 'dockerode';
import type { Config } from '../lib/config';
import type { VerificationStore, Verification } from '../store/verifications';
import type { Course } from './course';
import { verifyLesson, type VerifyRow } from './verify';

export class VerifierBusyError extends Error {
  constructor(readonly lesson: string) {
    super(`lesson ${lesson} is being verified; try again when it is done`);
  }
}

export class LessonVerifier {
  private running: string | undefined;

  constructor(
    private readonly docker: Docker,
    private readonly config: Config,
    private readonly course: Course,
    private readonly store: VerificationStore,
  ) {}

  /** Verifies the lesson; throws VerifierBusyError while another verification runs. */
  async run(slug: string, onRow: (row: VerifyRow) => void): Promise<Verification> {
    const lesson = this.course.find(slug);
    if (!lesson) throw new Error(`there is no lesson ${slug}`);
    if (this.running) throw new VerifierBusyError(this.running);
    this.running = slug;
    const started = Date.now();
    try {
      const rows = await verifyLesson(this.docker, { ...this.config, poolName: `${this.config.poolName}-verify`.slice(0, 20) }, lesson, onRow);
      return this.store.record(slug, rows, Date.now() - started);
    } finally {
      this.running = undefined;
    }
  }
}
