// The terminal over socket.io against real sandboxes: who may connect, the shell itself, re-attaching,
// back-pressure, huge pastes, malformed messages, and the engine going away mid-session. The engine is
// reached through a unix-socket relay this test can cut, as an engine restart or crash would.
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Socket } from 'socket.io-client';
import { EVENTS, INPUT_MAX } from '@/lib/terminal-protocol';
import { DockerBackend } from '@/sandbox/docker-backend';
import { dockerFor } from '@/sandbox/engine';
import { SandboxPool } from '@/sandbox/pool';
import { createSocketServer } from '@/realtime/socket-server';
import { registerTerminalChannel } from '@/realtime/terminal-channel';
import { loadCourse } from '@/course/course';
import { prepareSession } from '@/course/setup';
import { connectSocket, learnerCookie, terminalClient, until, type TerminalClient } from '../../harness/terminal-client';
import { testConfig } from '../support/engine';
import { tempDir } from '../support/temp';

/** A relay from a socket of ours to the engine's, which the test can cut and restore. */
class EngineRelay {
  readonly path = path.join(tempDir('relay'), 'docker.sock');
  private server?: net.Server;
  private open = new Set<net.Socket>();
  constructor(private readonly target: string) {}

  async up() {
    this.server = net.createServer((client) => {
      const upstream = net.connect(this.target);
      for (const s of [client, upstream]) {
        this.open.add(s);
        s.on('close', () => this.open.delete(s));
        s.on('error', () => undefined);
      }
      client.pipe(upstream).pipe(client);
    });
    fs.rmSync(this.path, { force: true });
    await new Promise<void>((r) => this.server!.listen(this.path, r));
  }

  cut() {
    this.server?.close();
    for (const s of this.open) s.destroy();
  }
}

const relay = new EngineRelay(process.env.DOCKER_HOST!.replace('unix://', ''));
let pool: SandboxPool;
let httpServer: http.Server;
let base: string;
const sockets: Socket[] = [];

function client(headers: Record<string, string>): Socket {
  const s = connectSocket(base, headers);
  sockets.push(s);
  return s;
}

function terminal(cookie: string, options?: { ack?: boolean }): TerminalClient {
  const t = terminalClient(base, cookie, options);
  sockets.push(t.socket);
  return t;
}

const lastState = (t: TerminalClient) => t.state;

beforeAll(async () => {
  await relay.up();
  const config = testConfig('it-terminal', { NETLAB_POOL_SIZE: '1' });
  const backend = new DockerBackend(dockerFor(`unix://${relay.path}`), config);
  pool = new SandboxPool(backend, config);
  await pool.start();
  httpServer = http.createServer();
  const course = await loadCourse();
  registerTerminalChannel(createSocketServer(httpServer), pool, { prepareLesson: (session, lesson) => prepareSession(backend, session, lesson, course.find(lesson)?.setup ?? []) });
  await new Promise<void>((r) => httpServer.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(httpServer.address() as net.AddressInfo).port}`;
});

afterAll(async () => {
  for (const s of sockets) s.close();
  await relay.up().catch(() => undefined);
  await pool?.stop();
  httpServer?.close();
});

describe('who may open a terminal', () => {
  it('refuses a socket without the learner cookie', async () => {
    const s = client({});
    const err = await new Promise<Error & { data?: { code: string } }>((r) => s.on('connect_error', r));
    expect(err.data?.code).toBe('no-learner');
  });

  it('refuses a socket from a foreign origin, even with a cookie', async () => {
    const s = client({ cookie: learnerCookie(1), origin: 'http://evil.example' });
    const err = await new Promise<Error & { data?: { code: string } }>((r) => s.on('connect_error', r));
    expect(err.data?.code).toBe('foreign-origin');
  });
});

describe('the shell', () => {
  it('is bash in the sandbox, with UTF-8, a prompt naming the sandbox, and input both ways', async () => {
    const t = terminal(learnerCookie(2));
    t.open();
    await until(() => lastState(t) === 'ready', 60_000, 'ready');
    const ready = t.statuses.at(-1) as { state: 'ready'; hostname: string };
    await until(() => t.text.includes(`root@${ready.hostname}`), 10_000, 'prompt with hostname');
    t.type('echo "answer=$((6*7))"; echo 你好，网络\r');
    await until(() => t.text.includes('answer=42') && t.text.includes('你好，网络'), 10_000, 'echo output');
  });

  it('completes commands with Tab, and follows the browser window size', async () => {
    const t = terminal(learnerCookie(2));
    t.open();
    await until(() => lastState(t) === 'ready', 30_000, 'ready');
    t.clear();
    t.type('docker netw\t');
    await until(() => t.text.includes('ork '), 10_000, 'docker network completed');
    t.type('\x15'); // Ctrl-U: drop the line
    t.socket.emit(EVENTS.resize, { cols: 57, rows: 21 });
    await new Promise((r) => setTimeout(r, 300));
    t.type('stty size\r');
    await until(() => /21 57/.test(t.text), 10_000, 'stty size after resize');
    t.socket.emit(EVENTS.resize, { cols: 100, rows: 30 });
    t.close();
  });

  it('re-attaches a new connection of the same learner to the same shell, showing the screen', async () => {
    const again = terminal(learnerCookie(2));
    again.open();
    await until(() => lastState(again) === 'ready', 30_000, 'ready again');
    await until(() => again.text.includes('answer=42'), 10_000, 'earlier output redrawn');
  });

  it('ignores malformed messages and says so for a malformed open', async () => {
    const t = terminal(learnerCookie(3));
    t.socket.emit(EVENTS.open, { cols: 'wide', rows: null });
    await until(() => lastState(t) === 'error', 5_000, 'bad-request');
    expect(t.statuses.at(-1)).toMatchObject({ state: 'error', code: 'bad-request' });
    t.socket.emit(EVENTS.input, { not: 'text' });
    t.socket.emit(EVENTS.ack, -5);
    t.socket.emit(EVENTS.resize, 'huge');
    t.open();
    await until(() => lastState(t) === 'ready', 60_000, 'ready after bad input');
  });
});

describe('lessons', () => {
  it("gives each lesson a sandbox of its own, prepared with the lesson's setup", async () => {
    const first = terminal(learnerCookie(8));
    first.socket.emit(EVENTS.open, { cols: 100, rows: 30, lesson: 'docker0' });
    await until(() => lastState(first) === 'ready', 60_000, 'ready for docker0');
    const firstHost = (first.statuses.at(-1) as { hostname: string }).hostname;
    first.close();

    const again = terminal(learnerCookie(8));
    again.socket.emit(EVENTS.open, { cols: 100, rows: 30, lesson: 'docker0' });
    await until(() => lastState(again) === 'ready', 30_000, 'ready for docker0 again');
    expect((again.statuses.at(-1) as { hostname: string }).hostname).toBe(firstHost);
    again.close();

    const other = terminal(learnerCookie(8));
    other.socket.emit(EVENTS.open, { cols: 100, rows: 30, lesson: 'modes' });
    await until(() => lastState(other) === 'ready', 60_000, 'ready for modes');
    expect((other.statuses.at(-1) as { hostname: string }).hostname).not.toBe(firstHost);
    other.type("docker ps --format 'running:{{.Names}}'\r");
    await until(() => other.text.includes('running:ng1'), 10_000, 'the setup of modes ran');
    other.close();
  });
});

describe('flow control and big input', () => {
  it('pauses the sandbox for a client that does not acknowledge, and Ctrl-C still works', async () => {
    const t = terminal(learnerCookie(4), { ack: false });
    t.open();
    await until(() => lastState(t) === 'ready', 60_000, 'ready');
    t.type('yes\r');
    await until(() => t.received > 200_000, 10_000, 'flood');
    await new Promise((r) => setTimeout(r, 1500));
    const plateau = t.received;
    await new Promise((r) => setTimeout(r, 1000));
    // Paused: nothing more arrives (at most what was already in flight).
    expect(t.received - plateau).toBeLessThan(64 * 1024);
    expect(t.received).toBeLessThan(1024 * 1024);
    t.type('\x03');
    t.ackAll();
    t.clear();
    t.type('echo "stopped-$((1+1))"\r');
    const started = Date.now();
    await until(
      () => {
        t.ackAll();
        return t.text.includes('stopped-2');
      },
      10_000,
      'prompt after Ctrl-C',
    );
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it('delivers a 1 MiB paste to the shell without hanging the server', async () => {
    const t = terminal(learnerCookie(5));
    t.open();
    await until(() => lastState(t) === 'ready', 60_000, 'ready');
    t.type('stty -echo; cat > /tmp/paste\r');
    await new Promise((r) => setTimeout(r, 300));
    const line = 'x'.repeat(1023) + '\n';
    const paste = line.repeat(1024); // 1 MiB, in lines a terminal accepts
    for (let i = 0; i < paste.length; i += 16 * 1024) t.type(paste.slice(i, i + 16 * 1024));
    t.type('\x04');
    t.type('stty echo; wc -c < /tmp/paste\r');
    await until(() => /\D1048576\r\n/.test(t.text), 60_000, 'paste size reported');
  });

  it('drops a client that sends one oversized message, and keeps serving others', async () => {
    const t = terminal(learnerCookie(6));
    t.open();
    await until(() => lastState(t) === 'ready', 60_000, 'ready');
    const dropped = new Promise((r) => t.socket.on('disconnect', r));
    t.type('y'.repeat(INPUT_MAX * 4));
    await dropped;
    const other = terminal(learnerCookie(6));
    other.open();
    await until(() => lastState(other) === 'ready', 30_000, 'ready after a dropped client');
  });
});

describe('the engine going away mid-session', () => {
  it('tells the learner, and comes back by itself to the same shell when the engine is back', async () => {
    const t = terminal(learnerCookie(7));
    t.open();
    await until(() => lastState(t) === 'ready', 60_000, 'ready');
    t.type('echo before-the-outage\r');
    await until(() => t.text.includes('before-the-outage'), 10_000, 'output before outage');

    relay.cut();
    await until(() => lastState(t) === 'engine-down', 10_000, 'told the engine is away');
    // A reload during the outage: told the same, not a failure.
    t.open();
    await until(() => t.statuses.at(-1)?.state === 'engine-down' && t.statuses.at(-2)?.state === 'starting', 30_000, 'the reload waits too');

    await relay.up();
    t.clear();
    await until(() => lastState(t) === 'ready', 60_000, 'ready by itself after the engine is back');
    // The sandbox outlived the outage: the learner is back in the same shell, and told so.
    await until(() => t.text.includes('before-the-outage'), 10_000, 'same shell after the outage');
    expect(t.notices).toContain('sandbox-kept');
  });
});
