// A container's output (`docker logs`), read from the sandbox's own engine: what a server such as nginx
// logs is state that only real traffic produces (its access log names each client).
import { once } from 'node:events';
import { PassThrough, Readable } from 'node:stream';
import type { SandboxEntry } from '../sandbox/backend';
import { sandboxEngine } from './peek';

/** How much of the end of a container's output a check sees. */
const TAIL_LINES = 1000;

/** The container's stdout and stderr interleaved, its last lines; undefined when there is no such container. */
export async function containerLogs({ pid, engineSocket }: SandboxEntry, name: string): Promise<string | undefined> {
  const docker = sandboxEngine(pid, engineSocket);
  try {
    const raw = (await docker.getContainer(name).logs({ stdout: true, stderr: true, follow: false, tail: TAIL_LINES })) as Buffer;
    // Without a terminal the engine frames each write (stream, length); the modem undoes that.
    const source = Readable.from([raw]);
    const text = new PassThrough();
    const chunks: Buffer[] = [];
    text.on('data', (chunk: Buffer) => chunks.push(chunk));
    docker.modem.demuxStream(source, text, text);
    await once(source, 'end');
    return Buffer.concat(chunks).toString('utf8');
  } catch (err) {
    if ((err as { statusCode?: number }).statusCode === 404) return undefined;
    throw err;
  }
}
