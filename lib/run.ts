// Running host commands: one helper that captures output, one that shows a long step's progress.
import { spawn, type SpawnOptions } from 'node:child_process';
import readline from 'node:readline';

export type RunResult = { code: number; stdout: string; stderr: string };
export type RunOptions = SpawnOptions & {
  input?: string;
  /** Killed after this long: exit code 124, and stderr says so. */
  timeoutMs?: number;
};

/** Runs a command to completion and captures its output as bytes; never throws for a non-zero exit. */
export function runCapture(cmd: string, args: string[], opts: RunOptions = {}): Promise<{ code: number; stdout: Buffer; stderr: string }> {
  const { input, timeoutMs, ...spawnOptions } = opts;
  return new Promise((resolve) => {
    // With a time limit, the command leads a process group of its own: a timeout kills whatever it started
    // too (a shell's children would otherwise hold its output open).
    const child = spawn(cmd, args, { ...spawnOptions, detached: timeoutMs !== undefined, stdio: ['pipe', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    let stderr = '';
    let timedOut = false;
    const kill = () => {
      timedOut = true;
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        child.kill('SIGKILL');
      }
    };
    const timer = timeoutMs === undefined ? undefined : setTimeout(kill, timeoutMs);
    child.stdout!.on('data', (d: Buffer) => out.push(d));
    child.stderr!.on('data', (d) => (stderr += d));
    child.on('error', (err) => {
      clearTimeout(timer);
      resolve({ code: 127, stdout: Buffer.concat(out), stderr: stderr + String(err) });
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      if (timedOut) resolve({ code: 124, stdout: Buffer.concat(out), stderr: `${stderr}timed out after ${timeoutMs} ms` });
      else resolve({ code: code ?? 1, stdout: Buffer.concat(out), stderr });
    });
    child.stdin!.on('error', () => undefined); // a command that exits before reading its input is fine
    child.stdin!.end(input ?? '');
  });
}

/** Runs a command to completion and captures its output as text; never throws for a non-zero exit. */
export async function run(cmd: string, args: string[], opts: RunOptions = {}): Promise<RunResult> {
  const r = await runCapture(cmd, args, opts);
  return { ...r, stdout: r.stdout.toString('utf8') };
}

/**
 * Runs a long step, printing its output as progress: each line prefixed, at most one line a second (plus
 * the last), with the elapsed time, so a 50-second debootstrap shows it is alive without flooding the log.
 * Throws with the last lines of output when the step fails.
 */
export function runWithProgress(
  label: string,
  cmd: string,
  args: string[],
  opts: SpawnOptions = {},
  log: (line: string) => void = (l) => console.log(l),
): Promise<void> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const tail: string[] = [];
    let lastShown = 0;
    let pending: string | null = null;
    const show = (line: string) => {
      log(`[${label} ${((Date.now() - started) / 1000).toFixed(0)}s] ${line}`);
      lastShown = Date.now();
      pending = null;
    };
    const child = spawn(cmd, args, { ...opts, stdio: ['ignore', 'pipe', 'pipe'] });
    for (const stream of [child.stdout!, child.stderr!]) {
      readline.createInterface({ input: stream }).on('line', (line) => {
        tail.push(line);
        if (tail.length > 20) tail.shift();
        if (Date.now() - lastShown >= 1000) show(line);
        else pending = line;
      });
    }
    child.on('error', reject);
    child.on('close', (code) => {
      if (pending) show(pending);
      if (code === 0) resolve();
      else reject(new Error(`${label} failed (exit ${code}). Last output:\n${tail.join('\n')}`));
    });
  });
}
