"""Date-times from a server, read as aware UTC ``datetime`` values.

Why: a vendor may send the same kind of time with an offset or without one (AVE-07 reads a missing offset as
UTC). Returning naive values for one form and aware ones for the other makes two results incomparable
(``TypeError`` on ``<``), so every date-time a generated model returns goes through here and comes back aware,
in UTC. A member that may be missing while a job runs (AVE-10) is read by ``optional_utc_datetime``: absent,
``null``, an empty string or the .NET placeholder ``0001-01-01T00:00:00`` all mean "no time yet" (AVE-30).

A value that is not a date-time raises ``ValueError``; the request path turns it into ``ResponseParseError``.
"""

from __future__ import annotations

from datetime import UTC, datetime

__all__ = ["UTC", "optional_utc_datetime", "parse_iso", "utc_datetime"]

#: ``datetime.fromisoformat``: the generated models call it inline for the usual value (an offset of zero,
#: which it answers with the ``UTC`` singleton) and hand every other value to the functions below.
parse_iso = datetime.fromisoformat
_from_iso = parse_iso
# .NET DateTime.MinValue: some servers send it for "not finished yet" (variant ave.running-finish-time).
_PLACEHOLDER = datetime(1, 1, 1)


def utc_datetime(value: str) -> datetime:
    """An ISO 8601 date-time as an aware UTC ``datetime``; no offset means UTC.

    More than six fraction digits (.NET writes seven) are accepted by ``fromisoformat`` on 3.11+ and cut to
    microseconds. A time whose offset moves it outside what ``datetime`` holds raises ``ValueError``; a value
    that is not a string raises ``TypeError`` (both become ``ResponseParseError``). The usual ``+00:00`` and
    ``Z`` forms come back from ``fromisoformat`` with the ``UTC`` singleton and cost one extra test.
    """
    parsed = _from_iso(value)
    if parsed.tzinfo is UTC:
        return parsed
    return _in_utc(parsed, value)


def _in_utc(parsed: datetime, value: str) -> datetime:
    """``parsed`` (read from ``value``, not yet in the ``UTC`` singleton) as an aware UTC ``datetime``."""
    if parsed.tzinfo is None:
        # Parsing again with an explicit offset is several times faster than ``replace(tzinfo=...)`` on 3.11.
        try:
            again = _from_iso(value + "+00:00")
        except ValueError:
            again = parsed
        # A form the suffix does not fit (a date alone) goes the slow way.
        return again if again.tzinfo is UTC else parsed.replace(tzinfo=UTC)
    try:
        return parsed.astimezone(UTC)
    except OverflowError:
        raise ValueError(f"date-time {value!r} is out of range in UTC") from None


def optional_utc_datetime(value: object) -> datetime | None:
    """Like ``utc_datetime``, but "no time" (``None``, ``""``, the year-1 placeholder) gives ``None``.

    The value is parsed once: on a page of jobs every finish time comes through here, and parsing it a
    second time (or building a naive copy of every value to compare it with the placeholder) cost more than
    half of building a job. Only a year-1 value is compared with the placeholder, whatever its offset.
    """
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise ValueError(f"a date-time must be a string or null, got {type(value).__name__}")
    parsed = _from_iso(value)
    if parsed.year == 1 and parsed.replace(tzinfo=None) == _PLACEHOLDER:
        return None
    if parsed.tzinfo is UTC:
        return parsed
    return _in_utc(parsed, value)
