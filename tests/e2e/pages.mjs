// Page objects: one class per view, so journeys read as what a person does.
//
// The Check editor is CodeMirror (`.cm-content`, a contenteditable); the helpers that put text in
// it or read it back also drive the textarea editor this one replaced (`textarea#paste`), so that
// a test can be run against an older build (APIFRONT_DIST=…) to see it fail there for the right
// reason rather than for a missing selector.
import { expect } from '@playwright/test';

/** The parts every view shares. */
class AppPage {
  constructor(page) {
    this.page = page;
    this.heading = page.getByRole('heading', { level: 1 });
    this.footer = page.locator('footer');
    this.themeToggle = page.getByRole('button', { name: /Colour theme/ });
    /** The live region that confirms actions (copy, fix, undo, …). */
    this.toast = page.locator('.toast');
  }

  async open(hash) {
    await this.page.goto(`./${hash}`);
    await expect(this.heading).toHaveText('apifront');
  }
}

/** Waits until CodeMirror has replaced the plain text area that stands in while its script
 * loads (a build without the editor script has only its textarea). */
export async function waitForEditor(page) {
  await page.waitForFunction(
    () => !document.querySelector('script[src*="editor-"]') || !document.querySelector('textarea.editor-plain'),
  );
}

/** Puts `text` into an editor the way a paste does: CodeMirror gets a `paste` event carrying it
 * (after selecting everything, so it replaces the text); the old textarea gets its value. */
export async function pasteInto(page, editor, text) {
  if (await editor.evaluate((el) => el.tagName === 'TEXTAREA')) {
    await editor.evaluate((el, v) => {
      el.value = v;
      // Where a real paste leaves the caret and the view: at the end.
      el.setSelectionRange(v.length, v.length);
      el.scrollTop = el.scrollHeight;
      el.dispatchEvent(new InputEvent('input', { bubbles: true }));
    }, text);
    return;
  }
  await editor.focus();
  await page.keyboard.press('Control+A');
  await editor.evaluate((el, v) => {
    const data = new DataTransfer();
    data.setData('text/plain', v);
    el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, text);
}

/** The whole text of an editor (CodeMirror renders only the visible lines). */
export function textOf(editor) {
  return editor.evaluate((el) =>
    el.tagName === 'TEXTAREA' ? el.value : window.apifrontEditor.textOf(el),
  );
}

/** The Check view (`#/check`). */
export class CheckPage extends AppPage {
  constructor(page) {
    super(page);
    // The editor of the tab shown (the other tabs' editors stay mounted, hidden).
    this.editor = page.locator('.check .editor-frame:not([hidden]) .cm-content, .check textarea#paste');
    this.status = page.locator('.check .status');
    this.examples = page.getByLabel('Load an example');
    this.fixAllSafe = page.getByRole('button', { name: 'Fix all safe' });
    this.loadIntoForm = page.getByRole('button', { name: 'Load into form' });
    this.undo = page.locator('.check').getByRole('button', { name: 'Undo', exact: true });
    this.shareLink = page.locator('.check').getByLabel('Share link');
    this.makeLink = page.getByRole('button', { name: 'Make a link with this text' });
    this.ruleDocs = page.locator('.check .rule-docs');
    this.filters = page.locator('.check .filters');
  }

  /** Opens the view and waits until the page knows where its lint runs (`<html data-linter>`:
   * `worker` once the lint worker is ready). */
  async open() {
    await super.open('#/check');
    await expect(this.page.locator('html[data-linter]')).toHaveCount(1);
    await waitForEditor(this.page);
  }

  /** Where the lint runs: `worker` or `main-thread`. */
  linter() {
    return this.page.locator('html').getAttribute('data-linter');
  }

  /** Pastes `text` and waits for its lint (of the given format, when given). */
  async paste(text, format) {
    // Busy from the paste until the lint answers (the old editor marked itself stale). A fast
    // answer can end the busy state between two polls, so an observer records that it began.
    const selector = 'section.check[aria-busy="true"], .editor-stale';
    await this.page.evaluate((busySelector) => {
      window.__apifrontBusySeen = false;
      const observer = new MutationObserver(() => {
        if (document.querySelector(busySelector)) {
          window.__apifrontBusySeen = true;
          observer.disconnect();
        }
      });
      observer.observe(document.body, { subtree: true, childList: true, attributes: true });
    }, selector);
    await pasteInto(this.page, this.editor, text);
    await this.page.waitForFunction(() => window.__apifrontBusySeen === true);
    const busy = this.page.locator(selector);
    await expect(busy).toHaveCount(0, { timeout: 30_000 });
    if (format) await expect(this.status).toContainText(`${format}:`);
  }

  text() {
    return textOf(this.editor);
  }

  async loadExample(index, format) {
    await this.examples.selectOption({ index });
    await expect(this.status).toContainText(`${format}:`);
  }

  finding(rule) {
    return this.page.locator(`.check li.finding[data-rule="${rule}"]`);
  }

  findings() {
    return this.page.locator('.check li.finding');
  }

  /** The underlines of a rule's findings in the editor. */
  underline(rule) {
    return this.page.locator(`.check .cm-lintRange.cm-rule-${rule}`);
  }

  /** The severity markers in the gutter on 1-based `line`. */
  async markersOn(line) {
    return this.page.evaluate((line) => {
      const numbers = [...document.querySelectorAll('.check .editor-frame:not([hidden]) .cm-lineNumbers .cm-gutterElement')];
      const number = numbers.find((el) => el.textContent === String(line));
      if (!number) return [];
      const top = number.getBoundingClientRect().top;
      return [...document.querySelectorAll('.check .editor-frame:not([hidden]) .cm-gutter-lint .cm-gutterElement')]
        .filter((el) => Math.abs(el.getBoundingClientRect().top - top) < 2)
        .flatMap((el) => [...el.querySelectorAll('.cm-lint-marker')].map((m) => m.className));
    }, line);
  }

  /** The 1-based line of the caret in the editor (the highlighted line number). */
  async caretLine() {
    return Number(await this.page.locator('.check .editor-frame:not([hidden]) .cm-lineNumbers .cm-activeLineGutter').textContent());
  }
}

/** The Configure view (`#/configure`). */
export class ConfigurePage extends AppPage {
  constructor(page) {
    super(page);
    this.presets = page.locator('select.presets');
    this.tabs = page.getByRole('tab');
    this.code = page.locator('.output-code .cm-content, .output-code');
    this.lint = page.locator('.output-lint');
    this.copy = page.locator('.output-bar').getByRole('button', { name: 'Copy' });
    this.download = page.getByRole('button', { name: 'Download' });
    this.shareLink = page.locator('.configure').getByLabel('Share link');
    this.blocked = page.locator('.output-blocked');
    this.findings = page.locator('.output .findings');
  }

  async open() {
    await super.open('#/configure');
    await waitForEditor(this.page);
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

  /** The generated snippet's text. */
  async snippet() {
    const code = this.page.locator('.output-code .cm-content');
    if (await code.count()) return textOf(code);
    return this.page.locator('.output-code').textContent();
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
