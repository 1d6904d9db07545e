// Running a shell script inside a container (a sandbox): lesson set-up and solutions, tests, benchmarks.
import type Docker from 'dockerode';

export type ExecResult = { code: number; output: string };

/** Runs a bash script inside a container (no TTY) and returns its exit code and combined output. */
export async function sh(docker: Docker, containerId: string, command: string): Promise<ExecResult> {
  const exec = await docker.getContainer(containerId).exec({
    Cmd: ['bash', '-c', command],
    AttachStdout: true,
    AttachStderr: true,
  });
  const stream = await exec.start({ hijack: true, stdin: false });
  const chunks: Buffer[] = [];
  await new Promise<void>((resolve, reject) => {
    // Without a TTY the engine multiplexes stdout and stderr: 8-byte frame headers, then the payload.
    docker.modem.demuxStream(stream, { write: (b: Buffer) => chunks.push(b) } as never, {
      write: (b: Buffer) => chunks.push(b),
    } as never);
    stream.on('end', () => resolve());
    stream.on('error', reject);
  });
  const info = await exec.inspect();
  return { code: info.ExitCode ?? -1, output: Buffer.concat(chunks).toString('utf8') };
}
