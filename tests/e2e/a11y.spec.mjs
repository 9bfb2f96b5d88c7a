// Accessibility (axe-core: no serious or critical violation) and screenshots of every view in
// light and dark mode, saved as test artifacts.
import { test, expect } from '@playwright/test';
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const SHOTS = 'artifacts/screenshots';
mkdirSync(SHOTS, { recursive: true });
const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const BROKEN = readFileSync('static/examples/broken-cli.json', 'utf8');

const VIEWS = [
  { name: 'configure', hash: '#/configure', ready: async (page) => {
      await page.getByLabel('Start from a preset').selectOption('rest-custom-domain');
      await expect(page.locator('.output-lint')).toContainText('0 problems');
  } },
  { name: 'check', hash: '#/check', ready: async (page) => {
      await page.getByLabel(/Configuration to check/).fill(BROKEN);
      await expect(page.getByRole('status')).toContainText('cli-json:');
  } },
  { name: 'rules', hash: '#/rules', ready: async () => {} },
  { name: 'rule', hash: '#/rules/apigw-host-header-forwarded', ready: async () => {} },
];

// axe is injected as a script tag, which the page's CSP rightly refuses: bypass it for this file.
test.use({ bypassCSP: true });

for (const view of VIEWS) {
  for (const scheme of ['light', 'dark']) {
    test(`${view.name} in ${scheme} mode has no serious a11y violation`, async ({ page }) => {
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto(`./${view.hash}`);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('apifront');
      await view.ready(page);
      await page.screenshot({ path: `${SHOTS}/${view.name}-${scheme}.png`, fullPage: true });
      await page.addScriptTag({ path: AXE });
      const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
      const bad = result.violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
      expect(bad).toEqual([]);
    });
  }
}

test('narrow screen shows the editor above the findings', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('./#/check');
  await page.getByLabel(/Configuration to check/).fill(BROKEN);
  await expect(page.getByRole('status')).toContainText('cli-json:');
  const editor = await page.locator('.editor').boundingBox();
  const findings = await page.locator('.findings').boundingBox();
  expect(findings.y).toBeGreaterThan(editor.y + editor.height - 1);
  expect(editor.width).toBeLessThanOrEqual(390);
  await page.screenshot({ path: `${SHOTS}/check-mobile.png`, fullPage: true });
});
