// Journeys of the Check view: paste a broken config, see a marker at the right line, click the
// finding, the caret lands there, apply the fix, the finding is gone.
import { test, expect } from '@playwright/test';
import { readFileSync, mkdirSync } from 'node:fs';
import { CheckPage, RulesPage } from './pages.mjs';
import { manyBehaviors } from './perf-configs.mjs';

const SHOTS = 'artifacts/screenshots';
mkdirSync(SHOTS, { recursive: true });
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
  await expect(check.marker(ALL_VIEWER_LINE)).toHaveCount(1);
  await page.screenshot({ path: `${SHOTS}/check-findings.png`, fullPage: true });

  await finding.locator('.finding-goto').click();
  expect(await check.caretLine()).toBe(ALL_VIEWER_LINE);
  await expect(check.editor).toBeFocused();

  await finding.getByRole('button', { name: /^Fix/ }).click();
  await expect(check.finding('apigw-host-header-forwarded')).toHaveCount(0);
  await expect(check.editor).toHaveValue(/b689b0a8-53d0-40ab-baf2-68738e2966ac/);
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

  await page.locator('li.finding .rule-link').first().click();
  await expect(check.ruleDocs).toContainText('Why is this bad?');
});

test('the rules catalogue is searchable and each rule has a page', async ({ page }) => {
  const rules = new RulesPage(page);
  await rules.open();
  await rules.search.fill('host header');
  await rules.link('apigw-host-header-forwarded').click();
  await expect(page).toHaveURL(/#\/rules\/apigw-host-header-forwarded$/);
  await expect(rules.docs.locator('h4')).toHaveText([
    'What it does', 'Why is this bad?', 'Example', 'Use instead', 'Exceptions', 'References',
  ]);
  await page.screenshot({ path: `${SHOTS}/rule-page.png`, fullPage: true });
});

/** Screen top of a text line in the textarea, and of the mark flagging it. */
async function tops(page, rule, line) {
  return page.evaluate(([rule, line]) => {
    const area = document.querySelector('#paste');
    const style = getComputedStyle(area);
    const lineTop = area.getBoundingClientRect().top + parseFloat(style.paddingTop)
      + (line - 1) * parseFloat(style.lineHeight) - area.scrollTop;
    const mark = document.querySelector(`mark[data-rule="${rule}"]`);
    return [lineTop, mark ? mark.getBoundingClientRect().top : null];
  }, [rule, line]);
}

test('underlines sit on the flagged text, also scrolled and in a large text', async ({ page }) => {
  const check = new CheckPage(page);
  await check.open();
  await check.paste(BROKEN, 'cli-json');
  for (const scroll of [0, 600, 0]) {
    await check.editor.evaluate((el, s) => { el.scrollTop = s; el.dispatchEvent(new Event('scroll')); }, scroll);
    const [line, mark] = await tops(page, 'apigw-host-header-forwarded', ALL_VIEWER_LINE);
    expect(Math.abs(mark - line)).toBeLessThan(3);
  }
  // 20 000 lines of padding before the config: only a window of lines is rendered, and the mark
  // still lands on its line once scrolled there.
  const padding = '\n'.repeat(20000);
  await check.paste(padding + BROKEN, 'cli-json');
  expect(await page.locator('.line-numbers').evaluate((el) => el.textContent.split('\n').length)).toBeLessThan(1000);
  const target = 20000 + ALL_VIEWER_LINE;
  await check.finding('apigw-host-header-forwarded').locator('.finding-goto').click();
  await expect(page.locator('mark[data-rule="apigw-host-header-forwarded"]')).toHaveCount(1);
  const [line, mark] = await tops(page, 'apigw-host-header-forwarded', target);
  expect(Math.abs(mark - line)).toBeLessThan(3);
  await expect(check.marker(target)).toHaveCount(1);
});

test('the caret stays where the user types when the lint comes back', async ({ page }) => {
  const check = new CheckPage(page);
  await check.open();
  await check.paste(BROKEN, 'cli-json');
  // Put the caret in the middle and type: after the debounced lint, it is still there.
  await check.editor.evaluate((el) => el.setSelectionRange(100, 100));
  await page.keyboard.type(' ');
  await expect(check.status).toContainText('cli-json:');
  await page.waitForTimeout(300);
  expect(await check.editor.evaluate((el) => el.selectionStart)).toBe(101);
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

test('the editor draws its text in syntax colours that follow typing', async ({ page }) => {
  const check = new CheckPage(page);
  await check.open();
  await check.paste(BROKEN, 'cli-json');
  const colours = page.locator('.hl-colours');
  await expect(page.locator('.editor')).toHaveClass(/editor-coloured/);
  await expect(colours.locator('.tok-key').first()).toHaveText('"ETag"');
  // The textarea's own text is transparent: what the user reads is the colour layer.
  expect(await check.editor.evaluate((el) => getComputedStyle(el).color)).toBe('rgba(0, 0, 0, 0)');
  // A keystroke shows up in colour before the lint answers (underlines wait for it).
  await check.editor.evaluate((el) => el.setSelectionRange(0, 0));
  await page.keyboard.type('// typed\n');
  await expect(colours.locator('.tok-com').first()).toHaveText('// typed\n');
  await expect(check.status).toContainText('Line 1, column 1');

  // A text too large to copy on every keystroke is shown plain by the textarea itself, also
  // while typing and linting; back under the limit, the colours return.
  const large = `${BROKEN.trimEnd().slice(0, -1)}, "Padding": "${'x'.repeat(300 * 1024)}"}`;
  await check.paste(large, 'cli-json');
  await expect(page.locator('.editor')).not.toHaveClass(/editor-coloured/);
  expect(await check.editor.evaluate((el) => getComputedStyle(el).color)).not.toBe('rgba(0, 0, 0, 0)');
  await check.editor.evaluate((el) => el.setSelectionRange(1, 1));
  await page.keyboard.type(' ');
  await expect(check.status).toContainText('cli-json:');
  await expect(page.locator('.editor')).not.toHaveClass(/editor-coloured/);
  await check.paste(BROKEN, 'cli-json');
  await expect(page.locator('.editor')).toHaveClass(/editor-coloured/);
});

test('a long findings list shows a page per severity and the rest on request', async ({ page }) => {
  const check = new CheckPage(page);
  await check.open();
  await check.paste(manyBehaviors(250), 'cli-json');
  const errors = page.locator('.finding-group[aria-label="Errors"]');
  await expect(errors.locator('li.finding')).toHaveCount(200);
  await errors.getByRole('button', { name: /^Show 51 more of 51$/ }).click();
  await expect(errors.locator('li.finding')).toHaveCount(251);
  await expect(errors.getByRole('button', { name: /^Show/ })).toHaveCount(0);
});
