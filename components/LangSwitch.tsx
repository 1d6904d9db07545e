'use client';
// Switches the page between English and Chinese; the server remembers the choice from ?lang=.
import { usePathname } from 'next/navigation';
import type { Lang } from '@/lib/i18n';

export function LangSwitch({ lang, label }: { lang: Lang; label: string }) {
  const pathname = usePathname();
  const other: Lang = lang === 'en' ? 'zh' : 'en';
  return (
    <a className="lang-switch" href={`${pathname}?lang=${other}`} data-testid="lang-switch" hrefLang={other}>
      {label}
    </a>
  );
}
