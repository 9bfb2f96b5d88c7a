"""Validates AWS CLI `create-distribution --distribution-config` JSON files against the
CloudFront `DistributionConfig` shape of botocore's service model: required members, unknown
members, types, enums, list and string limits.

Usage: python validate_cli_json.py FILE...   Prints "ok FILE" or "FAIL FILE: problems".
"""
import json
import sys

import botocore.session


def walk(shape, value, path, problems):
    kind = shape.type_name
    if kind == "structure":
        if not isinstance(value, dict):
            problems.append(f"{path}: expected an object")
            return
        for name in shape.required_members:
            if name not in value:
                problems.append(f"{path}: missing required member {name}")
        for name, item in value.items():
            member = shape.members.get(name)
            if member is None:
                problems.append(f"{path}: unknown member {name}")
            else:
                walk(member, item, f"{path}.{name}", problems)
    elif kind == "list":
        if not isinstance(value, list):
            problems.append(f"{path}: expected a list")
            return
        for i, item in enumerate(value):
            walk(shape.member, item, f"{path}[{i}]", problems)
    elif kind == "string":
        if not isinstance(value, str):
            problems.append(f"{path}: expected a string, got {value!r}")
        elif shape.enum and value not in shape.enum:
            problems.append(f"{path}: {value!r} is not one of {shape.enum}")
    elif kind in ("integer", "long"):
        if isinstance(value, bool) or not isinstance(value, int):
            problems.append(f"{path}: expected an integer, got {value!r}")
    elif kind == "boolean":
        if not isinstance(value, bool):
            problems.append(f"{path}: expected a boolean, got {value!r}")
    else:
        problems.append(f"{path}: unexpected shape type {kind}")


def quantity_matches(value, path, problems):
    """Every {Quantity, Items} pair must agree."""
    if isinstance(value, dict):
        if "Quantity" in value:
            n = len(value.get("Items", []))
            if value["Quantity"] != n:
                problems.append(f"{path}: Quantity {value['Quantity']} but {n} items")
        for k, v in value.items():
            quantity_matches(v, f"{path}.{k}", problems)
    elif isinstance(value, list):
        for i, v in enumerate(value):
            quantity_matches(v, f"{path}[{i}]", problems)


def main(files):
    model = botocore.session.get_session().get_service_model("cloudfront")
    shape = model.operation_model("CreateDistribution").input_shape.members["DistributionConfig"]
    failed = 0
    for file in files:
        problems = []
        with open(file, encoding="utf-8") as f:
            value = json.load(f)
        walk(shape, value, "DistributionConfig", problems)
        quantity_matches(value, "DistributionConfig", problems)
        if problems:
            failed += 1
            print(f"FAIL {file}: " + "; ".join(problems))
        else:
            print(f"ok {file}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
