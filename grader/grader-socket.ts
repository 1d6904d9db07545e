// socket.io ⇄ grader: "check now" and "this is my current step" from the browser; verdicts back to every
// tab of the learner; an opened solution is recorded. Sockets were admitted (same origin, learner cookie) by
// the terminal's middleware.
import type { Server } from 'socket.io';
import { CheckRequest, EVENTS, StepRef } from '../lib/terminal-protocol';
import { learnerRoom } from '../sandbox/terminal-socket';
import type { AttemptStore } from '../store/attempts';
import type { Grader } from './grader';

export function registerGraderSockets(io: Server, grader: Grader, attempts: AttemptStore): void {
  grader.on('verdict', (learnerId, ref, verdict) => {
    io.to(learnerRoom(learnerId)).emit(EVENTS.verdict, { ...ref, verdict });
  });
  io.on('connection', (socket) => {
    const learnerId: string = socket.data.learnerId;
    socket.on(EVENTS.currentStep, (payload: unknown) => {
      const ref = StepRef.safeParse(payload);
      if (ref.success) grader.setCurrentStep(learnerId, ref.data);
    });
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
