// POST /api/instructor/lessons/<slug>/verify: runs lessons:verify for the lesson in a fresh sandbox and
// streams its table as NDJSON — {"row":…} per step as it is done, then {"done":…} (or {"error":…}).
import { textOf } from '@/lib/i18n';
import { instructorOf } from '@/server/instructor-server';
import { runtime } from '@/server/runtime';

export const dynamic = 'force-dynamic';

export async function POST(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const instructor = instructorOf(request);
  if (instructor instanceof Response) return instructor;
  const { slug } = await params;
  const { course, verifier } = runtime();
  if (!course.find(slug)) return Response.json({ error: textOf('instructor.verify.noLesson', { slug }) }, { status: 404 });
  if (verifier.running) return Response.json({ error: textOf('instructor.verify.busy', { slug: verifier.running }) }, { status: 409 });
  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      // The instructor may leave before the end: the verification still finishes and is recorded.
      let open = true;
      const send = (message: object) => {
        if (!open) return;
        try {
          controller.enqueue(encoder.encode(`${JSON.stringify(message)}\n`));
        } catch {
          open = false;
        }
      };
      try {
        const done = await verifier.run(slug, (row) => send({ row }));
        send({ done: { ok: done.ok, ms: done.ms, at: done.at } });
      } catch (err) {
        send({ error: textOf('instructor.verify.cannotRun', { message: (err as Error).message }) });
      }
      if (open) controller.close();
    },
  });
  return new Response(stream, { headers: { 'content-type': 'application/x-ndjson; charset=utf-8', 'cache-control': 'no-store' } });
}
