// What end-to-end tests do on a lesson page: wait for the terminal, type a command, answer a quiz.
import { expect, type Page } from '@playwright/test';

export const step = (page: Page, id: string) => page.locator(`[data-step="${id}"]`);

/** Waits for a step to turn passed by itself (after a command, no click on Check). */
export const passedWithin = (page: Page, id: string, timeout = 20_000) =>
  expect(step(page, id)).toHaveAttribute('data-status', 'passed', { timeout });

/** The text on the visible terminal's screen. */
export const screenText = (page: Page) => page.getByTestId('terminal').locator('.xterm-rows').innerText();

/** Opens the lesson and waits until its terminal is attached to a ready sandbox. */
export async function openLesson(page: Page, slug: string) {
  await page.goto(`/lessons/${slug}`);
  const terminal = page.getByTestId('terminal');
  await expect(terminal).toHaveAttribute('data-state', 'ready', { timeout: 90_000 }).catch(async (err: Error) => {
    // What the learner would see (queued, starting, an error) says more than the state alone.
    const shown = await terminal.getByRole('status').innerText({ timeout: 1000 }).catch(() => '(no message)');
    throw new Error(`${err.message}\nThe terminal shows: ${shown}`);
  });
}

export async function typeInTerminal(page: Page, command: string) {
  await page.getByTestId('terminal').locator('.xterm').click();
  await page.keyboard.type(command);
  await page.keyboard.press('Enter');
}

/** Submits an answer to a quiz step and waits for its status. */
export async function answerQuiz(page: Page, stepId: string, answer: string, status: 'passed' | 'failed') {
  const quiz = step(page, stepId);
  await quiz.getByTestId('quiz-answer').fill(answer);
  await quiz.getByTestId('quiz-submit').click();
  await expect(quiz).toHaveAttribute('data-status', status);
}
