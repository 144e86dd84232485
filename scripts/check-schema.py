#!/usr/bin/env python3
"""Validate JSON files against one of memmap's schemas in docs/schemas (python3-jsonschema).
Usage: check-schema.py [--strict] SCHEMA FILE...
  SCHEMA: a path under docs/schemas; the other schemas beside it are loaded too, for the
  references between them. --strict also refuses keys a schema does not list (the schemas let
  consumers ignore new keys; memmap's own output must list every key it writes).
Exit 1, with the most telling problem of each file that does not validate."""
import json
import pathlib
import sys

import jsonschema
from referencing import Registry, Resource

arguments = sys.argv[1:]
strict = arguments[:1] == ["--strict"]
if strict:
    arguments = arguments[1:]


def closed(node):
    """The schema with additionalProperties false wherever it lists properties."""
    if isinstance(node, dict):
        node = {key: closed(value) for key, value in node.items()}
        if "properties" in node and "additionalProperties" not in node:
            node["additionalProperties"] = False
    elif isinstance(node, list):
        node = [closed(value) for value in node]
    return node


def load(path):
    contents = json.loads(path.read_text())
    return closed(contents) if strict else contents


schema_path = pathlib.Path(arguments[0])
registry = Registry().with_resources(
    (path.name, Resource.from_contents(load(path)))
    for path in schema_path.parent.glob("*.schema.json"))
schema = load(schema_path)
jsonschema.Draft202012Validator.check_schema(schema)
validator = jsonschema.Draft202012Validator(schema, registry=registry)
status = 0
for name in arguments[1:]:
    errors = list(validator.iter_errors(json.loads(pathlib.Path(name).read_text())))
    if errors:
        # Inside a oneOf, the branch that came closest says what is wrong.
        error = jsonschema.exceptions.best_match(errors)
        while error.context:
            error = jsonschema.exceptions.best_match(error.context)
        where = "".join(f"[{p!r}]" for p in error.absolute_path) or "(document)"
        print(f"{name}: {len(errors)} problem(s), e.g. {where}: {error.message[:300]}", file=sys.stderr)
        status = 1
sys.exit(status)
