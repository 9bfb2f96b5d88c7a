// Journeys of the Configure view: presets, live snippets that lint clean, download, share links.
import { test, expect } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { CheckPage, ConfigurePage } from './pages.mjs';

test('a preset renders every format and each lints clean', async ({ page }) => {
  const configure = new ConfigurePage(page);
  await configure.open();
  await configure.preset('rest-custom-domain');
  await expect(configure.tabs).toHaveText([
    'CloudFormation YAML', 'CloudFormation JSON', 'CDK TypeScript', 'CDK Python', 'Terraform', 'CLI JSON',
  ]);
  const count = await configure.tabs.count();
  for (let i = 0; i < count; i++) {
    await configure.tabs.nth(i).click();
    await expect(configure.tabs.nth(i)).toHaveAttribute('aria-selected', 'true');
    if (await configure.lint.count()) await expect(configure.lint).toHaveText(/apifront: 0 problems/);
    expect(await configure.snippet()).not.toBe('');
  }
});

test('pick a preset, switch to CDK TypeScript, download: same file as `apifront generate`', async ({ page }) => {
  test.setTimeout(180_000); // `cargo run` may have to build the CLI first
  const configure = new ConfigurePage(page);
  await configure.open();
  await configure.preset('http-api');
  await configure.tab('CDK TypeScript').click();
  const download = await configure.downloadFile();
  expect(download.suggestedFilename()).toMatch(/\.ts$/);
  const saved = readFileSync(await download.path(), 'utf8');
  const cli = execFileSync('cargo', ['run', '-q', '--bin', 'apifront', '--', 'generate', '--preset', 'http-api', '--format', 'cdk-ts'], { encoding: 'utf8' });
  expect(saved).toBe(cli);
  expect(await configure.snippet()).toBe(cli);
});

test('validation messages appear next to the field', async ({ page }) => {
  const configure = new ConfigurePage(page);
  await configure.open();
  await configure.field('Region').fill('moon-1');
  await expect(configure.message('api.region')).toBeVisible();
  await configure.field('Authentication').selectOption({ label: 'IAM (SigV4): not possible behind CloudFront' });
  await expect(configure.message('auth.mode')).toContainText(/IAM|SigV4/);
  await expect(configure.blocked).toContainText('Fix the form first');
});

test('a share link reopens the same form in a fresh page', async ({ page, context }) => {
  const configure = new ConfigurePage(page);
  await configure.open();
  await configure.preset('s3-site-api');
  await configure.field('Stage').fill('v2');
  const link = await configure.shareLink.inputValue();
  expect(link).toMatch(/#v1\.[zj][A-Za-z0-9_-]+$/);
  expect(link).not.toContain('?');
  const expected = await configure.snippet();

  const fresh = new ConfigurePage(await context.newPage());
  await fresh.page.goto(link);
  await expect(fresh.page.locator('.banner')).toContainText('Opened from a share link');
  await expect(fresh.page).toHaveURL(link);
  await expect(fresh.field('Stage')).toHaveValue('v2');
  await expect.poll(() => fresh.snippet()).toBe(expected);
});

test('a Check link carries the pasted text, with secret header values redacted', async ({ page, context }) => {
  const check = new CheckPage(page);
  await check.open();
  const text = readFileSync('crates/core/tests/fixtures/reference/hardened.json', 'utf8')
    .replace(/"HeaderValue": "[^"]*"/, '"HeaderValue": "s3cr3t-value-123"');
  await check.paste(text, 'cli-json');
  await check.makeLink.click();
  await expect(page.locator('.check .share .notice')).toContainText('Redacted');
  const link = await check.shareLink.inputValue();

  const fresh = new CheckPage(await context.newPage());
  await fresh.page.goto(link);
  await expect(fresh.status).toContainText('cli-json:');
  expect(await fresh.text()).toContain('"DistributionConfig"');
  expect(await fresh.text()).not.toContain('s3cr3t-value-123');

  await page.locator('.check').getByLabel('Include secret values').check();
  await expect(page.locator('.check .share .notice')).toHaveCount(0);
  await fresh.page.goto(await check.shareLink.inputValue());
  await expect.poll(() => fresh.text()).toContain('s3cr3t-value-123');
});

test('load a checked configuration into the form', async ({ page }) => {
  const check = new CheckPage(page);
  await check.open();
  await check.loadExample(1, 'cli-json');
  await check.loadIntoForm.click();
  await expect(page).toHaveURL(/#\/configure$/);
  await expect(new ConfigurePage(page).field('API id')).toHaveValue('k7x2m9p4q1');
});
