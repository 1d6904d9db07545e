// `docker exec` into a sandbox container, always through netlab-enter: the command runs in the learner's
// world as the learner's root, never in the sandbox's trusted tree.
import type { Duplex } from 'node:stream';
import type Docker from 'dockerode';
import type { ExecOptions, ExecResult, TerminalSession, TerminalSize } from './backend';
import { clampSize } from './terminal';

const ENTER = '/usr/local/sbin/netlab-enter';

/** Runs a bash script in the learner's world (no TTY): its exit code and combined output. */
export async function execScript(docker: Docker, containerId: string, script: string, { stdin, timeoutMs }: ExecOptions = {}): Promise<ExecResult> {
  const exec = await docker.getContainer(containerId).exec({
    Cmd: [ENTER, 'bash', '-c', script],
    AttachStdin: !!stdin,
    AttachStdout: true,
    AttachStderr: true,
  });
  const stream = (await exec.start({ hijack: true, stdin: !!stdin })) as Duplex;
  const chunks: Buffer[] = [];
  let timedOut = false;
  const timer = timeoutMs === undefined ? undefined : setTimeout(() => ((timedOut = true), stream.destroy()), timeoutMs);
  await new Promise<void>((resolve, reject) => {
    // Without a TTY the engine multiplexes stdout and stderr: 8-byte frame headers, then the payload.
    const collect = { write: (b: Buffer) => chunks.push(b) } as unknown as NodeJS.WritableStream;
    docker.modem.demuxStream(stream, collect, collect);
    stream.on('end', () => resolve());
    // A stream destroyed on a timeout closes without ending.
    stream.on('close', () => resolve());
    stream.on('error', (err) => (timedOut ? resolve() : reject(err)));
    if (stdin) stream.end(stdin);
  }).finally(() => clearTimeout(timer));
  const output = Buffer.concat(chunks).toString('utf8');
  if (timedOut) return { code: 124, output: `${output}\n(no answer after ${(timeoutMs ?? 0) / 1000} s: abandoned)` };
  const info = await exec.inspect();
  return { code: info.ExitCode ?? -1, output };
}

/**
 * The learner's tmux session "main" (netlab-boot starts it), attached with a TTY of the given size; a
 * `prelude` script runs first, in the learner's world.
 */
export async function attachTmux(docker: Docker, containerId: string, size: TerminalSize, prelude = ''): Promise<TerminalSession> {
  const attach = ['tmux', '-u', 'new-session', '-A', '-s', 'main'];
  const exec = await docker.getContainer(containerId).exec({
    Cmd: prelude ? [ENTER, 'sh', '-c', `${prelude}exec ${attach.join(' ')}`] : [ENTER, ...attach],
    AttachStdin: true,
    AttachStdout: true,
    AttachStderr: true,
    Tty: true,
    Env: ['TERM=xterm-256color', 'LANG=C.UTF-8'],
  });
  const stream = (await exec.start({ hijack: true, stdin: true, Tty: true })) as Duplex;
  const resize = async (s: TerminalSize) => {
    const { cols, rows } = clampSize(s);
    await exec.resize({ h: rows, w: cols }).catch(() => undefined);
  };
  await resize(size);
  return {
    output: stream,
    write: (data) => stream.write(data),
    resize,
    close: () => stream.destroy(),
  };
}
