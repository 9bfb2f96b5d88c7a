// apifront-cdk with the real aws-cdk-lib the project pins, installed from packed tarballs into a
// scratch project (scripts/test-packages.sh).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, Aspects, Stack, Stage } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import { EndpointType, MockIntegration, RestApi } from 'aws-cdk-lib/aws-apigateway';
import {
  AllowedMethods,
  CachePolicy,
  Distribution,
  OriginRequestPolicy,
  ViewerProtocolPolicy,
} from 'aws-cdk-lib/aws-cloudfront';
import { RestApiOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import { ApifrontChecks, ApifrontSuppressions } from 'apifront-cdk';
import { lint } from 'apifront';

const require = createRequire(import.meta.url);
const cli = process.env.APIFRONT_CLI;
const CDN = '/ApiStack/Cdn/Resource';

/** A REST API behind a distribution; `correct` builds it the way apifront recommends. */
function apiStack({ correct = false, checks = {}, suppress } = {}) {
  const app = new App();
  const stack = new Stack(app, 'ApiStack');
  const api = new RestApi(stack, 'Api', correct ? { endpointTypes: [EndpointType.REGIONAL] } : {});
  api.root.addMethod('GET', new MockIntegration());
  api.root.addResource('orders').addMethod('POST', new MockIntegration());
  const cdn = new Distribution(stack, 'Cdn', {
    defaultBehavior: correct
      ? {
          origin: new RestApiOrigin(api),
          viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
          allowedMethods: AllowedMethods.ALLOW_ALL,
          cachePolicy: CachePolicy.CACHING_DISABLED,
          originRequestPolicy: OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
        }
      : { origin: new RestApiOrigin(api) },
  });
  if (suppress) ApifrontSuppressions.addResourceSuppressions(cdn, suppress);
  Aspects.of(app).add(new ApifrontChecks(checks));
  return { app, stack, cdn };
}

/** `[level, rule]` of every apifront annotation on the distribution. */
function annotations(stack) {
  const all = Annotations.fromStack(stack);
  const pick = (level, found) =>
    found.filter((m) => m.id === CDN).map((m) => [level, String(m.entry.data).split(':')[0]]);
  return [
    ...pick('error', all.findError('*', Match.anyValue())),
    ...pick('warning', all.findWarning('*', Match.anyValue())),
    ...pick('info', all.findInfo('*', Match.anyValue())),
  ].sort();
}

test("RestApiOrigin with CDK's defaults gets apifront's annotations on the distribution", () => {
  const { stack } = apiStack();
  const found = annotations(stack);
  const rules = found.map(([, rule]) => rule);
  // CloudFront's default behavior allows plain HTTP (ViewerProtocolPolicy allow-all).
  assert.ok(found.some(([l, r]) => l === 'error' && r === 'viewer-protocol-allow-all'), JSON.stringify(found));
  // The API's POST method is refused by the GET/HEAD-only default behavior.
  assert.ok(found.some(([l]) => l === 'error'), JSON.stringify(found));
  // RestApi's default endpoint type is EDGE: two distributions in a row.
  assert.ok(found.some(([l, r]) => l === 'warning' && r === 'apigw-edge-optimized-origin'), JSON.stringify(found));
  // Each annotation names its rule, a rule apifront has.
  const known = new Set(require('apifront').rules().map((r) => r.slug));
  for (const rule of rules) assert.ok(known.has(rule), rule);
  // The same findings as apifront on the synthesized template itself.
  const template = JSON.stringify(Template.fromStack(stack).toJSON());
  const direct = lint(template).findings.map((f) => [f.severity, f.rule]).sort();
  assert.deepEqual(found, direct);
  // The message says where in the distribution and how to read more.
  const message = Annotations.fromStack(stack).findError(CDN, Match.stringLikeRegexp('^viewer-protocol-allow-all: '))[0].entry.data;
  assert.match(message, /\(at DistributionConfig\.DefaultCacheBehavior\.ViewerProtocolPolicy; `apifront explain viewer-protocol-allow-all`\)$/);
});

test('a correct stack gets no error or warning, and nothing at all above info', () => {
  const { stack } = apiStack({ correct: true });
  const found = annotations(stack);
  assert.deepEqual(found.filter(([l]) => l !== 'info'), [], JSON.stringify(found));
  const quiet = apiStack({ correct: true, checks: { minimumSeverity: 'warning' } });
  assert.deepEqual(annotations(quiet.stack), []);
});

test('a suppressed finding disappears and its reason is recorded in the template', () => {
  const reason = 'API is intentionally edge-optimized for a legacy client';
  const { stack } = apiStack({ suppress: [{ id: 'apigw-edge-optimized-origin', reason }] });
  const rules = annotations(stack).map(([, r]) => r);
  assert.ok(!rules.includes('apigw-edge-optimized-origin'));
  assert.ok(rules.includes('viewer-protocol-allow-all'));
  const template = Template.fromStack(stack);
  const [distribution] = Object.values(template.findResources('AWS::CloudFront::Distribution'));
  assert.deepEqual(distribution.Metadata.apifront, {
    ignore: ['apigw-edge-optimized-origin'],
    suppressions: [{ id: 'apigw-edge-optimized-origin', reason }],
  });
  assert.throws(
    () => apiStack({ suppress: [{ id: 'viewer-protocol-allow-all', reason: '' }] }),
    /needs a reason/,
  );
});

test('a stage takes the aspect itself (aspects do not cross Stage boundaries)', () => {
  const app = new App();
  const stage = new Stage(app, 'Prod');
  const stack = new Stack(stage, 'ApiStack');
  const api = new RestApi(stack, 'Api');
  api.root.addMethod('GET', new MockIntegration());
  new Distribution(stack, 'Cdn', { defaultBehavior: { origin: new RestApiOrigin(api) } });
  Aspects.of(stage).add(new ApifrontChecks());
  const errors = Annotations.fromStack(stack).findError('/Prod/ApiStack/Cdn/Resource', Match.stringLikeRegexp('^viewer-protocol-allow-all: '));
  assert.equal(errors.length, 1);
});

test('options disable rules for every stack', () => {
  const { stack } = apiStack({ checks: { disable: ['viewer-protocol-allow-all'] } });
  assert.ok(!annotations(stack).some(([, r]) => r === 'viewer-protocol-allow-all'));
});

test('the README app fails `cdk synth` on its errors, and `apifront lint cdk.out` agrees', () => {
  const dir = mkdtempSync(join(tmpdir(), 'apifront-cdk-'));
  const tsc = require.resolve('typescript/bin/tsc');
  const built = spawnSync(process.execPath, [tsc, '--strict', '--module', 'commonjs', '--target', 'es2022', '--esModuleInterop', '--skipLibCheck', '--outDir', 'build', 'examples/app.ts'], { encoding: 'utf8' });
  assert.equal(built.status, 0, built.stdout + built.stderr);
  // tsc wrote CommonJS, as a CDK app usually is.
  writeFileSync(join('build', 'package.json'), '{"type": "commonjs"}');
  const out = join(dir, 'cdk.out');
  // The real CDK CLI: error annotations make `cdk synth` fail (as cdk-nag's do).
  const cdk = require.resolve('aws-cdk/bin/cdk');
  const run = spawnSync(process.execPath, [cdk, 'synth', '--app', `node ${join('build', 'app.js')}`, '--output', out, '--no-notices', '--quiet'], {
    encoding: 'utf8',
    env: { ...process.env, CDK_DISABLE_CLI_TELEMETRY: 'true', CDK_DISABLE_VERSION_CHECK: 'true' },
  });
  assert.equal(run.status, 1, run.stdout + run.stderr);
  // Each message names the rule and the construct path.
  assert.match(run.stderr, /ERROR viewer-protocol-allow-all: [^\n]*\n\s+ApiStack\/Cdn\/Resource\n/);
  assert.match(run.stderr, /WARNING apigw-edge-optimized-origin: [^\n]*\n\s+ApiStack\/Cdn\/Resource\n/);
  assert.doesNotMatch(run.stderr, /waf-not-associated/);
  const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
  // Recent CDK writes a stack's messages to a file of their own (`additionalMetadataFile`).
  const artifact = manifest.artifacts.ApiStack;
  const metadata = {
    ...(artifact.metadata ?? {}),
    ...(artifact.additionalMetadataFile
      ? JSON.parse(readFileSync(join(out, artifact.additionalMetadataFile), 'utf8'))
      : {}),
  };
  const messages = Object.values(metadata).flat();
  const errors = messages.filter((m) => m.type === 'aws:cdk:error').map((m) => m.data);
  assert.ok(errors.some((m) => m.startsWith('viewer-protocol-allow-all: ')), JSON.stringify(errors));
  assert.ok(!messages.some((m) => String(m.data).startsWith('waf-not-associated')));
  if (cli) {
    const lintRun = spawnSync(cli, ['lint', '--format', 'json', out], { encoding: 'utf8' });
    assert.equal(lintRun.status, 1, lintRun.stderr);
    const report = JSON.parse(lintRun.stdout);
    assert.equal(report.files.length, 1);
    assert.equal(report.files[0].stack, 'ApiStack');
    const rules = report.files[0].findings.map((f) => f.rule);
    assert.ok(rules.includes('viewer-protocol-allow-all'));
    // The suppression written into the template holds for the CLI too.
    assert.ok(!rules.includes('waf-not-associated'));
  }
});
