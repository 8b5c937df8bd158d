"""One reader per input format; each turns bytes into Articles and Rejections and never raises.

`documents` reads whole documents (plain text, HTML); `records` reads files of records (JSON,
JSON Lines, CSV). Finding files, size limits and gzip are `detente.pipeline.ingest`'s job.
"""

from detente.pipeline.readers.documents import read_html, read_text
from detente.pipeline.readers.records import parse_date, read_csv, read_json, read_jsonl

__all__ = ["parse_date", "read_csv", "read_html", "read_json", "read_jsonl", "read_text"]
