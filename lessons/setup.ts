// A lesson's setup commands run in a learner's sandbox once, before the terminal attaches to it. What ran is
// remembered per sandbox until the pool ends that sandbox (`forget`).
import type { SandboxBackend, SandboxHandle } from '../sandbox/backend';
import { COURSE } from './course';

export function lessonPreparer(backend: SandboxBackend) {
  /** Sandbox id → lesson → its setup, running or done. */
  const done = new Map<string, Map<string, Promise<void>>>();
  const prepare = (sandbox: SandboxHandle, slug: string): Promise<void> => {
    const setup = COURSE.find(slug)?.setup ?? [];
    if (!setup.length) return Promise.resolve();
    const lessons = done.get(sandbox.id) ?? new Map<string, Promise<void>>();
    done.set(sandbox.id, lessons);
    if (!lessons.has(slug)) {
      lessons.set(
        slug,
        (async () => {
          for (const command of setup) {
            const r = await backend.exec(sandbox, command);
            if (r.code !== 0) throw new Error(`lesson ${slug} setup failed at \`${command}\`: ${r.output.trim().slice(-200)}`);
          }
        })().catch((err) => {
          lessons.delete(slug); // a later attempt may succeed
          throw err;
        }),
      );
    }
    return lessons.get(slug)!;
  };
  return { prepare, forget: (sandboxId: string) => done.delete(sandboxId) };
}
