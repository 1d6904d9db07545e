// POST /api/join/<code>: the learner (by their cookie) joins the class with a display name, and goes back to
// the join page, which now says they are in.
import { z } from 'zod';
import { readFields, seeOther } from '@/lib/form';
import { learnerFromCookieHeader } from '@/lib/learner';
import { runtime } from '@/server/runtime';

export const dynamic = 'force-dynamic';

/** What the instructor sees: 1–40 printable characters. */
const DisplayName = z
  .string()
  .trim()
  .min(1)
  .max(40)
  .regex(/^[^\p{Cc}\p{Cf}]+$/u);

export async function POST(request: Request, { params }: { params: Promise<{ code: string }> }) {
  const { code } = await params;
  const { classes } = runtime();
  const learner = learnerFromCookieHeader(request.headers.get('cookie') ?? undefined);
  const target = classes.byJoinCode(code);
  const { form, fields } = await readFields(request, z.object({ name: DisplayName }));
  const back = `/join/${encodeURIComponent(code)}`;
  if (!target) return form ? seeOther(back) : Response.json({ error: 'no-class' }, { status: 404 });
  if (!learner) return form ? seeOther(`${back}?error=cookie`) : Response.json({ error: 'no-learner' }, { status: 400 });
  if (!fields) return form ? seeOther(`${back}?error=name`) : Response.json({ error: 'name' }, { status: 400 });
  classes.join(target.id, learner, fields.name);
  return form ? seeOther(`${back}?joined=1`) : Response.json({ ok: true });
}
