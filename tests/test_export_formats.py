"""GDELT 2.0 Events and PLOVER exports of the store: columns, codes, dates, counts, fields."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

from detente.model import Actor, Event, EventDate, Location, Place, Span, text_id
from detente.store import FORMATS, Store, export_events
from detente.store.formats import GDELT_COLUMNS, PLOVER_FIELDS
from tests.conftest import TEXT, make_article, make_event

OTHER = "Beijing warned Manila on Wednesday, officials in Manila said."




def gdelt_rows(store: Store, path: Path, **filters: object) -> list[dict[str, str]]:
    """Export as GDELT and read each line back as {column: value}, checking its width."""
    export_events(store, "gdelt", path, **filters)
    lines = path.read_text(encoding="utf-8").split("\n")
    assert lines[-1] == ""
    rows = [line.split("\t") for line in lines[:-1]]
    assert all(len(row) == 61 for row in rows)
    return [dict(zip(GDELT_COLUMNS, row, strict=True)) for row in rows]


def two_reports(store: Store) -> Event:
    """One event reported by two articles from two outlets; groups computed."""
    event = make_event()
    store.add(make_article(), [event])
    store.add(make_article(OTHER, id="a2", url="https://news.example.org/warning"),
              [make_event("a2")])
    store.refresh_groups()
    return event


def test_gdelt_columns_follow_the_codebook_order():
    assert len(GDELT_COLUMNS) == len(set(GDELT_COLUMNS)) == 61
    assert GDELT_COLUMNS[:6] == ("GlobalEventID", "Day", "MonthYear", "Year", "FractionDate",
                                 "Actor1Code")
    assert GDELT_COLUMNS[5:15] == ("Actor1Code", "Actor1Name", "Actor1CountryCode",
                                   "Actor1KnownGroupCode", "Actor1EthnicCode", "Actor1Religion1Code",
                                   "Actor1Religion2Code", "Actor1Type1Code", "Actor1Type2Code",
                                   "Actor1Type3Code")
    assert GDELT_COLUMNS[25:35] == ("IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode",
                                    "QuadClass", "GoldsteinScale", "NumMentions", "NumSources",
                                    "NumArticles", "AvgTone")
    assert GDELT_COLUMNS[35:43] == tuple(f"Actor1Geo_{name}" for name in (
        "Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID"))
    assert GDELT_COLUMNS[51] == "ActionGeo_Type"
    assert GDELT_COLUMNS[-2:] == ("DATEADDED", "SOURCEURL")
    assert {"gdelt", "plover"} <= set(FORMATS)


def test_gdelt_export_puts_codes_and_dates_in_their_columns(tmp_path):
    with Store.open(tmp_path / "s.duckdb") as store:
        event = make_event()
        store.add(make_article(), [event])
        store.refresh_groups()
        [row] = gdelt_rows(store, tmp_path / "events.tsv")
        ingested = store.article(text_id(TEXT))["ingested_at"]
    assert row["GlobalEventID"] == str(int(event.id[:15], 16))
    assert (row["Day"], row["MonthYear"], row["Year"], row["FractionDate"]) == (
        "20250514", "202505", "2025", "2025.3671")  # 14 May is day 134
    assert (row["Actor1Code"], row["Actor1Name"], row["Actor1CountryCode"],
            row["Actor1KnownGroupCode"], row["Actor1Type1Code"]) == (
        "CHNGOV", "Beijing", "CHN", "", "GOV")
    assert (row["Actor2Code"], row["Actor2Name"], row["Actor2CountryCode"],
            row["Actor2Type1Code"]) == ("PHL", "Manila", "PHL", "")
    assert (row["IsRootEvent"], row["EventCode"], row["EventBaseCode"], row["EventRootCode"],
            row["QuadClass"], row["GoldsteinScale"]) == ("1", "172", "172", "17", "4", "-7.0")
    assert (row["NumMentions"], row["NumSources"], row["NumArticles"]) == ("1", "1", "1")
    assert row["SOURCEURL"] == "https://www.example.com/drills"
    assert row["DATEADDED"] == ingested.strftime("%Y%m%d%H%M%S")  # UTC, when it was ingested
    empty = [c for c in GDELT_COLUMNS if "Geo_" in c or "Ethnic" in c or "Religion" in c]
    assert all(row[column] == "" for column in [*empty, "AvgTone"])


def test_gdelt_counts_articles_and_outlets_reporting_the_same_event(tmp_path):
    with Store.open(tmp_path / "s.duckdb") as store:
        two_reports(store)
        rows = gdelt_rows(store, tmp_path / "events.tsv")
    assert [(r["NumMentions"], r["NumSources"], r["NumArticles"]) for r in rows] == [("2", "2", "2")] * 2
    assert {r["SOURCEURL"] for r in rows} == {"https://www.example.com/drills",
                                              "https://news.example.org/warning"}


def test_gdelt_counts_are_one_when_the_event_has_no_group_yet(tmp_path):
    with Store.open(tmp_path / "s.duckdb") as store:
        store.add(make_article(), [make_event()])  # no refresh_groups()
        [row] = gdelt_rows(store, tmp_path / "events.tsv")
    assert (row["NumMentions"], row["NumSources"], row["NumArticles"]) == ("1", "1", "1")


def test_gdelt_partial_date_is_its_first_day_and_organisations_are_known_groups(tmp_path):
    nato = Actor("NATO", "NATO", "", Span(40, 44, "the\tNATO\nalliance"))
    event = dataclasses.replace(make_event(code="0874", sentence_index=1),
                                date=EventDate("2002", "year"), target=nato)
    with Store.open(tmp_path / "s.duckdb") as store:
        store.add(make_article(url=""), [event])
        [row] = gdelt_rows(store, tmp_path / "events.tsv")
    assert (row["Day"], row["MonthYear"], row["Year"], row["FractionDate"]) == (
        "20020101", "200201", "2002", "2002.0027")
    assert (row["Actor2Code"], row["Actor2CountryCode"], row["Actor2KnownGroupCode"]) == (
        "NATO", "", "NATO")
    assert row["Actor2Name"] == "the NATO alliance"  # tabs and newlines would split the row
    assert (row["IsRootEvent"], row["EventCode"], row["EventBaseCode"]) == ("0", "0874", "087")
    assert row["SOURCEURL"] == "a1"  # no URL: the article's id


def test_gdelt_export_takes_the_store_filters(tmp_path):
    with Store.open(tmp_path / "s.duckdb") as store:
        store.add(make_article(), [make_event(), make_event(code="111", target="JPN")])
        assert export_events(store, "gdelt", tmp_path / "all.tsv") == 2
        rows = gdelt_rows(store, tmp_path / "events.tsv", code="11")
    assert [row["Actor2Code"] for row in rows] == ["JPN"]


def test_plover_lines_parse_with_the_fields_and_plover_event_type(tmp_path):
    out = tmp_path / "events.jsonl"
    with Store.open(tmp_path / "s.duckdb") as store:
        event = two_reports(store)
        assert export_events(store, "plover", out) == 2
    objects = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(objects) == 2 and all(list(obj) == list(PLOVER_FIELDS) for obj in objects)
    first = next(obj for obj in objects if obj["id"] == event.id)
    assert first == {
        "id": event.id, "date": "2025-05-14", "date_precision": "day",
        "actor": "CHNGOV", "actor_country": "CHN", "recipient": "PHL", "recipient_country": "PHL",
        "event": "COERCE", "mode": "", "context": ["future"], "quad_code": "MATERIAL CONFLICT",
        "goldstein": -7.0, "event_text": TEXT[:35], "cameo_code": "172",
        "source_text": "Beijing", "target_text": "Manila", "trigger": "warned",
        "url": "https://www.example.com/drills", "pattern_id": "warn.v", "confidence": 0.9,
        "place_name": "", "place_country": "", "admin1": "", "lat": None, "lon": None,
        "feature_type": "", "geo_precision": "",
    }


def test_plover_context_comes_from_modality_notes_and_partial_dates_start_on_day_one(tmp_path):
    out = tmp_path / "events.jsonl"
    event = make_event(notes=("future", "conditional", "reported"), quad_class=3,
                       plover="THREATEN", plover_mode="coerce")
    event = dataclasses.replace(event, date=EventDate("2022-02", "month"))
    with Store.open(tmp_path / "s.duckdb") as store:
        store.add(make_article(), [event])
        export_events(store, "plover", out)
    [obj] = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert (obj["context"], obj["quad_code"], obj["event"], obj["mode"]) == (
        ["future", "hypothetical"], "VERBAL CONFLICT", "THREATEN", "coerce")
    assert (obj["date"], obj["date_precision"]) == ("2022-02-01", "month")


KHARKIV = Place("Kharkiv", "UKR", "Kharkiv Oblast", 49.98, 36.25, "city", population=1_400_000)


def located(place: Place, **changes: object) -> Event:
    return make_event(location=Location(place, Span(25, 34, "Wednesday"), "clause"), **changes)


def test_gdelt_action_geo_columns_carry_the_event_location(tmp_path):
    with Store.open(tmp_path / "s.duckdb") as store:
        store.add(make_article(), [located(KHARKIV), make_event(code="111")])
        rows = {row["EventCode"]: row for row in gdelt_rows(store, tmp_path / "events.tsv")}
    geo = {name.removeprefix("ActionGeo_"): value for name, value in rows["172"].items()
           if name.startswith("ActionGeo_")}
    assert geo == {"Type": "4", "FullName": "Kharkiv, Kharkiv Oblast, Ukraine", "CountryCode": "UP",
                   "ADM1Code": "", "ADM2Code": "", "Lat": "49.98", "Long": "36.25", "FeatureID": ""}
    assert all(value == "" for name, value in rows["111"].items() if "Geo_" in name)
    assert all(value == "" for name, value in rows["172"].items() if name.startswith("Actor1Geo"))


def test_gdelt_geo_type_follows_gdelt_us_and_country_levels(tmp_path):
    texas = Place("Texas", "USA", "", 31.0, -99.0, "admin")
    country = Place("Sudan", "SDN", "", 15.0, 30.0, "country")
    sea = Place("South China Sea", "", "", 12.0, 113.0, "sea", countries=("CHN", "PHL"))
    with Store.open(tmp_path / "s.duckdb") as store:
        store.add(make_article(), [located(texas), located(country, code="190"),
                                   located(sea, code="111")])
        rows = {row["EventCode"]: row for row in gdelt_rows(store, tmp_path / "events.tsv")}
    assert [rows["172"][f"ActionGeo_{c}"] for c in ("Type", "CountryCode")] == ["2", "US"]
    assert [rows["190"][f"ActionGeo_{c}"] for c in ("Type", "CountryCode", "ADM1Code", "FeatureID")] \
        == ["1", "SU", "SU", "SU"]
    assert [rows["111"][f"ActionGeo_{c}"] for c in ("Type", "FullName", "CountryCode")] == \
        ["4", "South China Sea", ""]


def test_plover_export_and_jsonl_carry_the_place(tmp_path):
    out = tmp_path / "events.jsonl"
    with Store.open(tmp_path / "s.duckdb") as store:
        store.add(make_article(), [located(KHARKIV)])
        export_events(store, "plover", out)
        export_events(store, "jsonl", tmp_path / "own.jsonl")
    [obj] = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert {key: obj[key] for key in PLOVER_FIELDS[-7:]} == {
        "place_name": "Kharkiv", "place_country": "UKR", "admin1": "Kharkiv Oblast", "lat": 49.98,
        "lon": 36.25, "feature_type": "city", "geo_precision": "point"}
    [own] = [json.loads(line) for line in (tmp_path / "own.jsonl").read_text().splitlines()]
    assert own["location"] == located(KHARKIV).to_record()["location"]
