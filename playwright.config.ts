import { defineConfig } from '@playwright/test';
import { APP, DEV } from './harness/e2e-servers';

/** A NetLab server for the tests; its output goes to a log file, never to the runner's stdout. */
function server(name: string, port: number, db: string, env: Record<string, string>) {
  return {
    command: `mkdir -p .data/logs .data/e2e && rm -f ${db}* && exec npx tsx server.ts > .data/logs/${name}.log 2>&1`,
    url: `http://localhost:${port}/api/health`,
    timeout: 300_000,
    reuseExistingServer: false,
    // SIGTERM lets the server remove its sandboxes before it exits.
    gracefulShutdown: { signal: 'SIGTERM' as const, timeout: 15_000 },
    env: { PORT: String(port), NETLAB_DB_PATH: db, ...env },
  };
}

export default defineConfig({
  testDir: 'tests/e2e',
  timeout: 120_000,
  expect: { timeout: 20_000 },
  workers: 1,
  outputDir: '.data/reports/e2e-artifacts',
  reporter: [['list'], ['json', { outputFile: process.env.PLAYWRIGHT_JSON_OUTPUT_NAME ?? '.data/reports/e2e.json' }], ['html', { open: 'never', outputFolder: '.data/reports/e2e-html' }]],
  use: {
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      // Debian's Chromium: a test tool's own browser download cannot work here. The flags keep Chromium off
      // the network (background services) and let it run as root in a container.
      executablePath: '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  projects: [
    { name: 'app', testIgnore: /authoring\.spec\.ts/, use: { baseURL: `http://localhost:${APP.port}` } },
    { name: 'dev', testMatch: /authoring\.spec\.ts/, use: { baseURL: `http://localhost:${DEV.port}` } },
  ],
  webServer: [
    // The app as a learner meets it. Every test is a new learner who keeps a sandbox until the idle timeout:
    // room for all of them.
    server('e2e-server', APP.port, APP.db, { NODE_ENV: 'production', NETLAB_POOL_NAME: APP.pool, NETLAB_POOL_SIZE: '2', NETLAB_MAX_SANDBOXES: '20' }),
    // The development server an author runs (`npm run dev`): lessons reload when saved.
    server('e2e-dev-server', DEV.port, DEV.db, { NODE_ENV: 'development', NETLAB_POOL_NAME: DEV.pool, NETLAB_POOL_SIZE: '0', NETLAB_MAX_SANDBOXES: '4' }),
  ],
});
