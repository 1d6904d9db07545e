// The snapshot model, parsed from a state captured in a real sandbox (scripts/capture-fixtures.ts builds
// harness/lab-state.ts there and saves what the collector saw).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RawSnapshot } from '@/grader/collect';
import { parseHosts, parseNat, parseSnapshot } from '@/grader/parse';

const raw: RawSnapshot = JSON.parse(
  fs.readFileSync(path.join(import.meta.dirname, '../fixtures/snapshots/lab.json'), 'utf8'),
);
const snap = parseSnapshot(raw);
const byName = (name: string) => snap.containers.find((c) => c.name === name)!;

describe('a snapshot of the lab state', () => {
  it('has no failed parts', () => {
    expect(snap.errors).toEqual([]);
    expect(Date.parse(snap.takenAt)).not.toBeNaN();
  });

  it("reads the sandbox host's links, addresses, routes and bridges", () => {
    const docker0 = snap.host.links.find((l) => l.name === 'docker0')!;
    expect(docker0).toMatchObject({ kind: 'bridge', up: true, mtu: 1500 });
    expect(docker0.mac).toMatch(/^02:42:/);
    expect(docker0.addresses).toEqual([{ family: 'inet', address: '172.17.0.1', prefixlen: 16, cidr: '172.17.0.1/16', scope: 'global' }]);
    const veth = snap.host.links.find((l) => l.name === 'veth')!;
    expect(veth).toMatchObject({ kind: 'veth', up: true, linkNetnsId: expect.any(Number), peerIfindex: expect.any(Number) });
    expect(veth.addresses.map((a) => a.cidr)).toContain('172.16.0.112/20');
    const docker0Ports = snap.host.bridges.find((b) => b.name === 'docker0')!.ports;
    expect(docker0Ports).toHaveLength(2); // ng1 and web
    for (const port of docker0Ports) expect(snap.host.links.find((l) => l.name === port)).toMatchObject({ kind: 'veth', master: 'docker0' });
    expect(snap.host.routes).toContainEqual(expect.objectContaining({ dst: '172.17.0.0/16', dev: 'docker0', prefsrc: '172.17.0.1' }));
    expect(snap.host.routes).toContainEqual(expect.objectContaining({ dst: '172.16.0.0/20', dev: 'veth' }));
    expect(snap.host.inode).toBeGreaterThan(0);
  });

  it('reads every named namespace with its identity, links and addresses', () => {
    expect(snap.namespaces.map((n) => n.name)).toEqual(['test01', 'test02']);
    const [test01, test02] = snap.namespaces;
    expect(test01!.inode).not.toBe(test02!.inode);
    expect(test01!.inode).not.toBe(snap.host.inode);
    const veth001 = test01!.links.find((l) => l.name === 'veth001')!;
    expect(veth001).toMatchObject({ kind: 'veth', up: true, linkNetnsId: 0 });
    expect(veth001.addresses.find((a) => a.family === 'inet')?.cidr).toBe('172.16.0.111/20');
    expect(test02!.links.map((l) => l.name)).toEqual(['lo']);
  });

  it('reads every Docker network with subnet, gateway, bridge and members', () => {
    const nets = Object.fromEntries(snap.networks.map((n) => [n.name, n]));
    expect(Object.keys(nets).sort()).toEqual(['bridge', 'host', 'mynet', 'none', 'othernet']);
    expect(nets.bridge).toMatchObject({ driver: 'bridge', bridge: 'docker0', subnets: ['172.17.0.0/16'], gateways: ['172.17.0.1'], internal: false });
    expect(nets.bridge!.members.map((m) => `${m.container}=${m.ipv4}`).sort()).toEqual(['ng1=172.17.0.2/16', 'web=172.17.0.3/16']);
    expect(nets.mynet).toMatchObject({ subnets: ['172.30.0.0/24'], gateways: ['172.30.0.1'], auxAddresses: { router: '172.30.0.254' } });
    expect(nets.mynet!.bridge).toBe(`br-${nets.mynet!.id.slice(0, 12)}`);
    expect(nets.mynet!.members).toEqual([{ container: 'ng2', ipv4: '172.30.0.2/24', mac: '02:42:ac:1e:00:02' }]);
    expect(nets.host).toMatchObject({ driver: 'host', bridge: undefined });
  });

  it('knows whether the host forwards IPv4, and which containers the engine removed', () => {
    expect(snap.host.forwarding).toBe(true);
    expect(snap.removedContainers).toEqual([{ id: expect.stringMatching(/^[0-9a-f]{64}$/), name: 'gone', image: 'busybox' }]);
  });

  it('reads every container: state, network mode and networks, links, ports, env, DNS, files and its own namespace', () => {
    expect(snap.containers.map((c) => c.name).sort()).toEqual(['n1', 'ng1', 'ng2', 'other', 'web']);
    const ng2 = byName('ng2');
    expect(ng2).toMatchObject({ image: 'nginx', state: 'running', running: true, networkMode: 'mynet' });
    expect(ng2.pid).toBeGreaterThan(0);
    expect(ng2.networks).toEqual([
      { network: 'mynet', ipAddress: '172.30.0.2', prefixLen: 24, gateway: '172.30.0.1', mac: '02:42:ac:1e:00:02', aliases: [ng2.id.slice(0, 12)], links: [] },
    ]);
    expect(ng2.ports).toEqual([{ containerPort: 80, protocol: 'tcp', hostIp: '0.0.0.0', hostPort: 8080 }]);
    expect(ng2.resolvConf).toContain('nameserver 127.0.0.11');
    expect(ng2.netns!.links.find((l) => l.name === 'eth0')!.addresses[0]!.cidr).toBe('172.30.0.2/24');
    expect(ng2.netns!.routes).toContainEqual(expect.objectContaining({ dst: 'default', gateway: '172.30.0.1', dev: 'eth0' }));

    const web = byName('web');
    expect(web.networkMode).toBe('default');
    expect(web.links).toEqual(['ng1:db']);
    expect(web.env.GREETING).toBe('hello');
    expect(web.env.DB_PORT).toBe('tcp://172.17.0.2:80');
    expect(web.hostsFile).toMatch(/^172\.17\.0\.2\tdb /m);
    expect(web.hosts).toContainEqual({ address: '172.17.0.2', names: expect.arrayContaining(['db', 'ng1']) });
    expect(web.dns).toEqual({ servers: [], search: [], options: [] });

    const n1 = byName('n1');
    expect(n1.networkMode).toBe('none');
    expect(n1.netns!.links.map((l) => l.name)).toEqual(['lo']);
    expect(new Set(snap.containers.map((c) => c.netns!.inode)).size).toBe(5);
  });

  it('reads the nat table: chains, DNAT and MASQUERADE rules', () => {
    expect(snap.nat.chains).toEqual(['PREROUTING', 'INPUT', 'OUTPUT', 'POSTROUTING', 'DOCKER']);
    const dnat = snap.nat.rules.filter((r) => r.target === 'DNAT');
    expect(dnat).toHaveLength(1);
    expect(dnat[0]).toMatchObject({ chain: 'DOCKER', protocol: 'tcp', dport: 8080, toDestination: '172.30.0.2:80', inInterfaceNegated: true });
    expect(snap.nat.rules).toContainEqual(
      expect.objectContaining({ chain: 'POSTROUTING', target: 'MASQUERADE', source: '172.17.0.0/16', outInterface: 'docker0', outInterfaceNegated: true }),
    );
  });
});

describe('a part that cannot be read', () => {
  it('degrades that part only, and says which', () => {
    const broken: RawSnapshot = {
      ...raw,
      namespaces: [{ name: 'gone', error: 'No such file or directory' }, ...raw.namespaces],
      nat: { error: 'iptables-save: timed out after 2000 ms' },
      errors: ['container old: no such container'],
    };
    const s = parseSnapshot(broken);
    expect(s.errors).toEqual([
      'container old: no such container',
      'nat table: iptables-save: timed out after 2000 ms',
      'namespace gone: No such file or directory',
    ]);
    expect(s.namespaces.find((n) => n.name === 'gone')).toMatchObject({ links: [], error: 'namespace gone: No such file or directory' });
    expect(s.nat).toMatchObject({ rules: [], error: 'iptables-save: timed out after 2000 ms' });
    expect(s.containers).toHaveLength(5);
    expect(s.host.links.length).toBeGreaterThan(3);
  });
});

describe('text parsers', () => {
  it('parses /etc/hosts, ignoring comments and blank lines', () => {
    expect(parseHosts('# comment\n127.0.0.1\tlocalhost\n\n172.17.0.2 db ng1 # linked\n')).toEqual([
      { address: '127.0.0.1', names: ['localhost'] },
      { address: '172.17.0.2', names: ['db', 'ng1'] },
    ]);
    expect(parseHosts(undefined)).toEqual([]);
  });

  it('keeps quoted comments whole in nat rules', () => {
    const t = parseNat('*nat\n:PREROUTING ACCEPT [0:0]\n-A PREROUTING -p udp -m udp --dport 53 -m comment --comment "a b" -j DNAT --to-destination 10.0.0.1:53\nCOMMIT\n');
    expect(t.rules).toEqual([
      { chain: 'PREROUTING', spec: '-p udp -m udp --dport 53 -m comment --comment "a b" -j DNAT --to-destination 10.0.0.1:53', protocol: 'udp', dport: 53, target: 'DNAT', toDestination: '10.0.0.1:53' },
    ]);
  });
});

describe('a node of a swarm, as parsed', () => {
  const raw = JSON.parse(fs.readFileSync(path.join(import.meta.dirname, '../fixtures/snapshots/session.json'), 'utf8'));
  const [node1, node2] = [parseSnapshot(raw.node1), parseSnapshot(raw.node2)];

  it("knows the swarm: node1 manages it at its underlay address and sees both nodes; node2 is a worker", () => {
    expect(node1.errors).toEqual([]);
    expect(node1.swarm).toMatchObject({ state: 'active', manager: true, nodeAddr: '172.16.0.11' });
    expect(node1.swarm.nodes.map((n) => [n.hostname, n.role, n.state]).sort()).toEqual([['node1', 'manager', 'ready'], ['node2', 'worker', 'ready']]);
    expect(node2.swarm).toMatchObject({ state: 'active', manager: false, nodeAddr: '172.16.0.12', services: [] });
  });

  it("knows the service's mode, network and tasks, each with the node it runs on", () => {
    const web = node1.swarm.services.find((s) => s.name === 'web')!;
    expect(web).toMatchObject({ mode: 'replicated', replicas: 2, endpointMode: 'dnsrr', networks: ['ovnet'] });
    expect(web.tasks.filter((t) => t.state === 'running').map((t) => t.node).sort()).toEqual(['node1', 'node2']);
    expect(web.tasks.map((t) => t.slot).sort()).toEqual([1, 2]);
  });

  it("knows the overlay (swarm scope, attachable, its VNI), the macvlan (parent, range) and the VXLAN devices", () => {
    const ovnet = node1.networks.find((n) => n.name === 'ovnet')!;
    expect(ovnet).toMatchObject({ driver: 'overlay', scope: 'swarm', attachable: true });
    expect(ovnet.vnis).toHaveLength(1);
    const overlayDevice = node1.overlays.flatMap((ns) => ns.links).find((l) => l.vxlan?.id === ovnet.vnis[0]);
    expect(overlayDevice).toMatchObject({ kind: 'vxlan', vxlan: { port: 4789 } });
    expect(node1.host.links.find((l) => l.name === 'vx0')).toMatchObject({ kind: 'vxlan', parent: 'eth0', vxlan: { id: 42, port: 4789, remote: '172.16.0.12' } });
    expect(node2.networks.find((n) => n.name === 'mv')).toMatchObject({ driver: 'macvlan', subnets: ['172.16.0.0/24'], ipRanges: ['172.16.0.48/28'], options: { parent: 'eth0' } });
    const m2 = node2.containers.find((c) => c.name === 'm2')!;
    expect(m2.netns!.links.find((l) => l.name === 'eth0')).toMatchObject({ kind: 'macvlan', macvlanMode: 'bridge' });
  });
});
