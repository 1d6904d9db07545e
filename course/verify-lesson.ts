// Verifying a lesson in a real session (its sandbox, or its nodes): right after its setup every check must
// FAIL (the fresh sandbox holds nothing a step asks for); then, for every step in order, its check must FAIL,
// its reference solution runs (each command on its node), and its check must PASS; a quiz must accept the
// right answer (computed from the sandbox) and refuse a wrong one. A check that cannot fail is a bug. Used by
// `npm run lessons:verify`.
import { checkContext, checkSession, snapshotsOf, type CheckContext } from '../grader/grader';
import { runCheck } from '../grader/verdict';
import { sessionEntries, type NodeEntry } from '../grader/snapshot';
import type { SandboxBackend } from '../sandbox/backend';
import { makeSession, type Session } from '../sandbox/session';
import { runCommands } from './commands';
import { runnerOf } from './course';
import type { Lesson, Step } from './format';
import type { VerifyRow } from '../store/verifications';

type Run = {
  backend: SandboxBackend;
  session: Session;
  nodes: NodeEntry[];
  /** What solutions captured so far (a join token, …), for the commands after them. */
  vars: Map<string, string>;
};

/** The check of a step in the fresh session, before any solution: it must fail (unless declared otherwise). */
async function freshCheck(fresh: CheckContext, step: Step): Promise<{ fresh: string; problem?: string }> {
  if (step.quiz) return { fresh: '' };
  if (step.passesFresh) return { fresh: `not checked: ${step.passesFresh}` };
  const verdict = await runCheck(() => runnerOf(step).run(fresh));
  if (verdict.details?.error) return { fresh: 'FAIL (threw)', problem: `check in the fresh sandbox: ${verdict.message.en}` };
  return verdict.pass ? { fresh: 'PASS (should fail)', problem: 'the check passes in the fresh sandbox, before anything was done' } : { fresh: 'FAIL' };
}

async function verifyStep(run: Run, lesson: Lesson, step: Step, fresh: { fresh: string; problem?: string }): Promise<VerifyRow> {
  const started = Date.now();
  const row: VerifyRow = { lesson: lesson.slug, step: step.id, fresh: fresh.fresh, before: '', after: '', ms: 0, ok: false };
  const check = runnerOf(step).run;
  const solve = () => runCommands(run.backend, run.session, step.solution, 'solution', run.vars);
  const { quiz } = step;
  if (quiz) {
    row.note = await solve();
    // One snapshot after the solution: the right answer is computed from it, and both answers are judged on it.
    const context = checkContext(run.nodes, await snapshotsOf(run.nodes));
    const rights = await quiz.answer(context);
    const right = typeof rights === 'boolean' ? (rights ? 'yes' : 'no') : Array.isArray(rights) ? rights[0] : rights;
    const wrong = await runCheck(() => check({ ...context, answer: quiz.wrong }));
    const correct = typeof right === 'string' ? await runCheck(() => check({ ...context, answer: right })) : undefined;
    row.before = wrong.pass ? 'PASS (wrong answer accepted)' : 'FAIL (wrong answer)';
    row.after = correct?.pass ? `PASS (${right})` : `FAIL (${correct ? correct.message.en : 'no right answer in the sandbox'})`;
    row.ok = !row.note && !wrong.pass && !!correct?.pass;
  } else {
    const before = await checkSession(run.nodes, check);
    row.before = before.pass ? 'PASS (should fail)' : 'FAIL';
    // A check that threw did not fail on the state: that is a bug in the check, not a proof it can fail.
    const threw = before.details?.error ? `check before the solution: ${before.message.en}` : undefined;
    row.note = threw ?? (await solve());
    const after = threw ? before : await checkSession(run.nodes, check);
    row.after = after.pass ? 'PASS' : `FAIL: ${after.message.en}`;
    row.ok = !row.note && !before.pass && after.pass;
  }
  if (fresh.problem) {
    row.ok = false;
    row.note = [fresh.problem, row.note].filter(Boolean).join('; ');
  }
  row.ms = Date.now() - started;
  return row;
}

/**
 * Runs one lesson in a fresh session of the pool (removed afterwards) and returns a row per step; `onRow`
 * sees each row as soon as its step is done (the instructor page streams them).
 */
export async function verifyLesson(
  backend: SandboxBackend,
  pool: string,
  lesson: Lesson,
  onRow: (row: VerifyRow) => void = () => {},
): Promise<VerifyRow[]> {
  const created = await Promise.allSettled((lesson.nodes ?? ['']).map(() => backend.create(pool)));
  const sandboxes = created.flatMap((c) => (c.status === 'fulfilled' ? [c.value] : []));
  const failed = created.find((c) => c.status === 'rejected');
  if (failed) {
    await Promise.all(sandboxes.map((s) => backend.destroy(s.id)));
    throw failed.reason;
  }
  const rows: VerifyRow[] = [];
  const add = (row: VerifyRow) => {
    rows.push(row);
    onRow(row);
  };
  try {
    const session = await makeSession(backend, sandboxes, lesson.nodes);
    const setupProblem = await runCommands(backend, session, lesson.setup, 'setup');
    if (setupProblem) add({ lesson: lesson.slug, step: '(setup)', before: '', after: '', ms: 0, ok: false, note: setupProblem });
    else {
      const run = { backend, session, nodes: await sessionEntries(backend, session), vars: new Map<string, string>() };
      // One view of the fresh session serves every step's check (checks only read it).
      const freshContext = checkContext(run.nodes, await snapshotsOf(run.nodes));
      const fresh = [];
      for (const step of lesson.steps) fresh.push(await freshCheck(freshContext, step));
      for (const [i, step] of lesson.steps.entries()) add(await verifyStep(run, lesson, step, fresh[i]!));
    }
    return rows;
  } finally {
    await Promise.all(sandboxes.map((s) => backend.destroy(s.id)));
  }
}
