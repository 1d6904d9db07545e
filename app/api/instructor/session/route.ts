// POST /api/instructor/session: sign in (name, password; form or JSON). The session token goes into an
// http-only cookie; a form comes back to the page it asked for, or to the sign-in page with the error.
import { z } from 'zod';
import { readFields, seeOther } from '@/lib/form';
import { sessionCookie, SIGN_IN_PATH } from '@/server/instructor-session';
import { runtime } from '@/server/runtime';
import { signInAllowed, signInFailed, signInSucceeded } from '@/lib/sign-in-throttle';

export const dynamic = 'force-dynamic';

const SignIn = z.object({
  name: z.string().trim().toLowerCase().min(1).max(40),
  password: z.string().min(1).max(200),
  // Only a page of the instructor area: never a redirect to another site.
  next: z.string().regex(/^\/instructor(\/[\w/-]*)?$/).optional().catch(undefined),
});

export async function POST(request: Request) {
  const { form, fields } = await readFields(request, SignIn);
  const refuse = (error: 'failed' | 'throttled') =>
    form
      ? seeOther(`${SIGN_IN_PATH}?error=${error}${fields?.next ? `&next=${encodeURIComponent(fields.next)}` : ''}`)
      : Response.json({ error }, { status: error === 'throttled' ? 429 : 401 });
  if (!fields) return refuse('failed');
  if (!signInAllowed(fields.name)) return refuse('throttled');
  const token = await runtime().instructors.signIn(fields.name, fields.password);
  if (!token) {
    signInFailed(fields.name);
    return refuse('failed');
  }
  signInSucceeded(fields.name);
  const cookie = { 'set-cookie': sessionCookie(token) };
  return form ? seeOther(fields.next ?? '/instructor', cookie) : Response.json({ ok: true }, { headers: cookie });
}
