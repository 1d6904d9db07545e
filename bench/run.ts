// `npm run bench`: NetLab's speed, as one JSON object on stdout, each figure beside a baseline measured in
// the same run. Progress goes to stderr. The server under test is the real socket server on a real engine
// (the same startLive as server.ts, without the page renderer, which sockets never touch).
import http from 'node:http';
import net from 'node:net';
import { spawn } from 'node:child_process';
import type Docker from 'dockerode';
import { loadConfig, type Config } from '../lib/config';
import { percentile, round } from '../lib/stats';
import { preparePlatform } from '../server/platform';
import { LESSON_IMAGES } from '../sandbox/images/build';
import { DockerBackend } from '../sandbox/docker-backend';
import { containerOf } from '../sandbox/docker-sandbox';
import { SandboxPool } from '../sandbox/pool';
import { snapshotOf } from '../grader/snapshot';
import { startLive } from '../server/live';
import { AttemptStore } from '../store/attempts';
import { openDb } from '../store/db';
import { EVENTS } from '../lib/terminal-protocol';
import { buildLabState } from '../harness/lab-state';
import { learnerCookie, learnerIdOf, terminalClient, until, type TerminalClient } from '../harness/terminal-client';

const log = (msg: string) => process.stderr.write(`[bench] ${msg}\n`);
// stdout carries the JSON result alone: the engine's and the pool's progress lines go to stderr.
console.log = (...args: unknown[]) => console.error(...args);

/** A pool of its own for one measurement. */
function benchPool(docker: Docker, config: Config, poolName: string, poolSize: number): SandboxPool {
  const poolConfig = { ...config, poolName, poolSize };
  return new SandboxPool(new DockerBackend(docker, poolConfig), poolConfig);
}

/** The lesson a session is asked for in the session figure: two nodes, no setup. */
const SESSION_LESSON = { slug: 'bench-session', nodes: ['node1', 'node2'] };

async function serve(pool: SandboxPool) {
  const server = http.createServer();
  const { io, grader } = startLive(server, {
    pool,
    attempts: new AttemptStore(openDb(':memory:')),
    resolveStep: () => undefined,
    currentStep: () => undefined,
    nodesOf: (lesson) => (lesson === SESSION_LESSON.slug ? SESSION_LESSON.nodes : undefined),
  });
  // The baseline: a plain socket.io echo on the same server.
  io.on('connection', (socket) => socket.on('bench:echo', (data: string) => socket.emit('bench:echo', data)));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { server, grader, base: `http://127.0.0.1:${(server.address() as net.AddressInfo).port}` };
}

let learnerNumber = 0x6e00;

/** Time from asking for a sandbox to the first byte of the prompt. */
async function timeToPrompt(base: string): Promise<{ ms: number; client: TerminalClient; learnerId: string }> {
  const learner = ++learnerNumber;
  const client = terminalClient(base, learnerCookie(learner));
  await new Promise<void>((r) => client.socket.on('connect', () => r()));
  const started = performance.now();
  const first = client.nextOutput();
  client.open();
  await first;
  return { ms: performance.now() - started, client, learnerId: learnerIdOf(learner) };
}

/** A new sandbox loads its lesson images for a moment after it is ready: a pool at rest is past that. */
const SETTLE_MS = 3000;

/** Waits for the warm pool to be full again, and at rest. */
async function warmAndAtRest(pool: SandboxPool, size: number): Promise<void> {
  await until(() => pool.stats().warm === size, 120_000, 'warm pool refilled');
  await new Promise((r) => setTimeout(r, SETTLE_MS));
}

/**
 * Time to prompt for `runs` learners one after another, each then released. With a warm pool, each run
 * first waits for the pool to be full again and at rest, so every learner is served from it.
 */
async function readyTimes(docker: Docker, config: Config, poolSize: number, runs: number): Promise<number[]> {
  const pool = benchPool(docker, config, `bench-ready-${poolSize}`, poolSize);
  await pool.start();
  const { server, base } = await serve(pool);
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    if (poolSize) await warmAndAtRest(pool, poolSize);
    const { ms, client, learnerId } = await timeToPrompt(base);
    samples.push(ms);
    client.close();
    await pool.release(learnerId, 'reset');
  }
  await pool.stop();
  server.close();
  return samples;
}

/**
 * Time from a learner asking for a 2-node lesson (a terminal for each node, opened at once) to both
 * prompts, 5 times, each from a full warm pool of two, at rest.
 */
async function sessionReadyTimes(docker: Docker, config: Config, runs: number): Promise<number[]> {
  const pool = benchPool(docker, config, 'bench-session', 2);
  await pool.start();
  const { server, base } = await serve(pool);
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    await warmAndAtRest(pool, 2);
    const learner = ++learnerNumber;
    const clients = SESSION_LESSON.nodes.map(() => terminalClient(base, learnerCookie(learner)));
    await Promise.all(clients.map((c) => new Promise<void>((r) => c.socket.on('connect', () => r()))));
    const started = performance.now();
    const prompts = clients.map((c) => c.nextOutput());
    clients.forEach((c, n) => c.socket.emit(EVENTS.open, { cols: 100, rows: 30, lesson: SESSION_LESSON.slug, node: SESSION_LESSON.nodes[n] }));
    await Promise.all(prompts);
    samples.push(performance.now() - started);
    for (const c of clients) c.close();
    await pool.release(learnerIdOf(learner), 'reset');
  }
  await pool.stop();
  server.close();
  return samples;
}

async function dockerRunBaseline(): Promise<number[]> {
  const image = LESSON_IMAGES.find((i) => i.recipe === 'busybox')!.name;
  const once = () => timeCommand('docker', ['run', '--rm', image, 'true']);
  await once(); // warm the engine's caches, as the sandbox runs are warm too
  const samples: number[] = [];
  for (let i = 0; i < 5; i++) samples.push(await once());
  return samples;
}

/** Keystroke round trips through the sandbox shell, and a plain socket.io echo on the same server. */
async function interactive(docker: Docker, config: Config) {
  const pool = benchPool(docker, config, 'bench-rtt', 0);
  await pool.start();
  const { server, grader, base } = await serve(pool);
  const { client } = await timeToPrompt(base);
  await until(() => client.state === 'ready', 60_000, 'ready');
  await new Promise((r) => setTimeout(r, 1000)); // let the first screen settle

  const keystrokes: number[] = [];
  for (let i = 0; i < 200; i++) {
    if (i % 50 === 0) client.type('\x15'); // Ctrl-U: keep the line short
    if (i % 50 === 0) await client.nextOutput();
    const echoed = client.nextOutput();
    const started = performance.now();
    client.type('a');
    await echoed;
    keystrokes.push(performance.now() - started);
  }
  client.type('\x15');

  const echoes: number[] = [];
  for (let i = 0; i < 200; i++) {
    const started = performance.now();
    await new Promise<void>((resolve) => {
      client.socket.once('bench:echo', () => resolve());
      client.socket.emit('bench:echo', 'a');
    });
    echoes.push(performance.now() - started);
  }

  // Throughput: 50 MiB of random bytes as base64 (~67.6 MB of text) to a client acknowledging like xterm.js.
  await new Promise((r) => setTimeout(r, 300));
  client.clear();
  const outputBytes = Math.ceil((50 * 1024 * 1024) / 57) * 77; // base64 wraps each 57 input bytes into 76 characters and "\n"
  const started = performance.now();
  const receivedBefore = client.received;
  client.type('head -c 50M /dev/urandom | base64; echo "bench-done-$((6*7))"\r');
  await until(() => client.text.includes('bench-done-42'), 300_000, 'throughput run finished');
  const seconds = (performance.now() - started) / 1000;
  const delivered = client.received - receivedBefore;

  // The map after a command: from the prompt's "command finished" mark to the new graph in the client.
  const mapUpdates: number[] = [];
  await new Promise((r) => setTimeout(r, 500)); // let the throughput run's own update pass
  const snapshotsBefore = grader.snapshotsTaken;
  for (let i = 0; i < 10; i++) {
    const graph = new Promise<void>((resolve) => client.socket.once(EVENTS.topology, () => resolve()));
    const mark = client.outputContaining('\x1b]133;D');
    client.type(`docker run -d --name map${i} busybox sleep 600 >/dev/null\r`);
    const markAt = await mark;
    await graph;
    mapUpdates.push(performance.now() - markAt);
  }
  const snapshotsPerCommand = (grader.snapshotsTaken - snapshotsBefore) / mapUpdates.length;

  client.close();
  await pool.stop();
  server.close();
  return { keystrokes, echoes, seconds, outputBytes, delivered, mapUpdates, snapshotsPerCommand };
}

/** Snapshot time on an idle sandbox holding the lab state (5 containers, 2 namespaces), beside one `docker exec`. */
async function snapshotTimes(docker: Docker, config: Config) {
  const pool = benchPool(docker, config, 'bench-snapshot', 0);
  await pool.start();
  const sandbox = (await pool.acquire('bench-snapshot-learner')).nodes[0]!.sandbox;
  await buildLabState(pool.backend, sandbox);
  await new Promise((r) => setTimeout(r, 2000)); // let it go idle
  const entry = await pool.backend.entry(sandbox);
  const snapshots: number[] = [];
  for (let i = 0; i < 50; i++) {
    const started = performance.now();
    const snap = await snapshotOf(entry);
    snapshots.push(performance.now() - started);
    if (snap.containers.length !== 5 || snap.namespaces.length !== 2 || snap.errors.length) {
      throw new Error(`unexpected snapshot: ${snap.containers.length} containers, errors ${snap.errors.join('; ')}`);
    }
  }
  const execs: number[] = [];
  const containerId = (await containerOf(docker, sandbox.id))!;
  for (let i = 0; i < 20; i++) execs.push(await timeCommand('docker', ['exec', containerId, 'true']));
  await pool.stop();
  return { snapshots, execs };
}

function timeCommand(cmd: string, args: string[]): Promise<number> {
  return new Promise<number>((resolve, reject) => {
    const started = performance.now();
    const child = spawn(cmd, args, { stdio: 'ignore' });
    child.on('close', (code) => (code === 0 ? resolve(performance.now() - started) : reject(new Error(`${cmd} ${args[0]} exited ${code}`))));
  });
}

/** One idle sandbox's memory as the engine accounts it. */
async function idleMemory(docker: Docker, config: Config): Promise<number> {
  const pool = benchPool(docker, config, 'bench-idle', 1);
  await pool.start();
  await until(() => pool.stats().warm === 1, 120_000, 'idle sandbox ready');
  await new Promise((r) => setTimeout(r, 5000));
  const handle = (await pool.acquire('bench-idle-learner')).nodes[0]!.sandbox;
  const stats = await docker.getContainer((await containerOf(docker, handle.id))!).stats({ stream: false });
  // What `docker stats` shows: usage less inactive page cache (cgroup v1 and v2 name it differently).
  const memory = stats.memory_stats as { usage?: number; stats?: Record<string, number> };
  if (memory.usage === undefined) throw new Error('the engine reports no memory use for the sandbox (see its log)');
  const inactive = memory.stats?.total_inactive_file ?? memory.stats?.inactive_file ?? 0;
  await pool.stop();
  return round((memory.usage - inactive) / (1024 * 1024));
}

async function main() {
  const config = loadConfig();
  const engine = await preparePlatform(config);
  try {
    log('ready_warm_ms: 10 learners, each given a warm sandbox');
    const warm = await readyTimes(engine.docker, config, 2, 10);
    log('ready_session_2_ms: 5 learners asking for a 2-node lesson, from a warm pool of two');
    const session = await sessionReadyTimes(engine.docker, config, 5);
    log('ready_cold_ms: 5 learners with an empty pool');
    const cold = await readyTimes(engine.docker, config, 0, 5);
    log('baseline_docker_run_ms: docker run --rm busybox true on the host engine');
    const dockerRun = await dockerRunBaseline();
    log('keystroke_rtt_ms, baseline_socketio_echo_ms, throughput_mib_s');
    const inter = await interactive(engine.docker, config);
    log('idle_sandbox_mib');
    const idle = await idleMemory(engine.docker, config);
    log('snapshot_ms, baseline_exec_ms: the lab state (5 containers, 2 namespaces)');
    const snapshot = await snapshotTimes(engine.docker, config);

    // Every measurement has samples: these percentiles are numbers.
    const warmP50 = percentile(warm, 50)!;
    const coldP50 = percentile(cold, 50)!;
    const dockerRunP50 = percentile(dockerRun, 50)!;
    const result = {
      ready_warm_ms: { p50: warmP50, p99: percentile(warm, 99), samples: warm.length, target_p50: 300 },
      ready_session_2_ms: { p50: percentile(session, 50), p99: percentile(session, 99), samples: session.length, target_p50: round(2 * warmP50) },
      ready_cold_ms: { p50: coldP50, p99: percentile(cold, 99), samples: cold.length },
      baseline_docker_run_ms: { p50: dockerRunP50, samples: dockerRun.length },
      ready_cold_ratio: { value: round(coldP50 / dockerRunP50), target: 4 },
      keystroke_rtt_ms: { p50: percentile(inter.keystrokes, 50), p99: percentile(inter.keystrokes, 99), samples: inter.keystrokes.length },
      baseline_socketio_echo_ms: { p50: percentile(inter.echoes, 50), p99: percentile(inter.echoes, 99), samples: inter.echoes.length },
      idle_sandbox_mib: { value: idle, target: 80 },
      topology_update_ms: { p50: percentile(inter.mapUpdates, 50), p99: percentile(inter.mapUpdates, 99), samples: inter.mapUpdates.length, target: 1000 },
      // Each finished command is one look at the session, feeding the map and the current step's check.
      snapshots_per_command: { value: round(inter.snapshotsPerCommand), commands: inter.mapUpdates.length, target: 1 },
      snapshot_ms: { p50: percentile(snapshot.snapshots, 50), p99: percentile(snapshot.snapshots, 99), samples: snapshot.snapshots.length, target_p50: 150 },
      baseline_exec_ms: { p50: percentile(snapshot.execs, 50), p99: percentile(snapshot.execs, 99), samples: snapshot.execs.length },
      throughput_mib_s: {
        value: round(inter.outputBytes / (1024 * 1024) / inter.seconds),
        seconds: round(inter.seconds),
        output_mib: round(inter.outputBytes / (1024 * 1024)),
        // tmux redraws rather than replays what a slow screen could not show: fewer bytes reach the browser.
        delivered_mib: round(inter.delivered / (1024 * 1024)),
      },
    };
    process.stdout.write(JSON.stringify(result, null, 2) + '\n');
  } finally {
    await engine.stop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
