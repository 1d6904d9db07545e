// `npx tsx scripts/capture-fixtures.ts`: re-captures the grader's unit-test fixtures from a real sandbox.
// It builds the lab state (tests/support/lab-state.ts) and saves what the collector saw, unparsed, to
// tests/fixtures/snapshots/lab.json; the unit tests parse it as the grader would.
import fs from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../lib/config';
import { preparePlatform } from '../lib/platform';
import { createSandbox, destroySandbox } from '../sandbox/sandbox';
import { collectRaw } from '../grader/collect';
import { sandboxPid } from '../grader/snapshot';
import { buildLabState } from '../tests/support/lab-state';

const config = { ...loadConfig(), poolName: 'fixtures' };
const engine = await preparePlatform(config);
const sandbox = await createSandbox(engine.docker, config);
try {
  await buildLabState(engine.docker, sandbox.containerId);
  const raw = await collectRaw(await sandboxPid(engine.docker, sandbox));
  const out = path.join(import.meta.dirname, '..', 'tests', 'fixtures', 'snapshots', 'lab.json');
  fs.writeFileSync(out, JSON.stringify(raw, null, 1) + '\n');
  console.log(`[fixtures] wrote ${path.relative(process.cwd(), out)} (${raw.containers.length} containers, ${raw.namespaces.length} namespaces)`);
} finally {
  await destroySandbox(engine.docker, sandbox.id);
  await engine.stop();
}
