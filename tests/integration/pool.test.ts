// The sandbox lifecycle on the real engine: leftovers, the warm pool, assignment, reset, the queue, reaping.
import { afterEach, describe, expect, it } from 'vitest';
import type { Config } from '@/lib/config';
import { LABEL_POOL, LABEL_SANDBOX } from '@/sandbox/docker-sandbox';
import { SandboxPool, type EndReason } from '@/sandbox/pool';
import { until } from '../../harness/terminal-client';
import { engineDocker, testBackend, testConfig } from '../support/engine';

const docker = engineDocker();
let pool: SandboxPool | undefined;

afterEach(async () => {
  await pool?.stop();
  pool = undefined;
});

const newPool = (config: Config) => new SandboxPool(testBackend(config, docker), config);

async function containersOf(poolName: string) {
  return docker.listContainers({ all: true, filters: { label: [`${LABEL_POOL}=${poolName}`] } });
}

/** The ids of the pool's sandboxes, as the engine's labels say. */
async function sandboxesOf(poolName: string) {
  return (await containersOf(poolName)).map((c) => c.Labels[LABEL_SANDBOX]).sort();
}

function endedEvents(p: SandboxPool) {
  const events: [string, EndReason][] = [];
  p.on('ended', (learner, reason) => events.push([learner, reason]));
  return events;
}

describe('the sandbox pool', () => {
  it('removes sandboxes left over from an earlier run, found by label', async () => {
    const config = testConfig('it-leftover');
    await testBackend(config, docker).create(config.poolName);
    expect(await containersOf('it-leftover')).toHaveLength(1);
    pool = newPool(config);
    expect(await pool.start()).toBe(1);
    expect(await containersOf('it-leftover')).toHaveLength(0);
    const networks = await docker.listNetworks({ filters: { label: [`${LABEL_POOL}=it-leftover`] } });
    expect(networks).toHaveLength(0);
  });

  it('keeps warm sandboxes ready, hands one out, and refills in the background', async () => {
    pool = newPool(testConfig('it-warm', { NETLAB_POOL_SIZE: '1' }));
    await pool.start();
    await until(() => pool!.stats().warm === 1, 60_000);
    const before = await sandboxesOf('it-warm');
    const session = await pool.acquire('learner-a');
    expect(before).toContain(session.nodes[0]!.sandbox.id); // it was the warm one, not a new one
    expect(pool.stats()).toMatchObject({ assigned: 1 });
    await until(() => pool!.stats().warm === 1, 60_000);
    expect(await containersOf('it-warm')).toHaveLength(2);
  });

  it('gives a learner the same sandbox again, another learner a different one, and replaces it on reset', async () => {
    pool = newPool(testConfig('it-assign'));
    await pool.start();
    const events = endedEvents(pool);
    const endedSessions: string[] = [];
    pool.on('ended', (_learner, _reason, sessionId) => endedSessions.push(sessionId));
    const a1 = await pool.acquire('learner-a');
    const a2 = await pool.acquire('learner-a');
    const b = await pool.acquire('learner-b');
    expect(a2.id).toBe(a1.id);
    expect(b.id).not.toBe(a1.id);
    expect(a1.id).toMatch(/^[0-9a-f]{32}$/);
    const a3 = await pool.reset('learner-a');
    expect(a3.id).not.toBe(a1.id);
    expect(events).toEqual([['learner-a', 'reset']]);
    expect(endedSessions).toEqual([a1.id]);
    expect(await sandboxesOf('it-assign')).toEqual([a3, b].map((s) => s.nodes[0]!.sandbox.id).sort());
  });

  it('queues learners beyond the maximum and serves them when a place frees up', async () => {
    pool = newPool(testConfig('it-queue', { NETLAB_MAX_SANDBOXES: '1' }));
    await pool.start();
    await pool.acquire('learner-a');
    const positions: number[] = [];
    const waiting = pool.acquire('learner-b', undefined, (p) => positions.push(p));
    await until(() => positions.length > 0, 60_000);
    expect(positions[0]).toBe(1);
    expect(pool.stats()).toMatchObject({ queued: 1, assigned: 1 });
    await pool.release('learner-a', 'reset');
    const b = await waiting;
    expect(pool.current('learner-b')?.id).toBe(b.id);
    expect(await containersOf('it-queue')).toHaveLength(1);
  });

  it('destroys a sandbox left idle, and one past its lifetime', async () => {
    pool = newPool(testConfig('it-reap', { NETLAB_IDLE_TIMEOUT_S: '2', NETLAB_LIFETIME_S: '600' }));
    await pool.start();
    const events = endedEvents(pool);
    const idle = await pool.acquire('idle-learner');
    await until(() => events.length > 0, 15_000);
    expect(events).toEqual([['idle-learner', 'idle']]);
    await until(async () => (await containersOf('it-reap')).length === 0, 15_000);
    expect(pool.current('idle-learner')).toBeUndefined();
    expect(idle.id).toBeTruthy();
    await pool.stop();

    pool = newPool(testConfig('it-reap', { NETLAB_IDLE_TIMEOUT_S: '600', NETLAB_LIFETIME_S: '3' }));
    await pool.start();
    const lifetimeEvents = endedEvents(pool);
    await pool.acquire('busy-learner');
    const keepBusy = setInterval(() => pool?.touch('busy-learner'), 200);
    try {
      await until(() => lifetimeEvents.length > 0, 15_000);
    } finally {
      clearInterval(keepBusy);
    }
    expect(lifetimeEvents).toEqual([['busy-learner', 'lifetime']]);
  });

  it('keeps a sandbox with activity past the idle timeout', async () => {
    pool = newPool(testConfig('it-active', { NETLAB_IDLE_TIMEOUT_S: '2' }));
    await pool.start();
    const events = endedEvents(pool);
    await pool.acquire('active-learner');
    const keepBusy = setInterval(() => pool?.touch('active-learner'), 300);
    await new Promise((r) => setTimeout(r, 4000));
    clearInterval(keepBusy);
    expect(events).toEqual([]);
    expect(pool.current('active-learner')).toBeDefined();
  });
});
