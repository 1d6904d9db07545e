// Commands spawned by the helper process, not by the caller's event loop; a helper that dies loses none.
import { describe, expect, it } from 'vitest';
import { captureOffLoop, runOffLoop } from '@/lib/spawner';

describe('the spawner', () => {
  it('runs commands in its helper process, with input, bytes and exit codes kept', async () => {
    const parent = await runOffLoop('sh', ['-c', 'echo $PPID']);
    expect(Number(parent.stdout)).not.toBe(process.pid);
    const [cat, fail, bytes] = await Promise.all([
      runOffLoop('cat', [], { input: '网络\n' }),
      runOffLoop('sh', ['-c', 'echo oops >&2; exit 7']),
      captureOffLoop('printf', ['\\001\\377']),
    ]);
    expect(cat).toEqual({ code: 0, stdout: '网络\n', stderr: '' });
    expect(fail).toMatchObject({ code: 7, stderr: 'oops\n' });
    expect([...bytes.stdout]).toEqual([1, 255]);
  });

  it('runs again, here, what a helper that died had in flight; the next command starts a new helper', async () => {
    const helper = Number((await runOffLoop('sh', ['-c', 'echo $PPID'])).stdout);
    const inFlight = runOffLoop('sh', ['-c', 'sleep 0.5; echo finished']);
    await new Promise((r) => setTimeout(r, 100));
    process.kill(helper, 'SIGKILL');
    expect((await inFlight).stdout).toBe('finished\n');
    const next = Number((await runOffLoop('sh', ['-c', 'echo $PPID'])).stdout);
    expect(next).not.toBe(helper);
    expect(next).not.toBe(process.pid);
  });
});
