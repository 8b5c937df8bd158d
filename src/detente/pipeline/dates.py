"""Date phrases in a sentence -> the date of the event they attach to.

Phrases are found with patterns for what wire copy uses ("in 1956", "in February 2022",
"on March 3", "last Tuesday", "yesterday"); weekday and month-day phrases are resolved
against the publication date, looking back, as news reports look back. Anything else that
looks like a date is handed to dateparser, imported only when such a phrase appears.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from detente.model import EventDate, Span

_MONTHS = {m: i for i, m in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september",
     "october", "november", "december"], 1)}
_MONTH_ABBR = {m[:3]: i for m, i in _MONTHS.items()} | {"sept": 9}
_WEEKDAYS = {d: i for i, d in enumerate(
    ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"])}
_MONTH_RE = r"(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)"
_PHRASE = re.compile(
    rf"\b(?:(?P<md>{_MONTH_RE} (?P<md_day>\d{{1,2}})(?!\d)(?:st|nd|rd|th)?(?:,? (?P<md_year>\d{{4}}))?)"
    rf"|(?P<dm>(?P<dm_day>\d{{1,2}}) {_MONTH_RE}(?: (?P<dm_year>\d{{4}}))?)"
    rf"|(?P<my>{_MONTH_RE},? (?P<my_year>\d{{4}}))"
    rf"|(?P<iso>\d{{4}}-\d{{2}}-\d{{2}})"
    r"|(?P<wd>(?i:last |this |on |next )?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday))"
    r"|(?P<rel>(?i:yesterday|today)|last (?:week|month|year)|(?:\w+|\d+) (?:days?|weeks?|months?|years?) ago)"
    r"|(?:(?i:in|since|during|by|from|of|until) (?i:early |late |mid-?)?(?P<year>1[89]\d\d|20\d\d)\b(?!s)))"
)


@dataclass(frozen=True, slots=True)
class DatePhrase:
    start: int  # character offsets within the sentence
    end: int
    text: str
    date: EventDate


def _month(word: str) -> int:
    word = word.lower().rstrip(".")
    return _MONTHS.get(word) or _MONTH_ABBR[word[:4] if word.startswith("sept") else word[:3]]


def _month_day(month: int, day: int, year: int | None, base: dt.date | None) -> EventDate | None:
    if year is None:
        if base is None:
            return None
        year = base.year
        try:
            if dt.date(year, month, day) > base + dt.timedelta(days=7):
                year -= 1  # "on December 30" in a January story
        except ValueError:
            return None
    try:
        return EventDate(dt.date(year, month, day).isoformat(), "day")
    except ValueError:
        return None


def _weekday(text: str, base: dt.date | None) -> EventDate | None:
    if base is None:
        return None
    words = text.lower().split()
    wanted = _WEEKDAYS[words[-1]]
    back = (base.weekday() - wanted) % 7
    if words[0] == "next":
        return EventDate((base + dt.timedelta(days=(wanted - base.weekday()) % 7 or 7)).isoformat(), "day")
    if words[0] == "last" and back == 0:
        back = 7
    return EventDate((base - dt.timedelta(days=back)).isoformat(), "day")


def _relative(text: str, base: dt.date | None) -> EventDate | None:
    if base is None:
        return None
    lowered = text.lower()
    if lowered == "today":
        return EventDate(base.isoformat(), "day")
    if lowered == "yesterday":
        return EventDate((base - dt.timedelta(days=1)).isoformat(), "day")
    if lowered == "last month":
        last = base.replace(day=1) - dt.timedelta(days=1)
        return EventDate(f"{last.year:04d}-{last.month:02d}", "month")
    if lowered == "last year":
        return EventDate(f"{base.year - 1:04d}", "year")
    return _dateparser(text, base)


def _dateparser(text: str, base: dt.date) -> EventDate | None:
    import dateparser  # slow to import; most articles never need it

    parser = dateparser.date.DateDataParser(
        languages=["en"],
        settings={"RELATIVE_BASE": dt.datetime.combine(base, dt.time()),
                  "PREFER_DATES_FROM": "past"},
    )
    data = parser.get_date_data(text)
    if data is None or data.date_obj is None:
        return None
    day, period = data.date_obj.date(), data.period or "day"
    if period == "year":
        return EventDate(f"{day.year:04d}", "year")
    if period == "month":
        return EventDate(f"{day.year:04d}-{day.month:02d}", "month")
    return EventDate(day.isoformat(), "day")


def find_dates(sentence: str, base: dt.date | None) -> list[DatePhrase]:
    """Every resolvable date phrase in a sentence."""
    found = []
    for match in _PHRASE.finditer(sentence):
        date = _resolve(match, base)
        if date is not None:
            found.append(DatePhrase(match.start(), match.end(), match.group(0), date))
    return found


def _resolve(match: re.Match[str], base: dt.date | None) -> EventDate | None:
    g = match.group
    if g("md"):
        year = int(g("md_year")) if g("md_year") else None
        return _month_day(_month(g("md").split()[0]), int(g("md_day")), year, base)
    if g("dm"):
        year = int(g("dm_year")) if g("dm_year") else None
        return _month_day(_month(g("dm").split()[1]), int(g("dm_day")), year, base)
    if g("my"):
        return EventDate(f"{int(g('my_year')):04d}-{_month(g('my').split()[0].rstrip(',')):02d}", "month")
    if g("iso"):
        try:
            return EventDate(dt.date.fromisoformat(g("iso")).isoformat(), "day")
        except ValueError:
            return None
    if g("wd"):
        return _weekday(g("wd"), base)
    if g("rel"):
        return _relative(g("rel"), base)
    if g("year"):
        return EventDate(g("year"), "year")
    return None


def publication_date(base: dt.date | None) -> EventDate:
    return EventDate(base.isoformat(), "day") if base else EventDate("", "")


def date_for(verb: Token, doc: Doc, phrases: list[DatePhrase], offset: int,
             base: dt.date | None) -> EventDate:
    """The date of the phrase attached to `verb`'s clause, else the publication date."""
    for phrase in phrases:
        span = doc.char_span(phrase.start, phrase.end, alignment_mode="expand")
        if span is None:
            continue
        if _attached(span.root, verb):
            where = Span(phrase.start + offset, phrase.end + offset, phrase.text)
            return EventDate(phrase.date.value, phrase.date.precision, where)
    return publication_date(base)


def _attached(token: Token, verb: Token) -> bool:
    # climb from the date phrase to the first verb: it must be ours (or one conjoined to ours)
    node = token
    for _ in range(8):
        if node.i == verb.i:
            return True
        if node.pos_ in ("VERB", "AUX") and node.i != token.i:
            return node.i in {c.i for c in verb.conjuncts} and verb.dep_ == "conj"
        if node.head.i == node.i:
            return False
        node = node.head
    return False
