// Keyboard, files, theme: what a person does besides typing.
import { test, expect } from '@playwright/test';
import { CheckPage, ConfigurePage } from './pages.mjs';

test('open a file from the picker', async ({ page }) => {
  const check = new CheckPage(page);
  await check.open();
  await page.locator('#open-file').setInputFiles('static/examples/broken.tf');
  await expect(check.status).toContainText('terraform:');
  expect(await check.text()).toContain('aws_cloudfront_distribution');
  await expect(check.toast).toHaveText('Opened broken.tf.');
});

test('drop a file on the editor', async ({ page }) => {
  const check = new CheckPage(page);
  await check.open();
  const text = '{"DistributionConfig": {"Origins": {"Quantity": 0, "Items": []}}}';
  const dataTransfer = await page.evaluateHandle((t) => {
    const dt = new DataTransfer();
    dt.items.add(new File([t], 'dist.json', { type: 'application/json' }));
    return dt;
  }, text);
  await page.locator('.check .cm-content').dispatchEvent('drop', { dataTransfer });
  await expect.poll(() => check.text()).toBe(text);
});

test('Ctrl+Enter checks at once', async ({ page }) => {
  const check = new CheckPage(page);
  await check.open();
  await check.editor.click();
  await page.keyboard.insertText('{"a": ');
  await page.keyboard.press('Control+Enter');
  await expect(check.status).toContainText(/^Line 1, column/);
});

test('the theme toggle cycles and is remembered', async ({ page }) => {
  await page.goto('./#/rules');
  const toggle = page.getByRole('button', { name: /Colour theme/ });
  await expect(toggle).toHaveText('Theme: system');
  await toggle.click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  await toggle.click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  expect(bg).toBe('rgb(13, 17, 23)');
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect(page.locator('#panic')).toBeHidden();
});

test('shortcuts copy the snippet and the share link, from the state', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const configure = new ConfigurePage(page);
  await configure.open();
  await configure.preset('http-api');
  await configure.field('Region').focus();
  await page.keyboard.press('Alt+Shift+KeyC');
  await expect(configure.toast).toHaveText('Copied the snippet.');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(await configure.snippet());
  await page.keyboard.press('Alt+Shift+KeyL');
  await expect(configure.toast).toHaveText('Copied the share link.');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(await configure.shareLink.inputValue());
});
