// `npm run engine -- up|down`: keep NetLab's Docker engine running between commands while developing
// (the app and the tests use a running engine and leave it running), or stop the private one.
import { loadConfig } from '../lib/config';
import { ensureEngine, stopPrivateEngine } from '../sandbox/engine';

const config = loadConfig();
const command = process.argv[2];
if (command === 'up') {
  const engine = await ensureEngine(config);
  console.log(`[engine] running at ${engine.host}; use DOCKER_HOST=${engine.host} to reach it`);
} else if (command === 'down') {
  await stopPrivateEngine(config);
  console.log('[engine] the private engine is stopped');
} else {
  console.error('usage: npm run engine -- up|down');
  process.exit(2);
}
