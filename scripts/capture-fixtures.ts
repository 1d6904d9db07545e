// `npx tsx scripts/capture-fixtures.ts`: re-captures the unit tests' fixtures from real sandboxes. It builds
// each state of tests/support/lab-state.ts in a fresh sandbox and saves what the collector saw, unparsed, to
// tests/fixtures/snapshots/<name>.json; the unit tests parse them as the grader would.
import fs from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../lib/config';
import { preparePlatform } from '../lib/platform';
import { createSandbox, destroySandbox } from '../sandbox/sandbox';
import { collectRaw } from '../grader/collect';
import { sandboxPid } from '../grader/snapshot';
import { buildState, CROWDED_STATE_SCRIPT, LAB_STATE_SCRIPT } from '../tests/support/lab-state';

const STATES = { lab: LAB_STATE_SCRIPT, crowded: CROWDED_STATE_SCRIPT };

const config = { ...loadConfig(), poolName: 'fixtures' };
const engine = await preparePlatform(config);
try {
  for (const [name, script] of Object.entries(STATES)) {
    const sandbox = await createSandbox(engine.docker, config);
    try {
      await buildState(engine.docker, sandbox.containerId, script);
      const raw = await collectRaw(await sandboxPid(engine.docker, sandbox));
      const out = path.join(import.meta.dirname, '..', 'tests', 'fixtures', 'snapshots', `${name}.json`);
      fs.writeFileSync(out, JSON.stringify(raw, null, 1) + '\n');
      console.log(`[fixtures] wrote ${path.relative(process.cwd(), out)} (${raw.containers.length} containers, ${raw.namespaces.length} namespaces)`);
    } finally {
      await destroySandbox(engine.docker, sandbox.id);
    }
  }
} finally {
  await engine.stop();
}
