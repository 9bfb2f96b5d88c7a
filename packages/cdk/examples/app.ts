import { App, Aspects, Stack } from 'aws-cdk-lib';
import { RestApi } from 'aws-cdk-lib/aws-apigateway';
import { Distribution } from 'aws-cdk-lib/aws-cloudfront';
import { RestApiOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import { ApifrontChecks, ApifrontSuppressions } from 'apifront-cdk';

const app = new App();
const stack = new Stack(app, 'ApiStack');
const api = new RestApi(stack, 'Api');
api.root.addMethod('GET');
const cdn = new Distribution(stack, 'Cdn', {
  defaultBehavior: { origin: new RestApiOrigin(api) },
});
ApifrontSuppressions.addResourceSuppressions(cdn, [
  { id: 'waf-not-associated', reason: 'the platform team attaches the WAF' },
]);
Aspects.of(app).add(new ApifrontChecks());
app.synth();
