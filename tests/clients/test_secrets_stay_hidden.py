"""No password, token, client secret or Authorization value in logs, reprs or exception texts.

Both clients are driven through logins, token refreshes, failed logins, error statuses, dropped
connections and retries against the mocks, with every logger captured at DEBUG. Every token the servers
issued is recorded by a transport wrapper, then all captured text is searched for every secret.
"""

from __future__ import annotations

import base64
import json
import logging
import traceback

import avepoint_graph_client.errors
import avepoint_graph_client.factory
import httpx
import olconnect_client.errors
import olconnect_client.factory
import pytest
from avepoint_graph_client.api.jobs import list_jobs
from avepoint_graph_client.paging import iter_jobs
from olconnect_client._runtime.options import RequestOptions
from olconnect_client.api.job_entity import get_job_metadata

from mock_servers.testing import running_mock

from .live import QUICK_RETRIES


class TokenRecorder(httpx.BaseTransport):
    """Passes requests through and remembers every token a login or token endpoint handed out."""

    def __init__(self) -> None:
        self._inner = httpx.HTTPTransport()
        self.tokens: list[str] = []

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        response = self._inner.handle_request(request)
        if response.status_code == 200 and request.url.path.endswith(
            ("/authentication/login", "/connect/token")
        ):
            body = response.read()
            self.tokens.append(
                json.loads(body)["access_token"] if body.startswith(b"{") else body.decode().strip()
            )
            return httpx.Response(200, headers=response.headers, content=body, request=request)
        return response

    def close(self) -> None:
        self._inner.close()


def texts_of(error: BaseException) -> list[str]:
    return [str(error), repr(error), "".join(traceback.format_exception(error))]


def test_no_secret_appears_in_logs_reprs_or_errors(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    captured: list[str] = []
    secrets: dict[str, str] = {}  # label -> value; failures name the label only
    olc_tokens = TokenRecorder()
    ave_tokens = TokenRecorder()

    with running_mock("olconnect") as olc, running_mock("avepoint") as ave:
        user = next(u for u in olc.info["users"] if "write" in u["roles"])
        password = user["password"]
        secrets["OL Connect password"] = password
        secrets["OL Connect Basic credentials"] = base64.b64encode(
            f"{user['username']}:{password}".encode()
        ).decode()
        job = int(olc.info["ids"]["jobs"][0])
        with olconnect_client.factory.connect(
            olc.base_url, user["username"], password, transport=olc_tokens, retry_policy=QUICK_RETRIES
        ) as client:
            get_job_metadata.sync(
                job, client=client, options=RequestOptions(headers={"X-Api-Key": "hdr-secret-1"})
            )
            secrets["per-call header value"] = "hdr-secret-1"
            olc.expire_tokens()
            detailed = get_job_metadata.sync_detailed(job, client=client)
            captured += [
                repr(client),
                repr(client.auth),
                repr(detailed),
                repr(RequestOptions(headers={"X": "hdr-secret-1"})),
            ]
            olc.set_faults(status=503, count=1, retry_after=0)
            get_job_metadata.sync(job, client=client)
            with pytest.raises(olconnect_client.errors.NotFoundError) as missing:
                get_job_metadata.sync(999999, client=client)
            captured += texts_of(missing.value)
        olc.set_faults(drop=1)
        with olconnect_client.factory.connect(olc.base_url, user["username"], password) as fresh:
            with pytest.raises(olconnect_client.errors.ApiConnectionError) as dropped:
                get_job_metadata.sync(job, client=fresh)
            captured += texts_of(dropped.value)
        with olconnect_client.factory.connect(olc.base_url, user["username"], password + "-wrong") as wrong:
            with pytest.raises(olconnect_client.errors.AuthenticationError) as refused:
                get_job_metadata.sync(job, client=wrong)
            captured += [*texts_of(refused.value), repr(wrong)]
        secrets["wrong OL Connect password"] = password + "-wrong"

        app = next(c for c in ave.info["clients"] if "gsuite.graph.read.all" in c["scopes"])
        secrets["AvePoint client secret"] = app["client_secret"]
        with avepoint_graph_client.factory.connect(
            app["client_id"], app["client_secret"], base_url=ave.base_url, transport=ave_tokens
        ) as ave_client:
            list(iter_jobs(ave_client, page_size=30))
            ave.expire_tokens()
            list_jobs.sync(client=ave_client)
            captured += [repr(ave_client), repr(ave_client.auth)]
        with avepoint_graph_client.factory.connect(
            app["client_id"], "wrong-client-secret-42", base_url=ave.base_url
        ) as bad:
            with pytest.raises(avepoint_graph_client.errors.AuthenticationError) as bad_secret:
                list_jobs.sync(client=bad)
            captured += [*texts_of(bad_secret.value), repr(bad)]
        secrets["wrong AvePoint client secret"] = "wrong-client-secret-42"

    secrets.update({f"OL Connect token {n}": token for n, token in enumerate(olc_tokens.tokens, 1)})
    secrets.update({f"AvePoint token {n}": token for n, token in enumerate(ave_tokens.tokens, 1)})
    assert len(olc_tokens.tokens) == 2
    assert len(ave_tokens.tokens) == 2
    captured += [record.getMessage() for record in caplog.records]
    captured += [repr(record.__dict__) for record in caplog.records]
    captured.append(caplog.text)
    assert any("attempt" in record.getMessage() for record in caplog.records), "our request log is on"
    leaked = sorted(label for label, secret in secrets.items() if any(secret in text for text in captured))
    assert leaked == []
