// `npm run engine -- up|down`: keep NetLab's Docker engine running between commands while developing
// (the app and the tests use a running engine and leave it running), restart it as an upgrade would (the
// sandboxes keep running), or remove every sandbox and stop the private engine (`npm run clean` is `down`).
import { loadConfig } from '../lib/config';
import { ensureEngine, removeEverything, restartPrivateEngine } from '../sandbox/engine';

const config = loadConfig();
const command = process.argv[2];
if (command === 'up') {
  const engine = await ensureEngine(config);
  console.log(`[engine] running at ${engine.host}; use DOCKER_HOST=${engine.host} to reach it`);
} else if (command === 'down') {
  await removeEverything(config);
  console.log('[engine] no NetLab sandbox is left, and no private engine runs');
} else if (command === 'restart') {
  await restartPrivateEngine(config);
  console.log('[engine] the private engine is back');
} else {
  console.error('usage: npm run engine -- up|down|restart');
  process.exit(2);
}
