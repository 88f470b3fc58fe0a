"""Reader for OL Connect REST API method pages.

Layout: a level-3 service heading, then one level-4 heading per operation written as `++Title++`. Each
operation has a "Method Type | Content Type | Additional Headers" table, a "URI" section, optional "Path
parameters", "Query parameters" and "Request parameters" sections, status tables under "On success" and
"Error messages", and a "Response JSON" structure sketch.
"""

from __future__ import annotations

import re

from .markdown_blocks import Cell, Section, Table, fences, paragraphs, tables
from .model import DocOperation, DocParameter, DocResponse
from .pseudo_json import SketchError, parse_sketch


class LayoutError(ValueError):
    """The page claims this layout but a required part is missing or malformed; the message says which."""


def is_operation_heading(section: Section) -> bool:
    return section.level >= 3 and re.fullmatch(r"\+\+.+\+\+", section.title.text) is not None


def looks_like_layout(sections: list[Section]) -> bool:
    return any(is_operation_heading(s) and s.level in (3, 4) for s in sections)


def _operation_level(sections: list[Section]) -> int:
    """Operations sit under level-4 headings below the service's level-3 title; a page with one operation
    (the All-In-One page) has only the level-3 title, which then names the operation."""
    return 4 if any(is_operation_heading(s) and s.level == 4 for s in sections) else 3


def _blank(text: str) -> bool:
    return text.strip() in ("", "-", "\u2013", "\u2014")  # hyphen, en dash, em dash


def _trailing_type(text: str) -> str | None:
    """The type word the pages put at the end of a parameter line (`... in Server. number`), if any."""
    last = text.rsplit(maxsplit=1)[-1] if text.strip() else ""
    return last if re.fullmatch(r"[A-Za-z]+(\[\])?", last) else None


def _parameter(cell: Cell, location: str) -> DocParameter:
    if not cell.bold:
        raise LayoutError(f"a {location} parameter line has no bold name: {cell.text[:60]!r}")
    head = cell.bold[0]
    name = re.sub(r"\s*\((optional|required)\)\s*$", "", head, flags=re.IGNORECASE).strip()
    required: bool | None = None
    if re.search(r"\(optional\)", head, re.IGNORECASE):
        required = False
    elif re.search(r"\(required\)", head, re.IGNORECASE) or location == "path":
        required = True
    enum: list[str] | None = None
    default: str | None = None
    values = cell.bold[1:]
    if values:
        enum = []
        for raw in values:
            value = re.sub(r"\s*\(default\)\s*$", "", raw, flags=re.IGNORECASE).strip()
            if value != raw.strip():
                default = value
            enum.append(value)
    first_line = cell.text.splitlines()[0] if cell.text else ""
    doc_type = None if enum else _trailing_type(first_line)
    return DocParameter(
        name=name, location=location, doc_type=doc_type, default=default, enum=enum, required=required
    )


def _status_tables(section: Section, op: DocOperation) -> None:
    for table in tables(section):
        status_col = table.column("Status Code")
        if status_col is None:
            continue
        content_col = table.column("Content")
        type_col = table.column("Content-Type", "Content Type")
        header_col = table.column("Additional Headers")
        for row in table.rows:
            if status_col >= len(row):
                continue
            match = re.match(r"\s*(\d{3})\b", row[status_col].text)
            if match is None:
                raise LayoutError(f"status cell {row[status_col].text[:40]!r} does not start with a code")
            status = match.group(1)
            response = op.responses.setdefault(status, DocResponse(status=status, no_body=True))
            content = row[content_col].text if content_col is not None and content_col < len(row) else ""
            media = row[type_col].text if type_col is not None and type_col < len(row) else ""
            if not _blank(media):
                response.content_types.update(m.strip() for m in re.split(r"[,\n]", media) if m.strip())
            response.no_body = response.no_body and _blank(content) and _blank(media)
            if not _blank(content):
                response.content_text = " ".join(filter(None, (response.content_text, content.strip())))
            if header_col is not None and header_col < len(row):
                response.headers.update(b for b in row[header_col].bold if re.fullmatch(r"[\w-]+", b))


def _method_table(table: Table, op: DocOperation) -> None:
    method_col = table.column("Method Type")
    if method_col is None or not table.rows:
        raise LayoutError("the method table has no rows")
    row = table.rows[0]
    op.method = row[method_col].text.strip().upper()
    content_col = table.column("Content Type")
    if content_col is not None and content_col < len(row):
        text = row[content_col].text.strip()
        op.request_content_type = "" if _blank(text) else text
    header_col = table.column("Additional Headers")
    if header_col is not None and header_col < len(row):
        op.auth_headers.update(b for b in row[header_col].bold if re.fullmatch(r"[\w-]+", b))


def _operation(page: str, title: str, parts: list[Section]) -> DocOperation:
    op = DocOperation(page=page, title=title, method="", path="")
    op.intro = " ".join(p.text for p in paragraphs(parts[0]) if p.text.strip())
    for section in parts:
        heading = section.title.text.strip().lower()
        for table in tables(section):
            if table.column("Method Type") is not None:
                _method_table(table, op)
        if heading == "uri":
            lines = [p.text.strip() for p in paragraphs(section) if p.text.strip()]
            if not lines or not lines[0].startswith("/"):
                raise LayoutError("the URI section holds no path")
            uri = lines[0].split()[0]
            op.path, _, query = uri.partition("?")
            # A URI with a query string (`...?levelMode=...`) documents those names as query parameters.
            op.parameters.extend(
                DocParameter(name=name, location="query") for name in re.findall(r"([A-Za-z_][\w-]*)=", query)
            )
        elif heading in ("path parameters", "query parameters", "header parameters"):
            location = heading.split()[0]
            op.parameters.extend(_parameter(p, location) for p in paragraphs(section) if p.text.strip())
        elif heading in ("on success", "error messages"):
            _status_tables(section, op)
        elif heading in ("response json", "request parameters"):
            sketches = fences(section)
            if not sketches:
                raise LayoutError(f"the {section.title.text!r} section has no structure sketch")
            try:
                fields = parse_sketch(sketches[0].text)
            except SketchError as exc:
                raise LayoutError(f"cannot read the {section.title.text!r} sketch: {exc}") from exc
            if heading == "response json":
                op.response_fields = fields
            else:
                op.request_fields = fields
    unique: dict[tuple[str, str], DocParameter] = {}
    for param in op.parameters:
        unique[(param.location, param.name)] = (
            param  # a parameter section (read later) beats the URI's bare name
        )
    op.parameters = list(unique.values())
    if not op.method:
        raise LayoutError("no 'Method Type' table")
    if not op.path:
        raise LayoutError("no URI section")
    if op.response_fields is not None:
        op.response_fields_status = _success_status(op)
    return op


def _success_status(op: DocOperation) -> str:
    successes = sorted(s for s in op.responses if s.startswith("2"))
    for status in successes:
        if any("json" in m for m in op.responses[status].content_types):
            return status
    if successes:
        return successes[0]
    raise LayoutError("a 'Response JSON' sketch but no success status")


def parse_page(page: str, sections: list[Section]) -> tuple[list[DocOperation], list[str]]:
    """Operations of one page, and one error string per operation that could not be read."""
    operations: list[DocOperation] = []
    errors: list[str] = []
    level = _operation_level(sections)
    starts = [i for i, s in enumerate(sections) if is_operation_heading(s) and s.level == level]
    for number, start in enumerate(starts):
        end = starts[number + 1] if number + 1 < len(starts) else len(sections)
        # The operation's own heading section counts too: a method table may sit right under the title.
        parts = [sections[start], *(s for s in sections[start + 1 : end] if not is_operation_heading(s))]
        title = sections[start].title.text.strip("+ ")
        try:
            operations.append(_operation(page, title, parts))
        except LayoutError as exc:
            errors.append(f"operation {title!r}: {exc}")
    return operations, errors
