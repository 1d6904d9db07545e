import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCourse } from '@/course/course';

const COURSE = await loadCourse();
import { stepIdsIn, validateLessonText } from '@/course/content';
import { validateLesson, type Lesson } from '@/course/format';
import { checkQuiz, normalizeAnswer } from '@/course/quiz';
import type { QuizContext } from '@/course/format';
import { tempDir } from '../support/temp';

const valid = {
  slug: 'demo',
  title: { en: 'Demo', zh: '演示' },
  summary: { en: 'A demo', zh: '一个演示' },
  minutes: 5,
  steps: [{ id: 'one', title: { en: 'One', zh: '一' }, points: 5, solution: ['true'], check: () => ({ pass: true, message: { en: '', zh: '' } }) }],
};

describe('the lesson format', () => {
  it('accepts a valid lesson and fills defaults', () => {
    const lesson = validateLesson(valid, 'lessons/demo/lesson.ts');
    expect(lesson.setup).toEqual([]);
    expect(lesson.buildsOn).toEqual([]);
  });

  it('names the file and every problem with its path', () => {
    const broken = {
      ...valid,
      minutes: 0,
      title: { en: 'Demo' },
      steps: [
        { ...valid.steps[0], id: 'Bad Id', solution: [] },
        { ...valid.steps[0], id: 'two', check: undefined },
      ],
    };
    let message = '';
    try {
      validateLesson(broken, 'lessons/demo/lesson.ts');
    } catch (err) {
      message = (err as Error).message;
    }
    expect(message).toMatch(/^lessons\/demo\/lesson\.ts: the lesson does not match the lesson format:/);
    expect(message).toContain('minutes:');
    expect(message).toContain('title.zh:');
    expect(message).toContain('steps.0.id: lower-case words joined by dashes');
    expect(message).toContain('steps.0.solution: give at least one command');
    expect(message).toContain('steps.1: a step needs exactly one of `check` or `quiz`');
  });

  it('accepts a multi-host lesson whose commands name its nodes, one capturing for the next', () => {
    const solution = [{ node: 'node1', run: 'docker swarm join-token -q worker', capture: 'TOKEN' }, { node: 'node2', run: 'docker swarm join --token "$TOKEN" node1' }];
    const lesson = validateLesson({ ...valid, nodes: ['node1', 'node2'], steps: [{ ...valid.steps[0], solution }] }, 'lessons/demo/lesson.ts');
    expect(lesson.nodes).toEqual(['node1', 'node2']);
    expect(lesson.steps[0]!.solution).toEqual(solution);
  });

  it('refuses a node count it cannot run, unknown nodes, and nodes in a lesson that has none', () => {
    const at = (input: unknown) => {
      try {
        validateLesson(input, 'lessons/demo/lesson.ts');
        return '';
      } catch (err) {
        return (err as Error).message;
      }
    };
    expect(at({ ...valid, nodes: ['node1'] })).toContain('nodes: a multi-host lesson has 2 or 3 nodes');
    expect(at({ ...valid, nodes: ['a', 'b', 'c', 'd'] })).toContain('nodes: a multi-host lesson has 2 or 3 nodes');
    expect(at({ ...valid, nodes: ['node1', 'node1'] })).toContain('nodes: a node is named twice');
    expect(at({ ...valid, nodes: ['node1', 'Node 2'] })).toContain('nodes.1: a host name of at most 12');
    const onNode3 = { ...valid.steps[0], solution: [{ node: 'node3', run: 'true' }] };
    expect(at({ ...valid, nodes: ['node1', 'node2'], steps: [onNode3] })).toContain('steps.0.solution.0.node: there is no node node3 (the nodes are node1, node2)');
    expect(at({ ...valid, steps: [onNode3] })).toContain('steps.0.solution.0.node: only a multi-host lesson (with `nodes`) names nodes');
    expect(at({ ...valid, nodes: ['node1', 'node2'], setup: [{ node: 'node2', run: 'x', capture: 'lower' }] })).toContain('setup.0.capture: an upper-case variable name');
  });

  it('refuses a step id used twice', () => {
    const twice = { ...valid, steps: [valid.steps[0], { ...valid.steps[0] }] };
    expect(() => validateLesson(twice, 'lessons/demo/lesson.ts')).toThrow('steps.1.id: step id one is used twice');
  });

  it('loads the course: written lessons validated, every slug in order', () => {
    expect(COURSE.lessons.map((e) => e.slug)).toEqual(['docker0', 'veth-netns', 'manual-net', 'link', 'user-networks', 'connect', 'modes', 'ports', 'dns', 'troubleshoot', 'challenge', 'multi-host']);
    expect(COURSE.find('multi-host')?.nodes).toEqual(['node1', 'node2']);
    expect(COURSE.find('docker0')?.steps.map((s) => s.id)).toEqual(['see-docker0', 'run-two', 'find-veth', 'reach-from-host', 'remove']);
    expect(COURSE.find('veth-netns')?.steps.map((s) => s.id)).toEqual(['add-netns', 'veth-pair', 'move', 'peer-index', 'address', 'peer', 'bridge-two']);
    expect(COURSE.resolveStep('docker0', 'see-docker0')?.quiz).toBe(true);
    expect(COURSE.resolveStep('docker0', 'run-two')?.quiz).toBe(false);
    expect(COURSE.resolveStep('docker0', 'nope')).toBeUndefined();
  });
});

describe('lesson texts', () => {
  const lesson = COURSE.find('docker0')!;

  it('finds the step ids an MDX text names, with their lines', () => {
    expect(stepIdsIn('intro\n\n<Step id="a">\n\ntext\n\n</Step>\n<Step  id=\'b\'>')).toEqual([
      { id: 'a', line: 3 },
      { id: 'b', line: 8 },
    ]);
  });

  it('accepts the course’s own texts', async () => {
    for (const lesson of COURSE.lessons) await expect(validateLessonText(lesson)).resolves.toBeUndefined();
  });

  it('names the file and line of a step id lesson.ts lacks, and of an MDX syntax error', async () => {
    const dir = tempDir('lesson');
    const cwd = process.cwd();
    fs.mkdirSync(path.join(dir, 'lessons', 'docker0'), { recursive: true });
    const write = (en: string, zh: string) => {
      fs.writeFileSync(path.join(dir, 'lessons/docker0/index.mdx'), en);
      fs.writeFileSync(path.join(dir, 'lessons/docker0/index.zh.mdx'), zh);
    };
    try {
      process.chdir(dir);
      write('# ok\n\n<Step id="run-two">\n\nx\n\n</Step>\n', 'a\n\nb\n\n<Step id="run-three">\n\n</Step>\n');
      await expect(validateLessonText(lesson as Lesson)).rejects.toThrow(
        'lessons/docker0/index.zh.mdx:5: <Step id="run-three"> names a step that lessons/docker0/lesson.ts does not have',
      );
      write('# ok\n\n<Step id="run-two">\n\nunclosed {\n', 'fine\n');
      await expect(validateLessonText(lesson as Lesson)).rejects.toThrow(/^lessons\/docker0\/index\.mdx:\d+(:\d+)?: MDX syntax error/);
    } finally {
      process.chdir(cwd);
    }
  });
});

describe('quiz answers', () => {
  it('ignore case, spaces, quotes and an address prefix', () => {
    expect(normalizeAnswer('  172.17.0.1/16 ')).toBe('172.17.0.1');
    expect(normalizeAnswer('`vethAB12`')).toBe('vethab12');
    expect(normalizeAnswer('DOCKER')).toBe('docker');
  });

  it('ignore trailing punctuation, in either language', () => {
    expect(normalizeAnswer('ng1.')).toBe('ng1');
    expect(normalizeAnswer('ng1。')).toBe('ng1');
    expect(normalizeAnswer('“docker0”！')).toBe('docker0');
  });

  it.each([
    ['yes', 'yes'], ['Yes.', 'yes'], ['YES!', 'yes'], ['y', 'yes'], ['是', 'yes'], ['是的。', 'yes'], ['能', 'yes'], ['可以！', 'yes'],
    ['no', 'no'], ['No.', 'no'], ['NO?', 'no'], ['否', 'no'], ['不能。', 'no'], ['不可以', 'no'], ['不行！', 'no'], ['不？', 'no'],
  ])('read %s as %s', (typed, meant) => {
    expect(normalizeAnswer(typed)).toBe(meant);
  });

  it('accept every form of the right yes/no, and refuse the other', async () => {
    const ask = (answer: string, right: boolean) => checkQuiz({ answer } as QuizContext, () => right);
    for (const typed of ['no', 'No.', '不能', '否', '不可以。', '不行']) expect((await ask(typed, false)).pass, typed).toBe(true);
    for (const typed of ['yes', '能', '是', '可以']) expect((await ask(typed, false)).pass, typed).toBe(false);
    expect((await ask('是的！', true)).pass).toBe(true);
    expect((await ask('maybe', true)).pass).toBe(false);
  });
});
