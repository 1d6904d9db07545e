// Part of `npm run build`: every written lesson must match the lesson format and have both texts compile,
// naming only steps its lesson.ts has. Every problem is listed with its file (and line).
import { loadCourse } from '../course/course';
import { authoringProblems } from '../course/authoring-problems';

const course = await loadCourse();
const problems = await authoringProblems(course);
if (problems.length) {
  for (const p of problems) console.error(`[lessons] ${p}`);
  process.exit(1);
}
console.log(`[lessons] ${course.lessons.length} lessons checked: format, texts, step ids`);
