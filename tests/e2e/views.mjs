// The views as a person sees them, ready for a screenshot or an accessibility scan.
import { expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { CheckPage, waitForEditor } from './pages.mjs';

const BROKEN = readFileSync('static/examples/broken-cli.json', 'utf8');

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
  { name: 'rules', hash: '#/rules', ready: async () => {} },
  {
    name: 'rule',
    hash: '#/rules/apigw-host-header-forwarded',
    ready: async (page) => {
      await expect(page.locator('.docs-example .cm-content').first()).toBeVisible();
    },
  },
];
