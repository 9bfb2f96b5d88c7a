// Bundles the code editor (js/editor/, CodeMirror 6 from node_modules) into one minified script,
// offline, with esbuild from npm. Run by Trunk as a pre_build hook (Trunk.toml), by
// scripts/test.sh before the wasm tests, and by hand:
//   node scripts/build-editor.mjs [OUT_FILE]      (default target/editor/editor.js)
// Writes OUT_FILE.meta.json too (esbuild's metafile: what each package weighs).
import { build } from 'esbuild';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = process.argv[2] ?? join(root, 'target/editor/editor.js');
mkdirSync(dirname(out), { recursive: true });

const result = await build({
  entryPoints: [join(root, 'js/editor/index.mjs')],
  bundle: true,
  format: 'iife',
  target: ['chrome100', 'firefox100', 'safari15'],
  minify: true,
  treeShaking: true,
  legalComments: 'none',
  metafile: true,
  write: false,
  logLevel: 'warning',
});
const [file] = result.outputFiles;
// Skip the write when nothing changed, so that watchers (trunk serve) do not loop.
let previous = null;
try {
  previous = readFileSync(out, 'utf8');
} catch {
  // first build
}
if (previous !== file.text) writeFileSync(out, file.text);
writeFileSync(`${out}.meta.json`, JSON.stringify(result.metafile));
console.log(`editor: ${out} (${file.contents.length} bytes)`);
