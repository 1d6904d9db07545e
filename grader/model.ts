// The sandbox's network state as typed data: what one snapshot holds. Every snapshot is validated against
// these schemas, so a check can rely on every field it reads.
import { z } from 'zod';

export const Address = z.object({
  family: z.enum(['inet', 'inet6']),
  address: z.string(),
  prefixlen: z.number().int(),
  /** "192.168.0.5/24" */
  cidr: z.string(),
  scope: z.string().optional(),
});
export type Address = z.infer<typeof Address>;

export const Link = z.object({
  name: z.string(),
  ifindex: z.number().int(),
  /** veth, bridge, dummy…; "device" for a plain device such as lo or a NIC. */
  kind: z.string(),
  up: z.boolean(),
  operstate: z.string(),
  mac: z.string().optional(),
  mtu: z.number().int(),
  /** The bridge this interface is a port of. */
  master: z.string().optional(),
  /** For a veth: its peer's ifindex (in the namespace named by linkNetnsId when that is set). */
  peerIfindex: z.number().int().optional(),
  linkNetnsId: z.number().int().optional(),
  /** For a macvlan or vxlan: the device it sits on (in this namespace, or in the one linkNetnsId names). */
  parent: z.string().optional(),
  /** For a macvlan: its mode (bridge, private, vepa, passthru). */
  macvlanMode: z.string().optional(),
  /** For a vxlan: its network identifier (VNI), its UDP port and where it sends. */
  vxlan: z
    .object({ id: z.number().int(), port: z.number().int().optional(), local: z.string().optional(), remote: z.string().optional(), group: z.string().optional() })
    .optional(),
  addresses: z.array(Address),
});
export type Link = z.infer<typeof Link>;

export const Route = z.object({
  dst: z.string(),
  gateway: z.string().optional(),
  dev: z.string().optional(),
  protocol: z.string().optional(),
  scope: z.string().optional(),
  prefsrc: z.string().optional(),
});
export type Route = z.infer<typeof Route>;

/** One network namespace: the sandbox host's own, a named one (`ip netns`), or a container's. */
export const Namespace = z.object({
  /** Namespace inode: the same number means the same namespace. */
  inode: z.number().int(),
  links: z.array(Link),
  routes: z.array(Route),
  /** Set when this part could not be read (the snapshot still holds the rest). */
  error: z.string().optional(),
});
export type Namespace = z.infer<typeof Namespace>;

export const NamedNamespace = Namespace.extend({ name: z.string() });
export type NamedNamespace = z.infer<typeof NamedNamespace>;

export const Bridge = z.object({ name: z.string(), ports: z.array(z.string()) });
export type Bridge = z.infer<typeof Bridge>;

export const ContainerNetwork = z.object({
  network: z.string(),
  ipAddress: z.string().optional(),
  prefixLen: z.number().int().optional(),
  gateway: z.string().optional(),
  mac: z.string().optional(),
  aliases: z.array(z.string()),
  links: z.array(z.string()),
});
export type ContainerNetwork = z.infer<typeof ContainerNetwork>;

export const PortBinding = z.object({
  containerPort: z.number().int(),
  protocol: z.enum(['tcp', 'udp', 'sctp']),
  hostIp: z.string(),
  hostPort: z.number().int(),
});
export type PortBinding = z.infer<typeof PortBinding>;

export const HostsEntry = z.object({ address: z.string(), names: z.array(z.string()) });
export type HostsEntry = z.infer<typeof HostsEntry>;

export const Container = z.object({
  id: z.string(),
  name: z.string(),
  image: z.string(),
  state: z.string(),
  running: z.boolean(),
  /** PID inside the sandbox (0 when not running). */
  pid: z.number().int(),
  /** bridge, host, none, container:<id>, or a network name. */
  networkMode: z.string(),
  networks: z.array(ContainerNetwork),
  /** --link entries, as "name:alias". */
  links: z.array(z.string()),
  ports: z.array(PortBinding),
  /** The environment of its process (with --link's variables); a stopped container's as configured. */
  env: z.record(z.string(), z.string()),
  dns: z.object({ servers: z.array(z.string()), search: z.array(z.string()), options: z.array(z.string()) }),
  /** The text of the container's /etc/hosts and /etc/resolv.conf (absent when unreadable). */
  hostsFile: z.string().optional(),
  resolvConf: z.string().optional(),
  hosts: z.array(HostsEntry),
  /** Its network namespace as seen inside it (absent when not running). */
  netns: Namespace.optional(),
  /** Its labels (a swarm task's name its service, task and node). */
  labels: z.record(z.string(), z.string()).default({}),
});
export type Container = z.infer<typeof Container>;

export const NetworkMember = z.object({
  container: z.string(),
  ipv4: z.string().optional(),
  mac: z.string().optional(),
});
export const DockerNetwork = z.object({
  id: z.string(),
  name: z.string(),
  driver: z.string(),
  subnets: z.array(z.string()),
  gateways: z.array(z.string()),
  internal: z.boolean(),
  /** The Linux bridge behind a bridge network (docker0, br-<id>). */
  bridge: z.string().optional(),
  members: z.array(NetworkMember),
  /** local, or swarm for an overlay network that spans the swarm's nodes. */
  scope: z.string().default('local'),
  /** Whether standalone containers may join it (an overlay network made with --attachable). */
  attachable: z.boolean().default(false),
  /** The --ip-range of each subnet, where one was given. */
  ipRanges: z.array(z.string()).default([]),
  /** The addresses --aux-address reserved (never given to a container), by name. */
  auxAddresses: z.record(z.string(), z.string()).default({}),
  /** An overlay network's VXLAN identifiers (VNI). */
  vnis: z.array(z.number().int()).default([]),
  /** The driver's options as the engine records them (e.g. a macvlan network's parent). */
  options: z.record(z.string(), z.string()).default({}),
});
export type DockerNetwork = z.infer<typeof DockerNetwork>;

export const SwarmTask = z.object({
  id: z.string(),
  slot: z.number().int().optional(),
  /** The host name of the node the task was given to. */
  node: z.string().optional(),
  state: z.string(),
  desiredState: z.string(),
  containerId: z.string().optional(),
});
export const SwarmService = z.object({
  id: z.string(),
  name: z.string(),
  mode: z.enum(['replicated', 'global']),
  replicas: z.number().int().optional(),
  /** vip or dnsrr. */
  endpointMode: z.string(),
  ports: z.array(z.object({ target: z.number().int(), published: z.number().int().optional(), protocol: z.string(), publishMode: z.string() })),
  /** The names of the networks its tasks join. */
  networks: z.array(z.string()),
  tasks: z.array(SwarmTask),
});
export type SwarmService = z.infer<typeof SwarmService>;
export const SwarmNode = z.object({ id: z.string(), hostname: z.string(), role: z.string(), state: z.string(), addr: z.string().optional() });
/** The engine's swarm, as this node sees it; a manager also sees its nodes, services and their tasks. */
export const Swarm = z.object({
  /** inactive, pending, active, error or locked. */
  state: z.string(),
  nodeId: z.string().optional(),
  nodeAddr: z.string().optional(),
  manager: z.boolean(),
  nodes: z.array(SwarmNode),
  services: z.array(SwarmService),
});
export type Swarm = z.infer<typeof Swarm>;

export const NatRule = z.object({
  chain: z.string(),
  /** The rule as iptables-save prints it, without "-A <chain>". */
  spec: z.string(),
  target: z.string().optional(),
  /** For DNAT: "ip:port"; for MASQUERADE/SNAT the source subnet in `source`. */
  toDestination: z.string().optional(),
  source: z.string().optional(),
  destination: z.string().optional(),
  protocol: z.string().optional(),
  dport: z.number().int().optional(),
  inInterface: z.string().optional(),
  inInterfaceNegated: z.boolean().optional(),
  outInterface: z.string().optional(),
  outInterfaceNegated: z.boolean().optional(),
});
export type NatRule = z.infer<typeof NatRule>;

export const NatTable = z.object({
  chains: z.array(z.string()),
  rules: z.array(NatRule),
  error: z.string().optional(),
});
export type NatTable = z.infer<typeof NatTable>;

/** A container the engine removed: its name when it went (the engine forgets all but its last 256 events). */
export const RemovedContainer = z.object({ id: z.string(), name: z.string(), image: z.string().optional() });

export const Snapshot = z.object({
  takenAt: z.string(),
  host: Namespace.extend({
    bridges: z.array(Bridge),
    /** Whether the sandbox host forwards IPv4 between its interfaces (net.ipv4.ip_forward); absent when unreadable. */
    forwarding: z.boolean().optional(),
  }),
  namespaces: z.array(NamedNamespace),
  /** The namespaces Docker keeps for its overlay networks, each named "1-" and the network's id's start. */
  overlays: z.array(NamedNamespace).default([]),
  networks: z.array(DockerNetwork),
  containers: z.array(Container),
  swarm: Swarm.default({ state: 'inactive', manager: false, nodes: [], services: [] }),
  /** Containers removed since the engine started, oldest first. */
  removedContainers: z.array(RemovedContainer).default([]),
  nat: NatTable,
  /** Parts that could not be read, each with why: the rest of the snapshot stands. */
  errors: z.array(z.string()),
});
export type Snapshot = z.infer<typeof Snapshot>;
