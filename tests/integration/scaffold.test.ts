// A freshly scaffolded lesson passes lessons:verify as generated: its check fails before the example
// solution and passes after, in a real sandbox; its texts compile and name its step.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { validateLessonText } from '@/lessons/content';
import { validateLesson } from '@/lessons/format';
import { scaffoldFiles } from '@/lessons/scaffold';
import { verifyLesson } from '@/lessons/verify';
import { testBackend, testConfig } from './helpers';

const slug = 'scaffold-check';
const dir = path.join(process.cwd(), 'lessons', slug);

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('lesson:new', () => {
  it('scaffolds a lesson that verifies in a real sandbox', async () => {
    fs.mkdirSync(dir, { recursive: true });
    for (const [file, text] of Object.entries(scaffoldFiles(slug))) fs.writeFileSync(path.join(dir, file), text);
    const declared = (await import(path.join(dir, 'lesson.ts'))).default;
    const lesson = validateLesson(declared, `lessons/${slug}/lesson.ts`);
    await validateLessonText(lesson);
    const rows = await verifyLesson(testBackend(testConfig('it-scaffold')), 'it-scaffold', lesson);
    expect(rows).toEqual([expect.objectContaining({ lesson: slug, step: 'make-bridge', before: 'FAIL', after: 'PASS', ok: true })]);
  });
});
