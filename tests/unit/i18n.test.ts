import { describe, expect, it } from 'vitest';
import { LANGS, messageKeys, pickLang, t, textOf, textsOf, type Area, type AreaTexts, type MessageKey } from '@/lib/i18n';
import { ERROR_CODES, NOTICE_CODES, type ErrorCode, type NoticeCode } from '@/lib/terminal-protocol';
import type { NodeKind } from '@/grader/topology';
import type { StepStatus } from '@/components/LessonSession';

/** Every area. The type check below fails when an area is added to the table and not here. */
const AREAS = [
  'site',
  'lang',
  'catalog',
  'lesson',
  'terminal',
  'step',
  'code',
  'quiz',
  'topology',
  'notfound',
  'authoring',
  'instructor',
  'instructor.status',
  'instructor.signIn',
  'instructor.course',
  'instructor.verify',
  'instructor.classes',
  'class',
  'history',
  'join',
] as const satisfies readonly Area[];
const everyArea: [Exclude<Area, (typeof AREAS)[number]>] extends [never] ? true : false = true;
/** Compile-time: the components build these keys from a union's values; each must be a key of the table. */
type Dynamic<K extends MessageKey> = K;
type DynamicKeys = Dynamic<
  `terminal.error.${ErrorCode}` | `terminal.notice.${NoticeCode}` | `step.status.${StepStatus}` | `topology.kind.${NodeKind}`
>;

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('i18n', () => {
  it('has every text in every language, no key twice, and its typed list of areas is exhaustive', () => {
    expect(everyArea).toBe(true);
    const keys = messageKeys(); // throws if two areas' texts make the same key
    expect(keys.length).toBeGreaterThan(100);
    for (const lang of LANGS) {
      const all: AreaTexts<Area> = textsOf(lang, AREAS);
      expect(Object.keys(all).sort()).toEqual([...keys].sort());
    }
    for (const key of keys) {
      const text = textOf(key);
      expect(Object.keys(text).sort(), key).toEqual([...LANGS].sort());
      for (const lang of LANGS) expect(text[lang].trim(), `${key} (${lang})`).not.toBe('');
      // A {value} to fill in is the same in every language.
      expect(placeholders(text.zh), key).toEqual(placeholders(text.en));
    }
  });

  it('has a text for each terminal error and notice the server may send', () => {
    for (const code of ERROR_CODES) expect(messageKeys()).toContain(`terminal.error.${code}`);
    for (const code of NOTICE_CODES) expect(messageKeys()).toContain(`terminal.notice.${code}`);
  });

  it("hands a client component exactly its areas' texts, in the page's language", () => {
    expect(textsOf('zh', ['code'])).toEqual({ 'code.run': '运行', 'code.copy': '复制', 'code.copied': '已复制' });
    const verify = textsOf('en', ['instructor.verify']);
    expect(Object.keys(verify).every((k) => k.startsWith('instructor.verify.'))).toBe(true);
    expect(verify['instructor.verify.now']).toBe('Verify now');
    expect(textOf('step.points', { n: 10 })).toEqual({ en: '10 pts', zh: '10 分' });
  });

  it('prefers ?lang= over the remembered cookie, and defaults to English', () => {
    expect(pickLang('zh', 'en')).toBe('zh');
    expect(pickLang(undefined, 'zh')).toBe('zh');
    expect(pickLang('fr', undefined)).toBe('en');
  });

  it('fills parameters in both languages', () => {
    expect(t('en', 'terminal.queued', { n: 3 })).toContain('number 3 in line');
    expect(t('zh', 'terminal.queued', { n: 3 })).toContain('前面还有 3 位');
  });
});
