// The snapshot → graph model of the topology view, on states captured from real sandboxes.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseSnapshot } from '@/grader/parse';
import { topologyOf, type TopologyGraph } from '@/grader/topology';

const load = (name: string) =>
  topologyOf(parseSnapshot(JSON.parse(fs.readFileSync(path.join(import.meta.dirname, `../fixtures/snapshots/${name}.json`), 'utf8'))));

function wellFormed(g: TopologyGraph) {
  const ids = g.nodes.map((n) => n.id);
  expect(new Set(ids).size).toBe(ids.length);
  for (const id of ids) expect(id).toMatch(/^(host|bridge|veth|container|netns|network|port):.+$/);
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
