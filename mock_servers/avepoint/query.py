"""The ``listJobs`` query read through the spec (AVE-01, 02, 07, 08, 09), and ``nextLink`` (AVE-03, 18).

Names, enum values, bounds, defaults and the two date-time forms come from the spec via
:class:`~mock_servers.core.parameters.ParameterPlan`; this module adds what the spec cannot say: names match
case-insensitively (AVE-02), ``status`` may be an alias (AVE-01), integers have no fixed width (AVE-09), and
the window check (AVE-07). Parsed queries are memoised because clients repeat the same ones.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from datetime import datetime
from typing import Any
from urllib.parse import parse_qsl, quote

from starlette.requests import Request

from mock_servers.avepoint.domain import JobQuery
from mock_servers.core.bounded_cache import BoundedCache
from mock_servers.core.http import ApiError
from mock_servers.core.parameters import ParameterPlan, ReadingRules, Repeats
from mock_servers.core.timeparse import parse_rfc3339
from spec_model import SpecModel

OPERATION = "listJobs"
ALIASES = {"status": "jobStatus"}
# The spec sets no width (AVE-09); 40 digits bound the work. Surrounding blanks and a sign are accepted.
_INTEGER = re.compile(r"[+-]?[0-9]{1,40}")
INT32_MAX = 2**31 - 1  # ave.page-bounds=int32: what an ASP.NET Core int parameter can hold
APP_TYPE = "appType"


def reading_rules(aliases: Mapping[str, str] = ALIASES) -> ReadingRules:
    return ReadingRules(
        integer_text=_INTEGER,
        strip_integers=True,
        case_insensitive_names=True,
        aliases=aliases,
        repeats=Repeats.SAME_TEXT,
    )


def _timestamp(value: Any) -> float | None:
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.timestamp()
    parsed = parse_rfc3339(str(value))  # a value only the spec's no-offset pattern took
    return parsed.timestamp() if parsed is not None else None


class QueryRules:
    """The ``listJobs`` parameters of one reading of ``ave.status-alias`` and ``ave.inverted-window``."""

    def __init__(
        self,
        model: SpecModel,
        aliases: Mapping[str, str] = ALIASES,
        reject_inverted_window: bool = True,
        *,
        app_type_masks: bool = False,
        int32_pages: bool = False,
    ) -> None:
        """``app_type_masks``: ave.app-type-mask=mask ; ``int32_pages``: ave.page-bounds=int32 ."""
        operation = model.operation(OPERATION)
        self.plan = ParameterPlan(model, operation, reading_rules(aliases))
        self.reject_inverted_window = reject_inverted_window
        self.app_type_masks = app_type_masks
        self.page_limit = INT32_MAX if int32_pages else None
        # Query names in the spec's order; nextLink writes them in this camelCase (AVE-18).
        self.names = tuple(parameter.name for parameter in operation.parameters_in("query"))
        self.enums: dict[str, frozenset[int]] = {
            parameter.name: frozenset(parameter.schema["enum"])
            for parameter in operation.parameters_in("query")
            if "enum" in parameter.schema
        }
        self._cached_parse = BoundedCache(self._parse_uncached)

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
        readings = self.plan.read_query(pairs)
        if self.app_type_masks:
            self._accept_mask(readings.issues, readings.values)
        readings.check()
        values = readings.values
        self._check_page_bounds(values)
        start = _timestamp(values.get("startTime"))
        finish = _timestamp(values.get("finishTime"))
        if self.reject_inverted_window and start is not None and finish is not None and start > finish:
            raise ApiError(
                400, "Invalid time range: startTime must not be later than finishTime.", "startTime"
            )
        query = JobQuery(
            data_source=values["dataSource"],
            app_type=values.get("appType"),
            job_type=values.get("jobType"),
            job_status=values.get("jobStatus"),
            start=start,
            finish=finish,
            page_index=values["pageIndex"],
            page_size=values["pageSize"],
        )
        return query, readings.raw

    def _accept_mask(self, issues: dict[str, Any], values: dict[str, Any]) -> None:
        """A sum of documented service values is a filter on any of them (ave.app-type-mask=mask, AVE-08)."""
        issue = issues.get(APP_TYPE)
        documented = self.enums.get(APP_TYPE, frozenset())
        mask = issue.value if issue is not None else None
        if not isinstance(mask, int) or mask <= 0:
            return
        if all(bit in documented for bit in _bits(mask)):
            del issues[APP_TYPE]
            values[APP_TYPE] = mask

    def _check_page_bounds(self, values: Mapping[str, Any]) -> None:
        """The pages give the paging parameters no range (AVE-09): this mock refuses a negative page index and
        a page size below 1, and under ave.page-bounds=int32 anything above 2^31-1 as well."""
        for name, low in (("pageIndex", 0), ("pageSize", 1)):
            value = values[name]
            if value < low or (self.page_limit is not None and value > self.page_limit):
                high = "" if self.page_limit is None else f" and at most {self.page_limit}"
                raise ApiError(
                    400, f"Invalid value for parameter {name}: {value}. Expected at least {low}{high}.", name
                )


def _bits(value: int) -> list[int]:
    return [1 << position for position in range(value.bit_length()) if value >> position & 1]


def next_link(request: Request, names: Iterable[str], raw: Mapping[str, str], query: JobQuery) -> str:
    """Absolute URL of the next page on the request's own host, every filter kept (AVE-03, AVE-18)."""
    params = dict(raw)
    params["pageIndex"] = str(query.page_index + 1)
    params["pageSize"] = str(query.page_size)
    encoded = "&".join(f"{name}={quote(params[name], safe='')}" for name in names if name in params)
    scope = request.scope
    host = request.headers.get("host")
    if not host:
        server_host, server_port = scope.get("server") or ("127.0.0.1", 80)
        host = f"{server_host}:{server_port}"
    return f"{scope.get('scheme', 'http')}://{host}{scope.get('root_path', '')}{scope['path']}?{encoded}"
