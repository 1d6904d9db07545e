// A learner in Chromium: the lesson page's terminal is a real shell in a real sandbox.
import { expect, test, type Page } from '@playwright/test';

const rows = (page: Page) => page.getByTestId('terminal').locator('.xterm-rows');
/** The terminal's screen as text, one line per row (xterm.js's DOM renderer draws each row as a div). */
const screen = (page: Page) => rows(page).innerText();
const expectScreen = (page: Page, timeout = 20_000) => expect.poll(() => screen(page), { timeout });

async function openLesson(page: Page, path = '/lessons/docker0') {
  await page.goto(path);
  await expect(page.getByTestId('terminal')).toHaveAttribute('data-state', 'ready', { timeout: 90_000 });
  await page.getByTestId('terminal').locator('.xterm').click();
}

async function run(page: Page, command: string) {
  await page.keyboard.type(command);
  await page.keyboard.press('Enter');
}

test('a learner runs nginx in the sandbox, reloads into the same shell, and stops a flood with Ctrl-C', async ({ page }) => {
  await openLesson(page);
  await expectScreen(page).toMatch(/root@lab-[0-9a-f]{6}/);
  await run(page, `docker run -d --name ng1 nginx && docker inspect -f '{{range .NetworkSettings.Networks}}{{.IPAddress}}{{end}}' ng1`);
  await expectScreen(page).toMatch(/^172\.17\.\d+\.\d+$/m);
  const address = /^(172\.17\.\d+\.\d+)$/m.exec(await screen(page))![1]!;

  await page.reload();
  await expect(page.getByTestId('terminal')).toHaveAttribute('data-state', 'ready', { timeout: 30_000 });
  await expectScreen(page).toContain(address);
  await page.getByTestId('terminal').locator('.xterm').click();

  await run(page, 'yes');
  await expectScreen(page).toMatch(/^y$/m);
  await page.waitForTimeout(1500);
  await page.keyboard.press('Control+C');
  await run(page, 'echo "after-$((20+22))"');
  await expectScreen(page, 5_000).toContain('after-42');
  // The shell marks each finished command (OSC 133, through tmux): the terminal must not show them.
  expect(await screen(page)).not.toMatch(/133;|Ptmux|\]133/);
});

test('Chinese text typed and printed in the terminal displays correctly', async ({ page }) => {
  await openLesson(page);
  await run(page, 'echo "网络命名空间 $((1+1))"');
  await expectScreen(page).toMatch(/^网络命名空间 2$/m);
});

test('start over replaces the sandbox after a confirmation', async ({ page }) => {
  await openLesson(page);
  await run(page, 'touch /root/marker && hostname');
  await expectScreen(page).toMatch(/^lab-[0-9a-f]{6}$/m);
  const firstHost = /^(lab-[0-9a-f]{6})$/m.exec(await screen(page))![1]!;
  page.once('dialog', (d) => d.accept());
  await page.getByTestId('reset').click();
  await expect(page.getByTestId('terminal')).toHaveAttribute('data-state', 'ready', { timeout: 60_000 });
  await page.getByTestId('terminal').locator('.xterm').click();
  await run(page, 'ls /root/marker; hostname');
  await expectScreen(page).toContain('No such file or directory');
  expect(await screen(page)).not.toMatch(new RegExp(`^${firstHost}$`, 'm'));
});

test('a sandbox that stops is reported in the learner’s language, with a fresh one a click away', async ({ page }) => {
  await openLesson(page, '/lessons/modes?lang=zh');
  // The learner's world ends with its engine: as if the sandbox were killed from outside.
  await run(page, 'kill -9 $(pidof dockerd)');
  const terminal = page.getByTestId('terminal');
  await expect(terminal).toHaveAttribute('data-state', 'error', { timeout: 30_000 });
  await expect(terminal.getByRole('status')).toContainText('你的沙箱停止了');
  await terminal.getByTestId('terminal-action').click();
  await expect(terminal).toHaveAttribute('data-state', 'ready', { timeout: 60_000 });
  await expect(terminal).toContainText('这是一个新的沙箱');
  await terminal.locator('.xterm').click();
  await run(page, "docker ps --format 'fresh:{{.Names}}'");
  await expectScreen(page).toMatch(/^fresh:ng1$/m); // the lesson's setup ran in the fresh one
});

test('an unknown lesson is a 404 page', async ({ page }) => {
  const response = await page.goto('/lessons/no-such-lesson');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { name: /404/ })).toBeVisible();
});

test('the lesson page speaks Chinese with ?lang=zh and remembers it', async ({ page }) => {
  await page.goto('/lessons/docker0?lang=zh');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('docker0：默认网桥');
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('课程');
});

test('/api/health reports the engine, the pool, the running sandboxes, the room left and the server load', async ({ request }) => {
  const health = await (await request.get('/api/health')).json();
  expect(health.engine.reachable).toBe(true);
  expect(health.pool.size).toBe(2);
  expect(typeof health.sandboxes.running).toBe('number');
  expect(health.sandboxes.running).toBeGreaterThanOrEqual(1);
  // What an operator needs before a class: room left, host memory and CPU, the server's own load.
  expect(health.pool.max).toBe(20);
  expect(health.capacity.underMax).toBeLessThanOrEqual(20);
  expect(health.host.memoryAvailableMiB).toBeGreaterThan(0);
  expect(health.host.cpus).toBeGreaterThan(0);
  expect(health.server.rssMiB).toBeGreaterThan(0);
  expect(typeof health.server.eventLoopLagP99Ms).toBe('number');
  expect(Array.isArray(health.recentErrors)).toBe(true);
});
