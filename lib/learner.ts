// A learner is identified by an http-only cookie holding 128 random bits, issued on the first visit.
import crypto from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { parse, serialize } from 'cookie';

export const LEARNER_COOKIE = 'netlab_learner';
const LEARNER_ID = /^[a-f0-9]{32}$/;

export function learnerFromCookieHeader(header: string | undefined): string | null {
  const value = parse(header ?? '')[LEARNER_COOKIE];
  return value && LEARNER_ID.test(value) ? value : null;
}

/** Returns the request's learner, issuing a new cookie on the response when there is none (or a forged one). */
export function ensureLearner(req: IncomingMessage, res: ServerResponse): string {
  const existing = learnerFromCookieHeader(req.headers.cookie);
  if (existing) return existing;
  const id = crypto.randomBytes(16).toString('hex');
  res.appendHeader(
    'Set-Cookie',
    serialize(LEARNER_COOKIE, id, { httpOnly: true, sameSite: 'lax', path: '/', maxAge: 60 * 60 * 24 * 365 }),
  );
  // Let this very request see the learner too (the page renders with it).
  req.headers.cookie = `${req.headers.cookie ? `${req.headers.cookie}; ` : ''}${LEARNER_COOKIE}=${id}`;
  return id;
}

/**
 * A name for the learner that others may see (the server's log, an instructor's links and API): never their
 * cookie, which is their credential.
 */
export function learnerTag(id: string): string {
  return crypto.createHash('sha256').update(id).digest('hex').slice(0, 16);
}

/** A socket is ours only when its Origin (if any) is this server's own host. */
export function isSameOrigin(req: IncomingMessage): boolean {
  const origin = req.headers.origin;
  if (!origin) return true;
  try {
    return new URL(origin).host === req.headers.host;
  } catch {
    return false;
  }
}
