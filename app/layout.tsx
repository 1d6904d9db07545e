import type { Metadata } from 'next';
import Link from 'next/link';
import { currentLang } from '@/server/lang-server';
import { t } from '@/lib/i18n';
import { LangSwitch } from '@/components/LangSwitch';
import './globals.css';

export async function generateMetadata(): Promise<Metadata> {
  return { title: 'NetLab', description: t(await currentLang(), 'site.description') };
}

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const lang = await currentLang();
  return (
    <html lang={lang === 'zh' ? 'zh-CN' : 'en'}>
      <body>
        <header className="site-header">
          <Link href="/" className="brand">
            <span className="brand-mark">⇄</span> NetLab
          </Link>
          <span className="tagline">{t(lang, 'site.tagline')}</span>
          <LangSwitch lang={lang} label={t(lang, 'lang.switch')} />
        </header>
        {children}
      </body>
    </html>
  );
}
