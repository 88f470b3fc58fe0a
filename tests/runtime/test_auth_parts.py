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
from client_runtime.media_types import UnexpectedMediaTypeError
from client_runtime.options import DEFAULT_TIMEOUT
from client_runtime.origins import OriginPolicy, origin_of
from client_runtime.redaction import Secret
from client_runtime.token_auth import UnusableTokenError, check_token

TOKEN_URL = "http://id.test/connect/token"


def grant() -> ClientCredentialsGrant:
    return ClientCredentialsGrant(
        TOKEN_URL, "app", "s3cret", scope="read", token_path="/connect/token", api_url="http://api.test"
    )


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
    token_request = auth.build_token_request(httpx.Request("GET", "http://api.test/x"))
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
        auth._read_grant(answer({"access_token": "bad token\x01"}))
    # A sign-in page of a captive portal, or JSON without a Content-Type, is not the documented answer.
    for headers in ({"Content-Type": "text/html"}, {}):
        html = httpx.Response(200, content=b'{"access_token": "t"}', headers=headers, request=token_request)
        with pytest.raises(UnexpectedMediaTypeError):
            auth.read_token(html)
        with pytest.raises(ResponseParseError, match="no usable token"):
            auth._read_grant(html)


def test_the_token_operation_is_recognised_and_sent_to_the_token_url() -> None:
    auth = grant()
    call = httpx.Request("POST", "http://api.test/connect/token", headers={"Authorization": "Bearer old"})
    assert auth.is_credentials_request(call)
    assert not auth.is_credentials_request(httpx.Request("GET", "http://api.test/connect/token"))
    routed = auth.prepare_credentials_request(call)
    assert routed.url == httpx.URL(TOKEN_URL)
    assert "authorization" not in routed.headers
    assert auth.credential_urls() == (TOKEN_URL,)


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
