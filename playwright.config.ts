import { defineConfig } from '@playwright/test';

const PORT = Number(process.env.E2E_PORT ?? 3100);

export default defineConfig({
  testDir: 'tests/e2e',
  timeout: 120_000,
  expect: { timeout: 20_000 },
  workers: 1,
  outputDir: '.data/reports/e2e-artifacts',
  reporter: [['list'], ['json', { outputFile: process.env.PLAYWRIGHT_JSON_OUTPUT_NAME ?? '.data/reports/e2e.json' }], ['html', { open: 'never', outputFolder: '.data/reports/e2e-html' }]],
  use: {
    baseURL: `http://localhost:${PORT}`,
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
  webServer: {
    // The app server as a learner meets it; its output goes to a log file, never to the runner's stdout.
    command: `mkdir -p .data/logs && exec npx tsx server.ts > .data/logs/e2e-server.log 2>&1`,
    url: `http://localhost:${PORT}/api/health`,
    timeout: 300_000,
    reuseExistingServer: false,
    // SIGTERM lets the server remove its sandboxes before it exits.
    gracefulShutdown: { signal: 'SIGTERM', timeout: 15_000 },
    env: {
      PORT: String(PORT),
      NODE_ENV: 'production',
      NETLAB_POOL_NAME: 'e2e',
      NETLAB_POOL_SIZE: '2',
      // Every test is a new learner who keeps a sandbox until the idle timeout: room for all of them.
      NETLAB_MAX_SANDBOXES: '20',
    },
  },
});
