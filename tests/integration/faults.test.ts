// Faults a class lives through, on real sandboxes: the app restarting (its learners' sandboxes are adopted,
// with their shells and files), a sandbox killed from outside or by its inner engine's death (its learner is
// told and gets a fresh one; other learners are untouched), and the engine restarting (the sandboxes keep
// running).
import http from 'node:http';
import type net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Server } from 'socket.io';
import { EVENTS } from '@/lib/terminal-protocol';
import type { Config } from '@/lib/config';
import { loadCourse, type Course } from '@/course/course';
import { prepareSession } from '@/course/setup';
import { createSocketServer } from '@/realtime/socket-server';
import { registerTerminalChannel } from '@/realtime/terminal-channel';
import { DockerBackend } from '@/sandbox/docker-backend';
import { containerOf } from '@/sandbox/docker-sandbox';
import { restartPrivateEngine } from '@/sandbox/engine';
import { SandboxPool } from '@/sandbox/pool';
import { openDb, type Db } from '@/store/db';
import { SessionStore } from '@/store/sessions';
import { learnerCookie, learnerIdOf, terminalClient, until, type TerminalClient } from '../../harness/terminal-client';
import { engineDocker, testConfig } from '../support/engine';
import { tempDbPath } from '../support/temp';

/** One run of the app's live half, as server.ts wires it: a pool with its ledger, and the terminal channel. */
class App {
  readonly db: Db;
  readonly pool: SandboxPool;
  private readonly http = http.createServer();
  private io?: Server;
  base = '';

  constructor(config: Config, dbPath: string, course: Course) {
    this.db = openDb(dbPath);
    const backend = new DockerBackend(engineDocker(), config);
    this.pool = new SandboxPool(backend, config, new SessionStore(this.db));
    this.io = createSocketServer(this.http);
    registerTerminalChannel(this.io, this.pool, { prepareLesson: (session, lesson) => prepareSession(backend, session, lesson, course.find(lesson)?.setup ?? []) });
  }

  async start(): Promise<number> {
    const removed = await this.pool.start();
    await new Promise<void>((r) => this.http.listen(0, '127.0.0.1', r));
    this.base = `http://127.0.0.1:${(this.http.address() as net.AddressInfo).port}`;
    return removed;
  }

  /** What SIGTERM does to the server: the learners' sandboxes stay for the next start. */
  async restartLeavingSessions(): Promise<void> {
    await this.close();
    await this.pool.leave();
    this.db.close();
  }

  async close(): Promise<void> {
    await new Promise<void>((r) => this.io!.close(() => r()));
  }
}

const clients: TerminalClient[] = [];
let course: Course;
let config: Config;
let app: App;

function openLesson(base: string, learner: number, lesson: string): TerminalClient {
  const t = terminalClient(base, learnerCookie(learner));
  clients.push(t);
  t.socket.emit(EVENTS.open, { cols: 100, rows: 30, lesson });
  return t;
}

const hostname = (t: TerminalClient) => (t.statuses.findLast((s) => s.state === 'ready') as { hostname: string }).hostname;

beforeAll(async () => {
  course = await loadCourse();
  config = testConfig('it-faults', { NETLAB_POOL_SIZE: '1' });
  app = new App(config, tempDbPath('faults'), course);
  await app.start();
});

afterAll(async () => {
  for (const c of clients) c.close();
  await app?.close();
  await app?.pool.stop();
});

describe('the app restarting', () => {
  it("adopts its learners' sandboxes: the same shell, its screen and files, the lesson's setup not run again", async () => {
    const dbPath = app.db.name;
    const t = openLesson(app.base, 0x501, 'modes');
    await until(() => t.state === 'ready', 90_000, 'ready');
    t.type('echo kept > /root/proof; echo before-the-restart\r');
    await until(() => t.text.includes('before-the-restart'), 10_000, 'output before the restart');
    const host = hostname(t);
    // A second learner whose session the store forgets: their sandbox is an orphan at the next start.
    const orphan = openLesson(app.base, 0x502, 'modes');
    await until(() => orphan.state === 'ready', 90_000, 'ready (orphan)');
    const orphanSandbox = app.pool.current(learnerIdOf(0x502))!.nodes[0]!.sandbox.id;

    await app.restartLeavingSessions();
    await until(() => t.socket.disconnected, 10_000, 'the page loses the server');
    new SessionStore(openDb(dbPath)).remove(learnerIdOf(0x502));

    app = new App(config, dbPath, course);
    await app.start(); // removes the orphan (and a warm sandbox that was still starting when the app stopped)
    const again = openLesson(app.base, 0x501, 'modes');
    await until(() => again.state === 'ready', 30_000, 'ready after the restart');
    expect(hostname(again)).toBe(host);
    await until(() => again.text.includes('before-the-restart'), 10_000, 'the same screen (tmux scrollback)');
    again.clear();
    // The setup (docker run --name ng1) was not run again: it would have failed on the existing ng1.
    again.type("cat /root/proof; docker ps --format 'running:{{.Names}}'\r");
    await until(() => again.text.includes('kept') && again.text.includes('running:ng1'), 10_000, 'the file and the setup survived');
    expect(await containerOf(engineDocker(), orphanSandbox)).toBeUndefined();
  });
});

describe('a sandbox killed from outside', () => {
  it('tells its learner, offers a fresh one with the setup run, and leaves the other learners alone', async () => {
    const victim = openLesson(app.base, 0x601, 'modes');
    const neighbour = openLesson(app.base, 0x602, 'modes');
    await until(() => victim.state === 'ready' && neighbour.state === 'ready', 90_000, 'both ready');
    const session = app.pool.current(learnerIdOf(0x601))!;
    const container = await containerOf(engineDocker(), session.nodes[0]!.sandbox.id);
    await engineDocker().getContainer(container!).remove({ force: true });

    await until(() => victim.state === 'error', 20_000, 'the victim is told');
    expect(victim.statuses.at(-1)).toMatchObject({ state: 'error', code: 'ended-gone' });
    victim.socket.emit(EVENTS.open, { cols: 100, rows: 30, lesson: 'modes' }); // "Start a fresh sandbox"
    await until(() => victim.state === 'ready', 90_000, 'a fresh sandbox');
    expect(victim.notices).toContain('sandbox-replaced');
    expect(app.pool.current(learnerIdOf(0x601))!.id).not.toBe(session.id);
    victim.type("docker ps --format 'fresh:{{.Names}}'\r");
    await until(() => victim.text.includes('fresh:ng1'), 10_000, "the fresh sandbox has the lesson's setup");

    expect(neighbour.state).toBe('ready');
    expect(neighbour.notices).toEqual([]);
    neighbour.type('echo neighbour-$((40+2))\r');
    await until(() => neighbour.text.includes('neighbour-42'), 10_000, 'the neighbour still works');
  });
});

describe("a sandbox's inner engine dying", () => {
  it('ends that sandbox (its world stops with its engine): the learner is told and offered a fresh one', async () => {
    const t = openLesson(app.base, 0x801, 'modes');
    await until(() => t.state === 'ready', 90_000, 'ready');
    t.type('kill -9 $(pidof dockerd)\r');
    await until(() => t.state === 'error', 30_000, 'the learner is told');
    expect(t.statuses.at(-1)).toMatchObject({ state: 'error', code: 'ended-gone' });
    t.socket.emit(EVENTS.open, { cols: 100, rows: 30, lesson: 'modes' });
    await until(() => t.state === 'ready', 90_000, 'a fresh sandbox');
    expect(t.notices).toContain('sandbox-replaced');
  });
});

describe('the engine restarting', () => {
  it('keeps the sandboxes running (live-restore): the page says so and comes back to the same shell', async () => {
    const t = openLesson(app.base, 0x701, 'modes');
    await until(() => t.state === 'ready', 90_000, 'ready');
    t.type('echo kept > /root/proof; echo before-the-engine-restart\r');
    await until(() => t.text.includes('before-the-engine-restart'), 10_000, 'output before');
    const host = hostname(t);

    await restartPrivateEngine(config);
    await until(() => t.notices.includes('sandbox-kept') && t.state === 'ready', 120_000, 'back by itself');
    expect(t.statuses.some((s) => s.state === 'engine-down')).toBe(true);
    expect(hostname(t)).toBe(host);
    t.clear();
    t.type("cat /root/proof; docker ps --format 'running:{{.Names}}'\r");
    await until(() => t.text.includes('kept') && t.text.includes('running:ng1'), 10_000, 'files and containers kept');
  });
});
