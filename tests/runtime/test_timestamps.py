"""``timestamps``: every date-time a model returns is aware and in UTC (AVE-30)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from client_runtime.timestamps import optional_utc_datetime, utc_datetime

NOON = datetime(2024, 10, 9, 12, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2024-10-09T12:00:00+00:00", NOON),
        ("2024-10-09T12:00:00Z", NOON),
        ("2024-10-09T12:00:00", NOON),  # no offset: UTC (AVE-07)
        ("2024-10-09T14:00:00+02:00", NOON),
        ("2024-10-09T07:00:00-05:00", NOON),
        ("2024-10-09T12:00:00.1234567", NOON.replace(microsecond=123456)),  # .NET's seven digits
        ("2024-10-09", NOON.replace(hour=0)),
    ],
)
def test_every_form_becomes_aware_utc(text: str, expected: datetime) -> None:
    parsed = utc_datetime(text)
    assert parsed == expected
    assert parsed.tzinfo is UTC


@pytest.mark.parametrize("text", ["", "yesterday", "2024-02-30T00:00:00", "0001-01-01T00:00:00+05:00"])
def test_what_is_no_utc_time_raises_value_error(text: str) -> None:
    with pytest.raises(ValueError):  # noqa: PT011 (the message is fromisoformat's own)
        utc_datetime(text)


def test_a_value_that_is_no_string_raises_type_error() -> None:
    with pytest.raises(TypeError):
        utc_datetime(20241009)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "value", [None, "", "0001-01-01T00:00:00", "0001-01-01T00:00:00+00:00", "0001-01-01T00:00:00+05:00"]
)
def test_no_time_yet_is_none(value: object) -> None:
    assert optional_utc_datetime(value) is None


def test_an_optional_time_is_aware_utc_and_a_wrong_type_raises() -> None:
    assert optional_utc_datetime("2024-10-09T14:00:00+02:00") == NOON
    with pytest.raises(ValueError, match="string or null"):
        optional_utc_datetime(0)
