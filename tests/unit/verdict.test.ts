import { describe, expect, it } from 'vitest';
import { allOf, fail, pass, runCheck } from '@/grader/verdict';

const ok = { en: 'ok', zh: '好' };
const bad = { en: 'bad', zh: '不好' };

describe('runCheck', () => {
  it('returns the check’s own verdict', async () => {
    expect(await runCheck(() => pass(ok))).toEqual({ pass: true, message: ok });
    expect(await runCheck(async () => fail(bad))).toMatchObject({ pass: false, message: bad });
  });

  it('turns a throwing check into a failed verdict that says why', async () => {
    const v = await runCheck(() => {
      throw new Error('snapshot unreadable');
    });
    expect(v).toMatchObject({ pass: false, details: { error: true } });
    expect(v.message.en).toBe('The check could not run: snapshot unreadable');
    expect(v.message.zh).toContain('snapshot unreadable');
  });

  it('stops a check that takes too long', async () => {
    const started = Date.now();
    const v = await runCheck(() => new Promise(() => {}), 200);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(v).toMatchObject({ pass: false, details: { timeout: true } });
    expect(v.message.en).toContain('longer than 0.2 s');
  });
});

describe('allOf', () => {
  it('is the first failure, or a pass when none fails', () => {
    expect(allOf([pass(ok), fail(bad), fail(ok)], ok)).toMatchObject({ pass: false, message: bad });
    expect(allOf([pass(bad)], ok)).toEqual({ pass: true, message: ok });
  });
});
