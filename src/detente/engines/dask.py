"""Run the coder on a Dask cluster; each partition of articles becomes Parquet part files.

The only module that imports dask, and only when a run starts, so `load_parquet_into_store`
works without the `dask` extra (on the host that gathers a cluster's output, say).

A run writes one dataset under `parquet_dir`, one part per partition of `partition_size` inputs:

    events/part-00000.parquet     the store's `events` columns (EVENT_COLUMNS)
    articles/part-00000.parquet   the store's `articles` columns, then `origin` (file and line)
                                  and `coded_at` in place of `ingested_at`
    rejects/part-00000.parquet    origin, stage, reason, rejected_at

Partitions are numbered in input order, so a rerun over the same input overwrites the same
parts. Each worker process loads one Coder and keeps it in this module (a cache defined in a
script's `__main__` would be pickled with every task and reload the model each time).

    >>> summary = code_on_dask(read_inputs(["news.jsonl"]), "local:2", Path("out"))  # doctest: +SKIP
    >>> load_parquet_into_store(Path("out"), store)  # doctest: +SKIP
"""

from __future__ import annotations

import hashlib
import itertools
import os
import re
import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING

import duckdb

from detente.actors import ActorDictionary
from detente.engines.guarded import code_guarded
from detente.errors import DetenteError, StoreError
from detente.model import CODER_VERSION, Article, Rejection
from detente.pipeline.coder import CodedArticle, Coder
from detente.store import Store
from detente.store.schema import EVENT_COLUMNS, migrate, utcnow
from detente.store.writer import add_article, add_rejection, transaction

if TYPE_CHECKING:
    from distributed import Client, Future

__all__ = ["DaskRunSummary", "LoadSummary", "code_on_dask", "load_parquet_into_store"]

PARTS = ("events", "articles", "rejects")
_ARTICLE_COLUMNS = ("id", "source_id", "url", "title", "outlet", "published", "language", "text")
# What each part holds, read from a scratch store of the store's own schema.
_PART_QUERIES = {
    "events": f"SELECT {', '.join(EVENT_COLUMNS)} FROM events ORDER BY id",
    "articles": f"SELECT {', '.join(_ARTICLE_COLUMNS)}, origin, ingested_at AS coded_at "
                "FROM articles JOIN origins USING (id) ORDER BY id",
    "rejects": "SELECT origin, stage, reason, rejected_at FROM rejects ORDER BY ALL",
}
_PART_NAME = re.compile(r"part-(\d+)\.parquet$")

# One Coder per worker process, keyed by the dictionary it was built with.
_CODERS: dict[str, Coder] = {}
# Coder is not documented as thread-safe: a worker with several threads codes one partition
# at a time (run workers with --nthreads 1).
_CODER_LOCK = threading.Lock()


@dataclass
class DaskRunSummary:
    """What `code_on_dask` wrote: counts, and every rejection in input order."""

    partitions: int = 0
    articles: int = 0
    events: int = 0
    duplicates: int = 0  # the same text twice within one partition; written once
    rejections: list[Rejection] = field(default_factory=list)


@dataclass
class LoadSummary:
    """What `load_parquet_into_store` did. `duplicates`: texts stored already or in an earlier
    part; `rejects`: reject rows written or refreshed."""

    ingested: int = 0
    duplicates: int = 0
    events: int = 0
    rejects: int = 0


@dataclass(frozen=True, slots=True)
class _PartitionResult:
    index: int
    articles: int
    events: int
    duplicates: int
    rejections: list[Rejection]


# -- the coordinator ------------------------------------------------------------------------
def code_on_dask(articles: Iterable[Article | Rejection], address: str, parquet_dir: Path,
                 partition_size: int = 50,
                 dictionary: ActorDictionary | None = None) -> DaskRunSummary:
    """Code `articles` on the cluster at `address` into a Parquet dataset under `parquet_dir`.

    `address` is a scheduler ("tcp://host:8786") or "local:N" for N local worker processes.
    `parquet_dir` must mean the same directory on every worker (or be local to each, see
    docs/cluster.md). Parts left from a longer earlier run are removed at the end.
    """
    if partition_size < 1:
        raise DetenteError(f"partition size {partition_size}: give a positive number of articles")
    where = str(Path(parquet_dir).absolute())
    key = _dictionary_key(dictionary)
    results: dict[int, _PartitionResult] = {}
    with _client(address) as client:
        _check_workers(client, address)
        shared = client.scatter(dictionary, broadcast=True) if dictionary is not None else None
        # a few partitions per worker thread in flight: workers never wait, memory stays flat
        limit = max(2, 2 * sum(client.nthreads().values()))
        pending = _distributed().as_completed()
        count = 0
        for index, partition in enumerate(_partitions(articles, partition_size)):
            pending.add(client.submit(_code_partition, index, partition, where, key, shared,
                                      pure=False))
            count = index + 1
            while pending.count() >= limit:
                _collect(next(pending), results)
        for future in pending:
            _collect(future, results)
        client.run(_remove_parts_from, where, count)
    return _summary(count, [results[index] for index in sorted(results)])


def _summary(partitions: int, results: list[_PartitionResult]) -> DaskRunSummary:
    return DaskRunSummary(
        partitions=partitions, articles=sum(r.articles for r in results),
        events=sum(r.events for r in results), duplicates=sum(r.duplicates for r in results),
        rejections=[rejection for r in results for rejection in r.rejections])


def _collect(future: Future[_PartitionResult], results: dict[int, _PartitionResult]) -> None:
    result = future.result()
    results[result.index] = result


def _distributed() -> ModuleType:
    try:
        import distributed
    except ModuleNotFoundError:
        raise DetenteError("running on Dask needs the dask extra: pip install 'detente[dask]'") from None
    return distributed


@contextmanager
def _client(address: str) -> Iterator[Client]:
    distributed = _distributed()
    if not address.startswith("local:"):
        try:
            client = distributed.Client(address)
        except (OSError, ValueError) as exc:
            raise DetenteError(f"cannot reach the Dask scheduler at {address!r} ({exc}); start "
                               "`dask scheduler` there, or give local:N to run N local workers") from None
        with client:
            yield client
        return
    workers = address.removeprefix("local:")
    if not workers.isdigit() or int(workers) < 1:
        raise DetenteError(f"{address!r}: give local:N with N a positive number of worker processes")
    with distributed.LocalCluster(n_workers=int(workers), threads_per_worker=1, processes=True,
                                  dashboard_address=None) as cluster, \
            distributed.Client(cluster) as client:
        yield client


def _check_workers(client: Client, address: str) -> None:
    """Fail early, with the fix, when a worker runs another detente (other events ids)."""
    try:
        versions = client.run(_coder_version)
    except ModuleNotFoundError:
        raise DetenteError(f"workers of {address} cannot import detente: install detente with the "
                           "dask extra on every worker host, with the same Python") from None
    other = {worker: version for worker, version in versions.items() if version != CODER_VERSION}
    if other:
        worker, version = next(iter(other.items()))
        raise DetenteError(f"worker {worker} runs detente coder {version}, this host {CODER_VERSION}; "
                           "install the same detente on every host")


def _coder_version() -> str:
    return CODER_VERSION


def _dictionary_key(dictionary: ActorDictionary | None) -> str:
    if dictionary is None:
        return "builtin"
    content = repr((dictionary.entries, dictionary.sectors)).encode("utf-8")
    return hashlib.sha1(content).hexdigest()


def _partitions(items: Iterable[Article | Rejection], size: int) -> Iterator[list[Article | Rejection]]:
    iterator = iter(items)
    while partition := list(itertools.islice(iterator, size)):
        yield partition


# -- on a worker ----------------------------------------------------------------------------
def _code_partition(index: int, items: list[Article | Rejection], parquet_dir: str, key: str,
                    dictionary: ActorDictionary | None) -> _PartitionResult:
    """Code one partition and write its three parts; what could not be coded is a rejection."""
    with _CODER_LOCK:
        coder = _coder(key, dictionary)
        coded, failed = _code_articles(coder, [i for i in items if isinstance(i, Article)])
    rejections = [i for i in items if isinstance(i, Rejection)] + failed
    # a scratch store of the store's own schema and writer makes the rows an ingest would
    con = duckdb.connect()
    try:
        migrate(con)
        con.execute("CREATE TEMP TABLE origins (id VARCHAR PRIMARY KEY, origin VARCHAR NOT NULL)")
        stored, duplicates, events = 0, 0, 0
        for result in coded:
            try:
                added = add_article(con, result.article, result.events)
            except StoreError as exc:
                rejections.append(Rejection(_origin(result.article), "store", str(exc)))
                continue
            if not added.duplicate:
                con.execute("INSERT INTO origins VALUES (?, ?)", [added.text_id, result.article.origin])
            duplicates += added.duplicate
            stored += not added.duplicate
            events += added.events
        for rejection in rejections:
            add_rejection(con, rejection)
        for part, query in _PART_QUERIES.items():
            _write_part(con, query, Path(parquet_dir) / part / f"part-{index:05d}.parquet")
    finally:
        con.close()
    return _PartitionResult(index, stored, events, duplicates, rejections)


def _coder(key: str, dictionary: ActorDictionary | None) -> Coder:
    if key not in _CODERS:
        _CODERS.clear()  # a new dictionary replaces the old model rather than adding one
        coder = Coder(dictionary=dictionary)
        coder.setup()
        _CODERS[key] = coder
    return _CODERS[key]


def _code_articles(coder: Coder, articles: list[Article]) -> tuple[list[CodedArticle], list[Rejection]]:
    results = code_guarded(coder, articles)
    return ([r for r in results if isinstance(r, CodedArticle)],
            [r for r in results if isinstance(r, Rejection)])


def _origin(article: Article) -> str:
    return article.origin or article.id


def _write_part(con: duckdb.DuckDBPyConnection, query: str, path: Path) -> None:
    # written aside and renamed, so a killed worker never leaves half a part behind
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(path.name + ".tmp")
    con.execute(f"COPY ({query}) TO {_quote(str(partial))} (FORMAT PARQUET)")
    os.replace(partial, path)


def _quote(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def _remove_parts_from(parquet_dir: str, first: int) -> None:
    """Remove parts numbered `first` and above (left by an earlier, longer run) and leftovers."""
    for part in PARTS:
        folder = Path(parquet_dir) / part
        for path in folder.glob("part-*") if folder.is_dir() else ():
            number = _PART_NAME.search(path.name)
            if number is None or int(number[1]) >= first:
                path.unlink(missing_ok=True)


# -- back into the store --------------------------------------------------------------------
def load_parquet_into_store(parquet_dir: Path, store: Store) -> LoadSummary:
    """Add a dataset written by `code_on_dask` to `store`, in one transaction; again adds nothing.

    Articles whose text is stored already are skipped with their events; a text in several
    parts is taken from the first. An article whose event ids clash with stored ones (another
    text under the same article id) is rejected, as `detente ingest` does.
    """
    files = _dataset(Path(parquet_dir))
    summary = LoadSummary()
    if files["articles"]:
        # the store's own write cursor (its lock and read-only check) around the bulk SQL
        with store.writing() as cur, transaction(cur):
            _stage(cur, files["articles"], files["events"])
            summary = _insert_articles(cur, files["articles"])
            summary.rejects += _insert_rejects(cur, files["rejects"])
    store.refresh_groups()
    return summary


def _dataset(parquet_dir: Path) -> dict[str, list[str]]:
    """The part files of each kind, in part order; each partition must have all three."""
    if not parquet_dir.is_dir():
        raise DetenteError(f"{parquet_dir}: no such directory; give the --parquet directory of a "
                           "Dask run")
    numbers = {part: _part_numbers(parquet_dir / part) for part in PARTS}
    every = set().union(*numbers.values())
    for part, found in numbers.items():
        if missing := sorted(every - found.keys()):
            raise DetenteError(f"{parquet_dir / part} lacks part-{missing[0]:05d}.parquet (and "
                               f"{len(missing) - 1} more): gather every worker's parts into one "
                               "directory, or run the coding again")
    return {part: [found[n] for n in sorted(found)] for part, found in numbers.items()}


def _part_numbers(folder: Path) -> dict[int, str]:
    paths = folder.glob("part-*.parquet") if folder.is_dir() else iter(())
    return {int(m[1]): str(p) for p in paths if (m := _PART_NAME.search(p.name))}


def _part_number(column: str) -> str:
    return rf"CAST(regexp_extract({column}, 'part-(\d+)\.parquet$', 1) AS INTEGER)"


def _stage(cur: duckdb.DuckDBPyConnection, articles: list[str], events: list[str]) -> None:
    """Temp tables: the new texts (first copy of each), their events, and the clashing texts."""
    cur.execute(f"""
        CREATE TEMP TABLE load_articles AS
        SELECT * EXCLUDE (filename), {_part_number('filename')} AS part
        FROM read_parquet(?, filename = true)
        WHERE id NOT IN (SELECT id FROM articles)
        QUALIFY row_number() OVER (PARTITION BY id ORDER BY part) = 1""", [articles])
    cur.execute(f"""
        CREATE TEMP TABLE load_events AS
        SELECT e.* EXCLUDE (filename)
        FROM (SELECT *, {_part_number('filename')} AS part FROM read_parquet(?, filename = true)) e
        SEMI JOIN load_articles a ON a.id = e.text_id AND a.part = e.part""", [events])
    # an event id stored already, or taken by an earlier part: another text, same article id
    cur.execute("""
        CREATE TEMP TABLE load_clashes AS
        SELECT DISTINCT a.id, a.source_id, a.origin
        FROM load_events e JOIN load_articles a ON a.id = e.text_id
        WHERE e.id IN (SELECT id FROM events)
           OR EXISTS (SELECT 1 FROM load_events f WHERE f.id = e.id AND f.part < e.part)""")


def _insert_articles(cur: duckdb.DuckDBPyConnection, articles: list[str]) -> LoadSummary:
    seen = _count(cur, "SELECT count(*) FROM read_parquet(?)", [articles])
    columns = ", ".join(_ARTICLE_COLUMNS)
    ingested = _count(cur, f"INSERT INTO articles ({columns}, ingested_at) SELECT {columns}, ? "
                      "FROM load_articles WHERE id NOT IN (SELECT id FROM load_clashes) ORDER BY part",
                      [utcnow()])
    columns = ", ".join(EVENT_COLUMNS)
    events = _count(cur, f"INSERT INTO events ({columns}) SELECT {columns} FROM load_events "
                    "WHERE text_id NOT IN (SELECT id FROM load_clashes) ORDER BY part, id")
    clashes = cur.execute("SELECT source_id, origin FROM load_clashes ORDER BY ALL").fetchall()
    for source_id, origin in clashes:
        # the words of writer.add_articles, so the rejects table reads as after an ingest
        _reject(cur, Rejection(origin or source_id, "store", (
            "an event id is already stored for another text with the same article id "
            f"({source_id}...); give each article a unique id")))
    return LoadSummary(ingested=ingested, duplicates=seen - ingested - len(clashes), events=events,
                       rejects=len(clashes))


def _reject(cur: duckdb.DuckDBPyConnection, rejection: Rejection) -> None:
    # writer.add_rejection runs a transaction of its own; this runs inside the load's
    cur.execute("INSERT INTO rejects VALUES (?, ?, ?, ?) "
                "ON CONFLICT DO UPDATE SET rejected_at = excluded.rejected_at",
                [rejection.origin, rejection.stage, rejection.reason, utcnow()])


def _insert_rejects(cur: duckdb.DuckDBPyConnection, rejects: list[str]) -> int:
    # one row per key: ON CONFLICT cannot update one row twice in a statement
    return _count(cur, """
        INSERT INTO rejects
        SELECT DISTINCT origin, stage, reason, ? FROM read_parquet(?)
        ON CONFLICT DO UPDATE SET rejected_at = excluded.rejected_at""", [utcnow(), rejects])


def _count(cur: duckdb.DuckDBPyConnection, query: str, parameters: list[object] | None = None) -> int:
    """The one number a count or an INSERT (rows written) returns."""
    return int(cur.execute(query, parameters or []).fetchall()[0][0])
