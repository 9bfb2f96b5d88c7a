// Accessibility: axe-core finds no serious or critical violation on any view, in light and dark
// mode (the Check view with findings, an open rule's docs and the editor's hover card).
import { test, expect } from '@playwright/test';
import { createRequire } from 'node:module';
import { VIEWS } from './views.mjs';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

// axe is injected as a script tag, which the page's CSP rightly refuses: bypass it for this file.
test.use({ bypassCSP: true });

async function seriousViolations(page) {
  await page.addScriptTag({ path: AXE });
  const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

for (const view of VIEWS) {
  for (const scheme of ['light', 'dark']) {
    test(`${view.name} in ${scheme} mode has no serious a11y violation`, async ({ page }) => {
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto(`./${view.hash}`);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('apifront');
      await view.ready(page);
      expect(await seriousViolations(page)).toEqual([]);
    });
  }
}

test('the editor hover card and the fix dialog have no serious a11y violation', async ({ page }) => {
  await page.goto('./#/check');
  await VIEWS.find((v) => v.name === 'check').ready(page);
  await page.locator('.check .cm-lintRange.cm-rule-apigw-host-header-forwarded').hover();
  await expect(page.locator('.cm-tooltip-lint')).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  await page.locator('.check li.finding[data-rule="viewer-protocol-allow-all"]').getByRole('button', { name: /Fix \(unsafe\)/ }).click();
  await expect(page.getByRole('dialog')).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});
