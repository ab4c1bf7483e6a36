#!/usr/bin/env python3
"""Validate policy files against grammar/policy.schema.json.

Checks every policies/**/*.yaml that has a top-level `policy:` or `extends:` key
(whole policies and variants; fragments and everything under policies/tests/ are
skipped). YAML is read with yaml.BaseLoader, so every scalar stays a string, as
the Swift parser reads it.

Usage: python3 grammar/validate-policies.py [FILE_OR_DIR ...]
       (default: the repository's policies/ directory)

Exits 0 when every file is valid, 1 when any file violates the schema or is not
readable YAML. Needs PyYAML and jsonschema (draft 2020-12 support, >= 4.0).
"""

import json
import sys
from pathlib import Path

import yaml
from jsonschema import Draft202012Validator
from jsonschema.exceptions import best_match

ROOT = Path(__file__).resolve().parent.parent
SCHEMA_PATH = ROOT / "grammar" / "policy.schema.json"
POLICIES = ROOT / "policies"


def candidate_files(arguments):
    roots = [Path(a) for a in arguments] or [POLICIES]
    files = []
    for root in roots:
        if root.is_dir():
            files.extend(sorted(root.rglob("*.yaml")))
        elif root.exists():
            files.append(root)
        else:
            print(f"{root}: no such file or directory", file=sys.stderr)
            sys.exit(2)
    tests = (POLICIES / "tests").resolve()
    return [f for f in files if not f.resolve().is_relative_to(tests)]


def location(error):
    parts = [str(p) for p in error.absolute_path]
    return "/".join(parts) if parts else "(top level)"


def describe(error):
    message = error.message
    if error.context:
        # For anyOf/oneOf failures, name the alternative that came closest.
        closest = best_match(error.context)
        message += f" (closest: {location(closest)}: {closest.message})"
    return message


def main(arguments):
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    validator = Draft202012Validator(schema)

    checked = failed = 0
    for path in candidate_files(arguments):
        shown = path.relative_to(ROOT) if path.resolve().is_relative_to(ROOT) else path
        try:
            document = yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
        except (yaml.YAMLError, UnicodeDecodeError) as error:
            print(f"{shown}: not readable YAML: {error}")
            failed += 1
            continue
        if not isinstance(document, dict) or not ({"policy", "extends"} & document.keys()):
            continue
        checked += 1
        errors = sorted(validator.iter_errors(document), key=lambda e: [str(p) for p in e.absolute_path])
        for error in errors:
            print(f"{shown}: {location(error)}: {describe(error)}")
        if errors:
            failed += 1

    print(f"validated {checked} policy file(s); {failed} with problems", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
