// The live half of a NetLab server: the socket server with its three channels (terminal, grader, map), and
// the grader that watches every session. server.ts, the bench and the integration tests start it the same way.
import type http from 'node:http';
import type { Server } from 'socket.io';
import { Grader, type CurrentStep, type StepResolver } from '../grader/grader';
import { registerGraderChannel } from '../realtime/grader-channel';
import { registerMapChannel } from '../realtime/map-channel';
import { createSocketServer } from '../realtime/socket-server';
import { registerTerminalChannel, type TerminalHooks } from '../realtime/terminal-channel';
import type { SandboxPool } from '../sandbox/pool';
import type { AttemptStore } from '../store/attempts';

export type LiveParts = {
  pool: SandboxPool;
  attempts: AttemptStore;
  /** The course's steps, as the grader runs them. */
  resolveStep: StepResolver;
  currentStep: CurrentStep;
} & Pick<TerminalHooks, 'nodesOf' | 'prepareLesson'>;

export function startLive(httpServer: http.Server, parts: LiveParts): { io: Server; grader: Grader } {
  const { pool, attempts, resolveStep, currentStep, ...hooks } = parts;
  const io = createSocketServer(httpServer);
  const grader = new Grader(pool, attempts, resolveStep, currentStep);
  registerTerminalChannel(io, pool, { ...hooks, onCommandFinished: (learnerId) => grader.commandFinished(learnerId) });
  registerGraderChannel(io, grader, attempts);
  registerMapChannel(io, grader);
  return { io, grader };
}
