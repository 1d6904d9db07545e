// The grader's way to a sandbox's files, its engine's socket and its named network namespaces: the
// netlab-peek helper (native/peek.c), which resolves every path inside the sandbox's own mount namespace.
// A symbolic link there, or a path swapped for one while the grader reads, can only lead elsewhere in the
// sandbox, never to the host.
import http from 'node:http';
import util from 'node:util';
import path from 'node:path';
import type { Duplex } from 'node:stream';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import Docker from 'dockerode';
import { loadConfig, type Config } from '../lib/config';
import { buildNativeBinary, nativeBinaryPath } from '../lib/native';
import { captureOffLoop } from '../lib/spawner';

const SOURCE = path.join(path.dirname(fileURLToPath(import.meta.url)), 'native', 'peek.c');
const TIMEOUT_MS = 2000;

let binary: string | undefined;
function peekBinary(): string {
  binary ??= nativeBinaryPath(SOURCE, loadConfig().cacheDir);
  return binary;
}

/** Builds netlab-peek for this host when its source changed (the platform's preparation calls it). */
export async function ensurePeek(config: Config): Promise<void> {
  binary = await buildNativeBinary(SOURCE, config.cacheDir);
}

async function peek(pid: number, args: string[]): Promise<{ code: number; stdout: Buffer; stderr: string }> {
  const r = await captureOffLoop(peekBinary(), [String(pid), ...args], { timeoutMs: TIMEOUT_MS });
  return { ...r, stderr: r.stderr.trim() };
}

/** Regular files of the sandbox (the first MiB of each); a path that is not one maps to undefined. */
export async function readFiles(pid: number, paths: string[]): Promise<Map<string, string | undefined>> {
  const files = new Map<string, string | undefined>();
  if (!paths.length) return files;
  const r = await peek(pid, ['read', ...paths]);
  let at = 0;
  for (const file of paths) {
    const eol = r.stdout.indexOf(10, at);
    const size = eol < 0 ? -1 : Number(r.stdout.subarray(at, eol).toString());
    if (size < 0) {
      files.set(file, undefined);
      at = eol < 0 ? r.stdout.length : eol + 1;
      continue;
    }
    files.set(file, r.stdout.subarray(eol + 1, eol + 1 + size).toString('utf8'));
    at = eol + 1 + size;
  }
  return files;
}

type NetnsEntry = { name: string; inode?: number; error?: string };

/**
 * The command line that lists a folder of namespaces in the sandbox (/run/netns for `ip netns`, or
 * Docker's); parseNamespaces reads what it prints.
 */
export function namespacesArgv(pid: number, dir: string): string[] {
  return [peekBinary(), String(pid), 'namespaces', dir];
}

/** The folder's entries, each a network namespace or why it is not one. */
export function parseNamespaces(listing: string): NetnsEntry[] {
  return listing
    .split('\0')
    .filter(Boolean)
    .map((entry) => {
      const space = entry.indexOf(' ');
      const [value, name] = [Number(entry.slice(0, space)), entry.slice(space + 1)];
      return value < 0 ? { name, error: `not a network namespace (errno ${-value})` } : { name, inode: value };
    })
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** The command line that runs a HOST command in the network namespace at `path` in the sandbox. */
export function inSandboxNetnsCommand(pid: number, path: string, command: string[]): string[] {
  return [peekBinary(), String(pid), 'netns', path, ...command];
}

/**
 * A client of the sandbox's own Docker engine, connected through netlab-peek (read what it says as
 * untrusted). `close` ends its connections.
 */
function engineClient(pid: number, socket: string): { docker: Docker; close(): void } {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 4 });
  // docker-modem formats every request's options for its debug log, even with the log off: in full, the
  // agent (its sockets, their processes) cost more than the request itself.
  Object.assign(agent, { [util.inspect.custom]: () => 'Agent(netlab-peek)' });
  // Each connection is a netlab-peek process relaying its fd 3 to the engine's socket.
  (agent as unknown as { createConnection: () => Duplex }).createConnection = () => {
    const child = spawn(peekBinary(), [String(pid), 'connect', socket], { stdio: ['ignore', 'ignore', 'ignore', 'pipe'] });
    const stream = child.stdio[3] as Duplex;
    stream.on('close', () => child.kill());
    return stream;
  };
  const docker = new Docker({ protocol: 'http', host: 'sandbox-engine', port: 80, agent, timeout: TIMEOUT_MS } as Docker.DockerOptions);
  return { docker, close: () => agent.destroy() };
}

/** How long a sandbox's engine client stays after its last use. */
const CLIENT_IDLE_MS = 30_000;
const clients = new Map<string, { client: ReturnType<typeof engineClient>; idle?: NodeJS.Timeout }>();

/**
 * The sandbox's engine client, shared: a snapshot reuses the connections (netlab-peek processes) of the one
 * before, instead of spawning new ones. A connection lives no longer than the sandbox it reaches.
 */
export function sandboxEngine(pid: number, socket: string): Docker {
  const key = `${pid} ${socket}`;
  const entry = clients.get(key) ?? { client: engineClient(pid, socket) };
  clients.set(key, entry);
  clearTimeout(entry.idle);
  entry.idle = setTimeout(() => {
    clients.delete(key);
    entry.client.close();
  }, CLIENT_IDLE_MS);
  entry.idle.unref();
  return entry.client.docker;
}
