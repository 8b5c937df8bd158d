"""The DuckDB event store: round trips, idempotent writes, migrations, locking, SQL, exports."""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import json
import subprocess
import sys
import tempfile
from pathlib import Path

import duckdb
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from detente.errors import InputError, StoreError, StoreLockedError
from detente.model import Actor, Event, EventDate, Location, Place, Rejection, Span, text_id
from detente.store import MIGRATIONS, Store, export_events
from detente.store.schema import EVENT_COLUMNS, migrate, record_row
from tests.conftest import TEXT, make_article, make_event


def stored(records: list[dict[str, object]]) -> list[dict[str, object]]:
    """Records as Event.to_record() gives them: without the store's `text_id`."""
    return [{k: v for k, v in record.items() if k != "text_id"} for record in records]


# -- round trip ---------------------------------------------------------------------------------

_text = st.text(max_size=30)
_offset = st.integers(min_value=0, max_value=10**9)
_span = st.builds(Span, _offset, _offset, _text)
_actor = st.builds(Actor, _text, _text, _text, _span, _text)
_event = st.builds(
    Event, article_id=st.just("a1"), sentence_index=st.integers(0, 10**6), sentence=_span,
    source=_actor, target=_actor, code=_text, root=_text, label=_text, plover=_text,
    plover_mode=_text, goldstein=st.floats(-10, 10), quad_class=st.integers(0, 4),
    date=st.builds(EventDate, _text, _text, st.none() | _span), trigger=_span, pattern_id=_text,
    confidence=st.floats(0, 1), notes=st.lists(_text, max_size=3).map(tuple),
    location=st.none() | st.builds(
        Location, st.builds(Place, _text, _text, _text, st.floats(-90, 90), st.floats(-180, 180),
                            _text), st.none() | _span, _text),
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=st.text(min_size=1), events=st.lists(_event, max_size=5))
def test_store_round_trips_events_as_records(text, events):
    with Store.open(":memory:") as store:
        result = store.add(make_article(text), events)
        expected = {event.id: event.to_record() for event in reversed(events)}  # first one wins
        back = store.events()
        assert result.events == len(expected) == len(back)
        assert {record["id"]: record for record in stored(back)} == expected
        assert {record["text_id"] for record in back} <= {text_id(text)}
        assert all(list(record) == [*make_event().to_record(), "text_id"] for record in back)
        assert store.article(text_id(text))["text"] == text
        with tempfile.TemporaryDirectory() as folder:
            out = Path(folder) / "events.jsonl"
            export_events(store, "jsonl", out)
            assert _read_jsonl(out) == back


def _read_jsonl(path: Path) -> list[object]:
    # split on newlines only: str.splitlines() would also split inside a record at U+2028
    return [json.loads(line) for line in path.read_text(encoding="utf-8").split("\n") if line]


# -- idempotent writes ------------------------------------------------------------------------

def test_add_same_text_again_adds_nothing(tmp_path):
    with Store.open(tmp_path / "s.duckdb") as store:
        first = store.add(make_article(), [make_event(), make_event(code="173")])
        again = store.add(make_article("  " + TEXT.replace(" ", "\n"), id="other"),
                          [make_event(article_id="other")])
        assert (first.duplicate, first.events) == (False, 2)
        assert (again.duplicate, again.events, again.text_id) == (True, 0, first.text_id)
        assert store.counts() == {"articles": 1, "events": 2, "event_groups": 0, "rejects": 0}


def test_add_refuses_events_of_another_article():
    with Store.open(":memory:") as store, pytest.raises(StoreError, match="belongs to article 'b'"):
        store.add(make_article(), [make_event(article_id="b")])


def test_event_id_clash_between_texts_with_one_id_rolls_back():
    with Store.open(":memory:") as store:
        store.add(make_article(), [make_event()])
        with pytest.raises(StoreError, match="unique id"):
            store.add(make_article(TEXT + " More."), [make_event()])
        assert store.counts()["articles"] == 1


def test_add_rejection_again_keeps_one_row():
    with Store.open(":memory:") as store:
        rejection = Rejection("in.jsonl:3", "read", "not valid JSON")
        store.add_rejection(rejection)
        store.add_rejection(rejection)
        store.add_rejection(dataclasses.replace(rejection, origin="in.jsonl:4"))
        _, rows = store.sql("SELECT origin, stage, reason FROM rejects ORDER BY origin")
        assert rows == [("in.jsonl:3", "read", "not valid JSON"), ("in.jsonl:4", "read", "not valid JSON")]


def test_outlet_defaults_to_url_host():
    with Store.open(":memory:") as store:
        store.add(make_article(), [])
        store.add(make_article("Other text."), [], outlet="Detente Wire")
        _, rows = store.sql("SELECT outlet FROM articles ORDER BY outlet")
        assert rows == [("Detente Wire",), ("example.com",)]


# -- migrations -------------------------------------------------------------------------------

def test_open_upgrades_a_database_at_migration_1(tmp_path):
    path = tmp_path / "old.duckdb"
    with duckdb.connect(str(path)) as con:
        assert migrate(con, MIGRATIONS[:1]) == [MIGRATIONS[0].name]
        # rows as detente 0.1 wrote them: the events columns of migration 1 only
        old_row = record_row(make_event().to_record(), text_id(TEXT))[:EVENT_COLUMNS.index("text_id") + 1]
        con.execute("INSERT INTO articles VALUES (?, 'a1', '', '', 'Wire', NULL, 'en', ?, now())",
                    [text_id(TEXT), TEXT])
        con.execute(f"INSERT INTO events VALUES ({', '.join('?' * len(old_row))})", list(old_row))
        assert "event_groups" not in {row[0] for row in con.execute("SHOW TABLES").fetchall()}
    with Store.open(path) as store:
        assert [name for name, _ in store.migrations()] == [m.name for m in MIGRATIONS]
        assert store.counts()["events"] == 1
        assert store.refresh_groups() == 1
        _, mentions = store.sql("SELECT event_id, outlet FROM mentions")
        assert mentions == [(make_event().id, "Wire")]
    with Store.open(path) as store:  # nothing left to apply
        assert len(store.migrations()) == len(MIGRATIONS)


def test_open_refuses_a_database_from_a_newer_detente(tmp_path):
    path = tmp_path / "new.duckdb"
    Store.open(path).close()
    with duckdb.connect(str(path)) as con:
        con.execute("INSERT INTO migrations VALUES ('9999_future', now())")
    with pytest.raises(StoreError, match="newer detente"):
        Store.open(path)


def test_read_only_open_asks_for_an_upgrade_first(tmp_path):
    path = tmp_path / "old.duckdb"
    with duckdb.connect(str(path)) as con:
        migrate(con, MIGRATIONS[:1])
    with pytest.raises(StoreError, match="open it once read-write"):
        Store.open(path, read_only=True)


def test_read_only_store_reads_and_refuses_writes(tmp_path):
    path = tmp_path / "s.duckdb"
    with Store.open(path) as store:
        store.add(make_article(), [make_event()])
    with Store.open(path, read_only=True) as store:
        assert store.counts()["events"] == 1
        with pytest.raises(StoreError, match="read-only"):
            store.add(make_article("New text."), [])


def test_open_explains_missing_and_foreign_files(tmp_path):
    with pytest.raises(StoreError, match="no store there"):
        Store.open(tmp_path / "none.duckdb", read_only=True)
    junk = tmp_path / "junk.duckdb"
    junk.write_text("not a database\n" * 200)
    with pytest.raises(StoreError, match="not a detente store"):
        Store.open(junk)


# -- locking ----------------------------------------------------------------------------------

_HOLD_STORE = """
import sys
import tempfile
from detente.store import Store
with Store.open(sys.argv[1]):
    print("ready", flush=True)
    sys.stdin.read()
"""


def test_store_held_by_another_process_says_what_to_do(tmp_path):
    path = tmp_path / "held.duckdb"
    with subprocess.Popen([sys.executable, "-c", _HOLD_STORE, str(path)], text=True,
                          stdin=subprocess.PIPE, stdout=subprocess.PIPE) as holder:
        try:
            assert holder.stdout.readline().strip() == "ready"
            for read_only in (False, True):
                with pytest.raises(StoreLockedError) as info:
                    Store.open(path, read_only=read_only)
                message = str(info.value)
                assert message.startswith(f"{path} is in use by another detente process")
                assert f"(PID {holder.pid})" in message
                assert "stop it, or send the articles through that process" in message
                assert "\n" not in message
        finally:
            holder.stdin.close()
            assert holder.wait(timeout=30) == 0
    with Store.open(path) as store:  # free again once the holder exits
        assert store.counts()["articles"] == 0


# -- reads ------------------------------------------------------------------------------------

def _filter_store() -> Store:
    store = Store.open(":memory:")
    store.add(make_article(), [
        make_event(),
        make_event(source="JPN", target="CHN", code="111", date="2022-02",
                   trigger=Span(45, 54, "protested")),
        make_event(source="O'BRIEN", target="RUS", code="190", date="1956",
                   trigger=Span(60, 62, "at")),
    ])
    return store


@pytest.mark.parametrize(("filters", "codes"), [
    ({}, ["190", "111", "172"]),
    ({"actor": "CHN"}, ["111", "172"]),
    ({"actor": "O'BRIEN"}, ["190"]),
    ({"country": "JPN"}, ["111"]),
    ({"code": "1"}, ["190", "111", "172"]),
    ({"code": "17"}, ["172"]),
    ({"since": "2022-02-28"}, ["111", "172"]),      # a month overlaps its last day
    ({"since": dt.date(2022, 3, 1)}, ["172"]),
    ({"until": "1956-06"}, ["190"]),                # a year overlaps its middle
    ({"since": "2022", "until": "2022"}, ["111"]),
    ({"limit": 1}, ["190"]),
    ({"actor": "CHN", "limit": 0}, []),
])
def test_events_filters(filters, codes):
    with _filter_store() as store:
        assert [record["code"] for record in store.events(**filters)] == codes


@pytest.mark.parametrize("filters", [{"since": "May 2022"}, {"until": "2022-13"}, {"limit": -1}])
def test_events_bad_filter_says_what_to_use(filters):
    with _filter_store() as store, pytest.raises(InputError, match="use"):
        store.events(**filters)


def test_sql_reads():
    with _filter_store() as store:
        columns, rows = store.sql("WITH c AS (SELECT code FROM events) SELECT count(*) AS n FROM c")
        assert (columns, rows) == (["n"], [(3,)])
        assert store.sql("DESCRIBE events")[1][0][0] == "id"
        assert store.sql("SELECT code FROM events ORDER BY code", max_rows=2)[1] == [("111",), ("172",)]


@pytest.mark.parametrize("query", [
    "DELETE FROM events",
    "WITH x AS (SELECT 1) INSERT INTO rejects SELECT 'o', 's', 'r', now() FROM x",
    "SELECT 1; DROP TABLE events",
    "DROP TABLE events",
    "UPDATE articles SET text = ''",
    "COPY events TO 'x.csv'",
    "ATTACH ':memory:' AS other",
    "CREATE TABLE t AS SELECT 1",
    "SET threads = 1",
    "EXPLAIN ANALYZE DELETE FROM events",  # passes the statement check, stopped by the transaction
])
def test_sql_refuses_writes(query):
    with _filter_store() as store:
        with pytest.raises(StoreError, match="read-only|one statement"):
            store.sql(query)
        assert store.counts() == {"articles": 1, "events": 3, "event_groups": 0, "rejects": 0}


def test_sql_errors_are_one_line():
    with _filter_store() as store:
        for query in ("SELEC 1", "SELECT nope FROM events"):
            with pytest.raises(StoreError) as info:
                store.sql(query)
            assert "\n" not in str(info.value)


# -- event groups -----------------------------------------------------------------------------

def test_groups_count_mentions_articles_and_outlets():
    other = "Chinese officials warned the Philippines. Beijing again warned Manila."
    with Store.open(":memory:") as store:
        store.add(make_article(), [make_event(), make_event(code="111")], outlet="Wire")
        store.add(make_article(other, id="a2"), [
            make_event(article_id="a2"),
            make_event(article_id="a2", sentence_index=1, trigger=Span(50, 56, "warned")),
        ], outlet="Gazette")
        store.add(make_article("Third text.", id="a3"), [make_event(article_id="a3")],
                  outlet="Wire")
        assert store.refresh_groups() == 2
        assert store.refresh_groups() == 2  # recomputed, not added to
        _, rows = store.sql("SELECT code, num_mentions, num_articles, num_outlets, first_published "
                            "FROM event_groups ORDER BY code")
        assert rows == [("111", 1, 1, 1, dt.date(2025, 5, 14)), ("172", 4, 3, 2, dt.date(2025, 5, 14))]
        _, links = store.sql("SELECT m.code, count(*) FROM mentions m JOIN event_groups g "
                             "USING (group_id) GROUP BY m.code ORDER BY m.code")
        assert links == [("111", 1), ("172", 4)]
        assert store.counts()["events"] == 5  # raw mentions stay


# -- exports ----------------------------------------------------------------------------------

def test_export_parquet_reads_back_as_the_events_table(tmp_path):
    out = tmp_path / "events.parquet"
    with _filter_store() as store:
        assert export_events(store, "parquet", out) == 3
        with store.reading() as cur:
            table = cur.execute("SELECT * FROM events ORDER BY id").fetchall()
            back = cur.execute("SELECT * FROM read_parquet(?) ORDER BY id", [str(out)]).fetchall()
            types = cur.execute("SELECT column_name, column_type FROM (DESCRIBE events)").fetchall()
            back_types = cur.execute("SELECT column_name, column_type FROM (DESCRIBE "
                                     "SELECT * FROM read_parquet(?))", [str(out)]).fetchall()
        assert back == table
        assert back_types == types
        assert [name for name, _ in types] == list(EVENT_COLUMNS)


def test_export_jsonl_is_the_records(tmp_path):
    out = tmp_path / "events.jsonl"
    with _filter_store() as store:
        assert export_events(store, "jsonl", out, actor="CHN") == 2
        assert _read_jsonl(out) == store.events(actor="CHN")


def test_export_csv_has_flat_columns(tmp_path):
    out = tmp_path / "events.csv"
    with _filter_store() as store:
        assert export_events(store, "csv", out, limit=2) == 2
    with out.open(newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert list(rows[0]) == list(EVENT_COLUMNS)
    assert [(row["code"], row["notes"], row["trigger_start"]) for row in rows] == [
        ("190", "future", "60"), ("111", "future", "45")]


def test_export_refuses_unknown_format_and_leaves_no_file(tmp_path):
    with _filter_store() as store:
        with pytest.raises(StoreError, match="not one of csv, jsonl, parquet"):
            export_events(store, "xml", tmp_path / "e.xml")
        with pytest.raises(StoreError, match="cannot export"):
            export_events(store, "jsonl", tmp_path / "missing" / "e.jsonl")
    assert list(tmp_path.iterdir()) == []


def test_export_file_appears_whole(tmp_path: Path):
    with _filter_store() as store:
        export_events(store, "parquet", tmp_path / "e.parquet")
    assert [p.name for p in tmp_path.iterdir()] == ["e.parquet"]
