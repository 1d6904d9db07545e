// GET /api/instructor/classes/<id>[?lesson=<slug>]: the class view as JSON (learners × steps).
import { classViewFor, noSuchClass } from '@/server/class-view';
import { pickLang } from '@/lib/i18n';
import { instructorOf } from '@/server/instructor-server';

export const dynamic = 'force-dynamic';

export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const instructor = instructorOf(request);
  if (instructor instanceof Response) return instructor;
  const query = new URL(request.url).searchParams;
  const found = classViewFor((await params).id, instructor.id, pickLang(query.get('lang') ?? undefined, undefined), query.get('lesson') ?? undefined);
  if (!found) return noSuchClass();
  return Response.json({ class: found.info, ...found.view });
}
