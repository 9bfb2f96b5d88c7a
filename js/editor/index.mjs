// apifront's code editor: CodeMirror 6, wrapped for the Yew app (src/editor.rs binds this
// through wasm-bindgen as the global `apifrontEditor`). Bundled by scripts/build-editor.mjs
// (esbuild, from node_modules, offline) into one script that the page loads before its wasm.
//
// Positions cross the boundary as [line, column] pairs, 1-based, columns in UTF-16 code units:
// what apifront-core reports, and what CodeMirror's document counts.
import { EditorState, Compartment } from '@codemirror/state';
import {
  EditorView, keymap, lineNumbers, highlightActiveLineGutter, highlightSpecialChars,
  drawSelection, highlightActiveLine,
} from '@codemirror/view';
import {
  defaultKeymap, history, historyKeymap, indentWithTab, undo,
} from '@codemirror/commands';
import {
  indentOnInput, syntaxHighlighting, bracketMatching, foldGutter, foldKeymap, indentUnit,
} from '@codemirror/language';
import { searchKeymap, search, highlightSelectionMatches } from '@codemirror/search';
import {
  lintGutter, lintKeymap, setDiagnostics, previousDiagnostic, linter,
} from '@codemirror/lint';
import { json } from '@codemirror/lang-json';
import { yaml } from '@codemirror/lang-yaml';
import { classHighlighter } from '@lezer/highlight';
import { hclLanguage, hclFolding } from './hcl.mjs';
import { typescriptLanguage, pythonLanguage } from './code.mjs';
import { mountStylesInAdoptedSheet } from './styles.mjs';
import { theme } from './theme.mjs';

mountStylesInAdoptedSheet();

/** The syntax support of a language name the app sends. */
function languageSupport(name) {
  switch (name) {
    case 'json': return json();
    case 'yaml': return yaml();
    case 'hcl': return [hclLanguage, hclFolding];
    case 'typescript': return typescriptLanguage;
    case 'python': return pythonLanguage;
    default: return [];
  }
}

/** The document offset of a [line, column] pair, clamped into the document. */
function offset(doc, [line, column]) {
  const l = doc.line(Math.max(1, Math.min(line, doc.lines)));
  return Math.min(l.from + Math.max(0, column - 1), l.to);
}

/** Text with `code` spans as <code> elements (messages and summaries use Markdown backticks). */
function inlineCode(text) {
  const out = document.createElement('span');
  text.split('`').forEach((part, i) => {
    if (!part) return;
    if (i % 2) {
      const code = document.createElement('code');
      code.textContent = part;
      out.append(code);
    } else out.append(part);
  });
  return out;
}

/** The hover (and panel) content of a finding: message, the rule's short docs, a docs button. */
function renderFinding(d, onDocs) {
  const box = document.createElement('div');
  box.className = 'cm-apifront-finding';
  const message = document.createElement('p');
  message.className = 'cm-apifront-message';
  message.append(inlineCode(d.message));
  box.append(message);
  if (d.rule) {
    const summary = document.createElement('p');
    summary.className = 'cm-apifront-summary';
    summary.append(inlineCode(d.summary));
    const docs = document.createElement('button');
    docs.type = 'button';
    docs.className = 'cm-apifront-docs';
    docs.textContent = `Rule docs: ${d.rule}`;
    docs.addEventListener('click', () => onDocs(d.key));
    box.append(summary, docs);
  }
  return box;
}

class Editor {
  /**
   * @param {HTMLElement} parent where the editor goes
   * @param {{text: string, language: string, readOnly: boolean, label: string, id?: string}} options
   * @param {{change?: (whole: boolean) => void, fix?: (key: number) => void, docs?: (key: number) => void}} callbacks
   */
  constructor(parent, options, callbacks) {
    this.callbacks = callbacks;
    this.quiet = false;
    this.language = new Compartment();
    // tabindex: the editable area is reachable with Tab anyway (contenteditable); saying so lets
    // checkers (axe's scrollable-region-focusable) see that its scroller is keyboard-usable.
    const attributes = { 'aria-label': options.label, tabindex: '0' };
    if (options.id) attributes.id = options.id;
    if (options.readOnly) attributes['aria-readonly'] = 'true';
    const common = [
      lineNumbers(),
      highlightSpecialChars(),
      drawSelection(),
      syntaxHighlighting(classHighlighter),
      bracketMatching(),
      foldGutter(),
      search({ top: true }),
      highlightSelectionMatches(),
      this.language.of(languageSupport(options.language)),
      EditorState.tabSize.of(2),
      indentUnit.of('  '),
      EditorView.contentAttributes.of(attributes),
      theme,
    ];
    // Read-only views (generated snippets, docs examples) wrap long lines: they are read, not edited.
    const extensions = options.readOnly
      ? [...common, EditorState.readOnly.of(true), EditorView.lineWrapping,
          keymap.of([...searchKeymap, ...foldKeymap, ...defaultKeymap])]
      : [
          ...common,
          history(),
          indentOnInput(),
          highlightActiveLine(),
          highlightActiveLineGutter(),
          lintGutter(),
          linter(null, { autoPanel: false }),
          keymap.of([
            ...defaultKeymap, ...historyKeymap, ...searchKeymap, ...foldKeymap, ...lintKeymap,
            { key: 'Shift-F8', run: previousDiagnostic },
            indentWithTab,
          ]),
          EditorView.updateListener.of((update) => this.changed(update)),
          // A dropped file opens in the page (it replaces the text), not as text at the drop point.
          EditorView.domEventHandlers({ drop: (event) => event.dataTransfer?.files?.length > 0 }),
        ];
    this.view = new EditorView({
      parent,
      state: EditorState.create({ doc: options.text, extensions }),
    });
  }

  changed(update) {
    if (!update.docChanged || this.quiet) return;
    // A paste or drop that replaced the whole text: the page shows its first problem once linted.
    const whole = update.transactions.some((tr) => {
      if (!tr.isUserEvent('input.paste') && !tr.isUserEvent('input.drop')) return false;
      let all = false;
      tr.changes.iterChanges((fromA, toA) => {
        if (fromA === 0 && toA === tr.startState.doc.length) all = true;
      });
      return all;
    });
    this.callbacks.change?.(whole);
  }

  /** Runs `spec` without telling the page (it asked for the change itself). */
  quietly(spec) {
    this.quiet = true;
    try {
      this.view.dispatch(spec);
    } finally {
      this.quiet = false;
    }
  }

  text() {
    return this.view.state.doc.toString();
  }

  /**
   * Shows `text` as one undoable step. `fresh`: a new text, shown from its top with the caret at
   * the start; otherwise only the part that differs is replaced and the caret stays (fix-all).
   */
  setText(text, fresh) {
    const old = this.view.state.doc.toString();
    if (old === text) return;
    if (fresh) {
      this.quietly({
        changes: { from: 0, to: old.length, insert: text },
        selection: { anchor: 0 },
        effects: EditorView.scrollIntoView(0, { y: 'start' }),
      });
      return;
    }
    let start = 0;
    const shorter = Math.min(old.length, text.length);
    while (start < shorter && old.charCodeAt(start) === text.charCodeAt(start)) start++;
    let end = 0;
    while (end < shorter - start &&
      old.charCodeAt(old.length - 1 - end) === text.charCodeAt(text.length - 1 - end)) end++;
    this.quietly({ changes: { from: start, to: old.length - end, insert: text.slice(start, text.length - end) } });
  }

  setLanguage(name) {
    this.view.dispatch({ effects: this.language.reconfigure(languageSupport(name)) });
  }

  /** Shows findings as underlines, gutter markers, hover cards and the lint panel. */
  setDiagnostics(json) {
    const { doc } = this.view.state;
    const diagnostics = JSON.parse(json).map((d) => {
      const from = offset(doc, d.from);
      return {
        from,
        to: Math.max(from, offset(doc, d.to)),
        severity: d.severity,
        message: d.message,
        source: d.rule || undefined,
        markClass: d.rule ? `cm-rule-${d.rule}` : 'cm-parse-error',
        renderMessage: () => renderFinding(d, (key) => this.callbacks.docs?.(key)),
        actions: d.fixes.map((f) => ({ name: f.label, apply: () => this.callbacks.fix?.(f.key) })),
      };
    });
    this.view.dispatch(setDiagnostics(this.view.state, diagnostics));
  }

  /** Applies a fix: one transaction, one step of the undo history. */
  apply(json) {
    const { doc } = this.view.state;
    const changes = JSON.parse(json).map((c) => ({
      from: offset(doc, c.from), to: offset(doc, c.to), insert: c.insert,
    }));
    if (!changes.length) return;
    this.quietly({ changes, userEvent: 'input.fix', scrollIntoView: true });
  }

  /** Selects a range, scrolls it to the middle of the view and focuses the editor. */
  reveal(from, to) {
    const { doc } = this.view.state;
    const anchor = offset(doc, from);
    this.view.dispatch({
      selection: { anchor, head: Math.max(anchor, offset(doc, to)) },
      effects: EditorView.scrollIntoView(anchor, { y: 'center' }),
    });
    this.view.focus();
  }

  /** Scrolls a position into view (to the middle) without moving the caret or the focus. */
  scrollTo(at) {
    this.view.dispatch({
      effects: EditorView.scrollIntoView(offset(this.view.state.doc, at), { y: 'center' }),
    });
  }

  /** Focuses the editor with the caret at `offset` (where it was in the plain text area). */
  focusAt(offset) {
    this.view.dispatch({ selection: { anchor: Math.min(offset, this.view.state.doc.length) } });
    this.view.focus();
  }

  undo() {
    this.quiet = true;
    try {
      return undo(this.view);
    } finally {
      this.quiet = false;
    }
  }

  destroy() {
    this.view.destroy();
  }
}

// The page loads this script without blocking the app's start; the app waits for this event
// when its first editor is ready to mount before the script has run.
globalThis.apifrontEditor = {
  create: (parent, options, callbacks) => new Editor(parent, options, callbacks),
  /** The text of the editor around `element` (for tests and debugging in the console). */
  textOf: (element) => EditorView.findFromDOM(element)?.state.doc.toString() ?? null,
};
globalThis.dispatchEvent?.(new Event('apifront-editor-ready'));
