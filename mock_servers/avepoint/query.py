"""Parsing the ``listJobs`` query (AVE-01, 02, 07, 08, 09) and writing ``nextLink`` (AVE-03, 18).

Allowed enum values, bounds and defaults are read from the spec once at startup; the parsing itself is
hand-written because names match case-insensitively, ``status`` is an alias and the 400 messages must name
the parameter.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from urllib.parse import parse_qsl, quote

from starlette.requests import Request

from mock_servers.avepoint.domain import JobQuery
from mock_servers.core.bounded_cache import BoundedCache
from mock_servers.core.http import ApiError
from mock_servers.core.specs import SpecIndex
from mock_servers.core.timeparse import parse_rfc3339

# Query names in the spec's order; nextLink writes them in this camelCase (AVE-18).
QUERY_NAMES = (
    "dataSource",
    "appType",
    "pageIndex",
    "pageSize",
    "jobType",
    "startTime",
    "finishTime",
    "jobStatus",
)
ALIASES = {"status": "jobStatus"}
_LOWER_NAMES = {name.lower(): name for name in QUERY_NAMES}
_INTEGER = re.compile(r"[+-]?[0-9]{1,40}")  # the spec sets no width (AVE-09); 40 digits bound the work


class QueryRules:
    """Allowed values and bounds of the ``listJobs`` parameters, read from the spec once at startup."""

    def __init__(
        self, spec: SpecIndex, aliases: Mapping[str, str] = ALIASES, reject_inverted_window: bool = True
    ) -> None:
        # The two readings behind ave.status-alias and ave.inverted-window (AVE-01, AVE-07).
        self.aliases = dict(aliases)
        self.reject_inverted_window = reject_inverted_window
        self.enums = {
            name: frozenset(spec.enum_values("listJobs", name))
            for name in ("dataSource", "appType", "jobType", "jobStatus")
        }
        self.bounds: dict[str, tuple[int, int | None]] = {}
        for name in ("pageIndex", "pageSize"):
            schema = spec.parameter_schema("listJobs", name)
            high = schema.get("maximum")
            self.bounds[name] = (int(schema.get("minimum", 0)), None if high is None else int(high))
        fallbacks = {"dataSource": 1, "pageIndex": 0, "pageSize": 100}
        self._cached_parse = BoundedCache(self._parse_uncached)
        self.defaults: dict[str, int] = {
            name: int(spec.parameter_schema("listJobs", name).get("default", fallback))
            for name, fallback in fallbacks.items()
        }

    def parse_query_string(self, query_string: str) -> tuple[JobQuery, Mapping[str, str]]:
        """Parse a raw query string; the result is memoised because clients repeat the same queries.

        Parsing is a pure function of the string, so a cache is safe; errors are not cached. The cache is
        bounded in bytes as well as entries, so long query strings cannot pin memory.
        """
        return self._cached_parse(query_string)

    def _parse_uncached(self, query_string: str) -> tuple[JobQuery, Mapping[str, str]]:
        return self.parse(parse_qsl(query_string, keep_blank_values=True))

    def parse(self, pairs: Iterable[tuple[str, str]]) -> tuple[JobQuery, dict[str, str]]:
        """Validate the raw query; returns the query and the canonical name → raw value map for nextLink."""
        given: dict[str, tuple[str, str]] = {}  # canonical name -> (name as sent, value)
        for sent_name, value in pairs:
            lowered = sent_name.lower()
            canonical = _LOWER_NAMES.get(lowered) or self.aliases.get(lowered)
            if canonical is None:
                continue  # unknown parameters are ignored (AVE-02)
            previous = given.get(canonical)
            if previous is not None and previous[1] != value:
                raise ApiError(
                    400,
                    f"Conflicting values for parameter {canonical}: {previous[0]}={previous[1]} "
                    f"and {sent_name}={value}.",
                    canonical,
                )
            given[canonical] = (sent_name, value)
        raw = {name: value for name, (_, value) in given.items()}
        values: dict[str, int | None] = {}
        for name, allowed in self.enums.items():
            values[name] = self._enum(name, raw.get(name), allowed)
        page_index = self._bounded("pageIndex", raw.get("pageIndex"))
        page_size = self._bounded("pageSize", raw.get("pageSize"))
        start = self._time("startTime", raw.get("startTime"))
        finish = self._time("finishTime", raw.get("finishTime"))
        if self.reject_inverted_window and start is not None and finish is not None and start > finish:
            raise ApiError(
                400, "Invalid time range: startTime must not be later than finishTime.", "startTime"
            )
        data_source = values["dataSource"]
        query = JobQuery(
            data_source=data_source if data_source is not None else self.defaults["dataSource"],
            app_type=values["appType"],
            job_type=values["jobType"],
            job_status=values["jobStatus"],
            start=start,
            finish=finish,
            page_index=page_index,
            page_size=page_size,
        )
        return query, raw

    @staticmethod
    def _integer(name: str, raw: str) -> int:
        text = raw.strip()
        if _INTEGER.fullmatch(text) is None:
            raise ApiError(400, f"Invalid value for parameter {name}: {raw!r} is not an integer.", name)
        return int(text)

    def _enum(self, name: str, raw: str | None, allowed: frozenset[int]) -> int | None:
        if raw is None:
            return None
        value = self._integer(name, raw)
        if value not in allowed:
            choices = ", ".join(str(item) for item in sorted(allowed))
            raise ApiError(
                400, f"Invalid value for parameter {name}: {value}. Expected one of {choices}.", name
            )
        return value

    def _bounded(self, name: str, raw: str | None) -> int:
        if raw is None:
            return self.defaults[name]
        value = self._integer(name, raw)
        low, high = self.bounds[name]
        if value < low or (high is not None and value > high):
            expected = f"{low}..{high}" if high is not None else f"at least {low}"
            raise ApiError(400, f"Invalid value for parameter {name}: {value}. Expected {expected}.", name)
        return value

    @staticmethod
    def _time(name: str, raw: str | None) -> float | None:
        if raw is None:
            return None
        parsed = parse_rfc3339(raw)
        if parsed is None:
            raise ApiError(
                400,
                f"Invalid value for parameter {name}: {raw!r} is not an ISO 8601 date-time "
                "(for example 2024-12-12T00:00:00Z; no offset means UTC; encode '+' as %2B).",
                name,
            )
        return parsed.timestamp()


def next_link(request: Request, raw: Mapping[str, str], query: JobQuery) -> str:
    """Absolute URL of the next page on the request's own host, every filter kept (AVE-03, AVE-18)."""
    params = dict(raw)
    params["pageIndex"] = str(query.page_index + 1)
    params["pageSize"] = str(query.page_size)
    encoded = "&".join(f"{name}={quote(params[name], safe='')}" for name in QUERY_NAMES if name in params)
    scope = request.scope
    host = request.headers.get("host")
    if not host:
        server_host, server_port = scope.get("server") or ("127.0.0.1", 80)
        host = f"{server_host}:{server_port}"
    return f"{scope.get('scheme', 'http')}://{host}{scope.get('root_path', '')}{scope['path']}?{encoded}"
