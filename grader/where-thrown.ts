// Where in a lesson's files an error was thrown (`lessons/<slug>/lesson.ts:line:column`), for the author.
// Read from the error's call sites and mapped through the module's source map ourselves, because Next.js's
// development server replaces the stack formatting that would map TypeScript lines; where the module has
// no source map known to Node (vitest runs its own), the formatted stack is read instead.
import { findSourceMap } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const LESSON_FILE = /^lessons\/[a-z0-9-]+\/[\w.-]+\.tsx?$/;
const LESSON_FILE_IN_TEXT = /(lessons\/[a-z0-9-]+\/[\w.-]+\.tsx?)(?:\?v=\d+)?:(\d+):(\d+)/;

/** The error's call sites (when V8 has not formatted its stack yet: it does so on first access) and its stack. */
function stackOf(err: Error): { sites: NodeJS.CallSite[]; text: string } {
  const original = Error.prepareStackTrace;
  let sites: NodeJS.CallSite[] = [];
  Error.prepareStackTrace = (e, s) => {
    sites = s;
    return original ? original(e, s) : `${e}\n${s.map((site) => `    at ${site}`).join('\n')}`;
  };
  try {
    const text = String(err.stack ?? ''); // formats the stack, filling `sites`
    return { sites, text };
  } finally {
    Error.prepareStackTrace = original;
  }
}

export function whereThrown(err: unknown): string | undefined {
  if (!(err instanceof Error)) return undefined;
  const { sites, text } = stackOf(err);
  for (const site of sites) {
    const name = site.getFileName();
    const line = site.getLineNumber();
    const column = site.getColumnNumber();
    if (!name || !line || !column) continue;
    const file = name.startsWith('file:') ? fileURLToPath(name.split('?')[0]!) : name;
    const relative = path.relative(process.cwd(), file).split(path.sep).join('/');
    if (!LESSON_FILE.test(relative)) continue;
    // ES modules are known by their URL (with the ?v= of a reload), CommonJS ones by their path.
    const entry = (findSourceMap(name) ?? findSourceMap(file))?.findEntry(line - 1, column - 1);
    if (entry && 'originalLine' in entry) return `${relative}:${entry.originalLine + 1}:${entry.originalColumn + 1}`;
    break;
  }
  return text.match(LESSON_FILE_IN_TEXT)?.slice(1).join(':');
}
