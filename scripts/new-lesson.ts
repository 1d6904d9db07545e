// `npm run lesson:new <slug>`: scaffolds lessons/<slug>/ (see lessons/scaffold.ts).
import { scaffoldLesson } from '../lessons/scaffold';

const slug = process.argv[2];
if (!slug) {
  console.error('usage: npm run lesson:new <slug>');
  process.exit(2);
}
try {
  for (const file of scaffoldLesson(process.cwd(), slug)) console.log(`[lesson:new] wrote ${file}`);
  console.log(`[lesson:new] next: edit the texts and lesson.ts, then npm run lessons:verify ${slug}`);
} catch (err) {
  console.error(`[lesson:new] ${(err as Error).message}`);
  process.exit(1);
}
