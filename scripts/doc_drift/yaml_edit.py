"""Round-trip editing of the spec files: change a few nodes, keep every other byte, and diff the result.

ruamel.yaml keeps comments, quoting, flow/block style and key order of what it loads, so a proposed addition
shows up in the patch as the added lines only. The one thing it would change on its own, `null` written as an
empty value, is pinned back to `null` here; `dump_text` of an unedited file returns the file unchanged
(checked before any edit, so a layout ruamel cannot keep is an error instead of a reformatted file).
"""

from __future__ import annotations

import difflib
import io
import re
import textwrap
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.representer import RoundTripRepresenter
from ruamel.yaml.scalarstring import (
    DoubleQuotedScalarString,
    FoldedScalarString,
    ScalarString,
    SingleQuotedScalarString,
)

# Strings YAML cannot write plain: a loaded plain string never matches, so restyling touches new text only.
_NEEDS_QUOTES = re.compile(
    r"^[#&*!|>'\"%@`{\[\]},]|^[-?:](\s|$)|^\d+(\.\d+)?$|^(true|false|null|~)$|: | #|^$", re.I
)


class EditError(Exception):
    """A spec cannot be edited safely (its layout does not survive a round trip, or a $ref points nowhere)."""


def _represent_none(representer: RoundTripRepresenter, _: None) -> Any:
    return representer.represent_scalar("tag:yaml.org,2002:null", "null")


def _yaml() -> YAML:
    yaml = YAML()
    yaml.preserve_quotes = True
    yaml.width = 4096  # never re-wrap long lines
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.representer.add_representer(type(None), _represent_none)
    return yaml


class SpecFile:
    """One spec loaded for round-trip editing."""

    def __init__(self, path: Path, display: str) -> None:
        self.path = path
        self.display = display  # the path the patch names, e.g. spec/olconnect.yaml
        self.original = path.read_text(encoding="utf-8")
        self.doc: CommentedMap = _yaml().load(self.original)
        if self.dump_text() != self.original:
            raise EditError(f"{display}: its layout does not survive a YAML round trip; edit it by hand")

    def restyle(self) -> None:
        """Write the strings the edits added that need quotes with the file's own quote character."""
        double = self.original.count(': "') + self.original.count('- "')
        single = self.original.count(": '") + self.original.count("- '")
        quote = DoubleQuotedScalarString if double >= single else SingleQuotedScalarString

        def style(value: Any) -> Any:
            if isinstance(value, ScalarString) or not isinstance(value, str):
                return value
            return quote(value) if _NEEDS_QUOTES.search(value) else value

        def walk(node: Any) -> None:
            if isinstance(node, CommentedMap):
                for key in list(node.keys()):
                    value = node[key]
                    new_key = style(key) if isinstance(key, str) else key
                    if new_key is not key and type(new_key) is not type(key):
                        position = list(node.keys()).index(key)
                        del node[key]
                        node.insert(position, new_key, value)
                    walk(value)
                    if not isinstance(value, CommentedMap | CommentedSeq):
                        node[new_key] = style(value)
            elif isinstance(node, CommentedSeq):
                for index, value in enumerate(node):
                    walk(value)
                    if not isinstance(value, CommentedMap | CommentedSeq):
                        node[index] = style(value)

        walk(self.doc)

    def dump_text(self) -> str:
        out = io.StringIO()
        _yaml().dump(self.doc, out)
        return out.getvalue()

    def diff(self) -> str:
        self.restyle()
        new = self.dump_text()
        if new == self.original:
            return ""
        lines = difflib.unified_diff(
            self.original.splitlines(keepends=True),
            new.splitlines(keepends=True),
            fromfile=f"a/{self.display}",
            tofile=f"b/{self.display}",
            n=3,
        )
        return f"diff --git a/{self.display} b/{self.display}\n" + "".join(lines)

    def resolve(self, ref: str) -> Any:
        """The node a local `$ref` points at."""
        if not ref.startswith("#/"):
            raise EditError(f"{self.display}: only local $refs can be followed, found {ref!r}")
        node: Any = self.doc
        for raw in ref[2:].split("/"):
            part = raw.replace("~1", "/").replace("~0", "~")
            if isinstance(node, dict) and part in node:
                node = node[part]
            else:
                raise EditError(f"{self.display}: $ref {ref!r} points at nothing")
        return node

    def deref(self, node: Any) -> Any:
        """Follow `$ref`s until a node that is not a reference (at most 20 steps)."""
        for _ in range(20):
            if isinstance(node, dict) and isinstance(node.get("$ref"), str):
                node = self.resolve(node["$ref"])
            else:
                return node
        raise EditError(f"{self.display}: a $ref chain does not end")


def prose(text: str, width: int = 90) -> str:
    """A description folded (`>-`) at about `width` columns, the way the hand-written ones are laid out."""
    if len(text) <= width:
        return text
    folded = FoldedScalarString(text)
    positions, offset = [], 0
    for line in textwrap.wrap(text, width=width, break_long_words=False, break_on_hyphens=False)[:-1]:
        offset += len(line)
        positions.append(offset)
        offset += 1
    folded.fold_pos = positions
    result: str = folded
    return result


def text_diff(display: str, old: str, new: str) -> str:
    """A git-style diff of one whole text file (used for the page record)."""
    if old == new:
        return ""
    header = f"diff --git a/{display} b/{display}\n"
    if not old:
        header += "new file mode 100644\n"
    lines = difflib.unified_diff(
        old.splitlines(keepends=True),
        new.splitlines(keepends=True),
        fromfile=f"a/{display}" if old else "/dev/null",
        tofile=f"b/{display}",
        n=3,
    )
    return header + "".join(lines)


def mapping(items: dict[str, Any] | None = None) -> CommentedMap:
    """A new block-style mapping holding `items` (nested dicts and lists are converted too)."""
    out = CommentedMap()
    for key, value in (items or {}).items():
        out[key] = to_node(value)
    return out


def to_node(value: Any) -> Any:
    if isinstance(value, CommentedMap | CommentedSeq):
        return value
    if isinstance(value, dict):
        return mapping(value)
    if isinstance(value, list):
        seq = CommentedSeq()
        seq.extend(to_node(v) for v in value)
        return seq
    return value
