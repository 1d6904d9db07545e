import { cookies } from 'next/headers';
import { notFound } from 'next/navigation';
import { COURSE, findLesson } from '@/lessons/course';
import { lessonContent } from '@/lessons/content';
import { currentLang } from '@/lib/lang-server';
import { learnerFromCookieHeader } from '@/lib/learner';
import { getRuntime } from '@/lib/runtime';
import { t, type MessageKey } from '@/lib/i18n';
import { LessonSession } from '@/components/LessonSession';
import { LessonLayout } from '@/components/LessonLayout';
import { CodeBlock, Hint, Progress, Quiz, Solution, Step } from '@/components/LessonParts';
import { Terminal } from '@/components/Terminal';
import { Topology } from '@/components/Topology';

/** The texts the page's client components show, in the page's language. */
const CLIENT_TEXT_KEYS = [
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
  'lesson.progress',
  'step.check',
  'step.checking',
  'step.status.pending',
  'step.status.passed',
  'step.status.failed',
  'step.showHint',
  'step.hint',
  'step.solution',
  'code.run',
  'code.copy',
  'code.copied',
  'quiz.placeholder',
  'quiz.submit',
  'topology.title',
  'topology.waiting',
  'topology.kind.host',
  'topology.kind.bridge',
  'topology.kind.veth',
  'topology.kind.container',
  'topology.kind.netns',
  'topology.kind.network',
  'topology.kind.port',
] as const satisfies readonly MessageKey[];

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
  const text = Object.fromEntries(CLIENT_TEXT_KEYS.map((k) => [k, t(lang, k)]));
  const learner = learnerFromCookieHeader((await cookies()).toString());
  const passed = learner ? [...(getRuntime()?.attempts.passed(learner).get(slug) ?? [])] : [];
  const steps = lesson.steps.map((s) => ({ id: s.id, title: s.title[lang], points: s.points, quiz: !!s.quiz }));
  const Content = await lessonContent(lesson, lang);
  const buildsOn = lesson.buildsOn.map((b) => COURSE.find((l) => l.slug === b)?.title[lang] ?? b);

  const body = (
    <>
      <h1>{lesson.title[lang]}</h1>
      <p className="lead">{lesson.summary[lang]}</p>
      {buildsOn.length > 0 && <p className="builds-on">{t(lang, 'lesson.buildsOn', { list: buildsOn.join(', ') })}</p>}
      <Progress />
      <div className="lesson-content">
        <Content components={{ Step, Quiz, Hint, Solution, Topology, pre: CodeBlock }} />
      </div>
    </>
  );
  return (
    <LessonSession lesson={slug} lang={lang} text={text} steps={steps} passed={passed}>
      <LessonLayout
        text={body}
        terminal={<Terminal />}
        topology={<Topology />}
        labels={{ text: t(lang, 'lesson.tab.text'), terminal: t(lang, 'lesson.tab.terminal'), topology: t(lang, 'topology.title') }}
      />
    </LessonSession>
  );
}
