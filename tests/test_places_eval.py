"""Scoring places against gold records: tolerance by feature, the table, the mistakes file."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from detente.cli import app
from detente.places.evaluation import haversine_km, read_gold_places, tolerance_km


# the team's own test records (not the held-out gold set)
def place(text: str, country: str, lat: float, lon: float, feature: str) -> dict[str, object]:
    return {"text": text, "nth": 0, "country": country, "lat": lat, "lon": lon, "feature": feature}


RECORDS = [
    {"id": "t1", "date": "2025-04-02",
     "text": "Artillery hit a market in Kharkiv on Tuesday, the governor said.",
     "places": [place("Kharkiv", "UKR", 49.99, 36.23, "city")], "actors": [],
     "event_location": "Kharkiv"},
    {"id": "t2", "date": "2025-04-02", "text": "Beijing warned Manila over the drills by Korvath Reef.",
     "places": [place("Korvath Reef", "PHL", 10.0, 118.0, "sea")],  # not a gazetteer name
     "actors": [{"text": "Beijing"}, {"text": "Manila"}], "event_location": "Korvath Reef"},
    # the gold leaves out Odesa: output as a place, it is a false place
    {"id": "t3", "date": "2025-04-02", "text": "Drones struck a port near Odesa overnight.",
     "places": [], "actors": [], "event_location": None},
]


def test_tolerance_follows_the_precision_of_gold_points():
    assert tolerance_km("city") == tolerance_km("country") == 25
    assert tolerance_km("admin") == tolerance_km("sea") == tolerance_km("island") == 161
    assert round(haversine_km(0, 0, 0, 1)) == 111


def test_eval_places_prints_the_table_and_writes_mistakes(tmp_path):
    gold = tmp_path / "gold.jsonl"
    gold.write_text("".join(json.dumps(r) + "\n" for r in RECORDS), encoding="utf-8")
    assert len(read_gold_places([gold])) == 3
    mistakes = tmp_path / "mistakes.jsonl"
    result = CliRunner().invoke(app, ["eval-places", str(gold), "--mistakes", str(mistakes)])
    assert result.exit_code == 0, result.output
    assert "right place" in result.stdout and "metonyms not taken for places" in result.stdout
    wrong = [json.loads(line) for line in mistakes.read_text(encoding="utf-8").splitlines()]
    assert {"id": "t2", "kind": "missed", "feature": "sea", "text": "Korvath Reef"} in wrong
    assert not any(m["id"] == "t1" for m in wrong)
    assert any(m["id"] == "t3" and m["kind"] == "false_place" and m["text"] == "Odesa" for m in wrong)
    report = json.loads(CliRunner().invoke(app, ["eval-places", str(gold), "--json"]).stdout)
    assert report["by_feature"]["city"]["right_place"] == 1.0 and report["metonym_accuracy"] == 1.0
    assert report["places_output"] == 2 and report["precision"] == 0.5  # Kharkiv right, Odesa false


def test_eval_places_missing_path_is_one_line_that_says_what_to_give(tmp_path):
    result = CliRunner().invoke(app, ["eval-places", str(tmp_path / "nope")])
    assert result.exit_code == 2
    assert "no such file or folder; give gold place files" in result.output
    assert len(result.output.strip().splitlines()) == 1


def test_eval_places_an_event_at_the_dateline_counts_for_the_same_name_later(tmp_path):
    # the gold names the mixed-case mention; the coder places the event at the dateline
    text = ("KHARKIV, April 2 (Wire) - Russian artillery shelled Ukrainian positions, killing two. "
            "Officials in Kharkiv said repairs had begun.")
    record = {"id": "t4", "date": "2025-04-02", "dateline": "KHARKIV", "text": text,
              "places": [place("KHARKIV", "UKR", 49.99, 36.23, "city"),
                         {**place("Kharkiv", "UKR", 49.99, 36.23, "city"), "nth": 0}],
              "actors": [], "event_location": "Kharkiv"}
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps(record) + "\n", encoding="utf-8")
    report = json.loads(CliRunner().invoke(app, ["eval-places", str(gold), "--json"]).stdout)
    assert report["records_with_events"] == 1 and report["event_location_accuracy_coded"] == 1.0
