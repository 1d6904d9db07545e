// Shared by the integration tests: the engine and a config for a test pool.
import type Docker from 'dockerode';
import { loadConfig, type Config } from '@/lib/config';
import { dockerFor } from '@/sandbox/engine';

export function engineDocker(): Docker {
  if (!process.env.DOCKER_HOST) throw new Error('DOCKER_HOST is not set: global-setup did not run');
  return dockerFor(process.env.DOCKER_HOST);
}

/** A config whose sandboxes carry their own pool label, so tests never touch the app's sandboxes. */
export function testConfig(poolName: string, overrides: Record<string, string> = {}): Config {
  return loadConfig({ ...process.env, NETLAB_POOL_NAME: poolName, NETLAB_POOL_SIZE: '0', ...overrides });
}

export { sh } from '@/sandbox/exec';
