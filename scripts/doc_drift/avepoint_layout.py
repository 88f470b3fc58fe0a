"""Reader for AvePoint Graph API job pages (the vendor's DocFX repository, every layout its job pages use).

A page has a title, then sections in a fixed vocabulary whose wording varies between pages and over time:
"Permission(s)" (API | Permission or Permission required), "Request" (Method or HTTP Method | Endpoint), one
parameter section per location ("Query/Path/URL/Header/Body/Request Body/Request Parameters"), "Response(s)"
with element tables (the first one describes the body; each further one, after a bold caption, describes a
structured element of an earlier table), "Request Sample" and "Response Sample". Name columns may be called
Parameter(s), Name, Elements, Element, Property, Field or Response; "Required" or "Required?" hold Yes, No or
Conditional. Enum values are bold numbers followed by a label in one of four notations (`**1** for X`,
`**1** (X)`, `**1** - X`, or several of them inline separated by `;`).

Why everything is checked: a layout the reader half understands is worse than one it rejects, because a fact
it skips can change without anybody noticing. So a section with a table or code block under a heading it does
not know, a table without the columns it expects, or a nested table it cannot attach is an error naming the
section, never skipped. Prose is not read (rewording it changes no fact).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import parse_qsl, urlsplit

from .json_samples import lenient_json, sample_fields
from .markdown_blocks import Cell, Fence, Section, Table, fences, paragraphs, tables
from .model import DocField, DocOperation, DocParameter, DocResponse
from .olconnect_layout import LayoutError

PARAMETER_SECTIONS = {
    "query parameters": "query",
    "path parameters": "path",
    "url parameters": "path",
    "header parameters": "header",
    "body parameters": "body",
    "request body parameters": "body",
    "request parameters": "request",  # Opus: the query for GET, the body otherwise
}
PERMISSION_SECTIONS = {"permission", "permissions"}
RESPONSE_SECTIONS = {"response", "responses"}
SAMPLE_SECTIONS = {"request sample", "response sample"}
NAME_COLUMNS = ("Parameter", "Parameters", "Name", "Elements", "Element", "Property", "Field", "Response")
REQUIRED_COLUMNS = ("Required?", "Required")
SCALAR_TYPES = {
    "string",
    "integer",
    "int",
    "long",
    "double",
    "float",
    "number",
    "boolean",
    "bool",
    "enum",
    "guid",
    "datetime",
    "date",
    "string[]",
    "integer[]",
    "null",
}
_CONNECTOR = r"(?:for\s+|[-\u2013:]\s+)"


def _title(section: Section) -> str:
    return re.sub(r"\s+", " ", section.title.text.strip().lower())


def looks_like_layout(sections: list[Section]) -> bool:
    titles = {_title(s) for s in sections}
    return "request" in titles and (
        bool(titles & RESPONSE_SECTIONS) or any(t.endswith("parameters") for t in titles)
    )


def requirement(text: str) -> str | None:
    """The page's requirement word, normalised: yes, no or conditional (None for anything else)."""
    word = text.strip().strip("*").lower()
    if word in ("yes", "true", "required", "mandatory"):
        return "yes"
    if word in ("no", "false", "optional"):
        return "no"
    if word.startswith("conditional"):
        return "conditional"
    return None


def _segments(cell: Cell) -> list[str]:
    """The cell's lines (`<br>` and `<li>` boundaries), each inline `;` list split into its parts."""
    lines = [*cell.text.split("\n"), *(line for item in cell.items for line in item.text.split("\n"))]
    return [part for line in lines for part in line.split(";") if part.strip()]


def enum_labels(cell: Cell) -> dict[str, str]:
    """Enum values (bold runs followed by a label in one of the four notations) -> the page's label.

    `**2** for Finished`, `**0** (oldest on top)`, `**1** - Backup`, each in its own `<li>` or `<br>` line,
    or several on one line separated by `;`. A bold run with no label after it (a default, a note) is not a
    value."""
    bold = sorted({*cell.bold, *(b for item in cell.items for b in item.bold)}, key=len, reverse=True)
    values = [b for b in bold if re.fullmatch(r"-?[\w.]+", b)]
    labels: dict[str, str] = {}
    if not values:
        return labels
    value = "|".join(re.escape(v) for v in values)
    for segment in _segments(cell):
        match = re.search(
            rf"(?<![\w.])(?P<value>{value})\s*(?:\((?P<paren>[^)]*)\)|{_CONNECTOR}(?P<label>.+))", segment
        )
        if match:
            label = match.group("paren") if match.group("paren") is not None else match.group("label")
            labels[match.group("value")] = label.strip().rstrip(".;,").strip()
    return labels


def normal_label(label: str) -> str:
    """Labels compared without case, spacing, trailing punctuation or the notes after the first sentence
    ("Finished." == "finished"; "Azure SQL job. Note that ..." == "azure sql job")."""
    first = re.split(r"\.\s", label, maxsplit=1)[0]
    return re.sub(r"\s+", " ", first).strip(" .;,:").lower()


def _default(cell: Cell) -> str | None:
    text = "\n".join([cell.text, *(item.text for item in cell.items)])
    match = re.search(r"default value is\s+\**`?([^\s*`]+?)`?\**\s*(?:\.|,|$|\s)", text, re.IGNORECASE)
    return match.group(1).strip('"') if match else None


@dataclass
class _Columns:
    name: int
    type: int | None
    description: int | None
    required: int | None


def _columns(table: Table, where: str) -> _Columns:
    name = table.column(*NAME_COLUMNS)
    if name is None:
        raise LayoutError(f"{where}: a table with columns {table.header} has no name column")
    kind = table.column("Type")
    if kind is None and table.column("Description") is None:
        raise LayoutError(
            f"{where}: a table with columns {table.header} has neither 'Type' nor 'Description'"
        )
    return _Columns(name, kind, table.column("Description"), table.column(*REQUIRED_COLUMNS))


def _cell(row: list[Cell], index: int | None) -> Cell:
    return row[index] if index is not None and index < len(row) else Cell("", [])


def _name(cell: Cell) -> str:
    return cell.text.strip().strip("`*").strip()


def _parameters(table: Table, location: str, where: str) -> list[DocParameter]:
    cols = _columns(table, where)
    params: list[DocParameter] = []
    for row in table.rows:
        name = _name(_cell(row, cols.name))
        if not name:
            continue
        description = _cell(row, cols.description)
        labels = enum_labels(description)
        word = requirement(_cell(row, cols.required).text) if cols.required is not None else None
        params.append(
            DocParameter(
                name=name,
                location=location,
                doc_type=(_cell(row, cols.type).text.strip() or None) if cols.type is not None else None,
                default=_default(description),
                enum=list(labels) or None,
                required={"yes": True, "no": False}.get(word or ""),
                enum_labels=labels,
                requirement=word,
            )
        )
    return params


def is_structured(doc_type: str | None) -> bool:
    """A type word naming a structure a later table may describe (list, module, ApiError, ...)."""
    word = (doc_type or "").strip().lower()
    return bool(word) and word not in SCALAR_TYPES


def is_list(doc_type: str | None, description: str = "") -> bool:
    """A list-typed element; a plural type word ("jobs") counts when the description calls it a list."""
    word = (doc_type or "").strip().lower()
    listed = word in ("list", "array") or word.startswith("array") or word.endswith("[]")
    return listed or (word.endswith("s") and bool(re.match(r"\s*an? (list|array)\b", description.lower())))


def _words(text: str) -> set[str]:
    spaced = re.sub(r"(?<=[a-z0-9])(?=[A-Z])", " ", text)
    return {w for w in re.split(r"[^a-z0-9]+", spaced.lower()) if len(w) > 2} - {"the", "and", "list", "api"}


def _singular(words: set[str]) -> set[str]:
    return words | {w[:-1] for w in words if w.endswith("s")}


class _Tree:
    """Fields of a section's element tables, keyed by path (`data[].backupDetails.totalNumber`)."""

    def __init__(self, where: str) -> None:
        self.where = where
        self.fields: dict[str, DocField] = {}
        self.descriptions: dict[str, str] = {}
        self.described: set[str] = set()

    def add_rows(self, table: Table, prefix: str) -> None:
        cols = _columns(table, self.where)
        for row in table.rows:
            name = _name(_cell(row, cols.name))
            if not name:
                continue
            description = _cell(row, cols.description)
            labels = enum_labels(description)
            path = f"{prefix}{name}"
            self.fields[path] = DocField(
                doc_type=(_cell(row, cols.type).text.strip() or None) if cols.type is not None else None,
                enum=list(labels) or None,
                enum_labels=labels,
                required=requirement(_cell(row, cols.required).text) if cols.required is not None else None,
                default=_default(description),
            )
            self.descriptions[path] = description.text

    def add_nested(self, table: Table, caption: str) -> None:
        for target in self.parents(caption):
            listed = is_list(self.fields[target].doc_type, self.descriptions.get(target, ""))
            self.add_rows(table, f"{target}[]." if listed else f"{target}.")

    def parents(self, caption: str) -> list[str]:
        """The structured elements a captioned table describes: those the caption names ("siteRestoreScope:",
        "files/folders:"), else the one whose name, description or type word shares most words with the
        caption, the earliest on a tie ("Job details" -> backupDetails, described as "Job details")."""
        candidates = [
            p for p, f in self.fields.items() if is_structured(f.doc_type) and p not in self.described
        ]
        joined = re.sub(r"[^a-z0-9]", "", caption.lower())
        spelled = [
            p for p in self.fields if p not in self.described and p.rsplit(".", 1)[-1].lower() == joined
        ]
        if spelled:  # "Backup details:" describes BackupDetails even where the page types it "int"
            self.described.update(spelled[:1])
            return spelled[:1]
        if not candidates:
            raise LayoutError(
                f"{self.where}: cannot tell which element the table captioned {caption!r} describes"
            )
        names = {part.strip().lower() for part in re.split(r"[/,]", caption.strip(" :*")) if part.strip()}
        named = [p for p in candidates if p.rsplit(".", 1)[-1].lower() in names]
        if not named:
            wanted = _singular(_words(caption))

            def score(path: str) -> int:
                leaf = path.rsplit(".", 1)[-1]
                own = (
                    _words(leaf)
                    | _words(self.descriptions.get(path, ""))
                    | _words(self.fields[path].doc_type or "")
                )
                return len(wanted & _singular(own))

            named = [max(candidates, key=lambda p: (score(p), -candidates.index(p)))]
        self.described.update(named)
        return named


def _element_fields(section: Section, where: str) -> dict[str, DocField]:
    """Fields of a section's element tables; a nested table is attached to the element it describes."""
    tree = _Tree(where)
    caption = ""
    first = True
    for block in section.blocks:
        if isinstance(block, Cell):
            if block.bold and block.text.strip().strip(":").strip() == block.bold[0].strip(":").strip():
                caption = block.bold[0]
        elif isinstance(block, Table):
            if first:
                tree.add_rows(block, "")
                first = False
            else:
                tree.add_nested(block, caption)
            caption = ""
        elif isinstance(block, Fence):
            raise LayoutError(f"{where}: holds a code block the reader does not read")
    fields = {"": DocField(doc_type="object")} if tree.fields else {}
    for path in tree.described:
        listed = is_list(tree.fields[path].doc_type, tree.descriptions.get(path, ""))
        fields[path + ("[]" if listed else "")] = DocField(doc_type="object")
    fields.update(tree.fields)
    return fields


def _endpoint(cell: Cell) -> str:
    endpoint = (cell.code or [cell.text])[0].strip()
    if endpoint.startswith(("http://", "https://")):
        endpoint = urlsplit(endpoint).path  # a full URL names the host too; operations match on the path
    endpoint = endpoint.split("?", 1)[0].strip()
    return endpoint if endpoint.startswith("/") else f"/{endpoint}"


def parse_page(page: str, sections: list[Section]) -> tuple[list[DocOperation], list[str]]:
    by_title: dict[str, Section] = {}
    for section in sections:
        by_title.setdefault(_title(section), section)
    request = by_title.get("request")
    if request is None or not tables(request):
        return [], ["no 'Request' table with the method and endpoint"]
    table = tables(request)[0]
    method_col, endpoint_col = table.column("Method", "HTTP Method"), table.column("Endpoint")
    if method_col is None or endpoint_col is None or not table.rows:
        return [], [f"the 'Request' table (columns {table.header}) lacks 'Method'/'Endpoint' columns or rows"]
    if len(table.rows) > 1:
        return [], ["the 'Request' table lists several endpoints; this layout reader expects one per page"]
    row = table.rows[0]
    title = next((s.title.text.strip() for s in sections if s.level == 1), page)
    op = DocOperation(
        page=page, title=title, method=row[method_col].text.strip().upper(), path=_endpoint(row[endpoint_col])
    )
    errors = _unread_sections(sections)
    try:
        _fill(op, sections)
    except LayoutError as exc:
        errors.append(str(exc))
    if errors:
        return [], errors
    return [op], []


def _unread_sections(sections: list[Section]) -> list[str]:
    """Every section outside the vocabulary that holds a table or code block: something would go unread."""
    known = {"request", *PARAMETER_SECTIONS, *PERMISSION_SECTIONS, *RESPONSE_SECTIONS, *SAMPLE_SECTIONS}
    errors = []
    for section in sections:
        if _title(section) in known:
            continue
        held = [
            kind for kind, blocks in (("table", tables(section)), ("code block", fences(section))) if blocks
        ]
        if held:
            name = section.title.text.strip() or "(before the first heading)"
            errors.append(f"section {name!r} holds a {' and a '.join(held)} the reader does not read")
    return errors


def _fill(op: DocOperation, sections: list[Section]) -> None:
    for section in sections:
        title = _title(section)
        if title in PARAMETER_SECTIONS:
            _parameter_section(op, section, PARAMETER_SECTIONS[title])
        elif title in PERMISSION_SECTIONS:
            _permissions(op, section)
        elif title in RESPONSE_SECTIONS:
            _responses(op, section)
        elif title == "request sample":
            _request_sample(op, section)
        elif title == "response sample":
            _response_sample(op, section)


def _parameter_section(op: DocOperation, section: Section, location: str) -> None:
    where = f"section {section.title.text.strip()!r}"
    if location == "request":
        location = "query" if op.method == "GET" else "body"
    if location != "body":
        for table in tables(section):
            for param in _parameters(table, location, where):
                # Some pages list the path's own variable under "Query Parameters" (the Insights export
                # pages): the endpoint says where it goes.
                if f"{{{param.name}}}" in op.path:
                    param.location = "path"
                op.parameters.append(param)
        if len(tables(section)) > 1:
            raise LayoutError(f"{where}: holds {len(tables(section))} tables; the reader reads one")
        return
    fields = _element_fields(section, where)
    op.request_fields = {**(op.request_fields or {}), **fields}
    op.request_content_type = "application/json"


def _permissions(op: DocOperation, section: Section) -> None:
    where = f"section {section.title.text.strip()!r}"
    if not tables(section):
        raise LayoutError(f"{where}: has no table")
    for table in tables(section):
        col = table.column("Permission", "Permission required", "Permissions")
        if col is None:
            raise LayoutError(f"{where}: a table with columns {table.header} has no 'Permission' column")
        for row in table.rows:
            words = re.split(r"[\s,]+", row[col].text.strip().replace("`", ""))
            op.scopes.update(w for w in words if w and w.lower() not in ("or", "and"))


def _responses(op: DocOperation, section: Section) -> None:
    where = f"section {section.title.text.strip()!r}"
    if not tables(section):
        op.response_fields = None  # a file download: the section describes no JSON elements
        return
    op.response_fields = _element_fields(section, where)


def _request_sample(op: DocOperation, section: Section) -> None:
    blocks = fences(section)
    if not blocks:
        raise LayoutError("the 'Request Sample' section has no code block")
    url = blocks[0].text.strip().split()[0] if blocks[0].text.strip() else ""
    op.sample_query_names = [name for name, _ in parse_qsl(urlsplit(url).query, keep_blank_values=True)]
    op.sample_host = urlsplit(url).hostname or ""


def _response_sample(op: DocOperation, section: Section) -> None:
    prose = " ".join(p.text for p in paragraphs(section))
    statuses = re.findall(r"returns? (?:an? )?(\d{3})\b", prose)
    blocks = fences(section)
    if not statuses:
        # "This API response returns the job status.": the success answer, which the general page (status
        # code table) gives as 200.
        statuses = ["200"]
    media = "application/json" if op.response_fields is not None else None
    for status in statuses:
        op.responses.setdefault(status, DocResponse(status=status, content_types={media} if media else set()))
    op.response_fields_status = statuses[0]
    if not blocks:
        if op.response_fields is not None:
            raise LayoutError("the 'Response Sample' section has no code block")
        return
    try:
        op.response_sample = lenient_json(blocks[0].text)
    except ValueError as exc:
        raise LayoutError(f"the response sample is {exc}") from exc
    op.has_response_sample = True
    fields = op.response_fields if op.response_fields is not None else {}
    for path, field in sample_fields(op.response_sample).items():
        fields.setdefault(path, field)
    op.response_fields = fields
