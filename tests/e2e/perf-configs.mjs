// Generated CloudFormation JSON configs of a chosen size for the browser perf and hostile tests:
// one distribution (up to 25 origins, 75 behaviors, custom policies) padded with API Gateway methods,
// like the Rust benchmark corpus (crates/core/benches/corpus).

/** A template of at least `bytes` bytes (pretty-printed like `cdk synth`); below 64 KB the
 * distribution is smaller (3 origins, 9 behaviors) so that the size can be reached. */
export function template(bytes) {
  const ORIGINS = bytes < 64 * 1024 ? 3 : 25;
  const BEHAVIORS = 3 * ORIGINS;
  const resources = {};
  const origins = [];
  for (let o = 0; o < ORIGINS; o++) {
    resources[`Api${o}`] = {
      Type: 'AWS::ApiGateway::RestApi',
      Properties: { Name: `service-${o}`, EndpointConfiguration: { Types: ['REGIONAL'] } },
    };
    origins.push({
      Id: `origin-${o}`,
      DomainName: { 'Fn::Sub': `\${Api${o}}.execute-api.\${AWS::Region}.amazonaws.com` },
      OriginPath: '/live',
      CustomOriginConfig: { OriginProtocolPolicy: 'https-only', OriginSSLProtocols: ['TLSv1.2'] },
    });
  }
  for (let p = 0; p < 8; p++) {
    resources[`CachePolicy${p}`] = {
      Type: 'AWS::CloudFront::CachePolicy',
      Properties: {
        CachePolicyConfig: {
          Name: `api-cache-${p}`, MinTTL: 0, DefaultTTL: 0, MaxTTL: 60,
          ParametersInCacheKeyAndForwardedToOrigin: {
            EnableAcceptEncodingGzip: true,
            HeadersConfig: { HeaderBehavior: 'whitelist', Headers: ['Authorization'] },
            CookiesConfig: { CookieBehavior: 'none' },
            QueryStringsConfig: { QueryStringBehavior: 'all' },
          },
        },
      },
    };
  }
  const behaviors = [];
  for (let b = 0; b < BEHAVIORS; b++) {
    behaviors.push({
      PathPattern: `/svc${b % ORIGINS}/v${Math.floor(b / ORIGINS) + 1}/*`,
      TargetOriginId: `origin-${b % ORIGINS}`,
      ViewerProtocolPolicy: 'https-only',
      AllowedMethods: ['GET', 'HEAD', 'OPTIONS', 'PUT', 'PATCH', 'POST', 'DELETE'],
      CachePolicyId: { Ref: `CachePolicy${b % 8}` },
      OriginRequestPolicyId: 'b689b0a8-53d0-40ab-baf2-68738e2966ac',
    });
  }
  resources.Edge = {
    Type: 'AWS::CloudFront::Distribution',
    Properties: {
      DistributionConfig: {
        Enabled: true,
        Origins: origins,
        DefaultCacheBehavior: {
          TargetOriginId: 'origin-0',
          ViewerProtocolPolicy: 'redirect-to-https',
          CachePolicyId: '4135ea2d-6df8-44a3-9df3-4b5a84be39ad',
        },
        CacheBehaviors: behaviors,
      },
    },
  };
  const doc = { AWSTemplateFormatVersion: '2010-09-09', Resources: resources };
  let text = JSON.stringify(doc, null, 1);
  // Pad with methods in chunks until the size is reached.
  let m = 0;
  while (text.length < bytes) {
    const step = Math.max(1, Math.ceil((bytes - text.length) / 400));
    for (let i = 0; i < step; i++, m++) {
      resources[`Method${m}`] = {
        Type: 'AWS::ApiGateway::Method',
        Properties: {
          RestApiId: { Ref: `Api${m % ORIGINS}` },
          ResourceId: { 'Fn::GetAtt': [`Api${m % ORIGINS}`, 'RootResourceId'] },
          HttpMethod: 'GET', AuthorizationType: 'NONE',
        },
      };
    }
    text = JSON.stringify(doc, null, 1);
  }
  return text;
}

/** A JSON document nested `depth` levels deep. */
export const deepJson = (depth) => `{"DistributionConfig": ${'['.repeat(depth)}`;

/** A YAML "billion laughs" alias bomb inside a template. */
export function aliasBomb() {
  const lines = ['Resources:', '  Cdn:', '    Type: AWS::CloudFront::Distribution', '    Metadata:'];
  lines.push('      a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]');
  const names = 'abcdefghij';
  for (let i = 1; i < names.length; i++) {
    lines.push(`      ${names[i]}: &${names[i]} [${Array(10).fill(`*${names[i - 1]}`).join(', ')}]`);
  }
  lines.push('    Properties:', '      DistributionConfig: {Enabled: true, Comment: *j}');
  return lines.join('\n') + '\n';
}

/** Deterministic binary junk (NULs, controls, invalid-looking sequences) as a string. */
export function binaryJunk(length) {
  let seed = 0x2545f491;
  let out = '';
  for (let i = 0; i < length; i++) {
    seed ^= seed << 13; seed ^= seed >>> 17; seed ^= seed << 5;
    const byte = (seed >>> 0) & 0xff;
    out += byte < 0x80 ? String.fromCharCode(byte) : String.fromCharCode(0xfffd);
  }
  return out;
}

/** A CLI JSON distribution config with one API origin and these cache behaviors. */
function cliJson(comment, behaviors) {
  return JSON.stringify({
    DistributionConfig: {
      Comment: comment,
      Enabled: true,
      Origins: { Quantity: 1, Items: [{ Id: 'api', DomainName: 'a1b2c3d4e5.execute-api.eu-west-1.amazonaws.com', OriginPath: '/prod', CustomOriginConfig: { HTTPPort: 80, HTTPSPort: 443, OriginProtocolPolicy: 'https-only' } }] },
      DefaultCacheBehavior: { TargetOriginId: 'api', ViewerProtocolPolicy: 'https-only', CachePolicyId: '4135ea2d-6df8-44a3-9df3-4b5a84be39ad' },
      CacheBehaviors: { Quantity: behaviors.length, Items: behaviors },
    },
  }, null, 1);
}

/** A distribution with `n` cache behaviors (CloudFront's quota is 25 by default). */
export function manyBehaviors(n) {
  const items = Array.from({ length: n }, (_, i) => ({
    PathPattern: `/svc${i}/*`, TargetOriginId: 'api', ViewerProtocolPolicy: 'https-only',
    CachePolicyId: '4135ea2d-6df8-44a3-9df3-4b5a84be39ad',
  }));
  return cliJson('many behaviors', items);
}

/** A config whose comment is one string of `length` characters. */
export function enormousString(length) {
  return cliJson('x'.repeat(length), []);
}

/** A CLI JSON config with NUL characters inside strings and between tokens. */
export function nulBytes() {
  return cliJson('a\u0000b', []).replace('"Enabled"', '\u0000"Enabled"');
}

/** A CloudFormation template whose every distribution property is an unknown intrinsic. */
export function unknownIntrinsics() {
  let n = 0;
  const bogus = () => ({ [`Fn::Bogus${n++}`]: ['x', { 'Fn::Nope': {} }] });
  return JSON.stringify({
    Resources: {
      Cdn: {
        Type: 'AWS::CloudFront::Distribution',
        Properties: {
          DistributionConfig: {
            Enabled: bogus(), Comment: bogus(), Aliases: bogus(), HttpVersion: bogus(),
            Origins: [{ Id: bogus(), DomainName: bogus(), OriginPath: bogus(), CustomOriginConfig: { OriginProtocolPolicy: bogus() } }, bogus()],
            DefaultCacheBehavior: { TargetOriginId: bogus(), ViewerProtocolPolicy: bogus(), AllowedMethods: bogus(), CachePolicyId: bogus() },
            CacheBehaviors: bogus(), ViewerCertificate: bogus(), Logging: bogus(), CustomErrorResponses: bogus(),
          },
        },
      },
    },
  }, null, 2);
}
