// The sandbox's network as a graph, for the live topology view: nodes are the sandbox host, its bridges,
// host-side veths and VXLAN devices, containers, named namespaces, Docker networks and published ports;
// edges are the cables (veth pairs), bridge ports, network membership, and the --link and shared-namespace
// relations. A multi-host session's graph holds each node's, joined by the underlay and by the overlay and
// macvlan networks that span the nodes. Pure: snapshots in, graph out.
import { UNDERLAY } from '../sandbox/backend';
import { allNamespaces, type Place } from './vocabulary';
import type { Snapshot } from './model';

export type NodeKind = 'host' | 'bridge' | 'veth' | 'vxlan' | 'container' | 'netns' | 'network' | 'port';
export type EdgeKind = 'cable' | 'port-of' | 'member' | 'link' | 'shares' | 'publishes' | 'contains';

export type TopologyNode = {
  /** "<kind>:<name>", e.g. container:ng1 or bridge:docker0 (a contract of the view). */
  id: string;
  kind: NodeKind;
  label: string;
  /** Lines under the label: addresses, interfaces, state. */
  lines: string[];
  details: Record<string, string>;
};
export type TopologyEdge = { id: string; source: string; target: string; kind: EdgeKind };
export type TopologyGraph = { nodes: TopologyNode[]; edges: TopologyEdge[] };

/** Drivers whose networks have no bridge on the host and may span a session's nodes. */
const SPANNING_DRIVERS = ['overlay', 'macvlan'];

const placeNode = (place: Place): string =>
  'host' in place ? 'host:sandbox' : 'netns' in place ? `netns:${place.netns}` : `container:${place.container}`;

export function topologyOf(snap: Snapshot): TopologyGraph {
  const nodes = new Map<string, TopologyNode>();
  const edges = new Map<string, TopologyEdge>();
  const addNode = (n: TopologyNode) => nodes.set(n.id, n);
  const addEdge = (source: string, target: string, kind: EdgeKind) => {
    if (!nodes.has(source) || !nodes.has(target) || source === target) return;
    const id = `${source}|${target}`;
    if (!edges.has(id) && !edges.has(`${target}|${source}`)) edges.set(id, { id, source, target, kind });
  };
  const inet = (addresses: { family: string; cidr: string }[]) => addresses.filter((a) => a.family === 'inet').map((a) => a.cidr);

  const uplink = snap.host.links.find((l) => l.name === 'eth0');
  addNode({
    id: 'host:sandbox',
    kind: 'host',
    label: 'sandbox host',
    lines: uplink ? [`eth0 ${inet(uplink.addresses).join(' ')}`] : [],
    details: { namespace: String(snap.host.inode), interfaces: snap.host.links.map((l) => l.name).join(', ') },
  });

  for (const bridge of snap.host.links.filter((l) => l.kind === 'bridge')) {
    addNode({
      id: `bridge:${bridge.name}`,
      kind: 'bridge',
      label: bridge.name,
      lines: [...inet(bridge.addresses), bridge.up ? 'UP' : 'DOWN'],
      details: { mac: bridge.mac ?? '', mtu: String(bridge.mtu), ports: snap.host.links.filter((l) => l.master === bridge.name).map((l) => l.name).join(', ') || '(none)' },
    });
    addEdge('host:sandbox', `bridge:${bridge.name}`, 'contains');
  }

  for (const net of snap.networks.filter((n) => n.bridge && nodes.has(`bridge:${n.bridge}`))) {
    addNode({
      id: `network:${net.name}`,
      kind: 'network',
      label: net.name,
      lines: net.subnets,
      details: { driver: net.driver, subnet: net.subnets.join(', '), gateway: net.gateways.join(', '), bridge: net.bridge!, internal: String(net.internal) },
    });
    addEdge(`network:${net.name}`, `bridge:${net.bridge}`, 'member');
  }
  // Networks without a bridge here: an overlay (its VXLAN device is in a namespace of Docker's) or a
  // macvlan on one of the host's interfaces.
  for (const net of snap.networks.filter((n) => SPANNING_DRIVERS.includes(n.driver))) {
    const on = net.options.parent ?? (net.vnis.length ? `VNI ${net.vnis.join(', ')}` : undefined);
    addNode({
      id: `network:${net.name}`,
      kind: 'network',
      label: net.name,
      lines: [...net.subnets, `${net.driver}${on ? ` · ${on}` : ''}`],
      details: { driver: net.driver, scope: net.scope, subnet: net.subnets.join(', '), 'ip range': net.ipRanges.join(', ') || '(all)', ...(net.vnis.length ? { VNI: net.vnis.join(', ') } : {}), ...(net.options.parent ? { parent: net.options.parent } : {}) },
    });
    if (net.driver === 'macvlan') addEdge('host:sandbox', `network:${net.name}`, 'member');
  }
  const vxlanNode = (id: string, link: Snapshot['host']['links'][number], where: string) =>
    addNode({
      id,
      kind: 'vxlan',
      label: link.name,
      lines: [`VNI ${link.vxlan!.id}`, ...(link.vxlan!.port ? [`udp ${link.vxlan!.port}`] : []), where],
      details: { VNI: String(link.vxlan!.id), port: String(link.vxlan!.port ?? ''), local: link.vxlan!.local ?? '', remote: link.vxlan!.remote ?? link.vxlan!.group ?? '(learned)', namespace: where },
    });
  for (const link of snap.host.links.filter((l) => l.vxlan)) {
    vxlanNode(`vxlan:${link.name}`, link, 'host');
    addEdge('host:sandbox', `vxlan:${link.name}`, 'contains');
  }
  for (const ns of snap.overlays) {
    const net = snap.networks.find((n) => n.id.startsWith(ns.name.slice(ns.name.indexOf('-') + 1)));
    for (const link of ns.links.filter((l) => l.vxlan)) {
      const id = `vxlan:${ns.name}/${link.name}`;
      vxlanNode(id, link, ns.name);
      addEdge('host:sandbox', id, 'contains');
      if (net) addEdge(id, `network:${net.name}`, 'member');
    }
  }

  for (const ns of snap.namespaces) {
    addNode({
      id: `netns:${ns.name}`,
      kind: 'netns',
      label: ns.name,
      lines: ns.links.filter((l) => l.name !== 'lo').map((l) => `${l.name} ${inet(l.addresses).join(' ')}`.trim()),
      details: { namespace: String(ns.inode), interfaces: ns.links.map((l) => `${l.name} (${l.up ? 'UP' : 'DOWN'})`).join(', ') },
    });
  }

  for (const c of snap.containers) {
    const ifaces = c.netns?.links.filter((l) => l.name !== 'lo') ?? [];
    addNode({
      id: `container:${c.name}`,
      kind: 'container',
      label: c.name,
      lines: c.networkMode === 'host' ? ['host network'] : ifaces.map((l) => `${l.name} ${inet(l.addresses).join(' ')}`.trim()),
      details: {
        image: c.image,
        state: c.state,
        'network mode': c.networkMode.startsWith('container:') ? `container:${snap.containers.find((o) => c.networkMode === `container:${o.id}`)?.name ?? c.networkMode.slice(10, 22)}` : c.networkMode,
        networks: c.networks.map((n) => `${n.network} ${n.ipAddress ?? ''}`.trim()).join(', ') || '(none)',
        ports: c.ports.map((p) => `${p.hostIp}:${p.hostPort}→${p.containerPort}/${p.protocol}`).join(', ') || '(none)',
        links: c.links.join(', ') || '(none)',
      },
    });
  }

  // Cables: each veth pair, from its end in one namespace to its other end wherever that is.
  const places = allNamespaces(snap);
  for (const { place, ns } of places) {
    for (const end of ns.links.filter((l) => l.kind === 'veth' && l.peerIfindex !== undefined)) {
      const peerNs = end.linkNetnsId === undefined ? { place, ns } : places.find((p) => p.ns.inode !== ns.inode && p.ns.links.some((l) => l.ifindex === end.peerIfindex && l.peerIfindex === end.ifindex));
      if (!peerNs) continue; // the sandbox's own uplink: its other end is outside
      if (!('host' in place)) continue; // drawn once, from the host side (or from a pair inside one place)
      const vethId = `veth:${end.name}`;
      addNode({ id: vethId, kind: 'veth', label: end.name, lines: [...inet(end.addresses), end.up ? '' : 'DOWN'].filter(Boolean), details: { ifindex: String(end.ifindex), peer: `ifindex ${end.peerIfindex}`, mac: end.mac ?? '', bridge: end.master ?? '(none)' } });
      if (end.master) addEdge(`bridge:${end.master}`, vethId, 'port-of');
      else addEdge('host:sandbox', vethId, 'contains');
      const peerLink = peerNs.ns.links.find((l) => l.ifindex === end.peerIfindex)!;
      if ('host' in peerNs.place) {
        const peerId = `veth:${peerLink.name}`;
        addNode({ id: peerId, kind: 'veth', label: peerLink.name, lines: inet(peerLink.addresses), details: { ifindex: String(peerLink.ifindex), bridge: peerLink.master ?? '(none)' } });
        if (peerLink.master) addEdge(`bridge:${peerLink.master}`, peerId, 'port-of');
        addEdge(vethId, peerId, 'cable');
      } else {
        addEdge(vethId, placeNode(peerNs.place), 'cable');
      }
    }
  }

  for (const c of snap.containers) {
    const id = `container:${c.name}`;
    for (const n of c.networks) {
      if (SPANNING_DRIVERS.includes(snap.networks.find((x) => x.name === n.network)?.driver ?? '')) addEdge(`network:${n.network}`, id, 'member');
    }
    if (c.networkMode === 'host') addEdge(id, 'host:sandbox', 'shares');
    const shared = snap.containers.find((o) => c.networkMode === `container:${o.id}`);
    if (shared) addEdge(id, `container:${shared.name}`, 'shares');
    for (const l of c.links) addEdge(id, `container:${l.split(':')[0]}`, 'link');
    for (const p of c.ports) {
      const portId = `port:${p.hostPort}/${p.protocol}`;
      addNode({ id: portId, kind: 'port', label: `${p.hostIp === '0.0.0.0' ? '' : `${p.hostIp}:`}${p.hostPort}/${p.protocol}`, lines: [`→ ${c.name}:${p.containerPort}`], details: { 'host address': p.hostIp, 'host port': String(p.hostPort), container: `${c.name}:${p.containerPort}/${p.protocol}` } });
      addEdge('host:sandbox', portId, 'contains');
      addEdge(portId, id, 'publishes');
    }
  }
  return { nodes: [...nodes.values()], edges: [...edges.values()] };
}

/**
 * The graph of a session's nodes. One node: its graph as it is. Several: each node's graph with its ids
 * given the node's name (host:node1, container:node1/c1), the underlay joining the nodes' hosts, and each
 * overlay or macvlan network drawn once for all nodes (network:<name>) with its members on every node.
 */
export function topologyOfSession(nodes: { name: string; snap: Snapshot }[]): TopologyGraph {
  if (nodes.length === 1) return topologyOf(nodes[0]!.snap);
  const graph: TopologyGraph = { nodes: [], edges: [] };
  const seen = new Set<string>();
  const underlay = 'network:underlay';
  graph.nodes.push({
    id: underlay,
    kind: 'network',
    label: 'underlay',
    lines: [UNDERLAY.subnet],
    details: { subnet: UNDERLAY.subnet, nodes: nodes.map((n, i) => `${n.name} ${UNDERLAY.address(i)}`).join(', ') },
  });
  for (const { name, snap } of nodes) {
    const own = topologyOf(snap);
    const spanning = new Set(own.nodes.filter((n) => n.kind === 'network' && SPANNING_DRIVERS.includes(n.details.driver ?? '')).map((n) => n.id));
    const rename = (id: string) => (id === 'host:sandbox' ? `host:${name}` : spanning.has(id) ? id : id.replace(':', `:${name}/`));
    for (const n of own.nodes) {
      const id = rename(n.id);
      if (seen.has(id)) continue; // a spanning network, drawn by an earlier node
      seen.add(id);
      graph.nodes.push(n.id === 'host:sandbox' ? { ...n, id, label: name } : { ...n, id });
    }
    for (const e of own.edges) {
      const [source, target] = [rename(e.source), rename(e.target)];
      graph.edges.push({ ...e, id: `${source}|${target}`, source, target });
    }
    graph.edges.push({ id: `host:${name}|${underlay}`, source: `host:${name}`, target: underlay, kind: 'cable' });
  }
  return graph;
}
