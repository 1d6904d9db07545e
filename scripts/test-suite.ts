// The whole test suite, as `npm test` and CI run it: prepares what the tests need (the Docker engine, the
// images, Debian's Chromium), runs each step, stops whatever it started, and ends with one summary line.
import fs from 'node:fs';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { loadConfig } from '../lib/config';
import { ensureDebianPackages } from '../lib/debian';
import { preparePlatform } from '../server/platform';
import type { Engine } from '../sandbox/engine';
import { LABEL_POOL, removeByLabel } from '../sandbox/docker-sandbox';
import { loadReportProblems } from '../harness/load-report';
import { APP, DEV } from '../harness/e2e-servers';

type Counts = { passed: number; failed: number };

const config = loadConfig();
const reports = path.join(config.dataDir, 'reports');
fs.mkdirSync(reports, { recursive: true });

function step(name: string, cmd: string, args: string[], env: Record<string, string> = {}): Promise<number> {
  console.log(`\n[test] ── ${name}: ${cmd} ${args.join(' ')}`);
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, ...env } });
    child.on('close', (code) => resolve(code ?? 1));
    child.on('error', () => resolve(127));
  });
}

function vitestCounts(file: string): Counts {
  if (!fs.existsSync(file)) return { passed: 0, failed: 1 };
  const r = JSON.parse(fs.readFileSync(file, 'utf8'));
  return { passed: r.numPassedTests ?? 0, failed: (r.numFailedTests ?? 0) + (r.success === false && !r.numFailedTests ? 1 : 0) };
}

function playwrightCounts(file: string): Counts {
  if (!fs.existsSync(file)) return { passed: 0, failed: 1 };
  const s = JSON.parse(fs.readFileSync(file, 'utf8')).stats ?? {};
  return { passed: (s.expected ?? 0) + (s.flaky ?? 0), failed: s.unexpected ?? 0 };
}

/** The end of a server's log, for a failed step: CI keeps only what the suite prints. */
function showLogTail(file: string, lines = 60): void {
  if (!fs.existsSync(file)) return;
  const tail = fs.readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines);
  console.log(`\n[test] the last ${tail.length} lines of ${path.relative(process.cwd(), file)}:\n${tail.join('\n')}`);
}

async function main(): Promise<number> {
  const started = Date.now();
  let engine: Engine | undefined;
  const total: Counts = { passed: 0, failed: 0 };
  const add = (c: Counts) => {
    total.passed += c.passed;
    total.failed += c.failed;
  };
  const failedSteps: string[] = [];
  try {
    engine = await preparePlatform(config);
    console.log(`[test] Docker engine: ${engine.host}${engine.startedHere ? ' (started for this run)' : ''}`);
    await ensureDebianPackages(['chromium', 'fonts-wqy-zenhei'], 'end-to-end tests in a real browser, with Chinese glyphs');

    if ((await step('typecheck', 'npx', ['tsc', '--noEmit'])) !== 0) failedSteps.push('typecheck');
    // The layers import only downward (.dependency-cruiser.cjs).
    const layers = await step('import graph', 'npm', ['run', '-s', 'deps']);
    add(layers === 0 ? { passed: 1, failed: 0 } : { passed: 0, failed: 1 });
    if (layers !== 0) failedSteps.push('import graph');

    for (const project of ['unit', 'integration']) {
      const out = path.join(reports, `${project}.json`);
      fs.rmSync(out, { force: true });
      const code = await step(project, 'npx', [
        'vitest', 'run', '--project', project, '--reporter=default', '--reporter=json', `--outputFile.json=${out}`,
      ]);
      add(vitestCounts(out));
      if (code !== 0) failedSteps.push(project);
    }

    const verify = await step('lessons:verify', 'npx', ['tsx', 'scripts/verify-lessons.ts']);
    add(verify === 0 ? { passed: 1, failed: 0 } : { passed: 0, failed: 1 });
    if (verify !== 0) failedSteps.push('lessons:verify');

    if ((await step('build', 'npm', ['run', 'build'])) !== 0) failedSteps.push('build');
    else {
      const out = path.join(reports, 'e2e.json');
      fs.rmSync(out, { force: true });
      const code = await step('e2e', 'npx', ['playwright', 'test'], { PLAYWRIGHT_JSON_OUTPUT_NAME: out });
      add(playwrightCounts(out));
      // The servers left their learners' sandboxes for a next start to adopt; the run is over.
      for (const { pool } of [APP, DEV]) await removeByLabel(engine.docker, { [LABEL_POOL]: pool });
      if (code !== 0) {
        failedSteps.push('e2e');
        showLogTail(path.join(config.dataDir, 'logs', 'e2e-server.log'));
      }

      // A small class through the load tool: its report must have the right shape and no error.
      const report = path.join(reports, 'load.json');
      fs.rmSync(report, { force: true });
      const loadCode = await step('load', 'npx', ['tsx', 'scripts/load.ts', '--learners', '3', '--minutes', '1', '--ramp', '5']);
      const problems = loadCode === 2 || !fs.existsSync(report) ? ['the load tool did not finish'] : loadReportProblems(JSON.parse(fs.readFileSync(report, 'utf8')));
      for (const p of problems) console.error(`[test] load: ${p}`);
      add(problems.length ? { passed: 0, failed: 1 } : { passed: 1, failed: 0 });
      if (problems.length) {
        failedSteps.push('load');
        showLogTail(path.join(config.dataDir, 'logs', 'load-server.log'));
      }
    }
  } catch (err) {
    console.error('[test] could not prepare the suite:', err instanceof Error ? err.message : err);
    failedSteps.push('setup');
  } finally {
    await engine?.stop();
  }
  const minutes = ((Date.now() - started) / 60000).toFixed(1);
  console.log(`\n[test] finished in ${minutes} min${failedSteps.length ? `; failed steps: ${failedSteps.join(', ')}` : ''}`);
  console.log(`${total.passed} passed, ${total.failed} failed`);
  return failedSteps.length === 0 && total.failed === 0 ? 0 : 1;
}

main().then((code) => process.exit(code));
