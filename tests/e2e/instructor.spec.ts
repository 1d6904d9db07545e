// Instructors: an account made with the operator's command signs in, creates a class, verifies a lesson
// (the table streams in), and follows a learner — who joined with the class link in another browser
// context — fail and then pass a step; the class view, the learner's history and the CSV show it. A student's
// browser is refused on the instructor pages and API.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { APP } from '../../harness/e2e-servers';
import { answerQuiz, openLesson } from '../support/lesson-page';

const INSTRUCTOR = { name: `teacher-${Date.now().toString(36)}`, password: 'a long e2e password' };

test.beforeAll(() => {
  // The operator's command, on the store of the server under test; the password comes on stdin.
  execFileSync('npx', ['tsx', 'scripts/instructor.ts', 'add', INSTRUCTOR.name], {
    input: `${INSTRUCTOR.password}\n`,
    env: { ...process.env, NETLAB_DB_PATH: APP.db },
    stdio: ['pipe', 'ignore', 'inherit'],
  });
});

async function signIn(page: Page, password = INSTRUCTOR.password) {
  await page.locator('input[name=name]').fill(INSTRUCTOR.name);
  await page.locator('input[name=password]').fill(password);
  await page.getByTestId('sign-in').getByRole('button').click();
}

test('an instructor verifies a lesson, follows a learner of their class, and downloads the CSV', async ({ browser }) => {
  const teacher = await (await browser.newContext()).newPage();
  await teacher.goto('/instructor');
  await expect(teacher).toHaveURL(/\/instructor\/sign-in\?next=%2Finstructor$/);
  await signIn(teacher, 'not the password');
  await expect(teacher.getByTestId('sign-in').getByRole('alert')).toContainText('Wrong name or password');
  await signIn(teacher);
  await expect(teacher).toHaveURL(/\/instructor$/);

  // Verify now: the docker0 table fills in step by step and ends passed.
  const docker0 = teacher.locator('[data-lesson="docker0"]');
  await docker0.getByTestId('verify-now').click();
  await expect(docker0.locator('[data-verify-step="see-docker0"]')).toHaveAttribute('data-ok', 'true', { timeout: 60_000 });
  await expect(docker0.getByTestId('verify-result')).toHaveAttribute('data-ok', 'true', { timeout: 60_000 });
  await expect(docker0.locator('[data-verify-step]')).toHaveCount(5);
  await expect(docker0.locator('.verification')).toHaveAttribute('data-verified', 'ok');

  await teacher.getByTestId('new-class').locator('input[name=name]').fill('Evening class');
  await teacher.getByTestId('new-class').getByRole('button').click();
  await expect(teacher.getByTestId('class-view')).toBeVisible();
  await expect(teacher.getByText('No one has joined yet')).toBeVisible();
  const joinLink = (await teacher.getByTestId('join-link').textContent())!;
  expect(joinLink).toMatch(new RegExp(`^http://localhost:${APP.port}/join/[A-Za-z0-9_-]{12}$`));

  // The learner, in a browser of their own: joins with a display name, answers wrong, then right.
  const learner = await (await browser.newContext()).newPage();
  await learner.goto(joinLink);
  await expect(learner.getByRole('heading')).toContainText('Join Evening class');
  await learner.getByTestId('join').locator('input[name=name]').fill('Ada Lovelace');
  await learner.getByTestId('join').getByRole('button').click();
  await expect(learner.getByTestId('joined')).toContainText('You are in Evening class as Ada Lovelace');
  await learner.getByTestId('joined').getByRole('link').click();
  await expect(learner.getByTestId('my-class')).toContainText('You are in the class Evening class as Ada Lovelace');
  await openLesson(learner, 'docker0');
  await answerQuiz(learner, 'see-docker0', '172.17.0.0', 'failed');
  await answerQuiz(learner, 'see-docker0', '172.17.0.1', 'passed');

  // The class view follows by itself.
  const cell = teacher.locator('[data-learner="Ada Lovelace"] [data-cell="docker0/see-docker0"]');
  await expect(cell).toHaveAttribute('data-status', 'passed');
  await expect(cell).toHaveAttribute('data-failed', '1');
  await expect(teacher.locator('[data-learner="Ada Lovelace"] [data-cell="docker0/run-two"]')).toHaveAttribute('data-status', 'untried');

  // Filtered by lesson: only that lesson's steps.
  await teacher.getByTestId('lesson-filter').getByRole('link', { name: 'docker0, the default bridge' }).click();
  await expect(teacher).toHaveURL(/\?lesson=docker0$/);
  await expect(teacher.locator('[data-learner="Ada Lovelace"] [data-testid="class-cell"]')).toHaveCount(5);

  // The CSV of the view.
  const [download] = await Promise.all([teacher.waitForEvent('download'), teacher.getByTestId('csv').click()]);
  expect(download.suggestedFilename()).toMatch(/^netlab-evening-class-docker0-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = fs.readFileSync((await download.path())!, 'utf8').trim().split('\n');
  expect(csv[0]).toBe('learner,joined,docker0/see-docker0,docker0/run-two,docker0/find-veth,docker0/reach-from-host,docker0/remove,steps passed,points');
  expect(csv[1]).toMatch(/^Ada Lovelace,\d{4}-[^,]+,passed after 1 failed,,,,,1,5$/);

  // The learner's history: the wrong answer, then the right one. The instructor never holds the learner's
  // cookie: not in the link, not in the JSON.
  const cookie = (await learner.context().cookies()).find((c) => c.name === 'netlab_learner')!.value;
  expect(await teacher.getByRole('link', { name: 'Ada Lovelace' }).getAttribute('href')).not.toContain(cookie);
  const api = await teacher.request.get(new URL(teacher.url()).pathname.replace('/instructor/classes/', '/api/instructor/classes/'));
  expect(api.ok()).toBe(true);
  const json = await api.text();
  expect(json).toContain('Ada Lovelace');
  expect(json).not.toContain(cookie);
  await teacher.getByRole('link', { name: 'Ada Lovelace' }).click();
  const history = teacher.getByTestId('learner-history');
  await expect(history.locator('tbody tr')).toHaveCount(2);
  await expect(history.locator('tbody tr').nth(0)).toHaveAttribute('data-pass', 'false');
  await expect(history.locator('tbody tr').nth(1)).toHaveAttribute('data-pass', 'true');
});

test('an instructor sees the server status: sandboxes against the maximum, room left, the engine', async ({ page }) => {
  await page.goto('/instructor');
  await signIn(page);
  await page.getByTestId('status-link').click();
  const status = page.getByTestId('server-status');
  await expect(status).toHaveAttribute('data-engine', 'up');
  await expect(page.getByTestId('status-sandboxes')).toHaveAttribute('data-max', '20');
  await expect(page.getByTestId('status-sandboxes')).toContainText('of at most 20');
  expect(Number(await page.getByTestId('status-room').getAttribute('data-room'))).toBeGreaterThan(0);
  await page.goto('/instructor/status?lang=zh');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('服务器状态');
});

test('a student’s browser is refused on the instructor pages and API', async ({ page }) => {
  await page.goto('/');
  for (const path of ['/instructor', '/instructor/classes/0123456789abcdef', '/instructor/status']) {
    await page.goto(path);
    await expect(page).toHaveURL(/\/instructor\/sign-in/);
    await expect(page.getByTestId('class-view')).toHaveCount(0);
    await expect(page.getByTestId('verify-now')).toHaveCount(0);
    await expect(page.getByTestId('server-status')).toHaveCount(0);
  }
  const api = page.request;
  for (const response of [
    await api.get('/api/instructor/classes'),
    await api.get('/api/instructor/classes/0123456789abcdef/csv'),
    await api.post('/api/instructor/classes', { data: { name: 'mine now' } }),
    await api.post('/api/instructor/lessons/docker0/verify'),
  ]) {
    expect(response.status()).toBe(401);
    expect((await response.json()).error.en).toBe('Sign in as an instructor first.');
  }
  // A forged session cookie is no better.
  await page.context().addCookies([{ name: 'netlab_instructor', value: 'forged', url: `http://localhost:${APP.port}` }]);
  expect((await api.get('/api/instructor/classes')).status()).toBe(401);
});
