// Keyboard, files, theme: what a person does besides typing.
import { test, expect } from '@playwright/test';

test('open a file from the picker', async ({ page }) => {
  await page.goto('./#/check');
  await page.locator('#open-file').setInputFiles('static/examples/broken.tf');
  await expect(page.locator('.check [role=status]')).toContainText('terraform:');
  await expect(page.getByLabel(/Configuration to check/)).toHaveValue(/aws_cloudfront_distribution/);
});

test('drop a file on the editor', async ({ page }) => {
  await page.goto('./#/check');
  const text = '{"DistributionConfig": {"Origins": {"Quantity": 0, "Items": []}}}';
  const dataTransfer = await page.evaluateHandle((t) => {
    const dt = new DataTransfer();
    dt.items.add(new File([t], 'dist.json', { type: 'application/json' }));
    return dt;
  }, text);
  await page.locator('.check-editor').dispatchEvent('drop', { dataTransfer });
  await expect(page.getByLabel(/Configuration to check/)).toHaveValue(text);
});

test('Ctrl+Enter checks at once and Tab leaves the editor', async ({ page }) => {
  await page.goto('./#/check');
  const editor = page.getByLabel(/Configuration to check/);
  await editor.click();
  await page.keyboard.insertText('{"a": ');
  await page.keyboard.press('Control+Enter');
  await expect(page.locator('.check [role=status]')).toContainText(/^Line 1, column/);
  await page.keyboard.press('Tab');
  await expect(editor).not.toBeFocused();
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

test('shortcuts copy the snippet and the share link', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('./#/configure');
  await page.getByLabel('Start from a preset').selectOption('http-api');
  await page.getByLabel('Region', { exact: true }).focus();
  await page.keyboard.press('Alt+Shift+KeyC');
  const snippet = await page.evaluate(() => navigator.clipboard.readText());
  expect(snippet).toBe(await page.locator('.output-code').textContent());
  await page.keyboard.press('Alt+Shift+KeyL');
  const link = await page.evaluate(() => navigator.clipboard.readText());
  expect(link).toBe(await page.getByLabel('Share link').inputValue());
});
