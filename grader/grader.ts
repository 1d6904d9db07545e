// The grader service: watches each learner's session. When a command finishes in their shell (debounced: a
// pasted script ends many), it takes ONE snapshot of the session, inside the session's queue, and feeds it to
// both the map (the topology graph) and the learner's current step, which it checks by itself. "Check now"
// and a quiz answer take their snapshot in the same queue. Every verdict is stored as an attempt.
import { EventEmitter } from 'node:events';
import { SandboxNotRunning } from '../sandbox/backend';
import type { SandboxPool } from '../sandbox/pool';
import type { Session } from '../sandbox/session';
import type { AttemptStore } from '../store/attempts';
import { containerLogs } from './container-logs';
import type { Snapshot } from './model';
import { Prober } from './probes';
import { sessionEntries, snapshotOf, type NodeEntry } from './snapshot';
import { topologyOfSession, type TopologyGraph } from './topology';
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
/** The step a learner is on in a lesson (the first they have not passed); undefined once all are passed. */
export type CurrentStep = (learnerId: string, lesson: string) => string | undefined;

type StepRef = { lesson: string; step: string };
type CheckRequest = StepRef & { answer?: string };

/** After a command ends, wait this long for the next one before looking (a pasted script ends many). */
const COMMAND_DEBOUNCE_MS = 150;

/** Every node's snapshot, in node order. */
export function snapshotsOf(nodes: NodeEntry[]): Promise<Snapshot[]> {
  return Promise.all(nodes.map((n) => snapshotOf(n.entry)));
}

/** What a check sees of a session's nodes, given their snapshots: the snapshots, probes from any node, logs. */
export function checkContext(nodes: NodeEntry[], snapshots: Snapshot[]): CheckContext {
  return {
    snap: snapshots[0]!,
    snaps: Object.fromEntries(nodes.map((n, i) => [n.name, snapshots[i]!])),
    probe: new Prober(nodes.map((n, i) => ({ name: n.name, pid: n.entry.pid, snap: snapshots[i]! }))),
    logs: async (name, node = nodes[0]!.name) => {
      const entry = nodes.find((n) => n.name === node)?.entry;
      return entry ? containerLogs(entry, name) : undefined;
    },
  };
}

/** Runs one check against the session's nodes as they are now, bounded (see runCheck). */
export async function checkSession(nodes: NodeEntry[], check: StepCheck, answer?: string): Promise<Verdict> {
  return runCheck(async () => check({ ...checkContext(nodes, await snapshotsOf(nodes)), answer }));
}

/** Why the session could not be looked at: gone (start over), or the engine did not answer (try again). */
function unreachable(err: unknown): Verdict {
  if (err instanceof SandboxNotRunning)
    return fail({ en: 'Your sandbox is not running: start over to get a fresh one.', zh: '你的沙箱没有在运行：请点“重新开始”换一个新的。' });
  const cause = (err as Error).message ?? String(err);
  return fail(
    { en: `Your sandbox could not be reached (${cause}). Try again in a moment.`, zh: `无法连接到你的沙箱（${cause}）。请稍后再试。` },
  );
}

export interface Grader {
  on(event: 'verdict', listener: (learnerId: string, ref: StepRef, verdict: Verdict) => void): this;
  on(event: 'topology', listener: (learnerId: string, graph: TopologyGraph) => void): this;
}

export class Grader extends EventEmitter {
  private readonly debounce = new Map<string, NodeJS.Timeout>();
  /** One look at a session at a time: the next waits for the one in flight. */
  private readonly queue = new Map<string, Promise<unknown>>();
  /** Each session's last graph, for a page that opens the map (dropped when the session ends). */
  private readonly graphs = new Map<string, TopologyGraph>();
  /** How many session snapshots were taken (each is one of every node): what the tests and the bench count. */
  snapshotsTaken = 0;

  constructor(
    private readonly pool: SandboxPool,
    private readonly attempts: AttemptStore,
    private readonly resolve: StepResolver,
    private readonly currentStep: CurrentStep,
  ) {
    super();
    pool.on('ended', (learnerId, _reason, sessionId) => {
      clearTimeout(this.debounce.get(learnerId));
      this.debounce.delete(learnerId);
      this.graphs.delete(sessionId);
    });
  }

  /** A command finished in the learner's shell: look at the session once the commands settle. */
  commandFinished(learnerId: string): void {
    clearTimeout(this.debounce.get(learnerId));
    this.debounce.set(
      learnerId,
      setTimeout(() => {
        this.debounce.delete(learnerId);
        void this.watch(learnerId);
      }, COMMAND_DEBOUNCE_MS),
    );
  }

  /** The session's map: the last one taken, or a new snapshot when there is none yet. */
  async topology(learnerId: string): Promise<TopologyGraph | undefined> {
    const session = this.pool.current(learnerId);
    if (!session) return undefined;
    const known = this.graphs.get(session.id);
    if (known) return known;
    await this.refreshMap(learnerId, session);
    return this.graphs.get(session.id);
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
      verdict = await this.look(learnerId, session, (ctx) => step.run({ ...ctx, answer })).catch(unreachable);
      this.attempts.record({ learner: learnerId, lesson: ref.lesson, step: ref.step, pass: verdict.pass, message: verdict.message, asked });
    }
    this.emit('verdict', learnerId, ref, verdict);
    return verdict;
  }

  /** After commands: one snapshot for the map, and for the current step unless it waits for an answer. */
  private async watch(learnerId: string): Promise<void> {
    const session = this.pool.current(learnerId);
    const lesson = session?.lesson?.slug;
    const step = lesson && this.currentStep(learnerId, lesson);
    if (session && lesson && step && this.resolve(lesson, step)?.quiz === false) {
      await this.check(learnerId, { lesson, step }, { asked: false });
    } else if (session) {
      await this.refreshMap(learnerId, session);
    }
  }

  /** A look for the map alone: a session that cannot be reached is only logged (no learner asked). */
  private refreshMap(learnerId: string, session: Session): Promise<void> {
    return this.look(learnerId, session).catch((err) => console.error('[grader] snapshot failed:', (err as Error).message));
  }

  /**
   * In the session's queue: one snapshot of every node, which updates the learner's map and, given a check,
   * is what the check sees. Throws when the session cannot be reached.
   */
  private look(learnerId: string, session: Session): Promise<void>;
  private look(learnerId: string, session: Session, check: StepCheck): Promise<Verdict>;
  private look(learnerId: string, session: Session, check?: StepCheck): Promise<Verdict | void> {
    const previous = this.queue.get(session.id) ?? Promise.resolve();
    const run = previous.then(async () => {
      const nodes = await sessionEntries(this.pool.backend, session);
      const snapshots = await snapshotsOf(nodes);
      this.snapshotsTaken++;
      const graph = topologyOfSession(nodes.map((n, i) => ({ name: n.name, snap: snapshots[i]! })));
      if (this.pool.current(learnerId)?.id === session.id) {
        this.graphs.set(session.id, graph);
        this.emit('topology', learnerId, graph);
      }
      return check ? runCheck(() => check(checkContext(nodes, snapshots))) : undefined;
    });
    const settled = run.catch(() => undefined);
    this.queue.set(session.id, settled);
    void settled.then(() => {
      if (this.queue.get(session.id) === settled) this.queue.delete(session.id);
    });
    return run;
  }
}
