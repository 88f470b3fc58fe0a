"""Data-centre code -> the Graph API base URL and the token URL that serves it (DECISIONS AVE-14).

Tenants live in one data centre; its code (``us``, ``ne``, ``gcp-we`` ...) picks the regional Graph host.
Tokens come from one identity host per *environment*: every commercial Azure and Google Cloud data centre
shares the commercial identity host, while the US Government, AOS2 and FedRAMP environments have their own.
"""

from __future__ import annotations

import dataclasses

__all__ = ["DATA_CENTRES", "DataCentre", "data_centre"]

_COMMERCIAL_TOKEN_URL = "https://identity.avepointonlineservices.com/connect/token"
_COMMERCIAL_CODES = (
    "us", "au", "sg", "ca", "ne", "we", "fr", "de", "jp", "kr", "ch", "uk", "uae", "za", "qa",
    "gcp-au", "gcp-jp", "gcp-us", "gcp-we", "gcp-kr",
)  # fmt: skip


@dataclasses.dataclass(frozen=True)
class DataCentre:
    """Where a tenant's API and its token endpoint live."""

    code: str
    base_url: str
    token_url: str


def _regional(code: str, token_url: str) -> DataCentre:
    return DataCentre(code, f"https://graph-{code}.avepointonlineservices.com", token_url)


DATA_CENTRES: dict[str, DataCentre] = {
    **{code: _regional(code, _COMMERCIAL_TOKEN_URL) for code in _COMMERCIAL_CODES},
    "gov": _regional("gov", "https://identity-gov.avepointonlineservices.com/connect/token"),
    "aos2": _regional("aos2", "https://identity-aos2.avepointonlineservices.com/connect/token"),
    "fedramp": DataCentre(
        "fedramp", "https://graphusgovapi.online15.net", "https://identity.online15.net/connect/token"
    ),
}


def data_centre(code: str) -> DataCentre:
    """Look up a data-centre code (case-insensitive; a leading ``graph-`` is accepted too)."""
    key = code.strip().lower().removeprefix("graph-")
    try:
        return DATA_CENTRES[key]
    except KeyError:
        known = ", ".join(sorted(DATA_CENTRES))
        raise ValueError(f"unknown AvePoint data-centre code {code!r}; known codes: {known}") from None
