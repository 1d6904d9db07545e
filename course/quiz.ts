// Checking a quiz answer against the right one(s), computed from the sandbox's state.
import { fail, pass, type Verdict } from '../grader/verdict';
import type { Text } from '../lib/i18n';
import type { QuizAnswer, QuizContext } from './format';

/** The ways a learner says yes or no, in English and Chinese (after case and punctuation are dropped). */
const YES = new Set(['yes', 'y', 'yeah', 'yep', 'true', '是', '是的', '对', '能', '可以', '行', '会']);
const NO = new Set(['no', 'n', 'nope', 'false', '否', '不', '不是', '不对', '不能', '不可以', '不行', '不会']);

/**
 * Case, surrounding space, quotes and trailing punctuation do not matter; an address's /prefix does not
 * either ("172.17.0.1/16" is right too); every form of yes and no reads as "yes" or "no".
 */
export function normalizeAnswer(answer: string): string {
  const plain = answer
    .trim()
    .replace(/^[`'"“”‘’「」]+/, '')
    .replace(/[`'"“”‘’「」.!?,;:。！？，；：、\s]+$/u, '')
    .replace(/\s+/g, ' ')
    .toLowerCase()
    .replace(/^(\d+\.\d+\.\d+\.\d+)\/\d+$/, '$1');
  if (YES.has(plain)) return 'yes';
  if (NO.has(plain)) return 'no';
  return plain;
}

/** The answers accepted: a yes/no question's answer is a boolean. */
function acceptedAnswers(right: Awaited<ReturnType<QuizAnswer>>): string[] {
  if (typeof right === 'boolean') return [right ? 'yes' : 'no'];
  return (Array.isArray(right) ? right : right ? [right] : []).map(normalizeAnswer);
}

export async function checkQuiz(ctx: QuizContext, answer: QuizAnswer, hint?: Text): Promise<Verdict> {
  const accepted = acceptedAnswers(await answer(ctx));
  if (!accepted.length) {
    return fail(
      { en: 'The answer cannot be found in your sandbox yet: do the step before.', zh: '你的沙箱里还找不到答案：请先完成前面的步骤。' },
      hint,
    );
  }
  const given = normalizeAnswer(ctx.answer ?? '');
  if (accepted.includes(given)) return pass({ en: `Right: ${ctx.answer!.trim()}.`, zh: `回答正确：${ctx.answer!.trim()}。` });
  return fail({ en: `${ctx.answer?.trim() || 'That'} is not it.`, zh: `${ctx.answer?.trim() || '这个答案'}不对。` }, hint);
}
