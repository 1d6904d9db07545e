// GET /api/health: the server's status (see server/status.ts); 503 while the engine does not answer.
import { serverStatus } from '@/server/status';

export const dynamic = 'force-dynamic';

export async function GET() {
  const status = await serverStatus();
  return Response.json(status, { status: status.ok ? 200 : 503 });
}
