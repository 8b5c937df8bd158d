"""Files, directories, JSON Lines and stdin -> Articles, and Rejections for what cannot be read.

A batch never dies on one bad record: every problem becomes a `Rejection` naming the file,
the line and what to do, and the reader moves on.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

from detente.model import Article, Rejection

TEXT_SUFFIXES = frozenset({".txt", ".text", ".md"})
JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson"})
DEFAULT_MAX_BYTES = 10 * 1024 * 1024

Item = Article | Rejection


def parse_date(value: object) -> dt.date:
    """An ISO date or datetime ("2025-05-14", "2025-05-14T08:00:00Z"), or ValueError."""
    if not isinstance(value, str):
        raise ValueError(f"expected an ISO date string, got {type(value).__name__}")
    text = value.strip()
    try:
        return dt.date.fromisoformat(text[:10])
    except ValueError:
        raise ValueError(f"{value!r} is not an ISO date (YYYY-MM-DD)") from None


def read_inputs(paths: Iterable[str], max_bytes: int = DEFAULT_MAX_BYTES,
                default_date: dt.date | None = None) -> Iterator[Item]:
    """Articles from each path ("-" is stdin), in order, with a Rejection for each bad item."""
    for name in paths:
        if name == "-":
            yield from _read_stream(sys.stdin.buffer.read(max_bytes + 1), "<stdin>", max_bytes,
                                    default_date)
            continue
        path = Path(name)
        if path.is_dir():
            files = sorted(p for p in path.rglob("*") if p.is_file()
                           and p.suffix.lower() in TEXT_SUFFIXES | JSONL_SUFFIXES)
            if not files:
                yield Rejection(name, "read", "directory has no .txt, .md or .jsonl files")
            for file in files:
                yield from _read_file(file, max_bytes, default_date, root=path)
        elif path.is_file():
            yield from _read_file(path, max_bytes, default_date, root=path.parent)
        else:
            yield Rejection(name, "read", "no such file or directory")


def _read_file(path: Path, max_bytes: int, default_date: dt.date | None, root: Path) -> Iterator[Item]:
    origin = str(path)
    size = path.stat().st_size
    if path.suffix.lower() in JSONL_SUFFIXES:
        with path.open("rb") as handle:
            yield from read_jsonl(handle, origin, max_bytes, default_date)
        return
    if size > max_bytes:
        yield Rejection(origin, "read", f"file is {size / 1e6:.1f} MB, over the "
                        f"{max_bytes / 1e6:.0f} MB limit; split it or raise --max-bytes")
        return
    article_id = str(path.relative_to(root)) if path.is_relative_to(root) else path.name
    yield _text_article(path.read_bytes(), origin, article_id, default_date)


def _read_stream(data: bytes, origin: str, max_bytes: int, default_date: dt.date | None) -> Iterator[Item]:
    if len(data) > max_bytes:
        yield Rejection(origin, "read", f"input is over the {max_bytes / 1e6:.0f} MB limit; "
                        "split it or raise --max-bytes")
        return
    if data.lstrip()[:1] == b"{":
        yield from read_jsonl(data.splitlines(keepends=True), origin, max_bytes, default_date)
    else:
        yield _text_article(data, origin, "stdin", default_date)


def _decode(data: bytes, origin: str) -> str | Rejection:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        return Rejection(origin, "read", f"not UTF-8 text (bad byte 0x{data[exc.start]:02x} at "
                         f"offset {exc.start}); re-encode the file as UTF-8")


def _text_article(data: bytes, origin: str, article_id: str, default_date: dt.date | None) -> Item:
    text = _decode(data, origin)
    if isinstance(text, Rejection):
        return text
    if not text.strip():
        return Rejection(origin, "read", "empty text; nothing to code")
    return Article(id=article_id, text=text, date=default_date, origin=origin)


def read_jsonl(lines: Iterable[bytes], origin: str, max_bytes: int = DEFAULT_MAX_BYTES,
               default_date: dt.date | None = None) -> Iterator[Item]:
    """JSON Lines of {"id", "text", "date"?, "title"?, "url"?}; one Rejection per bad line."""
    for number, raw in enumerate(lines, 1):
        where = f"{origin}:{number}"
        if len(raw) > max_bytes:
            yield Rejection(where, "read", f"line is over the {max_bytes / 1e6:.0f} MB limit")
            continue
        line = _decode(raw, where)
        if isinstance(line, Rejection):
            yield line
            continue
        if not line.strip():
            continue
        yield from _record(line, where, number, default_date)


def _record(line: str, where: str, number: int, default_date: dt.date | None) -> Iterator[Item]:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        yield Rejection(where, "read", f"not valid JSON ({exc.msg} at column {exc.colno}); "
                        "fix or remove the line")
        return
    if not isinstance(record, dict):
        yield Rejection(where, "read", "expected a JSON object with a \"text\" field")
        return
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        problem = ("has no \"text\" field" if "text" not in record
                   else "field \"text\" is empty or not a string")
        yield Rejection(where, "read", f"record {problem}; every line needs the article text")
        return
    date = default_date
    if record.get("date") not in (None, ""):
        try:
            date = parse_date(record["date"])
        except ValueError as exc:
            # the text is still worth coding; events then carry no publication date
            yield Rejection(where, "date", f"field \"date\": {exc}; coded without a publication date")
            date = None
    article_id = str(record.get("id") or f"{where}")
    yield Article(id=article_id, text=text, date=date, title=str(record.get("title") or ""),
                  url=str(record.get("url") or ""), origin=where)
