"""`Store`: one DuckDB file of articles, coded events, rejections and event groups.

DuckDB lets one process hold a file, so a store is opened by one detente process (an ingest
or `detente serve`) and other work goes through it. Within the process, each operation takes a
cursor of its own, so threads can share a Store; writes are serialised by a lock.
"""

from __future__ import annotations

import datetime as dt
import re
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from types import TracebackType

import duckdb

from detente.errors import StoreError, StoreLockedError
from detente.model import Article, Event, Rejection
from detente.store import reader, writer
from detente.store.schema import migrate, pending
from detente.store.writer import AddResult

DEFAULT_PATH = "detente.duckdb"


class Store:
    """The event store. Open it with `Store.open`, preferably as a context manager.

    >>> with Store.open(":memory:") as store:
    ...     store.counts()
    {'articles': 0, 'events': 0, 'event_groups': 0, 'rejects': 0}
    """

    def __init__(self, con: duckdb.DuckDBPyConnection, path: str, read_only: bool) -> None:
        self._con = con
        self.path = path
        self.read_only = read_only
        self._write_lock = threading.Lock()

    @classmethod
    def open(cls, path: str | Path = DEFAULT_PATH, read_only: bool = False) -> Store:
        """Open (read-write: create and upgrade) the store at `path`; ":memory:" for a scratch one."""
        where = str(path)
        con = _connect(where, read_only)
        try:
            missing = pending(con)
            if missing and read_only:
                raise StoreError(f"{where} needs schema migration {missing[0].name!r}; open it once "
                                 "read-write (an ingest does) to upgrade it")
            if missing:
                migrate(con)
        except BaseException:
            con.close()
            raise
        return cls(con, where, read_only)

    def close(self) -> None:
        self._con.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, kind: type[BaseException] | None, value: BaseException | None,
                 traceback: TracebackType | None) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"Store({self.path!r}{', read_only=True' if self.read_only else ''})"

    @contextmanager
    def reading(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """A cursor inside a READ ONLY transaction, for queries with bound parameters.

        >>> with Store.open(":memory:") as store, store.reading() as cur:
        ...     cur.execute("SELECT count(*) FROM events WHERE code = ?", ["190"]).fetchall()
        [(0,)]
        """
        with self._con.cursor() as cur:
            cur.execute("BEGIN TRANSACTION READ ONLY")
            try:
                yield cur
            finally:
                cur.execute("ROLLBACK")

    @contextmanager
    def writing(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """A cursor under the store's write lock (for bulk writers such as the Dask loader)."""
        if self.read_only:
            raise StoreError(f"{self.path} is open read-only; open it without read_only to write")
        with self._write_lock, self._con.cursor() as cur:
            yield cur

    def add(self, article: Article, events: Sequence[Event], outlet: str = "",
            language: str = "en") -> AddResult:
        """Store an article with its events in one transaction; the same text again adds nothing.

        `outlet` defaults to the host of the article's URL. `result.duplicate` says whether the
        text was stored already.
        """
        with self.writing() as cur:
            return writer.add_article(cur, article, events, outlet, language)

    def add_many(self, batch: Sequence[tuple[Article, Sequence[Event]]], outlet: str = "",
                 language: str = "en") -> list[AddResult]:
        """Store several articles with their events in one transaction (all or none)."""
        with self.writing() as cur:
            return writer.add_articles(cur, batch, outlet, language)

    def add_rejection(self, rejection: Rejection) -> None:
        """Record input that could not be coded; the same rejection again only updates its time."""
        with self.writing() as cur:
            writer.add_rejection(cur, rejection)

    def refresh_groups(self) -> int:
        """Recompute `event_groups` (one row per date, source, target, code); return their number."""
        with self.writing() as cur:
            return writer.refresh_groups(cur)

    def counts(self) -> dict[str, int]:
        """Rows per table: articles, events, event_groups, rejects."""
        with self.reading() as cur:
            return reader.counts(cur)

    def events(self, since: dt.date | str | None = None, until: dt.date | str | None = None,
               actor: str | None = None, country: str | None = None, code: str | None = None,
               limit: int | None = None, place: str | None = None) -> list[dict[str, object]]:
        """Stored events as Event.to_record() dicts plus `text_id` (the stored article's id).

        `since`/`until` are dates or "YYYY[-MM[-DD]]" and keep events whose (possibly partial)
        date overlaps them; `actor` and `code` are prefixes ("CHN", "19"); `actor` and `country`
        match source or target; `place` is the name of the event's location ("Donetsk").
        """
        with self.reading() as cur:
            return reader.read_events(cur, since=since, until=until, actor=actor,
                                      country=country, code=code, limit=limit, place=place)

    def stored_texts(self, text_ids: Sequence[str]) -> set[str]:
        """Which of these text ids are stored: one query for a whole batch."""
        with self.reading() as cur:
            return writer.stored_ids(cur, list(text_ids))

    def has_text(self, text_id: str) -> bool:
        """Whether an article with this text id is stored (so a rerun can skip it)."""
        with self.reading() as cur:
            found = cur.execute("SELECT count(*) FROM articles WHERE id = ?", [text_id]).fetchall()
            return bool(found[0][0])

    def article(self, text_id: str) -> dict[str, object] | None:
        """The stored article with this id (an event's `text_id`), or None."""
        with self.reading() as cur:
            return reader.article(cur, text_id)

    def sql(self, query: str, max_rows: int | None = None) -> tuple[list[str], list[tuple[object, ...]]]:
        """Run one read-only statement (SELECT, WITH, DESCRIBE, SHOW, EXPLAIN): (columns, rows).

        Anything else is refused before it runs, and the query runs in a READ ONLY transaction.
        """
        with self.reading() as cur:
            return reader.run_sql(cur, query, max_rows)

    def migrations(self) -> list[tuple[str, object]]:
        """The applied migrations: (name, applied_at), in order."""
        with self.reading() as cur:
            return cur.execute("SELECT name, applied_at FROM migrations ORDER BY name").fetchall()


_LOCK_HOLDER = re.compile(r"\(PID (\d+)\)")


def _connect(where: str, read_only: bool) -> duckdb.DuckDBPyConnection:
    try:
        return duckdb.connect(where, read_only=read_only)
    except duckdb.IOException as exc:
        message = str(exc)
        if "Could not set lock" in message:
            holder = _LOCK_HOLDER.search(message)
            pid = f" (PID {holder[1]})" if holder else ""
            raise StoreLockedError(
                f"{where} is in use by another detente process{pid} (a running `detente serve` or "
                "ingest); stop it, or send the articles through that process") from None
        if "does not exist" in message:
            raise StoreError(f"{where}: no store there; ingest some articles first, or check the "
                             "path") from None
        if "not a valid DuckDB database" in message:
            raise StoreError(f"{where} is not a detente store (not a DuckDB database); choose "
                             "another path") from None
        raise StoreError(f"{where}: cannot open the store ({message.splitlines()[0]})") from None
    except duckdb.Error as exc:
        # e.g. the same file already open in this process with the other read_only setting
        raise StoreError(f"{where}: cannot open the store ({str(exc).splitlines()[0]})") from None
