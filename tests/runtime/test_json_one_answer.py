"""One input, one answer: `json_body.loads` decodes the same way whether orjson or the standard library runs.

Each case runs twice, once with orjson as the small-body decoder and once without it (as on a machine where
orjson is not installed), and must give the same value or the same kind of rejection both times. The cases
are the ones where the two decoders disagree on their own: big integers, NaN/Infinity, numbers too large for
a float, a byte order mark, UTF-16 bodies, surrogates.
"""

from __future__ import annotations

import json

import pytest
from client_runtime import json_body

DECODERS = ["orjson", "json"] if json_body._orjson is not None else ["json"]


@pytest.fixture(params=DECODERS)
def decoder(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    if request.param == "json":
        monkeypatch.setattr(json_body, "_orjson", None)
    assert json_body.decoder_for(100) == request.param
    return str(request.param)


def test_orjson_is_installed_in_the_test_environment() -> None:
    # Without it the parametrised tests below would only ever test one path.
    assert json_body._orjson is not None


BIG = 10**30 + 1


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (b'{"jobId": %d}' % BIG, {"jobId": BIG}),
        (b"[%d, %d]" % (-(2**63) - 1, 2**64), [-(2**63) - 1, 2**64]),
        (b"[%d, %d]" % (2**63 - 1, 2**64 - 1), [2**63 - 1, 2**64 - 1]),
        (b'{"note": "1234567890123456789012345", "n": 1.5}', {"note": "1234567890123456789012345", "n": 1.5}),
        (b"\xef\xbb\xbf[1, 2]", [1, 2]),  # a UTF-8 byte order mark is skipped
        (b'["\\ud800"]', ["\ud800"]),  # a lone surrogate escape: accepted on both paths
        (b"1e-400", 0.0),
        (b"-0.0", -0.0),
        (b'{"a": 1, "a": 2}', {"a": 2}),
    ],
)
def test_values_are_the_same_on_both_paths(decoder: str, body: bytes, expected: object) -> None:
    value = json_body.loads(body)
    assert value == expected
    assert json.dumps(value) == json.dumps(expected)  # same types too: an int is not a float of equal value


def test_a_big_integer_inside_a_model_body_stays_exact(decoder: str) -> None:
    value = json_body.loads(b'{"identifiers": [%d, 7]}' % BIG)
    assert value["identifiers"][0] == BIG
    assert type(value["identifiers"][0]) is int


@pytest.mark.parametrize(
    ("body", "error"),
    [
        (b"NaN", json_body.JsonNumberError),
        (b'{"progress": Infinity}', json_body.JsonNumberError),
        (b"[-Infinity]", json_body.JsonNumberError),
        (b"1e400", json_body.JsonNumberError),
        (b'{"n": -1e400}', json_body.JsonNumberError),
        ("[1]".encode("utf-16"), UnicodeDecodeError),  # with its BOM
        ("[1]".encode("utf-16-le"), json.JSONDecodeError),  # NUL bytes are valid UTF-8, not JSON
        ('{"a": "\u00e9"}'.encode("utf-32"), UnicodeDecodeError),
        (b'"\xed\xa0\x80"', UnicodeDecodeError),  # a surrogate encoded as UTF-8 bytes
        (b"1\x00", json.JSONDecodeError),
        (b"[1,]", json.JSONDecodeError),
        (b"", json.JSONDecodeError),
    ],
)
def test_rejections_are_the_same_on_both_paths(decoder: str, body: bytes, error: type[ValueError]) -> None:
    with pytest.raises(error):
        json_body.loads(body)


def test_a_str_gets_the_same_rules(decoder: str) -> None:
    assert json_body.loads(f"\ufeff[{BIG}]") == [BIG]
    with pytest.raises(json_body.JsonNumberError):
        json_body.loads("[NaN]")


def test_large_bodies_follow_the_same_rules() -> None:
    padding = b" " * json_body.LARGE_BODY_BYTES
    assert json_body.loads(b"\xef\xbb\xbf[%d]" % BIG + padding) == [BIG]
    with pytest.raises(json_body.JsonNumberError):
        json_body.loads(b"[1e400]" + padding)
