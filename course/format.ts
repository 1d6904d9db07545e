// The lesson format: what `lessons/<slug>/lesson.ts` declares. Validated with zod, so a lesson that breaks
// it fails the build and `lessons:verify` with a message naming the file and what to fix.
import { z } from 'zod';
import type { CheckContext } from '../grader/grader';
import type { Verdict } from '../grader/verdict';
import type { Text } from '../lib/i18n';

const text = z.object({ en: z.string().min(1), zh: z.string().min(1) });
const fn = z.custom<(...args: never[]) => unknown>((v) => typeof v === 'function', 'must be a function');
const id = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'lower-case words joined by dashes, e.g. run-two');
/** A node's name is its host name and names its devices (to-node2): short. */
const nodeName = z.string().regex(/^[a-z][a-z0-9-]{0,11}$/, 'a host name of at most 12 lower-case letters, digits and dashes, e.g. node1');

/**
 * A shell command: on the lesson's (first) node, or on the node it names. `capture` (lessons:verify) keeps
 * what it prints, without surrounding space, in an environment variable of the commands after it (e.g. a
 * swarm's join token from node1 for node2).
 */
const CommandSchema = z.union([
  z.string().min(1),
  z.object({
    node: nodeName,
    run: z.string().min(1),
    capture: z.string().regex(/^[A-Z][A-Z0-9_]*$/, 'an upper-case variable name, e.g. TOKEN').optional(),
  }),
]);
export type Command = z.infer<typeof CommandSchema>;

export type QuizContext = CheckContext;
/**
 * A quiz's right answer(s), computed from the sandbox's state (never hard-coded when it depends on it); a
 * yes/no question's is a boolean, and every form of yes or no a learner types is accepted (see quiz.ts).
 */
type Answer = string | string[] | boolean | undefined;
export type QuizAnswer = (ctx: QuizContext) => Answer | Promise<Answer>;

const StepSchema = z
  .object({
    id,
    title: text,
    points: z.number().int().min(0).max(100),
    /** Shell commands that complete the step (run by lessons:verify, shown nowhere else). */
    solution: z.array(CommandSchema).min(1, 'give at least one command'),
    /** A check on the sandbox's state… */
    check: fn.optional(),
    /**
     * Why the check may pass in the lesson's fresh sandbox, when by design it cannot fail there (rare):
     * lessons:verify then skips that test and shows why.
     */
    passesFresh: z.string().min(1).optional(),
    /** …or a quiz, answered by the learner and checked against the state. */
    quiz: z
      .object({
        answer: fn,
        /** A plausible wrong answer, for lessons:verify to prove the quiz can fail. */
        wrong: z.string().min(1),
        /** Shown when the answer is wrong (what to look at). */
        hint: text.optional(),
      })
      .optional(),
  })
  .refine((s) => !!s.check !== !!s.quiz, { message: 'a step needs exactly one of `check` or `quiz`' });

const LessonSchema = z
  .object({
    slug: id,
    title: text,
    summary: text,
    minutes: z.number().int().min(1).max(240),
    /** Slugs of the lessons this one builds on. */
    buildsOn: z.array(id).default([]),
    /** A multi-host lesson's nodes (2 or 3): one sandbox each, joined by a private network. */
    nodes: z.array(nodeName).min(2, 'a multi-host lesson has 2 or 3 nodes').max(3, 'a multi-host lesson has 2 or 3 nodes').optional(),
    /** Commands run in the sandbox when it is assigned to this lesson. */
    setup: z.array(CommandSchema).default([]),
    steps: z.array(StepSchema).min(1, 'a lesson needs at least one step'),
  })
  .superRefine((lesson, ctx) => {
    const seen = new Set<string>();
    lesson.steps.forEach((s, i) => {
      if (seen.has(s.id)) ctx.addIssue({ code: 'custom', path: ['steps', i, 'id'], message: `step id ${s.id} is used twice` });
      seen.add(s.id);
    });
    if (lesson.nodes && new Set(lesson.nodes).size !== lesson.nodes.length) ctx.addIssue({ code: 'custom', path: ['nodes'], message: 'a node is named twice' });
    const known = new Set(lesson.nodes ?? []);
    const checkNodes = (commands: Command[], path: (string | number)[]) =>
      commands.forEach((c, i) => {
        if (typeof c !== 'string' && !known.has(c.node)) {
          const message = lesson.nodes ? `there is no node ${c.node} (the nodes are ${lesson.nodes.join(', ')})` : 'only a multi-host lesson (with `nodes`) names nodes';
          ctx.addIssue({ code: 'custom', path: [...path, i, 'node'], message });
        }
      });
    checkNodes(lesson.setup, ['setup']);
    lesson.steps.forEach((s, i) => checkNodes(s.solution, ['steps', i, 'solution']));
  });

export type Step = {
  id: string;
  title: Text;
  points: number;
  solution: Command[];
  check?: (ctx: CheckContext) => Verdict | Promise<Verdict>;
  passesFresh?: string;
  quiz?: { answer: QuizAnswer; wrong: string; hint?: Text };
};

export type Lesson = {
  slug: string;
  title: Text;
  summary: Text;
  minutes: number;
  buildsOn: string[];
  nodes?: string[];
  setup: Command[];
  steps: Step[];
};

export type LessonInput = Omit<Lesson, 'buildsOn' | 'setup'> & { buildsOn?: string[]; setup?: Command[] };

/** Where a command runs: the node it names, else the lesson's first node (or its only sandbox). */
export function commandTarget(command: Command): { node?: string; run: string; capture?: string } {
  return typeof command === 'string' ? { run: command } : command;
}

/** Declares a lesson (typed for the author; validated when the course loads). */
export function defineLesson(lesson: LessonInput): LessonInput {
  return lesson;
}

/** Validates a declared lesson; the error names the file and each problem with its path. */
export function validateLesson(input: unknown, file: string): Lesson {
  const parsed = LessonSchema.safeParse(input);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `  - ${i.path.length ? i.path.join('.') : '(lesson)'}: ${i.message}`);
    throw new Error(`${file}: the lesson does not match the lesson format:\n${problems.join('\n')}`);
  }
  return parsed.data as unknown as Lesson;
}
