// The views as a person sees them, ready for a screenshot or an accessibility scan.
import { expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { CheckPage, waitForEditor } from './pages.mjs';

const BROKEN = readFileSync('static/examples/broken-cli.json', 'utf8');
const USERS = readFileSync('crates/core/tests/fixtures/trace/cli-users-api.json', 'utf8');
const USERS_API = readFileSync('crates/core/tests/fixtures/trace/users-api.oas30.json', 'utf8');

/** The users distribution and its OpenAPI export, each in its tab, and panel `panel` shown. */
async function usersWith(page, panel) {
  await waitForEditor(page);
  const check = new CheckPage(page);
  await check.paste(USERS, 'cli-json');
  await page.locator('.check .doc-tabs[aria-label="Texts"]').getByRole('tab', { name: 'API definition' }).click();
  await check.paste(USERS_API);
  await page.getByRole('tab', { name: panel }).click();
}

export const VIEWS = [
  {
    name: 'configure',
    hash: '#/configure',
    ready: async (page) => {
      await waitForEditor(page);
      await page.locator('select.presets').selectOption('rest-custom-domain');
      await expect(page.locator('.output-lint')).toContainText('0 problems');
    },
  },
  {
    name: 'check',
    hash: '#/check',
    ready: async (page) => {
      await waitForEditor(page);
      const check = new CheckPage(page);
      await check.paste(BROKEN, 'cli-json');
      // The docs of the first finding open under it: part of what the view shows.
      await check.finding('apigw-host-header-forwarded').locator('.rule-link').click();
      await expect(check.ruleDocs).toBeVisible();
    },
  },
  {
    // The classic 403: `/api/users` reaches the API as `/prod/api/users`.
    name: 'check-trace',
    hash: '#/check',
    ready: async (page) => {
      await usersWith(page, 'Trace');
      await page.getByLabel('URL').fill('https://d111111abcdef8.cloudfront.net/api/users');
      await page.getByRole('button', { name: 'Trace', exact: true }).click();
      await expect(page.locator('.trace-outcome .outcome-status')).toContainText('403');
      await page.locator('.hop[data-stage="api"] summary').click();
    },
  },
  {
    name: 'check-map',
    hash: '#/check',
    ready: async (page) => {
      await usersWith(page, 'Map');
      await expect(page.locator('.map-frame svg g.node').first()).toBeVisible();
    },
  },
  { name: 'rules', hash: '#/rules', ready: async () => {} },
  {
    name: 'rule',
    hash: '#/rules/apigw-host-header-forwarded',
    ready: async (page) => {
      await expect(page.locator('.docs-example .cm-content').first()).toBeVisible();
    },
  },
];
