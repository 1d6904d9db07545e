// socket.io ⇄ the map: the graph of a learner's network, sent to every tab of theirs whenever the grader has
// looked at their session, and to a page that asks (the last graph, or a first look).
import type { Server } from 'socket.io';
import { EVENTS } from '../lib/terminal-protocol';
import type { Grader } from '../grader/grader';
import { learnerOf, learnerRoom } from './socket-server';

export function registerMapChannel(io: Server, grader: Grader): void {
  grader.on('topology', (learnerId, graph) => {
    io.to(learnerRoom(learnerId)).emit(EVENTS.topology, graph);
  });
  io.on('connection', (socket) => {
    socket.on(EVENTS.topologyGet, async () => {
      const graph = await grader.topology(learnerOf(socket));
      if (graph) socket.emit(EVENTS.topology, graph);
    });
  });
}
