"""Export stored events to CSV, JSON Lines or Parquet, with the filters `Store.events` takes."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import duckdb

from detente.errors import StoreError
from detente.store.db import Store
from detente.store.reader import event_filter, events_query
from detente.store.schema import EVENT_COLUMNS, row_record

FORMATS = ("csv", "jsonl", "parquet")
_BATCH = 2000


def export_events(store: Store, fmt: str, out: str | Path, **filters: Any) -> int:
    """Write the events matching `filters` to `out`; return how many were written.

    parquet: the `events` table's columns and types (offsets as eight integer columns, notes a
    list); csv: the same columns, notes joined by ";"; jsonl: one Event.to_record() object per
    line, plus `text_id`. The file appears only once complete.

    >>> export_events(store, "parquet", "events.parquet", actor="CHN", since="2024")  # doctest: +SKIP
    412
    """
    if fmt not in FORMATS:
        raise StoreError(f"export format {fmt!r} is not one of {', '.join(FORMATS)}")
    limit = filters.pop("limit", None)
    where, params = event_filter(**filters)
    out = Path(out)
    partial = out.with_name(f".{out.name}.partial")
    try:
        with store.reading() as cur:
            count = cur.execute(f"SELECT count(*) FROM events {where}", params).fetchall()[0][0]
            _WRITERS[fmt](cur, where, params, limit, partial)
        partial.replace(out)
    except (duckdb.Error, OSError) as exc:
        raise StoreError(f"{out}: cannot export ({str(exc).splitlines()[0]})") from None
    finally:
        partial.unlink(missing_ok=True)
    return int(count if limit is None else min(count, limit))


def _parquet(cur: duckdb.DuckDBPyConnection, where: str, params: list[object],
             limit: int | None, path: Path) -> None:
    query, more = events_query(", ".join(EVENT_COLUMNS), where, limit)
    cur.sql(query, params=params + more).write_parquet(str(path))


def _csv(cur: duckdb.DuckDBPyConnection, where: str, params: list[object],
         limit: int | None, path: Path) -> None:
    columns = ", ".join("array_to_string(notes, ';') AS notes" if column == "notes" else column
                        for column in EVENT_COLUMNS)
    query, more = events_query(columns, where, limit)
    cur.sql(query, params=params + more).write_csv(str(path), header=True)


def _jsonl(cur: duckdb.DuckDBPyConnection, where: str, params: list[object],
           limit: int | None, path: Path) -> None:
    query, more = events_query(", ".join(EVENT_COLUMNS), where, limit)
    result = cur.execute(query, params + more)
    with path.open("w", encoding="utf-8") as handle:
        while rows := result.fetchmany(_BATCH):
            handle.writelines(json.dumps(row_record(row), ensure_ascii=False) + "\n"
                              for row in rows)


_WRITERS: dict[str, Callable[[duckdb.DuckDBPyConnection, str, list[object], int | None, Path], None]] = {
    "csv": _csv, "jsonl": _jsonl, "parquet": _parquet,
}
