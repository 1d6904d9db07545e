// The operator's view of the server: sandboxes against the maximum and the room left, host memory and CPU,
// the engine, the server process, recent errors. Refreshed while open; the same numbers as /api/health.
import type { Metadata } from 'next';
import { currentLang } from '@/server/lang-server';
import { t } from '@/lib/i18n';
import { serverStatus } from '@/server/status';
import { LiveRefresh } from '@/components/instructor/LiveRefresh';

type Query = Record<string, string | string[] | undefined>;

export async function generateMetadata({ searchParams }: { searchParams: Promise<Query> }): Promise<Metadata> {
  return { title: `${t(await currentLang(searchParams), 'instructor.status.title')} · NetLab` };
}

export default async function StatusPage({ searchParams }: { searchParams: Promise<Query> }) {
  const lang = await currentLang(searchParams);
  const s = await serverStatus();
  const room = Math.min(s.capacity.underMax, s.capacity.byMemory);
  return (
    <main className="instructor-page status-page" data-testid="server-status" data-engine={s.engine.reachable ? 'up' : 'down'}>
      <LiveRefresh everyMs={3000} />
      <h1>{t(lang, 'instructor.status.title')}</h1>
      <p className="muted">{t(lang, 'instructor.status.intro')}</p>
      <section>
        <h2>{t(lang, 'instructor.status.sandboxes')}</h2>
        <p data-testid="status-sandboxes" data-running={s.pool.running} data-max={s.pool.max} data-queued={s.pool.queued}>
          {t(lang, 'instructor.status.running', { running: s.pool.running, max: s.pool.max, assigned: s.pool.assigned, warm: s.pool.warm, starting: s.pool.starting })}
        </p>
        {s.pool.queued > 0 && <p className="verdict-hint">{t(lang, 'instructor.status.queued', { n: s.pool.queued })}</p>}
        <p data-testid="status-room" data-room={room}>
          {t(lang, 'instructor.status.room', { n: room, max: s.capacity.underMax, memory: s.capacity.byMemory, perSandbox: s.capacity.sandboxMemoryMiB })}
        </p>
      </section>
      <section>
        <h2>{t(lang, 'instructor.status.host')}</h2>
        <p>{t(lang, 'instructor.status.memory', { available: s.host.memoryAvailableMiB, total: s.host.memoryTotalMiB })}</p>
        <p>{t(lang, 'instructor.status.cpu', { load: s.host.load1, cpus: s.host.cpus })}</p>
      </section>
      <section>
        <h2>{t(lang, 'instructor.status.engine')}</h2>
        <p className={s.engine.reachable ? '' : 'verdict-hint'}>
          {t(lang, s.engine.reachable ? 'instructor.status.engineUp' : 'instructor.status.engineDown', { host: s.engine.host })}
        </p>
      </section>
      <section>
        <h2>{t(lang, 'instructor.status.server')}</h2>
        <p>{t(lang, 'instructor.status.process', { rss: s.server.rssMiB, lag: s.server.eventLoopLagP99Ms, uptime: s.server.uptimeS })}</p>
      </section>
      <section>
        <h2>{t(lang, 'instructor.status.errors')}</h2>
        {s.recentErrors.length === 0 ? (
          <p className="muted">{t(lang, 'instructor.status.noErrors')}</p>
        ) : (
          <ul className="error-list" data-testid="status-errors">
            {s.recentErrors.map((e, i) => (
              <li key={i}>
                <time className="muted small">{e.at}</time> <code>{e.message}</code>
              </li>
            ))}
          </ul>
        )}
      </section>
    </main>
  );
}
