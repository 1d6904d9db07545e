// A learner cannot escape their sandbox. Each attempt is typed into the learner's real shell (the terminal's
// path: socket.io → netlab-enter → their tmux session) and must fail with the kernel's ordinary refusal,
// leaving the host as it was; what the attempt printed shows that it ran. From the host: every process of
// a sandbox but its trusted init runs as a host uid of that sandbox's own range, and no two ranges meet.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SandboxHandle } from '@/sandbox/backend';
import { buildNativeBinary } from '@/lib/native';
import { childPids, namespacedPids } from '@/lib/procfs';
import { SandboxPool } from '@/sandbox/pool';
import { createSocketServer } from '@/realtime/socket-server';
import { registerTerminalChannel } from '@/realtime/terminal-channel';
import { UID_RANGE_SIZE } from '@/sandbox/uid-ranges';
import { learnerCookie, learnerIdOf, terminalClient, until, type TerminalClient } from '../../harness/terminal-client';
import { containerInfo, testBackend, testConfig } from '../support/engine';

const LEARNER = 0xe5;
const config = testConfig('it-escape', { NETLAB_SANDBOX_MEMORY_MIB: '300', NETLAB_SANDBOX_PIDS: '300' });
const backend = testBackend(config);
let pool: SandboxPool;
let server: http.Server;
let shell: TerminalClient;
let sandbox: SandboxHandle;
let other: SandboxHandle;
let attempts = 0;

/** Types a script into the learner's shell (run by it as `bash FILE`); resolves with what it printed and its exit status. */
async function inShell(script: string): Promise<{ output: string; code: number }> {
  const n = ++attempts;
  const file = `/tmp/attempt-${n}`;
  // Only the script's text travels another way; the attempt itself runs in the terminal's shell.
  await backend.exec(sandbox, `cat > ${file}.sh`, { stdin: Buffer.from(script) });
  shell.type(`bash ${file}.sh > ${file}.out 2>&1; echo $? > ${file}.code\r`);
  let code = '';
  await until(async () => (code = (await backend.exec(sandbox, `cat ${file}.code 2>/dev/null`)).output.trim()) !== '', 60_000, `attempt ${n}`);
  const output = (await backend.exec(sandbox, `cat ${file}.out`)).output;
  return { output, code: Number(code) };
}

/** The host's folder of the sandbox's container group in a cgroup v1 hierarchy. */
async function hostGroup(of: SandboxHandle, controller: string): Promise<string> {
  const pid = (await containerInfo(of)).State.Pid;
  const line = fs.readFileSync(`/proc/${pid}/cgroup`, 'utf8').split('\n').find((l) => l.split(':')[1]?.split(',').includes(controller));
  return path.join('/sys/fs/cgroup', controller, line!.split(':')[2]!);
}

const read = (file: string) => fs.readFileSync(file, 'utf8');

/** Every process of the sandbox, from the host: each pid in its container's control groups, all the way down. */
async function sandboxProcesses(of: SandboxHandle): Promise<number[]> {
  const pids = new Set<number>();
  const walk = (dir: string) => {
    for (const p of read(path.join(dir, 'cgroup.procs')).split('\n').filter(Boolean)) pids.add(Number(p));
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) if (e.isDirectory()) walk(path.join(dir, e.name));
  };
  walk(await hostGroup(of, 'pids'));
  return [...pids];
}

const uidsOf = (pid: number) => /^Uid:\s+(.+)$/m.exec(read(`/proc/${pid}/status`))![1]!.split(/\s+/).map(Number);

beforeAll(async () => {
  pool = new SandboxPool(backend, config);
  await pool.start();
  server = http.createServer();
  registerTerminalChannel(createSocketServer(server), pool);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  shell = terminalClient(`http://127.0.0.1:${(server.address() as net.AddressInfo).port}`, learnerCookie(LEARNER));
  shell.open();
  [other] = await Promise.all([backend.create(config.poolName), until(() => shell.state === 'ready', 60_000, 'shell ready')]);
  sandbox = pool.current(learnerIdOf(LEARNER))!.nodes[0]!.sandbox;
});

afterAll(async () => {
  shell?.close();
  server?.close();
  if (other) await backend.destroy(other.id);
  await pool?.stop();
});

describe("from the learner's shell", () => {
  it('is root in a user namespace of its own, whose root is no root of the host', async () => {
    const r = await inShell('id -u; cat /proc/self/uid_map');
    const [id, map] = r.output.trim().split('\n');
    expect(id).toBe('0');
    const [inside, outside, count] = map!.trim().split(/\s+/).map(Number);
    expect(inside).toBe(0);
    expect(outside).toBeGreaterThanOrEqual(2 ** 30);
    expect(count).toBe(UID_RANGE_SIZE);
  });

  it('cannot write kernel.core_pattern', async () => {
    const before = read('/proc/sys/kernel/core_pattern');
    const r = await inShell("echo '|/tmp/evil %p' > /proc/sys/kernel/core_pattern");
    expect(r.code).not.toBe(0);
    expect(r.output).toMatch(/core_pattern: Permission denied/);
    expect(read('/proc/sys/kernel/core_pattern')).toBe(before);
  });

  it('cannot write a global sysfs setting', async () => {
    const file = '/sys/kernel/mm/transparent_hugepage/enabled';
    const before = read(file);
    const other = before.replace(/[[\]]/g, '').trim().split(/\s+/).find((v) => !before.includes(`[${v}]`))!;
    const r = await inShell(`cat ${file}; echo ${other} > ${file}`);
    expect(r.code).not.toBe(0);
    expect(r.output).toContain(before.trim()); // it reads the setting; it cannot change it
    expect(r.output).toMatch(/enabled: Permission denied/);
    expect(read(file)).toBe(before);
  });

  it("cannot make a device node of the host's disk, let alone read it", async () => {
    const [major, minor, , name] = read('/proc/partitions').split('\n')[2]!.trim().split(/\s+/);
    const r = await inShell(`grep -w ${name} /proc/partitions; mknod /tmp/disk b ${major} ${minor}; head -c 512 /tmp/disk | wc -c`);
    expect(r.output).toMatch(new RegExp(`^\\s*${major}\\s+${minor}\\s+\\d+\\s+${name}$`, 'm'));
    expect(r.output).toMatch(/mknod: \/tmp\/disk: Operation not permitted/);
    expect(r.output).toMatch(/head: cannot open '\/tmp\/disk' for reading: No such file or directory/);
  });

  it('cannot widen the devices control group, though it can mount the hierarchy', async () => {
    const list = path.join(await hostGroup(sandbox, 'devices'), 'devices.list');
    const before = read(list);
    const r = await inShell(`mkdir -p /tmp/dv && mount -t cgroup -o devices none /tmp/dv && echo mounted
      echo 'b *:* rwm' > /tmp/dv/devices.allow
      echo 'b *:* rwm' > /tmp/dv/docker/devices.allow`);
    expect(r.output).toContain('mounted');
    expect(r.output.match(/devices\.allow: (Permission denied|Operation not permitted)/g)).toHaveLength(2);
    expect(read(list)).toBe(before);
    expect(before).not.toMatch(/^b \*:\* rwm/m);
  });

  it("finds its own init as pid 1, and nothing of the host's or the sandbox's own to enter", async () => {
    const trustedInit = (await containerInfo(sandbox)).State.Pid;
    const r = await inShell(`cat /proc/1/cmdline | tr '\\0' ' '; echo
      nsenter -t 1 -m -n -p -u -i -C -- readlink /proc/self/ns/mnt /proc/self/ns/net /proc/self/ns/user
      readlink /proc/self/ns/mnt /proc/self/ns/net /proc/self/ns/user
      nsenter -t ${trustedInit} -m -- true
      ps -eo comm | grep -cx netlab-init`);
    const lines = r.output.trim().split('\n');
    expect(lines[0]).toBe('/usr/bin/docker-init -- /usr/local/sbin/netlab-boot ');
    expect(lines.slice(1, 4)).toEqual(lines.slice(4, 7)); // pid 1's namespaces are the shell's own
    expect(r.output).toContain(`nsenter: cannot open /proc/${trustedInit}/ns/mnt: No such file or directory`);
    expect(lines.at(-1)).toBe('0'); // the trusted init is not among its processes
  });

  it("cannot see or signal another sandbox's process", async () => {
    await backend.exec(other, 'setsid sleep 31337 >/dev/null 2>&1 < /dev/null &');
    let hostPid = 0;
    await until(() => {
      hostPid = Number(fs.readdirSync('/proc').find((p) => /^\d+$/.test(p) && fs.existsSync(`/proc/${p}/cmdline`) && read(`/proc/${p}/cmdline`) === 'sleep\x0031337\x00') ?? 0);
      return hostPid > 0;
    }, 10_000, "the other sandbox's sleep");
    const r = await inShell(`ps -eo args | grep -c '^sleep 31337'; kill -9 ${hostPid}`);
    expect(r.output).toMatch(/^0$/m);
    expect(r.output).toMatch(new RegExp(`kill: \\(${hostPid}\\) - No such process`));
    expect(() => process.kill(hostPid, 0)).not.toThrow(); // still running
  });

  it("cannot open a host file by handle (open_by_handle_at), which works from the host's root", async () => {
    const helper = await buildNativeBinary(path.join(import.meta.dirname, '../support/native/open-by-handle.c'), config.cacheDir);
    const state = (await containerInfo(sandbox)).Mounts.find((m) => m.Destination === '/netlab/state')!.Source;
    const onHost = fs.readdirSync('/');
    expect(execFileSync(helper, [state], { encoding: 'utf8' }).split('\n')).toEqual(expect.arrayContaining(onHost.slice(0, 3)));
    await backend.exec(sandbox, 'cat > /tmp/open-by-handle && chmod +x /tmp/open-by-handle', { stdin: fs.readFileSync(helper) });
    const r = await inShell('/tmp/open-by-handle /var/lib/docker');
    expect(r.code).not.toBe(0);
    expect(r.output.trim()).toMatch(/^open_by_handle_at: (Operation not permitted|Permission denied|Stale file handle)$/);
  });

  it('cannot reach io_uring, kernel keyrings, bpf, userfaultfd or perf events, which the host can', async () => {
    const helper = await buildNativeBinary(path.join(import.meta.dirname, '../support/native/syscalls.c'), config.cacheDir);
    const onHost = execFileSync(helper, { encoding: 'utf8' });
    expect(onHost.trim().split('\n')).toEqual(['io_uring_setup: ok', 'keyctl: ok', 'bpf: ok', 'userfaultfd: ok', 'perf_event_open: ok']);
    await backend.exec(sandbox, 'cat > /tmp/syscalls && chmod +x /tmp/syscalls', { stdin: fs.readFileSync(helper) });
    const r = await inShell('/tmp/syscalls');
    expect(r.output.trim().split('\n')).toEqual([
      'io_uring_setup: Operation not permitted',
      'keyctl: Function not implemented',
      'bpf: Operation not permitted',
      'userfaultfd: Operation not permitted',
      'perf_event_open: Operation not permitted',
    ]);
  });

  it('cannot raise its memory, pids or CPU limits: what it writes stays in its own group', async () => {
    const settings = { memory: 'memory.limit_in_bytes', pids: 'pids.max', cpu: 'cpu.cfs_quota_us' } as const;
    const hostFiles = await Promise.all(Object.entries(settings).map(async ([c, f]) => path.join(await hostGroup(sandbox, c), f)));
    const before = hostFiles.map(read);
    const r = await inShell(`echo 4294967296 > /sys/fs/cgroup/memory/memory.limit_in_bytes
      echo max > /sys/fs/cgroup/pids/pids.max
      echo -1 > /sys/fs/cgroup/cpu/cpu.cfs_quota_us
      perl -e 'my @k; for (1..400) { my $p = fork(); last unless defined $p; if (!$p) { sleep 60; exit } push @k, $p }
        print "started ", scalar(@k), "\\n"; kill "KILL", @k; waitpid($_, 0) for @k'`);
    expect(hostFiles.map(read)).toEqual(before);
    expect(before.map((v) => v.trim())).toEqual([String(300 * 1024 * 1024), '300', '100000']);
    const started = Number(/started (\d+)/.exec(r.output)?.[1]);
    expect(started).toBeGreaterThan(100);
    expect(started).toBeLessThan(300);

    const hog = await inShell('x=$(head -c 400M /dev/zero | tr "\\0" x); echo "held ${#x} bytes"');
    expect(hog.code).toBe(137); // killed by the kernel for the sandbox's memory limit
    expect(hog.output).not.toContain('held');
  });

  it("cannot change the trusted tree: its copy of the platform's scripts is its own", async () => {
    const trusted = `/proc/${(await containerInfo(sandbox)).State.Pid}/root/usr/local/sbin/netlab-enter`;
    const before = read(trusted);
    const r = await inShell(`printf '#!/bin/sh\\ntouch /tmp/replaced\\n' > /usr/local/sbin/netlab-enter && echo replaced-its-copy`);
    expect(r.output).toContain('replaced-its-copy');
    expect(read(trusted)).toBe(before);
    const after = await backend.exec(sandbox, 'echo entered; ls /tmp/replaced 2>&1');
    expect(after.output).toMatch(/^entered\n.*No such file or directory/);
  });

  it('keeps working after all of the above', async () => {
    const r = await inShell('docker run --rm busybox echo still-fine');
    expect(r).toEqual({ output: 'still-fine\n', code: 0 });
  });
});

describe('from the host', () => {
  it("runs every process of a sandbox but its trusted init as a host uid of the sandbox's own range", async () => {
    for (const box of [sandbox, other]) {
      const entry = await backend.entry(box);
      const base = Number(read(`/proc/${entry.pid}/uid_map`).trim().split(/\s+/)[1]);
      const containerDepth = namespacedPids(entry.pid).length - 1;
      const trusted: string[] = [];
      const pids = await sandboxProcesses(box);
      expect(pids.length).toBeGreaterThan(8); // the engine, containerd, tmux, bash, nginx's workers, …
      for (const pid of pids) {
        let uids: number[];
        try {
          uids = uidsOf(pid);
        } catch {
          continue; // ended while we looked
        }
        if (uids.every((u) => u >= base && u < base + UID_RANGE_SIZE)) continue;
        expect(uids, `pid ${pid} (${read(`/proc/${pid}/comm`).trim()})`).toEqual([0, 0, 0, 0]);
        expect(namespacedPids(pid)).toHaveLength(containerDepth); // outside the learner's namespaces
        trusted.push(read(`/proc/${pid}/comm`).trim());
      }
      expect(trusted.sort()).toEqual(['docker-init', 'netlab-init']);
      expect(childPids(entry.pid).length).toBeGreaterThan(0);
    }
  });

  it('gives two sandboxes uid ranges that do not meet, and none holds uid 0', async () => {
    const [a, b] = await Promise.all(
      [sandbox, other].map(async (box) => {
        const [, base, count] = read(`/proc/${(await backend.entry(box)).pid}/uid_map`).trim().split(/\s+/).map(Number);
        return { first: base!, last: base! + count! - 1 };
      }),
    );
    expect(a!.last < b!.first || b!.last < a!.first).toBe(true);
    for (const range of [a!, b!]) expect(range.first).toBeGreaterThan(65535);
  });
});
