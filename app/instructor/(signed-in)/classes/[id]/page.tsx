// The class view: learners × steps, each cell passed / failed attempts / solution opened; filter by lesson,
// download as CSV, follow a learner to their history. It refreshes itself while open.
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { classViewFor } from '@/server/class-view';
import type { Cell } from '@/server/class-view';
import { currentLang } from '@/server/lang-server';
import { t, type Lang } from '@/lib/i18n';
import { signedInInstructor } from '@/server/instructor-server';
import { runtime } from '@/server/runtime';
import { siteUrl } from '@/lib/site-url';
import { CopyLink } from '@/components/instructor/CopyLink';
import { LiveRefresh } from '@/components/instructor/LiveRefresh';

type Query = Record<string, string | string[] | undefined>;

export async function generateMetadata({ searchParams }: { searchParams: Promise<Query> }): Promise<Metadata> {
  return { title: `${t(await currentLang(searchParams), 'class.title')} · NetLab` };
}

function CellMark({ cell, lang }: { cell: Cell; lang: Lang }) {
  const label = [
    cell.status === 'passed' ? t(lang, 'class.passed') : cell.status === 'untried' && !cell.failed ? t(lang, 'class.untried') : '',
    cell.failed ? t(lang, 'class.failed', { n: cell.failed }) : '',
    cell.solution ? t(lang, 'class.solution') : '',
  ]
    .filter(Boolean)
    .join(' · ');
  return (
    <span className={`cell-mark cell-${cell.status}`} title={label} aria-label={label}>
      {cell.status === 'passed' ? '✓' : cell.failed ? `✗${cell.failed}` : '·'}
      {cell.status === 'passed' && cell.failed > 0 && <span className="cell-failures">✗{cell.failed}</span>}
      {cell.solution && <span className="cell-solution">💡</span>}
    </span>
  );
}

export default async function ClassPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Query> }) {
  const instructor = await signedInInstructor();
  const { id } = await params;
  const query = await searchParams;
  const lang = await currentLang(searchParams);
  const lesson = typeof query.lesson === 'string' ? query.lesson : undefined;
  const found = classViewFor(id, instructor.id, lang, lesson);
  if (!found) notFound();
  const { info, view } = found;
  const { course } = runtime();
  const joinUrl = `${await siteUrl()}/join/${info.joinCode}`;
  const csv = `/api/instructor/classes/${info.id}/csv${lesson ? `?lesson=${lesson}` : ''}`;
  // Columns grouped by lesson, for the header's first row.
  const groups = view.columns.reduce<{ lesson: string; title: string; span: number }[]>((all, c) => {
    const lastGroup = all[all.length - 1];
    if (lastGroup?.lesson === c.lesson) lastGroup.span++;
    else all.push({ lesson: c.lesson, title: c.lessonTitle, span: 1 });
    return all;
  }, []);

  return (
    <main className="instructor-page wide" data-testid="class-view" data-class={info.id}>
      <LiveRefresh />
      <p className="small">
        <Link href="/instructor">← {t(lang, 'class.back')}</Link>
      </p>
      <h1>{info.name}</h1>
      <div className="card join-box">
        <strong>{t(lang, 'class.joinLink')}</strong> <CopyLink url={joinUrl} copy={t(lang, 'class.copy')} copied={t(lang, 'class.copied')} />
        <p className="muted small">{t(lang, 'class.joinLink.hint')}</p>
      </div>

      <div className="class-tools">
        <nav className="lesson-filter" data-testid="lesson-filter" aria-label={t(lang, 'class.filter')}>
          <Link href={`/instructor/classes/${info.id}`} aria-current={!lesson ? 'page' : undefined}>
            {t(lang, 'class.allLessons')}
          </Link>
          {course.lessons.map((l) => (
            <Link key={l.slug} href={`/instructor/classes/${info.id}?lesson=${l.slug}`} aria-current={lesson === l.slug ? 'page' : undefined}>
              {l.title[lang]}
            </Link>
          ))}
        </nav>
        <a className="button" href={csv} download data-testid="csv">
          {t(lang, 'class.csv')}
        </a>
      </div>

      {view.rows.length === 0 ? (
        <p className="muted">{t(lang, 'class.empty')}</p>
      ) : (
        <div className="grid-scroll">
          <table className="data-table class-grid">
            <thead>
              <tr>
                <th rowSpan={2}>{t(lang, 'class.learner')}</th>
                {groups.map((g) => (
                  <th key={g.lesson} colSpan={g.span} className="group">
                    {g.title}
                  </th>
                ))}
                <th rowSpan={2}>{t(lang, 'class.total')}</th>
              </tr>
              <tr>
                {view.columns.map((c) => (
                  <th key={`${c.lesson}/${c.step}`} className="step-head" title={c.stepTitle}>
                    {c.stepTitle}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {view.rows.map((r) => (
                <tr key={r.learner} data-learner={r.name}>
                  <th>
                    <Link href={`/instructor/classes/${info.id}/learners/${r.learner}`}>{r.name}</Link>
                  </th>
                  {r.cells.map((cell, i) => {
                    const c = view.columns[i]!;
                    return (
                      <td
                        key={`${c.lesson}/${c.step}`}
                        data-testid="class-cell"
                        data-cell={`${c.lesson}/${c.step}`}
                        data-status={cell.status}
                        data-failed={cell.failed}
                        data-solution={String(cell.solution)}
                      >
                        <CellMark cell={cell} lang={lang} />
                      </td>
                    );
                  })}
                  <td className="total">
                    {r.passed} · {r.points}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p className="muted small">{t(lang, 'class.live')}</p>
    </main>
  );
}
