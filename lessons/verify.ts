// Verifying a lesson in a real sandbox: after its setup, for every step in order its check must FAIL, its
// reference solution runs, and its check must PASS; a quiz must accept the right answer (computed from the
// sandbox) and refuse a wrong one. A check that cannot fail is a bug. Used by `npm run lessons:verify`.
import { checkSandbox, sandboxContext } from '../grader/grader';
import type { SandboxBackend, SandboxEntry, SandboxHandle } from '../sandbox/backend';
import { runnerOf } from './course';
import type { Lesson, Step } from './format';

export type VerifyRow = { lesson: string; step: string; before: string; after: string; ms: number; ok: boolean; note?: string };

type Sandbox = { backend: SandboxBackend; handle: SandboxHandle; entry: SandboxEntry };

async function runCommands({ backend, handle }: Pick<Sandbox, 'backend' | 'handle'>, commands: string[], what: string): Promise<string | undefined> {
  for (const command of commands) {
    const r = await backend.exec(handle, command);
    if (r.code !== 0) return `${what} failed at \`${command}\` (exit ${r.code}): ${r.output.trim().slice(-300)}`;
  }
  return undefined;
}

async function verifyStep(sandbox: Sandbox, lesson: Lesson, step: Step): Promise<VerifyRow> {
  const { entry } = sandbox;
  const started = Date.now();
  const row: VerifyRow = { lesson: lesson.slug, step: step.id, before: '', after: '', ms: 0, ok: false };
  const { run } = runnerOf(step);
  if (step.quiz) {
    row.note = await runCommands(sandbox, step.solution, 'solution');
    const rights = await step.quiz.answer(await sandboxContext(entry));
    const right = Array.isArray(rights) ? rights[0] : rights;
    const wrong = await checkSandbox(entry, run, step.quiz.wrong);
    const correct = typeof right === 'string' ? await checkSandbox(entry, run, right) : undefined;
    row.before = wrong.pass ? 'PASS (wrong answer accepted)' : 'FAIL (wrong answer)';
    row.after = correct?.pass ? `PASS (${right})` : `FAIL (${correct ? correct.message.en : 'no right answer in the sandbox'})`;
    row.ok = !row.note && !wrong.pass && !!correct?.pass;
  } else {
    const before = await checkSandbox(entry, run);
    row.before = before.pass ? 'PASS (should fail)' : 'FAIL';
    // A check that threw did not fail on the state: that is a bug in the check, not a proof it can fail.
    const threw = before.details?.error ? `check before the solution: ${before.message.en}` : undefined;
    row.note = threw ?? (await runCommands(sandbox, step.solution, 'solution'));
    const after = threw ? before : await checkSandbox(entry, run);
    row.after = after.pass ? 'PASS' : `FAIL: ${after.message.en}`;
    row.ok = !row.note && !before.pass && after.pass;
  }
  row.ms = Date.now() - started;
  return row;
}

/**
 * Runs one lesson in a fresh sandbox (removed afterwards) and returns a row per step; `onRow` sees each row
 * as soon as its step is done (the instructor page streams them).
 */
export async function verifyLesson(
  backend: SandboxBackend,
  pool: string,
  lesson: Lesson,
  onRow: (row: VerifyRow) => void = () => {},
): Promise<VerifyRow[]> {
  const handle = await backend.create(pool);
  const rows: VerifyRow[] = [];
  const add = (row: VerifyRow) => {
    rows.push(row);
    onRow(row);
  };
  try {
    const setupProblem = await runCommands({ backend, handle }, lesson.setup, 'setup');
    if (setupProblem) add({ lesson: lesson.slug, step: '(setup)', before: '', after: '', ms: 0, ok: false, note: setupProblem });
    else {
      const sandbox = { backend, handle, entry: await backend.entry(handle) };
      for (const step of lesson.steps) add(await verifyStep(sandbox, lesson, step));
    }
    return rows;
  } finally {
    await backend.destroy(handle.id);
  }
}
