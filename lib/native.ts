// NetLab's few C helpers for the host (e.g. the grader's netlab-peek): compiled statically with the host's
// gcc into the cache folder, named by the hash of their source, so a changed source is rebuilt and an
// unchanged one never is.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { ensureDebianPackages } from './debian';
import { run } from './run';

/** Where the binary built from this source lives (whether or not it is built yet). */
export function nativeBinaryPath(source: string, cacheDir: string): string {
  const hash = crypto.createHash('sha256').update(fs.readFileSync(source)).digest('hex').slice(0, 16);
  return path.join(cacheDir, 'bin', `${path.basename(source, '.c')}-${hash}`);
}

/** Builds the binary unless it is there; returns its path. */
export async function buildNativeBinary(source: string, cacheDir: string): Promise<string> {
  const binary = nativeBinaryPath(source, cacheDir);
  if (fs.existsSync(binary)) return binary;
  await ensureDebianPackages(['gcc', 'libc6-dev'], `compiling ${path.basename(source)}`);
  fs.mkdirSync(path.dirname(binary), { recursive: true });
  const partial = `${binary}.${process.pid}.part`;
  const r = await run('gcc', ['-static', '-O2', '-Wall', '-Wextra', '-Werror', '-o', partial, source]);
  if (r.code !== 0) throw new Error(`compiling ${source} failed:\n${r.stderr}`);
  fs.renameSync(partial, binary);
  return binary;
}
