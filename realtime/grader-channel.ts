// socket.io ⇄ grader: "check now" and quiz answers from the browser, verdicts back to every tab of the
// learner, and an opened solution recorded. Which step to re-check after a command is the server's to know.
import type { Server } from 'socket.io';
import { CheckRequest, EVENTS, StepRef } from '../lib/terminal-protocol';
import type { Grader } from '../grader/grader';
import type { AttemptStore } from '../store/attempts';
import { learnerOf, learnerRoom } from './socket-server';

export function registerGraderChannel(io: Server, grader: Grader, attempts: AttemptStore): void {
  grader.on('verdict', (learnerId, ref, verdict) => {
    io.to(learnerRoom(learnerId)).emit(EVENTS.verdict, { ...ref, verdict });
  });
  io.on('connection', (socket) => {
    const learnerId = learnerOf(socket);
    socket.on(EVENTS.solutionOpened, (payload: unknown) => {
      const ref = StepRef.safeParse(payload);
      if (ref.success) attempts.recordSolutionView(learnerId, ref.data.lesson, ref.data.step);
    });
    socket.on(EVENTS.check, (payload: unknown) => {
      const request = CheckRequest.safeParse(payload);
      if (request.success) void grader.check(learnerId, request.data);
    });
  });
}
