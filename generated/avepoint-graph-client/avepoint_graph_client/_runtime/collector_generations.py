"""Hand a large decoded body to the collector's oldest generation, and pay back the full collection it skips.

While `json_body.collector_paused` holds the cyclic collector off, decoding a 15 MB body makes some 500 000
tracked containers (lists, dicts, model instances). They all sit in the youngest generation, whose
allocation count is far past its threshold, so the first allocation after `gc.enable()` starts a young
collection that walks every one of them: about 100 ms, a third of the whole decode, only to find that none
of them is garbage (a JSON tree and the models built from it hold no reference cycles).

`gc.freeze()` followed by `gc.unfreeze()` moves every tracked object into the oldest generation by
splicing the collector's lists, without visiting the objects, and resets the young counts. The objects are
still freed by reference counting as usual.

That move has a cost, and it is paid back here. Everything young is moved, not only the decoded body: the
HTTP response it came from and whatever else the process made since the last pause, some of it cyclic
garbage (an ``httpx`` response sits in reference cycles). Only a full collection frees cyclic garbage in the
oldest generation, and the collector starts one when the objects *it* promoted reach a quarter of the
oldest generation; objects moved by ``unfreeze`` do not count towards that. A loop over 1 MiB responses
therefore never saw a full collection and kept every response: +362 MiB in 5 s (issue 19). So the moved
objects are counted (`owed`), and once they pass `FULL_COLLECTION_AFTER` the next pause starts with the full
collection the collector would have run (`settle`), while the previous body's models are usually freed
already and the heap is small. A full collection the collector runs by itself clears the debt too.

An application that froze objects on purpose (e.g. before forking workers) has a non-empty permanent
generation; unfreezing would undo that, so then nothing is moved and the young collection runs as usual.
"Non-empty" is measured against what the interpreter keeps there by itself. CPython 3.12 starts with a few
hundred of its own immortal tuples in the permanent generation (375 on 3.12.1; 3.11 and 3.13 start with
none), and every full collection moves the immortal objects it meets back there, so on 3.12 the count
found when this module is imported is taken as the interpreter's, and only a count above it means the
application froze objects. Comparing with zero there made every pause after the first full collection skip
the move, so the debt stopped growing and a loop over large bodies saw one full collection in 60 rounds
(issue 19). Moving the immortal tuples along frees none of them. The cost of the rule: on 3.12 an
application that froze fewer objects than that count (or froze them before this module was imported) is
not noticed.
"""

from __future__ import annotations

import gc
import sys
from typing import Any

__all__ = ["FULL_COLLECTION_AFTER", "owed", "promote_to_oldest_generation", "settle"]

#: Objects moved to the oldest generation unscanned after which the next pause starts with a full
#: collection. A 1 MiB page of jobs makes about 30 000 tracked objects, a 15 MB statistics body 500 000.
FULL_COLLECTION_AFTER = 250_000

_OLDEST = 2
_owed = 0
#: Objects the interpreter itself keeps in the permanent generation (see the module docstring).
_INTERPRETER_FROZEN = gc.get_freeze_count() if sys.version_info[:2] == (3, 12) else 0


def owed() -> int:
    """About how many objects were moved to the oldest generation unscanned since the last full collection."""
    return _owed


def promote_to_oldest_generation() -> bool:
    """Move all tracked objects into the oldest generation unscanned; False if the process froze objects."""
    global _owed  # noqa: PLW0603 - one process-wide collector
    if gc.get_freeze_count() > _INTERPRETER_FROZEN:
        return False
    young = gc.get_count()[0]  # net tracked allocations since the young generation was last emptied
    gc.freeze()
    gc.unfreeze()
    _owed += max(young, 0)
    return True


def settle() -> bool:
    """Run the full collection the promotions put off, once they moved enough objects; True if it ran."""
    if _owed < FULL_COLLECTION_AFTER:
        return False
    gc.collect()  # _on_collection clears the debt
    return True


def _on_collection(phase: str, info: dict[str, Any]) -> None:
    """A full collection (ours or the collector's own) examined every moved object: nothing is owed."""
    global _owed  # noqa: PLW0603 - one process-wide collector
    if phase == "stop" and info.get("generation") == _OLDEST:
        _owed = 0


gc.callbacks.append(_on_collection)
