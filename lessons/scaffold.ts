// `npm run lesson:new <slug>`: a new lesson folder that passes lessons:verify as generated — one example
// step with its check and solution, and both texts — added at the end of the course.
import fs from 'node:fs';
import path from 'node:path';

const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** The files of a new lesson, by name. The example step: a bridge of the learner's own. */
export function scaffoldFiles(slug: string): Record<string, string> {
  const bridge = `${slug.replace(/-/g, '').slice(0, 10)}0`;
  return {
    'lesson.ts': `// Lesson ${slug}: replace the example step with your own (see docs/authoring.md).
import { expectLinkUp, link } from '../../grader/helpers';
import { fail } from '../../grader/verdict';
import { defineLesson } from '../format';

export default defineLesson({
  slug: '${slug}',
  minutes: 10,
  title: { en: 'New lesson: ${slug}', zh: '新课程：${slug}' },
  summary: { en: 'What the learner builds in this lesson.', zh: '学员在这一课里要搭建什么。' },
  setup: [],
  steps: [
    {
      id: 'make-bridge',
      title: { en: 'A bridge of your own', zh: '自己的网桥' },
      points: 10,
      solution: ['ip link add ${bridge} type bridge', 'ip link set ${bridge} up'],
      check: ({ snap }) => {
        const br = link(snap.host, '${bridge}');
        if (!br || br.kind !== 'bridge')
          return fail(
            { en: 'There is no bridge named ${bridge} yet.', zh: '还没有名为 ${bridge} 的网桥。' },
            { en: 'ip link add ${bridge} type bridge creates it.', zh: '用 ip link add ${bridge} type bridge 创建。' },
          );
        return expectLinkUp(snap, { host: true }, '${bridge}');
      },
    },
  ],
});
`,
    'index.mdx': `An introduction: what this lesson builds and why it matters.

<Step id="make-bridge">

## A bridge of your own

Create a bridge and bring it up:

\`\`\`sh run
ip link add ${bridge} type bridge
ip link set ${bridge} up
\`\`\`

\`ip -br link show type bridge\` lists it beside docker0.

</Step>
`,
    'index.zh.mdx': `简介：这一课要搭建什么，为什么重要。

<Step id="make-bridge">

## 自己的网桥

创建一个网桥并启用它：

\`\`\`sh run
ip link add ${bridge} type bridge
ip link set ${bridge} up
\`\`\`

\`ip -br link show type bridge\` 会把它和 docker0 一起列出来。

</Step>
`,
  };
}

const identifier = (slug: string) => slug.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase()).replace(/^(\d)/, '_$1');

/** Writes lessons/<slug>/ and adds the lesson at the end of lessons/course.ts. */
export function scaffoldLesson(root: string, slug: string): string[] {
  if (!SLUG.test(slug)) throw new Error(`"${slug}" is not a lesson slug: use lower-case words joined by dashes, e.g. my-lesson`);
  const dir = path.join(root, 'lessons', slug);
  if (fs.existsSync(dir)) throw new Error(`lessons/${slug} already exists`);
  const coursePath = path.join(root, 'lessons', 'course.ts');
  const course = fs.readFileSync(coursePath, 'utf8');
  const importMark = '// lesson:new adds imports above this line';
  const lessonMark = '  // lesson:new adds lessons above this line';
  if (!course.includes(importMark) || !course.includes(lessonMark)) throw new Error('lessons/course.ts has lost its lesson:new markers');
  const name = identifier(slug);
  fs.mkdirSync(dir, { recursive: true });
  const written = Object.entries(scaffoldFiles(slug)).map(([file, text]) => {
    fs.writeFileSync(path.join(dir, file), text);
    return `lessons/${slug}/${file}`;
  });
  fs.writeFileSync(
    coursePath,
    course
      .replace(importMark, `import ${name} from './${slug}/lesson';\n${importMark}`)
      .replace(lessonMark, `  ['${slug}', ${name}],\n${lessonMark}`),
  );
  return [...written, 'lessons/course.ts'];
}
