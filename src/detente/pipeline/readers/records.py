"""Files of records -> Articles: JSON Lines, JSON (one object or a list), CSV.

A record has the article "text" and may have "id", "date", "title" and "url". Each bad line,
item or row becomes one Rejection named `file:LINE` (JSON Lines, CSV) or `file:#INDEX` (JSON),
and the rest of the file is still read.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from collections.abc import Iterable, Iterator, Mapping

from detente.model import Article, Rejection
from detente.pipeline.readers.documents import binary_rejection, decode, human_size

Item = Article | Rejection

CSV_TEXT_COLUMNS = ("text", "body", "content")
CSV_FIELD_COLUMNS = ("id", "date", "title", "url")


def parse_date(value: object) -> dt.date:
    """An ISO date or datetime ("2025-05-14", "2025-05-14T08:00:00Z"), or ValueError.

    >>> parse_date("2025-05-14T08:00:00Z")
    datetime.date(2025, 5, 14)
    """
    if not isinstance(value, str):
        raise ValueError(f"expected an ISO date string, got {type(value).__name__}")
    text = value.strip()
    try:
        return dt.date.fromisoformat(text[:10])
    except ValueError:
        raise ValueError(f"{value!r} is not an ISO date (YYYY-MM-DD)") from None


def read_jsonl(lines: Iterable[bytes], origin: str, max_bytes: int = 10 * 1024 * 1024,
               default_date: dt.date | None = None) -> Iterator[Item]:
    """JSON Lines of {"text", "id"?, "date"?, "title"?, "url"?}; one Rejection per bad line.

    Blank lines are not records; a file with no record at all is one Rejection.

    >>> [a.id for a in read_jsonl([b'{"id": "a1", "text": "Peru protested."}'], "in.jsonl")]
    ['a1']
    """
    records = 0
    for number, raw in enumerate(lines, 1):
        where = f"{origin}:{number}"
        if len(raw) > max_bytes:
            records += 1
            yield Rejection(where, "read", f"line is over the {human_size(max_bytes)} limit; "
                            "split the record or raise --max-bytes")
            continue
        line = decode(raw, where)
        if isinstance(line, Rejection):
            records += 1
            yield line
            continue
        if not line.strip():
            continue
        records += 1
        value = _parse_json(line, where, "fix or remove the line")
        if isinstance(value, Rejection):
            yield value
        else:
            yield from _record(value, where, where, "line", default_date)
    if not records:
        yield Rejection(origin, "read", "no JSON lines in the file; nothing to code")


def read_json(data: bytes, origin: str, article_id: str = "",
              default_date: dt.date | None = None) -> Iterator[Item]:
    """A JSON object {"text", ...} or a list of them; a bad item is rejected as `file:#INDEX`.

    An object without "id" gets `article_id` (default: `origin`); list items get `file:#INDEX`,
    counting from 0 as jq does.

    >>> [r.origin for r in read_json(b'[{"text": "Oman mediated."}, {}]', "in.json")]
    ['in.json:#0', 'in.json:#1']
    """
    text = binary_rejection(data, origin) or decode(data, origin)
    if isinstance(text, Rejection):
        yield text
        return
    if not text.strip():
        yield Rejection(origin, "read", "empty file; nothing to code")
        return
    value = _parse_json(text, origin, "fix the file")
    if isinstance(value, Rejection):
        yield value
    elif isinstance(value, list):
        if not value:
            yield Rejection(origin, "read", "empty JSON list; nothing to code")
        for index, item in enumerate(value):
            where = f"{origin}:#{index}"
            yield from _record(item, where, where, "item", default_date)
    elif isinstance(value, dict):
        yield from _record(value, origin, article_id or origin, "object", default_date)
    else:
        yield Rejection(origin, "read", f"expected a JSON object with a \"text\" field or a list of "
                        f"them, got {_json_type(value)}; write {{\"text\": \"...\"}} or [{{...}}, ...]")


def read_csv(data: bytes, origin: str, default_date: dt.date | None = None) -> Iterator[Item]:
    """CSV with a header row and a "text" (or "body", "content") column; one Rejection per bad row.

    Optional columns: id, date, title, url (header names are matched without regard to case).
    A row is named `file:LINE`, LINE being where the row starts in the file.

    >>> [a.title for a in read_csv(b"title,text\\nTalks,Iran hosted talks.\\n", "in.csv")]
    ['Talks']
    """
    text = binary_rejection(data, origin) or decode(data, origin)
    if isinstance(text, Rejection):
        yield text
        return
    # the file is already capped at max_bytes, so a field may be as long as the file
    csv.field_size_limit(max(csv.field_size_limit(), len(text)))
    # strict: a stray or unclosed quote is reported instead of silently swallowing rows
    rows = _csv_rows(csv.reader(io.StringIO(text, newline=""), strict=True), origin)
    header = next((row for _, row in rows if row), None)
    if header is None:
        yield Rejection(origin, "read", "empty CSV; it needs a header row with a \"text\" column")
        return
    if isinstance(header, Rejection):
        yield header  # no columns, so no row can be read
        return
    columns = [name.strip().lower() for name in header]
    text_column = next((name for name in CSV_TEXT_COLUMNS if name in columns), None)
    if text_column is None:
        yield Rejection(origin, "read", f"no text column: the columns are {_column_list(header)}; "
                        "name the article text column \"text\" (or \"body\", \"content\")")
        return
    empty = True
    for where, row in rows:
        if isinstance(row, Rejection):
            yield row
        elif row:  # a blank line is not a row
            yield from _csv_record(row, columns, text_column, where, default_date)
        empty = empty and not row
    if empty:
        yield Rejection(origin, "read", "CSV has a header but no rows; nothing to code")


def _csv_rows(reader, origin: str) -> Iterator[tuple[str, list[str] | Rejection]]:
    """(file:LINE, fields) for each row, or (file:LINE, Rejection) where the CSV is malformed."""
    while True:
        where = f"{origin}:{reader.line_num + 1}"
        try:
            yield where, next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            yield where, Rejection(where, "read", f"malformed CSV row ({exc}); quote fields that "
                                   "hold commas, quotes or line breaks, doubling inner quotes")


def _csv_record(row: list[str], columns: list[str], text_column: str, where: str,
                default_date: dt.date | None) -> Iterator[Item]:
    if len(row) != len(columns):
        yield Rejection(where, "read", f"row has {len(row)} fields, the header has {len(columns)}; "
                        "quote fields that hold commas")
        return
    record = dict(zip(columns, row, strict=True))
    if not record[text_column].strip():
        yield Rejection(where, "read", f"column \"{text_column}\" is empty; every row needs the "
                        "article text")
        return
    fields = {name: record[name].strip() for name in CSV_FIELD_COLUMNS if name in record}
    yield from _record({**fields, "text": record[text_column]}, where, where, "row", default_date)


def _column_list(header: list[str]) -> str:
    names = [f'"{" ".join(name.split())[:40]}"' for name in header[:12]]
    more = f" and {len(header) - 12} more" if len(header) > 12 else ""
    return ", ".join(names) + more


def _parse_json(text: str, where: str, fix: str) -> object:
    """The JSON value, or a Rejection saying where the JSON breaks."""
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        at = f"line {exc.lineno} column {exc.colno}" if exc.lineno > 1 else f"column {exc.colno}"
        problem = f"{exc.msg} at {at}"
    except ValueError as exc:  # e.g. an integer of more than 4300 digits
        problem = str(exc).split(";")[0]
    except RecursionError:
        problem = "nested too deeply"
    return Rejection(where, "read", f"not valid JSON ({problem}); {fix}")


def _record(record: object, where: str, fallback_id: str, unit: str,
            default_date: dt.date | None) -> Iterator[Item]:
    """One record -> an Article, or a Rejection; a bad date is reported and the text kept."""
    if not isinstance(record, Mapping):
        yield Rejection(where, "read", f"expected a JSON object with a \"text\" field, got "
                        f"{_json_type(record)}; write each {unit} as {{\"text\": \"...\"}}")
        return
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        problem = ("has no \"text\" field" if "text" not in record
                   else "field \"text\" is empty or not a string")
        yield Rejection(where, "read", f"record {problem}; every {unit} needs the article text")
        return
    date = default_date
    if record.get("date") not in (None, ""):
        try:
            date = parse_date(record["date"])
        except ValueError as exc:
            # the text is still worth coding; events then carry no publication date
            yield Rejection(where, "date", f"field \"date\": {exc}; coded without a publication date")
            date = None
    article_id = record.get("id")
    yield Article(id=fallback_id if article_id in (None, "") else str(article_id), text=text,
                  date=date, title=str(record.get("title") or ""),
                  url=str(record.get("url") or ""), origin=where,
                  outlet=str(record.get("outlet") or ""))


def _json_type(value: object) -> str:
    names = {dict: "an object", list: "a list", str: "a string", bool: "true/false",
             type(None): "null", int: "a number", float: "a number"}
    return names.get(type(value), type(value).__name__)
