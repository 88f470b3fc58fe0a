"""A thin layer over markdown-it-py: a page as a list of headed sections holding paragraphs, tables and code.

Tables and inline markup (bold names, `<br>`/`<li>` lists inside cells) come from markdown-it's token stream,
so GFM edge cases (missing outer pipes, escaped pipes, inline HTML) are handled by the library, not by us.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field

from markdown_it import MarkdownIt
from markdown_it.token import Token

_MD = MarkdownIt("commonmark", {"html": True}).enable("table")


@dataclass
class Cell:
    """One table cell or paragraph: plain text, bold runs, and `<li>` items (each with its own bold runs)."""

    text: str
    bold: list[str]
    items: list[Cell] = field(default_factory=list)
    code: list[str] = field(default_factory=list)


@dataclass
class Table:
    header: list[str]
    rows: list[list[Cell]]

    def column(self, *names: str) -> int | None:
        """Index of the first header that equals one of `names` (case-insensitive), or None."""
        wanted = {n.lower() for n in names}
        for index, title in enumerate(self.header):
            if title.strip().lower() in wanted:
                return index
        return None


@dataclass
class Fence:
    info: str
    text: str


Block = Cell | Table | Fence


@dataclass
class Section:
    level: int
    title: Cell
    blocks: list[Block] = field(default_factory=list)


def _inline_cell(token: Token) -> Cell:
    """Turn an inline token into a Cell; `<li>` ... `</li>` runs become items, `<br>` becomes a line break."""
    root = Cell(text="", bold=[])
    item: Cell | None = None
    in_strong = False
    for child in token.children or []:
        target = item if item is not None else root
        if child.type == "strong_open":
            in_strong = True
            target.bold.append("")
        elif child.type == "strong_close":
            in_strong = False
        elif child.type in ("text", "code_inline"):
            content = html.unescape(child.content)
            target.text += content
            if in_strong and target.bold:
                target.bold[-1] += content
            if child.type == "code_inline":
                target.code.append(content)
        elif child.type in ("softbreak", "hardbreak"):
            target.text += "\n"
        elif child.type == "html_inline":
            tag = child.content.strip().lower()
            if re.fullmatch(r"<li\s*/?>", tag):
                item = Cell(text="", bold=[])
                root.items.append(item)
            elif tag in ("</li>", "<ul>", "</ul>", "<ol>", "</ol>"):
                item = None
            elif re.fullmatch(r"</?br\s*/?>", tag):
                target.text += "\n"
    for cell in (root, *root.items):
        cell.text = cell.text.strip()
        cell.bold = [b.strip() for b in cell.bold if b.strip()]
    return root


def _table(tokens: list[Token], start: int) -> tuple[Table, int]:
    header: list[str] = []
    rows: list[list[Cell]] = []
    row: list[Cell] = []
    in_head = False
    index = start
    while index < len(tokens):
        token = tokens[index]
        if token.type == "table_close":
            return Table(header=header, rows=rows), index
        if token.type == "thead_open":
            in_head = True
        elif token.type == "thead_close":
            in_head = False
        elif token.type == "tr_open":
            row = []
        elif token.type == "tr_close" and not in_head:
            rows.append(row)
        elif token.type == "inline":
            cell = _inline_cell(token)
            if in_head:
                header.append(cell.text)
            else:
                row.append(cell)
        index += 1
    return Table(header=header, rows=rows), index


def parse_sections(text: str) -> list[Section]:
    """Split a page into sections at each heading; content before the first heading gets a level-0 section."""
    tokens = _MD.parse(text)
    sections = [Section(level=0, title=Cell(text="", bold=[]))]
    index = 0
    while index < len(tokens):
        token = tokens[index]
        if token.type == "heading_open":
            title = _inline_cell(tokens[index + 1])
            sections.append(Section(level=int(token.tag[1:]), title=title))
            index += 3
            continue
        if token.type == "table_open":
            table, index = _table(tokens, index)
            sections[-1].blocks.append(table)
        elif token.type == "paragraph_open":
            sections[-1].blocks.append(_inline_cell(tokens[index + 1]))
            index += 2
        elif token.type in ("fence", "code_block"):
            sections[-1].blocks.append(Fence(info=token.info.strip(), text=token.content))
        index += 1
    return sections


def tables(section: Section) -> list[Table]:
    return [b for b in section.blocks if isinstance(b, Table)]


def paragraphs(section: Section) -> list[Cell]:
    return [b for b in section.blocks if isinstance(b, Cell)]


def fences(section: Section) -> list[Fence]:
    return [b for b in section.blocks if isinstance(b, Fence)]
