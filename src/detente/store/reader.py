"""Reads: counts, filtered events, one article, and read-only SQL.

Filter values are always bound parameters; only fixed SQL text is ever put together here.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import duckdb

from detente.errors import InputError, StoreError
from detente.store.schema import EVENT_COLUMNS, row_record

TABLES = ("articles", "events", "event_groups", "rejects")

# An event's date may be partial ("1956", "2022-02"): it covers a period. ISO dates sort as
# strings, so the period ends on or after SINCE when the date is at least SINCE cut to the
# date's length ("2022" >= "2022"), and starts on or before UNTIL when the date is at most UNTIL
# ("2022" <= "2022-03-31"). Plain string comparisons let DuckDB skip row groups by their
# min/max, several times faster than casting every date. Dates shorter than a year never match.
_SINCE = "date >= ? AND date >= left(?, length(date))"
_UNTIL = "date <= ? AND length(date) >= 4"
STORE_ORDER = "date, text_id, sentence_index, trigger_start, id"  # date, then text order
MAX_TEXT = 1_000  # characters of a text filter
_PARTIAL_DATE = re.compile(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?")

# DESCRIBE, SHOW and SUMMARIZE parse as SELECT; WITH ... INSERT parses as INSERT.
_READ_STATEMENTS = {duckdb.StatementType.SELECT, duckdb.StatementType.EXPLAIN}


def event_filter(since: dt.date | str | None = None, until: dt.date | str | None = None,
                 actor: str | None = None, country: str | None = None,
                 code: str | None = None, place: str | None = None) -> tuple[str, list[object]]:
    """A WHERE clause (or "") and its parameters for the events table.

    `since`/`until` keep events whose date period overlaps [since, until] ("2022" as `until`
    means to the end of 2022); `actor` and `code` match code prefixes ("CHN" matches CHNGOV,
    "19" all of root 19); `actor` and `country` match the source or the target; `place` is
    the name of the event's location, exactly as stored ("Donetsk").

    >>> event_filter(country="CHN", code="19")
    ('WHERE (source_country = ? OR target_country = ?) AND starts_with(code, ?)', ['CHN', 'CHN', '19'])
    """
    clauses: list[str] = []
    params: list[object] = []
    if since is not None:
        first = _bound("since", since, end=False).isoformat()
        clauses.append(_SINCE)
        params += [first[:4], first]
    if until is not None:
        clauses.append(_UNTIL)
        params.append(_bound("until", until, end=True).isoformat())
    if actor:
        clauses.append("(starts_with(source, ?) OR starts_with(target, ?))")
        params += [actor, actor]
    if country:
        clauses.append("(source_country = ? OR target_country = ?)")
        params += [country, country]
    if code:
        clauses.append("starts_with(code, ?)")
        params.append(code)
    if place:
        clauses.append("location_name = ?")
        params.append(place)
    return ("WHERE " + " AND ".join(clauses) if clauses else ""), params


def text_filter(text: str) -> tuple[str, list[object]]:
    """A clause (and its parameter) keeping events whose sentence contains `text`, in any case.

    The text is matched literally: every ASCII character that is not a letter or digit is
    escaped, so `%`, `.` or a quote is only itself. A case-insensitive RE2 match reads the
    sentences once, about four times faster than `contains(lower(sentence), ...)`.

    >>> text_filter("water cannon.")
    ('regexp_matches(sentence, ?)', ['(?i)water\\\\x{20}cannon\\\\x{2e}'])
    """
    if len(text) > MAX_TEXT:
        # RE2 refuses patterns over a size limit (a DuckDB error, not an answer); a phrase this
        # long is no search anyway
        raise InputError(f"q: {len(text):,} characters; search for a phrase of at most {MAX_TEXT:,}")
    literal = "".join(char if char.isalnum() or not char.isascii() else "\\x{%x}" % ord(char)
                      for char in text)
    return "regexp_matches(sentence, ?)", ["(?i)" + literal]


def _bound(name: str, value: dt.date | str, end: bool) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    match = _PARTIAL_DATE.fullmatch(str(value).strip())
    try:
        if match is None:
            raise ValueError(value)
        year = int(match[1])
        if match[2] is None:
            return dt.date(year, 12, 31) if end else dt.date(year, 1, 1)
        first = dt.date(year, int(match[2]), 1)
        if match[3] is None:
            return (first + dt.timedelta(days=31)).replace(day=1) - dt.timedelta(days=1) if end else first
        return first.replace(day=int(match[3]))
    except ValueError:
        raise InputError(f"{name}: {value!r} is not a date; use YYYY-MM-DD, YYYY-MM or YYYY") from None


def events_query(columns: str, where: str, limit: int | None) -> tuple[str, list[object]]:
    """SELECT `columns` FROM events with a filter, in a stable order; LIMIT is a parameter too."""
    query = f"SELECT {columns} FROM events {where} ORDER BY {STORE_ORDER}"
    if limit is None:
        return query, []
    if isinstance(limit, bool) or not isinstance(limit, int) or limit < 0:
        raise InputError(f"limit: {limit!r} is not a count; use a whole number, 0 or more")
    return query + " LIMIT ?", [limit]


def read_events(cur: duckdb.DuckDBPyConnection, limit: int | None = None,
                **filters: Any) -> list[dict[str, object]]:
    """Events as Event.to_record() dicts plus `text_id`, filtered as `event_filter` says."""
    where, params = event_filter(**filters)
    query, limit_params = events_query(", ".join(EVENT_COLUMNS), where, limit)
    return [row_record(row) for row in cur.execute(query, params + limit_params).fetchall()]


def counts(cur: duckdb.DuckDBPyConnection) -> dict[str, int]:
    """Rows per table: {"articles": ..., "events": ..., "event_groups": ..., "rejects": ...}."""
    query = "SELECT " + ", ".join(f"(SELECT count(*) FROM {table})" for table in TABLES)
    return dict(zip(TABLES, cur.execute(query).fetchall()[0], strict=True))


def article(cur: duckdb.DuckDBPyConnection, key: str) -> dict[str, object] | None:
    """The stored article with this id (`text_id`), or None."""
    result = cur.execute("SELECT * FROM articles WHERE id = ?", [key])
    columns = [column[0] for column in result.description or ()]
    rows = result.fetchall()
    return dict(zip(columns, rows[0], strict=True)) if rows else None


def run_sql(cur: duckdb.DuckDBPyConnection, query: str,
            max_rows: int | None = None) -> tuple[list[str], list[tuple[object, ...]]]:
    """Run one read-only statement; `cur` must be inside a READ ONLY transaction."""
    try:
        statements = duckdb.extract_statements(query)
    except duckdb.Error as exc:
        raise StoreError(f"query: {_first_line(exc)}") from None
    if len(statements) != 1:
        raise StoreError(f"query: expected one statement, got {len(statements)}; "
                         "run them one at a time")
    if statements[0].type not in _READ_STATEMENTS:
        raise StoreError(f"query: {statements[0].type.name} is not allowed; the store's SQL is "
                         "read-only (SELECT, WITH, DESCRIBE, SHOW, SUMMARIZE, EXPLAIN)")
    try:
        result = cur.execute(statements[0])
        columns = [column[0] for column in result.description or ()]
        rows = result.fetchall() if max_rows is None else result.fetchmany(max_rows)
    except duckdb.Error as exc:
        raise StoreError(f"query: {_first_line(exc)}") from None
    return columns, rows


def _first_line(exc: Exception) -> str:
    return str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
