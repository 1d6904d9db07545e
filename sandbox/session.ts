// A learner's session: one sandbox, or the nodes of a multi-host lesson joined by their own network.
import crypto from 'node:crypto';
import type { SandboxBackend, SandboxHandle, SessionNode } from './backend';

export type Session = {
  /** Unguessable (128 random bits). */
  id: string;
  /** In node order; a one-sandbox session's node is named after its sandbox's host. */
  nodes: SessionNode[];
  createdAt: number;
  /** The one lesson the session serves, and its setup commands (running, or done). */
  lesson?: { slug: string; setup: Promise<void> };
};

/** Makes fresh sandboxes a session: one as it is, several joined as the named nodes (one name each). */
export async function makeSession(backend: SandboxBackend, sandboxes: SandboxHandle[], nodeNames?: string[]): Promise<Session> {
  const nodes = nodeNames
    ? nodeNames.map((name, i) => ({ name, sandbox: sandboxes[i]! }))
    : [{ name: sandboxes[0]!.hostname, sandbox: sandboxes[0]! }];
  if (nodeNames) await backend.joinSession(nodes);
  return { id: crypto.randomBytes(16).toString('hex'), nodes, createdAt: Math.min(...sandboxes.map((s) => s.createdAt)) };
}
