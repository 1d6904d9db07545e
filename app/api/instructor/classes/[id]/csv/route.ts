// GET /api/instructor/classes/<id>/csv[?lesson=<slug>]: the class view as a CSV download.
import { classViewFor, noSuchClass } from '@/server/class-view';
import { classViewCsv } from '@/server/class-view';
import { instructorOf } from '@/server/instructor-server';

export const dynamic = 'force-dynamic';

export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const instructor = instructorOf(request);
  if (instructor instanceof Response) return instructor;
  const lesson = new URL(request.url).searchParams.get('lesson') ?? undefined;
  const found = classViewFor((await params).id, instructor.id, 'en', lesson);
  if (!found) return noSuchClass();
  const name = found.info.name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'class';
  const file = `netlab-${name}${lesson ? `-${lesson}` : ''}-${new Date().toISOString().slice(0, 10)}.csv`;
  return new Response(classViewCsv(found.view), {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="${file}"`,
      'cache-control': 'no-store',
    },
  });
}
