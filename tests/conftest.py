"""All shared fixtures. The coder loads spaCy once per test session."""

from __future__ import annotations

import datetime as dt

import pytest

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
