// Short commands run by a helper process. Spawning from the server blocks its event loop: fork, then waiting
// until the child has exec'd, which on a busy host takes milliseconds that every keystroke in flight waits
// out. The grader runs several commands per snapshot, so it spawns them here instead: the helper
// (lib/spawner-helper.ts) spawns, and the server only exchanges messages with it.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCapture, type RunResult } from './run';

export type SpawnRequest = { id: number; cmd: string; args: string[]; input?: string; timeoutMs?: number };
export type SpawnReply = { id: number; code: number; stdout: Uint8Array; stderr: string };
type Captured = { code: number; stdout: Buffer; stderr: string };

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
let helper: ChildProcess | undefined;
let nextId = 0;
const pending = new Map<number, { request: SpawnRequest; resolve: (r: Captured) => void }>();

function startHelper(): ChildProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'lib', 'spawner-helper.ts')], {
    cwd: ROOT,
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    serialization: 'advanced',
  });
  child.on('message', (reply: SpawnReply) => {
    const waiting = pending.get(reply.id);
    pending.delete(reply.id);
    if (!pending.size) child.channel?.unref();
    waiting?.resolve({ code: reply.code, stdout: Buffer.from(reply.stdout), stderr: reply.stderr });
  });
  // A helper that dies takes no command with it: what it had is run here, and the next starts a new one.
  child.on('exit', () => {
    if (helper === child) helper = undefined;
    for (const [id, { request, resolve }] of pending) {
      pending.delete(id);
      void runCapture(request.cmd, request.args, { input: request.input, timeoutMs: request.timeoutMs }).then(resolve);
    }
  });
  child.on('error', () => undefined); // 'exit' follows
  child.unref();
  return child;
}

/** runCapture, spawned by the helper process. */
export function captureOffLoop(cmd: string, args: string[], opts: { input?: string; timeoutMs?: number } = {}): Promise<Captured> {
  helper ??= startHelper();
  const request: SpawnRequest = { id: nextId++, cmd, args, ...opts };
  return new Promise((resolve) => {
    pending.set(request.id, { request, resolve });
    helper!.channel?.ref(); // a command in flight keeps this process alive
    helper!.send(request);
  });
}

/** run, spawned by the helper process. */
export async function runOffLoop(cmd: string, args: string[], opts: { input?: string; timeoutMs?: number } = {}): Promise<RunResult> {
  const r = await captureOffLoop(cmd, args, opts);
  return { ...r, stdout: r.stdout.toString('utf8') };
}
