// A learner works a swarm across two nodes in Chromium: a tab per node, switched at once and each keeping its
// shell and what is on its screen; the swarm steps typed by hand on the node each belongs to, each turning
// passed by itself; the map drawing both hosts on their underlay, and the overlay that spans them.
import { expect, test, type Page } from '@playwright/test';
import { passedWithin, screenText, typeInTerminal } from '../support/lesson-page';

const tab = (page: Page, node: string) => page.locator(`[data-testid="node-tab"][data-host="${node}"]`);

async function showNode(page: Page, node: string) {
  await tab(page, node).click();
  await expect(page.getByTestId('terminal')).toHaveAttribute('data-host', node);
  await expect(page.getByTestId('terminal')).toHaveAttribute('data-state', 'ready', { timeout: 90_000 });
}

test('a learner joins two nodes in a swarm by typing; steps pass by themselves; the map shows both hosts', async ({ page }, testInfo) => {
  await page.goto('/lessons/multi-host');
  await expect(page.getByTestId('node-tab')).toHaveCount(2);
  await expect(page.getByTestId('terminal')).toHaveCount(1); // only the shell in view carries the contract
  await showNode(page, 'node1');
  await expect.poll(() => screenText(page), { timeout: 10_000 }).toContain('root@node1');

  await typeInTerminal(page, 'docker swarm init --advertise-addr 172.16.0.11');
  await passedWithin(page, 'swarm-init');

  // The join token, folded so that no line is wider than the terminal, between two markers.
  await typeInTerminal(page, 'echo token-$((1+1)); docker swarm join-token -q worker | fold -w 30; echo token-$((2+1))');
  await expect.poll(() => screenText(page), { timeout: 10_000 }).toMatch(/^token-3$/m);
  const screen = await screenText(page);
  const token = screen.slice(screen.lastIndexOf('token-2\n') + 'token-2\n'.length, screen.lastIndexOf('token-3')).replace(/\s+/g, '');
  expect(token).toMatch(/^SWMTKN-1-[0-9a-z]+-[0-9a-z]+$/);

  await showNode(page, 'node2');
  await expect.poll(() => screenText(page), { timeout: 10_000 }).toContain('root@node2');
  await typeInTerminal(page, `docker swarm join --token ${token} 172.16.0.11:2377`);
  await passedWithin(page, 'swarm-join', 30_000);

  // node1's shell is the same one, with what was on its screen.
  await showNode(page, 'node1');
  await expect.poll(() => screenText(page)).toContain('token-3');
  await typeInTerminal(page, 'docker network create -d overlay --attachable ovnet');
  await passedWithin(page, 'overlay');

  const map = page.getByTestId('topology');
  for (const host of ['host:node1', 'host:node2']) await expect(map.locator(`[data-node="${host}"]`)).toBeVisible({ timeout: 20_000 });
  await expect(map.locator('[data-edge="host:node1|network:underlay"]')).toHaveCount(1);
  await expect(map.locator('[data-edge="host:node2|network:underlay"]')).toHaveCount(1);
  await expect(map.locator('[data-node="network:ovnet"]')).toBeVisible({ timeout: 20_000 });
  await expect(page.getByTestId('progress')).toHaveAttribute('data-passed', '3');
  await testInfo.attach('multi-host', { body: await page.screenshot(), contentType: 'image/png' });
});
