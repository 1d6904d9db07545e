// socket.io ⇄ sandbox terminals. A socket must come from this site with a learner cookie; it only ever
// reaches its own learner's sandbox (the pool hands out sandboxes by learner id, never by a client's word).
import type http from 'node:http';
import { Server, type Socket } from 'socket.io';
import { isSameOrigin, learnerFromCookieHeader } from '../lib/learner';
import {
  AckMessage,
  EVENTS,
  INPUT_BACKLOG_MAX,
  INPUT_MAX,
  InputMessage,
  OpenRequest,
  ResizeRequest,
  type ErrorCode,
  type TerminalStatus,
} from '../lib/terminal-protocol';
import type { SandboxHandle, TerminalSession } from './backend';
import type { SandboxPool } from './pool';
import { CommandEndScanner, OutputFlow } from './terminal';

/** The socket.io room of all of a learner's tabs. */
export const learnerRoom = (learnerId: string) => `learner:${learnerId}`;

export type TerminalHooks = {
  /** A command finished in the learner's shell (its prompt is back). */
  onCommandFinished?: (learnerId: string) => void;
  /** Before attaching: make the sandbox ready for the lesson (its setup commands), once per sandbox. */
  prepareLesson?: (sandbox: SandboxHandle, lesson: string) => Promise<void>;
};

/** socket.io on the given HTTP server, serving sandbox terminals. */
export function attachTerminalSockets(httpServer: http.Server, pool: SandboxPool, hooks: TerminalHooks = {}): Server {
  // A message larger than this closes its socket: the browser never sends one (it splits pastes).
  const io = new Server(httpServer, { maxHttpBufferSize: INPUT_MAX * 2 });
  registerTerminalSockets(io, pool, hooks);
  return io;
}

function registerTerminalSockets(io: Server, pool: SandboxPool, hooks: TerminalHooks): void {
  io.use((socket, next) => {
    if (!isSameOrigin(socket.request)) return next(refusal('foreign-origin'));
    const learnerId = learnerFromCookieHeader(socket.request.headers.cookie);
    if (!learnerId) return next(refusal('no-learner'));
    socket.data.learnerId = learnerId;
    next();
  });

  pool.on('ended', (learnerId, reason) => {
    if (reason === 'reset') return; // the socket that asked for it re-opens by itself
    const status: TerminalStatus = { state: 'error', code: `ended-${reason}` as ErrorCode };
    io.to(learnerRoom(learnerId)).emit(EVENTS.status, status);
  });

  io.on('connection', (socket) => {
    const learnerId: string = socket.data.learnerId;
    void socket.join(learnerRoom(learnerId));
    const connection = new TerminalConnection(socket, pool, learnerId, hooks);
    socket.on(EVENTS.open, (payload: unknown) => void connection.open(payload));
    socket.on(EVENTS.reset, (payload: unknown) => void connection.open(payload, { reset: true }));
    socket.on(EVENTS.input, (data: unknown) => connection.input(data));
    socket.on(EVENTS.resize, (payload: unknown) => connection.resize(payload));
    socket.on(EVENTS.ack, (bytes: unknown) => connection.ack(bytes));
    socket.on('disconnect', () => connection.close());
  });
}

function refusal(code: ErrorCode): Error & { data: { code: ErrorCode } } {
  return Object.assign(new Error(code), { data: { code } });
}

/** One browser terminal: its sandbox session, the output flow control, and the input backlog limit. */
class TerminalConnection {
  private session?: TerminalSession;
  private flow?: OutputFlow;
  private opening = 0;

  constructor(
    private readonly socket: Socket,
    private readonly pool: SandboxPool,
    private readonly learnerId: string,
    private readonly hooks: TerminalHooks,
  ) {}

  private status(s: TerminalStatus) {
    this.socket.emit(EVENTS.status, s);
  }

  async open(payload: unknown, { reset = false } = {}): Promise<void> {
    const size = OpenRequest.safeParse(payload);
    if (!size.success) return this.status({ state: 'error', code: 'bad-request' });
    const attempt = ++this.opening;
    this.detach();
    this.status({ state: 'starting' });
    const onPosition = (position: number) =>
      this.status(position > 0 ? { state: 'queued', position } : { state: 'starting' });
    try {
      const lesson = size.data.lesson;
      let sandbox = reset
        ? await this.pool.reset(this.learnerId, onPosition)
        : await this.pool.acquire(this.learnerId, onPosition);
      // Each lesson starts from its own fresh sandbox (another lesson's containers would be in the way).
      if (lesson && sandbox.lesson && sandbox.lesson !== lesson) sandbox = await this.pool.reset(this.learnerId, onPosition);
      if (attempt !== this.opening || this.socket.disconnected) return;
      if (lesson) {
        await this.hooks.prepareLesson?.(sandbox, lesson);
        sandbox.lesson = lesson;
      }
      const session = await this.pool.backend.attachTerminal(sandbox, size.data);
      if (attempt !== this.opening || this.socket.disconnected) return session.close();
      this.session = session;
      const flow = new OutputFlow(
        () => session.output.pause(),
        () => session.output.resume(),
      );
      this.flow = flow;
      let ready = false;
      const commandEnds = new CommandEndScanner();
      session.output.on('data', (chunk: Buffer) => {
        this.socket.emit(EVENTS.output, chunk);
        flow.sent(chunk.length);
        if (commandEnds.feed(chunk) > 0) this.hooks.onCommandFinished?.(this.learnerId);
        if (!ready) {
          ready = true; // tmux has drawn the screen: the prompt is live
          this.status({ state: 'ready', hostname: sandbox.hostname });
        }
      });
      session.output.on('close', () => {
        if (this.session === session) {
          this.session = undefined;
          this.status({ state: 'error', code: 'disconnected' });
        }
      });
      session.output.on('error', () => undefined); // 'close' follows and reports it
    } catch (err) {
      if (attempt !== this.opening) return;
      this.status({ state: 'error', code: 'start-failed', detail: String((err as Error).message ?? err) });
    }
  }

  input(data: unknown): void {
    const text = InputMessage.safeParse(data);
    if (!text.success || !this.session) return;
    if (this.session.output.writableLength > INPUT_BACKLOG_MAX) {
      this.socket.emit(EVENTS.notice, 'input-overflow');
      return;
    }
    this.pool.touch(this.learnerId);
    this.session.write(text.data);
  }

  resize(payload: unknown): void {
    const size = ResizeRequest.safeParse(payload);
    if (size.success) void this.session?.resize(size.data);
  }

  ack(bytes: unknown): void {
    const n = AckMessage.safeParse(bytes);
    if (n.success) this.flow?.acked(n.data);
  }

  private detach(): void {
    const s = this.session;
    this.session = undefined;
    this.flow = undefined;
    s?.close();
  }

  close(): void {
    this.opening++;
    this.detach();
  }
}
