"""Checks JSON bodies against the Charge Assist OpenAPI 3.0 description: the subset of JSON Schema it
uses (type, nullable, enum, $ref, properties, additionalProperties, required, items, minLength, formats
int32 and date-time), and finds the documented response schema of a request."""
import datetime as dt
import json
import re
from pathlib import Path

REPO = Path(__file__).resolve().parents[3]
OPENAPI = REPO / ".." / "shared" / "testdata" / "chargeassist" / "openapi.json"
ISO = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")


class OpenApi:
    def __init__(self, path=OPENAPI):
        with open(path, encoding="utf-8") as fh:
            self.doc = json.load(fh)
        self.schemas = self.doc["components"]["schemas"]
        self.templates = []
        for template, ops in self.doc["paths"].items():
            parts = template.strip("/").split("/")
            literal = sum(1 for p in parts if not p.startswith("{"))
            self.templates.append((literal, template, parts, ops))
        self.templates.sort(key=lambda t: -t[0])

    def operation(self, method, path):
        """(template, operation) for a concrete path like /locations/nl-1 (without /api)."""
        parts = path.strip("/").split("/")
        for _, template, tparts, ops in self.templates:
            if len(tparts) == len(parts) and all(t.startswith("{") or t == p for t, p in zip(tparts, parts)):
                if method.lower() in ops:
                    return template, ops[method.lower()]
        return None, None

    def response_schema(self, operation, status):
        """(documented, schema or None). A documented status without JSON content has schema None."""
        answer = operation["responses"].get(str(status))
        if answer is None:
            return False, None
        content = answer.get("content") or {}
        return True, (content.get("application/json") or {}).get("schema")

    def errors(self, value, schema, path="$", ref_null_ok=False):
        """Every place where `value` breaks `schema`, as 'path: what'."""
        if "$ref" in schema:
            name = schema["$ref"].rsplit("/", 1)[1]
            if value is None and ref_null_ok:
                return []
            return self.errors(value, self.schemas[name], path, ref_null_ok)
        if value is None:
            return [] if schema.get("nullable") or not schema else [f"{path}: null where {schema.get('type')} is required"]
        out = []
        kind = schema.get("type")
        if "enum" in schema and value not in schema["enum"]:
            out.append(f"{path}: {value!r} is not one of {schema['enum'][:6]}...")
        if kind == "object":
            if not isinstance(value, dict):
                return [f"{path}: expected an object, got {type(value).__name__}"]
            props = schema.get("properties", {})
            for key in schema.get("required", []):
                if key not in value:
                    out.append(f"{path}: missing required {key}")
            for key, item in value.items():
                if key in props:
                    out += self.errors(item, props[key], f"{path}.{key}", ref_null_ok)
                elif schema.get("additionalProperties") is False:
                    out.append(f"{path}: unexpected property {key}")
        elif kind == "array":
            if not isinstance(value, list):
                return [f"{path}: expected an array"]
            for i, item in enumerate(value):
                out += self.errors(item, schema.get("items", {}), f"{path}[{i}]", ref_null_ok)
        elif kind == "string":
            if not isinstance(value, str):
                return [f"{path}: expected a string, got {value!r}"]
            if len(value) < schema.get("minLength", 0):
                out.append(f"{path}: shorter than {schema['minLength']}")
            if schema.get("format") == "date-time":
                if not ISO.match(value):
                    out.append(f"{path}: {value!r} is not an ISO 8601 date-time with offset")
                else:
                    try:
                        dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
                    except ValueError:
                        out.append(f"{path}: {value!r} is not a real date-time")
        elif kind == "integer":
            if isinstance(value, bool) or not isinstance(value, int):
                return [f"{path}: expected an integer, got {value!r}"]
            if schema.get("format") == "int32" and not -2**31 <= value < 2**31:
                out.append(f"{path}: outside int32")
        elif kind == "number":
            if isinstance(value, bool) or not isinstance(value, (int, float)):
                return [f"{path}: expected a number, got {value!r}"]
        elif kind == "boolean":
            if not isinstance(value, bool):
                return [f"{path}: expected true or false, got {value!r}"]
        return out
