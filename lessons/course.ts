// The course: the lessons in order, each validated against the lesson format when the course loads.
import { fail } from '../grader/verdict';
import type { StepCheck, StepResolver } from '../grader/grader';
import connect from './connect/lesson';
import dns from './dns/lesson';
import docker0 from './docker0/lesson';
import link from './link/lesson';
import manualNet from './manual-net/lesson';
import modes from './modes/lesson';
import ports from './ports/lesson';
import userNetworks from './user-networks/lesson';
import vethNetns from './veth-netns/lesson';
// lesson:new adds imports above this line
import { validateLesson, type Lesson, type LessonInput, type Step } from './format';
import { checkQuiz } from './quiz';

/** The course in order (a path: each lesson builds on those before it): folder name and declaration. */
const DECLARED: [slug: string, lesson: LessonInput][] = [
  ['docker0', docker0],
  ['veth-netns', vethNetns],
  ['manual-net', manualNet],
  ['link', link],
  ['user-networks', userNetworks],
  ['connect', connect],
  ['modes', modes],
  ['ports', ports],
  ['dns', dns],
  // lesson:new adds lessons above this line
];

function load(): Lesson[] {
  return DECLARED.map(([slug, declared]) => {
    const lesson = validateLesson(declared, `lessons/${slug}/lesson.ts`);
    if (lesson.slug !== slug) throw new Error(`lessons/${slug}/lesson.ts: slug is ${lesson.slug}, but the folder is ${slug}`);
    return lesson;
  });
}

export const COURSE: Lesson[] = load();

export const findLesson = (slug: string) => COURSE.find((l) => l.slug === slug);

/** How the grader runs a step: its state check, or its quiz against the learner's answer. */
export function runnerOf(step: Step): { run: StepCheck; quiz: boolean } {
  if (step.quiz) {
    const quiz = step.quiz;
    return { quiz: true, run: (ctx) => checkQuiz(ctx, quiz.answer, quiz.hint) };
  }
  return { quiz: false, run: step.check ?? (() => fail({ en: 'This step has no check.', zh: '这个步骤没有检查。' })) };
}

/** The grader's way to a step of the course. */
export const resolveStep: StepResolver = (slug, stepId) => {
  const step = findLesson(slug)?.steps.find((s) => s.id === stepId);
  return step ? runnerOf(step) : undefined;
};
