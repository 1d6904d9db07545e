// The course: the lessons in order, each validated against the lesson format when the course loads. A lesson
// that breaks the format is left out (with its problem kept, for the author) and the rest keeps working; in
// development a lesson.ts is reloaded when it is saved, and a broken save keeps the last good version running.
import { pathToFileURL } from 'node:url';
import path from 'node:path';
import { fail } from '../grader/verdict';
import type { StepCheck, StepResolver } from '../grader/grader';
import challenge from './challenge/lesson';
import connect from './connect/lesson';
import dns from './dns/lesson';
import docker0 from './docker0/lesson';
import link from './link/lesson';
import manualNet from './manual-net/lesson';
import modes from './modes/lesson';
import multiHost from './multi-host/lesson';
import ports from './ports/lesson';
import troubleshoot from './troubleshoot/lesson';
import userNetworks from './user-networks/lesson';
import vethNetns from './veth-netns/lesson';
// lesson:new adds imports above this line
import { validateLesson, type Lesson, type Step } from './format';
import { checkQuiz } from './quiz';

/** The course in order (a path: each lesson builds on those before it): folder name and declaration. */
const DECLARED: [slug: string, lesson: unknown][] = [
  ['docker0', docker0],
  ['veth-netns', vethNetns],
  ['manual-net', manualNet],
  ['link', link],
  ['user-networks', userNetworks],
  ['connect', connect],
  ['modes', modes],
  ['ports', ports],
  ['dns', dns],
  ['troubleshoot', troubleshoot],
  ['challenge', challenge],
  ['multi-host', multiHost],
  // lesson:new adds lessons above this line
];

const lessonFile = (slug: string) => `lessons/${slug}/lesson.ts`;

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
  private readonly order: string[];

  constructor(declared: [string, unknown][]) {
    this.order = declared.map(([slug]) => slug);
    for (const [slug, lesson] of declared) this.accept(slug, lesson);
  }

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

  /** Loads a lesson.ts again (in development, after it was saved); a failure is kept as its problem. */
  async reload(slug: string): Promise<void> {
    if (!this.has(slug)) return;
    try {
      const url = `${pathToFileURL(path.resolve(lessonFile(slug))).href}?v=${Date.now()}`;
      this.accept(slug, ((await import(url)) as { default: unknown }).default);
    } catch (err) {
      this.problems.set(slug, { slug, message: `${lessonFile(slug)}: cannot be loaded: ${(err as Error).message}` });
    }
  }

  private accept(slug: string, declared: unknown): void {
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

export const COURSE = new Course(DECLARED);

/** How the grader runs a step: its state check, or its quiz against the learner's answer. */
export function runnerOf(step: Step): { run: StepCheck; quiz: boolean } {
  if (step.quiz) {
    const quiz = step.quiz;
    return { quiz: true, run: (ctx) => checkQuiz(ctx, quiz.answer, quiz.hint) };
  }
  return { quiz: false, run: step.check ?? (() => fail({ en: 'This step has no check.', zh: '这个步骤没有检查。' })) };
}
