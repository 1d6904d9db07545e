// The grader's way into a sandbox from the host, given its learner init's host pid. Commands are the
// HOST's own (ip, iptables-save, ping, curl, dig), entered into one of the sandbox's network namespaces:
// the learner's host and containers through the host's /proc, named namespaces through netlab-peek. No
// binary of the sandbox is run, and no path of theirs is resolved outside their own mount namespace.
import { childPids, namespacedPids } from '../lib/procfs';
import type { RunResult } from '../lib/run';
import { runOffLoop } from '../lib/spawner';
import { inSandboxNetnsCommand } from './peek';

const COMMAND_TIMEOUT_MS = 2000;

/**
 * Where a command runs: a network namespace file of the host's /proc, or one named by a path inside the
 * sandbox (/run/netns/NAME, Docker's /run/docker/netns/…).
 */
export type NetnsRef = { proc: string } | { sandboxPid: number; path: string };

/** The command line that runs a host command in the namespace. */
export function netnsArgv(ref: NetnsRef, command: string[]): string[] {
  return 'proc' in ref ? ['nsenter', `--net=${ref.proc}`, '--', ...command] : inSandboxNetnsCommand(ref.sandboxPid, ref.path, command);
}

export function runIn(ref: NetnsRef, command: string[], input?: string, timeoutMs = COMMAND_TIMEOUT_MS): Promise<RunResult> {
  const argv = netnsArgv(ref, command);
  return runOffLoop(argv[0]!, argv.slice(1), { input, timeoutMs });
}

/** One command of a batch: a host command line (netnsArgv enters it into a namespace), and its input. */
export type BatchCommand = { argv: string[]; input?: string };

const shellQuote = (value: string) => `'${value.replace(/'/g, `'\\''`)}'`;
const END = '\x1eNETLAB-END';

/**
 * Several commands in one host shell, one after another: each spawn blocks the server's event loop for a
 * moment (longer on a busy host), which adds up with a class of snapshots. Each result is the command's
 * exit code and stdout; `stderr` is what they all said there.
 */
export async function runBatch(
  commands: BatchCommand[],
  timeoutMs = COMMAND_TIMEOUT_MS,
): Promise<{ results: { code: number; stdout: string }[]; stderr: string }> {
  if (!commands.length) return { results: [], stderr: '' };
  const script = commands
    .map(({ argv, input }, i) => {
      const command = argv.map(shellQuote).join(' ');
      const stdin = input === undefined ? '</dev/null' : `<<'NETLAB_INPUT_${i}'\n${input.replace(/\n$/, '')}\nNETLAB_INPUT_${i}`;
      return `${command} ${stdin}\nprintf '\\n${END} %d\\n' $?`;
    })
    .join('\n');
  const r = await runOffLoop('sh', ['-c', script], { timeoutMs });
  const records = r.stdout.split(new RegExp(`\\n${END} (\\d+)\\n`));
  // [output, code, output, code, …, rest]: a command the shell did not reach (a timeout) has no record.
  const results = commands.map((_, i) =>
    records[2 * i + 1] === undefined ? { code: 124, stdout: '' } : { code: Number(records[2 * i + 1]), stdout: records[2 * i]! },
  );
  return { results, stderr: r.stderr.trim() };
}

/** The network namespace of the learner's host (the sandbox's init). */
export const hostNetns = (sandboxPid: number): NetnsRef => ({ proc: `/proc/${sandboxPid}/ns/net` });

/** Host pids of the sandbox's processes, keyed by their pid inside the sandbox (from the host's /proc). */
export function sandboxPids(rootPid: number): Map<number, number> {
  const byInnerPid = new Map<number, number>();
  const depth = namespacedPids(rootPid).length;
  const queue = [rootPid];
  while (queue.length) {
    const pid = queue.shift()!;
    const inner = namespacedPids(pid)[depth - 1];
    if (inner !== undefined) byInnerPid.set(inner, pid);
    queue.push(...childPids(pid));
  }
  return byInnerPid;
}
