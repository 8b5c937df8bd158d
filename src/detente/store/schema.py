"""The store's schema, as named migrations, and the mapping between event records and rows.

Each migration runs once, in order, and is recorded in the `migrations` table, so opening a
database made by an older detente brings it up to date. Never edit a released migration: add
a new one at the end of MIGRATIONS.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import cast

import duckdb

from detente.errors import StoreError


@dataclass(frozen=True, slots=True)
class Migration:
    name: str
    statements: tuple[str, ...]


# Offsets are stored as eight integer columns: `[start, end)` of each span in the article.
OFFSET_SPANS = ("sentence", "trigger", "source", "target")
OFFSET_COLUMNS = tuple(f"{span}_{edge}" for span in OFFSET_SPANS for edge in ("start", "end"))

# The columns of `events`, in table order: the fields of Event.to_record() with `offsets`
# flattened, then `text_id`, the stored article's id (articles.id).
_BEFORE_OFFSETS = (
    "id", "article_id", "sentence_index", "sentence", "source", "target", "source_country",
    "target_country", "code", "root", "label", "plover", "plover_mode", "goldstein", "quad_class",
    "date", "date_precision", "date_text", "source_text", "target_text", "source_how",
    "target_how", "trigger",
)
_AFTER_OFFSETS = ("pattern_id", "confidence", "notes", "coder_version")
# The event's `location` record, flattened; added by a later migration, so they come last.
# All NULL when the event has no location.
LOCATION_FIELDS = ("name", "country", "admin1", "lat", "lon", "feature", "precision", "basis",
                   "text", "start", "end")
LOCATION_COLUMNS = tuple(f"location_{name}" for name in LOCATION_FIELDS)
EVENT_COLUMNS = _BEFORE_OFFSETS + OFFSET_COLUMNS + _AFTER_OFFSETS + ("text_id",) + LOCATION_COLUMNS
_FIRST_COLUMNS = EVENT_COLUMNS[:EVENT_COLUMNS.index("text_id") + 1]
_LOCATION_TYPES = {"location_lat": "DOUBLE", "location_lon": "DOUBLE",
                   "location_start": "INTEGER", "location_end": "INTEGER"}

_EVENT_TYPES = {
    "sentence_index": "INTEGER NOT NULL",
    "goldstein": "DOUBLE",
    "quad_class": "INTEGER",
    "confidence": "DOUBLE",
    "notes": "VARCHAR[] NOT NULL",
    **{column: "INTEGER NOT NULL" for column in OFFSET_COLUMNS},
}


def _events_table() -> str:
    columns = [
        f"{name} {_EVENT_TYPES.get(name, 'VARCHAR NOT NULL')}" for name in _FIRST_COLUMNS
    ]
    return "CREATE TABLE events (\n    " + ",\n    ".join(columns) + ",\n    PRIMARY KEY (id)\n)"


# One id per (date, source, target, code), computed the same way in the view and the table.
GROUP_ID = "substr(md5(concat_ws('|', e.date, e.source, e.target, e.code)), 1, 16)"

MIGRATIONS: tuple[Migration, ...] = (
    Migration("0001_articles_events_rejects", (
        """CREATE TABLE articles (
            id VARCHAR PRIMARY KEY,          -- detente.model.text_id(text)
            source_id VARCHAR NOT NULL,      -- the id the input gave (Article.id)
            url VARCHAR NOT NULL,
            title VARCHAR NOT NULL,
            outlet VARCHAR NOT NULL,
            published DATE,
            language VARCHAR NOT NULL,
            text VARCHAR NOT NULL,
            ingested_at TIMESTAMP NOT NULL   -- UTC
        )""",
        _events_table(),
        """CREATE TABLE rejects (
            origin VARCHAR NOT NULL,
            stage VARCHAR NOT NULL,
            reason VARCHAR NOT NULL,
            rejected_at TIMESTAMP NOT NULL,  -- UTC, the latest time (`at` is reserved in DuckDB)
            PRIMARY KEY (origin, stage, reason)
        )""",
    )),
    Migration("0002_event_groups_mentions", (
        # GDELT-style: a group is one real-world event, each events row one mention of it.
        """CREATE TABLE event_groups (
            group_id VARCHAR NOT NULL,
            date VARCHAR NOT NULL,
            source VARCHAR NOT NULL,
            target VARCHAR NOT NULL,
            code VARCHAR NOT NULL,
            num_mentions INTEGER NOT NULL,
            num_articles INTEGER NOT NULL,
            num_outlets INTEGER NOT NULL,    -- distinct non-empty outlets
            first_seen TIMESTAMP NOT NULL,   -- earliest ingested_at of its articles
            first_published DATE,            -- earliest publication date of its articles
            PRIMARY KEY (date, source, target, code)
        )""",
        f"""CREATE VIEW mentions AS
            SELECT e.id AS event_id, {GROUP_ID} AS group_id, e.date, e.source, e.target,
                   e.code, e.text_id, e.article_id, a.outlet, a.url, a.published,
                   a.ingested_at, e.sentence, e.trigger, e.confidence
            FROM events e JOIN articles a ON a.id = e.text_id""",
    )),
    Migration("0003_event_locations", tuple(
        f"ALTER TABLE events ADD COLUMN {column} {_LOCATION_TYPES.get(column, 'VARCHAR')}"
        for column in LOCATION_COLUMNS
    )),
    # An article's events are read by text id (the API's article answer, the mentions view):
    # an index lookup instead of a scan of every event (36 -> 11 ms at 1M events).
    Migration("0004_events_text_id_index", (
        "CREATE INDEX events_text_id ON events (text_id)",
    )),
)


def migrate(con: duckdb.DuckDBPyConnection,
            migrations: tuple[Migration, ...] = MIGRATIONS) -> list[str]:
    """Apply the migrations this database lacks, each in its own transaction; return their names.

    >>> migrate(duckdb.connect())  # doctest: +NORMALIZE_WHITESPACE
    ['0001_articles_events_rejects', '0002_event_groups_mentions', '0003_event_locations',
     '0004_events_text_id_index']
    """
    con.execute("CREATE TABLE IF NOT EXISTS migrations "
                "(name VARCHAR PRIMARY KEY, applied_at TIMESTAMP NOT NULL)")
    todo = pending(con, migrations)
    for migration in todo:
        con.execute("BEGIN TRANSACTION")
        try:
            for statement in migration.statements:
                con.execute(statement)
            con.execute("INSERT INTO migrations VALUES (?, ?)", [migration.name, utcnow()])
            con.execute("COMMIT")
        except BaseException:
            con.execute("ROLLBACK")
            raise
    return [migration.name for migration in todo]


def pending(con: duckdb.DuckDBPyConnection,
            migrations: tuple[Migration, ...] = MIGRATIONS) -> list[Migration]:
    """The migrations not yet applied; a database from a newer detente is an error."""
    exists = con.execute("SELECT count(*) FROM duckdb_tables() "
                         "WHERE table_name = 'migrations' AND schema_name = 'main'").fetchall()
    applied = ([row[0] for row in con.execute("SELECT name FROM migrations").fetchall()]
               if exists[0][0] else [])
    known = {migration.name for migration in migrations}
    unknown = sorted(set(applied) - known)
    if unknown:
        raise StoreError(f"the store has schema migration {unknown[-1]!r}, which this detente does "
                         "not know: it was written by a newer detente; upgrade detente")
    return [migration for migration in migrations if migration.name not in applied]


def utcnow() -> dt.datetime:
    """Now in UTC, without tzinfo, as the TIMESTAMP columns hold it."""
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


def record_row(record: dict[str, object], text_id: str) -> tuple[object, ...]:
    """An Event.to_record() dict as an `events` row, in EVENT_COLUMNS order."""
    offsets = cast(dict[str, list[int]], record["offsets"])
    flat = {f"{span}_{edge}": offsets[span][i]
            for span in OFFSET_SPANS for i, edge in enumerate(("start", "end"))}
    notes = list(cast(list[str], record["notes"]))
    location = cast(dict[str, object] | None, record.get("location"))
    where: dict[str, object] = dict.fromkeys(LOCATION_COLUMNS)
    if location:
        where.update({f"location_{name}": location.get(name) for name in LOCATION_FIELDS[:-2]})
        offsets_at = cast(list[int] | None, location.get("offsets"))
        if offsets_at:
            where["location_start"], where["location_end"] = offsets_at
    values = {**record, **flat, **where, "notes": notes, "text_id": text_id}
    return tuple(values[column] for column in EVENT_COLUMNS)


def row_record(row: tuple[object, ...]) -> dict[str, object]:
    """An `events` row (EVENT_COLUMNS order) as the Event.to_record() dict, plus `text_id`."""
    values = dict(zip(EVENT_COLUMNS, row, strict=True))
    offsets = {span: [values.pop(f"{span}_start"), values.pop(f"{span}_end")]
               for span in OFFSET_SPANS}
    text_id = values.pop("text_id")
    where = {name: values.pop(f"location_{name}") for name in LOCATION_FIELDS}
    record: dict[str, object] = {}
    for column, value in values.items():
        if column == "pattern_id":
            record["offsets"] = offsets
        if column == "coder_version":
            record["location"] = _location_record(where)
        record[column] = value
    record["text_id"] = text_id
    return record


def _location_record(where: dict[str, object]) -> dict[str, object] | None:
    if where["name"] is None:
        return None
    start, end = where.pop("start"), where.pop("end")
    return {**where, "offsets": [start, end] if start is not None else None}
