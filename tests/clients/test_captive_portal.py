"""A captive portal in front of the server: every request answers ``200 text/html`` with a sign-in page.

The page is a success status with a body that reads as text, so only the media type tells it from the
documented answers (issue 19, item 7). Neither client may take it for a token or a result: the OL Connect
login (automatic and by hand), an update whose documented answer is ``text/plain`` ``true``/``false``, and the
AvePoint token request and job list all raise ``ResponseParseError``. The portal is a real process on
127.0.0.1; a second process answers the same bodies with the documented media types, so each check is seen
to pass for the right reason.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap
from collections.abc import Iterator

import avepoint_graph_client as ave
import olconnect_client as olc
import pytest
from avepoint_graph_client.api.authentication import request_token
from avepoint_graph_client.api.jobs import list_jobs
from avepoint_graph_client.models import GrantType, TokenRequest
from olconnect_client.api.authentication import login
from olconnect_client.api.job_entity import update_job_metadata
from olconnect_client.models import NameValueList

from mock_servers.testing import startup_json, stop_process

PORTAL_PAGE = "<html><body><h1>Welcome</h1><p>Please sign in to use this network.</p></body></html>"

# The server answers every request with the same body; `--content-type` chooses the header. Run as a script so
# the client talks to a real socket.
SERVER = textwrap.dedent(
    """
    import json, sys
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    BODY = sys.argv[1].encode()
    TYPE = sys.argv[2]

    class Handler(BaseHTTPRequestHandler):
        def answer(self):
            length = int(self.headers.get("Content-Length") or 0)
            self.rfile.read(length)
            self.send_response(200)
            self.send_header("Content-Type", TYPE)
            self.send_header("Content-Length", str(len(BODY)))
            self.end_headers()
            self.wfile.write(BODY)

        do_GET = do_POST = do_PUT = answer

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    print(json.dumps({"port": server.server_address[1]}), flush=True)
    server.serve_forever()
    """
)


def _serve(body: str, content_type: str) -> Iterator[str]:
    process = subprocess.Popen(
        [sys.executable, "-c", SERVER, body, content_type], stdout=subprocess.PIPE, text=True
    )
    try:
        yield f"http://127.0.0.1:{startup_json(process, 30, 'captive portal server')['port']}"
    finally:
        stop_process(process)


@pytest.fixture(scope="module")
def portal() -> Iterator[str]:
    yield from _serve(PORTAL_PAGE, "text/html; charset=utf-8")


@pytest.fixture(scope="module")
def plain_true() -> Iterator[str]:
    """The documented answer of a login (a token) and of an update (``true``): text/plain."""
    yield from _serve("true", "text/plain; charset=UTF-8")


METADATA = NameValueList.from_dict({"id": 2001, "properties": [{"name": "a", "value": "b"}]})
FORM = TokenRequest(
    grant_type=GrantType.CLIENT_CREDENTIALS, client_id="id", client_secret="secret", scope="read"
)


def test_the_olconnect_login_does_not_take_the_sign_in_page_for_a_token(portal: str) -> None:
    with olc.connect(portal, "admin", "pw", max_retries=0) as client:
        with pytest.raises(olc.errors.ResponseParseError) as caught:
            update_job_metadata.sync(2001, client=client, body=METADATA)
        assert "login" in str(caught.value)
        with pytest.raises(olc.errors.ResponseParseError):
            login.sync(client=client)
    assert "sign in" not in str(caught.value)


def test_an_update_does_not_return_the_sign_in_page(portal: str) -> None:
    client = olc.connect(portal, "admin", "pw", use_basic_auth=True, max_retries=0)
    with client, pytest.raises(olc.errors.ResponseParseError, match="text/html"):
        update_job_metadata.sync(2001, client=client, body=METADATA)


def test_the_same_calls_succeed_on_the_documented_media_type(plain_true: str) -> None:
    with olc.connect(plain_true, "admin", "pw", max_retries=0) as client:
        assert login.sync(client=client) == "true"
        assert update_job_metadata.sync(2001, client=client, body=METADATA) in ("true", True)


def test_the_avepoint_token_and_job_list_refuse_the_sign_in_page(portal: str) -> None:
    with ave.connect("id", "secret", base_url=portal, max_retries=0) as client:
        with pytest.raises(ave.errors.ResponseParseError):
            list_jobs.sync(client=client)
        with pytest.raises(ave.errors.ResponseParseError):
            request_token.sync(client=client, body=FORM)
