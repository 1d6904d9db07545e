// A lesson's text: lessons/<slug>/index.mdx (English) and index.zh.mdx (Chinese), compiled with MDX.
// Compiled on the server when the page is rendered (and cached until the file changes), so that an error
// names its file and line, and an edited lesson shows at the next load. Every <Step id="…"> must name a
// step of the lesson's lesson.ts.
import fs from 'node:fs';
import path from 'node:path';
import { compile, run } from '@mdx-js/mdx';
import * as runtime from 'react/jsx-runtime';
import type { MDXContent } from 'mdx/types';
import type { Lang } from '../lib/i18n';
import type { Lesson } from './format';

function textFile(slug: string, lang: Lang): string {
  return path.join(process.cwd(), 'lessons', slug, lang === 'zh' ? 'index.zh.mdx' : 'index.mdx');
}

/** Passes a fenced block's meta (```sh run) to the rendered <code> as data-meta, so Run buttons can see it. */
function rehypeCodeMeta() {
  type Node = { type: string; tagName?: string; data?: { meta?: string }; properties?: Record<string, unknown>; children?: Node[] };
  const visit = (node: Node) => {
    if (node.type === 'element' && node.tagName === 'code' && node.data?.meta) {
      node.properties = { ...node.properties, dataMeta: node.data.meta };
    }
    node.children?.forEach(visit);
  };
  return (tree: Node) => visit(tree);
}

/** The <Step id="…"> ids an MDX text names, with their lines. */
export function stepIdsIn(source: string): { id: string; line: number }[] {
  return [...source.matchAll(/<Step\s+[^>]*id=["']([^"']+)["']/g)].map((m) => ({
    id: m[1]!,
    line: source.slice(0, m.index).split('\n').length,
  }));
}

async function compileText(file: string, source: string): Promise<string> {
  try {
    return String(await compile(source, { outputFormat: 'function-body', rehypePlugins: [rehypeCodeMeta] }));
  } catch (err) {
    const e = err as { line?: number; column?: number; reason?: string; message: string };
    const where = e.line ? `:${e.line}${e.column ? `:${e.column}` : ''}` : '';
    throw new Error(`${path.relative(process.cwd(), file)}${where}: MDX syntax error: ${e.reason ?? e.message}`);
  }
}

function checkStepIds(lesson: Lesson, file: string, source: string) {
  const known = new Set(lesson.steps.map((s) => s.id));
  for (const { id, line } of stepIdsIn(source)) {
    if (!known.has(id)) {
      throw new Error(
        `${path.relative(process.cwd(), file)}:${line}: <Step id="${id}"> names a step that lessons/${lesson.slug}/lesson.ts does not have (its steps: ${[...known].join(', ')})`,
      );
    }
  }
}

/** Checks both texts of a lesson (MDX syntax, step ids); throws with the file and line of the first problem. */
export async function validateLessonText(lesson: Lesson): Promise<void> {
  for (const lang of ['en', 'zh'] as const) {
    const file = textFile(lesson.slug, lang);
    if (!fs.existsSync(file)) throw new Error(`${path.relative(process.cwd(), file)}: missing (every lesson has index.mdx and index.zh.mdx)`);
    const source = fs.readFileSync(file, 'utf8');
    checkStepIds(lesson, file, source);
    await compileText(file, source);
  }
}

const cache = new Map<string, { mtimeMs: number; content: MDXContent }>();

/** The lesson's text as a component, compiled once per version of the file. */
export async function lessonContent(lesson: Lesson, lang: Lang): Promise<MDXContent> {
  const file = textFile(lesson.slug, lang);
  const mtimeMs = fs.statSync(file).mtimeMs;
  const cached = cache.get(file);
  if (cached?.mtimeMs === mtimeMs) return cached.content;
  const source = fs.readFileSync(file, 'utf8');
  checkStepIds(lesson, file, source);
  const code = await compileText(file, source);
  const { default: content } = await run(code, { ...runtime, baseUrl: import.meta.url });
  cache.set(file, { mtimeMs, content });
  return content;
}
