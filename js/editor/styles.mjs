// CodeMirror's styles under a strict Content-Security-Policy (`style-src 'self'`, no
// 'unsafe-inline'): style-mod mounts the editor's generated CSS as a <style> element in a
// document (constructable style sheets only inside shadow roots), and the policy blocks such an
// element. A static host cannot mint a nonce per response, so instead every StyleModule is
// mounted into one constructable CSSStyleSheet adopted by the document: rules inserted through
// the CSSOM are not subject to `style-src`. Same ordering rules as style-mod's own StyleSet:
// modules later in a mount call take precedence over earlier ones.
import { StyleModule } from 'style-mod';

/** Installs the adopted-sheet mount; call before the first EditorView is created. */
export function mountStylesInAdoptedSheet() {
  const sets = new WeakMap(); // Document | ShadowRoot → { sheet, modules }
  StyleModule.mount = (root, modules, _options) => {
    const list = Array.isArray(modules) ? modules : [modules];
    let set = sets.get(root);
    if (!set) {
      const win = (root.ownerDocument || root).defaultView;
      set = { sheet: new win.CSSStyleSheet(), modules: [] };
      sets.set(root, set);
    }
    let pos = 0; // rule offset in the sheet
    let j = 0; // index into set.modules
    for (const mod of list) {
      let index = set.modules.indexOf(mod);
      if (index > -1 && index < j) {
        // Mounted before, but in another order: move it (drop its rules first).
        let start = 0;
        for (let k = 0; k < index; k++) start += set.modules[k].rules.length;
        for (let k = 0; k < mod.rules.length; k++) set.sheet.deleteRule(start);
        set.modules.splice(index, 1);
        j--;
        pos -= mod.rules.length;
        index = -1;
      }
      if (index === -1) {
        set.modules.splice(j++, 0, mod);
        for (const rule of mod.rules) set.sheet.insertRule(rule, pos++);
      } else {
        while (j < index) pos += set.modules[j++].rules.length;
        pos += mod.rules.length;
        j++;
      }
    }
    if (!root.adoptedStyleSheets.includes(set.sheet)) {
      root.adoptedStyleSheets = [...root.adoptedStyleSheets, set.sheet];
    }
  };
}
