// One call: the whole network state of a sandbox, typed and validated.
import type Docker from 'dockerode';
import type { SandboxHandle } from '../sandbox/sandbox';
import { collectRaw } from './collect';
import type { Snapshot } from './model';
import { parseSnapshot } from './parse';

/** The host pid of the sandbox's init: the way into its namespaces. */
export async function sandboxPid(docker: Docker, sandbox: Pick<SandboxHandle, 'containerId'>): Promise<number> {
  const info = await docker.getContainer(sandbox.containerId).inspect();
  if (!info.State.Running || !info.State.Pid) throw new Error('the sandbox is not running');
  return info.State.Pid;
}

/** The snapshot of the sandbox whose init has host pid `pid`. */
export async function snapshotOf(pid: number): Promise<Snapshot> {
  return parseSnapshot(await collectRaw(pid));
}

export async function takeSnapshot(docker: Docker, sandbox: SandboxHandle): Promise<Snapshot> {
  return snapshotOf(await sandboxPid(docker, sandbox));
}
