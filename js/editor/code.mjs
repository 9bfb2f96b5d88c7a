// Colours for the generated CDK code (TypeScript and Python), shown read-only: a small
// StreamLanguage for comments, strings, numbers and keywords. A full JavaScript or Python grammar
// would add more to the bundle than these read-only panes need.
import { StreamLanguage } from '@codemirror/language';

function codeLanguage(name, lineComment, keywords) {
  const words = new Set(keywords.split(' '));
  return StreamLanguage.define({
    name,
    startState: () => ({ quote: null }),
    token(stream, state) {
      if (state.quote) {
        // A string continued from the previous line (template literals, triple quotes).
        while (!stream.eol()) {
          if (stream.match(state.quote)) {
            state.quote = null;
            break;
          }
          if (stream.next() === '\\') stream.next();
        }
        return 'string';
      }
      if (stream.eatSpace()) return null;
      if (stream.match(lineComment)) {
        stream.skipToEnd();
        return 'comment';
      }
      const quote = stream.match(/^("""|'''|`|"|')/);
      if (quote) {
        const q = quote[0];
        while (!stream.eol()) {
          if (stream.match(q)) return 'string';
          if (stream.next() === '\\') stream.next();
        }
        if (q.length === 3 || q === '`') state.quote = q;
        return 'string';
      }
      if (stream.match(/^\d+(\.\d+)?/)) return 'number';
      if (stream.match(/^[A-Za-z_$][\w$]*/)) {
        return words.has(stream.current()) ? 'keyword' : 'variableName';
      }
      stream.next();
      return null;
    },
    languageData: { commentTokens: { line: lineComment } },
  });
}

export const typescriptLanguage = codeLanguage(
  'typescript', '//',
  'import export from as const let new class extends return if else true false null undefined this',
);
export const pythonLanguage = codeLanguage(
  'python', '#',
  'import from as def class return if else elif True False None self with for in',
);
