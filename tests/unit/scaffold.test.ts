import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { stepIdsIn } from '@/lessons/content';
import { scaffoldFiles, scaffoldLesson } from '@/lessons/scaffold';

function tempRoot() {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'netlab-scaffold-'));
  fs.mkdirSync(path.join(root, 'lessons'));
  fs.copyFileSync(path.join(process.cwd(), 'lessons/course.ts'), path.join(root, 'lessons/course.ts'));
  return root;
}

describe('lesson:new', () => {
  it('writes the lesson folder and adds it at the end of the course', () => {
    const root = tempRoot();
    expect(scaffoldLesson(root, 'my-bridge')).toEqual([
      'lessons/my-bridge/lesson.ts',
      'lessons/my-bridge/index.mdx',
      'lessons/my-bridge/index.zh.mdx',
      'lessons/course.ts',
    ]);
    const course = fs.readFileSync(path.join(root, 'lessons/course.ts'), 'utf8');
    expect(course).toContain("import myBridge from './my-bridge/lesson';\n// lesson:new adds imports above this line");
    expect(course).toMatch(/\['dns', dns\],\n {2}\['my-bridge', myBridge\],\n {2}\/\/ lesson:new adds lessons above this line/);
    const lesson = fs.readFileSync(path.join(root, 'lessons/my-bridge/lesson.ts'), 'utf8');
    expect(lesson).toContain("slug: 'my-bridge'");
    expect(lesson).toContain("ip link add mybridge0 type bridge");
  });

  it('writes texts that name exactly the steps of its lesson.ts, in both languages', () => {
    const files = scaffoldFiles('demo');
    for (const text of [files['index.mdx']!, files['index.zh.mdx']!]) {
      expect(stepIdsIn(text).map((s) => s.id)).toEqual(['make-bridge']);
      expect(text).toContain('```sh run\nip link add demo0 type bridge');
    }
  });

  it('refuses a bad slug and an existing lesson, saying why', () => {
    const root = tempRoot();
    expect(() => scaffoldLesson(root, 'My Lesson')).toThrow('"My Lesson" is not a lesson slug');
    scaffoldLesson(root, 'twice');
    expect(() => scaffoldLesson(root, 'twice')).toThrow('lessons/twice already exists');
  });
});
