"""The JSON API (`detente serve`): filters, pagination, evidence offsets, auth, errors, injection."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from detente.cli import app
from detente.ingestion import ingest
from detente.store import Store
from detente.web import create_app

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples" / "articles.jsonl"
TOKEN = "s3cret-token"
INJECTIONS = ["x' OR '1'='1", "1; DROP TABLE events", "'; DROP TABLE events; --", "%", "CHN\" OR 1=1"]


@pytest.fixture(scope="module")
def sample_db(tmp_path_factory) -> Path:
    db = tmp_path_factory.mktemp("web") / "sample.duckdb"
    with Store.open(db) as store:
        summary = ingest([str(SAMPLES)], store)
    assert summary.ingested == 40 and summary.events > 100
    return db


@pytest.fixture(scope="module")
def client(sample_db, coder):
    """A read-mostly client on the sample store (these tests store nothing)."""
    with TestClient(create_app(sample_db, coder=coder)) as client:
        yield client


@pytest.fixture
def writable(sample_db, coder, tmp_path):
    """A client with a write token, on a copy of the sample store."""
    db = tmp_path / "copy.duckdb"
    shutil.copy(sample_db, db)
    with TestClient(create_app(db, write_token=TOKEN, coder=coder)) as client:
        yield client


def assert_error(response, status: int) -> None:
    assert response.status_code == status
    error = response.json()["error"]
    assert error["status"] == status and isinstance(error["message"], str) and error["message"]


def test_web_events_pages_cover_every_event_once(client):
    first = client.get("/api/events", params={"page_size": 100}).json()
    second = client.get("/api/events", params={"page_size": 100, "page": 2}).json()
    assert first["page"] == 1 and first["page_size"] == 100 and first["total"] > 100
    assert len(first["items"]) == 100 and len(second["items"]) == first["total"] - 100
    ids = [e["id"] for e in first["items"] + second["items"]]
    assert len(set(ids)) == first["total"]
    assert len(client.get("/api/events").json()["items"]) == 50  # the default page size


def test_web_events_filters(client):
    def items(**params):
        return client.get("/api/events", params={"page_size": 500, **params}).json()["items"]

    assert items(actor="CHN") and all(e["source"].startswith("CHN") or e["target"].startswith("CHN")
                                      for e in items(actor="CHN"))
    assert all("PHL" in (e["source_country"], e["target_country"]) for e in items(country="PHL"))
    assert items(code="19") and all(e["code"].startswith("19") for e in items(code="19"))
    assert items(quad_class=4) and {e["quad_class"] for e in items(quad_class=4)} == {4}
    dated = items(since="2025-06", until="2025-06")
    # a partial date ("2025") overlaps the month, so it is kept
    assert dated and all(e["date"].startswith("2025-06") or e["date"] == "2025" for e in dated)
    water = items(q="WATER CANNON")
    assert water and all("water cannon" in e["sentence"].lower() for e in water)


def test_web_events_bad_parameters_are_json_errors(client):
    assert_error(client.get("/api/events", params={"page_size": 501}), 422)
    assert_error(client.get("/api/events", params={"page": 0}), 422)
    assert_error(client.get("/api/events", params={"quad_class": 5}), 422)
    assert_error(client.get("/api/events", params={"since": "last week"}), 400)


def test_web_dyad_series_chn_phl(client):
    items = client.get("/api/dyads/CHN/PHL/series", params={"by": "month"}).json()["items"]
    assert {row["direction"] for row in items} == {"a->b", "b->a", "both"}
    assert all(row["a"] == "CHN" and row["b"] == "PHL" and len(row["period"]) == 7 for row in items)
    both = [row for row in items if row["direction"] == "both"]
    assert sum(row["events"] for row in both) >= 10
    assert all(row["events"] == row["quad1"] + row["quad2"] + row["quad3"] + row["quad4"]
               for row in both)
    later = client.get("/api/dyads/chn/phl/series", params={"since": "2026"}).json()["items"]
    assert later and all(row["period"] >= "2026" for row in later)
    assert_error(client.get("/api/dyads/CHN/PHL/series", params={"by": "decade"}), 422)


def test_web_top_dyads_and_actors(client):
    dyads = client.get("/api/dyads", params={"top": 5}).json()["items"]
    assert len(dyads) == 5 and dyads[0]["events"] >= dyads[-1]["events"]
    conflict = client.get("/api/dyads", params={"by": "conflict"}).json()["items"]
    assert conflict and all(row["goldstein_sum"] < 0 for row in conflict)
    actors = client.get("/api/actors", params={"top": 3}).json()["items"]
    assert len(actors) == 3 and {"actor", "events", "as_source", "as_target"} <= actors[0].keys()


def test_web_article_offsets_slice_the_text(client):
    event = client.get("/api/events", params={"actor": "CHN", "page_size": 1}).json()["items"][0]
    article = client.get(f"/api/articles/{event['text_id']}").json()
    text = article["text"]
    assert article["id"] == event["text_id"] and article["events"]
    for stored in article["events"]:
        start, end = stored["offsets"]["trigger"]
        assert text[start:end] == stored["trigger"]
        start, end = stored["offsets"]["sentence"]
        assert text[start:end] == stored["sentence"]
    assert_error(client.get("/api/articles/0000000000000000"), 404)


def test_web_codebook_search(client):
    assert [row["code"] for row in client.get("/api/codebook", params={"q": "1312"}).json()["items"]] \
        == ["1312"]
    hunger = client.get("/api/codebook", params={"q": "hunger strike"}).json()["items"]
    assert [row["code"] for row in hunger][:2] == ["142", "1421"]
    assert hunger[0]["quad_class_name"] == "verbal conflict"
    assert len(client.get("/api/codebook").json()["items"]) == 311


def test_web_code_returns_events_and_stores_nothing(client):
    before = client.get("/api/events", params={"page_size": 1}).json()["total"]
    text = "Norway expelled two Russian diplomats on Friday."
    response = client.post("/api/code", json={"text": text, "date": "2025-03-07"})
    assert response.status_code == 200
    events = response.json()["events"]
    assert [(e["source"], e["code"][:3], e["target"]) for e in events] == [("NOR", "161", "RUSGOV")]
    start, end = events[0]["offsets"]["trigger"]
    assert text[start:end] == "expelled" and events[0]["date"] == "2025-03-07"
    assert client.get("/api/events", params={"page_size": 1}).json()["total"] == before
    assert_error(client.post("/api/code", json={"text": ""}), 422)
    assert_error(client.post("/api/code", json={"text": "x", "date": "14 May"}), 422)


def test_web_ingest_is_forbidden_without_a_configured_token(client):
    response = client.post("/api/articles", json={"text": "Japan protested to China."},
                           headers={"Authorization": f"Bearer {TOKEN}"})
    assert_error(response, 403)
    assert "--write-token" in response.json()["error"]["message"]


def test_web_ingest_needs_the_right_token(writable):
    body = {"text": "Japan protested to China over the drills near the islands.", "date": "2025-05-14",
            "title": "Protest"}
    assert_error(writable.post("/api/articles", json=body), 401)
    assert_error(writable.post("/api/articles", json=body, headers={"Authorization": "Bearer nope"}), 401)
    assert_error(writable.post("/api/articles", json=body, headers={"Authorization": TOKEN}), 401)
    auth = {"Authorization": f"Bearer {TOKEN}"}
    created = writable.post("/api/articles", json=body, headers=auth)
    assert created.status_code == 201
    stored = created.json()
    assert stored["duplicate"] is False and stored["events"] >= 1
    article = writable.get(f"/api/articles/{stored['text_id']}").json()
    assert article["title"] == "Protest" and [e["code"][:2] for e in article["events"]] == ["11"]
    again = writable.post("/api/articles", json=body, headers=auth)
    assert again.status_code == 200 and again.json()["duplicate"] is True


@pytest.mark.parametrize("value", INJECTIONS)
def test_web_injection_strings_in_every_filter_never_break_the_store(client, value):
    total = client.get("/api/events", params={"page_size": 1}).json()["total"]
    requests = [("/api/events", {name: value}) for name in
                ("actor", "country", "code", "since", "until", "q", "quad_class", "page", "page_size")]
    requests += [("/api/dyads", {"top": value}), ("/api/dyads", {"since": value}),
                 ("/api/dyads", {"by": value}), ("/api/actors", {"top": value}),
                 ("/api/actors", {"since": value}), ("/api/codebook", {"q": value}),
                 (f"/api/dyads/{value}/PHL/series", {}), (f"/api/dyads/CHN/{value}/series", {}),
                 ("/api/dyads/CHN/PHL/series", {"by": value}),
                 ("/api/dyads/CHN/PHL/series", {"since": value}),
                 (f"/api/articles/{value}", {})]
    for path, params in requests:
        response = client.get(path, params=params)
        assert response.status_code < 500, (path, params, response.text)
        if response.status_code == 200:
            body = response.json()
            if path == "/api/events":
                assert body["items"] == [] and body["total"] == 0, (path, params)
        else:
            assert_error(response, response.status_code)
    assert client.get("/api/events", params={"page_size": 1}).json()["total"] == total


def test_web_oversized_body_is_413(client):
    response = client.post("/api/code", json={"text": "Japan protested to China. " * 10_000})
    assert_error(response, 413)
    chunked = client.post("/api/code", content=iter([b'{"text": "' + b"x" * 150_000, b"x" * 150_000]),
                          headers={"Content-Type": "application/json"})  # no Content-Length
    assert_error(chunked, 413)


def test_web_unknown_route_is_a_json_404(client):
    assert_error(client.get("/api/nothing-here"), 404)
    assert "/docs" in client.get("/api/nothing-here").json()["error"]["message"]
    assert_error(client.get("/nothing"), 404)
    assert_error(client.delete("/api/events"), 405)


def test_web_openapi_lists_the_routes(client):
    paths = client.get("/openapi.json").json()["paths"]
    assert {"/api/events", "/api/dyads", "/api/dyads/{a}/{b}/series", "/api/actors",
            "/api/articles/{text_id}", "/api/codebook", "/api/code", "/api/articles"} <= paths.keys()
    assert client.get("/docs").status_code == 200


def test_web_serve_on_a_locked_store_says_so_and_exits_2(sample_db, tmp_path):
    db = tmp_path / "locked.duckdb"
    shutil.copy(sample_db, db)
    holder = subprocess.Popen(
        [sys.executable, "-c", "import sys, duckdb; con = duckdb.connect(sys.argv[1]); "
         "print('open', flush=True); sys.stdin.read()", str(db)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "open"
        result = CliRunner().invoke(app, ["serve", "--db", str(db)])
    finally:
        holder.communicate("")
    assert result.exit_code == 2
    assert "in use by another detente process" in result.output
    assert len(result.output.strip().splitlines()) == 1
