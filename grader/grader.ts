// The grader service: checks a learner's step against their sandbox, on request ("check now") or by itself
// when a command finishes in their shell, and stores every result as an attempt.
import { EventEmitter } from 'node:events';
import type { SandboxPool } from '../sandbox/pool';
import type { AttemptStore } from '../store/attempts';
import { containerLogs } from './container-logs';
import type { Snapshot } from './model';
import { Prober } from './probes';
import { snapshotOf, sessionEntries, type NodeEntry } from './snapshot';
import { fail, runCheck, type Verdict } from './verdict';

export type CheckContext = {
  /** The sandbox's snapshot (a multi-host lesson's first node's). */
  snap: Snapshot;
  /** Every node's snapshot by its name (a multi-host lesson's `snaps.node2`). */
  snaps: Record<string, Snapshot>;
  probe: Prober;
  /** A container's output (`docker logs`, its last 1000 lines) on the sandbox or the node named; undefined when there is no such container. */
  logs: (container: string, node?: string) => Promise<string | undefined>;
  /** The learner's answer, for a quiz. */
  answer?: string;
};
export type StepCheck = (ctx: CheckContext) => Verdict | Promise<Verdict>;
/** Finds the check of a lesson's step (the lessons declare them); a quiz needs the learner's answer. */
export type StepResolver = (lesson: string, step: string) => { run: StepCheck; quiz: boolean } | undefined;

type StepRef = { lesson: string; step: string };
type CheckRequest = StepRef & { answer?: string };

/** After a command ends, wait this long for the next one before checking (a pasted script ends many). */
const AUTO_CHECK_DEBOUNCE_MS = 250;

/** What a check sees of a session's nodes: a fresh snapshot of each, probes from any of them, their files. */
export async function sessionContext(nodes: NodeEntry[]): Promise<CheckContext> {
  const snapshots = await Promise.all(nodes.map((n) => snapshotOf(n.entry)));
  const snaps = Object.fromEntries(nodes.map((n, i) => [n.name, snapshots[i]!]));
  return {
    snap: snapshots[0]!,
    snaps,
    probe: new Prober(nodes.map((n, i) => ({ name: n.name, pid: n.entry.pid, snap: snapshots[i]! }))),
    logs: async (name, node = nodes[0]!.name) => {
      const entry = nodes.find((n) => n.name === node)?.entry;
      return entry ? containerLogs(entry, name) : undefined;
    },
  };
}

/** Runs one check against the session's nodes, bounded (see runCheck). */
export function checkSession(nodes: NodeEntry[], check: StepCheck, answer?: string): Promise<Verdict> {
  return runCheck(async () => check({ ...(await sessionContext(nodes)), answer }));
}

export interface Grader {
  on(event: 'verdict', listener: (learnerId: string, ref: StepRef, verdict: Verdict) => void): this;
}

export class Grader extends EventEmitter {
  private readonly current = new Map<string, StepRef>();
  private readonly debounce = new Map<string, NodeJS.Timeout>();
  /** One check at a time per session: the next waits for the one in flight. */
  private readonly queue = new Map<string, Promise<unknown>>();

  constructor(
    private readonly pool: SandboxPool,
    private readonly attempts: AttemptStore,
    private readonly resolve: StepResolver,
  ) {
    super();
  }

  /** The step the learner is on: the one re-checked when a command finishes. */
  setCurrentStep(learnerId: string, ref: StepRef): void {
    this.current.set(learnerId, ref);
  }

  commandFinished(learnerId: string): void {
    if (!this.current.has(learnerId)) return;
    clearTimeout(this.debounce.get(learnerId));
    this.debounce.set(
      learnerId,
      setTimeout(() => {
        this.debounce.delete(learnerId);
        const ref = this.current.get(learnerId);
        // A quiz waits for the learner's answer; any other step is re-checked.
        if (ref && this.resolve(ref.lesson, ref.step)?.quiz === false) void this.check(learnerId, ref, { asked: false });
      }, AUTO_CHECK_DEBOUNCE_MS),
    );
  }

  /** Checks the step now (`asked`: false when the grader checks by itself); the verdict is stored, emitted, and returned. Never throws. */
  async check(learnerId: string, request: CheckRequest, { asked = true } = {}): Promise<Verdict> {
    const { answer, ...ref } = request;
    const session = this.pool.current(learnerId);
    const step = this.resolve(ref.lesson, ref.step);
    let verdict: Verdict;
    if (!step) {
      verdict = fail({ en: `There is no step ${ref.step} in lesson ${ref.lesson}.`, zh: `课程 ${ref.lesson} 中没有步骤 ${ref.step}。` });
    } else if (step.quiz && !answer?.trim()) {
      verdict = fail({ en: 'Type your answer first.', zh: '请先输入你的答案。' });
    } else if (!session) {
      verdict = fail({ en: 'Your sandbox is not running: open the terminal first.', zh: '你的沙箱没有在运行：请先打开终端。' });
    } else {
      this.pool.touch(learnerId);
      const previous = this.queue.get(session.id) ?? Promise.resolve();
      const run = previous.then(() =>
        sessionEntries(this.pool.backend, session).then(
          (nodes) => checkSession(nodes, step.run, answer),
          () => fail({ en: 'Your sandbox is not running: start over to get a fresh one.', zh: '你的沙箱没有在运行：请点“重新开始”换一个新的。' }),
        ),
      );
      this.queue.set(session.id, run);
      verdict = await run;
      if (this.queue.get(session.id) === run) this.queue.delete(session.id);
      this.attempts.record({ learner: learnerId, lesson: ref.lesson, step: ref.step, pass: verdict.pass, message: verdict.message, asked });
    }
    this.emit('verdict', learnerId, ref, verdict);
    return verdict;
  }
}
