// Every authoring problem of the course at once — a lesson.ts that breaks the format, a text that does not
// compile or names an unknown step — each naming its file (and line where known), so an author fixes them all
// in one pass. Used by `npm run build` and `lessons:verify`.
import type { Course } from './course';
import { validateLessonText } from './content';

export async function authoringProblems(course: Course, slugs?: string[]): Promise<string[]> {
  const wanted = (slug: string) => !slugs?.length || slugs.includes(slug);
  const problems = course.brokenLessons.filter((p) => wanted(p.slug)).map((p) => p.message);
  for (const lesson of course.lessons.filter((l) => wanted(l.slug))) {
    await validateLessonText(lesson).catch((err: Error) => problems.push(err.message));
  }
  return problems;
}
