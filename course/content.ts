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

/**
 * Gives a fenced block's <pre> its meta (```sh run) and its source as data-meta / data-source, so the Run
 * button reads plain props (a client component cannot rely on the props of its server-rendered children).
 */
function rehypeCodeMeta() {
  type Node = { type: string; tagName?: string; value?: string; data?: { meta?: string }; properties?: Record<string, unknown>; children?: Node[] };
  const textOf = (node: Node): string => node.value ?? (node.children ?? []).map(textOf).join('');
  const visit = (node: Node) => {
    const code = node.type === 'element' && node.tagName === 'pre' ? node.children?.find((c) => c.tagName === 'code') : undefined;
    if (code?.data?.meta) node.properties = { ...node.properties, dataMeta: code.data.meta, dataSource: textOf(code) };
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

/** The lesson's text as a component, compiled once per version of the file; its step ids checked every time. */
export async function lessonContent(lesson: Lesson, lang: Lang): Promise<MDXContent> {
  const file = textFile(lesson.slug, lang);
  const mtimeMs = fs.statSync(file).mtimeMs;
  const source = fs.readFileSync(file, 'utf8');
  // lesson.ts may have changed while the text did not: its step ids are checked against the current one.
  checkStepIds(lesson, file, source);
  const cached = cache.get(file);
  if (cached?.mtimeMs === mtimeMs) return cached.content;
  const code = await compileText(file, source);
  const { default: content } = await run(code, { ...runtime, baseUrl: import.meta.url });
  cache.set(file, { mtimeMs, content });
  return content;
}
