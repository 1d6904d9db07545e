import Link from 'next/link';
import { LESSONS } from '@/lessons/catalog';
import { currentLang } from '@/lib/lang-server';
import { t } from '@/lib/i18n';

export default async function CatalogPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const lang = await currentLang(searchParams);
  return (
    <main className="catalog">
      <h1>{t(lang, 'catalog.title')}</h1>
      <p className="lead">{t(lang, 'catalog.intro')}</p>
      <ol className="lesson-list">
        {LESSONS.map((lesson, i) => (
          <li key={lesson.slug} data-lesson={lesson.slug}>
            <Link href={`/lessons/${lesson.slug}`}>
              <span className="lesson-number">{i + 1}</span>
              <span className="lesson-body">
                <span className="lesson-title">{lesson.title[lang]}</span>
                <span className="lesson-summary">{lesson.summary[lang]}</span>
              </span>
              <span className="lesson-minutes">{t(lang, 'catalog.minutes', { n: lesson.minutes })}</span>
            </Link>
          </li>
        ))}
      </ol>
    </main>
  );
}
