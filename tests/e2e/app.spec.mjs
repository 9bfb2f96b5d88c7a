// The page loads, the Yew app renders, typing reaches the core, and the page works from a sub-path.
import { test, expect } from '@playwright/test';
import { CheckPage } from './pages.mjs';

/** Fails the test on any console error or uncaught page error. */
function watchErrors(page) {
  const errors = [];
  page.on('console', (msg) => msg.type() === 'error' && errors.push(msg.text()));
  page.on('pageerror', (err) => errors.push(String(err)));
  return errors;
}

test('renders the app and checks typed text', async ({ page }) => {
  const errors = watchErrors(page);
  const check = new CheckPage(page);
  await check.open();
  await expect(check.status).toContainText('Paste a CloudFront configuration');

  await check.editor.click();
  await page.keyboard.type('{ "DistributionConfig": ');
  await expect(check.status).toContainText(/^Line 1, column \d+/);
  await expect(check.status).toHaveClass(/status-error/);
  expect(errors).toEqual([]);
});

test('works from a sub-path', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('./nested/path/#/check');
  const check = new CheckPage(page);
  await expect(check.heading).toHaveText('apifront');
  await expect(page.locator('footer')).toContainText('nothing you paste is uploaded');
  // The lint worker and the glue it imports resolve under the sub-path too.
  await expect(page.locator('html[data-linter="worker"]')).toHaveCount(1);
  expect(page.workers().map((w) => new URL(w.url()).pathname)).toContain('/nested/path/lint-worker.js');
  await check.paste('{"DistributionConfig": {"Enabled": true}}', 'cli-json');
  expect(errors).toEqual([]);
});
