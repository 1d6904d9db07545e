// Everything NetLab needs on the host before it can serve a learner or run a test: the Docker engine, the
// images, and the host tools the grader runs inside sandboxes (with its own netlab-peek). The app, the
// tests, CI and the benchmarks all call this one function.
import type { Config } from '../lib/config';
import { ensureDebianPackages } from '../lib/debian';
import { ensurePeek } from '../grader/peek';
import { ensureEngine, type Engine } from '../sandbox/engine';
import { ensureImages } from '../sandbox/images/build';

/** Host tools the grader enters sandbox namespaces with (never the sandbox's own binaries). */
const GRADER_TOOLS = ['util-linux', 'iproute2', 'iptables', 'iputils-ping', 'curl', 'dnsutils'];

export async function preparePlatform(config: Config): Promise<Engine> {
  const engine = await ensureEngine(config);
  try {
    await ensureImages(engine.docker, config);
    await ensureDebianPackages(GRADER_TOOLS, "the grader's view into sandboxes");
    await ensurePeek(config);
    return engine;
  } catch (err) {
    await engine.stop();
    throw err;
  }
}
