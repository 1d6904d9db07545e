// Sends each learner the graph of their sandbox's network: when asked, and after every finished command
// (debounced), so the topology view follows what the learner builds.
import type { Server } from 'socket.io';
import { EVENTS } from '../lib/terminal-protocol';
import type { SandboxPool } from '../sandbox/pool';
import { learnerRoom } from '../sandbox/terminal-socket';
import { takeSnapshots } from './snapshot';
import { topologyOfSession } from './topology';

const DEBOUNCE_MS = 150;

export class TopologyFeed {
  private readonly debounce = new Map<string, NodeJS.Timeout>();

  constructor(
    private readonly io: Server,
    private readonly pool: SandboxPool,
  ) {
    io.on('connection', (socket) => {
      socket.on(EVENTS.topologyGet, () => void this.send(socket.data.learnerId as string));
    });
  }

  commandFinished(learnerId: string): void {
    clearTimeout(this.debounce.get(learnerId));
    this.debounce.set(
      learnerId,
      setTimeout(() => {
        this.debounce.delete(learnerId);
        void this.send(learnerId);
      }, DEBOUNCE_MS),
    );
  }

  private async send(learnerId: string): Promise<void> {
    const session = this.pool.current(learnerId);
    if (!session) return;
    try {
      const graph = topologyOfSession(await takeSnapshots(this.pool.backend, session));
      this.io.to(learnerRoom(learnerId)).emit(EVENTS.topology, graph);
    } catch (err) {
      console.error('[topology] snapshot failed:', (err as Error).message);
    }
  }
}
