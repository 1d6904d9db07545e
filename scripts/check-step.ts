// `npm run lesson:check -- <sandbox> <lesson> <step> [answer]`: runs one step's check against a live sandbox
// (a container name or id from `docker ps --filter label=netlab.role=sandbox`) and prints the verdict;
// `npm run lesson:check -- <sandbox> --snapshot` prints the snapshot the checks see, as JSON.
import { loadConfig } from '../lib/config';
import { DockerBackend } from '../sandbox/docker-backend';
import { LABEL_SANDBOX } from '../sandbox/docker-sandbox';
import { ensureEngine } from '../sandbox/engine';
import { checkSession } from '../grader/grader';
import { snapshotOf } from '../grader/snapshot';
import { loadCourse, runnerOf } from '../course/course';

const [target, lessonSlug, stepId, answer] = process.argv.slice(2);
if (!target || !lessonSlug) {
  console.error('usage: npm run lesson:check -- <sandbox> <lesson> <step> [answer]   |   <sandbox> --snapshot');
  process.exit(2);
}
const config = loadConfig();
const engine = await ensureEngine(config);
try {
  const info = await engine.docker.getContainer(target).inspect();
  const id = info.Config.Labels?.[LABEL_SANDBOX];
  if (!id) throw new Error(`${target} is not a NetLab sandbox`);
  const entry = await new DockerBackend(engine.docker, config).entry({ id, hostname: info.Config.Hostname, createdAt: Date.parse(info.Created) });
  if (lessonSlug === '--snapshot') {
    console.log(JSON.stringify(await snapshotOf(entry), null, 2));
  } else {
    const step = (await loadCourse()).find(lessonSlug)?.steps.find((s) => s.id === stepId);
    if (!step) throw new Error(`no step ${stepId} in lesson ${lessonSlug}`);
    const verdict = await checkSession([{ name: id, entry }], runnerOf(step).run, answer);
    console.log(JSON.stringify(verdict, null, 2));
    process.exitCode = verdict.pass ? 0 : 1;
  }
} catch (err) {
  console.error(`[lesson:check] ${(err as Error).message}`);
  process.exitCode = 2;
} finally {
  await engine.stop();
}
