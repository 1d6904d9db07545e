// A lesson's setup commands run in a learner's session once, before the terminal attaches to it. The session
// itself records which lesson it serves and that setup; a session never serves two lessons.
import type { SandboxBackend } from '../sandbox/backend';
import type { Session } from '../sandbox/session';
import { runCommands } from './commands';
import type { Command } from './format';

/** Makes the session serve the lesson: runs its setup the first time, then waits for that same run. */
export function prepareSession(backend: SandboxBackend, session: Session, slug: string, setup: Command[]): Promise<void> {
  if (session.lesson?.slug === slug) return session.lesson.setup;
  if (session.lesson) return Promise.reject(new Error(`session ${session.id} serves lesson ${session.lesson.slug}, not ${slug}`));
  const lesson = { slug, setup: runSetup(backend, session, slug, setup) };
  session.lesson = lesson;
  // A failed setup lets a later attempt run it again.
  lesson.setup.catch(() => {
    if (session.lesson === lesson) session.lesson = undefined;
  });
  return lesson.setup;
}

async function runSetup(backend: SandboxBackend, session: Session, slug: string, setup: Command[]): Promise<void> {
  const problem = await runCommands(backend, session, setup, `lesson ${slug} setup`);
  if (problem) throw new Error(problem);
}
