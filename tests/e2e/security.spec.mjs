// Nothing leaves the browser, the page runs under its Content-Security-Policy without a single
// violation (also the editor's styles: one constructable style sheet, never a <style> element),
// and pasted markup stays text.
import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { CheckPage } from './pages.mjs';

const BROKEN = readFileSync('static/examples/broken-cli.json', 'utf8');

test('no request after load and no CSP violation while linting, fixing and searching', async ({ page }) => {
  await page.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      window.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`),
    );
  });
  const check = new CheckPage(page);
  await check.open();
  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(csp).toContain("script-src 'self' 'wasm-unsafe-eval' 'sha256-");
  expect(csp).toContain("style-src 'self'");
  expect(csp).not.toContain('unsafe-inline');
  expect(csp).not.toContain("'unsafe-eval'");
  // The lint worker loads with the page (its script and the page's own glue, same origin).
  await expect(page.locator('html[data-linter="worker"]')).toHaveCount(1);

  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  await check.paste(BROKEN, 'cli-json');
  await check.underline('apigw-host-header-forwarded').hover();
  await expect(page.locator('.cm-tooltip-lint')).toBeVisible();
  await check.fixAllSafe.click();
  await check.editor.focus();
  await page.keyboard.press('Control+f');
  await expect(page.locator('.cm-search')).toBeVisible();
  await page.keyboard.press('Escape');
  await check.examples.selectOption({ index: 2 });
  await expect(check.status).toContainText('cfn-yaml:');
  await page.getByRole('link', { name: 'Rules' }).click();
  await page.getByLabel('Search rules').fill('host header');
  await page.getByRole('link', { name: 'apigw-host-header-forwarded' }).click();
  await expect(page.locator('.docs-example .cm-content').first()).toBeVisible();
  expect(requests).toEqual([]);
  expect(await page.evaluate(() => window.__cspViolations)).toEqual([]);
  // CodeMirror's styles live in a constructable style sheet; no <style> element was added.
  const styles = await page.evaluate(() => ({
    elements: document.querySelectorAll('style').length,
    adopted: document.adoptedStyleSheets.reduce((n, s) => n + s.cssRules.length, 0),
  }));
  expect(styles.elements).toBe(0);
  expect(styles.adopted).toBeGreaterThan(50);
  // And they apply: the gutter has the editor theme's border.
  const border = await page.locator('.cm-gutters').first().evaluate((el) => getComputedStyle(el).borderRightStyle);
  expect(border).toBe('solid');
});

test('pasted HTML renders as text', async ({ page }) => {
  const check = new CheckPage(page);
  await check.open();
  const payload = '<script>window.__pwned = true</script><img src=x onerror="window.__pwned = true">';
  await check.paste(payload, null);
  await expect(check.status).toContainText(/Line \d+, column \d+/);
  await expect(page.locator('.check .cm-content')).toContainText('<script>');
  expect(await page.locator('.check .cm-editor img, .check .cm-editor script').count()).toBe(0);
  expect(await page.evaluate(() => window.__pwned)).toBeUndefined();
});
