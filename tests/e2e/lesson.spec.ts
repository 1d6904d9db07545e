// A learner works through the veth-netns lesson in Chromium: Run buttons and commands typed by hand, every
// step turning passed by itself (no click on Check), a wrong address caught with a clear message, progress
// kept across a reload and shown on the course page, and the Chinese text.
import { expect, test, type Page } from '@playwright/test';
import { answerQuiz, openLesson, passedWithin, screenText, step, typeInTerminal } from '../support/lesson-page';

async function runBlock(page: Page, stepId: string, index = 0) {
  await step(page, stepId).getByTestId('run').nth(index).click();
}

test('a learner completes veth-netns; steps pass by themselves; progress is kept', async ({ page }) => {
  await openLesson(page, 'veth-netns');
  await expect(page.getByTestId('progress')).toHaveAttribute('data-total', '7');
  await expect(page.getByTestId('progress')).toHaveAttribute('data-passed', '0');
  for (const id of ['add-netns', 'veth-pair', 'move', 'address', 'peer', 'bridge-two']) {
    await expect(step(page, id)).toHaveAttribute('data-status', 'pending');
    await expect(step(page, id).getByTestId('check')).toBeVisible();
  }

  await runBlock(page, 'add-netns');
  await passedWithin(page, 'add-netns');

  await typeInTerminal(page, 'ip link add veth type veth peer name veth001');
  await passedWithin(page, 'veth-pair');

  await runBlock(page, 'move');
  await passedWithin(page, 'move');

  // The quiz's answer is read off the screen, as a learner would: ethtool's peer_ifindex.
  await runBlock(page, 'peer-index');
  await expect.poll(() => screenText(page)).toMatch(/peer_ifindex: \d+/);
  const [, peerIndex = ''] = /peer_ifindex: (\d+)/.exec(await screenText(page)) ?? [];
  await answerQuiz(page, 'peer-index', peerIndex, 'passed');

  // A typo in the address: the step fails, and says what is wrong.
  await typeInTerminal(page, 'ip netns exec test01 ip addr add 172.16.0.11/20 dev veth001');
  await expect(step(page, 'address')).toHaveAttribute('data-status', 'failed', { timeout: 20_000 });
  await expect(step(page, 'address').getByTestId('verdict')).toContainText('has 172.16.0.11/20, not 172.16.0.111/20');
  await typeInTerminal(page, 'ip netns exec test01 ip addr del 172.16.0.11/20 dev veth001');
  await runBlock(page, 'address');
  await passedWithin(page, 'address');

  await runBlock(page, 'peer');
  await passedWithin(page, 'peer');

  await runBlock(page, 'bridge-two', 0); // wire the bridge
  await runBlock(page, 'bridge-two', 1); // the ping fails: FORWARD drops it
  await expect(step(page, 'bridge-two')).toHaveAttribute('data-status', 'failed', { timeout: 20_000 });
  await expect(step(page, 'bridge-two').getByTestId('verdict')).toContainText('the bridge drops the traffic');
  await runBlock(page, 'bridge-two', 3); // let br0's traffic through
  await passedWithin(page, 'bridge-two');
  await expect(page.getByTestId('progress')).toHaveAttribute('data-passed', '7');

  await page.reload();
  await expect(page.getByTestId('progress')).toHaveAttribute('data-passed', '7');
  await expect(step(page, 'bridge-two')).toHaveAttribute('data-status', 'passed');

  await page.goto('/');
  const entry = page.locator('[data-lesson="veth-netns"]');
  await expect(entry).toHaveAttribute('data-passed', '7');
  await expect(entry).toContainText('Done');

  await page.goto('/lessons/veth-netns?lang=zh');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('网络命名空间与 veth pair');
  await expect(step(page, 'add-netns').getByRole('heading', { level: 2 })).toContainText('命名空间');
  await expect(step(page, 'add-netns')).toContainText('已通过');
});

test('a quiz takes the answer computed from the sandbox', async ({ page }) => {
  await openLesson(page, 'docker0');
  await answerQuiz(page, 'see-docker0', '172.17.0.0', 'failed');
  await answerQuiz(page, 'see-docker0', '172.17.0.1', 'passed');
});

test('a learner completes the modes lesson by typing commands; its setup ran first', async ({ page }) => {
  await openLesson(page, 'modes');
  await typeInTerminal(page, "docker ps --format '{{.Names}}'");
  await expect.poll(() => screenText(page)).toMatch(/^ng1$/m); // from the setup

  await typeInTerminal(page, 'docker run -d --name h1 --network host busybox sleep 86400');
  await passedWithin(page, 'host');
  await typeInTerminal(page, 'docker run -d --name n1 --network none busybox sleep 86400');
  await passedWithin(page, 'none');
  await typeInTerminal(page, 'docker run -d --name s1 --network container:ng1 busybox sleep 86400');
  await passedWithin(page, 'container');
  await expect(page.getByTestId('progress')).toHaveAttribute('data-passed', '3');
});
