// `npm run lesson:new <slug> [--nodes 2|3]`: scaffolds lessons/<slug>/ (see lessons/scaffold.ts).
import { parseArgs } from 'node:util';
import { scaffoldLesson } from '../course/scaffold';

const { positionals, values } = parseArgs({ allowPositionals: true, options: { nodes: { type: 'string' } } });
const slug = positionals[0];
if (!slug) {
  console.error('usage: npm run lesson:new -- <slug> [--nodes 2|3]');
  process.exit(2);
}
try {
  for (const file of scaffoldLesson(process.cwd(), slug, values.nodes === undefined ? undefined : Number(values.nodes))) console.log(`[lesson:new] wrote ${file}`);
  console.log(`[lesson:new] next: edit the texts and lesson.ts, then npm run lessons:verify ${slug}`);
} catch (err) {
  console.error(`[lesson:new] ${(err as Error).message}`);
  process.exit(1);
}
