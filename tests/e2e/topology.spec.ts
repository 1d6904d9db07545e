// The live network map: after `docker run -d --name ng1 nginx`, ng1 appears joined to docker0 through a veth
// pair, with its address. A screenshot goes with the test report.
import { expect, test } from '@playwright/test';

test('the map shows ng1 joined to docker0 through a veth pair, with its address', async ({ page }, testInfo) => {
  await page.goto('/lessons/docker0');
  await expect(page.getByTestId('terminal')).toHaveAttribute('data-state', 'ready', { timeout: 90_000 });
  const map = page.getByTestId('topology');
  await expect(map.locator('[data-node="bridge:docker0"]')).toBeVisible({ timeout: 20_000 });

  await page.getByTestId('terminal').locator('.xterm').click();
  await page.keyboard.type('docker run -d --name ng1 nginx');
  await page.keyboard.press('Enter');

  const ng1 = map.locator('[data-node="container:ng1"]');
  await expect(ng1).toBeVisible({ timeout: 10_000 });
  await expect(ng1).toContainText(/172\.17\.0\.\d+\/16/);
  const cable = map.locator('[data-edge$="|container:ng1"]');
  await expect(cable).toHaveCount(1);
  const veth = (await cable.getAttribute('data-edge'))!.split('|')[0]!;
  expect(veth).toMatch(/^veth:veth/);
  await expect(map.locator(`[data-edge="bridge:docker0|${veth}"]`)).toHaveCount(1);

  await ng1.click();
  await expect(page.getByTestId('topology-details')).toContainText('nginx');
  await testInfo.attach('topology', { body: await page.screenshot(), contentType: 'image/png' });
});
