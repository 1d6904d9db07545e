// The challenge in Chromium: a layout that breaks the spec is told which requirement fails, the solution
// shows only after the learner asks twice, and the fixed layout passes, graded by what can reach what.
import { expect, test } from '@playwright/test';
import { openLesson, step, typeInTerminal } from '../support/lesson-page';

test('the challenge grades by reachability and shows its solution only when asked twice', async ({ page }) => {
  await openLesson(page, 'challenge');
  // Everything on one network: frontend and app pass, but frontend also reaches db.
  await typeInTerminal(
    page,
    'docker network create shop && docker run -d --name frontend --network shop -p 8080:80 nginx && docker run -d --name app --network shop nginx && docker run -d --name db --network shop nginx',
  );
  for (const id of ['frontend', 'app']) {
    await expect(async () => {
      await step(page, id).getByTestId('check').click();
      await expect(step(page, id)).toHaveAttribute('data-status', 'passed', { timeout: 5_000 });
    }).toPass({ timeout: 30_000 });
  }
  await step(page, 'db').getByTestId('check').click();
  await expect(step(page, 'db')).toHaveAttribute('data-status', 'failed', { timeout: 20_000 });
  await expect(step(page, 'db').getByTestId('verdict')).toContainText('✗ frontend cannot reach db (it resolves the name db)');

  const guard = step(page, 'db').getByTestId('solution-guard');
  await guard.getByTestId('solution-ask').click();
  await expect(guard).toHaveAttribute('data-asked', '1');
  await expect(step(page, 'db').getByTestId('solution-shown')).toHaveCount(0);
  await guard.getByTestId('solution-ask').click();
  await expect(step(page, 'db').getByTestId('solution-shown')).toContainText('docker network connect back-net app');

  // db moves to a network of its own, which app joins: frontend loses it, app keeps it.
  await typeInTerminal(page, 'docker network create back && docker network disconnect shop db && docker network connect back db && docker network connect back app');
  await expect(async () => {
    await step(page, 'db').getByTestId('check').click();
    await expect(step(page, 'db')).toHaveAttribute('data-status', 'passed', { timeout: 8_000 });
  }).toPass({ timeout: 40_000 });
  await expect(step(page, 'db').getByTestId('verdict')).toContainText('✓ frontend cannot reach db');
});
