import type { Metadata } from 'next';
import Link from 'next/link';
import { currentLang } from '@/lib/lang-server';
import { t, type MessageKey } from '@/lib/i18n';
import { signedInInstructor } from '@/lib/instructor-server';
import { runtime } from '@/lib/runtime';
import { LessonVerification } from '@/components/instructor/LessonVerification';

export const metadata: Metadata = { title: 'Instructor · NetLab' };

const VERIFY_TEXT_KEYS = [
  'instructor.course.ok',
  'instructor.course.failed',
  'instructor.course.never',
  'instructor.course.changed',
  'instructor.course.last',
  'instructor.verify.now',
  'instructor.verify.running',
  'instructor.verify.step',
  'instructor.verify.before',
  'instructor.verify.after',
  'instructor.verify.ms',
  'instructor.verify.result',
  'instructor.verify.done.ok',
  'instructor.verify.done.failed',
] as const satisfies readonly MessageKey[];

type Query = Record<string, string | string[] | undefined>;

export default async function InstructorHome({ searchParams }: { searchParams: Promise<Query> }) {
  const instructor = await signedInInstructor();
  const lang = await currentLang(searchParams);
  const query = await searchParams;
  const { course, verifications, verifier, classes } = runtime();
  const latest = verifications.latest();
  const text = Object.fromEntries(VERIFY_TEXT_KEYS.map((k) => [k, t(lang, k)]));
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
