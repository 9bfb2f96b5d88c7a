// Screenshots of every view in light and dark mode and at a 390 px phone width, written to
// artifacts/screenshots/ to be looked at (they assert only that the page fits the screen).
import { test, expect } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { VIEWS } from './views.mjs';

const SHOTS = 'artifacts/screenshots';
mkdirSync(SHOTS, { recursive: true });

const LOOKS = [
  { name: 'light', scheme: 'light', width: 1280, height: 900 },
  { name: 'dark', scheme: 'dark', width: 1280, height: 900 },
  { name: 'phone', scheme: 'light', width: 390, height: 844 },
];

for (const view of VIEWS) {
  for (const look of LOOKS) {
    test(`${view.name}, ${look.name}`, async ({ page }) => {
      await page.setViewportSize({ width: look.width, height: look.height });
      await page.emulateMedia({ colorScheme: look.scheme });
      await page.goto(`./${view.hash}`);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('apifront');
      await view.ready(page);
      // Nothing makes the page wider than the screen.
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(look.width);
      await page.screenshot({ path: `${SHOTS}/${view.name}-${look.name}.png`, fullPage: true });
    });
  }
}
