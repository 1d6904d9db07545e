// `npm run load`: a class at once. Simulated learners over real sockets (cookie, socket.io, the terminal
// protocol) open a lesson, type its reference solutions at a human pace and wait for the automatic verdicts,
// against a real NetLab server started here (its own port, database and sandbox pool; output in
// .data/logs/load-server.log) or the one at --url. Traffic stays on loopback; the run is bounded and removes
// its sandboxes. Prints one JSON object; writes .data/reports/load.json and load.svg (latency against learners).
//   --learners N (3)  --minutes M (1)  --lesson SLUG (modes)  --ramp S (10)  --sweep 5,10,20  --warm  --url http://…
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { spawn, type ChildProcess } from 'node:child_process';
import { parseArgs } from 'node:util';
import { loadCourse } from '../course/course';
import { commandTarget } from '../course/format';
import { loadConfig } from '../lib/config';
import { LABEL_POOL, removeByLabel } from '../sandbox/docker-sandbox';
import { ensureEngine } from '../sandbox/engine';
import { percentile, round } from '../lib/stats';
import { simulateLearner, type LearnerFigures, type TypedStep } from '../harness/load-learner';
import { latencyPlot } from '../harness/latency-plot';
import { LoadReport } from '../harness/load-report';

const log = (msg: string) => process.stderr.write(`[load] ${msg}\n`);

const LOAD_POOL = 'load';

/** What a class of this size must get to count as held. */
const HELD = { verdictP99Ms: 2000, keystrokeP99Ms: 100 };

type Health = { server: { rssMiB: number; eventLoopLagP99Ms: number }; host: { memoryAvailableMiB: number }; pool: { assigned: number; warm: number } };

async function health(base: string): Promise<Health | undefined> {
  const r = await fetch(`${base}/api/health`).catch(() => undefined);
  return r?.ok ? ((await r.json()) as Health) : undefined;
}

/** The lesson as learners type it; refused when the automatic verdicts cannot follow it (a quiz, several nodes). */
async function typedSteps(slug: string): Promise<TypedStep[]> {
  const lesson = (await loadCourse()).find(slug);
  if (!lesson) throw new Error(`no lesson ${slug}`);
  if (lesson.nodes) throw new Error(`${slug} is a multi-host lesson: simulated learners type in one terminal; choose a one-sandbox lesson (e.g. modes)`);
  if (lesson.steps.some((s) => s.quiz))
    throw new Error(`${slug} has quiz steps, which wait for an answer instead of a command: choose a lesson without quizzes (e.g. modes)`);
  return lesson.steps.map((s) => ({ id: s.id, commands: s.solution.map((c) => commandTarget(c).run) }));
}

/** One class of `learners`, arriving over `rampS` seconds, working for `minutes`. */
async function runClass(base: string, lesson: string, steps: TypedStep[], learners: number, minutes: number, rampS: number, firstLearner: number) {
  log(`${learners} learners on ${lesson} for ${minutes} min (arriving over ${rampS} s)`);
  const before = await health(base);
  const samples: Health[] = [];
  const sampler = setInterval(() => void health(base).then((h) => h && samples.push(h)), 1000);
  const end = performance.now() + minutes * 60_000;
  const runs = Array.from({ length: learners }, async (_, i) => {
    await new Promise((r) => setTimeout(r, (rampS * 1000 * i) / Math.max(1, learners)));
    return simulateLearner(base, firstLearner + i, lesson, steps, end);
  });
  const figures: LearnerFigures[] = await Promise.all(runs);
  clearInterval(sampler);
  const all = (pick: (f: LearnerFigures) => number[]) => figures.flatMap(pick);
  const ready = figures.flatMap((f) => (f.readyMs === undefined ? [] : [f.readyMs]));
  const busiest = samples.reduce((m, s) => Math.max(m, s.pool.assigned), 0);
  const lowestAvailable = samples.reduce((m, s) => Math.min(m, s.host.memoryAvailableMiB), before?.host.memoryAvailableMiB ?? 0);
  const errors = figures.flatMap((f) => f.errors);
  const result = {
    learners,
    ready_ms: { p50: percentile(ready, 50), p99: percentile(ready, 99) },
    verdict_ms: { p50: percentile(all((f) => f.verdictMs), 50), p99: percentile(all((f) => f.verdictMs), 99), samples: all((f) => f.verdictMs).length },
    keystroke_rtt_ms: { p50: percentile(all((f) => f.keystrokeMs), 50), p99: percentile(all((f) => f.keystrokeMs), 99), samples: all((f) => f.keystrokeMs).length },
    event_loop_lag_ms: { p99: samples.length ? Math.max(...samples.map((s) => s.server.eventLoopLagP99Ms)) : null },
    server_rss_mib: samples.length ? Math.max(...samples.map((s) => s.server.rssMiB)) : null,
    memory_per_sandbox_mib: before && busiest ? round((before.host.memoryAvailableMiB - lowestAvailable) / busiest) : null,
    errors: { count: errors.length, first: errors.slice(0, 10) },
  };
  const held = !errors.length && (result.verdict_ms.p99 ?? Infinity) <= HELD.verdictP99Ms && (result.keystroke_rtt_ms.p99 ?? Infinity) <= HELD.keystrokeP99Ms;
  return { ...result, held };
}

/**
 * A NetLab server of its own, as `npm start` runs it, on a free port; its output goes to a log file. `warm`:
 * a warm sandbox for every learner, all started before the class arrives (as an operator prepares for 9:00);
 * otherwise the default warm pool of 2, and the class's sandboxes start as it arrives.
 */
async function startServer(learners: number, warm: boolean): Promise<{ base: string; child: ChildProcess }> {
  const config = loadConfig();
  const port = await new Promise<number>((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const p = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(p));
    });
  });
  const logFile = path.join(config.dataDir, 'logs', 'load-server.log');
  const db = path.join(config.dataDir, 'load', 'netlab.sqlite');
  fs.mkdirSync(path.dirname(logFile), { recursive: true });
  fs.rmSync(path.dirname(db), { recursive: true, force: true });
  log(`starting a server on port ${port} (log: ${logFile})`);
  const out = fs.openSync(logFile, 'w');
  const child = spawn('bash', ['scripts/start.sh'], {
    detached: true, // its own process group: stopped as a whole at the end
    stdio: ['ignore', out, out],
    env: { ...process.env, PORT: String(port), NETLAB_DB_PATH: db, NETLAB_POOL_NAME: LOAD_POOL, NETLAB_POOL_SIZE: String(warm ? learners : 2), NETLAB_MAX_SANDBOXES: String(learners + 2) },
  });
  const base = `http://localhost:${port}`;
  const deadline = Date.now() + 600_000;
  while (!(await health(base))) {
    if (child.exitCode !== null) throw new Error(`the server exited (${child.exitCode}); see ${logFile}`);
    if (Date.now() > deadline) throw new Error(`the server did not answer within 10 min; see ${logFile}`);
    await new Promise((r) => setTimeout(r, 1000));
  }
  if (warm) {
    log(`warming ${learners} sandboxes before the class arrives`);
    while (((await health(base))?.pool.warm ?? 0) < learners) {
      if (Date.now() > deadline) throw new Error(`the pool did not warm up within 10 min; see ${logFile}`);
      await new Promise((r) => setTimeout(r, 1000));
    }
  }
  return { base, child };
}

/** True while any process of the group is alive. */
function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * SIGTERM to the server's whole process group, then waits for all of it. A server leaves its learners'
 * sandboxes for its next start to adopt; this class is over, so they are removed.
 */
async function stopServer(child: ChildProcess): Promise<void> {
  const pgid = child.pid!;
  if (groupAlive(pgid)) {
    process.kill(-pgid, 'SIGTERM');
    const deadline = Date.now() + 60_000;
    while (groupAlive(pgid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
    if (groupAlive(pgid)) process.kill(-pgid, 'SIGKILL');
  }
  const engine = await ensureEngine(loadConfig());
  log(`removed the class's ${await removeByLabel(engine.docker, { [LABEL_POOL]: LOAD_POOL })} sandbox(es)`);
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      learners: { type: 'string', default: '3' },
      minutes: { type: 'string', default: '1' },
      lesson: { type: 'string', default: 'modes' },
      ramp: { type: 'string', default: '10' },
      sweep: { type: 'string' },
      warm: { type: 'boolean', default: false },
      url: { type: 'string' },
    },
  });
  const sizes = (values.sweep ?? values.learners!).split(',').map(Number);
  const minutes = Number(values.minutes);
  const ramp = Number(values.ramp);
  if (sizes.some((n) => !Number.isInteger(n) || n < 1 || n > 200) || !(minutes > 0 && minutes <= 30) || !(ramp >= 0))
    throw new Error('--learners/--sweep: whole numbers 1–200; --minutes: up to 30; --ramp: seconds ≥ 0');
  if (values.url && !/^http:\/\/(localhost|127\.0\.0\.1)(:\d+)?\/?$/.test(values.url)) throw new Error('--url must be this machine (http://localhost:PORT): traffic stays on loopback');
  const steps = await typedSteps(values.lesson!);

  // Each class meets a server of its own, fresh: the sessions of the class before (kept until their idle
  // timeout) would otherwise hold places and memory.
  const runs = [];
  let learner = 0x10ad0000 + Math.floor(Math.random() * 0xffff) * 0x100;
  for (const size of sizes) {
    const server = values.url ? { base: values.url.replace(/\/$/, ''), child: undefined } : await startServer(size, values.warm!);
    try {
      runs.push(await runClass(server.base, values.lesson!, steps, size, minutes, ramp, learner));
    } finally {
      if (server.child) await stopServer(server.child);
    }
    learner += size;
  }
  const heldSizes = runs.filter((r) => r.held).map((r) => r.learners);
  const result: LoadReport = {
    lesson: values.lesson!,
    minutes,
    warm: values.warm!,
    criteria: { verdict_p99_ms: HELD.verdictP99Ms, keystroke_p99_ms: HELD.keystrokeP99Ms, errors: 0 },
    runs,
    largest_class_held: heldSizes.length ? Math.max(...heldSizes) : 0,
  };
  const reports = path.join(loadConfig().dataDir, 'reports');
  fs.mkdirSync(reports, { recursive: true });
  LoadReport.parse(result);
  fs.writeFileSync(path.join(reports, 'load.json'), JSON.stringify(result, null, 2) + '\n');
  fs.writeFileSync(path.join(reports, 'load.svg'), latencyPlot(runs));
  log(`report: ${path.join(reports, 'load.json')}, plot: ${path.join(reports, 'load.svg')}`);
  process.stdout.write(JSON.stringify(result, null, 2) + '\n');
  return runs.every((r) => r.errors.count === 0) ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(`[load] ${(err as Error).message}`);
    process.exit(2);
  },
);
