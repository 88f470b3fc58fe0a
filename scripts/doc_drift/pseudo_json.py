"""Reader for the JSON-like structure sketches of the OL Connect pages.

The pages write bodies as e.g. `{ identifiers: [ { item: __description__, number } ] }`: keys may be quoted
or not, each leaf carries a prose description between double underscores followed by a type word (`number`,
`string | null`, `number[]`), commas are optional and trailing commas occur. The reader turns such a sketch
into the same flat field map the spec side uses (`identifiers[].item` -> "number").

A sketch that does not follow this grammar raises SketchError; the caller reports the page as unparseable
rather than guessing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .model import DocField

_TOKEN = re.compile(
    r"""
    (?P<desc>__.*?__)
  | (?P<string>"[^"\n]*")
  | (?P<word>[A-Za-z_][\w.-]*(?:\[\])*)
  | (?P<punct>[{}\[\]:,|?])
  | (?P<space>\s+)
  | (?P<other>.)
    """,
    re.VERBOSE | re.DOTALL,
)


class SketchError(ValueError):
    """The structure sketch does not follow the page layout's grammar."""


@dataclass
class _Tok:
    kind: str
    text: str


def _tokenize(text: str) -> list[_Tok]:
    out: list[_Tok] = []
    for match in _TOKEN.finditer(text):
        kind = match.lastgroup or "other"
        if kind == "space":
            continue
        if kind == "other":
            raise SketchError(f"unexpected character {match.group()!r}")
        out.append(_Tok(kind, match.group()))
    return out


class _Reader:
    def __init__(self, tokens: list[_Tok]) -> None:
        self.tokens = tokens
        self.pos = 0
        self.fields: dict[str, DocField] = {}
        self.notes: list[str] = []

    def peek(self) -> _Tok | None:
        return self.tokens[self.pos] if self.pos < len(self.tokens) else None

    def take(self) -> _Tok:
        token = self.peek()
        if token is None:
            raise SketchError("the sketch ends too early")
        self.pos += 1
        return token

    def expect(self, text: str) -> None:
        token = self.take()
        if token.text != text:
            raise SketchError(f"expected {text!r}, found {token.text!r}")

    def skip_commas(self) -> None:
        while (token := self.peek()) is not None and token.text == ",":
            self.pos += 1

    def value(self, path: str) -> None:
        token = self.peek()
        if token is None:
            raise SketchError("the sketch ends where a value should be")
        if token.text == "{":
            self.record(path, "object")
            self.object_body(path)
        elif token.text == "[":
            self.record(path, "array")
            self.array_body(path)
        else:
            self.leaf(path)

    def record(self, path: str, doc_type: str | None) -> None:
        if path not in self.fields or self.fields[path].doc_type is None:
            self.fields[path] = DocField(doc_type=doc_type, source="structure sketch")

    def object_body(self, path: str) -> None:
        self.expect("{")
        while (token := self.peek()) is not None and token.text != "}":
            self.member(path)
            self.skip_commas()
        self.expect("}")

    def member(self, path: str) -> None:
        key = self.take()
        if key.kind not in ("word", "string"):
            raise SketchError(f"expected a field name, found {key.text!r}")
        if (token := self.peek()) is not None and token.text == "?":
            self.pos += 1  # `parameters?:` marks an optional member; the sketches note no other difference
        self.expect(":")
        name = key.text.strip('"')
        self.value(f"{path}.{name}" if path else name)

    def array_body(self, path: str) -> None:
        self.expect("[")
        item_path = f"{path}[]"
        while (token := self.peek()) is not None and token.text != "]":
            following = self.tokens[self.pos + 1] if self.pos + 1 < len(self.tokens) else None
            if token.kind in ("word", "string") and following is not None and following.text == ":":
                # `[ id: ..., properties: [...] ]`: members written straight inside brackets. Read them as the
                # members of the array's items and let the comparison show the difference to the spec.
                self.member(item_path)
            else:
                self.value(item_path)
            self.skip_commas()
        self.expect("]")

    def leaf(self, path: str) -> None:
        following = self.tokens[self.pos + 1] if self.pos + 1 < len(self.tokens) else None
        token = self.peek()
        if token is not None and token.kind == "word" and following is not None and following.kind == "desc":
            self.pos += 1  # `name : value __description__ type`: `value` stands for any value, not a type
        if (token := self.peek()) is not None and token.kind == "desc":
            self.pos += 1
        self.skip_commas()
        words: list[str] = []
        while (token := self.peek()) is not None and token.kind == "word":
            following = self.tokens[self.pos + 1] if self.pos + 1 < len(self.tokens) else None
            if following is not None and following.text == ":":
                break  # the next member's key, not a type word
            words.append(self.take().text)
            if (token := self.peek()) is not None and token.text == "|":
                self.pos += 1
                continue
            break
        doc_type = " | ".join(words) if words else None
        self.record(path, doc_type)
        if doc_type is not None and all(w.endswith("[]") for w in words):
            item_words = [w[:-2] for w in words]
            self.record(f"{path}[]", " | ".join(item_words))


def parse_sketch(text: str) -> dict[str, DocField]:
    """Parse one sketch into {field path: DocField}; "" is the body itself."""
    reader = _Reader(_tokenize(text))
    reader.value("")
    if reader.peek() is not None:
        raise SketchError(f"unexpected {reader.peek().text!r} after the end of the sketch")  # type: ignore[union-attr]
    return reader.fields
