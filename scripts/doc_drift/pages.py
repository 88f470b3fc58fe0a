"""Pick the layout reader for each page of a docs folder and collect what it extracts."""

from __future__ import annotations

from pathlib import Path

from . import avepoint_layout, olconnect_layout
from .markdown_blocks import parse_sections
from .model import PageResult


def read_page(path: Path, name: str | None = None) -> PageResult:
    """Parse one page. Errors are returned in the result (never raised) so the report can name every page."""
    label = name or path.name
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        return PageResult(page=label, layout=None, error=f"cannot read the file ({exc})")
    return read_text(label, text)


def read_text(label: str, text: str) -> PageResult:
    """Parse a page's text (from a file or from a git bundle, ``sources.py``); errors go into the result."""
    try:
        return _parse(label, text)
    except Exception as exc:  # a reader bug must name the page and fail the run, not end it with a traceback
        return PageResult(
            page=label, layout=None, error=f"the page reader failed ({exc.__class__.__name__}: {exc})"
        )


def _parse(label: str, text: str) -> PageResult:
    sections = parse_sections(text)
    if olconnect_layout.looks_like_layout(sections):
        layout = "olconnect"
        operations, errors = olconnect_layout.parse_page(label, sections)
    elif avepoint_layout.looks_like_layout(sections):
        layout = "avepoint"
        operations, errors = avepoint_layout.parse_page(label, sections)
    else:
        return PageResult(
            page=label,
            layout=None,
            error="layout not recognised (neither OL Connect `++Operation++` headings nor an AvePoint "
            "'Request' table)",
        )
    result = PageResult(page=label, layout=layout, operations=operations)
    if errors:
        result.error = "; ".join(errors)
    elif not operations:
        result.error = "no operation found on the page"
    return result


def read_folder(folder: Path) -> list[PageResult]:
    """Every Markdown page under `folder` (sorted, recursive)."""
    return [read_page(p, str(p.relative_to(folder))) for p in sorted(folder.rglob("*.md")) if p.is_file()]
