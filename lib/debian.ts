// Installing Debian packages the platform needs (docker.io, debootstrap, chromium), saying so first.
import fs from 'node:fs';
import { run, runWithProgress } from './run';

export function isDebianRoot(): boolean {
  return process.getuid?.() === 0 && fs.existsSync('/etc/debian_version');
}

async function isInstalled(pkg: string): Promise<boolean> {
  const r = await run('dpkg-query', ['-W', '-f=${Status}', pkg]);
  return r.code === 0 && r.stdout.includes('install ok installed');
}

/**
 * Makes sure the given Debian packages are installed. `why` tells the operator what they are for.
 * Outside Debian or without root it throws, naming what to install by hand.
 */
export async function ensureDebianPackages(packages: string[], why: string): Promise<void> {
  const missing: string[] = [];
  for (const p of packages) if (!(await isInstalled(p))) missing.push(p);
  if (missing.length === 0) return;
  if (!isDebianRoot()) {
    throw new Error(`NetLab needs ${missing.join(', ')} (${why}). Install them, or run as root on Debian.`);
  }
  console.log(`[setup] installing Debian packages ${missing.join(' ')} with apt-get (${why})`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  await runWithProgress('apt-get update', 'apt-get', ['update'], { env });
  await runWithProgress('apt-get install', 'apt-get', ['install', '-y', '--no-install-recommends', ...missing], {
    env,
  });
}
