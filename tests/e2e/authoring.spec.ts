// An author edits a lesson while its page is open in the development server: saved text and lesson.ts show
// up by themselves, a broken lesson.ts or MDX shows an error panel naming the file (and line), and the
// terminal beside it — the same shell in the same sandbox — keeps running throughout. The files are restored
// afterwards.
import fs from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { typeInTerminal } from '../support/lesson-page';

const LESSON_TS = 'lessons/docker0/lesson.ts';
const TEXT_MDX = 'lessons/docker0/index.mdx';

/**
 * The development server compiles a page on its first request and may then reload it once (its hot-reload
 * client sees a new build): wait until the page has not navigated for two seconds.
 */
async function settled(page: Page) {
  let last = Date.now();
  page.on('framenavigated', () => (last = Date.now()));
  await expect.poll(() => Date.now() - last, { timeout: 60_000, intervals: [500] }).toBeGreaterThan(2000);
}

/** Types a command until its output shows: keys typed while the page re-renders can be lost (it happens). */
async function runAndSee(page: Page, command: string, output: string) {
  await expect(async () => {
    await typeInTerminal(page, command);
    await expect(page.getByTestId('terminal')).toContainText(output, { timeout: 5000 });
  }).toPass({ timeout: 30_000 });
}

/** Waits until the page has fetched no refresh of itself for a second (a save just made may still be on its way). */
async function refreshed(page: Page) {
  let last = Date.now();
  page.on('request', (r) => {
    if (r.headers()['rsc']) last = Date.now();
  });
  await expect.poll(() => Date.now() - last, { timeout: 30_000, intervals: [250] }).toBeGreaterThan(1000);
}

test('live preview: saved lesson files update the open page without losing its terminal', async ({ page }) => {
  const original = { ts: fs.readFileSync(LESSON_TS, 'utf8'), mdx: fs.readFileSync(TEXT_MDX, 'utf8') };
  try {
    await page.goto('/lessons/docker0');
    await settled(page);
    const terminal = page.getByTestId('terminal');
    await expect(terminal).toHaveAttribute('data-state', 'ready', { timeout: 90_000 });
    await runAndSee(page, 'echo before-$((6*7))', 'before-42');
    // Marks the terminal's DOM node: a remounted terminal would be a new node without the mark.
    await terminal.evaluate((el) => el.setAttribute('data-preview-mark', 'kept'));

    fs.writeFileSync(TEXT_MDX, `${original.mdx}\n\nPreview paragraph added by the author.\n`);
    await expect(page.getByText('Preview paragraph added by the author.')).toBeVisible();

    fs.writeFileSync(LESSON_TS, original.ts.replace("en: 'Run two containers", "en: 'Edited summary. Run two containers"));
    await expect(page.locator('.lead')).toContainText('Edited summary.');

    // A schema error: the panel names the file and the field; the last good version keeps running.
    fs.writeFileSync(LESSON_TS, original.ts.replace(/minutes: \d+/, 'minutes: 0'));
    const errors = page.getByTestId('authoring-errors');
    await expect(errors).toContainText('lessons/docker0/lesson.ts');
    await expect(errors).toContainText('minutes');
    await expect(page.locator('[data-step="run-two"]')).toBeVisible();

    // An MDX text naming a step lesson.ts does not have: file and line.
    fs.writeFileSync(LESSON_TS, original.ts);
    const line = original.mdx.split('\n').length + 2;
    fs.writeFileSync(TEXT_MDX, `${original.mdx}\n\n<Step id="no-such-step">\n\nx\n\n</Step>\n`);
    await expect(errors).toContainText(`lessons/docker0/index.mdx:${line}`);
    await expect(errors).toContainText('no-such-step');

    // An MDX syntax error: file and line.
    fs.writeFileSync(TEXT_MDX, `${original.mdx}\n\n<Hint>\n`);
    await expect(errors).toContainText('lessons/docker0/index.mdx:');
    await expect(errors).toContainText('MDX syntax error');

    // A check that throws: its verdict names the line of lesson.ts where it threw.
    fs.writeFileSync(TEXT_MDX, original.mdx);
    await expect(errors).toHaveCount(0);
    const throwing = original.ts.replace("check: ({ snap }) =>\n", "check: ({ snap }) =>\n        snap.no.such.field ??\n");
    const throwLine = throwing.split('\n').findIndex((l) => l.includes('snap.no.such.field')) + 1;
    fs.writeFileSync(LESSON_TS, throwing);
    const runTwo = page.locator('[data-step="run-two"]');
    await expect(async () => {
      await runTwo.getByTestId('check').click();
      await expect(runTwo.getByTestId('verdict')).toContainText(`lessons/docker0/lesson.ts:${throwLine}:`, { timeout: 2000 });
    }).toPass({ timeout: 20_000 });
    fs.writeFileSync(LESSON_TS, original.ts);
    await refreshed(page);

    await expect(page.getByTestId('run').first()).toBeVisible();
    // The same terminal node, still attached to the same shell.
    await expect(terminal).toHaveAttribute('data-preview-mark', 'kept');
    await expect(terminal).toContainText('before-42');
    await runAndSee(page, 'echo after-$((6*7))', 'after-42');
  } finally {
    fs.writeFileSync(LESSON_TS, original.ts);
    fs.writeFileSync(TEXT_MDX, original.mdx);
  }
});
