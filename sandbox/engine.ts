// The host Docker engine that runs the sandboxes: found, or started, or installed and started.
// One code path for the app, the tests and CI: every entry point calls ensureEngine().
import fs from 'node:fs';
import path from 'node:path';
import { spawn } from 'node:child_process';
import Docker from 'dockerode';
import type { Config } from '../lib/config';
import { ensureDebianPackages, isDebianRoot } from '../lib/debian';
import { removeEverySandbox } from './docker-sandbox';
import { installHostIsolation } from './isolation';

export type Engine = {
  docker: Docker;
  /** The engine's address, as DOCKER_HOST would spell it. */
  host: string;
  /** True when this process started the engine (and so must stop it). */
  startedHere: boolean;
  /** Whether the engine answers now (the health route asks). */
  answers(): Promise<boolean>;
  /** Stops an engine this process started, with every sandbox on it (it would outlive the engine: live-restore). */
  stop(): Promise<void>;
};

const DEFAULT_SOCKET = '/var/run/docker.sock';
const DOCKERD_PATHS = ['/usr/sbin/dockerd', '/usr/bin/dockerd', '/usr/local/bin/dockerd'];

function privateEnginePaths(config: Config) {
  const dir = path.join(config.dataDir, 'engine');
  return {
    dir,
    socket: path.join(dir, 'docker.sock'),
    pidFile: path.join(dir, 'dockerd.pid'),
    log: path.join(config.dataDir, 'logs', 'dockerd.log'),
  };
}

/**
 * Refuses an engine on another machine: the grader reads sandboxes through this host's /proc, and every
 * sandbox mounts the learner tree from this host's disk.
 */
export function assertLocalEngine(host: string): void {
  const local = /^unix:\/\//.test(host) || /^(tcp|http|https):\/\/(localhost|127\.\d+\.\d+\.\d+|\[::1\])(:\d+)?\/?$/.test(host);
  if (!local) {
    throw new Error(
      `NetLab: DOCKER_HOST=${host} is not on this machine. NetLab reads its sandboxes through this host's /proc ` +
        'and mounts their files from this host, so it needs an engine here: a unix socket (unix:///…) or ' +
        'tcp://localhost. Unset DOCKER_HOST to use /var/run/docker.sock or a private engine NetLab starts.',
    );
  }
}

export function dockerFor(host: string): Docker {
  if (host.startsWith('unix://')) return new Docker({ socketPath: host.slice('unix://'.length) });
  const url = new URL(host.replace(/^tcp:/, 'http:'));
  return new Docker({ host: url.hostname, port: Number(url.port || 2375) });
}

/** Whether the engine answers a ping within the time given. */
export async function engineAnswers(docker: Docker, timeoutMs = 2000): Promise<boolean> {
  try {
    await Promise.race([
      docker.ping(),
      new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), timeoutMs)),
    ]);
    return true;
  } catch {
    return false;
  }
}

function findDockerd(): string | undefined {
  return DOCKERD_PATHS.find((p) => fs.existsSync(p));
}

async function startPrivateDockerd(config: Config, dockerd: string): Promise<number> {
  const p = privateEnginePaths(config);
  fs.mkdirSync(p.dir, { recursive: true });
  fs.mkdirSync(path.dirname(p.log), { recursive: true });
  fs.rmSync(p.socket, { force: true });
  console.log(`[engine] starting a private dockerd (state in ${p.dir}, log in ${p.log})`);
  const out = fs.openSync(p.log, 'a');
  // Detached, with output to a log file: it must never hold the caller's stdout (CI waits on that).
  const child = spawn(
    dockerd,
    [
      `--host=unix://${p.socket}`,
      `--data-root=${path.join(p.dir, 'data')}`,
      `--exec-root=${path.join(p.dir, 'exec')}`,
      `--pidfile=${p.pidFile}`,
      // The sandboxes keep running while the engine restarts (an upgrade, a crash): learners lose nothing.
      '--live-restore',
    ],
    { detached: true, stdio: ['ignore', out, out] },
  );
  child.unref();
  fs.closeSync(out);
  const docker = dockerFor(`unix://${p.socket}`);
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) break;
    if (await engineAnswers(docker, 1000)) return child.pid!;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`NetLab: the private dockerd did not come up; see ${p.log}`);
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function stopPid(pid: number): Promise<void> {
  if (!alive(pid)) return;
  process.kill(pid, 'SIGTERM');
  for (let i = 0; i < 150 && alive(pid); i++) await new Promise((r) => setTimeout(r, 100));
  if (alive(pid)) process.kill(pid, 'SIGKILL');
}

/**
 * Finds an engine that answers (DOCKER_HOST, the default socket, or a private engine of an earlier run);
 * otherwise starts a private dockerd with its state under the data directory, installing Debian's docker.io
 * first when dockerd is missing and we are root on Debian. Sets DOCKER_HOST for child processes.
 */
export async function ensureEngine(config: Config): Promise<Engine> {
  const p = privateEnginePaths(config);
  if (process.env.DOCKER_HOST) assertLocalEngine(process.env.DOCKER_HOST);
  const candidates = process.env.DOCKER_HOST
    ? [process.env.DOCKER_HOST]
    : [`unix://${DEFAULT_SOCKET}`, `unix://${p.socket}`];
  for (const host of candidates) {
    const docker = dockerFor(host);
    if (await engineAnswers(docker)) return finish({ docker, host, startedHere: false, stop: async () => {} });
  }

  let dockerd = findDockerd();
  if (!dockerd) {
    if (!isDebianRoot()) {
      throw new Error(
        'NetLab needs a Docker engine: none answers at DOCKER_HOST or /var/run/docker.sock, and dockerd is not ' +
          'installed. Install Docker (Debian: apt-get install docker.io) or set DOCKER_HOST.',
      );
    }
    await ensureDebianPackages(['docker.io'], 'the Docker engine that runs the sandboxes');
    dockerd = findDockerd();
    if (!dockerd) throw new Error('NetLab: docker.io was installed but no dockerd binary was found.');
  }
  const pid = await startPrivateDockerd(config, dockerd);
  const host = `unix://${p.socket}`;
  return finish({
    docker: dockerFor(host),
    host,
    startedHere: true,
    // The pid file's, not the one started here: the engine may have been restarted since.
    stop: () => stopPrivateDockerd(dockerFor(host), privateEnginePid(config) ?? pid),
  });
}

async function finish(found: Omit<Engine, 'answers'>): Promise<Engine> {
  const engine = { ...found, answers: () => engineAnswers(found.docker) };
  process.env.DOCKER_HOST = engine.host;
  await installHostIsolation();
  return engine;
}

/** The private engine's process, when one runs. */
function privateEnginePid(config: Config): number | undefined {
  const { pidFile } = privateEnginePaths(config);
  const pid = fs.existsSync(pidFile) ? Number(fs.readFileSync(pidFile, 'utf8').trim()) : 0;
  return pid > 0 && alive(pid) ? pid : undefined;
}

/**
 * Restarts the private engine as an upgrade or a crash would (`npm run engine -- restart`); the sandboxes
 * keep running through it (live-restore).
 */
export async function restartPrivateEngine(config: Config): Promise<void> {
  const pid = privateEnginePid(config);
  const dockerd = findDockerd();
  if (!pid || !dockerd) throw new Error('NetLab: no private engine runs here to restart');
  console.log('[engine] restarting the private dockerd; the sandboxes keep running');
  await stopPid(pid);
  await startPrivateDockerd(config, dockerd);
}

async function stopPrivateDockerd(docker: Docker, pid: number): Promise<void> {
  const removed = await removeEverySandbox(docker).catch(() => 0);
  console.log(`[engine] stopping the private dockerd${removed ? ` and its ${removed} sandbox(es)` : ''}`);
  await stopPid(pid);
}

/**
 * `npm run clean`: removes every NetLab sandbox and stops the private engine (on an engine NetLab did not
 * start, only the sandboxes go). A private engine that stopped without NetLab (killed, a reboot) may have left
 * its sandboxes running (live-restore): it is started again to remove them.
 */
export async function removeEverything(config: Config): Promise<void> {
  const p = privateEnginePaths(config);
  const dockerd = findDockerd();
  const pid = privateEnginePid(config) ?? (dockerd && fs.existsSync(path.join(p.dir, 'data')) ? await startPrivateDockerd(config, dockerd) : undefined);
  if (pid) return stopPrivateDockerd(dockerFor(`unix://${p.socket}`), pid);
  const host = process.env.DOCKER_HOST ?? `unix://${DEFAULT_SOCKET}`;
  assertLocalEngine(host);
  const docker = dockerFor(host);
  if (!(await engineAnswers(docker))) return console.log(`[engine] no engine answers at ${host}: nothing to remove`);
  console.log(`[engine] removed ${await removeEverySandbox(docker)} sandbox(es) from ${host}`);
}
