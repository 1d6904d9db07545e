// The host's /proc as NetLab reads it, on this test process itself.
import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { childPids, findDescendant, namespacedPids, startTimeOf } from '@/lib/procfs';

describe('procfs', () => {
  it("finds a child process, its pid in each namespace, and its start time; nothing for one that is gone", async () => {
    const child = spawn('sleep', ['30']);
    try {
      await new Promise((r) => child.once('spawn', r));
      expect(childPids(process.pid)).toContain(child.pid);
      expect(findDescendant(process.pid, (p) => p === child.pid)).toBe(child.pid);
      expect(namespacedPids(child.pid!).at(0)).toBe(child.pid);
      expect(startTimeOf(child.pid!)).toMatch(/^\d+$/);
      expect(Number(startTimeOf(child.pid!))).toBeGreaterThanOrEqual(Number(startTimeOf(process.pid)));
    } finally {
      child.kill();
    }
    await new Promise((r) => child.once('exit', r));
    expect(startTimeOf(2 ** 22 + 1)).toBeUndefined();
    expect(childPids(2 ** 22 + 1)).toEqual([]);
    expect(namespacedPids(2 ** 22 + 1)).toEqual([]);
  });
});
