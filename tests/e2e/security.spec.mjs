// Nothing leaves the browser, the page runs under its Content-Security-Policy without a single
// violation, and pasted markup stays text.
import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';

const BROKEN = readFileSync('static/examples/broken-cli.json', 'utf8');

test('no request after load and no CSP violation while linting and fixing', async ({ page }) => {
  await page.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      window.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`),
    );
  });
  await page.goto('./#/check');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('apifront');
  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(csp).toContain("script-src 'self' 'wasm-unsafe-eval' 'sha256-");
  expect(csp).not.toContain('unsafe-inline');
  expect(csp).not.toContain("'unsafe-eval'");
  // The lint worker loads with the page (its script and the page's own glue, same origin).
  await expect(page.locator('html[data-linter="worker"]')).toHaveCount(1);

  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  await page.getByLabel(/Configuration to check/).fill(BROKEN);
  await expect(page.getByRole('status')).toContainText('cli-json:');
  await page.getByRole('button', { name: 'Fix all safe' }).click();
  await page.getByLabel('Load an example').selectOption({ index: 2 });
  await expect(page.getByRole('status')).toContainText('cfn-yaml:');
  await page.getByRole('link', { name: 'Rules' }).click();
  await page.getByLabel('Search rules').fill('waf');
  expect(requests).toEqual([]);
  expect(await page.evaluate(() => window.__cspViolations)).toEqual([]);
});

test('pasted HTML renders as text', async ({ page }) => {
  await page.goto('./#/check');
  const payload = '<script>window.__pwned = true</script><img src=x onerror="window.__pwned = true">';
  await page.getByLabel(/Configuration to check/).fill(payload);
  await expect(page.getByRole('status')).toContainText(/Line \d+, column \d+/);
  await expect(page.locator('.highlight')).toContainText('<script>');
  expect(await page.locator('.highlight img, .highlight script').count()).toBe(0);
  expect(await page.evaluate(() => window.__pwned)).toBeUndefined();
});
