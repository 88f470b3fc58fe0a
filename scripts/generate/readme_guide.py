"""Cut the parts of the client guide (docs/clients.md) that belong in one package's README.

The guide is the single source of the runtime-feature documentation (errors, retries, timeouts, paging …).
HTML comments in it say who each following stretch of text is for, until the next such comment:

    <!-- readme: olconnect_client avepoint_graph_client -->   both READMEs (and the guide)
    <!-- readme: avepoint_graph_client -->                     that README only (and the guide)
    <!-- readme: none -->                                      the guide only

Text before the first marker is for the guide only. The markers are invisible when the guide is rendered,
so the guide reads as one page while each README gets its own package's examples and nothing else.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

from .errors import GenerationError

GUIDE_PATH = Path("docs") / "clients.md"
MARKER = re.compile(r"^<!-- readme: (?P<audience>[^>]*?) -->[ \t]*\n", re.M)
GUIDE_ONLY = "none"


def readme_guide(root: Path, import_package: str, known_packages: Iterable[str]) -> str:
    """The guide text for `import_package`, without the markers."""
    path = root / GUIDE_PATH
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise GenerationError(f"client guide not found: {path}") from None
    return select_regions(text, import_package, set(known_packages), GUIDE_PATH.as_posix())


def select_regions(text: str, import_package: str, known_packages: set[str], source: str) -> str:
    parts = MARKER.split(text)
    chosen: list[str] = []
    for audience, body in zip(parts[1::2], parts[2::2], strict=True):
        names = audience.split()
        if names == [GUIDE_ONLY]:
            continue
        unknown = sorted(set(names) - known_packages)
        if not names or unknown:
            raise GenerationError(
                f"{source}: a '<!-- readme: ... -->' marker names {', '.join(unknown) or 'nobody'}; "
                f"use '{GUIDE_ONLY}' or import packages from {sorted(known_packages)}"
            )
        if import_package in names:
            chosen.append(body)
    if not chosen:
        raise GenerationError(f"{source} has no '<!-- readme: ... -->' region for {import_package}")
    return "\n\n".join(part.strip("\n") for part in chosen) + "\n"
