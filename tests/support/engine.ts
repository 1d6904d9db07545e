// Shared by the integration tests: the engine, a config for a test pool, and the sandbox backend on it.
import type Docker from 'dockerode';
import { loadConfig, type Config } from '@/lib/config';
import type { SandboxHandle } from '@/sandbox/backend';
import { DockerBackend } from '@/sandbox/docker-backend';
import { containerOf } from '@/sandbox/docker-sandbox';
import { dockerFor } from '@/sandbox/engine';

export function engineDocker(): Docker {
  if (!process.env.DOCKER_HOST) throw new Error('DOCKER_HOST is not set: global-setup did not run');
  return dockerFor(process.env.DOCKER_HOST);
}

/** A config whose sandboxes carry their own pool label, so tests never touch the app's sandboxes. */
export function testConfig(poolName: string, overrides: Record<string, string> = {}): Config {
  return loadConfig({ ...process.env, NETLAB_POOL_NAME: poolName, NETLAB_POOL_SIZE: '0', ...overrides });
}

export function testBackend(config: Config, docker = engineDocker()): DockerBackend {
  return new DockerBackend(docker, config);
}

/** What the host engine says of a sandbox's container (tests look behind the seam; the platform does not). */
export async function containerInfo(sandbox: SandboxHandle, docker = engineDocker()): Promise<Docker.ContainerInspectInfo> {
  const id = await containerOf(docker, sandbox.id);
  if (!id) throw new Error(`no container for sandbox ${sandbox.id}`);
  return docker.getContainer(id).inspect();
}
