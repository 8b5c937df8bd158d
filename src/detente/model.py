"""The shared vocabulary of detente: plain frozen records passed between stages.

No I/O and no NLP here. Every annotation is a character offset into the article text, so each
event can point back to the words that justify it.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field

# Bumped whenever coding behaviour changes, so stored events can say which coder made them.
CODER_VERSION = "0.2.0"


def text_id(text: str) -> str:
    """A stable id for a text: hash of its whitespace-normalised form.

    >>> text_id("a  b") == text_id("a b")
    True
    """
    normalised = " ".join(text.split())
    return hashlib.sha1(normalised.encode("utf-8")).hexdigest()[:16]


@dataclass(frozen=True, slots=True)
class Article:
    """One input document. `origin` says where it came from, for error messages."""

    id: str
    text: str
    date: dt.date | None = None
    title: str = ""
    url: str = ""
    origin: str = ""
    outlet: str = ""  # the publisher, when the input names it; else the store uses the URL's host


@dataclass(frozen=True, slots=True)
class Span:
    """A stretch of the article: [start, end) character offsets and the text there."""

    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Actor:
    """A resolved actor mention: its code and the words that named it.

    `how` tells how the code was found: "dictionary", "sector+country", "context" (country
    taken from the article), "coreference" (pronoun or definite description), "alias".
    """

    code: str
    country: str
    sector: str
    span: Span
    how: str = "dictionary"


@dataclass(frozen=True, slots=True)
class EventDate:
    """When an event happened, as precisely as the text says: "2002", "2022-02", "2025-05-14"."""

    value: str
    precision: str  # "year" | "month" | "day" | "" when unknown
    span: Span | None = None


@dataclass(frozen=True, slots=True)
class Place:
    """A gazetteer entry: a named place and where it is.

    `country` is the ISO 3166-1 alpha-3 code of the state the place lies in ("" for seas and
    places no single state holds); `countries` lists the other states concerned (claimants of
    a disputed island, the shores of a sea). `feature` is one of city, admin, country, island,
    region, sea.
    """

    name: str
    country: str
    admin1: str
    lat: float
    lon: float
    feature: str
    countries: tuple[str, ...] = ()
    population: int = 0
    source: str = ""  # which gazetteer it came from: geonames, pycountry, countryinfo, curated
    # where the coordinates are only those of a larger place it lies in (a village the
    # gazetteer lacks, at its country's centre): that place's feature; "" where they are its own
    precision: str = ""


@dataclass(frozen=True, slots=True)
class Location:
    """Where an event happened: a place, the words that named it, and how it was chosen.

    `basis` says how the place was tied to the event: "clause" (a locative phrase in the
    event's own clause), "lede" (the scene of the story's first sentence), "dateline",
    "sentence" (another place in the same sentence).
    `span` is None when the words are not in the article text (never, for now).
    """

    place: Place
    span: Span | None
    basis: str

    @property
    def precision(self) -> str:
        """How fine the coordinates are: "point" for a city's own, else the kind of place
        whose point they are (a feature's own, or the larger place's for a place known only
        as lying in it: "country" for "the village of X in Poland")."""
        if self.place.precision:
            return self.place.precision
        return "point" if self.place.feature == "city" else self.place.feature

    def to_record(self) -> dict[str, object]:
        place = self.place
        return {
            "name": place.name, "country": place.country, "admin1": place.admin1,
            "lat": place.lat, "lon": place.lon, "feature": place.feature,
            "precision": self.precision, "basis": self.basis,
            "text": self.span.text if self.span else "",
            "offsets": [self.span.start, self.span.end] if self.span else None,
        }


@dataclass(frozen=True, slots=True)
class Event:
    """One coded event with its evidence."""

    article_id: str
    sentence_index: int
    sentence: Span
    source: Actor
    target: Actor
    code: str
    root: str
    label: str
    plover: str
    plover_mode: str
    goldstein: float
    quad_class: int
    date: EventDate
    trigger: Span
    pattern_id: str
    confidence: float
    notes: tuple[str, ...] = field(default=())
    location: Location | None = None

    @property
    def id(self) -> str:
        """Deterministic id, so that writing the same event twice is idempotent."""
        key = "|".join(
            [self.article_id, str(self.sentence_index), self.source.code, self.target.code,
             self.code, str(self.trigger.start), CODER_VERSION]
        )
        return hashlib.sha1(key.encode("utf-8")).hexdigest()[:20]

    def to_record(self) -> dict[str, object]:
        """The flat JSON Lines contract of `detente code --format jsonl`."""
        return {
            "id": self.id,
            "article_id": self.article_id,
            "sentence_index": self.sentence_index,
            "sentence": self.sentence.text,
            "source": self.source.code,
            "target": self.target.code,
            "source_country": self.source.country,
            "target_country": self.target.country,
            "code": self.code,
            "root": self.root,
            "label": self.label,
            "plover": self.plover,
            "plover_mode": self.plover_mode,
            "goldstein": self.goldstein,
            "quad_class": self.quad_class,
            "date": self.date.value,
            "date_precision": self.date.precision,
            "date_text": self.date.span.text if self.date.span else "",
            "source_text": self.source.span.text,
            "target_text": self.target.span.text,
            "source_how": self.source.how,
            "target_how": self.target.how,
            "trigger": self.trigger.text,
            "offsets": {
                "sentence": [self.sentence.start, self.sentence.end],
                "trigger": [self.trigger.start, self.trigger.end],
                "source": [self.source.span.start, self.source.span.end],
                "target": [self.target.span.start, self.target.span.end],
            },
            "pattern_id": self.pattern_id,
            "confidence": self.confidence,
            "notes": list(self.notes),
            "location": self.location.to_record() if self.location else None,
            "coder_version": CODER_VERSION,
        }


@dataclass(frozen=True, slots=True)
class Rejection:
    """Input that could not be coded: where it was, which stage refused it, and why."""

    origin: str
    stage: str
    reason: str
