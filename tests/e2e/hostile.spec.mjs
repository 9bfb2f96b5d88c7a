// Hostile input in the Check view: a 1 MB config, a deeply nested one, a YAML alias bomb and
// binary junk. Each must end in a result or an error in the status line, and the page must stay
// responsive (the Rules tab still opens). No panics, no page errors.
import { test, expect } from '@playwright/test';
import { aliasBomb, binaryJunk, deepJson, template } from './perf-configs.mjs';

const CASES = [
  ['a 1 MB config', () => template(1024 * 1024), /^cfn-json: /],
  ['100 000-deep JSON', () => deepJson(100_000), /deeper than/],
  ['a YAML alias bomb', aliasBomb, /alias/],
  ['binary junk', () => binaryJunk(200_000), /^Line \d+, column \d+: /],
];

for (const [name, make, expected] of CASES) {
  test(`stays responsive on ${name}`, async ({ page }) => {
    test.setTimeout(60_000);
    const errors = [];
    page.on('pageerror', (err) => errors.push(String(err)));
    page.on('console', (msg) => {
      if (msg.type() === 'error') errors.push(msg.text());
    });
    await page.goto('./#/check');
    const text = make();
    await page.locator('#paste').evaluate((area, text) => {
      area.value = text;
      area.dispatchEvent(new Event('input', { bubbles: true }));
    }, text);
    const status = page.locator('.check .status');
    await expect(page.locator('.editor')).not.toHaveClass(/editor-stale/, { timeout: 30_000 });
    await expect(status).toHaveText(expected, { timeout: 30_000 });

    await page.locator('nav.tabs').getByText('Rules', { exact: true }).click();
    await expect(page).toHaveURL(/#\/rules/);
    await expect(page.getByLabel('Search rules')).toBeVisible();
    expect(errors).toEqual([]);
  });
}
