// Integration tests run against the real Docker engine: found or started (and then stopped) here, with the
// platform's images built when their recipes changed.
import { loadConfig } from '@/lib/config';
import { ensureEngine, type Engine } from '@/sandbox/engine';
import { ensureImages } from '@/sandbox/images/build';

let engine: Engine | undefined;

export async function setup() {
  const config = loadConfig();
  engine = await ensureEngine(config);
  await ensureImages(engine.docker, config);
}

export async function teardown() {
  await engine?.stop();
}
