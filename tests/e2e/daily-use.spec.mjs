// What a day of real use hit (issue 13, items 1-10), one test per item. Each comment says which
// item it covers. Every test here was run against a build of the commit before this work
// (1aed182, with APIFRONT_DIST pointing at it) and failed there for the reason it names.
import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { CheckPage, ConfigurePage, RulesPage } from './pages.mjs';

const BROKEN = readFileSync('static/examples/broken-cli.json', 'utf8');
const REST_WITHOUT_PATH = readFileSync('crates/core/tests/fixtures/rules/broken.yaml', 'utf8');
const LEGACY_STAR = readFileSync('crates/core/tests/fixtures/host-forwarding/legacy-star.yaml', 'utf8');

/** The option a select shows. */
const shown = (select) => select.locator('option:checked');

test('item 1: "Load into form" keeps the API kind, stage and bucket, and lists what it dropped', async ({ page }) => {
  // Before: a CloudFormation REST API without an origin path came back as an HTTP API on
  // $default, and the S3 site came back with an empty bucket name that blocked the output.
  const check = new CheckPage(page);
  await check.open();
  await check.paste(REST_WITHOUT_PATH, 'cfn-yaml');
  await check.loadIntoForm.click();
  const configure = new ConfigurePage(page);
  await expect(page).toHaveURL(/#\/configure$/);
  await expect(shown(configure.field('API type'))).toHaveText(/^REST API/);
  await expect(configure.field('Stage')).toHaveValue('prod');
  const banner = page.locator('.banner');
  await expect(banner).toContainText('Not carried over');
  // Code is set as code (the stage's name), not as backticks.
  await expect(banner.locator('li', { hasText: 'stage prod' })).toHaveCount(1);
  await expect(banner.locator('li code', { hasText: /^prod$/ }).first()).toBeVisible();
  // No debug output in the list: every line is words.
  for (const line of await banner.locator('li').allTextContents()) {
    expect(line).not.toMatch(/\{ |None|Some\(/);
  }

  await page.goto('./#/check');
  await check.loadExample(2, 'cfn-yaml');
  await check.loadIntoForm.click();
  await expect(shown(configure.field('Routing'))).toHaveText(/S3 site/);
  await expect(configure.field('Site bucket name')).not.toHaveValue('');
  await expect(configure.blocked).toHaveCount(0);
  await expect(page.locator('.banner li', { hasText: "site bucket's name" })).toHaveCount(1);
});

test('item 2: work survives other views, reloads and share links; it can be cleared', async ({ page, context }) => {
  // Before: Check → Rules → Check emptied the editor, a reload lost everything, and opening a
  // share link rewrote the address.
  const check = new CheckPage(page);
  await check.open();
  await check.paste(BROKEN, 'cli-json');
  await page.locator('nav.tabs').getByText('Rules', { exact: true }).click();
  await expect(new RulesPage(page).search).toBeVisible();
  await page.locator('nav.tabs').getByText('Check', { exact: true }).click();
  await expect(check.status).toContainText('cli-json:');
  expect(await check.text()).toBe(BROKEN);

  const configure = new ConfigurePage(page);
  await page.locator('nav.tabs').getByText('Configure', { exact: true }).click();
  await configure.field('Stage').fill('v7');
  // The page says where the work is kept.
  await expect(configure.footer).toContainText('kept in this browser, on this device only');
  await expect.poll(() => page.evaluate(() => localStorage.getItem('apifront-text-0'))).toBe(BROKEN);
  await expect.poll(() => page.evaluate(() => localStorage.getItem('apifront-form') ?? '')).toContain('"v7"');
  await page.reload();
  await expect(configure.field('Stage')).toHaveValue('v7');
  await page.goto('./#/check');
  await expect(check.status).toContainText('cli-json:');
  expect(await check.text()).toBe(BROKEN);

  // A share link stays in the address, so reloading it opens it again.
  await check.makeLink.click();
  const link = await check.shareLink.inputValue();
  const other = new CheckPage(await context.newPage());
  await other.page.goto(link);
  await expect(other.status).toContainText('cli-json:');
  await expect(other.page).toHaveURL(link);
  await other.page.reload();
  await expect(other.status).toContainText('cli-json:');
  expect(await other.text()).toContain('"DistributionConfig"');

  // Clear forgets the work; with keeping off, a reload starts afresh.
  await page.getByRole('button', { name: 'Clear my work' }).click();
  await expect.poll(() => check.text()).toBe('');
  await expect.poll(() => page.evaluate(() => localStorage.getItem('apifront-text-0'))).toBeNull();
  await check.paste(BROKEN, 'cli-json');
  await page.getByLabel('Keep my work in this browser').uncheck();
  await page.reload();
  await expect(check.status).toContainText('Paste a CloudFront configuration');
  await expect(page.getByLabel('Keep my work in this browser')).not.toBeChecked();
});

test('item 3: every fix is one undoable step, and an unsafe fix shows its diff first', async ({ page }) => {
  // Before: Fix rewrote the textarea, which wiped the undo history; unsafe fixes applied at once.
  const check = new CheckPage(page);
  await check.open();
  await check.paste(BROKEN, 'cli-json');
  await check.finding('apigw-host-header-forwarded').getByRole('button', { name: 'Fix' }).click();
  await expect(check.finding('apigw-host-header-forwarded')).toHaveCount(0);
  expect(await check.text()).not.toBe(BROKEN);
  await check.editor.focus();
  await page.keyboard.press('Control+z');
  await expect.poll(() => check.text()).toBe(BROKEN);
  await expect(check.finding('apigw-host-header-forwarded')).toHaveCount(1);

  // The Undo in the page does the same.
  await check.finding('apigw-host-header-forwarded').getByRole('button', { name: 'Fix' }).click();
  await expect(check.toast).toContainText('Fixed');
  await check.undo.click();
  await expect.poll(() => check.text()).toBe(BROKEN);

  // An unsafe fix: its diff first; Cancel changes nothing, Apply applies it.
  const unsafe = check.finding('viewer-protocol-allow-all');
  await unsafe.getByRole('button', { name: /Fix \(unsafe\)/ }).click();
  const dialog = page.getByRole('dialog', { name: 'Apply an unsafe fix?' });
  await expect(dialog).toBeVisible();
  await expect(dialog.locator('.diff-removed', { hasText: '"allow-all"' })).toHaveCount(1);
  await expect(dialog.locator('.diff-added', { hasText: '"https-only"' })).toHaveCount(1);
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toHaveCount(0);
  expect(await check.text()).toBe(BROKEN);
  await unsafe.getByRole('button', { name: /Fix \(unsafe\)/ }).click();
  await dialog.getByRole('button', { name: 'Apply the fix' }).click();
  await expect(check.finding('viewer-protocol-allow-all')).toHaveCount(0);
  expect(await check.text()).not.toContain('"allow-all"');
});

test("item 4: the legacy Headers ['*'] gets a fix, and the underline is on the '*'", async ({ page }) => {
  // Before: the main problem (Host forwarded through legacy ForwardedValues) had no fix, and the
  // whole ForwardedValues block was flagged.
  const check = new CheckPage(page);
  await check.open();
  await check.paste(LEGACY_STAR, 'cfn-yaml');
  const host = check.finding('apigw-host-header-forwarded');
  await expect(host).toContainText('18:23');
  await expect(check.underline('apigw-host-header-forwarded')).toHaveText("'*'");
  await host.getByRole('button', { name: /Fix \(unsafe\)/ }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Apply the fix' }).click();
  await expect(check.finding('apigw-host-header-forwarded')).toHaveCount(0);
  const text = await check.text();
  expect(text).toContain('CachePolicyId: 4135ea2d-6df8-44a3-9df3-4b5a84be39ad');
  expect(text).toContain('OriginRequestPolicyId: b689b0a8-53d0-40ab-baf2-68738e2966ac');
  expect(text).not.toContain('ForwardedValues');
});

test('item 5: rule docs open next to the finding, with inline code, links and examples', async ({ page }) => {
  // Before: the docs opened below the fold and showed Markdown backticks as they are.
  const check = new CheckPage(page);
  await check.open();
  await check.paste(BROKEN, 'cli-json');
  const finding = check.finding('apigw-host-header-forwarded');
  await finding.locator('.rule-link').click();
  const docs = finding.locator('.rule-docs');
  await expect(docs).toBeVisible();
  await expect(docs.locator('h3')).toBeFocused();
  await expect(docs.locator('h3')).toBeInViewport();
  expect(await docs.locator('p').allTextContents()).not.toContainEqual(expect.stringContaining('`'));
  await expect(docs.locator('p code').first()).toBeVisible();
  await expect(docs.locator('.references a').first()).toHaveAttribute('href', /^https:\/\/docs\.aws\.amazon\.com\//);
  await expect(docs.locator('.docs-example .cm-content').first()).toContainText('OriginRequestPolicyId');
});

test('item 6: presets lint with nothing to report and state their trade-offs; findings show inline', async ({ page }) => {
  // Before: the presets' snippets reported "1 problems", "4 problems" (info included) without
  // saying why, and the findings of a snippet were not shown.
  const configure = new ConfigurePage(page);
  await configure.open();
  for (const preset of ['rest-custom-domain', 'http-api', 's3-site-api', 'lambda-url-oac', 'cached-public-get']) {
    await configure.preset(preset);
    for (const tab of ['CloudFormation YAML', 'Terraform', 'CLI JSON']) {
      await configure.tab(tab).click();
      await expect(configure.lint).toHaveText('apifront: 0 problems (0 info)');
      await expect(page.locator('.trade-offs summary')).toContainText('on purpose');
    }
  }
  await configure.tab('CloudFormation YAML').click();
  await configure.field('Origin read timeout (s)').fill('10');
  // The same list as Check: a click moves the caret to the finding in the snippet, underlined.
  const finding = configure.findings.locator('li.finding[data-rule="origin-read-timeout-vs-integration-timeout"]');
  await finding.locator('.finding-goto').click();
  await expect(page.locator('.output-code .cm-lintRange.cm-rule-origin-read-timeout-vs-integration-timeout')).toBeInViewport();
});

test('item 7: the form follows its choices and never blocks on a value nobody typed', async ({ page }) => {
  // Before: the preset menu fell back to "Start from a preset…", the API type hint was always the
  // REST one, and Lambda URL kept the REST id and blocked the output.
  const configure = new ConfigurePage(page);
  await configure.open();
  await configure.preset('http-api');
  await expect(configure.presets).toHaveValue('http-api');
  const hint = page.locator('.field', { has: page.locator('#f-api-kind') }).locator('.why');
  await expect(hint).toContainText('$default');
  await configure.field('API type').selectOption({ label: 'Lambda function URL' });
  await expect(hint).toContainText('function URL');
  await expect(configure.blocked).toHaveCount(0);
  await expect(configure.field('Function URL id')).toHaveValue(/^[a-z0-9]{32}$/);
  await expect(configure.field('Function URL id')).toHaveAttribute('placeholder', /^[a-z0-9]{32}$/);
  await expect(configure.presets).not.toHaveValue('http-api');
  await expect(shown(configure.presets)).toHaveText('Custom settings');
  await configure.field('Routing').selectOption({ label: 'S3 site as default, API under path patterns' });
  await expect(configure.blocked).toHaveCount(0);
});

test('item 8: messages name fields as the user sees them, with plurals, and link to the field', async ({ page }) => {
  // Before: "api.api_id: a API id…", and errors did not lead to their field.
  const configure = new ConfigurePage(page);
  await configure.open();
  await configure.field('API id').fill('NOPE');
  await expect(configure.blocked).toContainText('Fix the form first (1 problem):');
  await expect(configure.blocked).toContainText('API id: an API id is 10 lower-case letters and digits');
  await expect(configure.blocked).not.toContainText('api.api_id');
  await configure.blocked.getByRole('button', { name: 'API id' }).click();
  await expect(configure.field('API id')).toBeFocused();
  // The Name field exists, so its message has a place.
  await configure.field('Name').fill('!');
  await expect(configure.message('name')).toBeVisible();
});

test('item 9: every action confirms itself, and the shortcuts shown are the ones that work', async ({ page, context }) => {
  // Before: Copy and Copy link said nothing, Alt+Shift+L did nothing in Check though the footer
  // advertised it everywhere, and the import banner followed the user into Check.
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const configure = new ConfigurePage(page);
  await configure.open();
  await configure.preset('http-api');
  await configure.copy.click();
  await expect(configure.toast).toHaveText('Copied the snippet.');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(await configure.snippet());
  await page.locator('.configure .share').getByRole('button', { name: 'Copy link' }).click();
  await expect(configure.toast).toHaveText('Copied the share link.');

  const check = new CheckPage(page);
  await page.goto('./#/check');
  await check.paste(BROKEN, 'cli-json');
  await expect(check.footer).toContainText('Alt+Shift+L');
  await expect(check.footer).not.toContainText('Alt+Shift+C');
  await check.editor.focus();
  await page.keyboard.press('Alt+Shift+KeyL');
  await expect(check.toast).toHaveText('Copied the share link.');
  const link = await page.evaluate(() => navigator.clipboard.readText());
  expect(link).toMatch(/#v2\.[zj]/);

  await check.loadIntoForm.click();
  await expect(page.locator('.banner')).toBeVisible();
  await page.locator('nav.tabs').getByText('Check', { exact: true }).click();
  await expect(page.locator('.banner')).toHaveCount(0);
});

test("item 10: Check's gaps: parse errors counted and marked, filters hide underlines, layout", async ({ page }) => {
  // Before: a parse error showed "Errors (0)" and no gutter mark, the severity filters left the
  // underlines, a paste left the first problem off-screen, the examples menu made a phone page
  // 450 px wide and the output tabs wrapped at 1280 px.
  const check = new CheckPage(page);
  await check.open();
  await check.paste('{\n  "DistributionConfig": ', null);
  await expect(check.status).toContainText(/^Line \d+, column \d+/);
  await expect(check.filters).toContainText('Errors (1)');
  expect((await check.markersOn(2)).concat(await check.markersOn(1))).toContainEqual(expect.stringContaining('cm-lint-marker-error'));

  await check.paste(BROKEN, 'cli-json');
  await expect(page.locator('.check .cm-lintRange-info')).not.toHaveCount(0);
  await check.filters.getByLabel(/^Info/).uncheck();
  await expect(page.locator('.check .cm-lintRange-info')).toHaveCount(0);
  await check.filters.getByLabel(/^Info/).check();

  // A paste leaves the caret at its end; once linted, the first problem is in view.
  const long = BROKEN.replace(/\}\s*$/, `${'\n'.repeat(400)}}\n`);
  await check.paste(long, 'cli-json');
  await expect(page.locator('.check .cm-lintRange').first()).toBeInViewport();

  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('./#/check');
  await expect(check.examples).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto('./#/configure');
  const tops = await page.locator('.out-tabs [role="tab"]').evaluateAll((tabs) => tabs.map((t) => t.getBoundingClientRect().top));
  expect(new Set(tops).size).toBe(1);
});
