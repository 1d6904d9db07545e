// Raw state (what `ip -j`, `iptables-save` and the engine's API returned) → the typed snapshot. Pure, so
// that it can be tested on states captured from real sandboxes.
import { z } from 'zod';
import type { RawNamespace, RawSnapshot } from './collect';
import {
  Snapshot,
  type Address,
  type Bridge,
  type Container,
  type DockerNetwork,
  type HostsEntry,
  type Link,
  type NatRule,
  type NatTable,
  type Namespace,
  type PortBinding,
  type Route,
} from './model';

type IpAddrEntry = {
  ifindex: number;
  ifname: string;
  flags?: string[];
  mtu?: number;
  operstate?: string;
  address?: string;
  master?: string;
  link?: string;
  link_index?: number;
  link_netnsid?: number;
  linkinfo?: { info_kind?: string; info_data?: { id?: number; port?: number; local?: string; remote?: string; group?: string; mode?: string; link?: string } };
  addr_info?: { family: string; local: string; prefixlen: number; scope?: string }[];
};
type IpRouteEntry = { dst: string; gateway?: string; dev?: string; protocol?: string; scope?: string; prefsrc?: string };

/** `ip -j -d -batch` prints one JSON document per command: addresses (with link details), then routes. */
export function parseIpBatch(text: string): { links: Link[]; routes: Route[] } {
  const [addrLine, routeLine] = text.split('\n').filter((l) => l.trim().startsWith('['));
  const entries = JSON.parse(addrLine ?? '[]') as IpAddrEntry[];
  const byName = new Map(entries.map((e) => [e.ifname, e.ifindex]));
  const links = entries.map((e): Link => {
    const kind = e.linkinfo?.info_kind ?? 'device';
    const data = e.linkinfo?.info_data;
    const addresses = (e.addr_info ?? [])
      .filter((a) => a.family === 'inet' || a.family === 'inet6')
      .map(
        (a): Address => ({
          family: a.family as Address['family'],
          address: a.local,
          prefixlen: a.prefixlen,
          cidr: `${a.local}/${a.prefixlen}`,
          scope: a.scope,
        }),
      );
    return {
      name: e.ifname,
      ifindex: e.ifindex,
      kind,
      up: (e.flags ?? []).includes('UP'),
      operstate: e.operstate ?? 'UNKNOWN',
      mac: e.address,
      mtu: e.mtu ?? 0,
      master: e.master,
      // A veth's peer in the same namespace is named ("link"); one elsewhere is given by index and namespace
      // id. For a macvlan, "link" is the device it sits on; a vxlan names its device in its own details.
      peerIfindex: kind === 'veth' ? (e.link_index ?? (e.link ? byName.get(e.link) : undefined)) : undefined,
      linkNetnsId: e.link_netnsid,
      parent: kind === 'vxlan' ? data?.link : kind !== 'veth' ? e.link : undefined,
      macvlanMode: kind === 'macvlan' ? data?.mode : undefined,
      vxlan: kind === 'vxlan' && data?.id !== undefined ? { id: data.id, port: data.port, local: data.local, remote: data.remote, group: data.group } : undefined,
      addresses,
    };
  });
  const routes = (JSON.parse(routeLine ?? '[]') as IpRouteEntry[]).map(
    (r): Route => ({ dst: r.dst, gateway: r.gateway, dev: r.dev, protocol: r.protocol, scope: r.scope, prefsrc: r.prefsrc }),
  );
  return { links, routes };
}

function parseNamespace(raw: RawNamespace | undefined, what: string, errors: string[]): Namespace {
  if (!raw) return { inode: 0, links: [], routes: [], error: `${what}: not read` };
  try {
    if (raw.error || raw.ip === undefined) throw new Error(raw.error ?? 'no output');
    return { inode: raw.inode ?? 0, ...parseIpBatch(raw.ip) };
  } catch (err) {
    const error = `${what}: ${(err as Error).message}`;
    errors.push(error);
    return { inode: raw.inode ?? 0, links: [], routes: [], error };
  }
}

function bridgesOf(links: Link[]): Bridge[] {
  return links
    .filter((l) => l.kind === 'bridge')
    .map((b) => ({ name: b.name, ports: links.filter((l) => l.master === b.name).map((l) => l.name) }));
}

/** /etc/hosts text → entries (comments and blank lines dropped). */
export function parseHosts(text: string | undefined): HostsEntry[] {
  if (!text) return [];
  return text
    .split('\n')
    .map((line) => line.replace(/#.*/, '').trim())
    .filter(Boolean)
    .map((line) => {
      const [address, ...names] = line.split(/\s+/);
      return { address: address!, names };
    });
}

/** Splits an iptables-save rule into arguments, keeping quoted strings (comments) whole. */
function splitArgs(spec: string): string[] {
  return [...spec.matchAll(/"((?:[^"\\]|\\.)*)"|(\S+)/g)].map((m) => m[1] ?? m[2]!);
}

/** `iptables-save -t nat` → chains and rules, with the fields checks ask about picked out. */
export function parseNat(text: string): NatTable {
  const chains: string[] = [];
  const rules: NatRule[] = [];
  for (const line of text.split('\n')) {
    if (line.startsWith(':')) chains.push(line.slice(1).split(' ')[0]!);
    if (!line.startsWith('-A ')) continue;
    const args = splitArgs(line);
    const rule: NatRule = { chain: args[1]!, spec: line.slice(`-A ${args[1]} `.length) };
    for (let i = 2; i < args.length; i++) {
      const negated = args[i] === '!';
      const flag = negated ? args[++i] : args[i];
      const value = args[i + 1];
      switch (flag) {
        case '-j':
          rule.target = value;
          break;
        case '--to-destination':
          rule.toDestination = value;
          break;
        case '-s':
          rule.source = value;
          break;
        case '-d':
          rule.destination = value;
          break;
        case '-p':
          rule.protocol = value;
          break;
        case '--dport':
          rule.dport = Number(value);
          break;
        case '-i':
          rule.inInterface = value;
          rule.inInterfaceNegated = negated;
          break;
        case '-o':
          rule.outInterface = value;
          rule.outInterfaceNegated = negated;
          break;
        default:
          continue;
      }
      i++;
    }
    rules.push(rule);
  }
  return { chains, rules };
}

type InspectNetworkEntry = {
  IPAddress?: string;
  IPPrefixLen?: number;
  Gateway?: string;
  MacAddress?: string;
  Aliases?: string[] | null;
  Links?: string[] | null;
};
type ContainerInspect = {
  Id: string;
  Name: string;
  Config: { Image: string; Env?: string[] | null; Labels?: Record<string, string> | null };
  State: { Status: string; Running: boolean; Pid: number };
  HostConfig: {
    NetworkMode: string;
    Links?: string[] | null;
    Dns?: string[] | null;
    DnsSearch?: string[] | null;
    DnsOptions?: string[] | null;
  };
  NetworkSettings: {
    Networks?: Record<string, InspectNetworkEntry> | null;
    Ports?: Record<string, { HostIp: string; HostPort: string }[] | null> | null;
  };
};
type NetworkInspect = {
  Id: string;
  Name: string;
  Driver: string;
  Scope?: string;
  Internal: boolean;
  Attachable?: boolean;
  Options?: Record<string, string> | null;
  IPAM?: { Config?: { Subnet?: string; Gateway?: string; IPRange?: string; AuxiliaryAddresses?: Record<string, string> }[] | null };
  Containers?: Record<string, { Name: string; IPv4Address?: string; MacAddress?: string }> | null;
};

/** HostConfig.Links holds "/ng1:/ng2/db": the linked container, then this container's alias for it. */
function parseLink(link: string): string {
  const [target, alias] = link.split(':');
  return `${target!.replace(/^\//, '')}:${alias!.split('/').pop()}`;
}

function parsePorts(ports: ContainerInspect['NetworkSettings']['Ports']): PortBinding[] {
  return Object.entries(ports ?? {}).flatMap(([key, bindings]) => {
    const [port, protocol] = key.split('/');
    return (bindings ?? []).map((b) => ({
      containerPort: Number(port),
      protocol: (protocol ?? 'tcp') as PortBinding['protocol'],
      hostIp: b.HostIp || '0.0.0.0',
      hostPort: Number(b.HostPort),
    }));
  });
}

function parseContainer(raw: RawSnapshot['containers'][number], errors: string[]): Container {
  const c = raw.inspect as ContainerInspect;
  const name = c.Name.replace(/^\//, '');
  // A running container's real environment; a stopped one's as configured.
  const envList = raw.environ !== undefined ? raw.environ.split('\0').filter(Boolean) : (c.Config.Env ?? []);
  const env = Object.fromEntries(
    envList.map((e) => {
      const eq = e.indexOf('=');
      return eq < 0 ? [e, ''] : [e.slice(0, eq), e.slice(eq + 1)];
    }),
  );
  const networks = Object.entries(c.NetworkSettings.Networks ?? {}).map(([network, n]) => ({
    network,
    ipAddress: n.IPAddress || undefined,
    prefixLen: n.IPPrefixLen || undefined,
    gateway: n.Gateway || undefined,
    mac: n.MacAddress || undefined,
    aliases: n.Aliases ?? [],
    links: n.Links ?? [],
  }));
  return {
    id: c.Id,
    name,
    image: c.Config.Image,
    state: c.State.Status,
    running: c.State.Running,
    pid: c.State.Pid,
    networkMode: c.HostConfig.NetworkMode,
    networks,
    links: (c.HostConfig.Links ?? []).map(parseLink),
    ports: parsePorts(c.NetworkSettings.Ports),
    env,
    dns: { servers: c.HostConfig.Dns ?? [], search: c.HostConfig.DnsSearch ?? [], options: c.HostConfig.DnsOptions ?? [] },
    hostsFile: raw.hostsFile,
    resolvConf: raw.resolvConf,
    hosts: parseHosts(raw.hostsFile),
    netns: raw.netns ? parseNamespace(raw.netns, `container ${name} network`, errors) : undefined,
    labels: c.Config.Labels ?? {},
  };
}

function parseNetwork(n: NetworkInspect, hostLinks: Link[]): DockerNetwork {
  const config = n.IPAM?.Config ?? [];
  const bridge =
    n.Driver !== 'bridge'
      ? undefined
      : (n.Options?.['com.docker.network.bridge.name'] ?? (n.Name === 'bridge' ? 'docker0' : `br-${n.Id.slice(0, 12)}`));
  const gateways = config.map((c) => c.Gateway).filter((g): g is string => !!g);
  // The engine records a gateway only when one was asked for; a bridge network's is its bridge's address.
  if (!gateways.length && bridge) {
    gateways.push(...(hostLinks.find((l) => l.name === bridge)?.addresses ?? []).filter((a) => a.family === 'inet').map((a) => a.address));
  }
  return {
    id: n.Id,
    name: n.Name,
    driver: n.Driver,
    subnets: config.map((c) => c.Subnet).filter((s): s is string => !!s),
    gateways,
    internal: n.Internal,
    bridge,
    members: Object.values(n.Containers ?? {}).map((m) => ({
      container: m.Name,
      ipv4: m.IPv4Address || undefined,
      mac: m.MacAddress || undefined,
    })),
    scope: n.Scope ?? 'local',
    attachable: !!n.Attachable,
    ipRanges: config.map((c) => c.IPRange).filter((r): r is string => !!r),
    auxAddresses: Object.assign({}, ...config.map((c) => c.AuxiliaryAddresses ?? {})) as Record<string, string>,
    vnis: (n.Options?.['com.docker.network.driver.overlay.vxlanid_list'] ?? '').split(',').filter(Boolean).map(Number),
    options: n.Options ?? {},
  };
}

type SwarmInfo = { Swarm?: { LocalNodeState?: string; NodeID?: string; NodeAddr?: string; ControlAvailable?: boolean } };
type NodeEntry = { ID: string; Description?: { Hostname?: string }; Spec?: { Role?: string }; Status?: { State?: string; Addr?: string } };
type ServiceEntry = {
  ID: string;
  Spec: {
    Name: string;
    Mode?: { Replicated?: { Replicas?: number }; Global?: object };
    EndpointSpec?: { Mode?: string; Ports?: { TargetPort: number; PublishedPort?: number; Protocol?: string; PublishMode?: string }[] };
    TaskTemplate?: { Networks?: { Target: string }[] };
  };
};
type TaskEntry = { ID: string; ServiceID: string; NodeID?: string; Slot?: number; DesiredState?: string; Status?: { State?: string; ContainerStatus?: { ContainerID?: string } } };

/** What the engine says of its swarm; a manager's list of services names their networks and their tasks' nodes. */
function parseSwarm(raw: RawSnapshot['swarm'], networks: DockerNetwork[]): Snapshot['swarm'] {
  const info = (raw?.info as SwarmInfo | undefined)?.Swarm;
  const nodes = ((raw?.nodes ?? []) as NodeEntry[]).map((n) => ({
    id: n.ID,
    hostname: n.Description?.Hostname ?? n.ID,
    role: n.Spec?.Role ?? 'worker',
    state: n.Status?.State ?? 'unknown',
    addr: n.Status?.Addr,
  }));
  const tasks = (raw?.tasks ?? []) as TaskEntry[];
  const services = ((raw?.services ?? []) as ServiceEntry[]).map((s) => ({
    id: s.ID,
    name: s.Spec.Name,
    mode: s.Spec.Mode?.Global ? ('global' as const) : ('replicated' as const),
    replicas: s.Spec.Mode?.Replicated?.Replicas,
    endpointMode: s.Spec.EndpointSpec?.Mode ?? 'vip',
    ports: (s.Spec.EndpointSpec?.Ports ?? []).map((p) => ({
      target: p.TargetPort,
      published: p.PublishedPort,
      protocol: p.Protocol ?? 'tcp',
      publishMode: p.PublishMode ?? 'ingress',
    })),
    networks: (s.Spec.TaskTemplate?.Networks ?? []).map((n) => networks.find((x) => x.id === n.Target)?.name ?? n.Target),
    tasks: tasks
      .filter((t) => t.ServiceID === s.ID)
      .map((t) => ({
        id: t.ID,
        slot: t.Slot,
        node: t.NodeID ? (nodes.find((n) => n.id === t.NodeID)?.hostname ?? t.NodeID) : undefined,
        state: t.Status?.State ?? 'unknown',
        desiredState: t.DesiredState ?? 'unknown',
        containerId: t.Status?.ContainerStatus?.ContainerID,
      })),
  }));
  return { state: info?.LocalNodeState || 'inactive', nodeId: info?.NodeID || undefined, nodeAddr: info?.NodeAddr || undefined, manager: !!info?.ControlAvailable, nodes, services };
}

const DestroyEvent = z.object({ Actor: z.object({ ID: z.string(), Attributes: z.record(z.string(), z.string()).default({}) }) });

/** The engine's destroy events: the container's id, and its name and image from the event's attributes. */
function parseRemovals(events: unknown[]): Snapshot['removedContainers'] {
  return events.flatMap((e) => {
    const event = DestroyEvent.safeParse(e);
    if (!event.success || !event.data.Actor.Attributes.name) return [];
    const { ID, Attributes } = event.data.Actor;
    return [{ id: ID, name: Attributes.name!, image: Attributes.image }];
  });
}

export function parseSnapshot(raw: RawSnapshot): Snapshot {
  const errors = [...raw.errors];
  const host = parseNamespace(raw.host, 'sandbox host network', errors);
  let nat: NatTable;
  if (raw.nat.text !== undefined) nat = parseNat(raw.nat.text);
  else {
    errors.push(`nat table: ${raw.nat.error}`);
    nat = { chains: [], rules: [], error: raw.nat.error };
  }
  const networks = (raw.networks as NetworkInspect[]).map((n) => parseNetwork(n, host.links));
  const snapshot = {
    takenAt: raw.takenAt,
    host: { ...host, bridges: bridgesOf(host.links), forwarding: raw.forwarding === undefined ? undefined : raw.forwarding === '1' },
    namespaces: raw.namespaces.map((ns) => ({ name: ns.name, ...parseNamespace(ns, `namespace ${ns.name}`, errors) })),
    overlays: (raw.overlays ?? []).map((ns) => ({ name: ns.name, ...parseNamespace(ns, `overlay namespace ${ns.name}`, errors) })),
    networks,
    containers: raw.containers.map((c) => parseContainer(c, errors)),
    swarm: parseSwarm(raw.swarm, networks),
    removedContainers: parseRemovals(raw.removals ?? []),
    nat,
    errors,
  };
  return Snapshot.parse(snapshot);
}
