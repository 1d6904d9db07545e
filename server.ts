// NetLab's one entry point: Next.js pages and /api routes, and socket.io terminals, on one HTTP server.
import http from 'node:http';
import next from 'next';
import { loadConfig } from './lib/config';
import { ErrorLog } from './lib/error-log';
import { EventLoopLag } from './lib/event-loop-lag';
import { rememberLangFromQuery } from './lib/lang-cookie';
import { ensureLearner } from './lib/learner';
import { setRuntime } from './server/runtime';
import { preparePlatform } from './server/platform';
import { DockerBackend } from './sandbox/docker-backend';
import { SandboxPool } from './sandbox/pool';
import { loadCourse } from './course/course';
import { prepareSession } from './course/setup';
import { VerificationQueue } from './course/verification-queue';
import { watchLessons } from './course/watch';
import { startLive } from './server/live';
import { guardInstructorArea } from './server/instructor-gate';
import { EVENTS } from './lib/terminal-protocol';
import { AttemptStore } from './store/attempts';
import { ClassStore } from './store/classes';
import { openDb } from './store/db';
import { InstructorStore } from './store/instructors';
import { SessionStore } from './store/sessions';
import { VerificationStore } from './store/verifications';

// NetLab sends nothing off this machine: no Next.js telemetry.
process.env.NEXT_TELEMETRY_DISABLED ??= '1';

async function main() {
  const errors = new ErrorLog();
  errors.captureConsoleErrors();
  const loopLag = new EventLoopLag();
  const config = loadConfig();
  const dev = process.env.NODE_ENV !== 'production';
  const engine = await preparePlatform(config);
  console.log(`[engine] using ${engine.host}`);
  const backend = new DockerBackend(engine.docker, config);
  const db = openDb(config.dbPath);
  const pool = new SandboxPool(backend, config, new SessionStore(db));
  const attempts = new AttemptStore(db);
  const instructors = new InstructorStore(db);
  const verifications = new VerificationStore(db);
  const course = await loadCourse();
  const verifier = new VerificationQueue(backend, config, course, verifications);
  setRuntime({ dev, engine, pool, course, attempts, instructors, classes: new ClassStore(db), verifications, verifier, errors, loopLag });
  for (const problem of course.brokenLessons) console.error(`[lessons] left out: ${problem.message}`);

  const app = next({ dev, hostname: 'localhost', port: config.port });
  const handle = app.getRequestHandler();
  await app.prepare();

  const server = http.createServer((req, res) => {
    ensureLearner(req, res);
    rememberLangFromQuery(req, res);
    if (guardInstructorArea(req, res, instructors)) return;
    void handle(req, res);
  });
  const { io } = startLive(server, {
    pool,
    attempts,
    resolveStep: course.resolveStep,
    // The step to re-check after a command: the first of the lesson the learner has not passed.
    currentStep: (learnerId, lesson) => {
      const passed = attempts.passed(learnerId).get(lesson);
      return course.find(lesson)?.steps.find((s) => !passed?.has(s.id))?.id;
    },
    nodesOf: (lesson) => course.find(lesson)?.nodes,
    prepareLesson: (session, lesson) => prepareSession(backend, session, lesson, course.find(lesson)?.setup ?? []),
  });
  const stopWatching = dev ? watchLessons(course, (lesson) => io.emit(EVENTS.lessonChanged, { lesson })) : undefined;

  await pool.start();
  server.listen(config.port, config.host, () => {
    console.log(`[netlab] ready on http://localhost:${config.port} (pool of ${config.poolSize}, max ${config.maxSandboxes})`);
    if (!instructors.list().length) console.log('[netlab] no instructor accounts yet: npm run instructor -- add <name>, then sign in at /instructor');
  });

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`[netlab] ${signal}: stopping; the learners' sandboxes and the engine keep running for the next start (npm run clean removes them)`);
    stopWatching?.();
    io.close();
    server.close();
    await pool.leave().catch((e) => console.error('[netlab] pool stop failed:', e));
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
