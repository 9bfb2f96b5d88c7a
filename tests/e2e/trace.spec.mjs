// Several texts at once, the API definition, the trace panel and the map (issues 12 and 14):
// a Terraform module opened as its files, a definition that turns a guess into a proof, the
// classic 403 (a path pattern is not an alias: `/api/users` reaches the API as
// `/prod/api/users`) traced hop by hop, the map drawn and clicked, and a share link that brings
// every text and the traced request back.
import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { CheckPage } from './pages.mjs';

const USERS = readFileSync('crates/core/tests/fixtures/trace/cli-users-api.json', 'utf8');
const USERS_API = readFileSync('crates/core/tests/fixtures/trace/users-api.oas30.json', 'utf8');
const USERS_URL = 'https://d111111abcdef8.cloudfront.net/api/users';

/** A Terraform module in two files: the origin's host is a variable whose default is in the other
 * file, so the API rules can only run on the two read together. */
const VARIABLES_TF = `variable "api_domain" {
  type    = string
  default = "a1b2c3d4e5.execute-api.eu-west-1.amazonaws.com"
}
`;
const CDN_TF = `resource "aws_cloudfront_distribution" "api" {
  enabled = true

  origin {
    origin_id   = "orders-api"
    domain_name = var.api_domain
    origin_path = "/prod"

    custom_origin_config {
      http_port              = 80
      https_port             = 443
      origin_protocol_policy = "https-only"
      origin_ssl_protocols   = ["TLSv1.2"]
    }
  }

  default_cache_behavior {
    target_origin_id       = "orders-api"
    viewer_protocol_policy = "redirect-to-https"
    allowed_methods        = ["GET", "HEAD", "OPTIONS", "PUT", "POST", "PATCH", "DELETE"]
    cached_methods         = ["GET", "HEAD"]

    forwarded_values {
      query_string = true
      headers      = ["Host", "Authorization"]
      cookies {
        forward = "none"
      }
    }
  }

  restrictions {
    geo_restriction {
      restriction_type = "none"
    }
  }

  viewer_certificate {
    cloudfront_default_certificate = true
  }
}
`;
const HOST_LINE = CDN_TF.split('\n').findIndex((l) => l.includes('"Host"')) + 1;

/** The tab of a text, by its name. */
function docTab(page, name) {
  return page.locator('.check .doc-tabs[aria-label="Texts"]').getByRole('tab', { name });
}

/** Opens the Check view with the users distribution and its OpenAPI export in their tabs. */
async function usersWithDefinition(page) {
  const check = new CheckPage(page);
  await check.open();
  await check.paste(USERS, 'cli-json');
  await docTab(page, 'API definition').click();
  await check.paste(USERS_API);
  await expect(check.status).toContainText('API definition');
  return check;
}

test('a Terraform module opened as several files is linted as one', async ({ page }) => {
  const errors = [];
  page.on('pageerror', (err) => errors.push(String(err)));
  const check = new CheckPage(page);
  await check.open();
  await page.locator('#open-file').setInputFiles([
    { name: 'variables.tf', mimeType: 'text/plain', buffer: Buffer.from(VARIABLES_TF) },
    { name: 'cdn.tf', mimeType: 'text/plain', buffer: Buffer.from(CDN_TF) },
  ]);
  // One tab per file, by name, and the findings of both read together.
  await expect(docTab(page, 'cdn.tf')).toBeVisible();
  await expect(docTab(page, 'variables.tf')).toBeVisible();
  const host = check.finding('apigw-host-header-forwarded');
  await expect(host).toHaveCount(1);
  // The finding names its file: the host's default lives in variables.tf, the header in cdn.tf.
  await expect(host.locator('.loc')).toContainText(`cdn.tf ${HOST_LINE}:`);
  await host.locator('.finding-goto').click();
  await expect(docTab(page, 'cdn.tf')).toHaveAttribute('aria-selected', 'true');
  expect(await check.text()).toBe(CDN_TF);
  expect(await check.caretLine()).toBe(HOST_LINE);

  // Closing variables.tf leaves the host unknown: no API rule can prove anything.
  await docTab(page, 'variables.tf').click();
  await page.getByRole('button', { name: 'Close variables.tf' }).click();
  await expect(docTab(page, 'variables.tf')).toHaveCount(0);
  await expect(host).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('an API definition turns a depends into a verdict', async ({ page }) => {
  const check = new CheckPage(page);
  await check.open();
  await check.paste(USERS, 'cli-json');
  await page.getByRole('tab', { name: 'Trace' }).click();
  await page.getByLabel('URL').fill(USERS_URL);
  await page.getByRole('button', { name: 'Trace', exact: true }).click();
  // The API's resources are unknown: the API hop depends, the outcome lists what may happen.
  const api = page.locator('.hop[data-stage="api"]');
  await expect(api).toHaveClass(/hop-depends/);
  await expect(page.locator('.trace-outcome .outcome-status')).toHaveText('It depends');
  await expect(page.locator('.possibilities li').first()).toBeVisible();
  expect(await page.locator('.possibilities li').count()).toBeGreaterThan(1);

  // The definition tab: `/prod/api/users` lands on no resource of the known API.
  await docTab(page, 'API definition').click();
  await check.paste(USERS_API);
  await expect(api).toHaveClass(/hop-fail/);
  await expect(page.locator('.trace-outcome .outcome-status')).toContainText('403 Forbidden from API Gateway');
  await expect(page.locator('.possibilities')).toHaveCount(0);
  // The definition's status says what it was attached to.
  await expect(check.status).toContainText('attached to origin');
});

test('the classic 403 traced hop by hop', async ({ page }) => {
  const check = await usersWithDefinition(page);
  await page.getByRole('tab', { name: 'Trace' }).click();
  const url = page.getByLabel('URL');
  await url.fill(USERS_URL);
  await page.getByRole('button', { name: 'Trace', exact: true }).click();

  const outcome = page.locator('.trace-outcome .outcome-status');
  await expect(outcome).toContainText('403 Forbidden from API Gateway');
  const api = page.locator('.hop[data-stage="api"]');
  await expect(api).toHaveClass(/hop-fail/);
  await expect(api).toContainText('Missing Authentication Token');
  await expect(api).toContainText('stage prod');
  await expect(api).toContainText('/api/users');
  // The behavior hop says which pattern matched and passes.
  await expect(page.locator('.hop[data-stage="behavior"]')).toHaveClass(/hop-ok/);
  await expect(page.locator('.hop[data-stage="behavior"]')).toContainText('/api/*');

  // The hop names the rule that decides it, and its place is where that rule reports: the
  // behavior's path pattern in the configuration (the API's definition only says which routes
  // exist; the fix is a function that strips `/api`, or routes under it).
  await expect(api).toContainText('apigw-route-unreachable');
  await api.locator('.hop-goto').click();
  await expect(docTab(page, 'Configuration')).toHaveAttribute('aria-selected', 'true');
  expect(await check.text()).toBe(USERS);
  const line = await check.caretLine();
  expect(USERS.split('\n')[line - 1]).toContain('"PathPattern": "/api/*"');

  // A path the API has (through the default behavior): a resource matches.
  await page.getByRole('tab', { name: 'Trace' }).click();
  await url.fill('https://d111111abcdef8.cloudfront.net/public');
  await page.getByRole('button', { name: 'Trace', exact: true }).click();
  await expect(page.locator('.trace-of')).toContainText('/public');
  await expect(api).not.toContainText('Missing Authentication Token');
});

test('the map draws the distribution and opens a box in the editor', async ({ page }) => {
  const check = await usersWithDefinition(page);
  await page.getByRole('tab', { name: 'Map' }).click();
  const map = page.locator('.map-frame svg');
  await expect(map).toBeVisible();
  await expect(map.locator('g.node').first()).toBeVisible();
  // The behavior that reaches no route is drawn as a problem, with its reason in words.
  await expect(map).toContainText('/api/*');
  await expect(map).toContainText('reaches no route');
  // A box of the distribution's file opens its line there.
  const origin = map.locator('g.node[data-line]').filter({ hasText: 'u5r3x8k2pd' }).first();
  await origin.click();
  await expect(docTab(page, 'Configuration')).toHaveAttribute('aria-selected', 'true');
  const line = Number(await origin.getAttribute('data-line'));
  expect(await check.caretLine()).toBe(line);
  // The origin's entry starts there.
  expect(USERS.split('\n').slice(line - 1, line + 1).join('\n')).toContain('"Id": "users-api"');
});

test('a share link brings back the texts, the definition and the traced request', async ({ page, browser }) => {
  await usersWithDefinition(page);
  await page.getByRole('tab', { name: 'Trace' }).click();
  await page.getByLabel('URL').fill(USERS_URL);
  await page.getByLabel('Method').selectOption('POST');
  await page.getByRole('button', { name: 'Trace', exact: true }).click();
  await expect(page.locator('.trace-outcome')).toBeVisible();
  await page.getByRole('button', { name: 'Make a link with this text' }).click();
  const link = await page.locator('.check').getByLabel('Share link').inputValue();
  expect(link).toContain('#');

  // A fresh browser (nothing kept) opens the link.
  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  const check = new CheckPage(other);
  await other.goto(link);
  await expect(check.status).toContainText('cli-json:');
  expect(await check.text()).toBe(USERS);
  await docTab(other, /API definition|users/).click();
  expect(await check.text()).toBe(USERS_API);
  await other.getByRole('tab', { name: 'Trace' }).click();
  await expect(other.getByLabel('URL')).toHaveValue(USERS_URL);
  await expect(other.getByLabel('Method')).toHaveValue('POST');
  await expect(other.locator('.trace-outcome .outcome-status')).toContainText('403');
  await fresh.close();
});
