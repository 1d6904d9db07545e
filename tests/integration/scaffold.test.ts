// A freshly scaffolded lesson passes lessons:verify as generated: its check fails before the example
// solution and passes after, in a real sandbox (or a real session of two nodes); its texts compile and
// name its step.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { validateLessonText } from '@/course/content';
import { validateLesson } from '@/course/format';
import { scaffoldFiles } from '@/course/scaffold';
import { verifyLesson } from '@/course/verify-lesson';
import { testBackend, testConfig } from '../support/engine';

const written: string[] = [];
afterAll(() => {
  for (const dir of written) fs.rmSync(dir, { recursive: true, force: true });
});

async function scaffoldAndVerify(slug: string, nodes?: number) {
  const dir = path.join(process.cwd(), 'lessons', slug);
  written.push(dir);
  fs.mkdirSync(dir, { recursive: true });
  for (const [file, text] of Object.entries(scaffoldFiles(slug, nodes))) fs.writeFileSync(path.join(dir, file), text);
  const declared = (await import(path.join(dir, 'lesson.ts'))).default;
  const lesson = validateLesson(declared, `lessons/${slug}/lesson.ts`);
  await validateLessonText(lesson);
  return verifyLesson(testBackend(testConfig('it-scaffold')), 'it-scaffold', lesson);
}

describe('lesson:new', () => {
  it('scaffolds a lesson that verifies in a real sandbox', async () => {
    const rows = await scaffoldAndVerify('scaffold-check');
    expect(rows).toEqual([expect.objectContaining({ lesson: 'scaffold-check', step: 'make-bridge', before: 'FAIL', after: 'PASS', ok: true })]);
  });

  it('scaffolds a multi-host lesson that verifies in a real session of two nodes', async () => {
    const rows = await scaffoldAndVerify('scaffold-nodes', 2);
    expect(rows).toEqual([expect.objectContaining({ lesson: 'scaffold-nodes', step: 'tunnel', before: 'FAIL', after: 'PASS', ok: true })]);
  });
});
