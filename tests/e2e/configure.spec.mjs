// Journeys of the Configure view: presets, live snippets that lint clean, download, share links.
import { test, expect } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';

const SHOTS = 'artifacts/screenshots';
mkdirSync(SHOTS, { recursive: true });

test('a preset renders every format and each lints clean', async ({ page }) => {
  await page.goto('./#/configure');
  await page.getByLabel('Start from a preset').selectOption('rest-custom-domain');
  const tabs = page.getByRole('tab');
  const count = await tabs.count();
  expect(count).toBeGreaterThanOrEqual(4);
  for (let i = 0; i < count; i++) {
    await tabs.nth(i).click();
    await expect(tabs.nth(i)).toHaveAttribute('aria-selected', 'true');
    const lint = page.locator('.output-lint');
    if (await lint.count()) await expect(lint).toHaveText(/apifront: 0 problems/);
    await expect(page.locator('.output-code')).not.toBeEmpty();
  }
  await page.screenshot({ path: `${SHOTS}/configure-light.png`, fullPage: true });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.screenshot({ path: `${SHOTS}/configure-dark.png`, fullPage: true });
});

test('download matches `apifront generate` for the same preset', async ({ page }) => {
  await page.goto('./#/configure');
  await page.getByLabel('Start from a preset').selectOption('http-api');
  await page.getByRole('tab', { name: 'CDK TypeScript' }).click();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/\.ts$/);
  const saved = readFileSync(await download.path(), 'utf8');
  const cli = execFileSync('cargo', ['run', '-q', '--bin', 'apifront', '--', 'generate', '--preset', 'http-api', '--format', 'cdk-ts'], { encoding: 'utf8' });
  expect(saved).toBe(cli);
});

test('validation messages appear next to the field', async ({ page }) => {
  await page.goto('./#/configure');
  await page.getByLabel('Region').fill('moon-1');
  await expect(page.locator('[data-field="api.region"]')).toBeVisible();
  await page.getByLabel('Authentication').selectOption('iam');
  await expect(page.locator('[data-field="auth.mode"]')).toContainText(/IAM|SigV4/);
  await expect(page.getByRole('alert')).toContainText('Fix the form first');
});

test('a share link reopens the same form in a fresh page', async ({ page, context }) => {
  await page.goto('./#/configure');
  await page.getByLabel('Start from a preset').selectOption('s3-site-api');
  await page.getByLabel('Stage').fill('v2');
  const link = await page.getByLabel('Share link').inputValue();
  expect(link).toMatch(/#v1\.[zj][A-Za-z0-9_-]+$/);
  expect(link).not.toContain('?');
  const expected = await page.locator('.output-code').textContent();

  const fresh = await context.newPage();
  await fresh.goto(link);
  await expect(fresh.getByRole('status').first()).toContainText('Opened from a share link');
  await expect(fresh).toHaveURL(/#\/configure$/);
  await expect(fresh.getByLabel('Stage')).toHaveValue('v2');
  await expect(fresh.locator('.output-code')).toHaveText(expected);
});

test('a Check link carries the pasted text, with secret header values redacted', async ({ page, context }) => {
  await page.goto('./#/check');
  const text = readFileSync('crates/core/tests/fixtures/reference/hardened.json', 'utf8')
    .replace(/"HeaderValue": "[^"]*"/, '"HeaderValue": "s3cr3t-value-123"');
  await page.getByLabel(/Configuration to check/).fill(text);
  await expect(page.locator('.check [role=status]')).toContainText('cli-json:');
  await expect(page.locator('.share .notice')).toContainText('Redacted');
  const link = await page.getByLabel('Share link').inputValue();

  const fresh = await context.newPage();
  await fresh.goto(link);
  await expect(fresh).toHaveURL(/#\/check$/);
  const value = await fresh.getByLabel(/Configuration to check/).inputValue();
  expect(value).not.toContain('s3cr3t-value-123');
  expect(value).toContain('"DistributionConfig"');

  await page.getByLabel('Include secret values').check();
  await expect(page.locator('.share .notice')).toHaveCount(0);
  const withSecret = await page.getByLabel('Share link').inputValue();
  await fresh.goto(withSecret);
  await expect(fresh.getByLabel(/Configuration to check/)).toHaveValue(/s3cr3t-value-123/);
});

test('load a checked configuration into the form', async ({ page }) => {
  await page.goto('./#/check');
  await page.getByLabel('Load an example').selectOption({ index: 1 });
  await expect(page.locator('.check [role=status]')).toContainText('cli-json:');
  await page.getByRole('button', { name: 'Load into form' }).click();
  await expect(page).toHaveURL(/#\/configure$/);
  await expect(page.getByLabel('API id')).toHaveValue('k7x2m9p4q1');
});
