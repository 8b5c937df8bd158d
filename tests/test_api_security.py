"""Hostile input to the JSON API: every filter of every endpoint, limits, write access, the bind address.

Whatever a client sends, the answer is a 200 (with no rows where nothing can match) or a 4xx
in the one error shape, never a 500, and the store is unchanged afterwards.
"""

from __future__ import annotations

import inspect
from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from detente.cli import app as cli_app
from detente.cli import serve_command
from detente.codebook import load_codebook
from detente.store import Store
from detente.web import create_app
from tests.conftest import make_article, make_event

TOKEN = "correct-horse-battery-staple"
HOSTILE = [
    "' OR 1=1 --",
    "'; DROP TABLE events; --",
    "%' UNION SELECT * FROM articles --",
    "\") OR (\"1\"=\"1",
    "CHN' OR source LIKE '%",
    "1; DELETE FROM articles",
    "\x00",
    "CHN\x00' OR 1=1",
    "%", "_", ".*", "\\", "\\E.*\\Q", "(?i)", "[", "${jndi:ldap://x}",
    "中国' OR '1'='1", "ＣＨＮ", "😀" * 50, "İSTANBUL", "\u202egnp.exe",
    "x" * 20_000,
]
IDS = [repr(value)[:30] for value in HOSTILE]

# (path, parameter) for every filter of every JSON endpoint; "{}" marks a path parameter.
EVENT_FILTERS = ["actor", "country", "code", "quad_class", "since", "until", "q", "page", "page_size"]
REQUESTS = (
    [("/api/events", name) for name in EVENT_FILTERS]
    + [("/api/dyads", name) for name in ("top", "since", "by")]
    + [("/api/dyads/{}/PHL/series", None), ("/api/dyads/CHN/{}/series", None)]
    + [("/api/dyads/CHN/PHL/series", name) for name in ("by", "since", "until")]
    + [("/api/actors", name) for name in ("top", "since")]
    + [("/api/articles/{}", None), ("/api/codebook", "q")]
)
# Filters that select rows by text: a hostile value is a valid filter that matches nothing.
MATCH_NOTHING = {("/api/events", name) for name in ("actor", "country", "code", "q")} | {
    ("/api/dyads/{}/PHL/series", None), ("/api/dyads/CHN/{}/series", None)}


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = tmp_path_factory.mktemp("security") / "store.duckdb"
    with Store.open(path) as store:
        for number in range(3):
            text = f"Beijing warned Manila on Wednesday. Japan protested to China ({number})."
            article = make_article(text=text, id=f"a{number}")
            store.add(article, [
                make_event(article_id=article.id, sentence_index=0),
                make_event(article_id=article.id, sentence_index=1, source="JPN", target="CHN",
                           code="114", goldstein=-2.0, quad_class=3, date=f"2025-0{number + 4}")])
        store.refresh_groups()
    return path


@pytest.fixture(scope="module")
def client(db, coder):
    with TestClient(create_app(db, coder=coder), raise_server_exceptions=False) as client:
        yield client


def snapshot(client: TestClient) -> tuple[dict[str, int], list[tuple[object, ...]]]:
    store: Store = client.app.state.store  # type: ignore[attr-defined]
    _, tables = store.sql("SELECT schema_name, table_name, estimated_size FROM duckdb_tables() "
                          "UNION ALL SELECT schema_name, view_name, 0 FROM duckdb_views() "
                          "WHERE NOT internal ORDER BY ALL")
    return store.counts(), tables


def assert_clean(response, allowed: tuple[int, ...] = ()) -> None:
    """A 2xx, or a 4xx in the error shape (and one of `allowed`, when given)."""
    assert response.status_code < 500, response.text[:500]
    if response.status_code >= 400:
        assert response.headers["content-type"].startswith("application/json")
        body = response.json()
        assert body.keys() == {"error"} and body["error"]["status"] == response.status_code
        assert isinstance(body["error"]["message"], str) and body["error"]["message"]
        if allowed:
            assert response.status_code in allowed, response.text[:500]


def request(client: TestClient, path: str, name: str | None, value: str):
    if name is None:
        return client.get(path.replace("{}", quote(value, safe="")))
    return client.get(path, params={name: value})


@pytest.mark.parametrize("value", HOSTILE, ids=IDS)
def test_security_hostile_values_in_every_filter_answer_cleanly_and_change_nothing(client, value):
    before = snapshot(client)
    for path, name in REQUESTS:
        response = request(client, path, name, value)
        assert_clean(response)
        if response.status_code == 200:
            items = response.json()["items"]
            if (path, name) in MATCH_NOTHING:
                assert items == [], (path, name)
            if path == "/api/codebook":  # words of the value may match labels; only real codes
                assert {row["code"] for row in items} <= {c.code for c in load_codebook()}
        elif (path, name) in MATCH_NOTHING:
            # only an unroutable path value (a slash) or a text filter over its length limit
            assert response.status_code in (400, 404), (path, name, response.text[:200])
    assert snapshot(client) == before


@pytest.mark.parametrize("value", ["' OR 1=1 --", "%", ".*", "_"])
def test_security_text_filter_is_literal_not_a_pattern(client, value):
    body = client.get("/api/events", params={"q": value}).json()
    assert body["items"] == [] and body["total"] == 0
    assert client.get("/api/events", params={"q": "BEIJING WARNED"}).json()["total"] == 6


@pytest.mark.parametrize(("params", "status"), [
    ({"page_size": 501}, 422), ({"page_size": 10**9}, 422), ({"page_size": 0}, 422),
    ({"page_size": -1}, 422), ({"page": 0}, 422), ({"page": 10**7}, 422), ({"page": "1e3"}, 422),
    ({"quad_class": 5}, 422), ({"quad_class": "1 OR 1=1"}, 422), ({"since": "2025-02-30"}, 400),
    ({"until": "99999"}, 400), ({"since": "2025-1"}, 400),
])
def test_security_out_of_range_event_parameters_are_refused_in_the_error_shape(client, params, status):
    assert_clean(client.get("/api/events", params=params), (status,))


def test_security_a_text_filter_too_long_to_compile_is_a_400(client):
    # over the limit RE2 refused to compile the pattern: a 500 before the limit was added
    assert_clean(client.get("/api/events", params={"q": "." * 1_001}), (400,))
    assert client.get("/api/events", params={"q": "." * 1_000}).json()["total"] == 0


@pytest.mark.parametrize(("path", "params"), [
    ("/api/dyads", {"top": 1001}), ("/api/dyads", {"top": 0}), ("/api/actors", {"top": 10**12}),
    ("/api/dyads", {"by": "events; DROP TABLE events"}),
    ("/api/dyads/CHN/PHL/series", {"by": "month'"}),
])
def test_security_other_limits_are_refused_with_422(client, path, params):
    assert_clean(client.get(path, params=params), (422,))


def test_security_repeated_and_unknown_parameters_are_harmless(client):
    assert_clean(client.get("/api/events?actor=CHN&actor=' OR 1=1 --&page_size=1&page_size=999"))
    ok = client.get("/api/events", params={"order": "id; DROP TABLE events", "limit": 10**9})
    assert ok.status_code == 200 and len(ok.json()["items"]) == 6


def test_security_request_bodies_over_the_limit_get_413(coder, db):
    with TestClient(create_app(db, write_token=TOKEN, coder=coder, max_body=1_000)) as client:
        before = snapshot(client)
        big = {"text": "Japan protested to China. " * 100}
        assert_clean(client.post("/api/code", json=big), (413,))
        auth = {"Authorization": f"Bearer {TOKEN}"}
        assert_clean(client.post("/api/articles", json=big, headers=auth), (413,))
        chunked = client.post("/api/code", content=iter([b'{"text": "', b"x" * 800, b"x" * 800, b'"}']),
                              headers={"Content-Type": "application/json"})
        assert_clean(chunked, (413,))
        lying = client.post("/api/code", content=b'{"text": "' + b"x" * 5_000 + b'"}',
                            headers={"Content-Type": "application/json", "Content-Length": "20"})
        assert lying.status_code < 500
        assert snapshot(client) == before


def test_security_malformed_bodies_are_422_in_the_error_shape(client):
    for body in (b"{", b"[]", b'{"text": 5}', b'{"text": "x", "date": "2025-02-30"}', b"\x00\xff"):
        assert_clean(client.post("/api/code", content=body, headers={"Content-Type": "application/json"}),
                     (422,))


def test_security_ingest_is_refused_without_a_configured_token(client):
    before = snapshot(client)
    for headers in ({}, {"Authorization": "Bearer "}, {"Authorization": f"Bearer {TOKEN}"}):
        assert_clean(client.post("/api/articles", json={"text": "Japan protested to China."},
                                 headers=headers), (403,))
    assert snapshot(client) == before


@pytest.mark.parametrize("header", [None, "Bearer wrong", f"Bearer {TOKEN}x", f"Bearer {TOKEN[:-1]}",
                                    TOKEN, f"Basic {TOKEN}", "Bearer ' OR 1=1 --", "Bearer \u00e9".encode()])
def test_security_ingest_with_a_wrong_token_is_401(coder, db, header):
    with TestClient(create_app(db, write_token=TOKEN, coder=coder)) as client:
        before = snapshot(client)
        headers = {"Authorization": header} if header is not None else {}
        response = client.post("/api/articles", json={"text": "Japan protested to China."},
                               headers=headers)
        assert_clean(response, (401,))
        assert response.headers["www-authenticate"] == "Bearer"
        assert snapshot(client) == before


def test_security_serve_binds_to_localhost_by_default(monkeypatch, db, tmp_path):
    assert inspect.signature(serve_command).parameters["host"].default == "127.0.0.1"
    help_text = CliRunner().invoke(cli_app, ["serve", "--help"], env={"COLUMNS": "200"}).output
    assert "127.0.0.1" in help_text
    import uvicorn

    calls = []
    monkeypatch.setattr(uvicorn, "run", lambda app, **options: calls.append(options))
    result = CliRunner().invoke(cli_app, ["serve", "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert calls and calls[0]["host"] == "127.0.0.1"
