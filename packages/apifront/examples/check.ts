// Compiled with `tsc --strict --noEmit` by the package tests: the declarations must type real
// use, and reject wrong use (each @ts-expect-error must be needed).
import { readFileSync } from 'node:fs';
import { fix, generate, lint, presets, rules, version } from 'apifront';
import type { Finding, LintReport, ParseError, PartialFormState, Preset, Rule } from 'apifront';

const report: LintReport = lint(readFileSync('template.yaml', 'utf8'), { disable: ['waf-not-associated'] });
const errors: Finding[] = report.findings.filter((f) => f.severity === 'error');
const firstLine: number | undefined = errors[0]?.span.line;
const fixable: boolean = errors.some((f) => f.fix !== null && f.fix.safe);
const related: string[] = report.findings.flatMap((f) => f.related.map((r) => r.message));
const fixed: string = fix('{}', { unsafe: true }).text;
const state: PartialFormState = { api: { kind: 'http-api', stage: '$default' } };
const yaml: string = generate(state, 'cfn-yaml').text;
const preset: Preset = presets()[0];
const cdk: string = generate(preset.state, 'cdk-ts').text;
const catalogue: Rule[] = rules();
const ruleSet: string = version().rule_set;
try {
  lint('{');
} catch (e) {
  const error = e as ParseError;
  const where: string = `${error.line}:${error.column} ${error.hint ?? ''}`;
  console.log(where);
}
console.log(firstLine, fixable, related, fixed, yaml, cdk, catalogue.length, ruleSet);

// @ts-expect-error: the text is a string
lint(42);
// @ts-expect-error: not an output format
generate(state, 'yaml');
// @ts-expect-error: not an option
lint('{}', { disabled: [] });
// @ts-expect-error: findings have no top-level line
console.log(report.findings[0].line);
// @ts-expect-error: severities are error, warning or info
const severity: Finding['severity'] = 'fatal';
console.log(severity);
