// `npm run images`: builds the platform's images now (the app and the tests also do it when needed).
import { loadConfig } from '../lib/config';
import { ensureEngine } from '../sandbox/engine';
import { ensureImages } from '../sandbox/images/build';

const config = loadConfig();
const engine = await ensureEngine(config);
try {
  await ensureImages(engine.docker, config);
  console.log('[images] all images are up to date');
} finally {
  await engine.stop();
}
