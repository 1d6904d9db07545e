// One sandbox on the Docker engine: a container of netlab/sandbox alone on an --internal network of its
// own, with a host uid range of its own for the learner's user namespace. Creating it, waiting for it to be
// ready, and removing it with its network and volume.
import crypto from 'node:crypto';
import type Docker from 'dockerode';
import type { Config } from '../lib/config';
import type { SandboxHandle } from './backend';
import { SANDBOX_IMAGE } from './images/build';
import { allocateSubnet, BRIDGE_PREFIX } from './isolation';
import { SANDBOX_SECCOMP_PROFILE } from './seccomp';
import { pickFreeSlot, slotOfBase, uidBaseOf } from './uid-ranges';

const LABEL_ROLE = 'netlab.role';
export const LABEL_POOL = 'netlab.pool';
export const LABEL_SANDBOX = 'netlab.sandbox';
const LABEL_UID_BASE = 'netlab.uid-base';

/**
 * The container's settings. Only the sandbox's trusted init runs with these capabilities (as the host's
 * root, to build the learner's world: mounts, the uid mapping, moving eth0); everything of the learner's
 * runs in a user namespace of its own and holds none of them on the host. Not --privileged (it fails on
 * hosts whose bounding set lacks CAP_SYS_RESOURCE), no device beyond Docker's default few, a private
 * cgroup namespace, limits set here and out of the learner's reach.
 */
function sandboxHostConfig(config: Config, networkName: string, learnerTree: string): Docker.HostConfig & { CgroupnsMode: string } {
  const memory = config.sandboxMemoryMiB * 1024 * 1024;
  return {
    NetworkMode: networkName,
    Init: true,
    CgroupnsMode: 'private',
    CapDrop: ['ALL'],
    // Mounts and namespaces; chown of the learner's files and groups; the uid mapping (newuidmap);
    // eth0 into the learner's namespace; nsenter (netlab-enter) into it.
    CapAdd: ['SYS_ADMIN', 'CHOWN', 'DAC_OVERRIDE', 'FOWNER', 'SETUID', 'SETGID', 'NET_ADMIN', 'SYS_PTRACE', 'SYS_CHROOT', 'KILL'],
    // AppArmor's docker-default forbids the mounts the learner's world is made of; seccomp refuses a few
    // kernel interfaces nothing in a sandbox needs (see seccomp.ts).
    SecurityOpt: [`seccomp=${SANDBOX_SECCOMP_PROFILE}`, 'apparmor=unconfined'],
    // The learner mounts a fresh /proc and /sys in their namespaces, which the kernel allows only where the
    // sandbox's own are fully visible: Docker's masks of /proc and /sys would forbid it.
    MaskedPaths: [],
    ReadonlyPaths: [],
    Memory: memory,
    MemorySwap: memory,
    PidsLimit: config.sandboxPids,
    NanoCpus: Math.round(config.sandboxCpus * 1e9),
    Mounts: [
      { Type: 'bind', Source: learnerTree, Target: '/netlab/lower', ReadOnly: true },
      // The learner's writable layer and their engine's state: not on overlayfs (the inner engine would
      // fall back to vfs), and removed with the container.
      { Type: 'volume', Source: '', Target: '/netlab/state' },
    ],
    // No registry is reachable: the inner engine's pulls are refused at once (see also netlab-world's DNS).
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

/** The uid range slots that sandboxes on this engine hold now, whatever their pool. */
async function usedUidSlots(docker: Docker): Promise<Set<number>> {
  const containers = await docker.listContainers({ all: true, filters: { label: [LABEL_UID_BASE] } });
  const slots = containers.map((c) => slotOfBase(Number(c.Labels[LABEL_UID_BASE])));
  return new Set(slots.filter((s): s is number => s !== undefined));
}

/**
 * Creates the container with a uid range no other sandbox holds. The range is claimed by the container's
 * name (netlab-uid<slot>): the engine gives a name to one container only, so two processes creating
 * sandboxes at once cannot share a range.
 */
async function createWithUidRange(docker: Docker, spec: Docker.ContainerCreateOptions): Promise<Docker.Container> {
  for (let attempt = 0; ; attempt++) {
    const slot = pickFreeSlot(await usedUidSlots(docker));
    const base = uidBaseOf(slot);
    try {
      return await docker.createContainer({
        ...spec,
        name: `netlab-uid${slot}`,
        Labels: { ...spec.Labels, [LABEL_UID_BASE]: String(base) },
        Env: [...(spec.Env ?? []), `NETLAB_UID_BASE=${base}`],
      });
    } catch (err) {
      if (attempt >= 5 || (err as { statusCode?: number }).statusCode !== 409) throw err;
    }
  }
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
      else if (seen.includes('NETLAB FAILED')) done(new Error(`sandbox failed to start: ${seen.slice(seen.indexOf('NETLAB FAILED')).trim()}`));
    });
    stream.on('end', () => done(new Error(`sandbox exited while starting: ${seen.slice(-500)}`)));
    stream.on('error', (e: Error) => done(e));
  });
}

/** Creates and starts a sandbox of the pool; resolves with its handle and container id once it is ready. */
export async function createSandbox(
  docker: Docker,
  config: Config,
  pool: string,
  learnerTree: string,
): Promise<{ handle: SandboxHandle; containerId: string }> {
  const id = crypto.randomBytes(16).toString('hex');
  const short = id.slice(0, 11);
  const labels = { [LABEL_ROLE]: 'sandbox', [LABEL_POOL]: pool, [LABEL_SANDBOX]: id };
  const networkName = `netlab-${short}`;
  await createIsolatedNetwork(docker, config, networkName, `${BRIDGE_PREFIX}${short}`, labels);
  const hostname = `lab-${id.slice(0, 6)}`;
  try {
    const container = await createWithUidRange(docker, {
      Image: SANDBOX_IMAGE.name,
      Hostname: hostname,
      Labels: labels,
      Env: ['LANG=C.UTF-8'],
      HostConfig: sandboxHostConfig(config, networkName, learnerTree),
    });
    await container.start();
    await waitReady(container, 60_000);
    return { handle: { id, hostname, createdAt: Date.now() }, containerId: container.id };
  } catch (err) {
    await removeByLabel(docker, { [LABEL_SANDBOX]: id });
    throw err;
  }
}

function labelFilters(labels: Record<string, string>) {
  return { label: Object.entries(labels).map(([k, v]) => `${k}=${v}`) };
}

/** Removes the containers (with their volumes) and networks that carry all the given labels. */
export async function removeByLabel(docker: Docker, labels: Record<string, string>): Promise<number> {
  const filters = labelFilters(labels);
  const containers = await docker.listContainers({ all: true, filters });
  await Promise.all(containers.map((c) => docker.getContainer(c.Id).remove({ force: true, v: true }).catch(() => undefined)));
  const networks = await docker.listNetworks({ filters });
  await Promise.all(networks.map((n) => docker.getNetwork(n.Id).remove().catch(() => undefined)));
  return containers.length;
}

/** Removes every NetLab sandbox on the engine, whatever its pool; returns how many there were. */
export function removeEverySandbox(docker: Docker): Promise<number> {
  return removeByLabel(docker, { [LABEL_ROLE]: 'sandbox' });
}

/** The ids of the pool's sandboxes: their containers, and networks left without one. */
export async function sandboxIds(docker: Docker, pool: string): Promise<string[]> {
  const filters = labelFilters({ [LABEL_ROLE]: 'sandbox', [LABEL_POOL]: pool });
  const [containers, networks] = await Promise.all([docker.listContainers({ all: true, filters }), docker.listNetworks({ filters })]);
  const ids = [...containers.map((c) => c.Labels[LABEL_SANDBOX]), ...networks.map((n) => n.Labels?.[LABEL_SANDBOX])];
  return [...new Set(ids.filter((id): id is string => !!id))];
}

/** The container of a sandbox, by its id's label; undefined when there is none. */
export async function containerOf(docker: Docker, id: string): Promise<string | undefined> {
  const containers = await docker.listContainers({ all: true, filters: labelFilters({ [LABEL_SANDBOX]: id }) });
  return containers[0]?.Id;
}
