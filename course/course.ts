// The course: the lessons named in lessons/course.json, in that order, each loaded from its folder and
// validated against the lesson format. A lesson that breaks the format is left out (with its problem kept,
// for the author) and the rest keeps working; in development a lesson.ts is reloaded when it is saved, and a
// broken save keeps the last good version running.
import fs from 'node:fs';
import { pathToFileURL } from 'node:url';
import path from 'node:path';
import { z } from 'zod';
import { fail } from '../grader/verdict';
import type { StepCheck, StepResolver } from '../grader/grader';
import { validateLesson, type Lesson, type Step } from './format';
import { checkQuiz } from './quiz';

/** The course order: one lesson folder name per entry. Adding a lesson is one line here. */
export const COURSE_ORDER_FILE = 'lessons/course.json';
const CourseOrder = z.array(z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/)).refine((l) => new Set(l).size === l.length, 'a lesson is listed twice');

const lessonFile = (slug: string) => `lessons/${slug}/lesson.ts`;
const lessonUrl = (root: string, slug: string, version = '') => pathToFileURL(path.join(root, lessonFile(slug))).href + version;

/** What is wrong with a lesson's files, for its author: the file, the line when known, and what to fix. */
export type LessonProblem = { slug: string; message: string };

function validated(slug: string, declared: unknown): Lesson {
  const lesson = validateLesson(declared, lessonFile(slug));
  if (lesson.slug !== slug) throw new Error(`${lessonFile(slug)}: slug is ${lesson.slug}, but the folder is ${slug}; make them the same`);
  return lesson;
}

export class Course {
  /** The last good version of each lesson (none when it never loaded). */
  private readonly good = new Map<string, Lesson>();
  private readonly problems = new Map<string, LessonProblem>();

  constructor(
    private readonly order: string[],
    private readonly root = process.cwd(),
  ) {}

  /** The lessons that load, in course order. */
  get lessons(): Lesson[] {
    return this.order.flatMap((slug) => this.good.get(slug) ?? []);
  }

  /** Every lesson whose lesson.ts is broken now, in course order. */
  get brokenLessons(): LessonProblem[] {
    return this.order.flatMap((slug) => this.problems.get(slug) ?? []);
  }

  find(slug: string): Lesson | undefined {
    return this.good.get(slug);
  }

  problemOf(slug: string): LessonProblem | undefined {
    return this.problems.get(slug);
  }

  has(slug: string): boolean {
    return this.order.includes(slug);
  }

  /** Loads a lesson.ts (again, in development, after it was saved); a failure is kept as its problem. */
  async load(slug: string, { again = false } = {}): Promise<void> {
    if (!this.has(slug)) return;
    try {
      // A new URL makes Node read the saved file instead of its module cache.
      const url = lessonUrl(this.root, slug, again ? `?v=${Date.now()}` : '');
      this.accept(slug, ((await import(url)) as { default: unknown }).default);
    } catch (err) {
      this.problems.set(slug, { slug, message: `${lessonFile(slug)}: cannot be loaded: ${(err as Error).message}` });
    }
  }

  /** Takes a lesson's declaration: validated, it replaces the last good version; broken, it is kept as a problem. */
  accept(slug: string, declared: unknown): void {
    try {
      this.good.set(slug, validated(slug, declared));
      this.problems.delete(slug);
    } catch (err) {
      this.problems.set(slug, { slug, message: (err as Error).message });
    }
  }

  /** The grader's way to a step of the course. */
  readonly resolveStep: StepResolver = (slug, stepId) => {
    const step = this.find(slug)?.steps.find((s) => s.id === stepId);
    return step ? runnerOf(step) : undefined;
  };
}

/** The course order, from lessons/course.json. */
export function readCourseOrder(root = process.cwd()): string[] {
  const file = path.join(root, COURSE_ORDER_FILE);
  let order;
  try {
    order = CourseOrder.safeParse(JSON.parse(fs.readFileSync(file, 'utf8')));
  } catch (err) {
    throw new Error(`${COURSE_ORDER_FILE}: cannot be read: ${(err as Error).message}`);
  }
  if (!order.success) throw new Error(`${COURSE_ORDER_FILE}: must be a list of lesson folder names, e.g. ["docker0", "veth-netns"] (${order.error.issues[0]?.message})`);
  return order.data;
}

/** The course: every lesson of the order, loaded. */
export async function loadCourse(root = process.cwd()): Promise<Course> {
  const order = readCourseOrder(root);
  const course = new Course(order, root);
  await Promise.all(order.map((slug) => course.load(slug)));
  return course;
}

/** How the grader runs a step: its state check, or its quiz against the learner's answer. */
export function runnerOf(step: Step): { run: StepCheck; quiz: boolean } {
  if (step.quiz) {
    const quiz = step.quiz;
    return { quiz: true, run: (ctx) => checkQuiz(ctx, quiz.answer, quiz.hint) };
  }
  return { quiz: false, run: step.check ?? (() => fail({ en: 'This step has no check.', zh: '这个步骤没有检查。' })) };
}
