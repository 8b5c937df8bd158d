"""`detente ingest` into the store: idempotent, resumable after a kill, rejects kept."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from detente.engines import code_stream
from detente.ingestion import ingest
from detente.model import Article
from detente.pipeline.coder import Coder
from detente.store import Store

SAMPLE = Path(__file__).parent.parent / "samples" / "articles.jsonl"


def _snapshot(db: Path) -> tuple[set, set, int]:
    with Store.open(db, read_only=True) as store:
        _, articles = store.sql("SELECT id FROM articles")
        _, events = store.sql("SELECT id FROM events")
        _, groups = store.sql("SELECT count(*) FROM event_groups")
    return set(articles), set(events), groups[0][0]


def test_ingestion_twice_adds_nothing(coder, tmp_path):
    db = tmp_path / "store.duckdb"
    with Store.open(db) as store:
        first = ingest([str(SAMPLE)], store)
        second = ingest([str(SAMPLE)], store)
    assert first.ingested == 40 and first.events > 100
    assert (second.ingested, second.events, second.duplicates) == (0, 0, 40)


def test_ingestion_keeps_rejects_with_their_reason(coder, tmp_path):
    source = tmp_path / "mixed.jsonl"
    source.write_text(json.dumps({"id": "a", "text": "Chile condemned Peru."}) + "\n{broken\n")
    db = tmp_path / "store.duckdb"
    with Store.open(db) as store:
        summary = ingest([str(source)], store)
        _, rejects = store.sql("SELECT origin, stage, reason FROM rejects")
    assert summary.ingested == 1 and summary.rejected_total == 1
    assert rejects[0][0].endswith("mixed.jsonl:2") and "not valid JSON" in rejects[0][2]


@pytest.mark.slow
def test_ingestion_killed_mid_run_then_rerun_equals_a_clean_run(tmp_path):
    corpus = tmp_path / "corpus.jsonl"
    lines = SAMPLE.read_text("utf-8").splitlines()
    corpus.write_text("\n".join(lines) + "\n", "utf-8")
    command = [sys.executable, "-m", "detente.cli", "ingest", str(corpus), "--report-every", "3"]
    clean, killed = tmp_path / "clean.duckdb", tmp_path / "killed.duckdb"
    subprocess.run(command + ["--db", str(clean)], check=True, capture_output=True)

    run = subprocess.Popen(command + ["--db", str(killed)], stderr=subprocess.PIPE, text=True)
    assert run.stderr is not None
    run.stderr.readline()  # the first progress line: some articles are stored, not all
    os.kill(run.pid, signal.SIGKILL)
    run.wait()
    run.stderr.close()
    partial = _snapshot(killed)
    assert 0 < len(partial[0]) < 40
    subprocess.run(command + ["--db", str(killed)], check=True, capture_output=True)
    assert _snapshot(killed) == _snapshot(clean)


def test_ingestion_cli_broken_corpus_is_rejected_item_by_item_and_strict_says_so(tmp_path):
    from typer.testing import CliRunner

    from detente.cli import EXIT_REJECTED, app
    from tests.test_ingest import BROKEN_INPUTS, GOOD_INPUTS

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name, content in {**{n: c for n, (c, _) in BROKEN_INPUTS.items()}, **GOOD_INPUTS}.items():
        (corpus / name).write_bytes(content.encode() if isinstance(content, str) else content)
    (corpus / "oversized.txt").write_bytes(b"Peru and Chile signed a deal. " * 400_000)  # 12 MB
    db = tmp_path / "store.duckdb"
    runner = CliRunner()
    relaxed = runner.invoke(app, ["ingest", str(corpus), "--db", str(db), "-q"])
    assert relaxed.exit_code == 0, relaxed.output
    with Store.open(db, read_only=True) as store:
        _, rejects = store.sql("SELECT origin, reason FROM rejects")
        _, stored = store.sql("SELECT source_id FROM articles ORDER BY 1")
    wanted = sum(len(wants) for _, wants in BROKEN_INPUTS.values())
    assert len(rejects) == wanted and all(reason for _, reason in rejects)
    assert [row[0] for row in stored] == ["c1", "g1", "good.html", "good.txt", "j1", "l1", "l4"]
    strict = runner.invoke(app, ["ingest", str(corpus), "--db", str(db), "-q", "--strict"])
    assert strict.exit_code == EXIT_REJECTED
    assert "7 already stored" in strict.stderr
    # the summary says where the rejects are kept, with their files and lines
    assert 'select origin, reason from rejects" --db' in strict.stderr


def test_ingest_of_a_path_that_does_not_exist_stops_with_one_line_and_makes_no_store(tmp_path):
    from typer.testing import CliRunner

    from detente.cli import app

    db = tmp_path / "store.duckdb"
    run = CliRunner().invoke(app, ["ingest", str(tmp_path / "mistyped.jsonl"), "--db", str(db)])
    assert run.exit_code == 2
    assert "mistyped.jsonl: no such file or folder; check the path" in run.stderr
    assert not db.exists()


def test_ingest_summary_counts_each_reason_for_rejecting(tmp_path):
    from typer.testing import CliRunner

    from detente.cli import app

    batch = tmp_path / "batch.jsonl"
    batch.write_text('{"id": "k1", "text": "Chile and Peru signed a fishing accord."}\n{oops\n{oops\n')
    run = CliRunner().invoke(app, ["ingest", str(batch), "--db", str(tmp_path / "s.duckdb"), "-q"])
    assert run.exit_code == 0, run.output
    assert "1 article stored" in run.stderr
    assert "  2 rejected: not valid JSON" in run.stderr


class _FaultyCoder(Coder):
    """The real coder with one injected fault: it fails on the article whose id is "bad", as a
    bug on an odd text would (the guard must not depend on which bug it is)."""

    def _prepare(self, article):
        if article.id == "bad":
            raise IndexError("injected fault")
        return super()._prepare(article)


def test_an_article_the_coder_fails_on_is_rejected_and_the_rest_are_coded():
    articles = [Article(id=i, text=f"Chile condemned Peru on day {n}.", origin=f"in.jsonl:{n}")
                for n, i in enumerate(["a", "bad", "c"], 1)]
    results = list(code_stream(articles, _FaultyCoder()))
    assert [type(r).__name__ for r in results] == ["CodedArticle", "Rejection", "CodedArticle"]
    assert results[0].events and results[2].events  # the others are coded in full
    rejection = results[1]
    assert (rejection.origin, rejection.stage) == ("in.jsonl:2", "code")
    assert "IndexError: injected fault" in rejection.reason
