"""Adds stand-in resources for the API a "defined in stack" template refers to, so cfn-lint
can check the generated template on its own.

Usage: python cfn_stubs.py STATE_JSON TEMPLATE OUT   (YAML or JSON template)
"""
import json
import sys

STUBS = {
    "http-api": {"Type": "AWS::ApiGatewayV2::Api",
                 "Properties": {"Name": "stub", "ProtocolType": "HTTP"}},
    "lambda-url": {"Type": "AWS::Lambda::Url",
                   "Properties": {"AuthType": "AWS_IAM",
                                  "TargetFunctionArn": "arn:aws:lambda:eu-west-1:123456789012:function:stub"}},
    "custom-domain": {"Type": "AWS::ApiGateway::DomainName",
                      "Properties": {"DomainName": "api.example.com",
                                     "RegionalCertificateArn": "arn:aws:acm:eu-west-1:123456789012:certificate/stub",
                                     "EndpointConfiguration": {"Types": ["REGIONAL"]}}},
}
REST = {"Type": "AWS::ApiGateway::RestApi", "Properties": {"Name": "stub"}}


def main(state_path, template_path, out_path):
    with open(state_path, encoding="utf-8") as f:
        api = json.load(f)["api"]
    with open(template_path, encoding="utf-8") as f:
        text = f.read()
    if api.get("reference") == "defined-in-stack":
        name = api["resource_name"]
        stub = STUBS.get(api["kind"], REST)
        if template_path.endswith(".json"):
            doc = json.loads(text)
            doc["Resources"] = {name: stub, **doc["Resources"]}
            text = json.dumps(doc, indent=2)
        else:
            # Block YAML: insert the stub as the first resource (JSON is valid flow YAML).
            marker = "\nResources:\n"
            head, tail = text.split(marker, 1)
            text = f"{head}{marker}  {name}: {json.dumps(stub)}\n{tail}"
    with open(out_path, "w", encoding="utf-8") as f:
        f.write(text)


if __name__ == "__main__":
    main(*sys.argv[1:4])
