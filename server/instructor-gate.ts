// The door to the instructor pages and API, run by server.ts before Next.js sees a request: a browser without
// an instructor session gets a 401 from the API and the sign-in page instead of any instructor page, and no
// instructor API accepts a state-changing request from another site. Pages and routes check again themselves.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { InstructorStore } from '../store/instructors';
import { isSameOrigin } from '../lib/learner';
import { instructorToken, isInstructorApi, needsInstructor, SIGN_IN_PATH } from './instructor-session';

export const NOT_SIGNED_IN = { en: 'Sign in as an instructor first.', zh: '请先以教师身份登录。' };
const FOREIGN_ORIGIN = { en: 'Refused: this request came from another site.', zh: '已拒绝：这个请求来自其他网站。' };

function pathOf(req: IncomingMessage): string {
  const pathname = new URL(req.url ?? '/', 'http://localhost').pathname;
  try {
    return decodeURIComponent(pathname);
  } catch {
    return pathname;
  }
}

function refuse(res: ServerResponse, status: number, error: { en: string; zh: string }): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify({ error }));
}

/** Answers the request when it may not go further (and returns true); otherwise leaves it to Next.js. */
export function guardInstructorArea(req: IncomingMessage, res: ServerResponse, instructors: InstructorStore): boolean {
  const pathname = pathOf(req);
  const api = isInstructorApi(pathname);
  if (api && !['GET', 'HEAD'].includes(req.method ?? 'GET') && !isSameOrigin(req)) {
    refuse(res, 403, FOREIGN_ORIGIN);
    return true;
  }
  if (!needsInstructor(pathname) || instructors.fromSession(instructorToken(req.headers.cookie))) return false;
  if (api) refuse(res, 401, NOT_SIGNED_IN);
  else {
    res.writeHead(303, { location: `${SIGN_IN_PATH}?next=${encodeURIComponent(pathname)}`, 'cache-control': 'no-store' });
    res.end();
  }
  return true;
}
