// socket.io ⇄ grader: "check now" and "this is my current step" from the browser; verdicts back to every
// tab of the learner. Sockets were admitted (same origin, learner cookie) by the terminal's middleware.
import type { Server } from 'socket.io';
import { EVENTS, StepRef } from '../lib/terminal-protocol';
import { learnerRoom } from '../sandbox/terminal-socket';
import type { Grader } from './grader';

export function registerGraderSockets(io: Server, grader: Grader): void {
  grader.on('verdict', (learnerId, ref, verdict) => {
    io.to(learnerRoom(learnerId)).emit(EVENTS.verdict, { ...ref, verdict });
  });
  io.on('connection', (socket) => {
    const learnerId: string = socket.data.learnerId;
    socket.on(EVENTS.currentStep, (payload: unknown) => {
      const ref = StepRef.safeParse(payload);
      if (ref.success) grader.setCurrentStep(learnerId, ref.data);
    });
    socket.on(EVENTS.check, (payload: unknown) => {
      const ref = StepRef.safeParse(payload);
      if (ref.success) void grader.check(learnerId, ref.data);
    });
  });
}
