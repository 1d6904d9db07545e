import { cookies } from 'next/headers';
import Link from 'next/link';
import { currentLang } from '@/server/lang-server';
import { learnerFromCookieHeader } from '@/lib/learner';
import { runtime } from '@/server/runtime';
import { t } from '@/lib/i18n';
import { AuthoringErrors } from '@/components/AuthoringErrors';

export default async function CatalogPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const lang = await currentLang(searchParams);
  const learner = learnerFromCookieHeader((await cookies()).toString());
  const { course, attempts, classes, dev } = runtime();
  const passed = learner ? attempts.passed(learner) : undefined;
  const joined = learner ? classes.ofLearner(learner) : [];
  const broken = dev ? course.brokenLessons : [];
  return (
    <main className="catalog">
      <h1>{t(lang, 'catalog.title')}</h1>
      <p className="lead">{t(lang, 'catalog.intro')}</p>
      {joined.map((c) => (
        <p key={c.className} className="catalog-classes" data-testid="my-class">
          {t(lang, 'catalog.inClass', { class: c.className, name: c.name })}
        </p>
      ))}
      {broken.length > 0 && (
        <AuthoringErrors title={t(lang, 'authoring.left-out')}>
          <ul>
            {broken.map((p) => (
              <li key={p.slug}>
                <Link href={`/lessons/${p.slug}`}>{p.slug}</Link>
              </li>
            ))}
          </ul>
        </AuthoringErrors>
      )}
      <ol className="lesson-list">
        {course.lessons.map((entry, i) => {
          const total = entry.steps.length;
          const done = entry.steps.filter((s) => passed?.get(entry.slug)?.has(s.id)).length;
          return (
            <li key={entry.slug} data-lesson={entry.slug} data-passed={done} data-total={total}>
              <Link href={`/lessons/${entry.slug}`}>
                <span className={`lesson-number${done === total ? ' lesson-number-done' : ''}`}>{done === total ? '✓' : i + 1}</span>
                <span className="lesson-body">
                  <span className="lesson-title">{entry.title[lang]}</span>
                  <span className="lesson-summary">{entry.summary[lang]}</span>
                  {entry.buildsOn.length > 0 && (
                    <span className="lesson-builds-on">
                      {t(lang, 'lesson.buildsOn', { list: entry.buildsOn.map((b) => course.find(b)?.title[lang] ?? b).join(', ') })}
                    </span>
                  )}
                  <span className="lesson-progress">
                    <span className="lesson-progress-bar" style={{ width: `${Math.round((done / total) * 100)}%` }} />
                  </span>
                </span>
                <span className="lesson-meta">
                  <span>{t(lang, 'catalog.minutes', { n: entry.minutes })}</span>
                  <span className="lesson-state">
                    {done === total ? t(lang, 'catalog.done') : t(lang, 'catalog.progress', { passed: done, total })}
                  </span>
                </span>
              </Link>
            </li>
          );
        })}
      </ol>
    </main>
  );
}
