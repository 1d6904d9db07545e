import { describe, expect, it } from 'vitest';
import { pickLang, t } from '@/lib/i18n';

describe('i18n', () => {
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
