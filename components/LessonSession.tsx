'use client';
// The live state of a lesson page: its sockets (one per terminal; the first also carries the steps and the
// map), each step's status and last verdict, and the current step (the first not yet passed), which the
// server re-checks after each command. A multi-host lesson has a terminal per node and one of them in view.
// Components read it with useLesson().
import { createContext, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { useRouter } from 'next/navigation';
import { io, type Socket } from 'socket.io-client';
import type { Verdict } from '@/grader/verdict';
import { EVENTS, inputChunks } from '@/lib/terminal-protocol';
import type { AreaTexts, Lang } from '@/lib/i18n';

export type StepStatus = 'pending' | 'passed' | 'failed';
/** The texts the lesson page hands its client components: textsOf(lang, [these areas]). */
export type LessonTexts = AreaTexts<'terminal' | 'step' | 'code' | 'quiz' | 'topology' | 'lesson'>;
export type StepInfo = { id: string; title: string; points: number; quiz: boolean };

type LessonState = {
  lesson: string;
  lang: Lang;
  text: LessonTexts;
  /** The steps' and the map's socket, and the (first node's) terminal's. */
  socket: Socket | null;
  /** A multi-host lesson's nodes; undefined when the lesson has one sandbox. */
  nodes?: string[];
  /** The socket of a node's terminal (of the only terminal when there are no nodes). */
  terminalSocket: (node?: string) => Socket | null;
  /** The node whose terminal is in view (▶ Run types there). */
  activeNode?: string;
  setActiveNode: (node: string) => void;
  steps: StepInfo[];
  status: Record<string, StepStatus>;
  verdicts: Record<string, Verdict | undefined>;
  checking: Record<string, boolean>;
  check: (step: string, answer?: string) => void;
  solutionOpened: (step: string) => void;
  /** Types a command into the terminal (of the node named, brought into view) and runs it: the ▶ Run buttons. */
  runInTerminal: (command: string, node?: string) => void;
};

const LessonContext = createContext<LessonState | null>(null);

export function useLesson(): LessonState {
  const ctx = useContext(LessonContext);
  if (!ctx) throw new Error('useLesson outside a LessonSession');
  return ctx;
}

export function LessonSession({
  lesson,
  lang,
  text,
  steps,
  passed,
  nodes,
  children,
}: {
  lesson: string;
  lang: Lang;
  text: LessonTexts;
  steps: StepInfo[];
  passed: string[];
  nodes?: string[];
  children: React.ReactNode;
}) {
  const router = useRouter();
  const [socket, setSocket] = useState<Socket | null>(null);
  /** The other nodes' terminal sockets (each a connection of its own, so each its own shell). */
  const [nodeSockets, setNodeSockets] = useState<Record<string, Socket>>({});
  const [activeNode, setActiveNode] = useState(nodes?.[0]);
  const nodeList = nodes?.join(',');
  const [status, setStatus] = useState<Record<string, StepStatus>>(() =>
    Object.fromEntries(steps.map((s) => [s.id, passed.includes(s.id) ? 'passed' : 'pending'])),
  );
  // The steps change when the author saves lesson.ts (development): keep what is known, add the new ones.
  useEffect(() => {
    setStatus((prev) => Object.fromEntries(steps.map((s) => [s.id, prev[s.id] ?? (passed.includes(s.id) ? 'passed' : 'pending')])));
  }, [steps, passed]);
  const [verdicts, setVerdicts] = useState<Record<string, Verdict | undefined>>({});
  const [checking, setChecking] = useState<Record<string, boolean>>({});
  useEffect(() => {
    const s = io({ transports: ['websocket'], withCredentials: true });
    s.on(EVENTS.verdict, (v: { lesson: string; step: string; verdict: Verdict }) => {
      if (v.lesson !== lesson) return;
      setChecking((c) => ({ ...c, [v.step]: false }));
      setVerdicts((all) => ({ ...all, [v.step]: v.verdict }));
      // A passed step stays passed: progress is kept even if the sandbox changes later.
      setStatus((all) => ({ ...all, [v.step]: all[v.step] === 'passed' || v.verdict.pass ? 'passed' : 'failed' }));
    });
    // Development: the author saved this lesson; re-render the page around the same terminal and sandbox.
    s.on(EVENTS.lessonChanged, (c: { lesson: string }) => {
      if (c.lesson === lesson) router.refresh();
    });
    setSocket(s);
    const others = Object.fromEntries(
      (nodeList?.split(',').slice(1) ?? []).map((node) => [node, io({ transports: ['websocket'], withCredentials: true, forceNew: true })]),
    );
    setNodeSockets(others);
    return () => {
      s.close();
      for (const o of Object.values(others)) o.close();
    };
  }, [lesson, router, nodeList]);

  const check = useCallback(
    (step: string, answer?: string) => {
      setChecking((c) => ({ ...c, [step]: true }));
      socket?.emit(EVENTS.check, { lesson, step, answer });
    },
    [socket, lesson],
  );
  const solutionOpened = useCallback((step: string) => socket?.emit(EVENTS.solutionOpened, { lesson, step }), [socket, lesson]);
  const terminalSocket = useCallback(
    (node?: string) => (node === undefined || node === nodes?.[0] ? socket : (nodeSockets[node] ?? null)),
    [socket, nodeSockets, nodes],
  );
  const runInTerminal = useCallback(
    (command: string, node?: string) => {
      const target = node && nodes?.includes(node) ? node : activeNode;
      if (target) setActiveNode(target);
      const socket = terminalSocket(target);
      for (const chunk of inputChunks(command.replace(/\n+$/, '').replace(/\n/g, '\r') + '\r')) socket?.emit(EVENTS.input, chunk);
    },
    [terminalSocket, activeNode, nodes],
  );

  const value = useMemo(
    () => ({ lesson, lang, text, socket, nodes, terminalSocket, activeNode, setActiveNode, steps, status, verdicts, checking, check, solutionOpened, runInTerminal }),
    [lesson, lang, text, socket, nodes, terminalSocket, activeNode, steps, status, verdicts, checking, check, solutionOpened, runInTerminal],
  );
  return <LessonContext.Provider value={value}>{children}</LessonContext.Provider>;
}
