'use client';
// The live state of a lesson page: one socket (shared by the terminal and the steps), each step's status and
// last verdict, and the current step (the first not yet passed), which the server re-checks after each
// command. Components read it with useLesson().
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState } from 'react';
import { useRouter } from 'next/navigation';
import { io, type Socket } from 'socket.io-client';
import type { Verdict } from '@/grader/verdict';
import { EVENTS } from '@/lib/terminal-protocol';
import type { Lang } from '@/lib/i18n';

export type StepStatus = 'pending' | 'passed' | 'failed';
export type StepInfo = { id: string; title: string; points: number; quiz: boolean };

type LessonState = {
  lesson: string;
  lang: Lang;
  text: Record<string, string>;
  socket: Socket | null;
  steps: StepInfo[];
  status: Record<string, StepStatus>;
  verdicts: Record<string, Verdict | undefined>;
  checking: Record<string, boolean>;
  check: (step: string, answer?: string) => void;
  solutionOpened: (step: string) => void;
  /** Types a command into the terminal and runs it (the ▶ Run buttons). */
  runInTerminal: (command: string) => void;
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
  children,
}: {
  lesson: string;
  lang: Lang;
  text: Record<string, string>;
  steps: StepInfo[];
  passed: string[];
  children: React.ReactNode;
}) {
  const router = useRouter();
  const [socket, setSocket] = useState<Socket | null>(null);
  const [status, setStatus] = useState<Record<string, StepStatus>>(() =>
    Object.fromEntries(steps.map((s) => [s.id, passed.includes(s.id) ? 'passed' : 'pending'])),
  );
  // The steps change when the author saves lesson.ts (development): keep what is known, add the new ones.
  useEffect(() => {
    setStatus((prev) => Object.fromEntries(steps.map((s) => [s.id, prev[s.id] ?? (passed.includes(s.id) ? 'passed' : 'pending')])));
  }, [steps, passed]);
  const [verdicts, setVerdicts] = useState<Record<string, Verdict | undefined>>({});
  const [checking, setChecking] = useState<Record<string, boolean>>({});
  const current = steps.find((s) => status[s.id] !== 'passed')?.id;
  const currentRef = useRef(current);
  currentRef.current = current;

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
    s.on('connect', () => {
      if (currentRef.current) s.emit(EVENTS.currentStep, { lesson, step: currentRef.current });
    });
    setSocket(s);
    return () => {
      s.close();
    };
  }, [lesson, router]);

  useEffect(() => {
    if (socket?.connected && current) socket.emit(EVENTS.currentStep, { lesson, step: current });
  }, [socket, lesson, current]);

  const check = useCallback(
    (step: string, answer?: string) => {
      setChecking((c) => ({ ...c, [step]: true }));
      socket?.emit(EVENTS.check, { lesson, step, answer });
    },
    [socket, lesson],
  );
  const solutionOpened = useCallback((step: string) => socket?.emit(EVENTS.solutionOpened, { lesson, step }), [socket, lesson]);
  const runInTerminal = useCallback(
    (command: string) => {
      const lines = command.replace(/\n+$/, '').split('\n');
      socket?.emit(EVENTS.input, lines.join('\r') + '\r');
    },
    [socket],
  );

  const value = useMemo(
    () => ({ lesson, lang, text, socket, steps, status, verdicts, checking, check, solutionOpened, runInTerminal }),
    [lesson, lang, text, socket, steps, status, verdicts, checking, check, solutionOpened, runInTerminal],
  );
  return <LessonContext.Provider value={value}>{children}</LessonContext.Provider>;
}
