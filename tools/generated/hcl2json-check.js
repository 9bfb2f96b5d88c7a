// Parses each Terraform file given on the command line with @cdktf/hcl2json (HashiCorp's HCL
// parser compiled to WebAssembly) and checks that it declares a CloudFront distribution.
// Prints "ok FILE" or "FAIL FILE: reason" per file; exits 1 when any file failed.
'use strict';
const fs = require('fs');
const { parse } = require('@cdktf/hcl2json');

async function check(file) {
  const json = await parse(file, fs.readFileSync(file, 'utf8'));
  const dist = json.resource && json.resource.aws_cloudfront_distribution;
  if (!dist || Object.keys(dist).length !== 1) {
    throw new Error('no single aws_cloudfront_distribution resource');
  }
  const body = Object.values(dist)[0][0];
  for (const block of ['origin', 'default_cache_behavior', 'restrictions', 'viewer_certificate']) {
    if (!body[block]) throw new Error(`distribution has no ${block} block`);
  }
}

(async () => {
  let failed = 0;
  for (const file of process.argv.slice(2)) {
    try {
      await check(file);
      console.log(`ok ${file}`);
    } catch (e) {
      failed += 1;
      console.log(`FAIL ${file}: ${e.message || e}`);
    }
  }
  process.exit(failed ? 1 : 0);
})();
