// Part of `npm run build`: every written lesson must match the lesson format and have both texts compile,
// naming only steps its lesson.ts has. Every problem is listed with its file (and line).
import { COURSE } from '../lessons/course';
import { authoringProblems } from '../lessons/authoring-problems';

const problems = await authoringProblems(COURSE);
if (problems.length) {
  for (const p of problems) console.error(`[lessons] ${p}`);
  process.exit(1);
}
console.log(`[lessons] ${COURSE.lessons.length} lessons checked: format, texts, step ids`);
