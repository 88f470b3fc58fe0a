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

Both decoders give the same Python objects for the JSON the spec allows. Whatever the body, `loads` raises
only `ValueError` (with a message that quotes nothing from the body): a document nested so deeply that the
standard library decoder runs out of stack (`RecursionError`, e.g. 50 000 nested arrays) becomes one too,
so every caller can treat "not JSON we can use" with one `except ValueError`.
"""

from __future__ import annotations

import contextlib
import gc
import json
import threading
from collections.abc import Callable, Iterator
from types import ModuleType
from typing import Any, TypeVar

from .collector_generations import promote_to_oldest_generation

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


def loads(content: bytes | str) -> Any:
    """Decode one JSON document with the decoder that suits its size (see the module docstring)."""
    try:
        if _orjson is not None and len(content) < LARGE_BODY_BYTES:
            return _orjson.loads(content)
        return json.loads(content)
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
