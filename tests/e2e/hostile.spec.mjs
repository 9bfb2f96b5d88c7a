// Hostile input in the Check view, the browser half of crates/core/tests/hostile.rs: large
// configs (1 MB, 10 MB), deep nesting, a YAML alias bomb, binary junk, NUL characters, an
// enormous string, 10 000 behaviors, unknown intrinsics everywhere, and a file that is not UTF-8.
// Each must end in a result or an error in the status line, and the page must stay responsive
// (the Rules tab still opens). No panics, no page errors.
import { test, expect } from '@playwright/test';
import { CheckPage } from './pages.mjs';
import {
  aliasBomb, binaryJunk, deepJson, enormousString, manyBehaviors, nulBytes, template,
  unknownIntrinsics,
} from './perf-configs.mjs';

const CASES = [
  ['a 1 MB config', () => template(1024 * 1024), /^cfn-json: /],
  ['a 10 MB config', () => template(10 * 1024 * 1024), /^cfn-json: /],
  ['100 000-deep JSON', () => deepJson(100_000), /deeper than/],
  ['a YAML alias bomb', aliasBomb, /alias/],
  ['binary junk', () => binaryJunk(200_000), /^Line \d+, column \d+: /],
  ['NUL characters', nulBytes, /^Line \d+, column \d+: /],
  ['a 5 MB string', () => enormousString(5 * 1024 * 1024), /^cli-json: /],
  ['10 000 behaviors', () => manyBehaviors(10_000), /^cli-json: \d{5} problems/],
  ['unknown intrinsics everywhere', unknownIntrinsics, /^cfn-json: /],
];

for (const [name, make, expected] of CASES) {
  test(`stays responsive on ${name}`, async ({ page }) => {
    test.setTimeout(90_000);
    const errors = [];
    page.on('pageerror', (err) => errors.push(String(err)));
    page.on('console', (msg) => {
      if (msg.type() === 'error') errors.push(msg.text());
    });
    const check = new CheckPage(page);
    await check.open();
    await check.paste(make(), null);
    await expect(page.locator('section.check')).toHaveAttribute('aria-busy', 'false', { timeout: 60_000 });
    await expect(check.status).toHaveText(expected, { timeout: 60_000 });

    // Long lists show a page of findings per severity, with the rest on request.
    for (const group of await page.locator('.check .finding-group').all()) {
      expect(await group.locator('li.finding').count()).toBeLessThanOrEqual(200);
    }
    await page.locator('nav.tabs').getByText('Rules', { exact: true }).click();
    await expect(page).toHaveURL(/#\/rules/);
    await expect(page.getByLabel('Search rules')).toBeVisible();
    expect(errors).toEqual([]);
  });
}

test('stays responsive on a file that is not UTF-8', async ({ page }) => {
  const errors = [];
  page.on('pageerror', (err) => errors.push(String(err)));
  const check = new CheckPage(page);
  await check.open();
  // Latin-1 bytes and a lone continuation byte inside an otherwise valid config: the browser reads
  // the file with U+FFFD in their place.
  const bytes = Buffer.concat([
    Buffer.from('{"DistributionConfig": {"Comment": "caf'), Buffer.from([0xe9, 0x80]),
    Buffer.from('", "Enabled": true}}'),
  ]);
  await page.locator('#open-file').setInputFiles({ name: 'latin1.json', mimeType: 'application/json', buffer: bytes });
  await expect(check.status).toHaveText(/^cli-json: /);
  expect(await check.text()).toMatch(/caf\uFFFD/);
  expect(errors).toEqual([]);
});
