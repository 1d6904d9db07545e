// The socket.io protocol of the terminal and the grader, shared by the browser and the server. Every payload from the browser
// is parsed with these schemas before use.
import { z } from 'zod';

/** Largest single input message; the browser splits pastes into pieces of INPUT_CHUNK. */
export const INPUT_MAX = 64 * 1024;
export const INPUT_CHUNK = 16 * 1024;

/** Input as the browser sends it, typed or ▶ Run: in pieces of at most INPUT_CHUNK. */
export function inputChunks(data: string): string[] {
  const chunks: string[] = [];
  for (let i = 0; i < data.length; i += INPUT_CHUNK) chunks.push(data.slice(i, i + INPUT_CHUNK));
  return chunks;
}
/** Input waiting to reach the sandbox beyond this is refused (with a notice), so a paste cannot pile up. */
export const INPUT_BACKLOG_MAX = 2 * 1024 * 1024;

export const ResizeRequest = z.object({
  cols: z.number().int().min(1).max(1000),
  rows: z.number().int().min(1).max(1000),
});
/** Opening the terminal: its size, the lesson whose setup the sandbox needs, and (multi-host) which node's shell. */
export const OpenRequest = ResizeRequest.extend({
  lesson: z.string().regex(/^[a-z0-9-]{1,64}$/).optional(),
  node: z.string().regex(/^[a-z][a-z0-9-]{0,11}$/).optional(),
});
export type OpenRequest = z.infer<typeof OpenRequest>;
export const InputMessage = z.string().max(INPUT_MAX);
export const AckMessage = z.number().int().min(0).max(1 << 30);

/** Why a terminal is not (or no longer) usable; the browser shows a translated message for each. */
export const ERROR_CODES = [
  'no-learner',
  'foreign-origin',
  'start-failed',
  'disconnected',
  'ended-idle',
  'ended-lifetime',
  'ended-gone',
  'ended-shutdown',
  'bad-request',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];
/** A refusal's code comes from outside the types (socket.io's connect_error): is it one of ours? */
export const isErrorCode = (code: unknown): code is ErrorCode => (ERROR_CODES as readonly unknown[]).includes(code);
/** What the terminal shows for a moment (EVENTS.notice); the browser shows a translated message for each. */
export const NOTICE_CODES = ['input-overflow', 'sandbox-replaced', 'sandbox-kept'] as const;
export type NoticeCode = (typeof NOTICE_CODES)[number];

export type TerminalStatus =
  | { state: 'starting' }
  | { state: 'queued'; position: number }
  /** The engine that runs the sandboxes does not answer (restarting): the terminal comes back by itself. */
  | { state: 'engine-down' }
  | { state: 'ready'; hostname: string }
  | { state: 'error'; code: ErrorCode; detail?: string };

export const EVENTS = {
  open: 'terminal:open',
  input: 'terminal:input',
  resize: 'terminal:resize',
  ack: 'terminal:ack',
  reset: 'sandbox:reset',
  output: 'terminal:output',
  status: 'terminal:status',
  notice: 'terminal:notice',
  check: 'grader:check',
  verdict: 'grader:verdict',
  solutionOpened: 'lesson:solution-opened',
  topology: 'topology:graph',
  topologyGet: 'topology:get',
  /** Development: a lesson's files were saved; its open pages refresh. */
  lessonChanged: 'lesson:changed',
} as const;

/** A step to check, as the browser names it. */
export const StepRef = z.object({
  lesson: z.string().regex(/^[a-z0-9-]{1,64}$/),
  step: z.string().regex(/^[a-z0-9-]{1,64}$/),
});
export type StepRef = z.infer<typeof StepRef>;
/** "Check now", with the learner's answer when the step is a quiz. */
export const CheckRequest = StepRef.extend({ answer: z.string().max(500).optional() });
