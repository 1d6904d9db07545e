// The snapshot → graph model of the topology view, on states captured from real sandboxes.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RawSnapshot } from '@/grader/collect';
import { parseSnapshot } from '@/grader/parse';
import { topologyOf, topologyOfSession, type TopologyGraph } from '@/grader/topology';

const fixture = (name: string) => JSON.parse(fs.readFileSync(path.join(import.meta.dirname, `../fixtures/snapshots/${name}.json`), 'utf8'));
const load = (name: string) => topologyOf(parseSnapshot(fixture(name)));

function wellFormed(g: TopologyGraph) {
  const ids = g.nodes.map((n) => n.id);
  expect(new Set(ids).size).toBe(ids.length);
  for (const id of ids) expect(id).toMatch(/^(host|bridge|veth|vxlan|container|netns|network|port):.+$/);
  for (const e of g.edges) {
    expect(ids).toContain(e.source);
    expect(ids).toContain(e.target);
    expect(e.id).toBe(`${e.source}|${e.target}`);
  }
}

const edgeBetween = (g: TopologyGraph, a: string, b: string) => g.edges.find((e) => (e.source === a && e.target === b) || (e.source === b && e.target === a));

describe('the topology of the lab state', () => {
  const g = load('lab');

  it('is well formed', () => wellFormed(g));

  it("draws each container's cable: bridge → host-side veth → container, with the container's address", () => {
    const ng1 = g.nodes.find((n) => n.id === 'container:ng1')!;
    expect(ng1.lines.join(' ')).toContain('172.17.0.2/16');
    const cable = g.edges.find((e) => e.kind === 'cable' && (e.target === 'container:ng1' || e.source === 'container:ng1'))!;
    const veth = cable.source === 'container:ng1' ? cable.target : cable.source;
    expect(veth).toMatch(/^veth:veth/);
    expect(edgeBetween(g, 'bridge:docker0', veth)?.kind).toBe('port-of');
  });

  it('groups user networks with their bridge, and shows ports, links and namespaces', () => {
    const mynet = g.nodes.find((n) => n.id === 'network:mynet')!;
    expect(mynet.lines).toEqual(['172.30.0.0/24']);
    expect(g.edges.some((e) => e.source === 'network:mynet' && e.target.startsWith('bridge:br-'))).toBe(true);
    expect(edgeBetween(g, 'port:8080/tcp', 'container:ng2')?.kind).toBe('publishes');
    expect(edgeBetween(g, 'container:web', 'container:ng1')?.kind).toBe('link');
    expect(edgeBetween(g, 'veth:veth', 'netns:test01')?.kind).toBe('cable');
    expect(g.nodes.find((n) => n.id === 'netns:test01')!.lines.join()).toContain('172.16.0.111/20');
    expect(g.nodes.some((n) => n.id === 'veth:eth0')).toBe(false); // the sandbox's own uplink
  });
});

describe('the topology of a crowded sandbox', () => {
  const g = load('crowded');

  it('holds 20 containers, 5 networks of its own, 5 namespaces, and stays well formed', () => {
    wellFormed(g);
    expect(g.nodes.filter((n) => n.kind === 'container')).toHaveLength(20);
    expect(g.nodes.filter((n) => n.kind === 'netns')).toHaveLength(5);
    expect(g.nodes.filter((n) => n.kind === 'network').map((n) => n.label).sort()).toEqual(['bridge', 'net1', 'net2', 'net3', 'net4']);
    for (let i = 1; i <= 20; i++) expect(g.edges.some((e) => e.kind === 'cable' && e.target === `container:c${i}`)).toBe(true);
    for (let i = 1; i <= 5; i++) expect(edgeBetween(g, `veth:v${i}`, `netns:ns${i}`)?.kind).toBe('cable');
    expect(edgeBetween(g, 'port:9090/tcp', 'container:c20')).toBeDefined();
  });
});

describe('the topology of a session of two nodes', () => {
  const nodes = Object.entries(fixture('session') as Record<string, RawSnapshot>).map(([name, raw]) => ({ name, snap: parseSnapshot(raw) }));
  const g = topologyOfSession(nodes);
  const node = (id: string) => g.nodes.find((n) => n.id === id);

  it('is well formed', () => wellFormed(g));

  it('draws each node as its own host, named after it, joined to the others by the underlay', () => {
    expect(node('host:node1')).toMatchObject({ kind: 'host', label: 'node1', lines: ['eth0 172.16.0.11/24'] });
    expect(node('host:node2')).toMatchObject({ kind: 'host', label: 'node2', lines: ['eth0 172.16.0.12/24'] });
    expect(node('network:underlay')).toMatchObject({ lines: ['172.16.0.0/24'] });
    for (const host of ['host:node1', 'host:node2']) expect(edgeBetween(g, host, 'network:underlay')?.kind).toBe('cable');
  });

  it("keeps each node's own devices apart, under the node's name", () => {
    expect(node('bridge:node1/docker0')).toBeDefined();
    expect(node('bridge:node2/docker0')).toBeDefined();
    expect(edgeBetween(g, 'host:node1', 'bridge:node1/docker0')).toBeDefined();
    expect(edgeBetween(g, 'host:node1', 'bridge:node2/docker0')).toBeUndefined();
  });

  it('draws the overlay once, with its members on both nodes and its VXLAN device (VNI) on each', () => {
    expect(g.nodes.filter((n) => n.id === 'network:ovnet')).toHaveLength(1);
    const vni = nodes[0]!.snap.networks.find((n) => n.name === 'ovnet')!.vnis[0]!;
    expect(node('network:ovnet')!.lines).toContain(`overlay · VNI ${vni}`);
    expect(edgeBetween(g, 'network:ovnet', 'container:node1/c1')).toBeDefined();
    expect(edgeBetween(g, 'network:ovnet', 'container:node2/c2')).toBeDefined();
    for (const host of ['node1', 'node2']) {
      const device = g.nodes.find((n) => n.kind === 'vxlan' && n.id.startsWith(`vxlan:${host}/1-`) && n.lines.includes(`VNI ${vni}`));
      expect(device, `${host}'s vxlan device of ovnet`).toBeDefined();
      expect(edgeBetween(g, device!.id, 'network:ovnet')).toBeDefined();
    }
  });

  it("draws the learner's own VXLAN device, and the macvlan network on both hosts", () => {
    expect(node('vxlan:node1/vx0')).toMatchObject({ lines: ['VNI 42', 'udp 4789', 'host'] });
    expect(node('network:mv')!.lines).toEqual(['172.16.0.0/24', 'macvlan · eth0']);
    for (const [host, c] of [['host:node1', 'container:node1/m1'], ['host:node2', 'container:node2/m2']]) {
      expect(edgeBetween(g, host!, 'network:mv')).toBeDefined();
      expect(edgeBetween(g, 'network:mv', c!)).toBeDefined();
    }
  });

  it('draws a session of one sandbox exactly as that sandbox', () => {
    const lab = parseSnapshot(fixture('lab'));
    expect(topologyOfSession([{ name: 'lab-123456', snap: lab }])).toEqual(topologyOf(lab));
  });
});
