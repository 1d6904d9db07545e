// GET /api/health: is the engine reachable, how big is the pool, how many sandboxes run.
import { runtime } from '@/server/runtime';

export const dynamic = 'force-dynamic';

export async function GET() {
  const { engine, pool } = runtime();
  const reachable = await engine.answers();
  const stats = pool.stats();
  return Response.json(
    {
      ok: reachable,
      engine: { reachable, host: engine.host },
      pool: { size: pool.config.poolSize, max: pool.config.maxSandboxes, ...stats },
      sandboxes: { running: stats.running },
      lastError: pool.lastError,
    },
    { status: reachable ? 200 : 503 },
  );
}
