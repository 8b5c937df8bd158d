import datetime as dt

import pytest

from detente.pipeline.dates import find_dates

PUBLISHED = dt.date(2025, 5, 14)  # a Wednesday


@pytest.mark.parametrize(
    ("sentence", "value", "precision"),
    [
        ("In 1956, the two states signed a pact.", "1956", "year"),
        ("The talks began in February 2022 in Geneva.", "2022-02", "month"),
        ("Troops crossed the border on March 3.", "2025-03-03", "day"),
        ("The envoy arrived on December 30.", "2024-12-30", "day"),  # looks back, not ahead
        ("The ministry protested last Tuesday.", "2025-05-13", "day"),
        ("Police detained him on Monday.", "2025-05-12", "day"),
        ("The leaders met yesterday.", "2025-05-13", "day"),
        ("Both sides agreed last month to talk.", "2025-04", "month"),
        ("They signed it on 4 July 2019.", "2019-07-04", "day"),
        ("They signed it on July 4, 2019.", "2019-07-04", "day"),
    ],
)
def test_dates_resolve_against_publication_date(sentence, value, precision):
    found = find_dates(sentence, PUBLISHED)
    assert [(d.date.value, d.date.precision) for d in found] == [(value, precision)]


def test_dates_decades_and_bare_numbers_are_not_years():
    assert find_dates("Relations soured in the 1990s.", PUBLISHED) == []
    assert find_dates("Some 1500 troops were deployed.", PUBLISHED) == []


def test_dates_relative_phrases_need_a_publication_date():
    assert find_dates("The leaders met yesterday.", None) == []
    assert [d.date.value for d in find_dates("They met in 2010.", None)] == ["2010"]
