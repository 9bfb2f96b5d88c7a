// Journeys of the Check view: paste a broken config, see an underline and a gutter marker at the
// right line, click the finding, the caret lands there, apply the fix, the finding is gone.
import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { CheckPage, RulesPage } from './pages.mjs';
import { manyBehaviors } from './perf-configs.mjs';

const BROKEN = readFileSync('static/examples/broken-cli.json', 'utf8');
const ALL_VIEWER_LINE = BROKEN.split('\n').findIndex((l) => l.includes('216adef6')) + 1;

test('paste, locate, fix', async ({ page }) => {
  const errors = [];
  page.on('pageerror', (err) => errors.push(String(err)));
  const check = new CheckPage(page);
  await check.open();
  await check.paste(BROKEN, 'cli-json');

  const finding = check.finding('apigw-host-header-forwarded');
  await expect(finding).toHaveCount(1);
  await expect(finding).toContainText(`${ALL_VIEWER_LINE}:`);
  await expect(check.underline('apigw-host-header-forwarded')).toHaveText('"216adef6-5c7f-47e4-b989-5492eafa07d3"');

  await finding.locator('.finding-goto').click();
  await expect(check.editor).toBeFocused();
  expect(await check.caretLine()).toBe(ALL_VIEWER_LINE);
  expect(await check.markersOn(ALL_VIEWER_LINE)).toContainEqual(expect.stringContaining('cm-lint-marker-error'));

  await finding.getByRole('button', { name: /^Fix/ }).click();
  await expect(check.finding('apigw-host-header-forwarded')).toHaveCount(0);
  expect(await check.text()).toContain('b689b0a8-53d0-40ab-baf2-68738e2966ac');
  expect(errors).toEqual([]);
});

test('fix all safe and read a rule', async ({ page }) => {
  const check = new CheckPage(page);
  await check.open();
  await check.loadExample(1, 'cli-json');
  const before = await check.findings().count();
  await check.fixAllSafe.click();
  await expect(check.fixAllSafe).toBeDisabled();
  expect(await check.findings().count()).toBeLessThan(before);

  await page.locator('.check li.finding .rule-link').first().click();
  await expect(check.ruleDocs).toContainText('Why is this bad?');
});

test('the rules catalogue is searchable and each rule has a page', async ({ page }) => {
  const rules = new RulesPage(page);
  await rules.open();
  await rules.search.fill('host header');
  await rules.link('apigw-host-header-forwarded').click();
  await expect(page).toHaveURL(/#\/rules\/apigw-host-header-forwarded$/);
  // A rule with a fix says when the fix is safe to apply.
  await expect(rules.docs.locator('h4')).toHaveText([
    'What it does', 'Why is this bad?', 'Example', 'Use instead', 'Fix safety', 'Exceptions',
    'References',
  ]);
  // The examples are shown in the read-only code view, in colour.
  await expect(rules.docs.locator('.docs-example .cm-content').first()).toContainText('AWS::CloudFront::Distribution');
  await expect(rules.docs.locator('.docs-example .tok-comment').first()).toContainText('# AllViewer');
});

test('a finding far down a large text is underlined once scrolled to', async ({ page }) => {
  const check = new CheckPage(page);
  await check.open();
  // 20 000 lines of padding before the config: CodeMirror renders only the visible lines, and
  // the underline and gutter marker appear where the finding is once the editor scrolls there.
  await check.paste('\n'.repeat(20000) + BROKEN, 'cli-json');
  expect(await page.locator('.check .cm-line').count()).toBeLessThan(1000);
  await check.finding('apigw-host-header-forwarded').locator('.finding-goto').click();
  await expect(check.underline('apigw-host-header-forwarded')).toHaveCount(1);
  await expect(check.underline('apigw-host-header-forwarded')).toBeInViewport();
  expect(await check.caretLine()).toBe(20000 + ALL_VIEWER_LINE);
  expect(await check.markersOn(20000 + ALL_VIEWER_LINE)).toHaveLength(1);
});

test('the caret stays where the user types when the lint comes back', async ({ page }) => {
  const check = new CheckPage(page);
  await check.open();
  await check.paste(BROKEN, 'cli-json');
  await check.finding('apigw-host-header-forwarded').locator('.finding-goto').click();
  await page.keyboard.press('End');
  await page.keyboard.type(' ');
  await expect(check.status).toContainText('cli-json:');
  await page.waitForTimeout(300);
  await page.keyboard.type('x');
  const line = BROKEN.split('\n')[ALL_VIEWER_LINE - 1];
  expect((await check.text()).split('\n')[ALL_VIEWER_LINE - 1]).toBe(`${line} x`);
});

test('the lint runs in a Web Worker, and a fix-all answer comes back from it', async ({ page }) => {
  const check = new CheckPage(page);
  await check.open();
  expect(await check.linter()).toBe('worker');
  const workers = page.workers().map((w) => new URL(w.url()).pathname);
  expect(workers).toContain('/lint-worker.js');
  await check.paste(BROKEN, 'cli-json');
  await expect(check.finding('apigw-host-header-forwarded')).toHaveCount(1);
  await check.fixAllSafe.click();
  await expect(check.finding('apigw-host-header-forwarded')).toHaveCount(0);
  await expect(check.status).toContainText('cli-json:');
});

test('without a worker the lint runs on the main thread', async ({ page }) => {
  await page.route('**/lint-worker.js', (route) => route.fulfill({ status: 404, body: '' }));
  const check = new CheckPage(page);
  await check.open();
  expect(await check.linter()).toBe('main-thread');
  await check.paste(BROKEN, 'cli-json');
  await expect(check.finding('apigw-host-header-forwarded')).toHaveCount(1);
});

test('a long findings list shows a page per severity and the rest on request', async ({ page }) => {
  const check = new CheckPage(page);
  await check.open();
  await check.paste(manyBehaviors(250), 'cli-json');
  // 251 behaviors without the API's definition: over a thousand findings, all information but
  // one warning (too many cache behaviors).
  const info = page.locator('.check .finding-group[aria-label="Info"]');
  await expect(info.locator('li.finding')).toHaveCount(200);
  await info.getByRole('button', { name: /^Show 200 more of \d{4}$/ }).click();
  await expect(info.locator('li.finding')).toHaveCount(400);
  const warnings = page.locator('.check .finding-group[aria-label="Warnings"]');
  await expect(warnings.locator('li.finding')).toHaveCount(1);
  await expect(warnings.getByRole('button', { name: /^Show/ })).toHaveCount(0);
});
