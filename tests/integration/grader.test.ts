// The grader on a real sandbox: the snapshot says exactly what the commands built, probes pass and fail
// where they should, checks leave the sandbox unchanged, and a finished command re-checks the current step.
import http from 'node:http';
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkContext, snapshotsOf, type Grader, type StepCheck } from '@/grader/grader';
import { expectRunning } from '@/grader/vocabulary';
import type { Snapshot } from '@/grader/model';
import { Prober } from '@/grader/probes';
import { snapshotOf } from '@/grader/snapshot';
import { EVENTS } from '@/lib/terminal-protocol';
import type { SandboxEntry, SandboxHandle } from '@/sandbox/backend';
import { SandboxPool } from '@/sandbox/pool';
import { prepareSession } from '@/course/setup';
import { startLive } from '@/server/live';
import { AttemptStore } from '@/store/attempts';
import { buildLabState } from '../../harness/lab-state';
import { learnerCookie, learnerIdOf, terminalClient, until } from '../../harness/terminal-client';
import { testBackend, testConfig } from '../support/engine';
import { tempDb } from '../support/temp';

const LEARNER = 0x9a;
const config = testConfig('it-grader');
const backend = testBackend(config);
let pool: SandboxPool;
let sandbox: SandboxHandle;
let entry: SandboxEntry;
let snap: Snapshot;
let probe: Prober;
const sh = (script: string) => backend.exec(sandbox, script);

beforeAll(async () => {
  pool = new SandboxPool(backend, config);
  await pool.start();
  sandbox = (await pool.acquire(learnerIdOf(LEARNER))).nodes[0]!.sandbox;
  await buildLabState(backend, sandbox);
  entry = await backend.entry(sandbox);
  snap = await snapshotOf(entry);
  probe = new Prober([{ name: sandbox.hostname, pid: entry.pid, snap }]);
});

afterAll(async () => {
  await pool?.stop();
});

describe('the snapshot of a state built with commands', () => {
  it('says exactly what was built', () => {
    expect(snap.errors).toEqual([]);
    const c = Object.fromEntries(snap.containers.map((x) => [x.name, x]));
    expect(Object.keys(c).sort()).toEqual(['n1', 'ng1', 'ng2', 'other', 'web']);
    expect(c.ng1!.networks.map((n) => [n.network, n.ipAddress])).toEqual([['bridge', '172.17.0.2']]);
    expect(c.web!.networks.map((n) => [n.network, n.ipAddress])).toEqual([['bridge', '172.17.0.3']]);
    expect(c.ng2!.networks.map((n) => [n.network, n.ipAddress, n.gateway])).toEqual([['mynet', '172.30.0.2', '172.30.0.1']]);
    expect(c.other!.networks.map((n) => [n.network, n.ipAddress])).toEqual([['othernet', '172.31.0.2']]);
    expect(c.n1!.networkMode).toBe('none');
    expect(c.web!.links).toEqual(['ng1:db']);
    expect(c.web!.env).toMatchObject({ GREETING: 'hello', DB_PORT: 'tcp://172.17.0.2:80', DB_NAME: '/web/db' });
    expect(c.web!.hosts).toContainEqual({ address: '172.17.0.2', names: expect.arrayContaining(['db', 'ng1']) });
    expect(c.ng2!.ports).toEqual([{ containerPort: 80, protocol: 'tcp', hostIp: '0.0.0.0', hostPort: 8080 }]);
    expect(snap.nat.rules.filter((r) => r.target === 'DNAT')).toEqual([
      expect.objectContaining({ chain: 'DOCKER', dport: 8080, toDestination: '172.30.0.2:80' }),
    ]);
    expect(snap.networks.find((n) => n.name === 'mynet')).toMatchObject({ subnets: ['172.30.0.0/24'], gateways: ['172.30.0.1'] });
    expect(snap.namespaces.map((n) => n.name)).toEqual(['test01', 'test02']);
    const veth001 = snap.namespaces[0]!.links.find((l) => l.name === 'veth001')!;
    expect(veth001.addresses.find((a) => a.family === 'inet')!.cidr).toBe('172.16.0.111/20');
    expect(snap.host.links.find((l) => l.name === 'veth')!.addresses.map((a) => a.cidr)).toContain('172.16.0.112/20');
  });

  it('matches namespaces to containers by inode, as the sandbox itself sees them', async () => {
    const r = await sh("stat -L -c %i /proc/$(docker inspect -f '{{.State.Pid}}' ng1)/ns/net; stat -L -c %i /run/netns/test01");
    const [ng1Inode, test01Inode] = r.output.trim().split('\n').map(Number);
    expect(snap.containers.find((c) => c.name === 'ng1')!.netns!.inode).toBe(ng1Inode);
    expect(snap.namespaces[0]!.inode).toBe(test01Inode);
  });

  it('still stands when a container has stopped: that part says so, the rest is whole', async () => {
    await sh('docker stop -t 0 n1');
    const after = await snapshotOf(entry);
    const n1 = after.containers.find((c) => c.name === 'n1')!;
    expect(n1).toMatchObject({ running: false, state: 'exited', pid: 0 });
    expect(n1.netns).toBeUndefined();
    expect(after.containers.filter((c) => c.running)).toHaveLength(4);
    await sh('docker start n1');
  });

  it("gives a check a container's output: nginx logs who fetched its page", async () => {
    const ctx = checkContext([{ name: 'node1', entry }], await snapshotsOf([{ name: 'node1', entry }]));
    const before = (await ctx.logs('ng1')) ?? '';
    expect(before).not.toMatch(/^172\.17\.0\.1 .*"GET \/netlab-log-test/m);
    await sh('curl -s -o /dev/null http://172.17.0.2/netlab-log-test');
    const after = await ctx.logs('ng1');
    expect(after).toMatch(/^172\.17\.0\.1 - - \[.*\] "GET \/netlab-log-test HTTP\/1\.1" 404 /m);
    expect(await ctx.logs('no-such-container')).toBeUndefined();
  });
});

describe('probes', () => {
  it('ping: from the host to a container, from a namespace to the host side; not across user networks', async () => {
    expect((await probe.ping({ host: true }, '172.17.0.2')).ok).toBe(true);
    expect((await probe.ping({ netns: 'test01' }, '172.16.0.112')).ok).toBe(true);
    expect((await probe.ping({ container: 'web' }, '172.17.0.2')).ok).toBe(true);
    const across = await probe.ping({ container: 'ng2' }, '172.31.0.2');
    expect(across.ok).toBe(false);
    expect((await probe.ping({ netns: 'test02' }, '172.16.0.112')).ok).toBe(false); // no interface there
  });

  it('http: the welcome page, and a refusal where nothing listens', async () => {
    const page = await probe.http({ host: true }, 'http://172.30.0.2/');
    expect(page).toMatchObject({ ok: true, status: 200 });
    expect(page.body).toContain('Welcome to nginx!');
    expect((await probe.http({ host: true }, 'http://127.0.0.1:8080/')).ok).toBe(true); // the published port
    expect((await probe.http({ host: true }, 'http://172.17.0.3/')).ok).toBe(false); // busybox serves nothing
  });

  it("http: a name in the URL resolves as the container's programs resolve it", async () => {
    const linked = await probe.http({ container: 'web' }, 'http://db/'); // --link ng1:db, in web's /etc/hosts
    expect(linked).toMatchObject({ ok: true, status: 200 });
    expect(linked.body).toContain('Welcome to nginx!');
    const elsewhere = await probe.http({ container: 'other' }, 'http://ng2/'); // ng2 is on another network
    expect(elsewhere.ok).toBe(false);
    expect(elsewhere.output).toContain('cannot resolve ng2');
  });

  it("dns: a user network's embedded DNS resolves names there, not on the default bridge", async () => {
    const self = await probe.dns({ container: 'ng2' }, 'ng2');
    expect(self).toMatchObject({ ok: true, addresses: ['172.30.0.2'] });
    expect((await probe.dns({ container: 'ng2' }, 'other')).ok).toBe(false);
    expect((await probe.dns({ container: 'web' }, 'ng1')).ok).toBe(false);
  });

  it('refuses places that do not exist, without throwing', async () => {
    expect(await probe.ping({ container: 'ghost' }, '172.17.0.2')).toMatchObject({ ok: false, output: expect.stringContaining('ghost') });
    expect((await probe.ping({ netns: 'nowhere' }, '172.17.0.2')).ok).toBe(false);
  });

  it('leave the sandbox as they found it', async () => {
    const after = await snapshotOf(entry);
    const shape = (s: Snapshot) => ({
      containers: s.containers.map((c) => c.name).sort(),
      namespaces: s.namespaces.map((n) => n.name),
      hostLinks: s.host.links.map((l) => l.name).sort(),
      networks: s.networks.map((n) => n.name).sort(),
    });
    expect(shape(after)).toEqual(shape(snap));
  });
});

describe('the grader service', () => {
  let server: http.Server;
  let base: string;
  const store = new AttemptStore(tempDb('grader'));
  const checks: Record<string, StepCheck> = {
    'run-ng9': ({ snap: s }) => expectRunning(s, 'ng9'),
    'slow': () => new Promise(() => {}),
  };

  let grader: Grader;

  beforeAll(async () => {
    server = http.createServer();
    ({ grader } = startLive(server, {
      pool,
      attempts: store,
      resolveStep: (lesson, step) => (lesson === 'test' && checks[step] ? { run: checks[step], quiz: false } : undefined),
      // The learner is on run-ng9 until it passes.
      currentStep: (learner, lesson) => (store.passed(learner).get(lesson)?.has('run-ng9') ? undefined : 'run-ng9'),
      prepareLesson: (session, lesson) => prepareSession(backend, session, lesson, []),
    }));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as net.AddressInfo).port}`;
  });
  afterAll(() => server?.close());

  it('checks on request, and by itself when a command finishes; every result is an attempt', async () => {
    const t = terminalClient(base, learnerCookie(LEARNER));
    const verdicts: { step: string; verdict: { pass: boolean; message: { en: string } } }[] = [];
    t.socket.on(EVENTS.verdict, (v) => verdicts.push(v));
    t.socket.emit(EVENTS.open, { cols: 100, rows: 30, lesson: 'test' });
    await until(() => t.state === 'ready', 30_000, 'ready');

    t.socket.emit(EVENTS.check, { lesson: 'test', step: 'run-ng9' });
    await until(() => verdicts.length === 1, 10_000, 'verdict for check now');
    expect(verdicts[0]).toMatchObject({ step: 'run-ng9', verdict: { pass: false, message: { en: 'There is no container named ng9 yet.' } } });

    // The server knows the current step: a finished command re-checks it, with one snapshot that also
    // feeds the map.
    const graphs: { nodes: { label: string }[] }[] = [];
    t.socket.on(EVENTS.topology, (g) => graphs.push(g));
    const before = verdicts.length;
    const snapshots = grader.snapshotsTaken;
    t.type('docker run -d --name ng9 nginx\r');
    await until(() => verdicts.slice(before).some((v) => v.verdict.pass), 20_000, 'automatic passing verdict');
    await until(() => graphs.some((g) => g.nodes.some((n) => n.label === 'ng9')), 5_000, 'the map shows ng9');
    expect(grader.snapshotsTaken - snapshots).toBe(1);

    // Commands apart (past the debounce): one snapshot each, each a new map. A pasted burst: one in all.
    const graphsBefore = graphs.length;
    const apart = grader.snapshotsTaken;
    for (let i = 0; i < 3; i++) {
      t.type('true\r');
      await until(() => grader.snapshotsTaken === apart + i + 1, 5_000, `snapshot after command ${i + 1}`);
    }
    await until(() => graphs.length === graphsBefore + 3, 5_000, 'three maps');
    const burst = grader.snapshotsTaken;
    t.type('true\rtrue\rtrue\r');
    await until(() => grader.snapshotsTaken > burst, 5_000, 'snapshot after the burst');
    await new Promise((r) => setTimeout(r, 600));
    expect(grader.snapshotsTaken).toBe(burst + 1);

    t.socket.emit(EVENTS.solutionOpened, { lesson: 'test', step: 'run-ng9' });
    await until(() => store.solutionViews(learnerIdOf(LEARNER), 'test').length === 1, 5_000, 'solution view recorded');
    expect(store.solutionViews(learnerIdOf(LEARNER), 'test')).toEqual(['run-ng9']);

    const attempts = store.forLearner(learnerIdOf(LEARNER), 'test');
    expect(attempts[0]).toMatchObject({ step: 'run-ng9', pass: false, message: { en: 'There is no container named ng9 yet.', zh: '还没有名为 ng9 的容器。' } });
    expect(attempts.at(-1)).toMatchObject({ step: 'run-ng9', pass: true });
    t.close();
  });

  it('answers an unknown step and a check that hangs with a failed verdict, and keeps serving', async () => {
    const t = terminalClient(base, learnerCookie(LEARNER));
    const verdicts: { step: string; verdict: { pass: boolean; message: { en: string }; details?: { timeout?: boolean } } }[] = [];
    t.socket.on(EVENTS.verdict, (v) => verdicts.push(v));
    await until(() => t.socket.connected, 5_000, 'connected');
    t.socket.emit(EVENTS.check, { lesson: 'test', step: 'nope' });
    t.socket.emit(EVENTS.check, { lesson: 'test', step: 'slow' });
    t.socket.emit(EVENTS.check, { lesson: '../etc', step: 'x' }); // malformed: ignored
    await until(() => verdicts.length === 2, 10_000, 'two verdicts');
    expect(verdicts.find((v) => v.step === 'nope')!.verdict.message.en).toBe('There is no step nope in lesson test.');
    expect(verdicts.find((v) => v.step === 'slow')!.verdict).toMatchObject({ pass: false, details: { timeout: true } });
    t.close();
  });
});
