import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { stepIdsIn } from '@/course/content';
import { scaffoldFiles, scaffoldLesson } from '@/course/scaffold';
import { tempDir } from '../support/temp';

function tempRoot() {
  const root = tempDir('scaffold');
  fs.mkdirSync(path.join(root, 'lessons'));
  fs.copyFileSync(path.join(process.cwd(), 'lessons/course.json'), path.join(root, 'lessons/course.json'));
  return root;
}

describe('lesson:new', () => {
  it('writes the lesson folder and adds it at the end of the course', () => {
    const root = tempRoot();
    expect(scaffoldLesson(root, 'my-bridge')).toEqual([
      'lessons/my-bridge/lesson.ts',
      'lessons/my-bridge/index.mdx',
      'lessons/my-bridge/index.zh.mdx',
      'lessons/course.json',
    ]);
    const order = JSON.parse(fs.readFileSync(path.join(root, 'lessons/course.json'), 'utf8')) as string[];
    expect(order.slice(-2)).toEqual(['multi-host', 'my-bridge']);
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

  it('writes a multi-host lesson whose texts run each block on its node', () => {
    const files = scaffoldFiles('across', 3);
    expect(files['lesson.ts']).toContain("nodes: ['node1', 'node2', 'node3']");
    expect(files['lesson.ts']).toContain("{ node: 'node2', run: 'ip link add vx0 type vxlan id 42 remote 172.16.0.11 dstport 4789 dev eth0");
    for (const text of [files['index.mdx']!, files['index.zh.mdx']!]) {
      expect(stepIdsIn(text).map((s) => s.id)).toEqual(['tunnel']);
      expect(text).toContain('```sh run node=node2\n');
    }
  });

  it('refuses a bad slug, an existing lesson and a node count it cannot run, saying why', () => {
    const root = tempRoot();
    expect(() => scaffoldLesson(root, 'My Lesson')).toThrow('"My Lesson" is not a lesson slug');
    expect(() => scaffoldLesson(root, 'four', 4)).toThrow('a multi-host lesson has 2 or 3 nodes, not 4');
    scaffoldLesson(root, 'twice');
    expect(() => scaffoldLesson(root, 'twice')).toThrow('lessons/twice already exists');
  });
});
