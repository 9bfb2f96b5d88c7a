// Page objects: one class per view, so journeys read as what a person does.
import { expect } from '@playwright/test';

/** The parts every view shares. */
class AppPage {
  constructor(page) {
    this.page = page;
    this.heading = page.getByRole('heading', { level: 1 });
    this.footer = page.locator('footer');
    this.themeToggle = page.getByRole('button', { name: /Colour theme/ });
  }

  async open(hash) {
    await this.page.goto(`./${hash}`);
    await expect(this.heading).toHaveText('apifront');
  }
}

/** The Check view (`#/check`). */
export class CheckPage extends AppPage {
  constructor(page) {
    super(page);
    this.editor = page.getByLabel(/Configuration to check/);
    this.status = page.locator('.check [role=status]');
    this.examples = page.getByLabel('Load an example');
    this.fixAllSafe = page.getByRole('button', { name: 'Fix all safe' });
    this.loadIntoForm = page.getByRole('button', { name: 'Load into form' });
    this.shareLink = page.getByLabel('Share link');
    this.makeLink = page.getByRole('button', { name: 'Make a link with this text' });
    this.ruleDocs = page.locator('.rule-docs');
  }

  /** Opens the view and waits until the page knows where its lint runs (`<html data-linter>`:
   * `worker` once the lint worker is ready). */
  async open() {
    await super.open('#/check');
    await expect(this.page.locator('html[data-linter]')).toHaveCount(1);
  }

  /** Where the lint runs: `worker` or `main-thread`. */
  linter() {
    return this.page.locator('html').getAttribute('data-linter');
  }

  /** Pastes `text` and waits for the lint of the given format. (Large texts are set directly:
   * Playwright's `fill` types into a textarea line by line, seconds for a few thousand lines.) */
  async paste(text, format) {
    if (text.length > 20000) {
      await this.editor.evaluate((el, v) => {
        el.value = v;
        el.dispatchEvent(new InputEvent('input', { bubbles: true }));
      }, text);
    } else {
      await this.editor.fill(text);
    }
    if (format) await expect(this.status).toContainText(`${format}:`);
  }

  async loadExample(index, format) {
    await this.examples.selectOption({ index });
    await expect(this.status).toContainText(`${format}:`);
  }

  finding(rule) {
    return this.page.locator(`li.finding[data-rule="${rule}"]`);
  }

  findings() {
    return this.page.locator('li.finding');
  }

  marker(line) {
    return this.page.locator(`.marker[data-line="${line}"]`);
  }

  /** The 1-based line of the caret in the editor. */
  async caretLine() {
    return this.editor.evaluate((el) => el.value.slice(0, el.selectionStart).split('\n').length);
  }
}

/** The Configure view (`#/configure`). */
export class ConfigurePage extends AppPage {
  constructor(page) {
    super(page);
    this.presets = page.getByLabel('Start from a preset');
    this.tabs = page.getByRole('tab');
    this.code = page.locator('.output-code');
    this.lint = page.locator('.output-lint');
    this.download = page.getByRole('button', { name: 'Download' });
    this.shareLink = page.getByLabel('Share link');
    this.blocked = page.getByRole('alert');
  }

  async open() {
    await super.open('#/configure');
  }

  async preset(name) {
    await this.presets.selectOption(name);
  }

  tab(name) {
    return this.page.getByRole('tab', { name });
  }

  field(label) {
    return this.page.getByLabel(label, { exact: true });
  }

  message(field) {
    return this.page.locator(`[data-field="${field}"]`);
  }

  /** Clicks Download and returns the Playwright download. */
  async downloadFile() {
    const [download] = await Promise.all([
      this.page.waitForEvent('download'),
      this.download.click(),
    ]);
    return download;
  }
}

/** The Rules view (`#/rules`). */
export class RulesPage extends AppPage {
  constructor(page) {
    super(page);
    this.search = page.getByLabel('Search rules');
    this.docs = page.locator('.rule-docs');
  }

  async open() {
    await super.open('#/rules');
  }

  link(slug) {
    return this.page.getByRole('link', { name: slug });
  }
}
