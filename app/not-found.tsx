import Link from 'next/link';
import { currentLang } from '@/server/lang-server';
import { t } from '@/lib/i18n';

export default async function NotFound() {
  const lang = await currentLang();
  return (
    <main className="not-found">
      <h1>404 · {t(lang, 'notfound.title')}</h1>
      <p>{t(lang, 'notfound.body')}</p>
      <Link href="/">{t(lang, 'notfound.back')}</Link>
    </main>
  );
}
