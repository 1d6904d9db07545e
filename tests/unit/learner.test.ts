import type { IncomingMessage, ServerResponse } from 'node:http';
import { describe, expect, it } from 'vitest';
import { ensureLearner, isSameOrigin, learnerFromCookieHeader, LEARNER_COOKIE } from '@/lib/learner';

const id = 'a'.repeat(32);

describe('learner cookie', () => {
  it('reads a well-formed learner id and rejects anything else', () => {
    expect(learnerFromCookieHeader(`x=1; ${LEARNER_COOKIE}=${id}`)).toBe(id);
    expect(learnerFromCookieHeader(`${LEARNER_COOKIE}=../../etc`)).toBeNull();
    expect(learnerFromCookieHeader(undefined)).toBeNull();
  });

  it('issues an http-only cookie on the first visit and keeps an existing one', () => {
    const headers: Record<string, string[]> = {};
    const res = { appendHeader: (k: string, v: string) => (headers[k] ??= []).push(v) } as unknown as ServerResponse;
    const fresh = { headers: {} } as IncomingMessage;
    const issued = ensureLearner(fresh, res);
    expect(issued).toMatch(/^[a-f0-9]{32}$/);
    expect(headers['Set-Cookie']?.[0]).toMatch(new RegExp(`^${LEARNER_COOKIE}=${issued};.*HttpOnly`));
    const returning = { headers: { cookie: `${LEARNER_COOKIE}=${id}` } } as IncomingMessage;
    expect(ensureLearner(returning, res)).toBe(id);
    expect(headers['Set-Cookie']).toHaveLength(1);
  });

  it('accepts only sockets from its own origin', () => {
    const req = (origin?: string) => ({ headers: { host: 'localhost:3000', origin } }) as IncomingMessage;
    expect(isSameOrigin(req('http://localhost:3000'))).toBe(true);
    expect(isSameOrigin(req(undefined))).toBe(true);
    expect(isSameOrigin(req('http://evil.example'))).toBe(false);
    expect(isSameOrigin(req('not a url'))).toBe(false);
  });
});
