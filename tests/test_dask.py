"""The Dask engine: a local cluster codes like one process, and its Parquet loads like an ingest."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import duckdb
import pytest

pytest.importorskip("distributed")

from detente.engines import code_stream  # noqa: E402
from detente.engines.dask import code_on_dask, load_parquet_into_store  # noqa: E402
from detente.errors import DetenteError  # noqa: E402
from detente.ingestion import ingest  # noqa: E402
from detente.model import Rejection  # noqa: E402
from detente.pipeline.ingest import read_inputs  # noqa: E402
from detente.store import Store  # noqa: E402

pytestmark = pytest.mark.slow

SAMPLES = Path(__file__).parent.parent / "samples" / "articles.jsonl"


@pytest.fixture(scope="module")
def sample(tmp_path_factory) -> Path:
    """The first 12 sample articles with an unreadable line among them; then, in the last
    partition, a copy of a text under a new id and a new text under a used id."""
    lines = SAMPLES.read_text(encoding="utf-8").splitlines()[:12]
    second, third = json.loads(lines[1]), json.loads(lines[2])
    lines.insert(6, "{not json")
    lines.append(json.dumps({**second, "text": second["text"] + " More talks are planned."}))
    lines.append(json.dumps({**third, "id": "sample-003-copy"}))
    path = tmp_path_factory.mktemp("input") / "articles.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def dataset(sample, tmp_path_factory):
    """One run on a local cluster of two workers, in partitions of 5: (parquet dir, summary)."""
    out = tmp_path_factory.mktemp("parquet")
    for part in ("events", "articles", "rejects"):  # left by an earlier, longer run
        (out / part).mkdir()
        (out / part / "part-00007.parquet").write_bytes(b"stale")
    summary = code_on_dask(read_inputs([str(sample)]), "local:2", out, partition_size=5)
    return out, summary


def parquet_events(out: Path) -> list[tuple[object, ...]]:
    return duckdb.sql("SELECT article_id, sentence_index, source, code, target "
                      f"FROM read_parquet('{out}/events/*.parquet')").fetchall()


def test_dask_codes_the_same_events_as_one_process(dataset, sample, coder):
    out, summary = dataset
    results = list(code_stream(read_inputs([str(sample)]), coder))
    expected = {(e.article_id, e.sentence_index, e.source.code, e.code, e.target.code)
                for result in results if not isinstance(result, Rejection) for e in result.events}
    assert expected
    written = parquet_events(out)
    assert set(written) == expected
    assert (summary.partitions, summary.articles, summary.events) == (3, 14, len(written))


def test_dask_passes_rejections_through_in_input_order(dataset, sample):
    _, summary = dataset
    readers = [r for r in read_inputs([str(sample)]) if isinstance(r, Rejection)]
    assert summary.rejections == readers
    assert len(readers) == 1


def test_dask_parts_are_numbered_by_input_order_and_stale_parts_go(dataset):
    out, _ = dataset
    for part in ("events", "articles", "rejects"):
        assert sorted(p.name for p in (out / part).iterdir()) == [
            "part-00000.parquet", "part-00001.parquet", "part-00002.parquet"]


def test_dask_dataset_loads_like_a_direct_ingest_and_only_once(dataset, sample, tmp_path):
    out, _ = dataset
    with Store.open(tmp_path / "dask.duckdb") as loaded, Store.open(tmp_path / "direct.duckdb") as direct:
        first = load_parquet_into_store(out, loaded)
        ingested = ingest([str(sample)], direct)
        assert loaded.counts() == direct.counts()
        assert loaded.events() == direct.events()
        assert (first.ingested, first.events, first.duplicates) == (
            ingested.ingested, ingested.events, ingested.duplicates)
        assert ingested.rejected_total == 2  # the line that is not JSON, the reused id
        rejects = "SELECT origin, stage, reason FROM rejects ORDER BY ALL"
        assert loaded.sql(rejects) == direct.sql(rejects)

        again = load_parquet_into_store(out, loaded)
        assert loaded.counts() == direct.counts()
        assert (again.ingested, again.events, again.duplicates) == (0, 0, 13)


def test_dask_load_refuses_a_dataset_missing_parts(dataset, tmp_path):
    out, _ = dataset
    partial = tmp_path / "partial"
    shutil.copytree(out, partial)
    (partial / "rejects" / "part-00001.parquet").unlink()
    with Store.open(":memory:") as store:
        with pytest.raises(DetenteError, match="part-00001"):
            load_parquet_into_store(partial, store)
        assert store.counts()["articles"] == 0


def test_dask_address_must_be_a_scheduler_or_local_n(tmp_path):
    with pytest.raises(DetenteError, match="local:N"):
        code_on_dask([], "local:two", tmp_path)
