// Journeys of the Check view: paste a broken config, see a marker at the right line, click the
// finding, the caret lands there, apply the fix, the finding is gone.
import { test, expect } from '@playwright/test';
import { readFileSync, mkdirSync } from 'node:fs';
import { CheckPage, RulesPage } from './pages.mjs';

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

test('underlines sit on the flagged text even when scrolled', async ({ page }) => {
  const check = new CheckPage(page);
  await check.open();
  await check.paste(BROKEN, 'cli-json');
  for (const scroll of ['end', 'start']) {
    await check.editor.evaluate((el, s) => { el.scrollTop = s === 'end' ? el.scrollHeight : 0; el.dispatchEvent(new Event('scroll')); }, scroll);
    const offset = await page.evaluate(() => {
      const area = document.querySelector('#paste');
      const overlay = document.querySelector('.highlight');
      return overlay.scrollTop - area.scrollTop;
    });
    expect(offset).toBe(0);
  }
  // Within the highlight layer, the mark starts on its line's box: padding + (line - 1) * height.
  const mark = page.locator('mark[data-rule="apigw-host-header-forwarded"]');
  await expect(mark).toHaveCount(1);
  const [top, expected] = await mark.evaluate((el, n) => {
    const layer = el.closest('.highlight');
    const style = getComputedStyle(layer);
    return [el.offsetTop, parseFloat(style.paddingTop) + (n - 1) * parseFloat(style.lineHeight)];
  }, ALL_VIEWER_LINE);
  expect(Math.abs(top - expected)).toBeLessThan(4);
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
