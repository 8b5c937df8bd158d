"""Gold place records -> how well the coder finds, resolves and attaches places.

Gold format: tests/gold-places/README.md. Figures: mention recall (gold places found, by span
overlap), precision (place names output that are gold places; one that is a gold actor is
counted by the metonym figure too), country accuracy (over all gold place mentions, a missed
one counts wrong; right when the code equals the gold country or is one of its `countries`),
accuracy within 25 km and 161 km (haversine), the same per feature type, metonym accuracy
(gold actor spans not output as places) and event-location accuracy.

"Right place" judges each mention at the precision its gold coordinates have: a city's or a
country's gold point is exact (a city centre; a country's Factbook-style centre), so it must be
within 25 km; an admin division, island, region or sea has a rough representative point (the
gold README says to judge those on country and a coarse distance only), so within 161 km.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from detente.errors import InputError
from detente.model import Article
from detente.pipeline.ingest import parse_date
from detente.places.names import fold_name, haversine_km

TYPE_CHECKING = False
if TYPE_CHECKING:
    from detente.pipeline.coder import CodedArticle, Coder


@dataclass(frozen=True, slots=True)
class GoldPlace:
    start: int
    end: int
    text: str
    country: str
    countries: tuple[str, ...]
    lat: float
    lon: float
    feature: str


@dataclass(frozen=True, slots=True)
class GoldPlaces:
    article: Article
    places: tuple[GoldPlace, ...]
    actors: tuple[tuple[int, int], ...]
    event_location: str | None


@dataclass
class Tally:
    total: int = 0
    found: int = 0
    country: int = 0
    within_25: int = 0
    within_161: int = 0
    right_place: int = 0

    def as_dict(self) -> dict[str, float | int]:
        share = (lambda n: round(n / self.total, 4) if self.total else 0.0)  # noqa: E731
        return {"mentions": self.total, "recall": share(self.found), "country": share(self.country),
                "within_25km": share(self.within_25), "within_161km": share(self.within_161),
                "right_place": share(self.right_place)}


# km within which a resolved place counts as the gold place, by the precision of gold points
EXACT_FEATURES = ("city", "country")
TOLERANCE_KM = {"exact": 25.0, "rough": 161.0}


def tolerance_km(feature: str) -> float:
    """25 km for a city or a country, 161 km for an area whose gold point is rough."""
    return TOLERANCE_KM["exact" if feature in EXACT_FEATURES else "rough"]


@dataclass
class PlacesReport:
    records: int = 0
    overall: Tally = field(default_factory=Tally)
    by_feature: dict[str, Tally] = field(default_factory=dict)
    actors: int = 0
    actors_right: int = 0
    events: int = 0
    events_right: int = 0
    events_coded: int = 0  # records where the coder coded an event, which alone can be placed
    events_coded_right: int = 0
    # place names output (not actors) and those that are a gold place: the gold lists every
    # toponym used as a place, so any other is a false place
    output: int = 0
    output_right: int = 0
    errors: list[dict[str, object]] = field(default_factory=list)

    def as_dict(self) -> dict[str, object]:
        return {
            "records": self.records, **self.overall.as_dict(),
            "precision": _share(self.output_right, self.output), "places_output": self.output,
            "by_feature": {k: v.as_dict() for k, v in sorted(self.by_feature.items())},
            "metonyms": self.actors, "metonym_accuracy": _share(self.actors_right, self.actors),
            "event_locations": self.events,
            "event_location_accuracy": _share(self.events_right, self.events),
            "records_with_events": self.events_coded,
            "event_location_accuracy_coded": _share(self.events_coded_right, self.events_coded),
        }


def _share(part: int, whole: int) -> float:
    return round(part / whole, 4) if whole else 0.0


def _nth(text: str, needle: str, nth: int, where: str) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = text.find(needle, start + 1)
        if start < 0:
            raise InputError(f"{where}: {needle!r} occurs {text.count(needle)} times in the text, "
                             f"but nth {nth} asks for occurrence {nth + 1}; fix its text or its "
                             "nth (raw occurrences, counted from 0)")
    return start, start + len(needle)


def read_gold_places(paths: Iterable[Path]) -> list[GoldPlaces]:
    """Gold place records from JSON Lines files or directories of them."""
    records = []
    for path in paths:
        if not path.exists():
            raise InputError(f"{path}: no such file or folder; give gold place files (JSON Lines, "
                             "see tests/gold-places/README.md) or folders of them")
        files = sorted(path.glob("*.jsonl")) if path.is_dir() else [path]
        if not files:
            raise InputError(f"{path}: no .jsonl files in this folder; give gold place files or "
                             "a folder of them")
        for file in files:
            for number, line in enumerate(file.read_text("utf-8").splitlines(), 1):
                if line.strip():
                    records.append(_record(line, f"{file}:{number}"))
    return records


def _record(line: str, where: str) -> GoldPlaces:
    try:
        data = json.loads(line)
        text = data["text"]
        places = tuple(
            GoldPlace(*_nth(text, p["text"], p.get("nth", 0), where), p["text"], p["country"],
                      tuple(p.get("countries") or ()), float(p["lat"]), float(p["lon"]),
                      p.get("feature", ""))
            for p in data["places"])
        actors = tuple(_nth(text, a["text"], a.get("nth", 0), where) for a in data.get("actors", ()))
        date = parse_date(data["date"]) if data.get("date") else None
        article = Article(id=str(data["id"]), text=text, date=date, origin=where)
    except KeyError as exc:
        raise InputError(f"{where}: gold place record has no {exc} field; see "
                         "tests/gold-places/README.md") from exc
    except (json.JSONDecodeError, TypeError, ValueError) as exc:
        raise InputError(f"{where}: not a gold place record ({exc}); fix the line as "
                         "tests/gold-places/README.md describes") from exc
    return GoldPlaces(article, places, actors, data.get("event_location"))


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def score_places(report: PlacesReport, gold: GoldPlaces, coded: CodedArticle) -> None:
    report.records += 1
    predicted = [m for m in coded.places if not m.actor]
    for place in gold.places:
        tally = report.by_feature.setdefault(place.feature, Tally())
        hit = next((m for m in predicted
                    if _overlaps((m.span.start, m.span.end), (place.start, place.end))), None)
        for t in (report.overall, tally):
            t.total += 1
        if hit is None:
            report.errors.append({"id": gold.article.id, "kind": "missed", "feature": place.feature,
                                  "text": place.text})
            continue
        country_ok = hit.place.country == place.country or hit.place.country in place.countries
        km = haversine_km(hit.place.lat, hit.place.lon, place.lat, place.lon)
        right = country_ok and km <= tolerance_km(place.feature)
        for t in (report.overall, tally):
            t.found += 1
            t.country += country_ok
            t.within_25 += km <= 25
            t.within_161 += km <= 161
            t.right_place += right
        if not right:
            report.errors.append({"id": gold.article.id, "kind": "country" if not country_ok else "distance",
                                  "feature": place.feature, "text": place.text,
                                  "predicted": hit.place.name, "predicted_country": hit.place.country,
                                  "predicted_feature": hit.place.feature, "km": round(km),
                                  "source": hit.place.source})
    for mention in predicted:
        report.output += 1
        span = (mention.span.start, mention.span.end)
        if any(_overlaps(span, (p.start, p.end)) for p in gold.places):
            report.output_right += 1
        elif not any(_overlaps(span, actor) for actor in gold.actors):  # those count as metonyms
            report.errors.append({"id": gold.article.id, "kind": "false_place",
                                  "text": mention.span.text, "predicted": mention.place.name,
                                  "predicted_country": mention.place.country,
                                  "source": mention.place.source})
    locations = [e.location.span for e in coded.events if e.location and e.location.span]
    for actor in gold.actors:
        report.actors += 1
        spans = [(m.span.start, m.span.end) for m in predicted] + [(s.start, s.end) for s in locations]
        taken = not any(_overlaps(actor, s) for s in spans)
        report.actors_right += taken
        if not taken:
            report.errors.append({"id": gold.article.id, "kind": "metonym",
                                  "text": gold.article.text[actor[0]:actor[1]]})
    _score_event_location(report, gold, coded)


def _score_event_location(report: PlacesReport, gold: GoldPlaces, coded: CodedArticle) -> None:
    """Right when one of the coded events is placed at the gold event's place (null: none is
    placed): at its span, or at another mention of the same name (the dateline "SIDON" for a
    gold "Sidon" later in the story); a record with no coded event counts wrong unless the
    gold says null."""
    located = [e.location.span for e in coded.events if e.location is not None and e.location.span]
    if gold.event_location is None:
        right = not located
    else:
        target = next((p for p in gold.places if p.text == gold.event_location), None)
        name = fold_name(gold.event_location)
        right = target is not None and any(
            _overlaps((span.start, span.end), (target.start, target.end)) or
            fold_name(gold.article.text[span.start:span.end]) == name for span in located)
    report.events += 1
    report.events_right += right
    if coded.events:
        report.events_coded += 1
        report.events_coded_right += right
        if not right:
            text = gold.article.text
            report.errors.append({"id": gold.article.id, "kind": "event_location",
                                  "expected": gold.event_location,
                                  "predicted": [text[s.start:s.end] for s in located]})


def evaluate_places(records: list[GoldPlaces], coder: Coder | None = None) -> PlacesReport:
    """Code every gold record and score its places."""
    from detente.pipeline.coder import Coder

    coder = coder or Coder()
    report = PlacesReport()
    coded = coder.code_articles(r.article for r in records)
    for record, result in zip(records, coded, strict=True):
        score_places(report, record, result)
    return report
