// One learner of the class: every check and answer (asked, or checked by itself after a command) and every
// solution opened, in time order.
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { currentLang } from '@/server/lang-server';
import { t } from '@/lib/i18n';
import { signedInInstructor } from '@/server/instructor-server';
import { learnerTag } from '@/lib/learner';
import { runtime } from '@/server/runtime';

export async function generateMetadata({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }): Promise<Metadata> {
  return { title: `${t(await currentLang(searchParams), 'history.pageTitle')} · NetLab` };
}

export default async function LearnerHistoryPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string; learner: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const instructor = await signedInInstructor();
  const { id, learner } = await params;
  const lang = await currentLang(searchParams);
  const { classes, attempts, course } = runtime();
  const info = classes.owned(id, instructor.id);
  // The link names the member by their learnerTag, never by their id (which is their cookie).
  const member = info && classes.members(id).find((m) => learnerTag(m.learner) === learner);
  if (!info || !member) notFound();
  const { name } = member;
  const history = attempts.history(member.learner);
  const stepTitle = (lesson: string, step: string) => course.find(lesson)?.steps.find((s) => s.id === step)?.title[lang] ?? step;
  const time = (at: string) => new Date(at).toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-GB');

  return (
    <main className="instructor-page" data-testid="learner-history">
      <p className="small">
        <Link href={`/instructor/classes/${id}`}>← {t(lang, 'history.back')}</Link>
      </p>
      <h1>{t(lang, 'history.title', { name })}</h1>
      <p className="muted">{t(lang, 'history.intro')}</p>
      {history.length === 0 ? (
        <p className="muted">{t(lang, 'history.empty')}</p>
      ) : (
        <table className="data-table">
          <thead>
            <tr>
              <th>{t(lang, 'history.time')}</th>
              <th>{t(lang, 'history.lesson')}</th>
              <th>{t(lang, 'history.step')}</th>
              <th>{t(lang, 'history.result')}</th>
              <th>{t(lang, 'history.message')}</th>
            </tr>
          </thead>
          <tbody>
            {history.map((h, i) => (
              <tr key={i} data-kind={h.kind} data-pass={h.kind === 'attempt' ? String(h.pass) : undefined}>
                <td className="nowrap">{time(h.at)}</td>
                <td>{course.find(h.lesson)?.title[lang] ?? h.lesson}</td>
                <td>{stepTitle(h.lesson, h.step)}</td>
                {h.kind === 'attempt' ? (
                  <>
                    <td className={h.pass ? 'ok' : 'bad'}>
                      {h.pass ? '✓' : '✗'} <span className="muted small">{t(lang, h.asked ? 'history.asked' : 'history.auto')}</span>
                    </td>
                    <td>{h.message[lang]}</td>
                  </>
                ) : (
                  <td colSpan={2}>💡 {t(lang, 'history.solution')}</td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </main>
  );
}
