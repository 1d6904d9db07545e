// Checking a quiz answer against the right one(s), computed from the sandbox's state.
import { fail, pass, type Verdict } from '../grader/verdict';
import type { QuizAnswer, QuizContext, Text } from './format';

/** Case, surrounding space and quotes, and an address's /prefix do not matter: "172.17.0.1/16" is right too. */
export function normalizeAnswer(answer: string): string {
  return answer
    .trim()
    .replace(/^[`'"]+|[`'"]+$/g, '')
    .replace(/\s+/g, ' ')
    .toLowerCase()
    .replace(/^(\d+\.\d+\.\d+\.\d+)\/\d+$/, '$1');
}

export async function checkQuiz(ctx: QuizContext, answer: QuizAnswer, hint?: Text): Promise<Verdict> {
  const right = await answer(ctx);
  const accepted = (Array.isArray(right) ? right : right ? [right] : []).map(normalizeAnswer);
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
