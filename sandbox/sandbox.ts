// One sandbox: a Docker-in-Docker container of netlab/sandbox alone on an --internal network of its own.
// Creating, waiting for it to be ready, and removing it with its network and volume.
import crypto from 'node:crypto';
import type Docker from 'dockerode';
import type { Config } from '../lib/config';
import { allocateSubnet, BRIDGE_PREFIX } from './isolation';
import { SANDBOX_IMAGE } from './images/build';

export const LABEL_ROLE = 'netlab.role';
export const LABEL_POOL = 'netlab.pool';
export const LABEL_SANDBOX = 'netlab.sandbox';

export type SandboxHandle = {
  /** Unguessable (128 random bits); also names the container and network. */
  id: string;
  containerId: string;
  networkId: string;
  hostname: string;
  createdAt: number;
  /** The lesson the sandbox was prepared for (its setup ran): a sandbox serves one lesson. */
  lesson?: string;
};

/**
 * The start flags that make Docker-in-Docker work without --privileged (which fails on hosts whose bounding
 * set lacks CAP_SYS_RESOURCE), while keeping what the inner engine never needs out of reach: no host block
 * devices (only mknod of them), no kernel modules, no host clock, a private cgroup namespace.
 */
function sandboxHostConfig(config: Config, networkName: string): Docker.HostConfig & { CgroupnsMode: string } {
  const memory = config.sandboxMemoryMiB * 1024 * 1024;
  return {
    NetworkMode: networkName,
    Init: true,
    CgroupnsMode: 'private',
    CapAdd: ['ALL'],
    CapDrop: ['SYS_RESOURCE', 'SYS_MODULE', 'SYS_TIME', 'SYS_RAWIO', 'SYS_BOOT', 'MAC_ADMIN', 'SYSLOG', 'WAKE_ALARM'],
    SecurityOpt: ['seccomp=unconfined', 'apparmor=unconfined'],
    // What the CLI's --security-opt systempaths=unconfined means: /proc and /sys neither masked nor read-only.
    MaskedPaths: [],
    ReadonlyPaths: [],
    DeviceCgroupRules: ['c *:* rwm', 'b *:* m'],
    Memory: memory,
    MemorySwap: memory,
    PidsLimit: config.sandboxPids,
    NanoCpus: Math.round(config.sandboxCpus * 1e9),
    // The inner /var/lib/docker must not be on overlayfs, or the inner engine falls back to vfs.
    Mounts: [{ Type: 'volume', Source: '', Target: '/var/lib/docker' }],
    // No registry is reachable: the inner engine's pulls are refused at once (see also netlab-init's DNS).
    ExtraHosts: ['registry-1.docker.io:127.0.0.1', 'index.docker.io:127.0.0.1', 'auth.docker.io:127.0.0.1'],
  };
}

async function usedSubnets(docker: Docker): Promise<string[]> {
  const networks = await docker.listNetworks();
  return networks.flatMap((n) => (n.IPAM?.Config ?? []).map((c) => c.Subnet).filter((s): s is string => !!s));
}

let networkQueue: Promise<unknown> = Promise.resolve();

/**
 * The sandbox's own --internal network on the first free subnet of the pool. Creations are serialized in
 * this process so that two sandboxes starting at once do not pick the same subnet; a clash with another
 * process is retried.
 */
function createIsolatedNetwork(
  docker: Docker,
  config: Config,
  name: string,
  bridge: string,
  labels: Record<string, string>,
): Promise<Docker.Network> {
  const create = async () => {
    for (let attempt = 0; ; attempt++) {
      const { subnet, gateway } = allocateSubnet(config.subnetPool, await usedSubnets(docker));
      try {
        return await docker.createNetwork({
          Name: name,
          Driver: 'bridge',
          Internal: true,
          CheckDuplicate: true,
          IPAM: { Driver: 'default', Config: [{ Subnet: subnet, Gateway: gateway }] },
          Options: { 'com.docker.network.bridge.name': bridge },
          Labels: labels,
        });
      } catch (err) {
        if (attempt >= 5 || !/overlap/i.test(String(err))) throw err;
      }
    }
  };
  const result = networkQueue.then(create, create);
  networkQueue = result.catch(() => undefined);
  return result;
}

/** Waits for netlab-init's "NETLAB READY" line on the container's output. */
async function waitReady(container: Docker.Container, timeoutMs: number): Promise<void> {
  const stream = (await container.logs({ follow: true, stdout: true, stderr: true })) as NodeJS.ReadableStream;
  await new Promise<void>((resolve, reject) => {
    let seen = '';
    const done = (err?: Error) => {
      clearTimeout(timer);
      (stream as unknown as { destroy(): void }).destroy();
      if (err) reject(err);
      else resolve();
    };
    const timer = setTimeout(() => done(new Error(`sandbox not ready after ${timeoutMs} ms`)), timeoutMs);
    stream.on('data', (chunk: Buffer) => {
      seen = (seen + chunk.toString('latin1')).slice(-4096);
      if (seen.includes('NETLAB READY')) done();
      else if (seen.includes('NETLAB FAILED')) done(new Error(`sandbox failed to start: ${seen.slice(-500)}`));
    });
    stream.on('end', () => done(new Error(`sandbox exited while starting: ${seen.slice(-500)}`)));
    stream.on('error', (e: Error) => done(e));
  });
}

export async function createSandbox(docker: Docker, config: Config): Promise<SandboxHandle> {
  const id = crypto.randomBytes(16).toString('hex');
  const short = id.slice(0, 11);
  const labels = { [LABEL_ROLE]: 'sandbox', [LABEL_POOL]: config.poolName, [LABEL_SANDBOX]: id };
  const networkName = `netlab-${short}`;
  const network = await createIsolatedNetwork(docker, config, networkName, `${BRIDGE_PREFIX}${short}`, labels);
  const hostname = `lab-${id.slice(0, 6)}`;
  try {
    const container = await docker.createContainer({
      name: networkName,
      Image: SANDBOX_IMAGE.name,
      Hostname: hostname,
      Labels: labels,
      Env: ['LANG=C.UTF-8'],
      HostConfig: sandboxHostConfig(config, networkName),
    });
    await container.start();
    await waitReady(container, 60_000);
    return { id, containerId: container.id, networkId: network.id, hostname, createdAt: Date.now() };
  } catch (err) {
    await removeByLabel(docker, { [LABEL_SANDBOX]: id });
    throw err;
  }
}

/** Removes the containers (with their volumes) and networks that carry all the given labels. */
export async function removeByLabel(docker: Docker, labels: Record<string, string>): Promise<number> {
  const filters = { label: Object.entries(labels).map(([k, v]) => `${k}=${v}`) };
  const containers = await docker.listContainers({ all: true, filters });
  await Promise.all(
    containers.map((c) =>
      docker
        .getContainer(c.Id)
        .remove({ force: true, v: true })
        .catch(() => undefined),
    ),
  );
  const networks = await docker.listNetworks({ filters });
  await Promise.all(networks.map((n) => docker.getNetwork(n.Id).remove().catch(() => undefined)));
  return containers.length;
}

export function destroySandbox(docker: Docker, id: string): Promise<number> {
  return removeByLabel(docker, { [LABEL_SANDBOX]: id });
}
