import { cookies } from 'next/headers';
import { notFound } from 'next/navigation';
import { lessonContent } from '@/lessons/content';
import { currentLang } from '@/lib/lang-server';
import { learnerFromCookieHeader } from '@/lib/learner';
import { runtime } from '@/lib/runtime';
import { t, type MessageKey } from '@/lib/i18n';
import { LessonSession } from '@/components/LessonSession';
import { LessonLayout } from '@/components/LessonLayout';
import { CodeBlock, Hint, Progress, Quiz, Solution, Step } from '@/components/LessonParts';
import { Terminal } from '@/components/Terminal';
import { Topology } from '@/components/Topology';
import { AuthoringErrors } from '@/components/AuthoringErrors';

/** The texts the page's client components show, in the page's language. */
const CLIENT_TEXT_KEYS = [
  'terminal.starting',
  'terminal.queued',
  'terminal.retry',
  'terminal.reset',
  'terminal.reset.confirm',
  'terminal.nodes',
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
  'step.solution.sure',
  'step.solution.again',
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
  'topology.kind.vxlan',
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
  const { course, attempts, dev } = runtime();
  const lesson = course.find(slug);
  // In development a broken lesson still opens, with its errors in place of (or above) its text.
  const formatProblem = dev ? course.problemOf(slug)?.message : undefined;
  if (!lesson && !formatProblem) notFound();
  const lang = await currentLang(searchParams);
  const text = Object.fromEntries(CLIENT_TEXT_KEYS.map((k) => [k, t(lang, k)]));
  const learner = learnerFromCookieHeader((await cookies()).toString());
  const passed = learner ? [...(attempts.passed(learner).get(slug) ?? [])] : [];
  const steps = (lesson?.steps ?? []).map((s) => ({ id: s.id, title: s.title[lang], points: s.points, quiz: !!s.quiz }));
  const content = lesson ? await lessonContent(lesson, lang).catch((err: Error) => (dev ? err : Promise.reject(err))) : undefined;
  const problems = [formatProblem, content instanceof Error ? content.message : undefined].filter((p): p is string => !!p);
  const Content = typeof content === 'function' ? content : undefined;
  const buildsOn = (lesson?.buildsOn ?? []).map((b) => course.find(b)?.title[lang] ?? b);

  const body = (
    <>
      {problems.length > 0 && (
        <AuthoringErrors title={t(lang, 'authoring.title')}>
          {problems.map((p) => (
            <pre key={p}>{p}</pre>
          ))}
          <p>{t(lang, 'authoring.hint')}</p>
        </AuthoringErrors>
      )}
      {lesson && (
        <>
          <h1>{lesson.title[lang]}</h1>
          <p className="lead">{lesson.summary[lang]}</p>
          {buildsOn.length > 0 && <p className="builds-on">{t(lang, 'lesson.buildsOn', { list: buildsOn.join(', ') })}</p>}
          <Progress />
        </>
      )}
      {Content && (
        <div className="lesson-content">
          <Content components={{ Step, Quiz, Hint, Solution, Topology, pre: CodeBlock }} />
        </div>
      )}
    </>
  );
  return (
    <LessonSession lesson={slug} lang={lang} text={text} steps={steps} passed={passed} nodes={lesson?.nodes}>
      <LessonLayout
        text={body}
        terminal={<Terminal />}
        topology={<Topology />}
        labels={{ text: t(lang, 'lesson.tab.text'), terminal: t(lang, 'lesson.tab.terminal'), topology: t(lang, 'topology.title') }}
      />
    </LessonSession>
  );
}
