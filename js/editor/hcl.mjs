// Terraform (HCL) syntax for CodeMirror. There is no official CodeMirror package for HCL, so this
// is a small StreamLanguage: comments (#, //, /* */), strings with ${…} interpolation, heredocs
// (<<EOF / <<-EOF), numbers, block keywords, attribute names (an identifier before `=`) and
// brackets. Indentation follows the bracket depth; folding runs from a line's trailing opening
// bracket to its match.
import { StreamLanguage, foldService, matchBrackets } from '@codemirror/language';

const KEYWORDS = new Set([
  'resource', 'data', 'variable', 'output', 'locals', 'module', 'provider', 'terraform',
  'dynamic', 'content', 'for', 'in', 'if', 'import', 'moved', 'check',
]);
const ATOMS = new Set(['true', 'false', 'null']);

/** Reads a string body up to its closing quote or an interpolation. */
function stringBody(stream, state) {
  while (!stream.eol()) {
    if (stream.match('${', false)) return 'string';
    const ch = stream.next();
    if (ch === '\\') stream.next();
    else if (ch === '"') {
      state.stack.pop();
      return 'string';
    }
  }
  return 'string';
}

export const hclLanguage = StreamLanguage.define({
  name: 'hcl',
  startState: () => ({ stack: [], heredoc: null, comment: false, depth: 0 }),
  copyState: (s) => ({ stack: [...s.stack], heredoc: s.heredoc, comment: s.comment, depth: s.depth }),
  token(stream, state) {
    if (state.heredoc) {
      if (stream.sol() && stream.string.trim() === state.heredoc) state.heredoc = null;
      stream.skipToEnd();
      return 'string';
    }
    if (state.comment) {
      if (stream.skipTo('*/')) {
        stream.pos += 2;
        state.comment = false;
      } else stream.skipToEnd();
      return 'comment';
    }
    const top = state.stack[state.stack.length - 1];
    if (top === 'string') {
      if (stream.match('${')) {
        state.stack.push('interp');
        return 'meta';
      }
      return stringBody(stream, state);
    }
    if (stream.eatSpace()) return null;
    if (stream.match('#') || stream.match('//')) {
      stream.skipToEnd();
      return 'comment';
    }
    if (stream.match('/*')) {
      state.comment = true;
      return 'comment';
    }
    const heredoc = stream.match(/^<<-?([A-Za-z_][\w-]*)/);
    if (heredoc) {
      state.heredoc = heredoc[1];
      return 'string';
    }
    if (stream.eat('"')) {
      state.stack.push('string');
      return stringBody(stream, state);
    }
    if (stream.match(/^-?\d+(\.\d+)?([eE][+-]?\d+)?/)) return 'number';
    if (stream.match(/^[A-Za-z_][\w-]*/)) {
      const word = stream.current();
      if (ATOMS.has(word)) return 'atom';
      if (stream.match(/^\s*=(?!=)/, false)) return 'propertyName';
      if (KEYWORDS.has(word) && stream.column() === stream.indentation()) return 'keyword';
      return 'variableName';
    }
    const ch = stream.next();
    if (ch === '{' || ch === '[' || ch === '(') {
      state.depth++;
      return 'bracket';
    }
    if (ch === '}' && top === 'interp') {
      state.stack.pop();
      return 'meta';
    }
    if (ch === '}' || ch === ']' || ch === ')') {
      state.depth = Math.max(0, state.depth - 1);
      return 'bracket';
    }
    return 'operator';
  },
  indent(state, textAfter, cx) {
    const closing = /^\s*[}\])]/.test(textAfter) ? 1 : 0;
    return Math.max(0, state.depth - closing) * cx.unit;
  },
  languageData: { commentTokens: { line: '#', block: { open: '/*', close: '*/' } } },
});

/** Folds from a line's trailing opening bracket to the matching closing one. */
export const hclFolding = foldService.of((state, lineStart, lineEnd) => {
  const text = state.doc.sliceString(lineStart, lineEnd);
  const open = /[{[(]\s*$/.exec(text);
  if (!open) return null;
  const match = matchBrackets(state, lineStart + open.index + 1, -1);
  if (!match || !match.matched || !match.end || match.end.from <= lineEnd) return null;
  return { from: lineEnd, to: match.end.from };
});
