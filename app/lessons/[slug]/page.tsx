import { cookies } from 'next/headers';
import { notFound } from 'next/navigation';
import { lessonContent } from '@/course/content';
import { currentLang } from '@/server/lang-server';
import { learnerFromCookieHeader } from '@/lib/learner';
import { runtime } from '@/server/runtime';
import { t, textsOf } from '@/lib/i18n';
import { LessonSession } from '@/components/LessonSession';
import { LessonLayout } from '@/components/LessonLayout';
import { CodeBlock, Hint, Progress, Quiz, Solution, Step } from '@/components/LessonParts';
import { Terminal } from '@/components/Terminal';
import { Topology } from '@/components/Topology';
import { AuthoringErrors } from '@/components/AuthoringErrors';

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
  // The texts the page's client components show (LessonTexts), in the page's language.
  const text = textsOf(lang, ['terminal', 'step', 'code', 'quiz', 'topology', 'lesson']);
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
