// `npm run lesson:new <slug> [--nodes N]`: a new lesson folder that passes lessons:verify as generated —
// one example step with its check and solution, and both texts — added at the end of the course.
import fs from 'node:fs';
import path from 'node:path';
import { UNDERLAY } from '../sandbox/backend';
import { COURSE_ORDER_FILE, readCourseOrder } from './course';

const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** The files of a new lesson, by name: one sandbox, or (nodes: 2 or 3) a multi-host lesson. */
export function scaffoldFiles(slug: string, nodes?: number): Record<string, string> {
  return nodes ? multiHostFiles(slug, nodes) : singleHostFiles(slug);
}

/** The example step: a bridge of the learner's own. */
function singleHostFiles(slug: string): Record<string, string> {
  const bridge = `${slug.replace(/-/g, '').slice(0, 10)}0`;
  // The step's commands, the same in both languages.
  const commands = `\`\`\`sh run
ip link add ${bridge} type bridge
ip link set ${bridge} up
\`\`\``;
  return {
    'lesson.ts': `// Lesson ${slug}: replace the example step with your own (see docs/authoring.md).
import { expectLinkUp, link } from '../../grader/vocabulary';
import { fail } from '../../grader/verdict';
import { defineLesson } from '../../course/format';

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

${commands}

\`ip -br link show type bridge\` lists it beside docker0.

</Step>
`,
    'index.zh.mdx': `简介：这一课要搭建什么，为什么重要。

<Step id="make-bridge">

## 自己的网桥

创建一个网桥并启用它：

${commands}

\`ip -br link show type bridge\` 会把它和 docker0 一起列出来。

</Step>
`,
  };
}

/** The example step: a VXLAN tunnel between node1 and node2, over the session's underlay. */
function multiHostFiles(slug: string, count: number): Record<string, string> {
  const names = Array.from({ length: count }, (_, i) => `node${i + 1}`);
  const tunnel = (i: number, peer: number) =>
    `ip link add vx0 type vxlan id 42 remote ${UNDERLAY.address(peer)} dstport 4789 dev eth0 && ip addr add 10.42.0.${i + 1}/24 dev vx0 && ip link set vx0 up`;
  // The step's commands, the same in both languages.
  const commands = `\`\`\`sh run node=node1
${tunnel(0, 1)}
\`\`\`

\`\`\`sh run node=node2
${tunnel(1, 0)}
ping -c 2 10.42.0.1
\`\`\``;
  return {
    'lesson.ts': `// Lesson ${slug}: replace the example step with your own (see docs/authoring.md, "Multi-host lessons").
import { link } from '../../grader/vocabulary';
import { fail, pass } from '../../grader/verdict';
import { defineLesson } from '../../course/format';

export default defineLesson({
  slug: '${slug}',
  minutes: 15,
  nodes: [${names.map((n) => `'${n}'`).join(', ')}],
  title: { en: 'New lesson: ${slug}', zh: '新课程：${slug}' },
  summary: { en: 'What the learner builds across the nodes.', zh: '学员要在这几个节点之间搭建什么。' },
  setup: [],
  steps: [
    {
      id: 'tunnel',
      title: { en: 'A VXLAN tunnel between node1 and node2', zh: 'node1 与 node2 之间的 VXLAN 隧道' },
      points: 10,
      solution: [
        { node: 'node1', run: '${tunnel(0, 1)}' },
        { node: 'node2', run: '${tunnel(1, 0)}' },
      ],
      check: async ({ snaps, probe }) => {
        for (const node of ['node1', 'node2']) {
          if (!link(snaps[node]!.host, 'vx0')?.vxlan)
            return fail({ en: \`\${node} has no vxlan device vx0 yet.\`, zh: \`\${node} 上还没有 vxlan 设备 vx0。\` });
        }
        if (!(await probe.ping({ node: 'node2', host: true }, '10.42.0.1')).ok)
          return fail({ en: 'node2 cannot reach 10.42.0.1 through the tunnel.', zh: 'node2 无法通过隧道访问 10.42.0.1。' });
        return pass({ en: 'node2 reaches node1 through the tunnel.', zh: 'node2 通过隧道访问到了 node1。' });
      },
    },
  ],
});
`,
    'index.mdx': `An introduction: what this lesson builds across the nodes (${names.join(', ')}) and why it matters.

<Step id="tunnel">

## A VXLAN tunnel between node1 and node2

${commands}

</Step>
`,
    'index.zh.mdx': `简介：这一课要在这几个节点（${names.join('、')}）之间搭建什么，为什么重要。

<Step id="tunnel">

## node1 与 node2 之间的 VXLAN 隧道

${commands}

</Step>
`,
  };
}

/** Writes lessons/<slug>/ and adds the lesson at the end of the course order (lessons/course.json). */
export function scaffoldLesson(root: string, slug: string, nodes?: number): string[] {
  if (!SLUG.test(slug)) throw new Error(`"${slug}" is not a lesson slug: use lower-case words joined by dashes, e.g. my-lesson`);
  if (nodes !== undefined && ![2, 3].includes(nodes)) throw new Error(`a multi-host lesson has 2 or 3 nodes, not ${nodes}`);
  const dir = path.join(root, 'lessons', slug);
  if (fs.existsSync(dir)) throw new Error(`lessons/${slug} already exists`);
  const order = readCourseOrder(root);
  fs.mkdirSync(dir, { recursive: true });
  const written = Object.entries(scaffoldFiles(slug, nodes)).map(([file, text]) => {
    fs.writeFileSync(path.join(dir, file), text);
    return `lessons/${slug}/${file}`;
  });
  fs.writeFileSync(path.join(root, COURSE_ORDER_FILE), JSON.stringify([...order, slug], null, 2) + '\n');
  return [...written, COURSE_ORDER_FILE];
}
