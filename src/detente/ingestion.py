"""Inputs -> coded articles -> the store, idempotently: the same text is never stored twice.

Each article is written with its events in one transaction, and texts already in the store
are skipped before they are coded, so a run that is killed at any point and started again
ends with the same store as a run that was never interrupted.
"""

from __future__ import annotations

import datetime as dt
import tempfile
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from detente.actors import ActorDictionary
from detente.engines import code_stream, code_stream_parallel
from detente.errors import StoreError
from detente.model import Article, Rejection, text_id
from detente.pipeline.coder import CodedArticle, Coder
from detente.pipeline.ingest import DEFAULT_MAX_BYTES, read_inputs
from detente.store import Store

# Articles per store transaction: a kill loses at most this many, and a rerun recodes them.
WRITE_BATCH = 32


@dataclass
class IngestSummary:
    ingested: int = 0
    duplicates: int = 0
    events: int = 0
    rejected: Counter[str] = field(default_factory=Counter)  # reason -> count

    @property
    def rejected_total(self) -> int:
        return sum(self.rejected.values())


def reason_kind(reason: str) -> str:
    """The kind of a rejection, for the summary: its reason up to the first detail."""
    return reason.split(";")[0].split(" (")[0].split(":")[0].strip()


def ingest(paths: Iterable[str], store: Store, workers: int = 1,
           dictionary: ActorDictionary | None = None, max_bytes: int = DEFAULT_MAX_BYTES,
           default_date: dt.date | None = None,
           on_article: Callable[[IngestSummary], None] | None = None) -> IngestSummary:
    """Read, code and store everything under `paths`; rejected input is stored with its reason."""
    summary = IngestSummary()
    items = skip_stored(read_inputs(paths, max_bytes=max_bytes, default_date=default_date), store,
                        lambda _: _count_duplicate(summary))
    if workers > 1:
        results = code_stream_parallel(items, workers, dictionary)
    else:
        results = code_stream(items, Coder(dictionary=dictionary))
    batch: list[CodedArticle] = []
    for result in results:
        if isinstance(result, Rejection):
            _reject(store, summary, result)
            continue
        batch.append(result)
        if len(batch) >= WRITE_BATCH:
            _write(store, batch, summary, on_article)
            batch = []
    _write(store, batch, summary, on_article)
    store.refresh_groups()
    return summary


def ingest_on_dask(paths: Iterable[str], store: Store, address: str,
                   dictionary: ActorDictionary | None = None,
                   default_date: dt.date | None = None) -> IngestSummary:
    """Like `ingest`, coding on a Dask cluster (docs/cluster.md): Parquet parts are written
    beside the store, where workers on other hosts can reach them, then loaded."""
    from detente.engines.dask import code_on_dask, load_parquet_into_store

    summary = IngestSummary()
    items = skip_stored(read_inputs(paths, default_date=default_date), store,
                        lambda _: _count_duplicate(summary))
    with tempfile.TemporaryDirectory(dir=Path(store.path).resolve().parent) as parts:
        run = code_on_dask(items, address, Path(parts), dictionary=dictionary)
        load = load_parquet_into_store(Path(parts), store)
    for rejection in run.rejections:
        _reject(store, summary, rejection)
    summary.ingested += load.ingested
    summary.events += load.events
    summary.duplicates += load.duplicates + run.duplicates
    return summary


def skip_stored(items: Iterable[Article | Rejection], store: Store,
                on_skipped: Callable[[Article], None]) -> Iterator[Article | Rejection]:
    """The items whose text is not stored yet (checked before coding, the slow part), one
    query per 64 articles; `on_skipped` hears of each stored one."""
    for chunk in _chunks(items, 64):
        stored = store.stored_texts([text_id(i.text) for i in chunk if isinstance(i, Article)])
        for item in chunk:
            if isinstance(item, Article) and text_id(item.text) in stored:
                on_skipped(item)
            else:
                yield item


def _count_duplicate(summary: IngestSummary) -> None:
    summary.duplicates += 1


def _write(store: Store, batch: list[CodedArticle], summary: IngestSummary,
           on_article: Callable[[IngestSummary], None] | None) -> None:
    """One transaction for the batch; if it fails, article by article to find the bad one."""
    if not batch:
        return
    try:
        results = store.add_many([(coded.article, coded.events) for coded in batch])
    except StoreError:
        results = []
        for coded in batch:
            try:
                results.append(store.add(coded.article, coded.events))
            except StoreError as exc:
                _reject(store, summary, Rejection(coded.article.origin or coded.article.id,
                                                  "store", str(exc)))
    for added in results:
        if added.duplicate:
            summary.duplicates += 1  # the same text twice within this run
        else:
            summary.ingested += 1
            summary.events += added.events
        if on_article is not None:
            on_article(summary)


def _chunks(items: Iterable[Article | Rejection], size: int) -> Iterator[list[Article | Rejection]]:
    chunk: list[Article | Rejection] = []
    for item in items:
        chunk.append(item)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _reject(store: Store, summary: IngestSummary, rejection: Rejection) -> None:
    store.add_rejection(rejection)
    summary.rejected[reason_kind(rejection.reason)] += 1
