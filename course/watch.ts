// Live preview in development: a saved lesson file reaches the open lesson pages without a restart. A
// lesson.ts is loaded again into the course (the grader uses it at once); the texts are recompiled when the
// page asks for them (lessons/content.ts). `onChange` then tells the browsers to refresh the page, which keeps
// its terminal and sandbox.
import fs from 'node:fs';
import path from 'node:path';
import type { Course } from './course';

const SETTLE_MS = 100;

export function watchLessons(course: Course, onChange: (slug: string) => void): () => void {
  const pending = new Map<string, { timer: NodeJS.Timeout; code: boolean }>();
  const watcher = fs.watch(path.resolve('lessons'), { recursive: true }, (_event, file) => {
    const [slug, name] = (file ?? '').split(path.sep);
    if (!slug || !name || !course.has(slug) || !/\.(mdx|ts)$/.test(name)) return;
    // Editors save in several writes (or write a temporary file and rename it): act once it settles. Only a
    // change of code needs the lesson loaded again; a text is recompiled when the page asks for it.
    const earlier = pending.get(slug);
    clearTimeout(earlier?.timer);
    const code = !!earlier?.code || name.endsWith('.ts');
    const timer = setTimeout(() => {
      pending.delete(slug);
      void (code ? course.load(slug, { again: true }) : Promise.resolve()).then(() => onChange(slug));
    }, SETTLE_MS);
    pending.set(slug, { timer, code });
  });
  return () => {
    watcher.close();
    for (const { timer } of pending.values()) clearTimeout(timer);
  };
}
