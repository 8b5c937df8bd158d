"""Reading inputs: every bad item becomes a Rejection naming where it is, the rest is read."""

import json

from detente.model import Article, Rejection
from detente.pipeline.ingest import read_inputs


def _write_jsonl(path, lines):
    path.write_bytes(b"\n".join(lines) + b"\n")
    return path


def test_ingest_jsonl_keeps_good_records_and_names_bad_lines(tmp_path):
    good = json.dumps({"id": "a1", "text": "Russia attacked Ukraine.", "date": "2025-01-02",
                       "title": "t", "url": "https://example.org/a1"}).encode()
    path = _write_jsonl(tmp_path / "in.jsonl", [
        good,
        b"{not json",
        json.dumps({"id": "x"}).encode(),
        json.dumps({"id": "e", "text": "   "}).encode(),
        json.dumps({"id": "d", "text": "Text.", "date": "2025-13-45"}).encode(),
        b"\xff\xfe{\"text\": 1}",
        b"[1, 2]",
    ])
    items = list(read_inputs([str(path)]))
    articles = [i for i in items if isinstance(i, Article)]
    rejections = [i for i in items if isinstance(i, Rejection)]
    assert [a.id for a in articles] == ["a1", "d"]
    assert articles[0].date.isoformat() == "2025-01-02" and articles[0].url.endswith("a1")
    assert articles[1].date is None  # bad date: coded without one, and reported
    assert [r.origin.rsplit(":", 1)[1] for r in rejections] == ["2", "3", "4", "5", "6", "7"]
    reasons = " | ".join(r.reason for r in rejections)
    assert "not valid JSON" in reasons and "no \"text\" field" in reasons
    assert "not an ISO date" in reasons and "not UTF-8" in reasons
    assert all("\n" not in r.reason for r in rejections)


def test_ingest_directory_of_text_files_uses_file_names_as_ids(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "one.txt").write_text("Japan protested to China.", "utf-8")
    (tmp_path / "sub" / "two.md").write_text("Kenya hosted talks.", "utf-8")
    (tmp_path / "empty.txt").write_text("", "utf-8")
    (tmp_path / "binary.txt").write_bytes(b"\x00\xff\xfe\x00")
    (tmp_path / "ignored.bin").write_bytes(b"\x00")
    items = list(read_inputs([str(tmp_path)]))
    assert sorted(i.id for i in items if isinstance(i, Article)) == ["one.txt", "sub/two.md"]
    reasons = sorted(i.reason.split(";")[0].split(" (")[0] for i in items if isinstance(i, Rejection))
    assert reasons == ["empty text", "not UTF-8 text"]


def test_ingest_oversized_file_is_rejected_not_read(tmp_path):
    big = tmp_path / "big.txt"
    big.write_bytes(b"word " * 2000)
    items = list(read_inputs([str(big)], max_bytes=1000))
    assert len(items) == 1 and isinstance(items[0], Rejection)
    assert "over the" in items[0].reason and "--max-bytes" in items[0].reason


def test_ingest_missing_path_is_a_rejection(tmp_path):
    items = list(read_inputs([str(tmp_path / "nope.txt")]))
    assert items == [Rejection(str(tmp_path / "nope.txt"), "read", "no such file or directory")]
