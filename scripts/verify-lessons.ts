// `npm run lessons:verify [slug…]`: runs each written lesson in a fresh real sandbox. After the lesson's
// setup, for every step in order: its check must FAIL, its reference solution runs, and its check must
// PASS; a quiz must accept the right answer (computed from the sandbox) and refuse a wrong one. Prints a
// table and exits non-zero on any failure. A check that cannot fail is a bug.
import { loadConfig } from '../lib/config';
import { preparePlatform } from '../lib/platform';
import { checkSandbox, sandboxContext } from '../grader/grader';
import { sandboxPid } from '../grader/snapshot';
import { COURSE, resolveStep } from '../lessons/course';
import type { Lesson, Step } from '../lessons/format';
import { validateLessonText } from '../lessons/content';
import { sh } from '../sandbox/exec';
import { createSandbox, destroySandbox } from '../sandbox/sandbox';
import type Docker from 'dockerode';

type Row = { lesson: string; step: string; before: string; after: string; ms: number; ok: boolean; note?: string };

async function runCommands(docker: Docker, containerId: string, commands: string[], what: string): Promise<string | undefined> {
  for (const command of commands) {
    const r = await sh(docker, containerId, command);
    if (r.code !== 0) return `${what} failed at \`${command}\` (exit ${r.code}): ${r.output.trim().slice(-300)}`;
  }
  return undefined;
}

async function verifyStep(docker: Docker, containerId: string, pid: number, lesson: Lesson, step: Step): Promise<Row> {
  const started = Date.now();
  const row: Row = { lesson: lesson.slug, step: step.id, before: '', after: '', ms: 0, ok: false };
  const { run } = resolveStep(lesson.slug, step.id)!;
  if (step.quiz) {
    row.note = await runCommands(docker, containerId, step.solution, 'solution');
    const rights = await step.quiz.answer(await sandboxContext(pid));
    const right = Array.isArray(rights) ? rights[0] : rights;
    const wrong = await checkSandbox(pid, run, step.quiz.wrong);
    const correct = typeof right === 'string' ? await checkSandbox(pid, run, right) : undefined;
    row.before = wrong.pass ? 'PASS (wrong answer accepted)' : 'FAIL (wrong answer)';
    row.after = correct?.pass ? `PASS (${right})` : `FAIL (${correct ? correct.message.en : 'no right answer in the sandbox'})`;
    row.ok = !row.note && !wrong.pass && !!correct?.pass;
  } else {
    const before = await checkSandbox(pid, run);
    row.before = before.pass ? 'PASS (should fail)' : 'FAIL';
    row.note = await runCommands(docker, containerId, step.solution, 'solution');
    const after = await checkSandbox(pid, run);
    row.after = after.pass ? 'PASS' : `FAIL: ${after.message.en}`;
    row.ok = !row.note && !before.pass && after.pass;
  }
  row.ms = Date.now() - started;
  return row;
}

function printTable(rows: Row[]) {
  const headers = ['lesson', 'step', 'before', 'after', 'ms', ''];
  const cells = rows.map((r) => [r.lesson, r.step, r.before, r.after, String(r.ms), r.ok ? 'ok' : `✗ ${r.note ?? ''}`]);
  const widths = headers.map((h, i) => Math.min(60, Math.max(h.length, ...cells.map((c) => c[i]!.length))));
  const line = (c: string[]) => c.map((x, i) => (i < c.length - 1 ? x.slice(0, widths[i]).padEnd(widths[i]!) : x)).join('  ');
  console.log(line(headers));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const c of cells) console.log(line(c));
}

async function main(): Promise<number> {
  const wanted = process.argv.slice(2);
  const unknown = wanted.filter((slug) => !COURSE.some((l) => l.slug === slug));
  if (unknown.length) {
    console.error(`lessons:verify: no lesson named ${unknown.join(', ')}`);
    return 2;
  }
  const lessons = COURSE.filter((l) => !wanted.length || wanted.includes(l.slug));
  for (const lesson of lessons) await validateLessonText(lesson);

  const config = { ...loadConfig(), poolName: 'verify' };
  const engine = await preparePlatform(config);
  const rows: Row[] = [];
  const started = Date.now();
  try {
    for (const lesson of lessons) {
      const sandbox = await createSandbox(engine.docker, config);
      try {
        const setupProblem = await runCommands(engine.docker, sandbox.containerId, lesson.setup, 'setup');
        if (setupProblem) {
          rows.push({ lesson: lesson.slug, step: '(setup)', before: '', after: '', ms: 0, ok: false, note: setupProblem });
          continue;
        }
        const pid = await sandboxPid(engine.docker, sandbox);
        for (const step of lesson.steps) rows.push(await verifyStep(engine.docker, sandbox.containerId, pid, lesson, step));
      } finally {
        await destroySandbox(engine.docker, sandbox.id);
      }
    }
  } finally {
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
