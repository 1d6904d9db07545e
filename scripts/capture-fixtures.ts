// `npx tsx scripts/capture-fixtures.ts`: re-captures the unit tests' fixtures from real sandboxes. It builds
// each state of harness/lab-state.ts in a fresh sandbox (the session state in a fresh session of two
// nodes) and saves what the collector saw, unparsed, to tests/fixtures/snapshots/<name>.json; the unit tests
// parse them as the grader would.
import fs from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../lib/config';
import { preparePlatform } from '../server/platform';
import { runCommands } from '../course/commands';
import { DockerBackend } from '../sandbox/docker-backend';
import { makeSession } from '../sandbox/session';
import { collectRaw } from '../grader/collect';
import { sessionEntries } from '../grader/snapshot';
import { buildState, CROWDED_STATE_SCRIPT, LAB_STATE_SCRIPT, SESSION_STATE } from '../harness/lab-state';

const STATES = { lab: LAB_STATE_SCRIPT, crowded: CROWDED_STATE_SCRIPT };

const config = { ...loadConfig(), poolName: 'fixtures' };
const engine = await preparePlatform(config);
const backend = new DockerBackend(engine.docker, config);
const save = (name: string, raw: unknown, what: string) => {
  const out = path.join(import.meta.dirname, '..', 'tests', 'fixtures', 'snapshots', `${name}.json`);
  fs.writeFileSync(out, JSON.stringify(raw, null, 1) + '\n');
  console.log(`[fixtures] wrote ${path.relative(process.cwd(), out)} (${what})`);
};
try {
  for (const [name, script] of Object.entries(STATES)) {
    const sandbox = await backend.create(config.poolName);
    try {
      await buildState(backend, sandbox, script);
      const raw = await collectRaw(await backend.entry(sandbox));
      save(name, raw, `${raw.containers.length} containers, ${raw.namespaces.length} namespaces`);
    } finally {
      await backend.destroy(sandbox.id);
    }
  }
  const sandboxes = await Promise.all([backend.create(config.poolName), backend.create(config.poolName)]);
  try {
    const session = await makeSession(backend, sandboxes, ['node1', 'node2']);
    const problem = await runCommands(backend, session, SESSION_STATE, 'the session state');
    if (problem) throw new Error(problem);
    const nodes = await sessionEntries(backend, session);
    const raw = Object.fromEntries(await Promise.all(nodes.map(async (n) => [n.name, await collectRaw(n.entry)] as const)));
    save('session', raw, `nodes ${Object.keys(raw).join(', ')}`);
  } finally {
    await Promise.all(sandboxes.map((s) => backend.destroy(s.id)));
  }
} finally {
  await engine.stop();
}
