'use client';
// The live network map: the graph the server sends after each command (grader/topology.ts), laid out
// automatically with ELK (layered) and drawn with React Flow. What just appeared is highlighted for a
// moment; clicking an element shows its details. data-testid="topology", data-node and data-edge are a
// contract used by tests.
import { useEffect, useMemo, useRef, useState } from 'react';
import { BaseEdge, getSmoothStepPath, ReactFlow, type Edge, type EdgeProps, type Node, type NodeProps, Handle, Position } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import ELK from 'elkjs/lib/elk.bundled.js';
import type { TopologyEdge, TopologyGraph, TopologyNode } from '@/grader/topology';
import { EVENTS, type TerminalStatus } from '@/lib/terminal-protocol';
import { useLesson } from './LessonSession';

type NodeData = TopologyNode & { fresh: boolean; kindLabel: string };
const elk = new ELK();
const FRESH_MS = 2500;

function size(n: TopologyNode) {
  const chars = Math.max(n.label.length + 4, ...n.lines.map((l) => l.length));
  return { width: Math.min(260, Math.max(90, chars * 7.2 + 20)), height: 30 + n.lines.length * 15 };
}

async function layout(graph: TopologyGraph): Promise<Map<string, { x: number; y: number }>> {
  const result = await elk.layout({
    id: 'root',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': 'DOWN',
      'elk.spacing.nodeNode': '24',
      'elk.layered.spacing.nodeNodeBetweenLayers': '40',
      'elk.edgeRouting': 'ORTHOGONAL',
    },
    children: graph.nodes.map((n) => ({ id: n.id, ...size(n) })),
    edges: graph.edges.map((e) => ({ id: e.id, sources: [e.source], targets: [e.target] })),
  });
  return new Map((result.children ?? []).map((c) => [c.id, { x: c.x ?? 0, y: c.y ?? 0 }]));
}

function TopologyNodeView({ data }: NodeProps<Node<NodeData>>) {
  return (
    <div className={`topo-node topo-${data.kind}${data.fresh ? ' topo-fresh' : ''}`} data-node={data.id} title={data.kindLabel}>
      <Handle type="target" position={Position.Top} className="topo-handle" />
      <div className="topo-label">
        <span className="topo-kind">{data.kindLabel}</span> {data.label}
      </div>
      {data.lines.map((l) => (
        <div className="topo-line" key={l}>
          {l}
        </div>
      ))}
      <Handle type="source" position={Position.Bottom} className="topo-handle" />
    </div>
  );
}

function TopologyEdgeView({ id, sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, data }: EdgeProps<Edge<{ kind: TopologyEdge['kind']; fresh: boolean }>>) {
  const [path] = getSmoothStepPath({ sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, borderRadius: 6 });
  return (
    <g data-edge={id} className={`topo-edge topo-edge-${data?.kind}${data?.fresh ? ' topo-fresh' : ''}`}>
      <BaseEdge id={id} path={path} />
    </g>
  );
}

const nodeTypes = { topo: TopologyNodeView };
const edgeTypes = { topo: TopologyEdgeView };

export function Topology() {
  const { socket, text } = useLesson();
  const [graph, setGraph] = useState<TopologyGraph | null>(null);
  const [positions, setPositions] = useState<Map<string, { x: number; y: number }>>(new Map());
  const [selected, setSelected] = useState<TopologyNode | null>(null);
  const seen = useRef<{ ids: Set<string>; at: Map<string, number> }>({ ids: new Set(), at: new Map() });
  const [, setTick] = useState(0);

  useEffect(() => {
    if (!socket) return;
    const onGraph = (g: TopologyGraph) => {
      const now = Date.now();
      const first = seen.current.ids.size === 0;
      for (const id of [...g.nodes.map((n) => n.id), ...g.edges.map((e) => e.id)]) {
        if (!seen.current.ids.has(id) && !first) seen.current.at.set(id, now);
        seen.current.ids.add(id);
      }
      setGraph(g);
      void layout(g).then(setPositions);
      setTimeout(() => setTick((t) => t + 1), FRESH_MS);
    };
    // The server sends a new graph after every command; the page asks only when its terminal is (again) ready.
    const ask = () => socket.emit(EVENTS.topologyGet);
    const onStatus = (s: TerminalStatus) => {
      if (s.state === 'ready') ask();
    };
    socket.on(EVENTS.topology, onGraph);
    socket.on(EVENTS.status, onStatus);
    ask();
    return () => {
      socket.off(EVENTS.topology, onGraph);
      socket.off(EVENTS.status, onStatus);
    };
  }, [socket]);

  const isFresh = (id: string) => Date.now() - (seen.current.at.get(id) ?? 0) < FRESH_MS;
  const nodes: Node<NodeData>[] = useMemo(
    () =>
      (graph?.nodes ?? []).map((n) => ({
        id: n.id,
        type: 'topo',
        position: positions.get(n.id) ?? { x: 0, y: 0 },
        data: { ...n, fresh: isFresh(n.id), kindLabel: text[`topology.kind.${n.kind}`] },
        draggable: false,
      })),
    [graph, positions, text],
  );
  const edges: Edge<{ kind: TopologyEdge['kind']; fresh: boolean }>[] = useMemo(
    () => (graph?.edges ?? []).map((e) => ({ id: e.id, source: e.source, target: e.target, type: 'topo', data: { kind: e.kind, fresh: isFresh(e.id) } })),
    [graph],
  );

  return (
    <div className="topology" data-testid="topology" data-ready={graph && positions.size ? 'true' : 'false'}>
      {graph && positions.size > 0 ? (
        <ReactFlow
          nodes={nodes}
          edges={edges}
          nodeTypes={nodeTypes}
          edgeTypes={edgeTypes}
          fitView
          fitViewOptions={{ padding: 0.15 }}
          key={[...positions.keys()].join()}
          minZoom={0.2}
          proOptions={{ hideAttribution: true }}
          nodesConnectable={false}
          onNodeClick={(_, node) => setSelected(graph.nodes.find((n) => n.id === node.id) ?? null)}
          onPaneClick={() => setSelected(null)}
        />
      ) : (
        <p className="topology-empty">{text['topology.waiting']}</p>
      )}
      {selected && (
        <div className="topology-details" data-testid="topology-details">
          <strong>
            {text[`topology.kind.${selected.kind}`]} {selected.label}
          </strong>
          <dl>
            {Object.entries(selected.details).map(([k, v]) => (
              <div key={k}>
                <dt>{k}</dt>
                <dd>{v}</dd>
              </div>
            ))}
          </dl>
        </div>
      )}
    </div>
  );
}
