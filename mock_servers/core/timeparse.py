"""ISO 8601 date-times as the AvePoint pages ask for them: RFC 3339, a missing offset meaning UTC (AVE-07)."""

from __future__ import annotations

import re
from datetime import datetime

_RFC3339 = re.compile(
    r"(?P<date>[0-9]{4}-[0-9]{2}-[0-9]{2})[Tt](?P<time>[0-9]{2}:[0-9]{2}:[0-9]{2})"
    r"(?:\.(?P<fraction>[0-9]+))?(?P<offset>[Zz]|[+-][0-9]{2}:[0-9]{2})?"
)


def parse_rfc3339(text: str) -> datetime | None:
    """An aware datetime (UTC when no offset is given), or None when ``text`` is not such a date-time.

    Fractions longer than microseconds are truncated (Python's limit), which never changes a comparison
    at the precision the API uses.
    """
    match = _RFC3339.fullmatch(text)
    if match is None:
        return None
    fraction = (match["fraction"] or "")[:6].ljust(6, "0")
    offset = "+00:00" if match["offset"] in (None, "Z", "z") else match["offset"]
    try:
        return datetime.fromisoformat(f"{match['date']}T{match['time']}.{fraction}{offset}")
    except ValueError:
        return None
