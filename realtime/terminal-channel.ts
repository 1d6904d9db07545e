// The terminal channel: each browser terminal ⇄ a shell in its learner's session. A socket only ever reaches
// its own learner's sandbox (the pool hands out sessions by the learner id it was admitted as).
import type { Server, Socket } from 'socket.io';
import {
  AckMessage,
  EVENTS,
  INPUT_BACKLOG_MAX,
  InputMessage,
  OpenRequest,
  ResizeRequest,
  type ErrorCode,
  type NoticeCode,
  type TerminalStatus,
} from '../lib/terminal-protocol';
import type { SandboxHandle, TerminalSession } from '../sandbox/backend';
import type { SandboxPool } from '../sandbox/pool';
import type { Session } from '../sandbox/session';
import { CommandEndScanner, OutputFlow } from '../sandbox/terminal';
import { learnerTag } from '../lib/learner';
import { EngineReturn } from './engine-return';
import { OpenLog } from './open-log';
import { outputBatcher } from './output-batch';
import { learnerOf, learnerRoom } from './socket-server';

/** How long a sandbox whose shell ended may take to be seen stopped: GONE_CHECKS looks, this far apart. */
const GONE_CHECKS = 6;
const GONE_CHECK_EVERY_MS = 500;

export type TerminalHooks = {
  /** A command finished in the learner's shell (its prompt is back). */
  onCommandFinished?: (learnerId: string) => void;
  /** The nodes a multi-host lesson's session has; undefined when the lesson wants one sandbox. */
  nodesOf?: (lesson: string) => string[] | undefined;
  /** Before attaching: make the session serve the lesson (its setup commands run once per session). */
  prepareLesson?: (session: Session, lesson: string) => Promise<void>;
};

export function registerTerminalChannel(io: Server, pool: SandboxPool, hooks: TerminalHooks = {}): void {
  pool.on('ended', (learnerId, reason) => {
    if (reason === 'reset') return; // the socket that asked for it re-opens by itself
    // A session found gone is found by a terminal opening, which gets a fresh one at once: say so.
    if (reason === 'gone') return void io.to(learnerRoom(learnerId)).emit(EVENTS.notice, 'sandbox-replaced' satisfies NoticeCode);
    const status: TerminalStatus = { state: 'error', code: `ended-${reason}` as ErrorCode };
    io.to(learnerRoom(learnerId)).emit(EVENTS.status, status);
  });
  const engineReturn = new EngineReturn(() => pool.backend.answers());

  /** Each learner's open terminals (one per node tab of each page): "start over" in one moves them all. */
  const terminals = new Map<string, Set<TerminalConnection>>();
  io.on('connection', (socket) => {
    const learnerId = learnerOf(socket);
    const mine = terminals.get(learnerId) ?? new Set<TerminalConnection>();
    terminals.set(learnerId, mine);
    const connection = new TerminalConnection(socket, pool, learnerId, hooks, mine, engineReturn);
    mine.add(connection);
    socket.on('disconnect', () => {
      mine.delete(connection);
      if (!mine.size) terminals.delete(learnerId);
    });
    socket.on(EVENTS.open, (payload: unknown) => void connection.open(payload));
    socket.on(EVENTS.reset, (payload: unknown) => void connection.open(payload, { reset: true }));
    socket.on(EVENTS.input, (data: unknown) => connection.input(data));
    socket.on(EVENTS.resize, (payload: unknown) => connection.resize(payload));
    socket.on(EVENTS.ack, (bytes: unknown) => connection.ack(bytes));
    socket.on('disconnect', () => connection.close());
  });
}

/** One browser terminal: its node's shell, the output flow control, and the input backlog limit. */
class TerminalConnection {
  private terminal?: TerminalSession;
  private flow?: OutputFlow;
  private opening = 0;
  private openLog?: OpenLog;
  /** The session this terminal was last attached to. */
  private sessionId?: string;
  /** What the browser last asked to open (size, lesson, node), to open again when the session is replaced. */
  private request?: OpenRequest;

  constructor(
    private readonly socket: Socket,
    private readonly pool: SandboxPool,
    private readonly learnerId: string,
    private readonly hooks: TerminalHooks,
    /** The learner's terminals, this one included. */
    private readonly siblings: Set<TerminalConnection>,
    private readonly engineReturn: EngineReturn,
  ) {}

  private status(s: TerminalStatus) {
    this.socket.emit(EVENTS.status, s);
  }

  /** `resuming`: the session this terminal had before the engine went away (the learner is told if it is still theirs). */
  async open(payload: unknown, { reset = false, resuming }: { reset?: boolean; resuming?: string } = {}): Promise<void> {
    const request = OpenRequest.safeParse(payload);
    if (!request.success) return this.status({ state: 'error', code: 'bad-request' });
    this.request = request.data;
    const { lesson } = request.data;
    const attempt = ++this.opening;
    // The other terminals of this lesson (the session's other nodes) move to the new session with this one.
    const following = [...this.siblings].filter((t) => t !== this && t.request?.lesson === lesson);
    this.detach();
    this.status({ state: 'starting' });
    const onPosition = (position: number) =>
      this.status(position > 0 ? { state: 'queued', position } : { state: 'starting' });
    this.openLog?.abandoned();
    const log = (this.openLog = new OpenLog(`learner ${learnerTag(this.learnerId)}${lesson ? ` ${lesson}` : ''}${request.data.node ? ` ${request.data.node}` : ''}`));
    try {
      const nodes = lesson ? this.hooks.nodesOf?.(lesson) : undefined;
      const replace = () => {
        for (const t of following) t.detach('starting');
        return this.pool.reset(this.learnerId, nodes, onPosition);
      };
      let session = reset ? await replace() : await this.pool.acquire(this.learnerId, nodes, onPosition);
      // Each lesson starts from its own fresh session (another lesson's containers would be in the way).
      if (lesson && session.lesson && session.lesson.slug !== lesson) session = await replace();
      if (attempt !== this.opening || this.socket.disconnected) return log.abandoned();
      log.next('setup');
      if (lesson) await this.hooks.prepareLesson?.(session, lesson);
      this.pool.remember(this.learnerId);
      log.next('shell');
      if (reset) for (const t of following) void t.open(t.request);
      const node = session.nodes.find((n) => n.name === request.data.node) ?? session.nodes[0]!;
      const terminal = await this.pool.backend.attachTerminal(node.sandbox, request.data);
      if (attempt !== this.opening || this.socket.disconnected) return (log.abandoned(), terminal.close());
      this.terminal = terminal;
      this.sessionId = session.id;
      const flow = new OutputFlow(
        () => terminal.output.pause(),
        () => terminal.output.resume(),
      );
      this.flow = flow;
      let ready = false;
      const commandEnds = new CommandEndScanner();
      const batch = outputBatcher((bytes) => this.socket.emit(EVENTS.output, bytes));
      terminal.output.on('data', (chunk: Buffer) => {
        batch.push(chunk);
        flow.sent(chunk.length);
        if (commandEnds.feed(chunk) > 0) this.hooks.onCommandFinished?.(this.learnerId);
        if (!ready) {
          ready = true; // tmux has drawn the screen: the prompt is live
          log.ready();
          this.status({ state: 'ready', hostname: node.sandbox.hostname });
          if (resuming === session.id) this.socket.emit(EVENTS.notice, 'sandbox-kept' satisfies NoticeCode);
        }
      });
      terminal.output.on('close', () => {
        batch.flush();
        if (!ready) log.failed('the shell ended before it drew its screen');
        if (this.terminal === terminal) {
          this.terminal = undefined;
          void this.lost(node.sandbox, attempt);
        }
      });
      terminal.output.on('error', () => undefined); // 'close' follows and reports it
    } catch (err) {
      const detail = String((err as Error).message ?? err);
      if (attempt !== this.opening) return log.abandoned();
      log.failed(detail);
      if (await this.waitForEngine(attempt)) return;
      this.status({ state: 'error', code: 'start-failed', detail });
    }
  }

  /** The shell ended without being asked to: the engine away, or the sandbox gone (the learner may get a fresh one). */
  private async lost(sandbox: SandboxHandle, attempt: number): Promise<void> {
    if (await this.waitForEngine(attempt)) return;
    // A sandbox being killed ends its shell a moment before the engine sees it stop.
    let running = true;
    for (let i = 0; i < GONE_CHECKS && running; i++) {
      if (i) await new Promise((r) => setTimeout(r, GONE_CHECK_EVERY_MS));
      running = await this.pool.backend.isRunning(sandbox).catch(() => true);
    }
    if (attempt === this.opening && !this.socket.disconnected) this.status({ state: 'error', code: running ? 'disconnected' : 'ended-gone' });
  }

  /**
   * When the engine does not answer (a restart): says so, waits for it, and opens again — into the same
   * session if it kept running (the learner is told), else a fresh one. False when the engine answers.
   */
  private async waitForEngine(attempt: number): Promise<boolean> {
    const resuming = this.sessionId;
    if (await this.pool.backend.answers()) return false;
    const current = () => attempt === this.opening && !this.socket.disconnected;
    if (current()) this.status({ state: 'engine-down' });
    await this.engineReturn.wait();
    if (current()) void this.open(this.request, { resuming });
    return true;
  }

  input(data: unknown): void {
    const text = InputMessage.safeParse(data);
    if (!text.success || !this.terminal) return;
    if (this.terminal.output.writableLength > INPUT_BACKLOG_MAX) {
      const notice: NoticeCode = 'input-overflow';
      this.socket.emit(EVENTS.notice, notice);
      return;
    }
    this.pool.touch(this.learnerId);
    this.terminal.write(text.data);
  }

  resize(payload: unknown): void {
    const size = ResizeRequest.safeParse(payload);
    if (size.success) void this.terminal?.resize(size.data);
  }

  ack(bytes: unknown): void {
    const n = AckMessage.safeParse(bytes);
    if (n.success) this.flow?.acked(n.data);
  }

  /** Lets go of the shell (quietly: its end is expected); `starting` tells the browser a new one is coming. */
  private detach(state?: 'starting'): void {
    const t = this.terminal;
    this.terminal = undefined;
    this.flow = undefined;
    t?.close();
    if (state) this.status({ state });
  }

  close(): void {
    this.opening++;
    this.openLog?.abandoned();
    this.detach();
  }
}
