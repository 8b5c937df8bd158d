"""The `detente` command as a user runs it: contract of its output, errors and exit status."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from detente.cli import EXIT_REJECTED, app

ROOT = Path(__file__).parent.parent
CONTRACT = {
    "article_id", "sentence_index", "sentence", "source", "target", "source_country",
    "target_country", "code", "root", "plover", "goldstein", "quad_class", "date",
    "date_precision", "source_text", "target_text", "trigger", "offsets", "confidence",
}
ARTICLE = ("ANKARA, March 3 (Detente Wire) - Turkey on Monday accused Greece of violating its "
           "airspace. In 1999, the two countries signed an agreement on disaster relief.")


@pytest.fixture()
def runner() -> CliRunner:
    return CliRunner()


def _jsonl(output: str) -> list[dict]:
    return [json.loads(line) for line in output.splitlines() if line.startswith("{")]


def test_cli_code_jsonl_has_every_contract_field_and_true_offsets(runner, tmp_path):
    source = tmp_path / "in.jsonl"
    source.write_text(json.dumps({"id": "tr-1", "text": ARTICLE, "date": "2025-03-04"}) + "\n")
    result = runner.invoke(app, ["code", str(source), "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    records = _jsonl(result.stdout)
    assert records, result.output
    for record in records:
        assert set(record) >= CONTRACT
        assert record["article_id"] == "tr-1"
        assert record["root"] == record["code"][:2]
        for field in ("trigger", "source", "target"):
            start, end = record["offsets"][field]
            assert ARTICLE[start:end] == record[f"{field}_text" if field != "trigger" else "trigger"]
        start, end = record["offsets"]["sentence"]
        assert ARTICLE[start:end] == record["sentence"]
    accuse = next(r for r in records if r["root"] == "11")
    assert (accuse["source"], accuse["target"], accuse["date"]) == ("TUR", "GRC", "2025-03-03")
    signed = {(r["source"], r["target"], r["date"], r["date_precision"]) for r in records
              if r["code"] == "057"}
    assert signed == {("TUR", "GRC", "1999", "year"), ("GRC", "TUR", "1999", "year")}


def test_cli_code_bad_input_is_reported_by_line_and_the_rest_is_coded(runner, tmp_path):
    source = tmp_path / "mixed.jsonl"
    source.write_bytes(
        json.dumps({"id": "ok", "text": "Peru expelled the Bolivian ambassador."}).encode() + b"\n"
        + b"{oops\n"
        + json.dumps({"id": "no-text"}).encode() + b"\n"
        + json.dumps({"id": "late", "text": "Chile condemned Peru.", "date": "yesterday"}).encode()
        + b"\n"
    )
    result = runner.invoke(app, ["code", str(source), "--format", "jsonl"])
    assert result.exit_code == EXIT_REJECTED
    assert {r["article_id"] for r in _jsonl(result.stdout)} == {"ok", "late"}
    errors = [line for line in result.stderr.splitlines() if line.startswith("detente:")]
    assert [e.split(":")[2] for e in errors] == ["2", "3", "4"]
    assert "2 articles coded" in result.stderr
    assert "rejected: 1 at date, 2 at read" in result.stderr


def test_cli_code_text_file_and_directory(runner, tmp_path):
    (tmp_path / "a.txt").write_text("Canada recalled its ambassador from India.", "utf-8")
    (tmp_path / "empty.txt").write_text("  ", "utf-8")
    result = runner.invoke(app, ["code", str(tmp_path), "--format", "jsonl", "--date", "2024-01-02"])
    assert result.exit_code == EXIT_REJECTED
    records = _jsonl(result.stdout)
    assert records and all(r["article_id"] == "a.txt" and r["date"] == "2024-01-02" for r in records)
    assert "empty.txt: empty text" in result.stderr


def test_cli_code_table_shows_where_each_event_happened(runner):
    text = "Russian forces attacked Ukrainian troops in Kharkiv on Monday, officials said."
    result = runner.invoke(app, ["code", "-", "--date", "2024-05-06"], input=text,
                           env={"COLUMNS": "200"})
    assert result.exit_code == 0
    header = next(line for line in result.output.splitlines() if "trigger" in line)
    assert "place" in header
    row = next(line for line in result.output.splitlines() if "RUSMIL" in line)
    assert "Kharkiv UKR" in row


def test_cli_code_bad_date_option_is_a_usage_error(runner):
    result = runner.invoke(app, ["code", "-", "--date", "14/05/2025"], input="x")
    assert result.exit_code == 2
    assert "--date" in result.stderr and "YYYY-MM-DD" in result.stderr


def test_cli_eval_prints_three_levels_roots_and_confusions(runner, tmp_path):
    gold = tmp_path / "gold.jsonl"
    gold.write_text(
        json.dumps({"id": "g1", "text": "Norway condemned Iran.", "date": "2025-01-01",
                    "events": [{"source": "NOR", "target": "IRN", "code": "111"}]}) + "\n"
        + json.dumps({"id": "g2", "text": "The krone rose.", "events": []}) + "\n")
    result = runner.invoke(app, ["eval", str(gold), "--json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert set(report["levels"]) == {"root", "country", "full"}
    assert report["records"] == 2
    table = runner.invoke(app, ["eval", str(gold)])
    assert "countries + root" in table.stdout and "worst confusions" in table.stdout


def test_cli_codebook_search(runner):
    result = runner.invoke(app, ["codebook", "1312"])
    assert result.exit_code == 0 and "1312" in result.stdout
    assert runner.invoke(app, ["codebook", "zzzz-nothing"]).exit_code == 1


def test_cli_every_command_has_help_and_is_documented():
    readme = (ROOT / "README.md").read_text("utf-8")
    runner = CliRunner()
    for command in app.registered_commands:
        name = command.name
        result = runner.invoke(app, [name, "--help"])
        assert result.exit_code == 0 and "Usage" in result.stdout
        assert f"detente {name}" in readme, f"README does not document `detente {name}`"


def test_cli_code_two_workers_give_the_same_events_as_one(runner):
    sample = ROOT / "samples" / "articles.jsonl"
    lines = sample.read_text("utf-8").splitlines()[:12]
    source = "\n".join(lines) + "\n"
    one = runner.invoke(app, ["code", "-", "--format", "jsonl"], input=source)
    two = runner.invoke(app, ["code", "-", "--format", "jsonl", "--workers", "2"], input=source)
    assert one.exit_code == two.exit_code == 0
    assert _jsonl(one.stdout) == _jsonl(two.stdout) and _jsonl(one.stdout)


def test_cli_code_with_a_user_actor_file(runner, tmp_path):
    actors = tmp_path / "actors.toml"
    actors.write_text('[[actor]]\ncode = "USAGOV"\nnames = ["Jane Example"]\n', "utf-8")
    result = runner.invoke(app, ["code", "-", "--format", "jsonl", "--actors", str(actors)],
                           input="Jane Example criticised Russia.")
    assert [(r["source"], r["target"]) for r in _jsonl(result.stdout)] == [("USAGOV", "RUS")]
    missing = runner.invoke(app, ["code", "-", "--actors", str(tmp_path / "nope.toml")], input="x")
    assert missing.exit_code == 2 and "nope.toml" in missing.stderr
