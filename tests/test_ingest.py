"""Reading inputs: every bad item becomes a Rejection naming where it is, the rest is read."""

import csv
import datetime as dt
import gzip
import io
import json
import tempfile
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from detente.model import Article, Rejection
from detente.pipeline.ingest import read_inputs, read_jsonl
from detente.pipeline.readers import read_csv, read_json


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
    assert items == [Rejection(str(tmp_path / "nope.txt"), "read",
                               "no such file or folder; check the path, or name a folder of articles")]


# --- one test per format ---------------------------------------------------------------------

ARTICLE_PAGE = """<!doctype html>
<html><head><meta charset="utf-8">
<title>Valdoria and Ostrenia agree to river talks | The Example Herald</title>
<meta property="og:title" content="Valdoria and Ostrenia agree to river talks">
<meta property="article:published_time" content="2024-03-05T09:00:00Z">
<link rel="canonical" href="https://news.example.org/world/valdoria-ostrenia-talks">
</head><body>
<header><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav></header>
<div class="cookie-banner">We use cookies to improve your experience. <button>Accept</button></div>
<article><h1>Valdoria and Ostrenia agree to river talks</h1>
<p>The foreign minister of Valdoria met her counterpart from Ostrenia on Tuesday to discuss the
disputed river border, officials in both capitals said.</p>
<p>Both governments agreed to resume formal negotiations next month, according to a joint
statement released after the meeting.</p></article>
<footer><p>Copyright 2019 The Example Herald. All rights reserved.</p></footer>
</body></html>
"""

MENU_ONLY_PAGE = """<html><head><title>The Example Herald - Home</title></head><body>
<header><nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li></ul></nav></header>
<div id="cookie-banner">We use cookies. <button>Accept</button></div><script>start();</script>
<footer><p>Copyright 2024 The Example Herald</p><a href="/privacy">Privacy</a></footer></body></html>
"""


def _split(items):
    return ([i for i in items if isinstance(i, Article)], [i for i in items if isinstance(i, Rejection)])


def test_ingest_json_object_is_one_article_named_after_the_file(tmp_path):
    path = tmp_path / "talks.json"
    path.write_text(json.dumps({"text": "Peru recalled its envoy from Bolivia.", "date": "2024-02-01",
                                "title": "Envoy recalled", "url": "https://example.org/p",
                                "outlet": "Example Wire"}), "utf-8")
    [article] = read_inputs([str(path)])
    assert article == Article(id="talks.json", text="Peru recalled its envoy from Bolivia.",
                              date=dt.date(2024, 2, 1), title="Envoy recalled",
                              url="https://example.org/p", origin=str(path), outlet="Example Wire")


def test_ingest_json_list_reads_each_item_and_names_bad_ones_by_index(tmp_path):
    path = tmp_path / "batch.json"
    path.write_text(json.dumps([
        {"id": 7, "text": "Ghana hosted a summit."},
        {"id": "no-text", "title": "Missing"},
        "just a string",
        {"text": "Togo sent observers."},
    ]), "utf-8")
    articles, rejections = _split(list(read_inputs([str(path)])))
    assert [a.id for a in articles] == ["7", f"{path}:#3"]
    assert [r.origin for r in rejections] == [f"{path}:#1", f"{path}:#2"]
    assert "no \"text\" field" in rejections[0].reason and "got a string" in rejections[1].reason


def test_ingest_csv_reads_a_body_column_and_names_bad_rows_by_their_line(tmp_path):
    path = tmp_path / "wire.csv"
    path.write_bytes("\ufeffID,Date,Body,Outlet\n"
                     "w1,2024-06-01,\"Mali expelled a French diplomat,\nofficials said.\",Wire\n"
                     "w2,2024-06-02,,Wire\n"
                     "\n"
                     "w3,2024-06-03,Niger closed its airspace.,Wire,extra\n"
                     "w4,,Chad reopened the road.,Wire\n".encode())
    articles, rejections = _split(list(read_inputs([str(path)], default_date=dt.date(2024, 1, 1))))
    assert [(a.id, a.date) for a in articles] == [("w1", dt.date(2024, 6, 1)), ("w4", dt.date(2024, 1, 1))]
    assert articles[0].text == "Mali expelled a French diplomat,\nofficials said."
    assert [(r.origin, r.reason.split(";")[0]) for r in rejections] == [
        (f"{path}:4", "column \"body\" is empty"),
        (f"{path}:6", "row has 5 fields, the header has 4"),
    ]


def test_ingest_csv_without_a_text_column_is_one_rejection_listing_the_columns(tmp_path):
    path = tmp_path / "wrong.csv"
    path.write_text("id,headline,published\n1,Talks,2024-01-01\n2,More talks,2024-01-02\n", "utf-8")
    [rejection] = read_inputs([str(path)])
    assert rejection.origin == str(path)
    assert rejection.reason.startswith('no text column: the columns are "id", "headline", "published"')
    assert '"text"' in rejection.reason.split(";")[1]


def test_ingest_html_keeps_the_article_and_its_metadata_and_drops_the_page_furniture(tmp_path):
    path = tmp_path / "pages" / "talks.html"
    path.parent.mkdir()
    path.write_text(ARTICLE_PAGE, "utf-8")
    [article] = read_inputs([str(tmp_path)])
    assert article.id == "pages/talks.html"
    assert article.title == "Valdoria and Ostrenia agree to river talks"
    assert article.date == dt.date(2024, 3, 5)  # from the page's metadata, not the 2019 footer
    assert article.url == "https://news.example.org/world/valdoria-ostrenia-talks"
    assert "disputed river border" in article.text and "joint" in article.text
    assert not any(word in article.text for word in ("cookies", "Sport", "Copyright"))


def test_ingest_html_honours_the_page_charset(tmp_path):
    path = tmp_path / "cafe.htm"
    path.write_bytes(ARTICLE_PAGE.replace("utf-8", "iso-8859-1")
                     .replace("Tuesday", "Tuesday at a café in São Tomé").encode("latin-1"))
    [article] = read_inputs([str(path)])
    assert "café in São Tomé" in article.text


def test_ingest_gzip_files_are_read_by_their_inner_suffix(tmp_path):
    record = {"id": "z1", "text": "Fiji protested to Vanuatu."}
    (tmp_path / "a.jsonl.gz").write_bytes(gzip.compress(json.dumps(record).encode() + b"\n"))
    (tmp_path / "b.json.gz").write_bytes(gzip.compress(json.dumps([{**record, "id": "z2"}]).encode()))
    (tmp_path / "c.csv.gz").write_bytes(gzip.compress(b"id,text\nz3,Samoa praised Tonga.\n"))
    (tmp_path / "d.html.gz").write_bytes(gzip.compress(ARTICLE_PAGE.encode()))
    (tmp_path / "e.txt.gz").write_bytes(gzip.compress(b"Palau thanked Japan."))
    (tmp_path / "f.gz").write_bytes(gzip.compress(b"no inner suffix: skipped in a directory"))
    items = list(read_inputs([str(tmp_path)]))
    assert [i.id for i in items] == ["z1", "z2", "z3", "d.html.gz", "e.txt.gz"]
    assert items[3].title.startswith("Valdoria") and items[4].text == "Palau thanked Japan."


def test_ingest_truncated_jsonl_gzip_keeps_the_lines_before_the_break_and_names_the_file(tmp_path):
    lines = [json.dumps({"id": f"t{n}", "text": f"Oman mediated between the sides, round {n}."}).encode()
             for n in range(2000)]
    whole = gzip.compress(b"\n".join(lines) + b"\n")
    path = tmp_path / "cut.jsonl.gz"
    path.write_bytes(whole[:len(whole) // 2])
    articles, rejections = _split(list(read_inputs([str(path)])))
    assert 0 < len(articles) < 2000 and articles[-1].id == f"t{len(articles) - 1}"
    assert rejections == [Rejection(str(path), "read", rejections[0].reason)]
    assert rejections[0].reason.startswith("truncated or corrupt gzip: ")
    assert rejections[0].reason.endswith("; re-download or re-compress it")


def test_ingest_gzip_is_rejected_once_it_decompresses_past_the_limit(tmp_path):
    path = tmp_path / "bomb.txt.gz"
    path.write_bytes(gzip.compress(b"a" * 50_000))
    assert path.stat().st_size < 1000
    [rejection] = read_inputs([str(path)], max_bytes=1000)
    assert rejection.reason.startswith("decompresses to over the 1,000 bytes limit")


def test_ingest_jsonl_line_over_the_limit_is_rejected_and_the_next_line_read(tmp_path):
    path = _write_jsonl(tmp_path / "long.ndjson", [
        json.dumps({"id": "big", "text": "word " * 1000}).encode(),
        json.dumps({"id": "small", "text": "Laos hosted talks."}).encode(),
    ])
    items = list(read_inputs([str(path)], max_bytes=500))
    assert [type(i).__name__ for i in items] == ["Rejection", "Article"]
    assert items[0].origin.endswith(":1") and "over the 500 bytes limit" in items[0].reason
    assert items[1].id == "small"


def test_ingest_empty_jsonl_file_is_one_rejection_not_silence(tmp_path):
    path = _write_jsonl(tmp_path / "blank.jsonl", [b"", b"   "])
    assert list(read_inputs([str(path)])) == [
        Rejection(str(path), "read", "no JSON lines in the file; nothing to code")]


# --- a directory of broken inputs: every bad item is one Rejection, every good item is read ----

def _jsonl_bytes(*records) -> bytes:
    return b"".join((r if isinstance(r, bytes) else json.dumps(r).encode()) + b"\n" for r in records)


BROKEN_INPUTS = {
    # name: (content, {origin suffix: (stage, words the reason must hold)})
    "binary.txt": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", {"": ("read", "binary file, not text")}),
    "utf16.md": ("Iran hosted talks.".encode("utf-16"), {"": ("read", "UTF-16")}),
    "latin1.txt": ("Le café de Genève.".encode("latin-1"), {"": ("read", "not UTF-8 text (bad byte 0xe9")}),
    "empty.txt": (b"", {"": ("read", "empty text")}),
    "truncated.txt.gz": (gzip.compress(b"Oman mediated between the two sides. " * 40)[:30],
                         {"": ("read", "truncated or corrupt gzip")}),
    "not-gzip.html.gz": (b"<html><p>plain, not compressed</p></html>",
                         {"": ("read", "truncated or corrupt gzip: Not a gzipped file")}),
    "lines.jsonl": (_jsonl_bytes({"id": "l1", "text": "Cuba condemned the embargo."},
                                 b'{"id": "l2", "text": "unterminated',
                                 {"id": "l3", "title": "no text here"},
                                 {"id": "l4", "text": "Haiti asked for aid.", "date": "last Tuesday"}),
                    {":2": ("read", "not valid JSON"), ":3": ("read", "no \"text\" field"),
                     ":4": ("date", "not an ISO date")}),
    "list.json": (json.dumps([{"id": "j1", "text": "Qatar hosted envoys."}, 42, {"id": "j3", "text": ""}]),
                  {":#1": ("read", "got a number"), ":#2": ("read", "field \"text\" is empty")}),
    "broken.json": (b'{"text": "Nepal thanked India.",}', {"": ("read", "not valid JSON")}),
    "no-text-column.csv": (b"id,headline\nc0,Talks resumed\n", {"": ("read", "no text column")}),
    "rows.csv": (b'id,text\nc1,Belize protested to Guatemala.\nc2,"unclosed quote\n',
                 {":3": ("read", "malformed CSV row")}),
    "menu.html": (MENU_ONLY_PAGE, {"": ("read", "no article text found")}),
    "oversized.txt": (b"Peru and Chile signed a deal. " * 200, {"": ("read", "over the 4,000 bytes limit")}),
    "empty-list.json": (b"[]", {"": ("read", "empty JSON list")}),
}
GOOD_INPUTS = {
    "good.txt": b"Kenya hosted talks between the two sides.",
    "good.html": ARTICLE_PAGE,
    "good.json.gz": gzip.compress(json.dumps({"id": "g1", "text": "Chile praised Peru."}).encode()),
    "notes.docx": b"PK\x03\x04\x00 skipped: not a format detente reads",
}


def test_ingest_directory_of_broken_inputs_rejects_each_bad_item_once_and_reads_the_rest(tmp_path):
    for name, content in {**{n: c for n, (c, _) in BROKEN_INPUTS.items()}, **GOOD_INPUTS}.items():
        (tmp_path / name).write_bytes(content.encode() if isinstance(content, str) else content)
    articles, rejections = _split(list(read_inputs([str(tmp_path)], max_bytes=4000)))

    expected = {f"{tmp_path / name}{where}": want
                for name, (_, wants) in BROKEN_INPUTS.items() for where, want in wants.items()}
    assert sorted(r.origin for r in rejections) == sorted(expected)  # each exactly once
    for rejection in rejections:
        stage, words = expected[rejection.origin]
        assert rejection.stage == stage and words in rejection.reason, rejection
        assert "\n" not in rejection.reason and "; " in rejection.reason  # what, then what to do
    assert sorted(a.id for a in articles) == ["c1", "g1", "good.html", "good.txt", "j1", "l1", "l4"]
    assert next(a for a in articles if a.id == "l4").date is None  # bad date: coded without one


# --- property tests: no input makes a reader raise, and nothing is lost ------------------------

def _accounted(items, origin):
    """{origin: kind} for the read-stage outcomes; fails if an origin has two of them."""
    outcomes = {}
    for item in items:
        assert isinstance(item, Article | Rejection)
        if isinstance(item, Rejection):
            assert item.reason and "\n" not in item.reason, item
            assert item.origin == origin or item.origin.startswith(origin + ":"), item
            if item.stage == "date":  # a warning that goes with the item's Article
                assert any(isinstance(i, Article) and i.origin == item.origin for i in items)
                continue
        assert item.origin not in outcomes, f"two outcomes for {item.origin}"
        outcomes[item.origin] = type(item).__name__
    return outcomes


_json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=12)
_records = st.fixed_dictionaries({"text": st.text(max_size=30) | _json_values},
                                 optional={"id": _json_values, "date": st.text(max_size=12) | _json_values,
                                           "title": _json_values, "url": st.text(max_size=20)})
_lines = st.one_of(st.binary(max_size=60).map(lambda b: b.replace(b"\n", b" ")),
                   _json_values.map(lambda v: json.dumps(v).encode()),
                   _records.map(lambda r: json.dumps(r, ensure_ascii=False).encode()))


@given(st.lists(_lines, max_size=12))
@settings(max_examples=300)
def test_read_jsonl_turns_every_line_into_one_article_or_rejection(lines):
    items = list(read_jsonl(lines, "in.jsonl", max_bytes=50))
    outcomes = _accounted(items, "in.jsonl")

    def blank(line):
        try:
            return not line.decode("utf-8-sig").strip()
        except UnicodeDecodeError:
            return False

    records = {f"in.jsonl:{n}" for n, line in enumerate(lines, 1) if not blank(line)}
    assert set(outcomes) == (records or {"in.jsonl"})


@given(st.one_of(st.binary(max_size=200), _json_values.map(lambda v: json.dumps(v).encode()),
                 st.lists(_records | _json_values, max_size=6).map(lambda v: json.dumps(v).encode()),
                 _records.map(lambda r: json.dumps(r).encode())))
@settings(max_examples=300)
def test_read_json_turns_every_list_item_into_one_article_or_rejection(data):
    outcomes = _accounted(list(read_json(data, "in.json")), "in.json")
    try:
        value = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        value = None
    if isinstance(value, list) and value and b"\x00" not in data:
        assert set(outcomes) == {f"in.json:#{i}" for i in range(len(value))}
    else:
        assert set(outcomes) == {"in.json"}


_cells = st.text(st.characters(exclude_characters="\x00", exclude_categories=["Cs"]), max_size=15)


@given(st.lists(st.sampled_from(["id", "text", "Body", "date", "title", "url", "outlet", "x"]),
                min_size=1, max_size=5, unique=True),
       st.lists(st.lists(_cells, min_size=0, max_size=6), max_size=8))
@settings(max_examples=300)
def test_read_csv_turns_every_row_into_one_article_or_rejection(header, rows):
    out = io.StringIO(newline="")
    csv.writer(out).writerows([header, *rows])
    outcomes = _accounted(list(read_csv(out.getvalue().encode(), "in.csv")), "in.csv")
    lines = _row_start_lines(out.getvalue())
    if {"text", "body"} & {h.lower() for h in header}:
        starts = {f"in.csv:{line}" for line, row in zip(lines[1:], rows, strict=True) if row}
        assert set(outcomes) == (starts or {"in.csv"})
    else:
        assert set(outcomes) == {"in.csv"}


def _row_start_lines(text):
    """The line on which each CSV row starts, counted independently of the csv module."""
    starts, line, quoted = [1], 1, False
    for i, char in enumerate(text):
        quoted ^= char == '"'
        if char == "\n" or (char == "\r" and text[i + 1:i + 2] != "\n"):
            line += 1
            if not quoted and i + 1 < len(text):
                starts.append(line)
    return starts


@given(st.text(max_size=200))
@settings(max_examples=300)
def test_read_csv_never_raises_on_random_text(text):
    _accounted(list(read_csv(text.encode("utf-8", "surrogatepass"), "in.csv")), "in.csv")


@given(st.sampled_from([".txt", ".jsonl", ".json", ".csv", ".html", ".txt.gz", ".jsonl.gz", ".csv.gz"]),
       st.binary(max_size=300), st.booleans())
@settings(max_examples=200, deadline=None)
def test_read_inputs_never_raises_on_random_bytes_in_any_format(suffix, data, compress):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"in{suffix}"
        path.write_bytes(gzip.compress(data) if compress and suffix.endswith(".gz") else data)
        items = list(read_inputs([str(path)], max_bytes=200))
    assert items and all(isinstance(i, Article | Rejection) for i in items)
