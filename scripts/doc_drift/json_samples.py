"""The vendor pages' JSON samples read as data: `//` comments, trailing commas, a literal `...` line and
bare words are what the AvePoint pages get wrong, and none of them changes a value's type, so they are
forgiven; a sample that is still not JSON is an error. `sample_fields` types each path by its JSON value."""

from __future__ import annotations

import json
import re
from typing import Any

from .model import DocField


def strip_json_comments(text: str) -> str:
    """Remove `// ...` comments outside strings (the samples annotate values this way)."""
    out: list[str] = []
    in_string = escaped = False
    index = 0
    while index < len(text):
        char = text[index]
        if in_string:
            out.append(char)
            if escaped:
                escaped = False
            elif char == "\\":
                escaped = True
            elif char == '"':
                in_string = False
        elif char == '"':
            in_string = True
            out.append(char)
        elif text.startswith("//", index):
            while index < len(text) and text[index] != "\n":
                index += 1
            continue
        else:
            out.append(char)
        index += 1
    return "".join(out)


def lenient_json(text: str) -> Any:
    """A sample as JSON, forgiving what the pages get wrong without changing a value's type: comments,
    trailing commas, a literal `...` line, a bare word where a string belongs. Raises ValueError."""
    cleaned = strip_json_comments(text)
    cleaned = re.sub(r"^\s*\.\.\.\s*,?\s*$", "", cleaned, flags=re.MULTILINE)
    cleaned = re.sub(r",(\s*[}\]])", r"\1", cleaned)
    try:
        return json.loads(cleaned)
    except json.JSONDecodeError:
        pass
    quoted = re.sub(r"(:\s*)(?!true\b|false\b|null\b)([A-Za-z_][\w\-.]*)(\s*[,}\]\n])", r'\1"\2"\3', cleaned)
    try:
        return json.loads(quoted)
    except json.JSONDecodeError as exc:
        raise ValueError(f"not JSON once comments and trailing commas are removed ({exc.msg})") from exc


def sample_fields(sample: Any, path: str = "") -> dict[str, DocField]:
    """Field map of a JSON sample, typed by the JSON type of each value."""
    fields: dict[str, DocField] = {}
    if isinstance(sample, dict):
        fields[path] = DocField(doc_type="object", source="response sample")
        for key, value in sample.items():
            fields.update(sample_fields(value, f"{path}.{key}" if path else str(key)))
    elif isinstance(sample, list):
        fields[path] = DocField(doc_type="array", source="response sample")
        for item in sample:
            for sub, field in sample_fields(item, f"{path}[]").items():
                fields.setdefault(sub, field)
    else:
        kind = {bool: "boolean", int: "integer", float: "double", str: "string"}.get(type(sample), "null")
        fields[path] = DocField(doc_type=kind, source="response sample")
    return fields
