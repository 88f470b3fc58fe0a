"""Reader for AvePoint Graph API pages.

Layout: a "Permission" table (API | Permission), a "Request" table (Method | Endpoint | Description), a
"Query Parameters" table (Parameter | Description | Type | Required?) whose descriptions hold enum lists as
`<li>` items with the value in bold and defaults in prose ("The default value is 1."), a "Response" section
with element tables (Elements | Description | Type) — the first for the body, each further one, after a bold
caption, for the items of a list element — and "Request Sample" / "Response Sample" code blocks.
"""

from __future__ import annotations

import json
import re
from typing import Any
from urllib.parse import parse_qsl, urlsplit

from .markdown_blocks import Cell, Section, Table, fences, paragraphs, tables
from .model import DocField, DocOperation, DocParameter, DocResponse
from .olconnect_layout import LayoutError


def _title(section: Section) -> str:
    return section.title.text.strip().lower()


def looks_like_layout(sections: list[Section]) -> bool:
    titles = {_title(s) for s in sections}
    return "request" in titles and ("response" in titles or any(t.endswith("parameters") for t in titles))


def _enum_values(cell: Cell) -> list[str] | None:
    values = [item.bold[0] for item in cell.items if item.bold]
    return values or None


def _enum_labels(cell: Cell) -> dict[str, str]:
    """`<li>**9** for Cancelled</li>` -> {"9": "Cancelled"}: the short name the page gives each value."""
    labels: dict[str, str] = {}
    for item in cell.items:
        if item.bold:
            match = re.match(rf"\s*{re.escape(item.bold[0])}\s+for\s+(.+)", item.text)
            if match:
                labels[item.bold[0]] = match.group(1).strip()
    return labels


def _default(cell: Cell) -> str | None:
    match = re.search(r"default value is\s+\**([^\s*]+?)\**\s*(?:\.|$|\s)", cell.text, re.IGNORECASE)
    return match.group(1) if match else None


def _required(text: str) -> bool | None:
    word = text.strip().lower()
    if word in ("yes", "true", "required"):
        return True
    if word in ("no", "false", "optional"):
        return False
    return None


def _parameters(table: Table, location: str) -> list[DocParameter]:
    name_col = table.column("Parameter", "Name")
    desc_col = table.column("Description")
    type_col = table.column("Type")
    req_col = table.column("Required?", "Required")
    if name_col is None:
        raise LayoutError(f"the {location} parameter table has no 'Parameter' column")
    params: list[DocParameter] = []
    for row in table.rows:
        name = row[name_col].text.strip().strip("`")
        if not name:
            continue
        description = row[desc_col] if desc_col is not None and desc_col < len(row) else Cell("", [])
        params.append(
            DocParameter(
                name=name,
                location=location,
                doc_type=(row[type_col].text.strip() or None) if type_col is not None else None,
                default=_default(description),
                enum=_enum_values(description),
                required=_required(row[req_col].text) if req_col is not None else None,
                enum_labels=_enum_labels(description),
            )
        )
    return params


def _element_fields(table: Table, prefix: str) -> dict[str, DocField]:
    name_col = table.column("Elements", "Element", "Property", "Name")
    type_col = table.column("Type")
    desc_col = table.column("Description")
    if name_col is None or type_col is None:
        raise LayoutError("a response element table lacks an 'Elements' or 'Type' column")
    fields: dict[str, DocField] = {}
    for row in table.rows:
        name = row[name_col].text.strip().strip("`")
        if not name:
            continue
        cell = row[desc_col] if desc_col is not None and desc_col < len(row) else None
        enum = _enum_values(cell) if cell is not None else None
        labels = _enum_labels(cell) if cell is not None else {}
        fields[f"{prefix}{name}"] = DocField(
            doc_type=row[type_col].text.strip() or None, enum=enum, enum_labels=labels
        )
    return fields


def _response_fields(section: Section) -> dict[str, DocField]:
    """Body fields of the Response section; a nested table is attached to the list element it describes."""
    element_tables = [b for b in section.blocks if isinstance(b, Table)]
    if not element_tables:
        raise LayoutError("the Response section has no element table")
    fields = {"": DocField(doc_type="object")}
    fields.update(_element_fields(element_tables[0], ""))
    captions: list[str] = []
    for block in section.blocks:
        if isinstance(block, Cell) and block.bold and block.text.strip() == block.bold[0]:
            captions.append(block.bold[0])
        elif isinstance(block, Table) and block is not element_tables[0]:
            caption = captions[-1] if captions else ""
            parent = _parent_list(fields, caption)
            fields[f"{parent}[]"] = DocField(doc_type="object")
            fields.update(_element_fields(block, f"{parent}[]."))
    return fields


def _parent_list(fields: dict[str, DocField], caption: str) -> str:
    lists = [
        n for n, f in fields.items() if n and "." not in n and (f.doc_type or "").lower() in ("list", "array")
    ]
    word = caption.split(maxsplit=1)[0].lower() if caption.strip() else ""
    named = [n for n in lists if word and n.lower().startswith(word)]
    if len(named) == 1:
        return named[0]
    if len(lists) == 1:
        return lists[0]
    raise LayoutError(f"cannot tell which list element the table captioned {caption!r} describes")


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


def parse_page(page: str, sections: list[Section]) -> tuple[list[DocOperation], list[str]]:
    by_title = {_title(s): s for s in sections}
    request = by_title.get("request")
    if request is None or not tables(request):
        return [], ["no 'Request' table with the method and endpoint"]
    table = tables(request)[0]
    method_col, endpoint_col = table.column("Method"), table.column("Endpoint")
    if method_col is None or endpoint_col is None or not table.rows:
        return [], ["the 'Request' table lacks 'Method'/'Endpoint' columns or rows"]
    if len(table.rows) > 1:
        return [], ["the 'Request' table lists several endpoints; this layout reader expects one per page"]
    row = table.rows[0]
    endpoint = (row[endpoint_col].code or [row[endpoint_col].text])[0].strip()
    if endpoint.startswith(("http://", "https://")):
        endpoint = urlsplit(endpoint).path  # a full URL names the host too; operations match on the path
    endpoint = endpoint.split("?", 1)[0]
    title = sections[1].title.text if len(sections) > 1 else page
    op = DocOperation(page=page, title=title, method=row[method_col].text.strip().upper(), path=endpoint)
    try:
        _fill(op, by_title)
    except LayoutError as exc:
        return [], [str(exc)]
    return [op], []


def _fill(op: DocOperation, by_title: dict[str, Section]) -> None:
    for title, section in by_title.items():
        if title in ("query parameters", "path parameters", "header parameters") and tables(section):
            op.parameters.extend(_parameters(tables(section)[0], title.split()[0]))
    permission = by_title.get("permission")
    if permission is not None:
        for table in tables(permission):
            col = table.column("Permission")
            if col is not None:
                for row in table.rows:
                    op.scopes.update(re.split(r"[\s,]+", row[col].text.strip().strip("`")))
        op.scopes.discard("")
    response = by_title.get("response")
    if response is not None:
        op.response_fields = _response_fields(response)
    sample = by_title.get("request sample")
    if sample is not None and fences(sample):
        url = fences(sample)[0].text.strip().split()[0]
        op.sample_query_names = [name for name, _ in parse_qsl(urlsplit(url).query, keep_blank_values=True)]
    _response_sample(op, by_title.get("response sample"))


def _response_sample(op: DocOperation, section: Section | None) -> None:
    status = "200"
    if section is not None:
        prose = " ".join(p.text for p in paragraphs(section))
        match = re.search(r"returns an?\s+(\d{3})\b", prose)
        if match is None:
            raise LayoutError("the 'Response Sample' prose names no status code")
        status = match.group(1)
        blocks = fences(section)
        if not blocks:
            raise LayoutError("the 'Response Sample' section has no code block")
        try:
            op.response_sample = json.loads(strip_json_comments(blocks[0].text))
        except json.JSONDecodeError as exc:
            raise LayoutError(
                f"the response sample is not JSON once comments are removed ({exc.msg})"
            ) from exc
        op.has_response_sample = True
        fields = op.response_fields if op.response_fields is not None else {}
        for path, field in sample_fields(op.response_sample).items():
            fields.setdefault(path, field)
        op.response_fields = fields
    media = "application/json" if op.response_fields is not None else None
    op.responses[status] = DocResponse(status=status, content_types={media} if media else set())
    op.response_fields_status = status
