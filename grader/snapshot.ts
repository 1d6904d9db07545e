// One call: the whole network state of a sandbox, typed and validated; and the way to a session's nodes.
import type { SandboxBackend, SandboxEntry } from '../sandbox/backend';
import type { Session } from '../sandbox/session';
import { collectRaw } from './collect';
import type { Snapshot } from './model';
import { parseSnapshot } from './parse';

/** A node of a session as the grader reaches it: its name and where to enter its sandbox. */
export type NodeEntry = { name: string; entry: SandboxEntry };

/** The snapshot of the sandbox entered at `entry`. */
export async function snapshotOf(entry: SandboxEntry): Promise<Snapshot> {
  return parseSnapshot(await collectRaw(entry));
}

/** Where to enter each node of the session (throws when one is not running). */
export function sessionEntries(backend: SandboxBackend, session: Session): Promise<NodeEntry[]> {
  return Promise.all(session.nodes.map(async (n) => ({ name: n.name, entry: await backend.entry(n.sandbox) })));
}

