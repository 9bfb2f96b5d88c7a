// The page loads, the Yew app renders, typing reaches the core, and the page works from a sub-path.
import { test, expect } from '@playwright/test';
import { mkdirSync } from 'node:fs';

const SHOTS = 'artifacts/screenshots';
mkdirSync(SHOTS, { recursive: true });

/** Fails the test on any console error or uncaught page error. */
function watchErrors(page) {
  const errors = [];
  page.on('console', (msg) => msg.type() === 'error' && errors.push(msg.text()));
  page.on('pageerror', (err) => errors.push(String(err)));
  return errors;
}

test('renders the app and checks pasted text', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('./#/check');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('apifront');
  const status = page.getByRole('status');
  await expect(status).toContainText('Paste a CloudFront configuration');

  await page.getByLabel(/Configuration to check/).fill('{ "DistributionConfig": ');
  await expect(status).toContainText(/^Line 1, column \d+/);
  await expect(status).toHaveClass(/status-error/);

  await page.screenshot({ path: `${SHOTS}/check-error.png`, fullPage: true });
  expect(errors).toEqual([]);
});

test('works from a sub-path', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('./nested/path/#/check');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('apifront');
  await expect(page.locator('footer')).toContainText('nothing you paste is uploaded');
  // The lint worker and the glue it imports resolve under the sub-path too.
  await expect(page.locator('html[data-linter="worker"]')).toHaveCount(1);
  expect(page.workers().map((w) => new URL(w.url()).pathname)).toContain('/nested/path/lint-worker.js');
  await page.getByLabel(/Configuration to check/).fill('{"DistributionConfig": {"Enabled": true}}');
  await expect(page.locator('.check [role=status]')).toContainText('cli-json:');
  expect(errors).toEqual([]);
});
