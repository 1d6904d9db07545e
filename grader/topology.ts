// The sandbox's network as a graph, for the live topology view: nodes are the sandbox host, its bridges,
// host-side veths, containers, named namespaces, Docker networks and published ports; edges are the cables
// (veth pairs), bridge ports, and the --link and shared-namespace relations. Pure: snapshot in, graph out.
import { allNamespaces, type Place } from './helpers';
import type { Snapshot } from './model';

export type NodeKind = 'host' | 'bridge' | 'veth' | 'container' | 'netns' | 'network' | 'port';
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
