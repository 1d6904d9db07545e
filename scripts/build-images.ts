// `npm run images`: builds the platform's images now (the app and the tests also do it when needed).
import { loadConfig } from '../lib/config';
import { preparePlatform } from '../server/platform';

const config = loadConfig();
const engine = await preparePlatform(config);
console.log('[images] all images are up to date');
await engine.stop();
