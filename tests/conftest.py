"""All shared fixtures. The coder loads spaCy once per test session."""

from __future__ import annotations

import datetime as dt

import pytest

from detente.model import Actor, Article, Event, EventDate, Span
from detente.pipeline.coder import Coder


@pytest.fixture(scope="session")
def coder() -> Coder:
    coder = Coder()
    coder.setup()
    return coder


@pytest.fixture(scope="session")
def code(coder):
    """Code a text and return (source, code, target) triples, the shape most tests assert on."""

    def run(text: str, date: str = "2025-05-14") -> list[tuple[str, str, str]]:
        events = coder.code_text(text, date=dt.date.fromisoformat(date))
        return [(e.source.code, e.code, e.target.code) for e in events]

    return run


@pytest.fixture(scope="session")
def events(coder):
    """Code a text and return the full Event records."""

    def run(text: str, date: str = "2025-05-14"):
        return coder.code_text(text, date=dt.date.fromisoformat(date))

    return run


# -- records built by hand, for the store and export tests --------------------------------

TEXT = "Beijing warned Manila on Wednesday. Japan protested to China over the drills."


def make_event(article_id: str = "a1", source: str = "CHNGOV", target: str = "PHL",
               code: str = "172", date: str = "2025-05-14", **changes: object) -> Event:
    """An Event with plausible evidence; `changes` replaces any other field."""
    fields: dict[str, object] = dict(
        article_id=article_id, sentence_index=0, sentence=Span(0, 35, TEXT[:35]),
        source=Actor(source, source[:3], source[3:], Span(0, 7, "Beijing")),
        target=Actor(target, target[:3], target[3:], Span(15, 21, "Manila"), how="alias"),
        code=code, root=code[:2], label="Coerce", plover="COERCE", plover_mode="",
        goldstein=-7.0, quad_class=4, date=EventDate(date, "day", Span(25, 34, "Wednesday")),
        trigger=Span(8, 14, "warned"), pattern_id="warn.v", confidence=0.9,
        notes=("future",),
    )
    fields.update(changes)
    return Event(**fields)  # type: ignore[arg-type]


def make_article(text: str = TEXT, id: str = "a1", **changes: object) -> Article:
    """An Article for store tests; `changes` replaces any field."""
    fields: dict[str, object] = dict(id=id, text=text, date=dt.date(2025, 5, 14), title="Drills",
                                     url="https://www.example.com/drills")
    fields.update(changes)
    return Article(**fields)  # type: ignore[arg-type]


# -- a store of the bundled sample corpus, for the dashboard's page and browser tests ----------

@pytest.fixture(scope="session")
def sample_store_path(tmp_path_factory):
    """samples/articles.jsonl coded and stored once per session (the tests only read it)."""
    from pathlib import Path

    from detente.ingestion import ingest
    from detente.store import Store

    samples = Path(__file__).resolve().parent.parent / "samples" / "articles.jsonl"
    db = tmp_path_factory.mktemp("sample-store") / "sample.duckdb"
    with Store.open(db) as store:
        ingest([str(samples)], store)
    return db
