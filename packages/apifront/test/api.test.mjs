// The apifront npm package, installed from its packed tarball into a scratch project (see
// scripts/test-packages.sh): Node's test runner, the real core, the repository's JSON Schema.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import Ajv from 'ajv';
import { fix, generate, lint, presets, rules, version } from 'apifront';

const require = createRequire(import.meta.url);
const repo = process.env.APIFRONT_REPO;
const cli = process.env.APIFRONT_CLI;
const fixture = (path) => join(repo, path);
const read = (path) => readFileSync(fixture(path), 'utf8');
const API_YAML = 'crates/cli/tests/fixtures/tree/api.yaml';

const schema = JSON.parse(readFileSync(require.resolve('apifront/schema.json'), 'utf8'));
const ajv = new Ajv({ allErrors: true, strict: false });
ajv.addSchema(schema, 'apifront');
/** Asserts `value` is valid against `definitions/NAME` of the package's schema. */
function assertShape(value, name) {
  const validate = ajv.getSchema(`apifront#/definitions/${name}`);
  assert.ok(validate(value), `${name}: ${JSON.stringify(validate.errors, null, 1)}`);
}

test('the schema shipped is the repository schema', () => {
  assert.deepEqual(schema, JSON.parse(read('schema/apifront.schema.json')));
});

test('lint reads a real template and returns plain objects in the schema shape', () => {
  const report = lint(read(API_YAML));
  assertShape(report, 'LintReport');
  assert.equal(report.format, 'cfn-yaml');
  assert.equal(Object.getPrototypeOf(report), Object.prototype);
  assert.ok(Array.isArray(report.findings));
  const host = report.findings.find((f) => f.rule === 'apigw-host-header-forwarded');
  assert.equal(host.severity, 'error');
  assert.deepEqual(
    [host.span.line, host.span.column, host.span.end_line, host.span.end_column],
    [22, 34, 22, 70],
  );
  assert.equal(host.distribution, 'Cdn');
  assert.equal(host.fix.safe, true);
  const edit = host.fix.edits[0];
  assert.equal(read(API_YAML).slice(edit.start, edit.end), '216adef6-5c7f-47e4-b989-5492eafa07d3');
  const logging = report.findings.find((f) => f.rule === 'access-logging-disabled');
  assert.equal(logging.fix, null);
});

test('one finding shape: the package and `apifront lint --format json` agree', { skip: !cli && 'APIFRONT_CLI not set' }, () => {
  for (const path of [API_YAML, 'crates/core/tests/fixtures/rules/broken.yaml', 'crates/core/tests/fixtures/rules/broken.tf']) {
    const out = spawnSync(cli, ['lint', '--format', 'json', fixture(path)], { encoding: 'utf8' });
    const cliReport = JSON.parse(out.stdout);
    assert.deepEqual(lint(read(path)).findings, cliReport.files[0].findings, path);
  }
});

test('options disable rules and override severities; unknown rules are refused', () => {
  const text = read(API_YAML);
  const all = lint(text).findings;
  const quiet = lint(text, { disable: ['apigw-host-header-forwarded'], severity: undefined }).findings;
  assert.equal(quiet.length, all.length - 1);
  assert.ok(!quiet.some((f) => f.rule === 'apigw-host-header-forwarded'));
  const louder = lint(text, { severity: { 'access-logging-disabled': 'error' } }).findings;
  assert.equal(louder.find((f) => f.rule === 'access-logging-disabled').severity, 'error');
  assert.throws(() => lint(text, { disable: ['apigw-host-header-forwarde'] }), {
    name: 'TypeError',
    message: 'unknown rule `apigw-host-header-forwarde`',
  });
  assert.throws(() => lint(text, { disabled: [] }), { name: 'TypeError', message: /unknown option `disabled`/ });
  assert.throws(() => lint(text, { severity: { 'access-logging-disabled': 'fatal' } }), { name: 'TypeError', message: /invalid options/ });
});

test('a text that does not parse throws an Error with line and column', () => {
  const text = read('crates/cli/tests/fixtures/invalid.json');
  assert.throws(() => lint(text), (e) => {
    assert.ok(e instanceof Error);
    assert.equal(e.name, 'ParseError');
    assert.equal(e.line, 3);
    assert.equal(e.column, 21);
    assert.equal(e.format, 'cli-json');
    assert.match(e.message, /line 3, column 21/);
    return true;
  });
  assert.throws(() => fix(text), { name: 'ParseError', line: 3, column: 21 });
});

test('fix applies the safe fixes and reports what is left', () => {
  const text = read(API_YAML);
  const result = fix(text);
  assertShape(result, 'FixResult');
  assert.equal(result.changed, true);
  assert.ok(result.text.includes('b689b0a8-53d0-40ab-baf2-68738e2966ac'));
  assert.ok(!result.report.findings.some((f) => f.rule === 'apigw-host-header-forwarded'));
  assert.deepEqual(result.report, lint(result.text));
  const again = fix(result.text);
  assert.equal(again.changed, false);
  assert.equal(again.text, result.text);
});

test('generate renders presets and partial states; invalid states throw with the fields', () => {
  const all = presets();
  assert.ok(all.length >= 5);
  for (const preset of all) {
    assertShape(preset, 'Preset');
    const out = generate(preset.state, 'cfn-yaml');
    assertShape(out, 'Generated');
    const errors = lint(out.text).findings.filter((f) => f.severity === 'error');
    assert.deepEqual(errors, [], preset.name);
  }
  const http = generate({ api: { kind: 'http-api', stage: '$default' } }, 'terraform');
  assert.equal(http.file_name, 'main.tf');
  assert.equal(lint(http.text).format, 'terraform');
  assert.throws(() => generate({ api: { region: 'nowhere' } }, 'cfn-yaml'), (e) => {
    assert.ok(e instanceof Error);
    assert.equal(e.name, 'GenerateError');
    assert.equal(e.fields[0].field, 'api.region');
    return true;
  });
  assert.throws(() => generate({}, 'yaml'), { name: 'TypeError', message: /unknown format `yaml`/ });
});

test('rules and version describe the rule set', () => {
  const list = rules();
  for (const rule of list) assertShape(rule, 'Rule');
  const v = version();
  assert.equal(v.rules, list.length);
  assert.match(v.rule_set, /^[0-9a-f]{8}$/);
  if (cli) {
    const line = execFileSync(cli, ['--version'], { encoding: 'utf8' }).trim();
    assert.equal(line, `apifront ${v.version}, rule set ${v.rule_set} (${v.rules} rules)`);
  }
});

test('require() gives the same module to CommonJS users', () => {
  const cjs = require('apifront');
  assert.equal(cjs.lint, lint);
});

test('the bundler build runs where WebAssembly modules can be imported', () => {
  const entry = join(require.resolve('apifront/package.json'), '..', 'bundler', 'apifront_js.js');
  const script = `const m = await import(${JSON.stringify(entry)});
    const r = m.lint(${JSON.stringify(read(API_YAML))});
    console.log(JSON.stringify([r.format, r.findings.length, m.version().rules]));`;
  const out = spawnSync(process.execPath, ['--experimental-wasm-modules', '--no-warnings', '--input-type=module', '-e', script], { encoding: 'utf8' });
  assert.equal(out.status, 0, out.stderr);
  assert.deepEqual(JSON.parse(out.stdout), ['cfn-yaml', lint(read(API_YAML)).findings.length, rules().length]);
});

test('the README example runs (packages/apifront/examples/lint.mjs)', () => {
  const out = spawnSync(process.execPath, ['examples/lint.mjs', fixture(API_YAML)], { encoding: 'utf8' });
  assert.equal(out.status, 1, out.stderr);
  const lines = out.stdout.trim().split('\n');
  assert.equal(lines.at(-1), `cfn-yaml: ${lint(read(API_YAML)).findings.length} findings`);
  assert.ok(lines.some((l) => l.endsWith(':22:34 error [apigw-host-header-forwarded] ' + lint(read(API_YAML)).findings.find((f) => f.rule === 'apigw-host-header-forwarded').message)));
});

test('the TypeScript declarations pass tsc --strict and reject wrong use', () => {
  const tsc = require.resolve('typescript/bin/tsc');
  const out = spawnSync(process.execPath, [tsc, '--strict', '--noEmit', '--module', 'nodenext', '--moduleResolution', 'nodenext', '--target', 'es2022', '--types', 'node', 'examples/check.ts'], { encoding: 'utf8' });
  assert.equal(out.status, 0, out.stdout + out.stderr);
});
