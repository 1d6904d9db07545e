// Helpers for lesson authors: small, typed questions about a snapshot ("which bridge is veth1234 on?"),
// and verdicts for the checks lessons ask most, worded for the learner in English and Chinese.
import type { Container, DockerNetwork, HostsEntry, Link, NamedNamespace, Namespace, NatRule, PortBinding, Snapshot } from './model';
import { fail, pass, type Verdict } from './verdict';

/**
 * Where a network interface lives: the sandbox host, a named namespace (`ip netns`), or a container; in a
 * multi-host lesson, on the node named (by default the first).
 */
export type Place = ({ host: true } | { netns: string } | { container: string }) & { node?: string };

export function describePlace(place: Place): string {
  const on = place.node ? ` on ${place.node}` : '';
  if ('host' in place) return place.node ? `host ${place.node}` : 'the sandbox host';
  if ('netns' in place) return `namespace ${place.netns}${on}`;
  return `container ${place.container}${on}`;
}
function describePlaceZh(place: Place): string {
  const on = place.node ? `（${place.node} 上）` : '';
  if ('host' in place) return place.node ? `主机 ${place.node}` : '沙箱主机';
  if ('netns' in place) return `命名空间 ${place.netns}${on}`;
  return `容器 ${place.container}${on}`;
}

// ── Finding things ──────────────────────────────────────────────────────────────────────────────────────

export const container = (snap: Snapshot, name: string): Container | undefined => snap.containers.find((c) => c.name === name);
export const network = (snap: Snapshot, name: string): DockerNetwork | undefined => snap.networks.find((n) => n.name === name);
export const namedNamespace = (snap: Snapshot, name: string): NamedNamespace | undefined =>
  snap.namespaces.find((n) => n.name === name);
export const link = (ns: Namespace | undefined, name: string): Link | undefined => ns?.links.find((l) => l.name === name);

/** The namespace a place stands for (a container's only while it runs). */
export function namespaceOf(snap: Snapshot, place: Place): Namespace | undefined {
  if ('host' in place) return snap.host;
  if ('netns' in place) return namedNamespace(snap, place.netns);
  return container(snap, place.container)?.netns;
}

/** Every namespace of the snapshot once (a container in host mode shares the host's), host first. */
export function allNamespaces(snap: Snapshot): { place: Place; ns: Namespace }[] {
  const seen = new Set<number>();
  const all: { place: Place; ns: Namespace }[] = [];
  const add = (place: Place, ns: Namespace | undefined) => {
    if (!ns || (ns.inode && seen.has(ns.inode))) return;
    seen.add(ns.inode);
    all.push({ place, ns });
  };
  add({ host: true }, snap.host);
  for (const n of snap.namespaces) add({ netns: n.name }, n);
  for (const c of snap.containers) add({ container: c.name }, c.netns);
  return all;
}

export const networksOf = (c: Container): string[] => c.networks.map((n) => n.network);

/** The container's IPv4 address on a network (by default, its first). */
export function addressOn(c: Container, networkName?: string): string | undefined {
  return (networkName ? c.networks.find((n) => n.network === networkName) : c.networks[0])?.ipAddress;
}

function ipv4(address: string): number | null {
  const m = /^(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(address.split('/')[0]!);
  if (!m) return null;
  const parts = m.slice(1).map(Number);
  if (parts.some((p) => p > 255)) return null;
  return ((parts[0]! << 24) | (parts[1]! << 16) | (parts[2]! << 8) | parts[3]!) >>> 0;
}

/** Whether an IPv4 address (bare or with a prefix) lies in a subnet such as 172.17.0.0/16. */
export function inSubnet(address: string, cidr: string): boolean {
  const [base, bitsText] = cidr.split('/');
  const a = ipv4(address);
  const b = ipv4(base!);
  const bits = Number(bitsText ?? 32);
  if (a === null || b === null || !(bits >= 0 && bits <= 32)) return false;
  const mask = bits === 0 ? 0 : (~0 << (32 - bits)) >>> 0;
  return (a & mask) === (b & mask);
}

/** Whether an address can be given to an interface of a subnet: in it, and neither its network nor its broadcast address. */
export function isHostAddress(address: string, cidr: string): boolean {
  const a = ipv4(address);
  const bits = Number(cidr.split('/')[1] ?? 32);
  if (a === null || !inSubnet(address, cidr)) return false;
  if (bits >= 31) return true;
  const host = a & (2 ** (32 - bits) - 1);
  return host !== 0 && host !== 2 ** (32 - bits) - 1;
}

/** The bridge an interface is a port of (`ip link set … master`, `brctl addif` alike). */
export const bridgeOf = (ns: Namespace | undefined, linkName: string): string | undefined => link(ns, linkName)?.master;

export const bridgePorts = (ns: Namespace, bridge: string): string[] => ns.links.filter((l) => l.master === bridge).map((l) => l.name);

/**
 * The other end of a veth pair, wherever it is: in the same namespace, or in another one (matched by the
 * pair's ifindexes pointing at each other, as `ip link` shows them: veth1@if7 ↔ eth0@if8).
 */
export function vethPeer(snap: Snapshot, place: Place, linkName: string): { place: Place; link: Link } | undefined {
  const ns = namespaceOf(snap, place);
  const end = link(ns, linkName);
  if (!ns || !end || end.kind !== 'veth' || end.peerIfindex === undefined) return undefined;
  if (end.linkNetnsId === undefined) {
    const peer = ns.links.find((l) => l.ifindex === end.peerIfindex);
    return peer ? { place, link: peer } : undefined;
  }
  for (const other of allNamespaces(snap)) {
    if (other.ns.inode === ns.inode) continue;
    const peer = other.ns.links.find((l) => l.kind === 'veth' && l.ifindex === end.peerIfindex && l.peerIfindex === end.ifindex);
    if (peer) return { place: other.place, link: peer };
  }
  return undefined;
}

export const publishedPorts = (c: Container): PortBinding[] => c.ports;
export const publishedPort = (c: Container, containerPort: number, protocol: PortBinding['protocol'] = 'tcp') =>
  c.ports.find((p) => p.containerPort === containerPort && p.protocol === protocol);

/** The /etc/hosts line that names `name`, if any. */
export const hostsEntry = (c: Container, name: string): HostsEntry | undefined => c.hosts.find((h) => h.names.includes(name));

export function natRules(snap: Snapshot, filter: Partial<Pick<NatRule, 'chain' | 'target' | 'dport' | 'protocol'>>): NatRule[] {
  return snap.nat.rules.filter((r) => Object.entries(filter).every(([k, v]) => r[k as keyof NatRule] === v));
}

// ── Verdicts ────────────────────────────────────────────────────────────────────────────────────────────

/** The container exists and runs; its failure says which of the two is missing. */
export function expectRunning(snap: Snapshot, name: string): Verdict {
  const c = container(snap, name);
  if (!c)
    return fail(
      { en: `There is no container named ${name} yet.`, zh: `还没有名为 ${name} 的容器。` },
      { en: `Start it with docker run --name ${name} …, then check with docker ps.`, zh: `用 docker run --name ${name} … 启动它，再用 docker ps 确认。` },
    );
  if (!c.running)
    return fail(
      { en: `${name} exists but is not running (${c.state}).`, zh: `${name} 存在，但没有在运行（${c.state}）。` },
      { en: `docker ps -a shows why; docker start ${name} starts it again.`, zh: `docker ps -a 可以看到原因；docker start ${name} 可以重新启动它。` },
    );
  return pass({ en: `${name} is running.`, zh: `${name} 正在运行。` });
}

/** The container is attached to the network (it may be attached to others too). */
export function expectOnNetwork(snap: Snapshot, name: string, networkName: string): Verdict {
  const running = expectRunning(snap, name);
  if (!running.pass) return running;
  const nets = networksOf(container(snap, name)!);
  if (nets.includes(networkName))
    return pass({ en: `${name} is attached to ${networkName}.`, zh: `${name} 已连接到 ${networkName}。` });
  const now = nets.length ? nets.map((n) => `\`${n}\``).join(', ') : 'no network';
  const nowZh = nets.length ? nets.map((n) => `\`${n}\``).join('、') : '任何网络';
  return fail(
    {
      en: `${name} is running but is attached only to ${now}, not to \`${networkName}\`.`,
      zh: `${name} 正在运行，但只连接到 ${nowZh}，没有连接到 \`${networkName}\`。`,
    },
    {
      en: `docker network connect ${networkName} ${name} attaches a running container; docker inspect ${name} shows its networks.`,
      zh: `docker network connect ${networkName} ${name} 可以把运行中的容器接入该网络；docker inspect ${name} 可以查看它的网络。`,
    },
  );
}

/** The interface exists at the place and is administratively up. */
export function expectLinkUp(snap: Snapshot, place: Place, linkName: string): Verdict {
  const l = link(namespaceOf(snap, place), linkName);
  const where = describePlace(place);
  const whereZh = describePlaceZh(place);
  if (!l)
    return fail(
      { en: `There is no interface ${linkName} in ${where}.`, zh: `${whereZh}中没有接口 ${linkName}。` },
      { en: `List the interfaces there with ip link.`, zh: `用 ip link 查看那里的接口。` },
    );
  if (!l.up)
    return fail(
      { en: `${linkName} in ${where} is down.`, zh: `${whereZh}中的 ${linkName} 处于 down 状态。` },
      { en: `ip link set ${linkName} up brings it up.`, zh: `用 ip link set ${linkName} up 启用它。` },
    );
  return pass({ en: `${linkName} in ${where} is up.`, zh: `${whereZh}中的 ${linkName} 已启用。` });
}

/** The interface carries exactly this address with this prefix (e.g. 172.16.0.111/20). */
export function expectAddress(snap: Snapshot, place: Place, linkName: string, cidr: string): Verdict {
  const l = link(namespaceOf(snap, place), linkName);
  const where = describePlace(place);
  const whereZh = describePlaceZh(place);
  if (!l) return expectLinkUp(snap, place, linkName);
  if (l.addresses.some((a) => a.cidr === cidr))
    return pass({ en: `${linkName} in ${where} has ${cidr}.`, zh: `${whereZh}中的 ${linkName} 已配置 ${cidr}。` });
  const have = l.addresses.filter((a) => a.family === 'inet').map((a) => a.cidr);
  const sameIp = have.find((a) => a.split('/')[0] === cidr.split('/')[0]);
  return fail(
    sameIp
      ? {
          en: `${linkName} in ${where} has ${sameIp}: the address is right but the prefix should be /${cidr.split('/')[1]}.`,
          zh: `${whereZh}中的 ${linkName} 配置的是 ${sameIp}：地址对了，但前缀应为 /${cidr.split('/')[1]}。`,
        }
      : {
          en: `${linkName} in ${where} has ${have.length ? have.join(', ') : 'no IPv4 address'}, not ${cidr}.`,
          zh: `${whereZh}中的 ${linkName} 配置的是 ${have.length ? have.join('、') : '空（没有 IPv4 地址）'}，而不是 ${cidr}。`,
        },
    { en: `ip addr add ${cidr} dev ${linkName} adds it (ip addr del removes a wrong one).`, zh: `用 ip addr add ${cidr} dev ${linkName} 添加（ip addr del 可删除错误的地址）。` },
  );
}

/** The interface is a port of the bridge, however it was attached. */
export function expectOnBridge(snap: Snapshot, place: Place, linkName: string, bridge: string): Verdict {
  const ns = namespaceOf(snap, place);
  const l = link(ns, linkName);
  const where = describePlace(place);
  const whereZh = describePlaceZh(place);
  if (!l) return expectLinkUp(snap, place, linkName);
  if (l.master === bridge)
    return pass({ en: `${linkName} is attached to ${bridge}.`, zh: `${linkName} 已接入网桥 ${bridge}。` });
  return fail(
    l.master
      ? { en: `${linkName} in ${where} is attached to ${l.master}, not to ${bridge}.`, zh: `${whereZh}中的 ${linkName} 接在 ${l.master} 上，而不是 ${bridge}。` }
      : { en: `${linkName} in ${where} is not attached to any bridge.`, zh: `${whereZh}中的 ${linkName} 还没有接入任何网桥。` },
    { en: `ip link set ${linkName} master ${bridge} (or brctl addif ${bridge} ${linkName}) attaches it.`, zh: `用 ip link set ${linkName} master ${bridge}（或 brctl addif ${bridge} ${linkName}）接入。` },
  );
}
