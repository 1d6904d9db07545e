// `npm run lessons:verify [slug…]`: runs each lesson in a fresh real sandbox (see lessons/verify.ts), prints
// a table (lesson, step, before, after, ms), records each lesson's result in the store (the instructor page
// shows it) and exits non-zero on any failure.
import { loadConfig } from '../lib/config';
import { preparePlatform } from '../server/platform';
import { DockerBackend } from '../sandbox/docker-backend';
import { loadCourse } from '../course/course';
import { authoringProblems } from '../course/authoring-problems';
import { verifyLesson } from '../course/verify-lesson';
import type { VerifyRow } from '../store/verifications';
import { openDb } from '../store/db';
import { VerificationStore } from '../store/verifications';

function printTable(rows: VerifyRow[]) {
  const headers = ['lesson', 'step', 'fresh', 'before', 'after', 'ms', ''];
  const cells = rows.map((r) => [r.lesson, r.step, r.fresh ?? '', r.before, r.after, String(r.ms), r.ok ? 'ok' : `✗ ${r.note ?? ''}`]);
  const widths = headers.map((h, i) => Math.min(60, Math.max(h.length, ...cells.map((c) => c[i]!.length))));
  const line = (c: string[]) => c.map((x, i) => (i < c.length - 1 ? x.slice(0, widths[i]).padEnd(widths[i]!) : x)).join('  ');
  console.log(line(headers));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const c of cells) console.log(line(c));
}

async function main(): Promise<number> {
  const wanted = process.argv.slice(2);
  const course = await loadCourse();
  const unknown = wanted.filter((slug) => !course.has(slug));
  if (unknown.length) {
    console.error(`lessons:verify: no lesson named ${unknown.join(', ')}`);
    return 2;
  }
  const problems = await authoringProblems(course, wanted);
  if (problems.length) {
    for (const p of problems) console.error(`lessons:verify: ${p}`);
    return 1;
  }
  const lessons = course.lessons.filter((l) => !wanted.length || wanted.includes(l.slug));

  const config = { ...loadConfig(), poolName: 'verify' };
  const engine = await preparePlatform(config);
  const backend = new DockerBackend(engine.docker, config);
  const rows: VerifyRow[] = [];
  const started = Date.now();
  // Each result is kept, so the instructor page shows every lesson's last verification.
  const db = openDb(config.dbPath);
  const verifications = new VerificationStore(db);
  try {
    for (const lesson of lessons) {
      const lessonStarted = Date.now();
      const lessonRows = await verifyLesson(backend, config.poolName, lesson);
      verifications.record(lesson.slug, lessonRows, Date.now() - lessonStarted);
      rows.push(...lessonRows);
    }
  } finally {
    db.close();
    await engine.stop();
  }
  printTable(rows);
  const failed = rows.filter((r) => !r.ok).length;
  console.log(`\nlessons:verify: ${lessons.length} lesson(s), ${rows.length} step(s), ${failed} failed, ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return failed ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  },
);
