"""The page record a proposal writes: the old record plus what the new pages add, never less."""

from __future__ import annotations

from ..page_record import RecordedOperation, parse_record_text, render_record


def merged_record(old: str, new: str) -> str:
    """The old record plus what the new pages add: a proposal never drops a recorded element (removals stay
    visible until a person handles them)."""
    if not old:
        return new
    before = parse_record_text(old, "record")
    after = parse_record_text(new, "record")
    merged: dict[str, RecordedOperation] = dict(before)
    for key, item in after.items():
        if key in merged:
            merged[key].elements |= item.elements
        else:
            merged[key] = item
    return render_record(merged)
