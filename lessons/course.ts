// The course: the lessons in order, each validated against the lesson format when the course loads.
import { fail } from '../grader/verdict';
import type { StepResolver } from '../grader/grader';
import connect from './connect/lesson';
import dns from './dns/lesson';
import docker0 from './docker0/lesson';
import link from './link/lesson';
import manualNet from './manual-net/lesson';
import modes from './modes/lesson';
import ports from './ports/lesson';
import userNetworks from './user-networks/lesson';
import vethNetns from './veth-netns/lesson';
import { validateLesson, type Lesson, type LessonInput } from './format';
import { checkQuiz } from './quiz';

/** The order of the course (a path: each lesson builds on those before it). */
export const COURSE_ORDER = ['docker0', 'veth-netns', 'manual-net', 'link', 'user-networks', 'connect', 'modes', 'ports', 'dns'];

const WRITTEN: Record<string, LessonInput> = {
  docker0,
  'veth-netns': vethNetns,
  'manual-net': manualNet,
  link,
  'user-networks': userNetworks,
  connect,
  modes,
  ports,
  dns,
};

function load(): Lesson[] {
  return COURSE_ORDER.map((slug) => {
    const declared = WRITTEN[slug];
    if (!declared) throw new Error(`lessons/course.ts: ${slug} is in the course order but has no lessons/${slug}/lesson.ts`);
    const lesson = validateLesson(declared, `lessons/${slug}/lesson.ts`);
    if (lesson.slug !== slug) throw new Error(`lessons/${slug}/lesson.ts: slug is ${lesson.slug}, but the folder is ${slug}`);
    return lesson;
  });
}

export const COURSE: Lesson[] = load();

export const findLesson = (slug: string) => COURSE.find((l) => l.slug === slug);

/** The grader's way to a step's check: a state check, or a quiz answered by the learner. */
export const resolveStep: StepResolver = (slug, stepId) => {
  const step = findLesson(slug)?.steps.find((s) => s.id === stepId);
  if (!step) return undefined;
  if (step.quiz) {
    const quiz = step.quiz;
    return { quiz: true, run: (ctx) => checkQuiz(ctx, quiz.answer, quiz.hint) };
  }
  return { quiz: false, run: step.check ?? (() => fail({ en: 'This step has no check.', zh: '这个步骤没有检查。' })) };
};
