// A lesson's setup commands run in a learner's session once, before the terminal attaches to it. What ran
// is remembered per session until the pool ends that session (`forget`).
import type { SandboxBackend } from '../sandbox/backend';
import type { Session } from '../sandbox/session';
import { runCommands } from './commands';
import { COURSE } from './course';

export function lessonPreparer(backend: SandboxBackend) {
  /** Session id → lesson → its setup, running or done. */
  const done = new Map<string, Map<string, Promise<void>>>();
  const prepare = (session: Session, slug: string): Promise<void> => {
    const setup = COURSE.find(slug)?.setup ?? [];
    if (!setup.length) return Promise.resolve();
    const lessons = done.get(session.id) ?? new Map<string, Promise<void>>();
    done.set(session.id, lessons);
    if (!lessons.has(slug)) {
      lessons.set(
        slug,
        runCommands(backend, session, setup, `lesson ${slug} setup`).then(
          (problem) => {
            if (problem) {
              lessons.delete(slug); // a later attempt may succeed
              throw new Error(problem);
            }
          },
        ),
      );
    }
    return lessons.get(slug)!;
  };
  return { prepare, forget: (sessionId: string) => done.delete(sessionId) };
}
