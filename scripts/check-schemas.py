#!/usr/bin/env python3
"""Checks medsec's JSON Schemas with an independent validator.

python-jsonschema (Debian: python3-jsonschema) reads every *.schema.json
of the module as a draft 2020-12 schema, resolves the references between
them by $id, and validates the valid fixtures and the golden reports
against the schema of their kind with formats asserted. It fails on a
schema that is not valid, a reference that does not resolve, or a valid
document that a schema rejects. The Go tests check the same schemas with
santhosh-tekuri/jsonschema; this is the Python reading of them.

    python3 scripts/check-schemas.py
"""
import glob
import json
import os
import sys

try:
    import jsonschema
    from referencing import Registry, Resource
except ImportError:
    print("check-schemas: python3-jsonschema (4.18 or newer) is not installed; nothing checked")
    sys.exit(0)

os.chdir(os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))

schemas = {}
for path in sorted(glob.glob("**/*.schema.json", recursive=True)):
    if "/testdata/" in path:
        continue
    with open(path, encoding="utf-8") as f:
        schemas[path] = json.load(f)

failures = 0
registry = Registry()
for path, s in schemas.items():
    try:
        jsonschema.Draft202012Validator.check_schema(s)
    except jsonschema.SchemaError as e:
        print(f"FAIL {path}: not a valid draft 2020-12 schema: {e.message}")
        failures += 1
    registry = registry.with_resource(s["$id"], Resource.from_contents(s))

# Each kind of document and the files that must be valid under it, shared
# with check-schemas-ajv.js.
with open("scripts/schema-documents.json", encoding="utf-8") as f:
    documents = json.load(f)
checked = 0
for schema_path, patterns in documents.items():
    if schema_path not in schemas:
        print(f"FAIL {schema_path}: no such schema")
        failures += 1
        continue
    validator = jsonschema.Draft202012Validator(
        schemas[schema_path], registry=registry, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)
    files = sorted(f for p in patterns for f in glob.glob(p))
    if not files:
        print(f"FAIL {schema_path}: no documents match {patterns}")
        failures += 1
    for doc_path in files:
        with open(doc_path, encoding="utf-8") as f:
            doc = json.load(f)
        errors = sorted(validator.iter_errors(doc), key=lambda e: list(e.absolute_path))
        for e in errors[:5]:
            where = "/" + "/".join(str(p) for p in e.absolute_path)
            print(f"FAIL {doc_path} against {schema_path}: {where}: {e.message[:200]}")
        failures += len(errors) > 0
        checked += 1

print(f"check-schemas: {len(schemas)} schemas, {checked} documents, {failures} failures")
sys.exit(1 if failures else 0)
