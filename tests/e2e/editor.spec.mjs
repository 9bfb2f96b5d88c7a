// The code editor (CodeMirror 6): what users of code playgrounds expect from it, with the keyboard
// alone where it matters: colours per format, find and replace, folding, bracket matching,
// auto-indent, Tab with its documented way out (Esc then Tab), diagnostics with F8 / Shift+F8, a
// hover card with the message, the rule's summary and its fix, and the lint panel.
import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { CheckPage } from './pages.mjs';

const BROKEN = readFileSync('static/examples/broken-cli.json', 'utf8');
const CFN = readFileSync('static/examples/broken-cfn.yaml', 'utf8');
const TF = readFileSync('static/examples/broken.tf', 'utf8');

test('colours JSON, YAML with CloudFormation tags, and Terraform', async ({ page }) => {
  const check = new CheckPage(page);
  await check.open();
  const editor = page.locator('.check .cm-editor');
  await check.paste(BROKEN, 'cli-json');
  await expect(editor.locator('.tok-propertyName').first()).toHaveText('"ETag"');
  await expect(editor.locator('.tok-string').first()).toBeVisible();

  await check.paste(CFN, 'cfn-yaml');
  await expect(editor.locator('.tok-typeName', { hasText: '!GetAtt' }).first()).toBeVisible();
  await expect(editor.locator('.tok-comment').first()).toBeVisible();
  await expect(editor.locator('.tok-propertyName', { hasText: 'Resources' })).toHaveCount(1);

  await check.paste(TF, 'terraform');
  await expect(editor.locator('.tok-keyword', { hasText: 'resource' }).first()).toBeVisible();
  await expect(editor.locator('.tok-propertyName', { hasText: 'origin_path' }).first()).toBeVisible();
  await expect(editor.locator('.tok-string').first()).toBeVisible();
  // Colours are computed from the page's theme, not left at the text colour.
  const [text, key] = await editor.locator('.tok-keyword').first().evaluate((el) => [
    getComputedStyle(el.closest('.cm-content')).color, getComputedStyle(el).color,
  ]);
  expect(key).not.toBe(text);
});

test('find and replace, folding, bracket matching and auto-indent', async ({ page }) => {
  const check = new CheckPage(page);
  await check.open();
  await check.paste(BROKEN, 'cli-json');
  await check.editor.focus();
  await page.keyboard.press('Control+Home');

  // Find and replace (Ctrl+F opens CodeMirror's search panel with a replace field).
  await page.keyboard.press('Control+f');
  const search = page.locator('.check .cm-search');
  await expect(search).toBeVisible();
  await search.getByPlaceholder('Find').fill('http-only');
  await search.getByPlaceholder('Replace').fill('https-only');
  await search.getByRole('button', { name: 'replace all' }).click();
  expect(await check.text()).not.toContain('"http-only"');
  await page.keyboard.press('Escape');
  await expect(search).toHaveCount(0);

  // Folding: the first object folds to a placeholder.
  await page.locator('.check .cm-foldGutter .cm-gutterElement span[title="Fold line"]').first().click();
  await expect(page.locator('.check .cm-foldPlaceholder')).toHaveCount(1);
  await page.locator('.check .cm-foldPlaceholder').click();
  await expect(page.locator('.check .cm-foldPlaceholder')).toHaveCount(0);

  // Bracket matching: the caret after the first `{` marks it and its partner.
  await check.editor.focus();
  await page.keyboard.press('Control+Home');
  await page.keyboard.press('ArrowRight');
  await expect(page.locator('.check .cm-matchingBracket')).toHaveCount(2);

  // Auto-indent: a new line inside an object starts at the object's indentation.
  await page.keyboard.press('Enter');
  await page.keyboard.type('"Added": true,');
  expect((await check.text()).split('\n')[1]).toBe('  "Added": true,');
});

test('Tab indents; Esc then Tab leaves the editor (no keyboard trap)', async ({ page }) => {
  const check = new CheckPage(page);
  await check.open();
  await check.paste('{\n"a": 1\n}', null);
  await check.editor.focus();
  await page.keyboard.press('Control+Home');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Tab');
  expect((await check.text()).split('\n')[1]).toBe('  "a": 1');
  await expect(check.editor).toBeFocused();
  await page.keyboard.press('Escape');
  await page.keyboard.press('Tab');
  await expect(check.editor).not.toBeFocused();
});

test('F8 / Shift+F8 move between findings and show the hover card with the fix', async ({ page }) => {
  const check = new CheckPage(page);
  await check.open();
  await check.paste(BROKEN, 'cli-json');
  await check.editor.focus();
  await page.keyboard.press('Control+Home');
  await page.keyboard.press('F8');
  const card = page.locator('.cm-tooltip-lint');
  await expect(card).toBeVisible();
  const first = await check.caretLine();
  await page.keyboard.press('F8');
  await expect.poll(() => check.caretLine()).toBeGreaterThan(first);
  await page.keyboard.press('Shift+F8');
  await expect.poll(() => check.caretLine()).toBe(first);

  // Hovering the host header underline: the message, the rule's summary, its fix and docs.
  await page.keyboard.press('Control+End');
  await check.underline('apigw-host-header-forwarded').hover();
  const hover = page.locator('.cm-tooltip-lint .cm-diagnostic', { hasText: 'forwards the viewer Host' });
  await expect(hover).toBeVisible();
  await expect(hover.locator('.cm-apifront-summary')).toContainText('Host');
  await expect(hover.locator('.cm-apifront-summary code').first()).toHaveText('Host');
  await hover.getByRole('button', { name: /Fix/ }).click();
  await expect(check.finding('apigw-host-header-forwarded')).toHaveCount(0);
});

test('the lint panel lists the findings and is navigable with the keyboard', async ({ page }) => {
  const check = new CheckPage(page);
  await check.open();
  await check.paste(BROKEN, 'cli-json');
  await check.editor.focus();
  await page.keyboard.press('Control+Shift+KeyM');
  const panel = page.locator('.check .cm-panel-lint ul[role="listbox"]');
  await expect(panel).toBeFocused();
  const count = await check.findings().count();
  await expect(panel.locator('[role="option"]')).toHaveCount(count);
  await page.keyboard.press('ArrowDown');
  await expect(panel.locator('[aria-selected="true"]')).toHaveCount(1);
  await page.keyboard.press('Escape');
  await expect(check.editor).toBeFocused();
});

test('a rule docs button in the hover card opens the docs under the finding', async ({ page }) => {
  const check = new CheckPage(page);
  await check.open();
  await check.paste(BROKEN, 'cli-json');
  await check.underline('apigw-host-header-forwarded').hover();
  await page.locator('.cm-tooltip-lint').getByRole('button', { name: 'Rule docs: apigw-host-header-forwarded' }).click();
  const docs = check.finding('apigw-host-header-forwarded').locator('.rule-docs');
  await expect(docs).toBeVisible();
  await expect(docs).toBeInViewport();
});
