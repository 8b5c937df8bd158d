"""How far the packaged place data lets any resolver go on a gold place file: a ceiling, not a score.

    python bench/places_ceiling.py tests/gold-places tests/dev-places/places-dev-b.jsonl ...

For each gold place mention it asks two questions of the gazetteer the coder uses, with the
gold answer in hand:

- *reading*: does any reading of the name (as written, in title case, without diacritics or a
  leading "the", or the town the name is another spelling of in the gold country) lie within
  25 km of the gold point? A resolver that picks one of the name's readings can be right
  within 25 km only on these.
- *reading or story*: the same, or does another place the same record names lie within 25 km
  (where a resolver could put a name the gazetteer lacks, by its context)? No resolver that
  places a mention at a reading of its name or at a place of its story can beat this share.

The country line asks the same of the country: a reading in the gold country (or one of its
`countries`), or another place of the story in it. Most of the gap between the 25 km ceiling
and 1.0 is areas (provinces, seas, rivers, regions) whose gold point is the writer's choice of
one point in a large area; `--by-feature` shows it. Only totals are printed, so the script can
be run on a held-out file without showing its records.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

from detente.errors import DetenteError
from detente.model import Place
from detente.places.evaluation import GoldPlace, GoldPlaces, read_gold_places
from detente.places.gazetteer import Gazetteer, load_gazetteer
from detente.places.names import ascii_fold, haversine_km

NEAR_KM = 25.0


def readings(gazetteer: Gazetteer, gold: GoldPlace) -> list[Place]:
    """Every reading the gazetteer gives the name in its usual written forms."""
    text = " ".join(gold.text.split())
    forms = {text, text.title(), ascii_fold(text), ascii_fold(text.title())}
    if text.lower().startswith("the "):
        forms |= {text[4:], ascii_fold(text[4:])}
    found = [place for form in forms for place in gazetteer.candidates(form)]
    for country in {gold.country, *gold.countries} - {""}:
        for form in forms:
            spelled = gazetteer.spelled_like(country, form)
            if spelled is not None:
                found.append(spelled)
    return found


def near(lat: float, lon: float, gold: GoldPlace) -> bool:
    return haversine_km(lat, lon, gold.lat, gold.lon) <= NEAR_KM


def in_country(country: str, countries: tuple[str, ...], gold: GoldPlace) -> bool:
    wanted = {gold.country, *gold.countries} - {""}
    return bool(wanted & {country, *countries}) or not wanted


def tally(gazetteer: Gazetteer, records: list[GoldPlaces]) -> Counter:
    counts: Counter = Counter()
    for record in records:
        for gold in record.places:
            found = readings(gazetteer, gold)
            story = [p for p in record.places if p.text != gold.text]
            by_reading = any(near(p.lat, p.lon, gold) for p in found)
            by_story = by_reading or any(near(p.lat, p.lon, gold) for p in story)
            country = any(in_country(p.country, p.countries, gold) for p in found) or \
                any(in_country(p.country, p.countries, gold) for p in story)
            for key in ("all", gold.feature):
                counts[key, "mentions"] += 1
                counts[key, "reading"] += by_reading
                counts[key, "story"] += by_story
                counts[key, "country"] += country
    return counts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("paths", nargs="+", type=Path, help="gold place files or folders of them")
    parser.add_argument("--by-feature", action="store_true", help="the same shares per feature type")
    args = parser.parse_args(argv)
    try:  # a wrong path or a line that is no gold record: one line that says what to do
        files = [(path, read_gold_places([path])) for path in args.paths]
    except DetenteError as error:
        print(f"places_ceiling: {error}", file=sys.stderr)
        return 2
    gazetteer = load_gazetteer()
    print(f"{'file':<28} {'mentions':>8} {'reading<=25km':>14} {'+story<=25km':>13} {'country':>8}")
    for path, records in files:
        counts = tally(gazetteer, records)
        keys = ["all"] + (sorted({k for k, _ in counts} - {"all"}) if args.by_feature else [])
        for key in keys:
            total = counts[key, "mentions"]
            label = path.name if key == "all" else f"  {key}"
            print(f"{label:<28} {total:>8} {counts[key, 'reading'] / total:>14.3f} "
                  f"{counts[key, 'story'] / total:>13.3f} {counts[key, 'country'] / total:>8.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
