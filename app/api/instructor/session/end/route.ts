// POST /api/instructor/session/end: sign out — the session is deleted and its cookie cleared.
import { endedSessionCookie, instructorToken, SIGN_IN_PATH } from '@/server/instructor-session';
import { runtime } from '@/server/runtime';
import { seeOther } from '@/lib/form';

export const dynamic = 'force-dynamic';

export async function POST(request: Request) {
  const token = instructorToken(request.headers.get('cookie') ?? undefined);
  if (token) runtime().instructors.signOut(token);
  return seeOther(SIGN_IN_PATH, { 'set-cookie': endedSessionCookie() });
}
