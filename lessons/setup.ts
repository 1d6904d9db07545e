// A lesson's setup commands run in a learner's sandbox once, before the terminal attaches to it.
import type Docker from 'dockerode';
import { sh } from '../sandbox/exec';
import type { SandboxHandle } from '../sandbox/sandbox';
import { COURSE } from './course';

export function lessonPreparer(docker: Docker) {
  const done = new Map<string, Promise<void>>();
  return (sandbox: SandboxHandle, slug: string): Promise<void> => {
    const key = `${sandbox.id}:${slug}`;
    const setup = COURSE.find(slug)?.setup ?? [];
    if (!setup.length) return Promise.resolve();
    if (!done.has(key)) {
      done.set(
        key,
        (async () => {
          for (const command of setup) {
            const r = await sh(docker, sandbox.containerId, command);
            if (r.code !== 0) throw new Error(`lesson ${slug} setup failed at \`${command}\`: ${r.output.trim().slice(-200)}`);
          }
        })().catch((err) => {
          done.delete(key); // a later attempt may succeed
          throw err;
        }),
      );
    }
    return done.get(key)!;
  };
}
