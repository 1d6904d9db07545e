// Integration tests run against the real Docker engine: found or started (and then stopped) here, with the
// platform's images built when their recipes changed and the grader's host tools installed.
import { loadConfig } from '@/lib/config';
import { preparePlatform } from '@/server/platform';
import type { Engine } from '@/sandbox/engine';

let engine: Engine | undefined;

export async function setup() {
  const config = loadConfig();
  engine = await preparePlatform(config);
}

export async function teardown() {
  await engine?.stop();
}
