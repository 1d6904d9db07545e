// Every author helper, where it finds what it looks for and where it does not, on the captured lab state.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import * as h from '@/grader/vocabulary';
import { parseSnapshot } from '@/grader/parse';

const snap = parseSnapshot(JSON.parse(fs.readFileSync(path.join(import.meta.dirname, '../fixtures/snapshots/lab.json'), 'utf8')));
const ng1 = h.container(snap, 'ng1')!;
const ng2 = h.container(snap, 'ng2')!;
const web = h.container(snap, 'web')!;
const mynetBridge = h.network(snap, 'mynet')!.bridge!;

describe('finding things', () => {
  it('container, network, namedNamespace, link', () => {
    expect(ng1.name).toBe('ng1');
    expect(h.container(snap, 'ng9')).toBeUndefined();
    expect(h.network(snap, 'mynet')?.subnets).toEqual(['172.30.0.0/24']);
    expect(h.network(snap, 'my-network')).toBeUndefined();
    expect(h.namedNamespace(snap, 'test01')?.name).toBe('test01');
    expect(h.namedNamespace(snap, 'test03')).toBeUndefined();
    expect(h.link(snap.host, 'docker0')?.kind).toBe('bridge');
    expect(h.link(snap.host, 'docker1')).toBeUndefined();
  });

  it('namespaceOf and allNamespaces', () => {
    expect(h.namespaceOf(snap, { host: true })).toBe(snap.host);
    expect(h.namespaceOf(snap, { netns: 'test02' })?.inode).toBe(snap.namespaces[1]!.inode);
    expect(h.namespaceOf(snap, { container: 'ng1' })).toBe(ng1.netns);
    expect(h.namespaceOf(snap, { container: 'ng9' })).toBeUndefined();
    const all = h.allNamespaces(snap);
    expect(all).toHaveLength(1 + 2 + 5);
    expect(all[0]!.place).toEqual({ host: true });
    expect(new Set(all.map((n) => n.ns.inode)).size).toBe(all.length);
  });

  it('networksOf and addressOn', () => {
    expect(h.networksOf(ng2)).toEqual(['mynet']);
    expect(h.networksOf(h.container(snap, 'n1')!)).toEqual(['none']);
    expect(h.addressOn(ng2)).toBe('172.30.0.2');
    expect(h.addressOn(ng2, 'mynet')).toBe('172.30.0.2');
    expect(h.addressOn(ng2, 'bridge')).toBeUndefined();
  });

  it('inSubnet', () => {
    expect(h.inSubnet('172.17.0.2', '172.17.0.0/16')).toBe(true);
    expect(h.inSubnet('172.16.0.111/20', '172.16.0.0/20')).toBe(true);
    expect(h.inSubnet('172.18.0.2', '172.17.0.0/16')).toBe(false);
    expect(h.inSubnet('172.16.16.1', '172.16.0.0/20')).toBe(false);
    expect(h.inSubnet('not-an-ip', '172.17.0.0/16')).toBe(false);
    expect(h.inSubnet('10.0.0.1', '0.0.0.0/0')).toBe(true);
  });

  it('bridgeOf and bridgePorts', () => {
    const port = h.bridgePorts(snap.host, 'docker0')[0]!;
    expect(h.bridgeOf(snap.host, port)).toBe('docker0');
    expect(h.bridgeOf(snap.host, 'veth')).toBeUndefined();
    expect(h.bridgePorts(snap.host, mynetBridge)).toHaveLength(1);
    expect(h.bridgePorts(snap.host, 'br-nothing')).toEqual([]);
  });

  it("vethPeer finds the other end across namespaces, and in a container's", () => {
    expect(h.vethPeer(snap, { host: true }, 'veth')).toMatchObject({ place: { netns: 'test01' }, link: { name: 'veth001' } });
    expect(h.vethPeer(snap, { netns: 'test01' }, 'veth001')).toMatchObject({ place: { host: true }, link: { name: 'veth' } });
    const hostSide = h.vethPeer(snap, { container: 'ng1' }, 'eth0')!;
    expect(hostSide.place).toEqual({ host: true });
    expect(hostSide.link.master).toBe('docker0');
    expect(h.vethPeer(snap, hostSide.place, hostSide.link.name)).toMatchObject({ place: { container: 'ng1' }, link: { name: 'eth0' } });
    expect(h.vethPeer(snap, { host: true }, 'docker0')).toBeUndefined(); // a bridge has no peer
    expect(h.vethPeer(snap, { container: 'n1' }, 'eth0')).toBeUndefined();
  });

  it('publishedPorts and publishedPort', () => {
    expect(h.publishedPorts(ng2)).toEqual([{ containerPort: 80, protocol: 'tcp', hostIp: '0.0.0.0', hostPort: 8080 }]);
    expect(h.publishedPort(ng2, 80)?.hostPort).toBe(8080);
    expect(h.publishedPort(ng2, 80, 'udp')).toBeUndefined();
    expect(h.publishedPorts(ng1)).toEqual([]);
  });

  it('hostsEntry', () => {
    expect(h.hostsEntry(web, 'db')?.address).toBe('172.17.0.2');
    expect(h.hostsEntry(ng1, 'web')).toBeUndefined(); // --link is one way
  });

  it('natRules', () => {
    expect(h.natRules(snap, { target: 'DNAT', dport: 8080 })).toHaveLength(1);
    expect(h.natRules(snap, { target: 'DNAT', dport: 9090 })).toEqual([]);
    expect(h.natRules(snap, { chain: 'POSTROUTING', target: 'MASQUERADE' }).length).toBeGreaterThanOrEqual(3);
  });
});

describe('verdicts', () => {
  it('expectRunning', () => {
    expect(h.expectRunning(snap, 'ng1').pass).toBe(true);
    const missing = h.expectRunning(snap, 'ng9');
    expect(missing).toMatchObject({ pass: false, message: { en: 'There is no container named ng9 yet.', zh: '还没有名为 ng9 的容器。' } });
    expect(missing.hint?.en).toContain('docker run --name ng9');
  });

  it('expectOnNetwork says where the container is instead', () => {
    expect(h.expectOnNetwork(snap, 'ng2', 'mynet').pass).toBe(true);
    const v = h.expectOnNetwork(snap, 'ng1', 'my-network');
    expect(v.pass).toBe(false);
    expect(v.message.en).toBe('ng1 is running but is attached only to `bridge`, not to `my-network`.');
    expect(v.message.zh).toBe('ng1 正在运行，但只连接到 `bridge`，没有连接到 `my-network`。');
    expect(h.expectOnNetwork(snap, 'ng9', 'mynet').message.en).toContain('no container named ng9');
  });

  it('expectLinkUp', () => {
    expect(h.expectLinkUp(snap, { netns: 'test01' }, 'veth001').pass).toBe(true);
    expect(h.expectLinkUp(snap, { netns: 'test01' }, 'lo')).toMatchObject({ pass: false, message: { en: 'lo in namespace test01 is down.' } });
    expect(h.expectLinkUp(snap, { netns: 'test02' }, 'veth001').message.en).toBe('There is no interface veth001 in namespace test02.');
  });

  it('expectAddress tells a wrong prefix from a wrong address', () => {
    expect(h.expectAddress(snap, { netns: 'test01' }, 'veth001', '172.16.0.111/20').pass).toBe(true);
    expect(h.expectAddress(snap, { netns: 'test01' }, 'veth001', '172.16.0.111/24').message.en).toContain('the address is right but the prefix should be /24');
    const wrong = h.expectAddress(snap, { host: true }, 'veth', '172.16.0.113/20');
    expect(wrong.pass).toBe(false);
    expect(wrong.message.en).toBe('veth in the sandbox host has 172.16.0.112/20, not 172.16.0.113/20.');
  });

  it('expectOnBridge', () => {
    const port = h.bridgePorts(snap.host, 'docker0')[0]!;
    expect(h.expectOnBridge(snap, { host: true }, port, 'docker0').pass).toBe(true);
    expect(h.expectOnBridge(snap, { host: true }, port, mynetBridge).message.en).toBe(`${port} in the sandbox host is attached to docker0, not to ${mynetBridge}.`);
    expect(h.expectOnBridge(snap, { host: true }, 'veth', 'br0').message.en).toBe('veth in the sandbox host is not attached to any bridge.');
  });
});
