// The helper process of lib/spawner.ts: runs each command it is sent and sends back what it printed. It ends
// with its parent.
import { runCapture } from './run';
import type { SpawnReply, SpawnRequest } from './spawner';

process.on('message', (request: SpawnRequest) => {
  void runCapture(request.cmd, request.args, { input: request.input, timeoutMs: request.timeoutMs }).then((r) => {
    const reply: SpawnReply = { id: request.id, code: r.code, stdout: r.stdout, stderr: r.stderr };
    process.send?.(reply);
  });
});
process.on('disconnect', () => process.exit(0));
