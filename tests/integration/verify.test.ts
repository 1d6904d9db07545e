// lessons:verify's rules, on a real sandbox: a check that passes in the lesson's fresh sandbox is refused
// (it could be fooled), even when it fails before its solution and passes after; a step that declares why
// its check cannot fail there is shown as such.
import { describe, expect, it } from 'vitest';
import { container } from '@/grader/vocabulary';
import type { Snapshot } from '@/grader/model';
import { fail, pass } from '@/grader/verdict';
import { defineLesson, validateLesson } from '@/course/format';
import { verifyLesson } from '@/course/verify-lesson';
import { testBackend, testConfig } from '../support/engine';

const absent = (name: string) => ({ snap }: { snap: Snapshot }) =>
  container(snap, name) ? fail({ en: `${name} exists`, zh: `${name} 存在` }) : pass({ en: `no ${name}`, zh: `没有 ${name}` });

const lesson = validateLesson(
  defineLesson({
    slug: 'fresh-rule',
    minutes: 1,
    title: { en: 'Fresh rule', zh: '全新规则' },
    summary: { en: 'A test lesson.', zh: '测试课程。' },
    steps: [
      {
        id: 'run-both',
        title: { en: 'Run two', zh: '运行两个' },
        points: 1,
        solution: ['docker run -d --name c2 busybox sleep 1d', 'docker run -d --name c3 busybox sleep 1d'],
        check: ({ snap }) =>
          container(snap, 'c2')?.running && container(snap, 'c3')?.running ? pass({ en: 'both run', zh: '都在运行' }) : fail({ en: 'not both', zh: '不全' }),
      },
      // The docker0 "remove" bug: "c2 is gone" holds before c2 ever existed.
      { id: 'remove-c2', title: { en: 'Remove c2', zh: '删除 c2' }, points: 1, solution: ['docker rm -f c2'], check: absent('c2') },
      {
        id: 'remove-c3',
        title: { en: 'Remove c3', zh: '删除 c3' },
        points: 1,
        solution: ['docker rm -f c3'],
        check: absent('c3'),
        passesFresh: 'declared by the test',
      },
    ],
  }),
  'tests/integration/verify.test.ts',
);

describe('lessons:verify', () => {
  it('refuses a check that passes in the fresh sandbox, and shows a declared one', async () => {
    const rows = await verifyLesson(testBackend(testConfig('it-verify')), 'it-verify', lesson);
    expect(rows.map((r) => [r.step, r.fresh, r.before, r.after, r.ok])).toEqual([
      ['run-both', 'FAIL', 'FAIL', 'PASS', true],
      ['remove-c2', 'PASS (should fail)', 'FAIL', 'PASS', false],
      ['remove-c3', 'not checked: declared by the test', 'FAIL', 'PASS', true],
    ]);
    expect(rows[1]!.note).toContain('the check passes in the fresh sandbox');
  });
});
