// Journey: paste a broken CLI JSON config, see a marker at the right line, click the finding,
// the caret lands there, apply the fix, the finding is gone.
import { test, expect } from '@playwright/test';
import { readFileSync, mkdirSync } from 'node:fs';

const SHOTS = 'artifacts/screenshots';
mkdirSync(SHOTS, { recursive: true });
const BROKEN = readFileSync('static/examples/broken-cli.json', 'utf8');
const ALL_VIEWER_LINE = BROKEN.split('\n').findIndex((l) => l.includes('216adef6')) + 1;

test('paste, locate, fix', async ({ page }) => {
  const errors = [];
  page.on('pageerror', (err) => errors.push(String(err)));
  await page.goto('./#/check');
  const editor = page.getByLabel(/Configuration to check/);
  await editor.fill(BROKEN);

  const status = page.getByRole('status');
  await expect(status).toContainText('cli-json:');
  const finding = page.locator('li.finding[data-rule="apigw-host-header-forwarded"]');
  await expect(finding).toHaveCount(1);
  await expect(finding).toContainText(`${ALL_VIEWER_LINE}:`);
  await expect(page.locator(`.marker[data-line="${ALL_VIEWER_LINE}"]`)).toHaveCount(1);
  await page.screenshot({ path: `${SHOTS}/check-findings.png`, fullPage: true });

  await finding.locator('.finding-goto').click();
  const caretLine = await editor.evaluate((el) => el.value.slice(0, el.selectionStart).split('\n').length);
  expect(caretLine).toBe(ALL_VIEWER_LINE);
  await expect(editor).toBeFocused();

  await finding.getByRole('button', { name: /^Fix/ }).click();
  await expect(page.locator('li.finding[data-rule="apigw-host-header-forwarded"]')).toHaveCount(0);
  await expect(editor).toHaveValue(/b689b0a8-53d0-40ab-baf2-68738e2966ac/);
  expect(errors).toEqual([]);
});

test('fix all safe and read a rule', async ({ page }) => {
  await page.goto('./#/check');
  await page.getByLabel('Load an example').selectOption({ index: 1 });
  await expect(page.getByRole('status')).toContainText('cli-json:');
  const before = await page.locator('li.finding').count();
  await page.getByRole('button', { name: 'Fix all safe' }).click();
  await expect(page.getByRole('button', { name: 'Fix all safe' })).toBeDisabled();
  expect(await page.locator('li.finding').count()).toBeLessThan(before);

  await page.locator('li.finding .rule-link').first().click();
  await expect(page.locator('.rule-docs')).toContainText('Why is this bad?');
});

test('the rules catalogue is searchable and each rule has a page', async ({ page }) => {
  await page.goto('./#/rules');
  await page.getByLabel('Search rules').fill('host header');
  const link = page.getByRole('link', { name: 'apigw-host-header-forwarded' });
  await link.click();
  await expect(page).toHaveURL(/#\/rules\/apigw-host-header-forwarded$/);
  await expect(page.locator('.rule-docs h4')).toHaveText([
    'What it does', 'Why is this bad?', 'Example', 'Use instead', 'Exceptions', 'References',
  ]);
  await page.screenshot({ path: `${SHOTS}/rule-page.png`, fullPage: true });
});

test('underlines sit on the flagged text even when scrolled', async ({ page }) => {
  await page.goto('./#/check');
  const editor = page.getByLabel(/Configuration to check/);
  await editor.fill(BROKEN);
  await expect(page.getByRole('status')).toContainText('cli-json:');
  for (const scroll of ['end', 'start']) {
    await editor.evaluate((el, s) => { el.scrollTop = s === 'end' ? el.scrollHeight : 0; el.dispatchEvent(new Event('scroll')); }, scroll);
    const offset = await page.evaluate(() => {
      const area = document.querySelector('#paste');
      const overlay = document.querySelector('.highlight');
      return overlay.scrollTop - area.scrollTop;
    });
    expect(offset).toBe(0);
  }
  // The mark for the AllViewer id is on the same line box as the text line it flags.
  const mark = page.locator('mark[data-rule="apigw-host-header-forwarded"]');
  await expect(mark).toHaveCount(1);
  await finding_line_matches(page, mark, ALL_VIEWER_LINE);
});

async function finding_line_matches(page, mark, line) {
  // Within the highlight layer, the mark starts on its line's box: padding + (line - 1) * height.
  const [top, expected] = await mark.evaluate((el, n) => {
    const layer = el.closest('.highlight');
    const style = getComputedStyle(layer);
    return [el.offsetTop, parseFloat(style.paddingTop) + (n - 1) * parseFloat(style.lineHeight)];
  }, line);
  expect(Math.abs(top - expected)).toBeLessThan(4);
}

test('the caret stays where the user types when the lint comes back', async ({ page }) => {
  await page.goto('./#/check');
  const editor = page.getByLabel(/Configuration to check/);
  await editor.fill(BROKEN);
  await expect(page.getByRole('status')).toContainText('cli-json:');
  // Put the caret in the middle and type: after the debounced lint, it is still there.
  await editor.evaluate((el) => el.setSelectionRange(100, 100));
  await page.keyboard.type(' ');
  await expect(page.getByRole('status')).toContainText('cli-json:');
  await page.waitForTimeout(300);
  expect(await editor.evaluate((el) => el.selectionStart)).toBe(101);
});
