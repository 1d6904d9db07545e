// The sandbox seam. The pool, the terminal, the grader and the lessons reach sandboxes only through this
// interface: none of them holds an engine client or a container id. The Docker implementation is
// docker-backend.ts; a Kubernetes or VM backend would plug in here.
import type { Duplex } from 'node:stream';

export type SandboxHandle = {
  /** Unguessable (128 random bits). */
  id: string;
  /** The learner's host name (their prompt says root@<hostname>). */
  hostname: string;
  createdAt: number;
};

export type ExecResult = { code: number; output: string };

/** One node of a multi-node session: its name (its host name, e.g. node1) and its sandbox. */
export type SessionNode = { name: string; sandbox: SandboxHandle };

/**
 * The private network that joins the nodes of a session (their eth0), the same in every session: node i
 * (from 0) is 172.16.0.(11+i)/24. It reaches nothing but the session's nodes.
 */
export const UNDERLAY = {
  subnet: '172.16.0.0/24',
  prefixLength: 24,
  address: (index: number) => `172.16.0.${11 + index}`,
} as const;

export type TerminalSize = { cols: number; rows: number };

export type TerminalSession = {
  output: Duplex;
  write(data: string): boolean;
  resize(size: TerminalSize): Promise<void>;
  close(): void;
};

/**
 * How the grader reads a running sandbox from this host: the host pid of the learner's init (its
 * namespaces and files, reached through the host's /proc), and its Docker engine's socket, a path inside
 * the learner's world.
 */
export type SandboxEntry = { pid: number; engineSocket: string };

/** The sandbox is gone or stopped (as opposed to an engine that did not answer). */
export type ExecOptions = { stdin?: Buffer; timeoutMs?: number };

export class SandboxNotRunning extends Error {}

export interface SandboxBackend {
  /** Starts a sandbox for the pool and resolves once its shell and engine are ready. */
  create(pool: string): Promise<SandboxHandle>;
  /** Removes the sandbox and everything it used; a sandbox already gone is fine. */
  destroy(id: string): Promise<void>;
  /** The ids of the pool's sandboxes that exist, running or not (an earlier run may have left some). */
  list(pool: string): Promise<string[]>;
  /** Whether the engine that runs the sandboxes answers now (it may be restarting). */
  answers(): Promise<boolean>;
  /** False when the sandbox is gone or stopped; throws when the backend cannot tell (it may come back). */
  isRunning(sandbox: SandboxHandle): Promise<boolean>;
  /**
   * Runs a bash script as the learner's root, in their world and their home directory. After `timeoutMs`
   * the script is abandoned: exit code 124, and the output says so.
   */
  exec(sandbox: SandboxHandle, script: string, options?: ExecOptions): Promise<ExecResult>;
  /** The learner's shell: their tmux session "main", attached with a terminal of this size. */
  attachTerminal(sandbox: SandboxHandle, size: TerminalSize): Promise<TerminalSession>;
  /** Where the grader enters the sandbox; throws when it is not running. */
  entry(sandbox: SandboxHandle): Promise<SandboxEntry>;
  /**
   * Makes fresh sandboxes the nodes of one session: each takes its node's name as host name and its
   * address on the session's underlay (UNDERLAY), on which the nodes reach each other and nothing else.
   */
  joinSession(nodes: SessionNode[]): Promise<void>;
}
