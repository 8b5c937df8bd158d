"""Files, directories and stdin -> Articles, and Rejections for what cannot be read.

Formats: plain text (.txt, .md), JSON Lines (.jsonl, .ndjson), JSON (.json), CSV (.csv), HTML
(.html, .htm), and any of these gzipped (`name.jsonl.gz`). This module finds the files, applies
the size limit and decompresses; `detente.pipeline.readers` turns the bytes into Articles.

A batch never dies on one bad record: every problem becomes a `Rejection` naming the file,
the line and what to do, and the reader moves on.
"""

from __future__ import annotations

import datetime as dt
import gzip
import io
import sys
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path

from detente.model import Article, Rejection
from detente.pipeline.readers import read_csv, read_html, read_json, read_text
from detente.pipeline.readers.documents import binary_rejection, human_size
from detente.pipeline.readers.records import parse_date, read_jsonl

__all__ = ["DEFAULT_MAX_BYTES", "parse_date", "read_inputs", "read_jsonl"]

TEXT_SUFFIXES = frozenset({".txt", ".text", ".md"})
JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson"})
JSON_SUFFIXES = frozenset({".json"})
CSV_SUFFIXES = frozenset({".csv"})
HTML_SUFFIXES = frozenset({".html", ".htm"})
READABLE_SUFFIXES = TEXT_SUFFIXES | JSONL_SUFFIXES | JSON_SUFFIXES | CSV_SUFFIXES | HTML_SUFFIXES
DEFAULT_MAX_BYTES = 10 * 1024 * 1024

Item = Article | Rejection


def read_inputs(paths: Iterable[str], max_bytes: int = DEFAULT_MAX_BYTES,
                default_date: dt.date | None = None) -> Iterator[Item]:
    """Articles from each path ("-" is stdin), in order, with a Rejection for each bad item.

    Directories are read recursively, skipping files of other kinds. `max_bytes` caps each
    file (after decompression) and each JSON line; `default_date` dates inputs that carry none.

    >>> [type(item).__name__ for item in read_inputs(["no-such-file.txt"])]
    ['Rejection']
    """
    for name in paths:
        if name == "-":
            yield from _read_stream(sys.stdin.buffer.read(max_bytes + 1), "<stdin>", max_bytes,
                                    default_date)
            continue
        path = Path(name)
        if path.is_dir():
            files = sorted(p for p in path.rglob("*") if p.is_file()
                           and _format(p)[0] in READABLE_SUFFIXES)
            if not files:
                yield Rejection(name, "read", "directory has no file detente reads (.txt, .md, "
                                ".jsonl, .ndjson, .json, .csv, .html, .htm, or these gzipped); "
                                "add some, or name a file to read it as text")
            for file in files:
                yield from _read_file(file, max_bytes, default_date, root=path)
        elif path.is_file():
            yield from _read_file(path, max_bytes, default_date, root=path.parent)
        else:
            yield Rejection(name, "read",
                            "no such file or folder; check the path, or name a folder of articles")


def _format(path: Path) -> tuple[str, bool]:
    """The suffix that says how to read the file, looking inside .gz, and whether it is gzipped."""
    if path.suffix.lower() == ".gz":
        return Path(path.stem).suffix.lower(), True
    return path.suffix.lower(), False


def _read_file(path: Path, max_bytes: int, default_date: dt.date | None, root: Path) -> Iterator[Item]:
    origin = str(path)
    suffix, gzipped = _format(path)
    try:
        if suffix in JSONL_SUFFIXES:
            with gzip.open(path, "rb") if gzipped else path.open("rb") as handle:
                yield from _read_jsonl_file(handle, origin, max_bytes, default_date)
            return
        data = _read_capped(path, gzipped, origin, max_bytes)
    except (EOFError, zlib.error, gzip.BadGzipFile) as exc:
        yield Rejection(origin, "read", f"truncated or corrupt gzip: {_one_line(exc)}; "
                        "re-download or re-compress it")
        return
    except OSError as exc:
        yield Rejection(origin, "read", f"cannot read the file ({exc.strerror or _one_line(exc)}); "
                        "check that it is readable")
        return
    if isinstance(data, Rejection):
        yield data
        return
    article_id = str(path.relative_to(root)) if path.is_relative_to(root) else path.name
    if suffix in HTML_SUFFIXES:
        yield from read_html(data, origin, article_id, default_date)
    elif suffix in JSON_SUFFIXES:
        yield from read_json(data, origin, article_id, default_date)
    elif suffix in CSV_SUFFIXES:
        yield from read_csv(data, origin, default_date)
    else:  # a file named on the command line is read as text whatever its suffix
        yield from read_text(data, origin, article_id, default_date)


def _read_capped(path: Path, gzipped: bool, origin: str, max_bytes: int) -> bytes | Rejection:
    """The file's bytes, decompressed if gzipped, or a Rejection once they pass max_bytes."""
    if not gzipped:
        size = path.stat().st_size
        if size > max_bytes:
            return Rejection(origin, "read", f"file is {human_size(size)}, over the "
                             f"{human_size(max_bytes)} limit; split it or raise --max-bytes")
        return path.read_bytes()
    with gzip.open(path, "rb") as handle:
        # read no more than the limit allows, so a gzip bomb cannot fill memory
        data = handle.read(max_bytes + 1)
    if len(data) > max_bytes:
        return Rejection(origin, "read", f"decompresses to over the {human_size(max_bytes)} limit; "
                         "split it or raise --max-bytes")
    return data


def _read_jsonl_file(handle: io.BufferedReader | gzip.GzipFile, origin: str, max_bytes: int,
                     default_date: dt.date | None) -> Iterator[Item]:
    binary = _peek_binary(handle, origin)
    if binary:
        yield binary
        return
    yield from read_jsonl(_bounded_lines(handle, max_bytes), origin, max_bytes, default_date)


def _peek_binary(handle: io.BufferedReader | gzip.GzipFile, origin: str) -> Rejection | None:
    # the first block is enough to tell a binary file, without reading it all
    return binary_rejection(handle.peek(8192)[:8192], origin)


def _bounded_lines(handle: io.BufferedReader | gzip.GzipFile, max_bytes: int) -> Iterator[bytes]:
    """Lines of the file; a line longer than max_bytes is cut to max_bytes + 1 bytes, so that
    it is rejected as too long without ever being held in memory whole."""
    while line := handle.readline(max_bytes + 1):
        if len(line) > max_bytes and not line.endswith(b"\n"):
            while (rest := handle.readline(max_bytes + 1)) and not rest.endswith(b"\n"):
                pass
        yield line


def _read_stream(data: bytes, origin: str, max_bytes: int, default_date: dt.date | None) -> Iterator[Item]:
    if len(data) > max_bytes:
        yield Rejection(origin, "read", f"input is over the {human_size(max_bytes)} limit; "
                        "split it or raise --max-bytes")
        return
    if data.lstrip()[:1] == b"{":
        yield from read_jsonl(data.splitlines(keepends=True), origin, max_bytes, default_date)
    else:
        yield from read_text(data, origin, "stdin", default_date)


def _one_line(exc: BaseException) -> str:
    return " ".join(str(exc).split()) or type(exc).__name__
