import { notFound } from 'next/navigation';
import { findLesson } from '@/lessons/catalog';
import { currentLang } from '@/lib/lang-server';
import { t, type MessageKey } from '@/lib/i18n';
import { Terminal } from '@/components/Terminal';

const TERMINAL_TEXT_KEYS = [
  'terminal.starting',
  'terminal.queued',
  'terminal.retry',
  'terminal.reset',
  'terminal.reset.confirm',
  'terminal.error.no-learner',
  'terminal.error.foreign-origin',
  'terminal.error.start-failed',
  'terminal.error.disconnected',
  'terminal.error.ended-idle',
  'terminal.error.ended-lifetime',
  'terminal.error.ended-gone',
  'terminal.error.ended-shutdown',
  'terminal.error.bad-request',
  'terminal.error.offline',
  'terminal.notice.input-overflow',
] as const satisfies readonly MessageKey[];

/** `a command` in a message becomes <code>, as in Markdown. */
function withInlineCode(text: string) {
  return text.split('`').map((part, i) => (i % 2 === 1 ? <code key={i}>{part}</code> : part));
}

export default async function LessonPage({
  params,
  searchParams,
}: {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { slug } = await params;
  const lesson = findLesson(slug);
  if (!lesson) notFound();
  const lang = await currentLang(searchParams);
  const text = Object.fromEntries(TERMINAL_TEXT_KEYS.map((k) => [k, t(lang, k)]));
  return (
    <main className="lesson-page">
      <article className="lesson-text">
        <h1>{lesson.title[lang]}</h1>
        <p className="lead">{lesson.summary[lang]}</p>
        <h2>{t(lang, 'lesson.placeholder.title')}</h2>
        <p>{withInlineCode(t(lang, 'lesson.placeholder.body'))}</p>
      </article>
      <section className="lesson-terminal">
        <Terminal text={text} />
      </section>
    </main>
  );
}
