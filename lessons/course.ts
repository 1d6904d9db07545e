// The course: the lessons in order, each written one validated (lesson.ts) or still planned.
import { fail } from '../grader/verdict';
import type { StepResolver } from '../grader/grader';
import docker0 from './docker0/lesson';
import vethNetns from './veth-netns/lesson';
import { validateLesson, type Lesson, type LessonInput } from './format';
import { PLANNED, type PlannedLesson } from './planned';
import { checkQuiz } from './quiz';

/** The order of the course (a path: each lesson builds on those before it). */
export const COURSE_ORDER = ['docker0', 'veth-netns', 'manual-net', 'link', 'user-networks', 'connect', 'modes', 'ports', 'dns'];

const WRITTEN: Record<string, LessonInput> = { docker0, 'veth-netns': vethNetns };

export type CourseEntry = PlannedLesson & { lesson?: Lesson };

function load(): CourseEntry[] {
  return COURSE_ORDER.map((slug) => {
    const written = WRITTEN[slug];
    if (written) {
      const lesson = validateLesson(written, `lessons/${slug}/lesson.ts`);
      if (lesson.slug !== slug) throw new Error(`lessons/${slug}/lesson.ts: slug is ${lesson.slug}, but the folder is ${slug}`);
      return { slug, minutes: lesson.minutes, title: lesson.title, summary: lesson.summary, lesson };
    }
    const planned = PLANNED.find((p) => p.slug === slug);
    if (!planned) throw new Error(`lessons/course.ts: ${slug} is in the course order but neither written nor planned`);
    return planned;
  });
}

export const COURSE: CourseEntry[] = load();

export const findCourseEntry = (slug: string) => COURSE.find((e) => e.slug === slug);
export const findLesson = (slug: string) => findCourseEntry(slug)?.lesson;

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
