// One call: the whole network state of a sandbox, typed and validated.
import type { SandboxBackend, SandboxEntry, SandboxHandle } from '../sandbox/backend';
import { collectRaw } from './collect';
import type { Snapshot } from './model';
import { parseSnapshot } from './parse';

/** The snapshot of the sandbox entered at `entry`. */
export async function snapshotOf(entry: SandboxEntry): Promise<Snapshot> {
  return parseSnapshot(await collectRaw(entry));
}

export async function takeSnapshot(backend: SandboxBackend, sandbox: SandboxHandle): Promise<Snapshot> {
  return snapshotOf(await backend.entry(sandbox));
}
