"""The API-independent auth and connection parts: token checks, Basic, client credentials, connect()."""

from __future__ import annotations

import base64
import json

import httpx
import pytest
from client_runtime.basic_auth import BasicAuth
from client_runtime.client_credentials import ClientCredentialsGrant
from client_runtime.connection import client_settings
from client_runtime.errors import AuthenticationError, ResponseParseError
from client_runtime.http_client import AuthenticatedClient
from client_runtime.media_types import UnexpectedMediaTypeError
from client_runtime.options import DEFAULT_TIMEOUT
from client_runtime.origins import OriginPolicy, origin_of
from client_runtime.redaction import Secret, redact_headers_holding
from client_runtime.security import SECURITY_EXTENSION, OperationSecurity
from client_runtime.token_flow import TokenFlow
from client_runtime.token_grant import UnusableTokenError, check_token, read_grant_answer

TOKEN_URL = "http://id.test/connect/token"


def grant() -> ClientCredentialsGrant:
    return ClientCredentialsGrant(TOKEN_URL, "app", "s3cret", scope="read")


def test_tokens_a_header_cannot_carry_are_refused_without_being_quoted() -> None:
    assert check_token("abc.def-123") == "abc.def-123"
    cases = (("", "empty"), ("Q7tök", "non-ASCII"), (" Q7t", "white space"), ("Q7\nb", "control"))
    for token, reason in cases:
        with pytest.raises(UnusableTokenError, match=reason) as caught:
            check_token(token)
        assert "Q7" not in str(caught.value)
    with pytest.raises(UnusableTokenError, match="characters long"):
        check_token("x" * 20_000)


def test_secrets_and_basic_credentials_stay_out_of_reprs() -> None:
    assert "pw" not in repr(Secret("pw"))
    assert Secret("pw").reveal() == "pw"
    auth = BasicAuth("user", "pw")
    assert "pw" not in repr(auth)
    request = next(auth.auth_flow(httpx.Request("GET", "http://api.test/x")))
    assert request.headers["Authorization"] == "Basic " + base64.b64encode(b"user:pw").decode()
    assert "s3cret" not in repr(grant())


def test_client_credentials_ask_with_the_form_and_read_bearer_tokens_only() -> None:
    auth = grant()
    token_request = auth.token_request(httpx.Request("GET", "http://api.test/x"))
    assert token_request.url == httpx.URL(TOKEN_URL)
    assert dict(httpx.QueryParams(token_request.read().decode())) == {
        "grant_type": "client_credentials",
        "client_id": "app",
        "client_secret": "s3cret",
        "scope": "read",
    }

    def answer(body: object) -> httpx.Response:
        headers = {"Content-Type": "application/json; charset=utf-8"}
        return httpx.Response(200, content=json.dumps(body).encode(), headers=headers, request=token_request)

    assert auth.read_token(answer({"access_token": "t", "expires_in": 5})) == ("t", 5.0)
    assert auth.read_token(answer({"access_token": "t", "token_type": "bEaReR"})) == ("t", 3600.0)
    for body, reason in (
        ([], "not a JSON object"),
        ({"token_type": "Bearer"}, "access_token"),
        ({"access_token": "t", "token_type": "mac"}, "not Bearer"),
        ({"access_token": "t", "expires_in": True}, "expires_in"),
    ):
        with pytest.raises(UnusableTokenError, match=reason):
            auth.read_token(answer(body))
    with pytest.raises(AuthenticationError, match="not usable"):
        read_grant_answer(auth, answer({"access_token": "bad token\x01"}))
    # A sign-in page of a captive portal, or JSON without a Content-Type, is not the documented answer.
    for headers in ({"Content-Type": "text/html"}, {}):
        html = httpx.Response(200, content=b'{"access_token": "t"}', headers=headers, request=token_request)
        with pytest.raises(UnexpectedMediaTypeError):
            auth.read_token(html)
        with pytest.raises(ResponseParseError, match="no usable token"):
            read_grant_answer(auth, html)


def _bearer_answers(seen: list[httpx.Request]) -> httpx.MockTransport:
    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        body = {"access_token": "t0k", "token_type": "Bearer", "expires_in": 60}
        return httpx.Response(200, json=body)

    return httpx.MockTransport(handler)


def test_the_token_operation_is_known_by_its_security_not_its_path() -> None:
    seen: list[httpx.Request] = []
    flow = TokenFlow(grant())
    with httpx.Client(transport=_bearer_answers(seen), auth=flow) as client:
        issuing = OperationSecurity(schemes=(), issues="oauth2")
        extensions = {SECURITY_EXTENSION: issuing}
        old_bearer = {"Authorization": "Bearer old"}
        client.post("http://api.test/anywhere", headers=old_bearer, extensions=extensions)
        (routed,) = seen  # no token fetched first, sent to the token URL without the API host's bearer
        assert routed.url == httpx.URL(TOKEN_URL)
        assert "authorization" not in routed.headers
        # The token path sent by hand, without the operation's security, is an ordinary call: it gets a token.
        seen.clear()
        client.post("http://api.test/connect/token")
        assert [str(r.url) for r in seen] == [TOKEN_URL, "http://api.test/connect/token"]
        assert seen[-1].headers["authorization"] == "Bearer t0k"
        # An operation whose security does not name the grant's scheme goes without the token.
        seen.clear()
        client.get("http://api.test/open", extensions={SECURITY_EXTENSION: OperationSecurity()})
        assert "authorization" not in seen[-1].headers
    assert flow.credential_urls() == (TOKEN_URL,)


def test_the_client_binds_its_origin_to_the_auth_once() -> None:
    flow = TokenFlow(grant())
    client = AuthenticatedClient(base_url="http://api.test", auth=flow)
    assert flow.api_origin is not None
    assert flow.api_origin.allowed == client.api_origin.allowed
    assert client.origin_policy().allowed == ("http://api.test:80", "http://id.test:80")
    client.with_headers({"X-A": "1"})  # the same origin again is fine
    with pytest.raises(ValueError, match="already serves"):
        AuthenticatedClient(base_url="http://other.test", auth=flow)


def test_a_token_in_a_custom_header_is_masked_without_touching_httpx() -> None:
    sensitive_before = set(httpx._models.SENSITIVE_HEADERS)
    request = httpx.Request("GET", "http://api.test/x", headers={"auth_token": "T0KEN-42", "X-A": "1"})
    redact_headers_holding(request, "T0KEN-42")
    assert "T0KEN-42" not in repr(request.headers)
    assert "'auth_token': '[secure]'" in repr(request.headers)
    assert request.headers["auth_token"] == "T0KEN-42"  # still sent
    assert set(httpx._models.SENSITIVE_HEADERS) == sensitive_before
    assert "auth_token" not in httpx._models.SENSITIVE_HEADERS
    assert "T0KEN" not in repr(httpx.Headers({"x-b": "1"}))


def test_connect_settings_fill_defaults_and_name_the_package() -> None:
    settings = client_settings({"headers": {"X-A": "1"}, "max_retries": 0}, user_agent="pkg/1.0")
    assert settings["headers"] == {"User-Agent": "pkg/1.0", "X-A": "1"}
    assert settings["timeout"] is DEFAULT_TIMEOUT
    assert settings["verify_ssl"] is True
    assert settings["max_retries"] == 0
    assert settings["httpx_args"] == {}
    assert client_settings({"headers": {"User-Agent": "mine"}}, user_agent="pkg")["headers"] == {
        "User-Agent": "mine"
    }
    with pytest.raises(TypeError, match="timeuot"):
        client_settings({"timeuot": 3}, user_agent="pkg")  # type: ignore[typeddict-unknown-key]


def test_origins_compare_with_default_ports_spelled_out() -> None:
    assert origin_of("https://a.test/x") == origin_of("https://a.test:443/y") == "https://a.test:443"
    assert origin_of("http://[::1]:8/x") == "http://[::1]:8"
    policy = OriginPolicy(["http://a.test", "http://a.test:80/other"])
    assert policy.allowed == ("http://a.test:80",)


def test_only_links_plainly_on_an_allowed_origin_skip_parsing() -> None:
    policy = OriginPolicy(["https://a.test", "http://b.test:8080/base"])
    for plain in ("https://a.test/x?y=1", "https://a.test:443/x", "http://b.test:8080/"):
        assert policy.plainly_admits(plain), plain
    for not_plain in (
        "https://a.test@evil.test/x",  # userinfo hiding another host
        "https://a.test:444/x",
        "https://a.test.evil.test/x",
        "http://a.test/x",
        "http://b.test/x",  # port 80, not 8080
        "http://b.test:8080@evil.test/",
        "//a.test/x",
        "/x",
        "HTTPS://a.test/x",  # not plain; the full check decides
    ):
        assert not policy.plainly_admits(not_plain), not_plain


def test_the_token_stays_masked_on_a_followed_same_origin_redirect() -> None:
    class HeaderGrant:
        """A grant whose token travels in a custom header, as OL Connect's does."""

        scheme = "token"

        def token_request(self, call: httpx.Request) -> httpx.Request:
            return httpx.Request("POST", "http://api.test/login")

        def read_token(self, response: httpx.Response) -> tuple[str, float]:
            return response.text, 60.0

        def apply_token(self, request: httpx.Request, token: str) -> None:
            request.headers["x-token"] = token

        def issuing_request(self, request: httpx.Request) -> httpx.Request:
            return request

        def credential_urls(self) -> tuple[str, ...]:
            return ()

        def error_text(self, body: object) -> tuple[str | None, str | None]:
            return None, None

    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/login":
            return httpx.Response(200, text="S3CRET-TOKEN")
        if request.url.path == "/a":
            return httpx.Response(302, headers={"Location": "/b"})
        return httpx.Response(200, json={"seen": request.headers.get("x-token")})

    client = AuthenticatedClient(
        base_url="http://api.test",
        auth=TokenFlow(HeaderGrant()),
        follow_redirects=True,
        transport=httpx.MockTransport(handler),
    )
    response = client.get_httpx_client().get("/a")
    assert response.json() == {"seen": "S3CRET-TOKEN"}  # sent after the redirect
    first = response.history[-1].request  # the history holds the login, then the redirected call
    assert [first.url.path, response.request.url.path] == ["/a", "/b"]
    for request in (response.request, first):
        assert "S3CRET" not in repr(request.headers)
        assert "'x-token': '[secure]'" in repr(request.headers)
