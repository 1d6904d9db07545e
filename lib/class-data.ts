// The class view of one of the signed-in instructor's classes, as the page, the JSON API and the CSV show it.
import type { Lang } from './i18n';
import { buildClassView, type ClassView } from './class-view';
import { runtime } from './runtime';
import type { ClassInfo } from '../store/classes';

/** What the API answers for a class that does not exist or is not this instructor's. */
export const noSuchClass = () => Response.json({ error: { en: 'No such class.', zh: '没有这个班级。' } }, { status: 404 });

export function classViewFor(classId: string, instructorId: number, lang: Lang, lesson?: string): { info: ClassInfo; view: ClassView } | undefined {
  const { classes, course } = runtime();
  const info = classes.owned(classId, instructorId);
  if (!info) return undefined;
  const only = lesson && course.find(lesson) ? lesson : undefined;
  return { info, view: buildClassView(course.lessons, classes.members(classId), classes.progress(classId), lang, only) };
}
