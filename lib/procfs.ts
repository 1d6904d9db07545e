// Reading processes through the host's /proc: children, the pids a process has in nested pid namespaces,
// and its start time (to tell a process from a later one that reused its pid). A process that ends while
// it is being read simply is not there: every reader returns an empty answer rather than throwing.
import fs from 'node:fs';

export function childPids(pid: number): number[] {
  try {
    return fs
      .readdirSync(`/proc/${pid}/task`)
      .flatMap((tid) => fs.readFileSync(`/proc/${pid}/task/${tid}/children`, 'utf8').trim().split(/\s+/))
      .filter(Boolean)
      .map(Number);
  } catch {
    return [];
  }
}

/** The pids of the process in its pid namespace and every one above it, innermost last (the NSpid line). */
export function namespacedPids(pid: number): number[] {
  try {
    const line = /^NSpid:\s+(.+)$/m.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return line ? line.trim().split(/\s+/).map(Number) : [];
  } catch {
    return [];
  }
}

/** The process's start time in clock ticks since boot (field 22 of /proc/PID/stat), or undefined when it is gone. */
export function startTimeOf(pid: number): string | undefined {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name, which is in parentheses and may itself hold spaces or parentheses.
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
  } catch {
    return undefined;
  }
}

/** Breadth-first over the process tree below `root` (itself excluded); stops at the first process `accept` takes. */
export function findDescendant(root: number, accept: (pid: number) => boolean): number | undefined {
  const queue = childPids(root);
  while (queue.length) {
    const pid = queue.shift()!;
    if (accept(pid)) return pid;
    queue.push(...childPids(pid));
  }
  return undefined;
}
