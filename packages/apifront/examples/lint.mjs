import { readFileSync } from 'node:fs';
import { lint } from 'apifront';

const path = process.argv[2] ?? 'template.yaml';
const { format, findings } = lint(readFileSync(path, 'utf8'));
for (const f of findings) {
  console.log(`${path}:${f.span.line}:${f.span.column} ${f.severity} [${f.rule}] ${f.message}`);
}
console.log(`${format}: ${findings.length} findings`);
process.exitCode = findings.some((f) => f.severity === 'error') ? 1 : 0;
