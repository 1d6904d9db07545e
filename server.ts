// NetLab's one entry point: Next.js pages and /api routes, and socket.io terminals, on one HTTP server.
import http from 'node:http';
import next from 'next';
import { loadConfig } from './lib/config';
import { rememberLangFromQuery } from './lib/lang-cookie';
import { ensureLearner } from './lib/learner';
import { setRuntime } from './lib/runtime';
import { preparePlatform } from './lib/platform';
import { DockerBackend } from './sandbox/docker-backend';
import { SandboxPool } from './sandbox/pool';
import { attachTerminalSockets } from './sandbox/terminal-socket';
import { Grader } from './grader/grader';
import { registerGraderSockets } from './grader/grader-socket';
import { TopologyFeed } from './grader/topology-feed';
import { COURSE } from './lessons/course';
import { lessonPreparer } from './lessons/setup';
import { LessonVerifier } from './lessons/verifier';
import { watchLessons } from './lessons/watch';
import { guardInstructorArea } from './lib/instructor-gate';
import { EVENTS } from './lib/terminal-protocol';
import { AttemptStore } from './store/attempts';
import { ClassStore } from './store/classes';
import { openDb } from './store/db';
import { InstructorStore } from './store/instructors';
import { VerificationStore } from './store/verifications';

// NetLab sends nothing off this machine: no Next.js telemetry.
process.env.NEXT_TELEMETRY_DISABLED ??= '1';

async function main() {
  const config = loadConfig();
  const dev = process.env.NODE_ENV !== 'production';
  const engine = await preparePlatform(config);
  console.log(`[engine] using ${engine.host}`);
  const backend = new DockerBackend(engine.docker, config);
  const pool = new SandboxPool(backend, config);
  const db = openDb(config.dbPath);
  const attempts = new AttemptStore(db);
  const instructors = new InstructorStore(db);
  const verifications = new VerificationStore(db);
  const verifier = new LessonVerifier(backend, config, COURSE, verifications);
  const grader = new Grader(pool, attempts, COURSE.resolveStep);
  setRuntime({ dev, engine, pool, course: COURSE, attempts, instructors, classes: new ClassStore(db), verifications, verifier });
  for (const problem of COURSE.brokenLessons) console.error(`[lessons] left out: ${problem.message}`);

  const app = next({ dev, hostname: 'localhost', port: config.port });
  const handle = app.getRequestHandler();
  await app.prepare();

  const server = http.createServer((req, res) => {
    ensureLearner(req, res);
    rememberLangFromQuery(req, res);
    if (guardInstructorArea(req, res, instructors)) return;
    void handle(req, res);
  });
  const preparer = lessonPreparer(backend);
  pool.on('ended', (_learner, _reason, sandboxId) => preparer.forget(sandboxId));
  let topology: TopologyFeed | undefined;
  const io = attachTerminalSockets(server, pool, {
    onCommandFinished: (learnerId) => {
      grader.commandFinished(learnerId);
      topology?.commandFinished(learnerId);
    },
    nodesOf: (lesson) => COURSE.find(lesson)?.nodes,
    prepareLesson: preparer.prepare,
  });
  registerGraderSockets(io, grader, attempts);
  topology = new TopologyFeed(io, pool);
  const stopWatching = dev ? watchLessons(COURSE, (lesson) => io.emit(EVENTS.lessonChanged, { lesson })) : undefined;

  await pool.start();
  server.listen(config.port, config.host, () => {
    console.log(`[netlab] ready on http://localhost:${config.port} (pool of ${config.poolSize}, max ${config.maxSandboxes})`);
    if (!instructors.list().length) console.log('[netlab] no instructor accounts yet: npm run instructor -- add <name>, then sign in at /instructor');
  });

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`[netlab] ${signal}: removing sandboxes and stopping`);
    stopWatching?.();
    io.close();
    server.close();
    await pool.stop().catch((e) => console.error('[netlab] pool stop failed:', e));
    await engine.stop();
    db.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}

// A failing request or socket must never take the server down: log and carry on.
process.on('unhandledRejection', (err) => console.error('[netlab] unhandled rejection:', err));
process.on('uncaughtException', (err) => console.error('[netlab] uncaught exception:', err));

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
