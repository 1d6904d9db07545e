// The class view (learners × steps) and its CSV, from a class's progress as the store reports it; and which
// addresses the instructor gate keeps for signed-in instructors.
import { parse } from 'csv-parse/sync';
import { learnerTag } from '@/lib/learner';
import { describe, expect, it } from 'vitest';
import { loadCourse } from '@/course/course';

const COURSE = await loadCourse();
import { buildClassView, cellText, classViewCsv } from '@/server/class-view';
import { needsInstructor } from '@/server/instructor-session';
import type { Member, StepProgress } from '@/store/classes';

const members: Member[] = [
  { learner: 'a', name: 'Ada', joinedAt: '2026-11-01T10:00:00.000Z' },
  { learner: 'b', name: '=HYPERLINK("http://x")', joinedAt: '2026-11-02T10:00:00.000Z' },
];
const progress: StepProgress[] = [
  { learner: 'a', lesson: 'docker0', step: 'see-docker0', passed: true, failed: 2, solution: false },
  { learner: 'a', lesson: 'docker0', step: 'run-two', passed: true, failed: 0, solution: true },
  { learner: 'b', lesson: 'docker0', step: 'see-docker0', passed: false, failed: 3, solution: true },
  { learner: 'b', lesson: 'link', step: COURSE.find('link')!.steps[0]!.id, passed: false, failed: 0, solution: true },
  { learner: 'outsider', lesson: 'docker0', step: 'run-two', passed: true, failed: 0, solution: false },
];

describe('the class view', () => {
  it('has a column per step of the course and a row per member, with totals', () => {
    const view = buildClassView(COURSE.lessons, members, progress, 'en');
    expect(view.columns).toHaveLength(COURSE.lessons.reduce((n, l) => n + l.steps.length, 0));
    expect(view.rows.map((r) => r.name)).toEqual(['Ada', '=HYPERLINK("http://x")']);
    // Rows name learners by their tag: the instructor never holds a learner's id, which is their cookie.
    expect(view.rows.map((r) => r.learner)).toEqual([learnerTag('a'), learnerTag('b')]);
    expect(learnerTag('a')).toMatch(/^[0-9a-f]{16}$/);
    const [ada, b] = view.rows;
    expect(ada!.cells[0]).toEqual({ status: 'passed', failed: 2, solution: false });
    expect(ada!.cells[1]).toEqual({ status: 'passed', failed: 0, solution: true });
    expect(ada!.cells[2]).toEqual({ status: 'untried', failed: 0, solution: false });
    expect(ada).toMatchObject({ passed: 2, points: 15 });
    expect(b!.cells[0]).toEqual({ status: 'failed', failed: 3, solution: true });
    expect(b).toMatchObject({ passed: 0, points: 0 });
  });

  it('filters by lesson', () => {
    const view = buildClassView(COURSE.lessons, members, progress, 'zh', 'docker0');
    expect(view.columns.map((c) => c.step)).toEqual(['see-docker0', 'run-two', 'find-veth', 'reach-from-host', 'remove']);
    expect(view.columns[0]!.lessonTitle).toBe('docker0：默认网桥');
  });

  it('says each cell in words', () => {
    expect(cellText({ status: 'passed', failed: 0, solution: false })).toBe('passed');
    expect(cellText({ status: 'passed', failed: 2, solution: true })).toBe('passed after 2 failed + solution');
    expect(cellText({ status: 'failed', failed: 3, solution: false })).toBe('failed ×3');
    expect(cellText({ status: 'untried', failed: 0, solution: true })).toBe('+ solution');
    expect(cellText({ status: 'untried', failed: 0, solution: false })).toBe('');
  });

  it('exports as CSV that a spreadsheet reads back, a name cannot become a formula', () => {
    const view = buildClassView(COURSE.lessons, members, progress, 'en', 'docker0');
    const rows = parse(classViewCsv(view)) as string[][];
    expect(rows[0]).toEqual(['learner', 'joined', 'docker0/see-docker0', 'docker0/run-two', 'docker0/find-veth', 'docker0/reach-from-host', 'docker0/remove', 'steps passed', 'points']);
    expect(rows[1]).toEqual(['Ada', '2026-11-01T10:00:00.000Z', 'passed after 2 failed', 'passed + solution', '', '', '', '2', '15']);
    expect(rows[2]![0]).toBe(`'=HYPERLINK("http://x")`);
    expect(rows[2]![2]).toBe('failed ×3 + solution');
  });
});

describe('the instructor area', () => {
  it('covers every instructor page and API but signing in', () => {
    for (const p of ['/instructor', '/instructor/', '/instructor/classes/x', '/api/instructor/classes', '/api/instructor/lessons/docker0/verify', '/api/instructor/session/end']) {
      expect(needsInstructor(p), p).toBe(true);
    }
    for (const p of ['/instructor/sign-in', '/api/instructor/session', '/', '/lessons/docker0', '/join/abc', '/instructors', '/api/health']) {
      expect(needsInstructor(p), p).toBe(false);
    }
  });
});
