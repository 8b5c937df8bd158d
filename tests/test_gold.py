"""The team's gold set: its shape as promised, and the coder's accuracy on it as a floor."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from detente.evaluation import evaluate, read_gold

GOLD = Path(__file__).parent / "gold"


@pytest.fixture(scope="module")
def records():
    return read_gold([GOLD])


def test_gold_set_has_the_promised_shape(records):
    sentences = [r for r in records if not r.article.id.startswith("art-")]
    articles = [r for r in records if r.article.id.startswith("art-")]
    article_sentences = sum(r.article.text.count(". ") + 1 for r in articles)
    assert len(sentences) + article_sentences >= 400
    assert len(articles) >= 8
    assert sum(1 for r in sentences if not r.events) >= 60
    main_roots = Counter(r.events[0].code[:2] for r in sentences if r.events)
    assert all(main_roots[f"{root:02d}"] >= 10 for root in range(1, 21)), main_roots
    assert len({r.article.id for r in records}) == len(records)


def test_gold_set_accuracy_stays_above_the_floor(coder, records):
    # a floor, not a target: a change that drops below it has broken something general
    report = evaluate(records, coder)
    assert report.levels["country"].f1 >= 0.84
    assert report.levels["full"].f1 >= 0.69
    assert report.levels["country"].precision >= 0.9
