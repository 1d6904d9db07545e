// The class view: the members of a class × the steps of the course (or of one lesson), each cell saying
// whether the learner passed, how many failed attempts they asked for, and whether they opened the solution.
// The page, the JSON API and the CSV export are all made from it.
import { stringify } from 'csv-stringify/sync';
import type { Lesson } from '../course/format';
import type { ClassInfo, Member, StepProgress } from '../store/classes';
import type { Lang } from '../lib/i18n';
import { learnerTag } from '../lib/learner';
import { runtime } from './runtime';

export type CellStatus = 'passed' | 'failed' | 'untried';
export type Cell = { status: CellStatus; failed: number; solution: boolean };
export type Column = { lesson: string; step: string; lessonTitle: string; stepTitle: string; points: number };
/** A member's row; `learner` is their learnerTag, not their id (an instructor must not hold a learner's cookie). */
export type ClassRow = Member & { cells: Cell[]; passed: number; points: number };
export type ClassView = { columns: Column[]; rows: ClassRow[] };

export function buildClassView(lessons: Lesson[], members: Member[], progress: StepProgress[], lang: Lang, onlyLesson?: string): ClassView {
  const columns: Column[] = lessons
    .filter((l) => !onlyLesson || l.slug === onlyLesson)
    .flatMap((l) =>
      l.steps.map((s) => ({ lesson: l.slug, step: s.id, lessonTitle: l.title[lang], stepTitle: s.title[lang], points: s.points })),
    );
  const byKey = new Map(progress.map((p) => [`${p.learner}/${p.lesson}/${p.step}`, p]));
  const rows = members.map((m) => {
    const cells = columns.map((c): Cell => {
      const p = byKey.get(`${m.learner}/${c.lesson}/${c.step}`);
      if (!p) return { status: 'untried', failed: 0, solution: false };
      return { status: p.passed ? 'passed' : p.failed > 0 ? 'failed' : 'untried', failed: p.failed, solution: p.solution };
    });
    const passedColumns = columns.filter((_, i) => cells[i]!.status === 'passed');
    return { ...m, learner: learnerTag(m.learner), cells, passed: passedColumns.length, points: passedColumns.reduce((sum, c) => sum + c.points, 0) };
  });
  return { columns, rows };
}

/** A cell as text: "passed", "failed ×2", "passed after 1 failed", each with "+ solution" when it was opened. */
export function cellText(cell: Cell): string {
  const base =
    cell.status === 'passed'
      ? cell.failed
        ? `passed after ${cell.failed} failed`
        : 'passed'
      : cell.status === 'failed'
        ? `failed ×${cell.failed}`
        : '';
  return cell.solution ? `${base}${base ? ' ' : ''}+ solution` : base;
}

/** A learner-chosen name that a spreadsheet would run as a formula is kept as text. */
const asText = (value: string) => (/^[=+\-@\t\r]/.test(value) ? `'${value}` : value);

/** The class view as CSV: one row per learner, one column per step (`lesson/step`), then totals. */
export function classViewCsv(view: ClassView): string {
  const header = ['learner', 'joined', ...view.columns.map((c) => `${c.lesson}/${c.step}`), 'steps passed', 'points'];
  const rows = view.rows.map((r) => [asText(r.name), r.joinedAt, ...r.cells.map(cellText), r.passed, r.points]);
  return stringify([header, ...rows]);
}

/** What the API answers for a class that does not exist or is not this instructor's. */
export const noSuchClass = () => Response.json({ error: { en: 'No such class.', zh: '没有这个班级。' } }, { status: 404 });

export function classViewFor(classId: string, instructorId: number, lang: Lang, lesson?: string): { info: ClassInfo; view: ClassView } | undefined {
  const { classes, course } = runtime();
  const info = classes.owned(classId, instructorId);
  if (!info) return undefined;
  const only = lesson && course.find(lesson) ? lesson : undefined;
  return { info, view: buildClassView(course.lessons, classes.members(classId), classes.progress(classId), lang, only) };
}

