"""The OL Connect server version a run judges against, and the rules that depend on it.

The vendor pages introduce some behaviour in a given release: ``Token-Expires-In`` on login from 2021.2,
the 2023.1 error layout (every 401 challenges, a 403 means a missing role), the statistics service in
2024.1 and its document-set ``levelMode`` values in 2024.2. A server is held to a rule only from the
version that introduced it, so an older server that follows its own pages passes, and a new one that
drops a feature is caught. The version comes from ``OLCONNECT_SERVER_VERSION`` when set (a user who knows
better than a proxied endpoint), else from ``GET /rest/serverengine/authentication/version``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

import httpx

from contract_tests import api_paths

ENV_VAR = "OLCONNECT_SERVER_VERSION"
VERSION_OPERATION = "getAuthenticationVersion"
_VERSION = re.compile(r"(\d{4})\.(\d{1,2})")

Release = tuple[int, int]


@dataclass(frozen=True)
class VersionRule:
    """A documented behaviour that servers owe from ``since`` on."""

    key: str
    since: Release
    decision: str
    text: str


RULES: Mapping[str, VersionRule] = {
    rule.key: rule
    for rule in (
        VersionRule(
            "token-expires-in",
            (2021, 2),
            "OLC-03",
            "a successful login sends Token-Expires-In, an integer number of seconds",
        ),
        VersionRule(
            "error-layout-2023",
            (2023, 1),
            "OLC-01/OLC-02",
            "every 401 (missing, invalid or expired credentials) carries WWW-Authenticate",
        ),
        VersionRule("statistics", (2024, 1), "OLC-11", "the Statistics service answers"),
        VersionRule(
            "document-set-levels",
            (2024, 2),
            "OLC-12",
            "levelMode documentSetOnly and documentSetAll are accepted",
        ),
    )
}


def parse(text: str) -> Release | None:
    """``"2025.2.0.1"`` → ``(2025, 2)``; None when the text holds no YYYY.N release."""
    match = _VERSION.search(text or "")
    return (int(match.group(1)), int(match.group(2))) if match else None


def show(release: Release) -> str:
    return f"{release[0]}.{release[1]}"


@dataclass(frozen=True)
class ServerVersion:
    """The release the rules are judged against, the raw text, and where it came from."""

    release: Release | None
    text: str
    source: str
    reported: str = ""  # what the server itself answered ('' when it did not)

    def owes(self, key: str) -> bool:
        """Whether the server must follow version rule ``key``. An unknown version owes only the rules
        every release has, so the run stays lenient rather than guessing."""
        return self.release is not None and self.release >= RULES[key].since

    def describe(self) -> str:
        shown = show(self.release) if self.release else "unknown"
        line = f"{shown} (from {self.source}: {self.text!r})" if self.text else f"{shown} ({self.source})"
        if self.reported and self.reported != self.text:
            line += f"; the server reports {self.reported!r}"
        return line

    def rule_lines(self) -> list[str]:
        """One line per version rule: applied or not, and why."""
        lines = []
        for rule in RULES.values():
            state = "applied" if self.owes(rule.key) else "not applied"
            lines.append(f"{rule.decision} from {show(rule.since)}: {rule.text} ({state})")
        return lines


def read_reported(client: httpx.Client) -> str:
    """The version text the server reports ('' when the endpoint does not answer 200)."""
    try:
        response = client.get(api_paths.path_of("olconnect", VERSION_OPERATION))
    except httpx.HTTPError:
        return ""
    return response.text.strip() if response.status_code == 200 else ""


def check_env(env: Mapping[str, str]) -> None:
    """Raise ValueError (one line) when the environment variable is set but names no release."""
    value = env.get(ENV_VAR, "").strip()
    if value and parse(value) is None:
        raise ValueError(f"{ENV_VAR} must name a release such as 2025.2, got {value!r}")


def resolve(env: Mapping[str, str], reported: str) -> ServerVersion:
    """The version of this run: the environment variable wins over the server's own answer."""
    override = env.get(ENV_VAR, "").strip()
    if override:
        return ServerVersion(parse(override), override, ENV_VAR, reported=reported)
    path = api_paths.path_of("olconnect", VERSION_OPERATION)
    if reported:
        return ServerVersion(parse(reported), reported, f"GET {path}", reported=reported)
    return ServerVersion(None, "", f"GET {path} did not answer; set {ENV_VAR}")
