// The grader's way into a sandbox from the host: the sandbox's namespaces and files, reached through the
// host's /proc, with nothing from the sandbox trusted (no symbolic link followed, no sandbox binary run).
import fs from 'node:fs';
import path from 'node:path';
import { spawn } from 'node:child_process';

export const COMMAND_TIMEOUT_MS = 2000;

/** Runs a host binary inside a network namespace (given by a path to its nsfs file). */
export function inNetns(nsPath: string, command: string[], input?: string, timeoutMs = COMMAND_TIMEOUT_MS): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn('nsenter', [`--net=${nsPath}`, '--', ...command], { stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.stdin.on('error', () => undefined);
    child.stdin.end(input ?? '');
    child.on('error', (err) => {
      clearTimeout(timer);
      resolve({ code: 127, stdout, stderr: String(err) });
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code: code ?? (signal ? 124 : 1), stdout, stderr: signal ? `timed out after ${timeoutMs} ms` : stderr });
    });
  });
}

/** A path under the sandbox's root whose every component is checked not to be a symbolic link. */
export function safePath(root: string, relative: string, expect: 'dir' | 'socket' | 'file'): string {
  let current = root;
  const parts = relative.split('/').filter(Boolean);
  parts.forEach((part, i) => {
    current = path.join(current, part);
    const st = fs.lstatSync(current);
    if (st.isSymbolicLink()) throw new Error(`${relative}: ${part} is a symbolic link; not followed`);
    const last = i === parts.length - 1;
    const ok = !last || expect === 'dir' ? st.isDirectory() : expect === 'socket' ? st.isSocket() : st.isFile();
    if (!ok) throw new Error(`${relative}: ${part} is not a ${last ? expect : 'directory'}`);
  });
  return current;
}

/**
 * The nsfs path of a named namespace (/run/netns/NAME in the sandbox): a bind mount made by `ip netns add` or
 * `ip netns attach`, or a symbolic link to /proc/PID/ns/net (the classic `ln -s` way), which is resolved
 * through the host's /proc to that sandbox process, never followed.
 */
export function namedNamespacePath(sandboxPid: number, name: string): string {
  const root = `/proc/${sandboxPid}/root`;
  const dir = safePath(root, 'run/netns', 'dir');
  const entry = path.join(dir, name);
  if (!fs.lstatSync(entry).isSymbolicLink()) return safePath(root, `run/netns/${name}`, 'file');
  const target = /^\/proc\/(\d+)\/ns\/net$/.exec(fs.readlinkSync(entry).replace('/var/run/', '/run/'));
  const hostPid = target ? sandboxPids(sandboxPid).get(Number(target[1])) : undefined;
  if (!hostPid) throw new Error(`/run/netns/${name} links to ${fs.readlinkSync(entry)}, not to a process of this sandbox`);
  return `/proc/${hostPid}/ns/net`;
}

/** A small file from the sandbox's filesystem (at most 1 MiB), read without following any symbolic link. */
export function readSandboxFile(sandboxPid: number, file: string): string | undefined {
  try {
    const full = safePath(`/proc/${sandboxPid}/root`, file, 'file');
    const fd = fs.openSync(full, fs.constants.O_RDONLY | fs.constants.O_NOFOLLOW);
    try {
      const buffer = Buffer.alloc(1024 * 1024);
      return buffer.subarray(0, fs.readSync(fd, buffer)).toString('utf8');
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    return undefined;
  }
}

/** Host pids of the sandbox's processes, keyed by their pid inside the sandbox (from the host's /proc). */
export function sandboxPids(rootPid: number): Map<number, number> {
  const byInnerPid = new Map<number, number>();
  const queue = [rootPid];
  while (queue.length) {
    const pid = queue.shift()!;
    try {
      const nspid = /^NSpid:\s+(.+)$/m.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]?.split(/\s+/).map(Number);
      if (nspid && nspid.length >= 2) byInnerPid.set(nspid[1]!, pid);
      for (const tid of fs.readdirSync(`/proc/${pid}/task`)) {
        const children = fs.readFileSync(`/proc/${pid}/task/${tid}/children`, 'utf8').trim();
        if (children) queue.push(...children.split(/\s+/).map(Number));
      }
    } catch {
      // the process ended while we looked: it is simply not there
    }
  }
  return byInnerPid;
}
