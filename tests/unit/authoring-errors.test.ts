// What an author is told when a lesson is wrong — by the course (a broken lesson.ts is left out, the rest keeps
// working), by `npm run build` / lessons:verify (every problem at once), and by a check that throws (the line
// of lesson.ts it threw at).
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Course, loadCourse, runnerOf } from '@/course/course';
import { authoringProblems } from '@/course/authoring-problems';
import { runCheck } from '@/grader/verdict';
import type { Snapshot } from '@/grader/model';

const docker0 = (await loadCourse()).find('docker0')!;
const broken = { ...docker0, slug: 'broken', minutes: 0, steps: [] };

describe('a course with a broken lesson', () => {
  const course = new Course(['docker0', 'broken', 'renamed']);
  course.accept('docker0', docker0);
  course.accept('broken', broken);
  course.accept('renamed', { ...docker0 });

  it('leaves the broken lessons out and keeps the rest working', () => {
    expect(course.lessons.map((l) => l.slug)).toEqual(['docker0']);
    expect(course.find('broken')).toBeUndefined();
    expect(course.has('broken')).toBe(true);
    expect(course.resolveStep('docker0', 'run-two')?.quiz).toBe(false);
    expect(course.resolveStep('broken', 'run-two')).toBeUndefined();
  });

  it('names each broken lesson’s file and what to fix', () => {
    const problems = course.brokenLessons.map((p) => p.message);
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(/^lessons\/broken\/lesson\.ts: the lesson does not match the lesson format:/);
    expect(problems[0]).toContain('minutes:');
    expect(problems[0]).toContain('steps: a lesson needs at least one step');
    expect(problems[1]).toBe('lessons/renamed/lesson.ts: slug is docker0, but the folder is renamed; make them the same');
  });

  it('lists every problem at once for the build and lessons:verify', async () => {
    const problems = await authoringProblems(course);
    expect(problems).toEqual(course.brokenLessons.map((p) => p.message));
    expect(await authoringProblems(course, ['docker0'])).toEqual([]);
  });
});

describe('a check that throws', () => {
  it('fails with the file and line of lesson.ts where it threw', async () => {
    const check = runnerOf(docker0.steps.find((s) => s.id === 'run-two')!).run;
    const verdict = await runCheck(() => check({ snap: {} as Snapshot, snaps: {}, probe: undefined as never, logs: async () => undefined }));
    expect(verdict.pass).toBe(false);
    const source = fs.readFileSync('lessons/docker0/lesson.ts', 'utf8').split('\n');
    const line = source.findIndex((l) => l.includes('const running = expectRunning(snap, name);')) + 1;
    expect(verdict.details?.where).toMatch(new RegExp(`^lessons/docker0/lesson\\.ts:${line}:\\d+$`));
    expect(verdict.message.en).toContain(`(lessons/docker0/lesson.ts:${line}:`);
  });
});
