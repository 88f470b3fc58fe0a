"""Hand a large decoded body to the collector's oldest generation instead of letting it scan it at once.

While `json_body.collector_paused` holds the cyclic collector off, decoding a 15 MB body makes some 500 000
tracked containers (lists, dicts, model instances). They all sit in the youngest generation, whose
allocation count is far past its threshold, so the first allocation after `gc.enable()` starts a young
collection that walks every one of them: about 100 ms, a third of the whole decode, only to find that none
of them is garbage (a JSON tree and the models built from it hold no reference cycles).

`gc.freeze()` followed by `gc.unfreeze()` moves every tracked object into the oldest generation by
splicing the collector's lists, without visiting the objects, and resets the young counts. The objects are
still freed by reference counting as usual, and the next full collection still examines them. The cost
is that young objects made elsewhere in the process just before also skip their young collections until
that full collection runs, which only delays freeing cycles that were garbage already.

An application that froze objects on purpose (e.g. before forking workers) has a non-empty permanent
generation; unfreezing would undo that, so then nothing is moved and the young collection runs as usual.
"""

from __future__ import annotations

import gc

__all__ = ["promote_to_oldest_generation"]


def promote_to_oldest_generation() -> bool:
    """Move all tracked objects into the oldest generation unscanned; False if the process froze objects."""
    if gc.get_freeze_count():
        return False
    gc.freeze()
    gc.unfreeze()
    return True
