// The instructor's session cookie, and which addresses need a signed-in instructor. server.ts refuses those
// requests before any page or route runs (lib/instructor-gate.ts); pages and routes then ask who it is.
import { parse, serialize } from 'cookie';
import { SESSION_HOURS } from '../store/instructors';

export const INSTRUCTOR_COOKIE = 'netlab_instructor';
export const SIGN_IN_PATH = '/instructor/sign-in';
/** Signing in and out: the one instructor API a signed-out browser may call. */
export const SESSION_API = '/api/instructor/session';

export function instructorToken(cookieHeader: string | undefined): string | undefined {
  return parse(cookieHeader ?? '')[INSTRUCTOR_COOKIE] || undefined;
}

/** Http-only, same-site strict: scripts cannot read it and other sites cannot send it. */
export function sessionCookie(token: string): string {
  return serialize(INSTRUCTOR_COOKIE, token, { httpOnly: true, sameSite: 'strict', path: '/', maxAge: SESSION_HOURS * 3600 });
}

export function endedSessionCookie(): string {
  return serialize(INSTRUCTOR_COOKIE, '', { httpOnly: true, sameSite: 'strict', path: '/', maxAge: 0 });
}

export const isInstructorApi = (pathname: string) => pathname === '/api/instructor' || pathname.startsWith('/api/instructor/');
const isInstructorPage = (pathname: string) => pathname === '/instructor' || pathname.startsWith('/instructor/');

/** Addresses only a signed-in instructor may reach (the sign-in page and session API excepted). */
export function needsInstructor(pathname: string): boolean {
  if (pathname === SIGN_IN_PATH || pathname === SESSION_API) return false;
  return isInstructorPage(pathname) || isInstructorApi(pathname);
}
