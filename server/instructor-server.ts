// Who the signed-in instructor is, for instructor pages (which send anyone else to the sign-in page) and
// instructor routes (which answer 401). server.ts has already refused requests without a session; this is
// the second lock, and the way to know *which* instructor it is.
import { cache } from 'react';
import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import type { Instructor } from '../store/instructors';
import { NOT_SIGNED_IN } from './instructor-gate';
import { instructorToken, SIGN_IN_PATH } from './instructor-session';
import { runtime } from './runtime';

/** Once per request, though the layout and the page both ask. */
export const signedInInstructor = cache(async (): Promise<Instructor> => {
  const instructor = runtime().instructors.fromSession(instructorToken((await cookies()).toString()));
  if (!instructor) redirect(SIGN_IN_PATH);
  return instructor;
});

/** The request's instructor, or a 401 response to return instead. */
export function instructorOf(request: Request): Instructor | Response {
  const instructor = runtime().instructors.fromSession(instructorToken(request.headers.get('cookie') ?? undefined));
  return instructor ?? Response.json({ error: NOT_SIGNED_IN }, { status: 401 });
}
