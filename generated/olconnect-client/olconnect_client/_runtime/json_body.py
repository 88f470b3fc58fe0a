"""Turn a JSON response body into models quickly: the decoding path of every generated endpoint.

Two costs dominate when a big body (the statistics of a job set with 100 000 documents is about 15 MB)
becomes typed models, and neither is the models' fault:

- Python's cyclic garbage collector: building a few hundred thousand dicts, lists and model instances
  triggers many collection passes that rescan every container made so far, although none of them can form
  a cycle. For bodies of at least `LARGE_BODY_BYTES` the collector is paused while the body is decoded and
  the models are built, and turned back on afterwards (only if it was on, and only by the last of several
  concurrent decoders). Small bodies never touch the collector. This alone brings a 15 MB body from about
  2.2x the time of `json.loads` to about 1x (BENCHMARKS.md, figure 2).
- the JSON decoder: small bodies (pages of jobs, metadata) use `orjson` when it is installed (optional,
  `pip install orjson`), which decodes them in about half the time. Large bodies use the standard library's
  `json`: with the collector paused it is only about 20% slower than orjson there, and it needs much less
  memory at its peak (for a 15 MB body: 135 MiB traced by tracemalloc against 270 MiB for orjson, and a
  resident-memory growth of 104 MiB against 136 MiB).

One input, one answer, whichever decoder runs: the standard library's reading, with the additions
below, is the reference, and orjson is only a shortcut that must agree with it.

- Big integers come back exact. orjson turns an integer beyond 64 bits into a float (``10**30 + 1`` would
  become ``1e+30``), so a body holding a run of 19 or more digits goes to the standard library decoder.
  Finding such a run costs one ``bytes.translate`` pass (about a third of orjson's own time on a page of
  jobs), far less than decoding twice.
- Whatever orjson rejects is decoded again by the standard library, so both paths give its answer (lone
  surrogate escapes such as ``"\\ud800"`` are accepted either way) and its error message.
- ``NaN``, ``Infinity`` and ``-Infinity`` are not JSON and are rejected; so is a number too large for a float
  (``1e400``), which the standard library would read as infinity.
- The body must be UTF-8 (RFC 8259, section 8.1); a leading UTF-8 byte order mark is skipped. A
  ``charset`` parameter changes nothing (RFC 8259 defines none for ``application/json``): UTF-16 or
  UTF-32 bodies are rejected on both paths, where the standard library alone would guess their encoding.

Whatever the body, `loads` raises only `ValueError` (with a message that quotes nothing from the body): a
document nested so deeply that the standard library decoder runs out of stack (`RecursionError`, e.g.
50 000 nested arrays) becomes one too, so every caller can treat "not JSON we can use" with one
``except ValueError``. (How deep is too deep differs: orjson stops at 1024 levels, the standard library
where Python's recursion limit is reached, about 1000 levels minus the caller's stack.)
"""

from __future__ import annotations

import contextlib
import gc
import json
import threading
from collections.abc import Callable, Iterator
from types import ModuleType
from typing import Any, TypeVar

from .collector_generations import promote_to_oldest_generation, settle

_orjson: ModuleType | None
try:  # optional speed-up for small bodies; the standard library decoder is the fallback
    import orjson as _orjson
except ImportError:  # pragma: no cover - depends on the environment
    _orjson = None

T = TypeVar("T")

LARGE_BODY_BYTES = 1 << 20
"""Bodies this large (1 MiB) or larger: collector paused, standard library decoder."""

_lock = threading.Lock()
_active_pauses = 0
_collector_was_enabled = False


def decoder_for(size: int) -> str:
    """Name of the decoder `loads` uses for a body of `size` bytes in this environment."""
    return "orjson" if _orjson is not None and size < LARGE_BODY_BYTES else "json"


class JsonNestingError(ValueError):
    """The document is nested more deeply than the decoder can follow."""


#: Maps every byte to ``0`` (an ASCII digit) or a space, so that a run of digits becomes a run of zeros.
_DIGITS_AS_ZEROS = bytes(0x30 if 0x30 <= byte <= 0x39 else 0x20 for byte in range(256))
#: 19 digits: the shortest integer orjson may turn into a float (-9223372036854775809 is below int64).
_LONG_DIGIT_RUN = b"0" * 19
_UTF8_BOM = b"\xef\xbb\xbf"


class JsonNumberError(ValueError):
    """The document holds ``NaN``/``Infinity`` or a number too large for a float: not JSON we can use."""


def _reject_constant(name: str) -> Any:
    raise JsonNumberError(f"{name} is not a JSON number")


def _finite_float(text: str) -> float:
    value = float(text)
    if value - value != 0.0:  # inf - inf is nan; every finite float minus itself is 0.0
        raise JsonNumberError("a number in the JSON document is too large for a float")
    return value


def _standard(text: str) -> Any:
    return json.loads(text, parse_constant=_reject_constant, parse_float=_finite_float)


def loads(content: bytes | str) -> Any:
    """Decode one JSON document with the decoder that suits its size (see the module docstring)."""
    try:
        if isinstance(content, str):
            return _standard(content.removeprefix("\ufeff"))
        if content.startswith(_UTF8_BOM):
            content = content[len(_UTF8_BOM) :]
        if (
            _orjson is not None
            and len(content) < LARGE_BODY_BYTES
            and _LONG_DIGIT_RUN not in content.translate(_DIGITS_AS_ZEROS)
        ):
            try:
                return _orjson.loads(content)
            except _orjson.JSONDecodeError:
                pass  # the standard library gives the answer (and the message) for what orjson rejects
        return _standard(content.decode("utf-8"))
    except RecursionError:
        raise JsonNestingError("the JSON document is nested too deeply to decode") from None


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector for the block; nested and concurrent uses are counted."""
    global _active_pauses, _collector_was_enabled  # noqa: PLW0603 - one process-wide collector
    with _lock:
        if _active_pauses == 0:
            _collector_was_enabled = gc.isenabled()
            if _collector_was_enabled:
                settle()  # the full collection earlier pauses put off, if they moved enough objects
                gc.disable()
        _active_pauses += 1
    try:
        yield
    finally:
        with _lock:
            _active_pauses -= 1
            if _active_pauses == 0 and _collector_was_enabled:
                promote_to_oldest_generation()  # the decoded objects need no young collection
                gc.enable()
                _collector_was_enabled = False


def large_body(content: bytes) -> contextlib.AbstractContextManager[None]:
    """The context to decode `content` in: collector paused for large bodies, nothing for small ones."""
    if len(content) >= LARGE_BODY_BYTES:
        return collector_paused()
    return contextlib.nullcontext()


def decode(content: bytes, build: Callable[[Any], T]) -> T:
    """`build(loads(content))`, in the context `large_body` picks for the body's size."""
    with large_body(content):
        return build(loads(content))
