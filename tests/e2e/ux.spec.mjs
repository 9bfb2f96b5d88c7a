// Keyboard, files, theme: what a person does besides typing.
import { test, expect } from '@playwright/test';
import { CheckPage, ConfigurePage } from './pages.mjs';

test('open a file from the picker', async ({ page }) => {
  const check = new CheckPage(page);
  await check.open();
  await page.locator('#open-file').setInputFiles('static/examples/broken.tf');
  await expect(check.status).toContainText('terraform:');
  expect(await check.text()).toContain('aws_cloudfront_distribution');
  await expect(check.toast).toHaveText('Opened broken.tf.');
});

test('drop a file on the editor', async ({ page }) => {
  const check = new CheckPage(page);
  await check.open();
  const text = '{"DistributionConfig": {"Origins": {"Quantity": 0, "Items": []}}}';
  const dataTransfer = await page.evaluateHandle((t) => {
    const dt = new DataTransfer();
    dt.items.add(new File([t], 'dist.json', { type: 'application/json' }));
    return dt;
  }, text);
  await page.locator('.check .cm-content').dispatchEvent('drop', { dataTransfer });
  await expect.poll(() => check.text()).toBe(text);
});

test('Ctrl+Enter checks at once', async ({ page }) => {
  const check = new CheckPage(page);
  await check.open();
  await check.editor.click();
  await page.keyboard.insertText('{"a": ');
  await page.keyboard.press('Control+Enter');
  await expect(check.status).toContainText(/^Line 1, column/);
});

test('the theme toggle cycles and is remembered', async ({ page }) => {
  await page.goto('./#/rules');
  const toggle = page.getByRole('button', { name: /Colour theme/ });
  await expect(toggle).toHaveText('Theme: system');
  await toggle.click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  await toggle.click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  expect(bg).toBe('rgb(13, 17, 23)');
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect(page.locator('#panic')).toBeHidden();
});

test('shortcuts copy the snippet and the share link, from the state', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const configure = new ConfigurePage(page);
  await configure.open();
  await configure.preset('http-api');
  await configure.field('Region').focus();
  await page.keyboard.press('Alt+Shift+KeyC');
  await expect(configure.toast).toHaveText('Copied the snippet.');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(await configure.snippet());
  await page.keyboard.press('Alt+Shift+KeyL');
  await expect(configure.toast).toHaveText('Copied the share link.');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(await configure.shareLink.inputValue());
});

test('an AWS CLI output apifront does not read is named, not opened beside the configuration', async ({ page }) => {
  const errors = [];
  page.on('pageerror', (err) => errors.push(String(err)));
  const check = new CheckPage(page);
  await check.open();
  const dist = '{"DistributionConfig": {"Origins": {"Quantity": 0, "Items": []}}}';
  const rules = JSON.stringify({
    RoutingRules: [{
      Actions: [{ InvokeApi: { ApiId: 'k3x9q2m7vd', Stage: 'prod', StripBasePath: true } }],
      Conditions: [{ MatchBasePaths: { AnyOf: ['orders'] } }],
      Priority: 100,
      RoutingRuleId: 't7wq2e',
    }],
  });
  await page.locator('#open-file').setInputFiles([
    { name: 'dist.json', mimeType: 'application/json', buffer: Buffer.from(dist) },
    { name: 'rules.json', mimeType: 'application/json', buffer: Buffer.from(rules) },
  ]);
  // The configuration is opened and checked alone: no Terraform error about either file.
  const tabs = page.locator('.check .doc-tabs[aria-label="Texts"]');
  await expect(tabs.getByRole('tab', { name: 'dist.json' })).toBeVisible();
  await expect(tabs.getByRole('tab', { name: 'rules.json' })).toHaveCount(0);
  await expect.poll(() => check.text()).toBe(dist);
  await expect(check.status).not.toContainText('Terraform');
  // The banner names the file, the command it came from and what to give instead.
  const banner = page.locator('.banner');
  await expect(banner).toContainText('This file was not opened:');
  // Code is set as code, not as backticks.
  await expect(banner.locator('li')).toHaveText(
    'rules.json is the output of aws apigatewayv2 list-routing-rules (the routing rules of an API '
      + 'Gateway custom domain): apifront does not read it yet; to follow the routing rules, give the '
      + 'CloudFormation template or Terraform module that defines them (AWS::ApiGatewayV2::RoutingRule, '
      + 'aws_apigatewayv2_routing_rule)',
  );
  await expect(banner.locator('li code').first()).toHaveText('rules.json');
  await expect(check.toast).toHaveText('Opened dist.json. Not opened: rules.json (see the notice above).');
  expect(errors).toEqual([]);
});

test("a function URL's settings and policy from the AWS CLI are read beside its distribution", async ({ page }) => {
  const errors = [];
  page.on('pageerror', (err) => errors.push(String(err)));
  const check = new CheckPage(page);
  await check.open();
  const fixtures = 'crates/core/tests/fixtures';
  await page.locator('#open-file').setInputFiles([
    `${fixtures}/correct/cli-lambda-url-oac.json`,
    `${fixtures}/aws-outputs/thumbs-get-function-url-config.json`,
    `${fixtures}/aws-outputs/thumbs-get-policy-one-permission.json`,
  ]);
  // Both outputs open as API definitions; the policy grants only lambda:InvokeFunctionUrl.
  const tabs = page.locator('.check .doc-tabs[aria-label="Texts"]');
  await expect(tabs.locator('.doc-tab-api')).toHaveCount(2);
  const finding = check.finding('lambda-url-oac-permissions');
  await expect(finding).toHaveCount(1);
  await expect(finding).toContainText('also needs lambda:InvokeFunction for cloudfront.amazonaws.com');
  await expect(page.locator('.banner')).toHaveCount(0);
  expect(errors).toEqual([]);
});
