// Sessions of several nodes on real sandboxes: warm sandboxes become the nodes of a session; its nodes reach
// each other on every port and protocol over their private underlay (a VXLAN tunnel across it too) and
// nothing else: not another session's nodes at the very same addresses, not the host, not the outside.
// Every "cannot" stands beside the "can" that shows the test itself works.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UNDERLAY } from '@/sandbox/backend';
import { LABEL_POOL, LABEL_SANDBOX } from '@/sandbox/docker-sandbox';
import { SandboxPool } from '@/sandbox/pool';
import type { Session } from '@/sandbox/session';
import { until } from '../../harness/terminal-client';
import { containerInfo, engineDocker, testBackend, testConfig } from '../support/engine';

const docker = engineDocker();
const config = testConfig('it-session', { NETLAB_POOL_SIZE: '2', NETLAB_MAX_SANDBOXES: '5' });
const backend = testBackend(config, docker);
let pool: SandboxPool;
let a: Session;
let b: Session;

const on = (session: Session, node: number, script: string) => backend.exec(session.nodes[node]!.sandbox, script);

/** A TCP service on a node that answers with its session's letter and node name. */
const serve = (session: Session, node: number, letter: string) =>
  on(session, node, `docker run -d --name answer -p 7000:7000 busybox sh -c 'while true; do echo ${letter}-${session.nodes[node]!.name} | nc -l -p 7000; done' >/dev/null`);

beforeAll(async () => {
  pool = new SandboxPool(backend, config);
  await pool.start();
  await until(() => pool.stats().warm === 2, 120_000, 'two warm sandboxes');
  a = await pool.acquire('learner-a', ['node1', 'node2']);
  b = await pool.acquire('learner-b', ['node1', 'node2']);
  await Promise.all([serve(a, 1, 'A'), serve(b, 1, 'B')]);
});

afterAll(async () => {
  await pool?.stop();
});

describe('a session of two nodes', () => {
  it('is made of warm sandboxes, named after their nodes, counted as two', async () => {
    expect(a.nodes.map((n) => n.name)).toEqual(['node1', 'node2']);
    expect(a.nodes.map((n) => n.sandbox.hostname)).toEqual(['node1', 'node2']);
    const r = await on(a, 1, "hostname; ip -4 -o addr show eth0 | awk '{print $4}'; ip route; grep node /etc/hosts");
    const lines = r.output.trim().split('\n');
    expect(lines.slice(0, 2)).toEqual(['node2', `${UNDERLAY.address(1)}/24`]);
    expect(lines).toContain(`${UNDERLAY.subnet} dev eth0 proto kernel scope link src ${UNDERLAY.address(1)} `);
    expect(lines.filter((l) => l.startsWith('default'))).toEqual([]);
    expect(lines.slice(-2)).toEqual([`${UNDERLAY.address(0)}\tnode1`, `${UNDERLAY.address(1)}\tnode2`]);
    expect(pool.stats()).toMatchObject({ assigned: 4 });
  });

  it('reaches the other node on ICMP, on any TCP port and on the UDP ports of VXLAN and the swarm', async () => {
    const r = await on(a, 0, 'ping -c1 -W1 node2 >/dev/null && echo ping-ok; nc -w 2 node2 7000 </dev/null');
    expect(r.output).toContain('ping-ok');
    expect(r.output).toContain('A-node2');
    for (const port of [4789, 7946]) {
      // node2 listens on the UDP port for one datagram; node1 sends one.
      const listen = on(a, 1, `timeout 5 nc -u -l ${port} | head -c 5`);
      await new Promise((r) => setTimeout(r, 500));
      await on(a, 0, `echo hello | nc -u -w 1 ${UNDERLAY.address(1)} ${port}`);
      expect((await listen).output, `udp ${port}`).toBe('hello');
    }
  });

  it('carries a VXLAN tunnel between the nodes, its packets crossing the underlay on UDP 4789', async () => {
    const tunnel = (session: Session, node: number, peer: number) =>
      on(session, node, `ip link add vx0 type vxlan id 42 remote ${UNDERLAY.address(peer)} dstport 4789 dev eth0 &&
        ip addr add 10.42.0.${node + 1}/24 dev vx0 && ip link set vx0 up`);
    await Promise.all([tunnel(a, 0, 1), tunnel(a, 1, 0)]);
    const capture = on(a, 1, 'timeout 4 tcpdump -ni eth0 -c 2 udp port 4789 2>/dev/null');
    await new Promise((r) => setTimeout(r, 800));
    const ping = await on(a, 0, 'ping -c2 -W1 10.42.0.2');
    expect(ping.output).toContain('2 received');
    expect((await capture).output).toMatch(new RegExp(`IP ${UNDERLAY.address(0).replace(/\./g, '\\.')}\\.\\d+ > ${UNDERLAY.address(1).replace(/\./g, '\\.')}\\.4789: VXLAN`));
  });

  it("reaches its own session's node2, never the other session's at the same address", async () => {
    expect((await on(b, 0, `nc -w 2 ${UNDERLAY.address(1)} 7000 </dev/null`)).output.trim()).toBe('B-node2');
    expect((await on(a, 0, `nc -w 2 ${UNDERLAY.address(1)} 7000 </dev/null`)).output.trim()).toBe('A-node2');
    // Flooded frames stay in their session too: a broadcast from a's node1 reaches a's node2, not b's.
    const seen = (session: Session) => on(session, 1, 'timeout 3 tcpdump -ni eth0 arp 2>/dev/null | grep -c "who-has 172.16.0.99" || true');
    const [inA, inB] = [seen(a), seen(b)];
    await new Promise((r) => setTimeout(r, 800));
    await on(a, 0, 'ping -c1 -W1 172.16.0.99 >/dev/null');
    expect(Number((await inA).output.trim())).toBeGreaterThan(0);
    expect((await inB).output.trim()).toBe('0');
  });

  it('reaches neither the host nor the outside, even with routes added', async () => {
    const gateway = Object.values((await containerInfo(a.nodes[0]!.sandbox, docker)).NetworkSettings.Networks)[0]!.Gateway;
    const r = await on(a, 0, `ip route get 192.0.2.10 2>&1; ip route add default dev eth0
      ping -c1 -W1 ${gateway} >/dev/null && echo REACHED-HOST || echo no-host
      ping -c1 -W1 192.0.2.10 >/dev/null && echo REACHED-OUTSIDE || echo no-outside`);
    expect(r.output).toMatch(/Network is unreachable/);
    expect(r.output).toContain('no-host');
    expect(r.output).toContain('no-outside');
  });

  it("breaks only its own session when a learner downs eth0 or floods the underlay", async () => {
    const flood = on(a, 0, 'timeout 3 ping -f -s 1400 172.16.0.12 >/dev/null 2>&1; true');
    expect((await on(b, 0, 'ping -c 3 -i 0.2 -W 1 172.16.0.12 | tail -2')).output).toContain('3 received');
    await flood;
    await on(a, 1, 'ip link set eth0 down');
    expect((await on(a, 0, 'ping -c1 -W1 172.16.0.12 >/dev/null && echo reached || echo unreachable')).output.trim()).toBe('unreachable');
    expect((await on(b, 0, 'nc -w 2 172.16.0.12 7000 </dev/null')).output.trim()).toBe('B-node2');
  });

  it('is replaced whole on "start over", and its sandboxes go with it', async () => {
    const before = a.nodes.map((n) => n.sandbox.id);
    const fresh = await pool.reset('learner-a', ['node1', 'node2']);
    expect(fresh.nodes.map((n) => n.sandbox.id)).not.toContain(before[0]);
    expect(fresh.nodes.map((n) => n.sandbox.id)).not.toContain(before[1]);
    const left = (await docker.listContainers({ all: true, filters: { label: [`${LABEL_POOL}=it-session`] } })).map((c) => c.Labels[LABEL_SANDBOX]);
    for (const id of before) expect(left).not.toContain(id);
    a = fresh;
  });
});
