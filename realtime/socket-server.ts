// The one socket.io server of the app: it admits a socket only from this site with a learner cookie, puts it
// in its learner's room (all of their tabs), and carries the channels: terminal, grader and map. A channel
// only ever serves the learner the socket was admitted as, never one named by the client.
import type http from 'node:http';
import { Server } from 'socket.io';
import { isSameOrigin, learnerFromCookieHeader } from '../lib/learner';
import { INPUT_MAX, type ErrorCode } from '../lib/terminal-protocol';

/** The socket.io room of all of a learner's tabs. */
export const learnerRoom = (learnerId: string) => `learner:${learnerId}`;

/** The learner a socket was admitted as. */
export const learnerOf = (socket: { data: { learnerId?: unknown } }) => socket.data.learnerId as string;

export function createSocketServer(httpServer: http.Server): Server {
  // A message larger than this closes its socket: the browser never sends one (it splits pastes).
  const io = new Server(httpServer, { maxHttpBufferSize: INPUT_MAX * 2 });
  io.use((socket, next) => {
    if (!isSameOrigin(socket.request)) return next(refusal('foreign-origin'));
    const learnerId = learnerFromCookieHeader(socket.request.headers.cookie);
    if (!learnerId) return next(refusal('no-learner'));
    socket.data.learnerId = learnerId;
    next();
  });
  io.on('connection', (socket) => void socket.join(learnerRoom(learnerOf(socket))));
  return io;
}

function refusal(code: ErrorCode): Error & { data: { code: ErrorCode } } {
  return Object.assign(new Error(code), { data: { code } });
}
