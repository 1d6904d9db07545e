// Part of `npm run build`: every written lesson must match the lesson format (loading the course validates
// each lesson.ts) and have both texts compile, naming only steps its lesson.ts has. Errors name the file.
import { COURSE } from '../lessons/course';
import { validateLessonText } from '../lessons/content';

try {
  for (const lesson of COURSE) await validateLessonText(lesson);
  console.log(`[lessons] ${COURSE.length} lessons checked: format, texts, step ids`);
} catch (err) {
  console.error(`[lessons] ${err instanceof Error ? err.message : err}`);
  process.exit(1);
}
