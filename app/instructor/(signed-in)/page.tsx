import type { Metadata } from 'next';
import Link from 'next/link';
import { currentLang } from '@/server/lang-server';
import { t, textsOf } from '@/lib/i18n';
import { signedInInstructor } from '@/server/instructor-server';
import { runtime } from '@/server/runtime';
import { LessonVerification } from '@/components/instructor/LessonVerification';

type Query = Record<string, string | string[] | undefined>;

export async function generateMetadata({ searchParams }: { searchParams: Promise<Query> }): Promise<Metadata> {
  return { title: `${t(await currentLang(searchParams), 'instructor.title')} · NetLab` };
}

export default async function InstructorHome({ searchParams }: { searchParams: Promise<Query> }) {
  const instructor = await signedInInstructor();
  const lang = await currentLang(searchParams);
  const query = await searchParams;
  const { course, verifications, verifier, classes } = runtime();
  const latest = verifications.latest();
  const text = textsOf(lang, ['instructor.course', 'instructor.verify']);
  const mine = classes.ofInstructor(instructor.id);
  return (
    <main className="instructor-page">
      <section>
        <h1>{t(lang, 'instructor.classes.title')}</h1>
        {mine.length === 0 && <p className="muted">{t(lang, 'instructor.classes.none')}</p>}
        <ul className="class-list">
          {mine.map((c) => (
            <li key={c.id}>
              <Link href={`/instructor/classes/${c.id}`} data-testid="class-link">
                {c.name}
              </Link>
              <span className="muted small">{t(lang, 'instructor.classes.members', { n: c.members })}</span>
            </li>
          ))}
        </ul>
        <form className="inline-form" method="post" action="/api/instructor/classes" data-testid="new-class">
          <label>
            {t(lang, 'instructor.classes.new')}
            <input name="name" required maxLength={80} placeholder={t(lang, 'instructor.classes.name')} />
          </label>
          <button type="submit" className="button">
            {t(lang, 'instructor.classes.create')}
          </button>
          {query.error === 'class-name' && <span className="form-error">{t(lang, 'instructor.classes.nameError')}</span>}
        </form>
      </section>

      <section>
        <h2>{t(lang, 'instructor.course.title')}</h2>
        <p className="muted">{t(lang, 'instructor.course.intro')}</p>
        <ol className="verify-list">
          {course.lessons.map((lesson) => {
            const last = latest.get(lesson.slug);
            return (
              <li key={lesson.slug} className="card" data-lesson={lesson.slug}>
                <div className="verify-head">
                  <Link href={`/lessons/${lesson.slug}`}>{lesson.title[lang]}</Link>
                  <span className="muted small">
                    <code>{lesson.slug}</code> · {t(lang, 'instructor.course.steps', { n: lesson.steps.length })}
                  </span>
                </div>
                <LessonVerification
                  slug={lesson.slug}
                  last={last}
                  changed={!!last && verifier.changedSince(last)}
                  lang={lang}
                  text={text}
                />
              </li>
            );
          })}
        </ol>
      </section>
    </main>
  );
}
