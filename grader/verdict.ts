// A verdict is what a learner sees of a check: pass or fail, a message in their language, and on a failure
// a hint. Checks are run bounded in time and can never throw past runCheck.
import type { Text } from '../lib/i18n';
import { whereThrown } from './where-thrown';

export type Verdict = {
  pass: boolean;
  message: Text;
  hint?: Text;
  details?: Record<string, unknown>;
};

export const pass = (message: Text, details?: Record<string, unknown>): Verdict => ({ pass: true, message, details });
export const fail = (message: Text, hint?: Text, details?: Record<string, unknown>): Verdict => ({
  pass: false,
  message,
  hint,
  details,
});

/** The first failing verdict, or a pass with the given message when all pass. */
export function allOf(verdicts: Verdict[], message: Text): Verdict {
  return verdicts.find((v) => !v.pass) ?? pass(message);
}

export const CHECK_TIMEOUT_MS = 3000;

/**
 * Runs a check with a time bound. A check that throws or runs out of time gives a failed verdict that says
 * so; nothing a check does can reach the caller as an exception.
 */
export async function runCheck(check: () => Verdict | Promise<Verdict>, timeoutMs = CHECK_TIMEOUT_MS): Promise<Verdict> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<Verdict>((resolve) => {
    timer = setTimeout(
      () =>
        resolve(
          fail(
            {
              en: `The check took longer than ${timeoutMs / 1000} s and was stopped. Try again in a moment.`,
              zh: `检查超过 ${timeoutMs / 1000} 秒未完成，已停止。请稍后再试。`,
            },
            undefined,
            { timeout: true },
          ),
        ),
      timeoutMs,
    );
  });
  const attempt = (async () => {
    try {
      return await check();
    } catch (err) {
      const where = whereThrown(err);
      const at = where ? ` (${where})` : '';
      return fail(
        {
          en: `The check could not run${at}: ${(err as Error).message ?? err}`,
          zh: `检查无法运行${at}：${(err as Error).message ?? err}`,
        },
        undefined,
        { error: true, where },
      );
    }
  })();
  try {
    return await Promise.race([attempt, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

