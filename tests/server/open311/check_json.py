#!/usr/bin/python3
"""Validates a JSON answer of the reference server's Open311 endpoints.

    check_json.py SCHEMA.json ANSWER.json

Exit 0 when valid; otherwise 1 with every problem on stderr. Uses Debian's
python3-jsonschema (Draft 7).
"""
import json
import sys

import jsonschema


def main():
    schema_path, answer_path = sys.argv[1], sys.argv[2]
    with open(schema_path, encoding="utf-8") as f:
        schema = json.load(f)
    with open(answer_path, encoding="utf-8") as f:
        answer = json.load(f)
    validator = jsonschema.Draft7Validator(schema)
    errors = sorted(validator.iter_errors(answer), key=lambda e: list(e.path))
    for error in errors:
        where = "/".join(str(p) for p in error.path) or "(root)"
        print(f"{answer_path}: {where}: {error.message}", file=sys.stderr)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
