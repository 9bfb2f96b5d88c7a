//! The app entry: the `cdk.App`, an example API when the stack takes one, and the stack.

use super::{pascal, path, props, s, stack_prop, var, Js, Lang};
use crate::render::plan::Plan;
use crate::render::writer::Writer;
use crate::state::ApiKind;

/// The app entry: instantiates the stack (with an example API when the API is a prop).
pub(super) fn main(plan: &Plan, lang: Lang, w: &mut Writer) {
    let stack_id = pascal(&plan.name);
    lang.assign(w, "app", &Js::New("cdk.App".into(), vec![]));
    let mut stack_props: Vec<(&'static str, Js)> = Vec::new();
    if let Some((name, _)) = stack_prop(plan) {
        example_api(plan, &stack_id, lang, w);
        stack_props.push((name, var("exampleApi")));
    }
    let mut args = vec![path("app"), s(&stack_id)];
    if !stack_props.is_empty() {
        args.push(props(stack_props));
    }
    lang.statement(w, &Js::New("ApifrontStack".into(), args));
    lang.statement(w, &Js::Call("app.synth".into(), vec![]));
}

/// `exampleApi` (in its own `exampleStack`), so the file synthesizes without the user's API.
fn example_api(plan: &Plan, stack_id: &str, lang: Lang, w: &mut Writer) {
    lang.comment(
        w,
        "An example API so this file synthesizes on its own: pass your own API instead.",
    );
    // A custom domain is only a name: an empty example stack would not be a template.
    if plan.api.kind != ApiKind::CustomDomain {
        lang.assign(
            w,
            "exampleStack",
            &Js::New(
                "cdk.Stack".into(),
                vec![path("app"), s(&format!("{stack_id}ExampleApi"))],
            ),
        );
    }
    let example = match plan.api.kind {
        ApiKind::HttpApi => Js::New(
            "apigwv2.HttpApi".into(),
            vec![path("exampleStack"), s("Api")],
        ),
        ApiKind::LambdaUrl => example_function_url(plan),
        ApiKind::CustomDomain => s("api.example.com"),
        _ => example_rest_api(plan),
    };
    lang.assign(w, "exampleApi", &example);
    if matches!(
        plan.api.kind,
        ApiKind::RestRegional | ApiKind::RestEdge | ApiKind::RestPrivate
    ) {
        lang.statement(
            w,
            &Js::Call(
                "exampleApi.root.addMethod".into(),
                vec![
                    s("ANY"),
                    Js::New("apigateway.MockIntegration".into(), vec![]),
                ],
            ),
        );
    }
}

/// An inline Lambda function with a URL, signed (IAM) under OAC and streaming when asked.
fn example_function_url(plan: &Plan) -> Js {
    Js::Method(
        Box::new(Js::New(
            "lambda.Function".into(),
            vec![
                path("exampleStack"),
                s("Handler"),
                props(vec![
                    ("runtime", path("lambda.Runtime.NODEJS_24_X")),
                    ("handler", s("index.handler")),
                    (
                        "code",
                        Js::Call(
                            "lambda.Code.fromInline".into(),
                            vec![s(
                                "exports.handler = async () => ({ statusCode: 200, body: 'ok' });",
                            )],
                        ),
                    ),
                ]),
            ],
        )),
        "addFunctionUrl",
        vec![props(
            [(
                "authType",
                path(if plan.lambda_oac.is_some() {
                    "lambda.FunctionUrlAuthType.AWS_IAM"
                } else {
                    "lambda.FunctionUrlAuthType.NONE"
                }),
            )]
            .into_iter()
            .chain(
                plan.api
                    .streaming
                    .then(|| ("invokeMode", path("lambda.InvokeMode.RESPONSE_STREAM"))),
            )
            .collect(),
        )],
    )
}

/// A REST API deployed to the plan's stage (`prod` when the origin path names none).
fn example_rest_api(plan: &Plan) -> Js {
    let stage = plan.api.origin_path.trim_start_matches('/');
    Js::New(
        "apigateway.RestApi".into(),
        vec![
            path("exampleStack"),
            s("Api"),
            props(vec![(
                "deployOptions",
                Js::Props(
                    Some("apigateway.StageOptions"),
                    vec![(
                        "stageName",
                        s(if stage.is_empty() { "prod" } else { stage }),
                    )],
                ),
            )]),
        ],
    )
}
