// `npx tsx scripts/capture-fixtures.ts`: re-captures the unit tests' fixtures from real sandboxes. It builds
// each state of tests/support/lab-state.ts in a fresh sandbox and saves what the collector saw, unparsed, to
// tests/fixtures/snapshots/<name>.json; the unit tests parse them as the grader would.
import fs from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../lib/config';
import { preparePlatform } from '../lib/platform';
import { DockerBackend } from '../sandbox/docker-backend';
import { collectRaw } from '../grader/collect';
import { buildState, CROWDED_STATE_SCRIPT, LAB_STATE_SCRIPT } from '../tests/support/lab-state';

const STATES = { lab: LAB_STATE_SCRIPT, crowded: CROWDED_STATE_SCRIPT };

const config = { ...loadConfig(), poolName: 'fixtures' };
const engine = await preparePlatform(config);
const backend = new DockerBackend(engine.docker, config);
try {
  for (const [name, script] of Object.entries(STATES)) {
    const sandbox = await backend.create(config.poolName);
    try {
      await buildState(backend, sandbox, script);
      const raw = await collectRaw(await backend.entry(sandbox));
      const out = path.join(import.meta.dirname, '..', 'tests', 'fixtures', 'snapshots', `${name}.json`);
      fs.writeFileSync(out, JSON.stringify(raw, null, 1) + '\n');
      console.log(`[fixtures] wrote ${path.relative(process.cwd(), out)} (${raw.containers.length} containers, ${raw.namespaces.length} namespaces)`);
    } finally {
      await backend.destroy(sandbox.id);
    }
  }
} finally {
  await engine.stop();
}
