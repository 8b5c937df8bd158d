"""Small places the two geonames files lack, from the countrystatecity-countries package.

That package ships 152k cities, towns and villages with coordinates (ODbL data of the
countries-states-cities database). About 30k of them are in neither geonames file: renamed
towns ("Utqiagvik", once Barrow), villages of a few hundred people ("Colchane"), desert and
island towns ("Al Ghaydah", "Aurukun"). They join the gazetteer as towns of the town file do
(`build.TOWN_SOURCE`): read only where the words say a small place is meant.

Its files are read as data; the package is never imported (it would load pydantic models).
"""

from __future__ import annotations

import importlib.util
import json
import math
import re
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path

from detente.places.names import SAME_PLACE_KM, Town, ascii_fold, haversine_km

PACKAGE = "countrystatecity_countries"
# how far the nearest town file place may lie that gives a place its division: remote
# villages ("Colchane" on the Altiplano, "Aurukun" on Cape York) have no town file place near
_ADMIN_KM = 250
# names that are divisions, not towns, or written in a form copy never uses: "Barskiy Rayon",
# "Distrito de Changuinola", "Eniwa-shi", "Huyện Bắc Hà", "Caico/Millet", "Cainza Campo 3",
# and words run together ("GovindapuramChilakaluripetGuntur")
_NOT_A_TOWN = re.compile(
    r"(?i:\b(?:rayon|raion|district|distrito|township|municipality|municipio|comuna|okrug|county"
    r"|borough|region|province|prefecture|huyện|thị xã|quận|city and|urban|gun|shi|ku|"
    r"provincia|departamento|partido|kreis|landkreis|gmina|powiat|obshchina)\b|-shi$)"
    r"|[/()0-9,]|[a-z][A-Z]|^[a-z]")


def package_dir() -> Path | None:
    """Where the package's data lies, or None when it is not installed."""
    spec = importlib.util.find_spec(PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations))) / "data" / "by-country"


def state_points(code: str) -> list[tuple[float, float]]:
    """The points of the places the package files under the ISO 3166-2 subdivision `code`
    ("SD-GZ": Gezira's towns), [] where it has none."""
    root = package_dir()
    country, _, state = code.partition("-")
    path = root / country / "states" / state / "cities.json" if root is not None else None
    if path is None or not path.exists():
        return []
    return [(float(c["latitude"]), float(c["longitude"])) for c in json.loads(path.read_text("utf-8"))
            if c.get("latitude") and c.get("longitude")]


def state_centres() -> dict[str, tuple[float, float]]:
    """ISO 3166-2 code -> the package's point for that first-level subdivision ("SD-GZ":
    Gezira's), for the subdivisions it gives one."""
    root = package_dir()
    centres = {}
    for path in sorted(root.glob("*/states.json")) if root is not None else ():
        for state in json.loads(path.read_text("utf-8")):
            if state.get("iso3166_2") and state.get("latitude") and state.get("longitude"):
                centres[state["iso3166_2"]] = (float(state["latitude"]), float(state["longitude"]))
    return centres


def country_points() -> dict[str, tuple[float, float]]:
    """ISO alpha-3 -> the package's point for the country, where it gives one."""
    root = package_dir()
    path = root.parent / "countries.json" if root is not None else None
    if path is None or not path.exists():
        return {}
    return {c["iso3"]: (float(c["latitude"]), float(c["longitude"]))
            for c in json.loads(path.read_text("utf-8"))
            if c.get("iso3") and c.get("latitude") and c.get("longitude")}


def read_places(alpha3: dict[str, str]) -> Iterator[tuple[float, float, str, str]]:
    """(lat, lon, country alpha-3, name) of every place the package lists as a city."""
    root = package_dir()
    if root is None:
        return
    for path in sorted(root.glob("*/states/*/cities.json")):
        for city in json.loads(path.read_text("utf-8")):
            country = alpha3.get(city.get("country_code", ""))
            name = (city.get("name") or "").strip()
            if country and name and city.get("latitude") and city.get("longitude"):
                yield float(city["latitude"]), float(city["longitude"]), country, name


def town_grid(places: list[Town], size: float) -> dict[tuple[int, int], list[Town]]:
    grid: dict[tuple[int, int], list[Town]] = defaultdict(list)
    for town in places:
        grid[(int(math.floor(town[0] / size)), int(math.floor(town[1] / size)))].append(town)
    return grid


def nearest_town(grids: list[tuple[float, dict[tuple[int, int], list[Town]]]], lat: float, lon: float,
             country: str) -> Town | None:
    """The nearest town of `country` in the 3x3 cells around the point of the finest grid that
    has one."""
    for size, grid in grids:
        row, column = int(math.floor(lat / size)), int(math.floor(lon / size))
        near = [t for r in (row - 1, row, row + 1) for c in (column - 1, column, column + 1)
                for t in grid.get((r, c), ()) if t[2] == country]
        if near:
            return min(near, key=lambda t: haversine_km(lat, lon, t[0], t[1]))
    return None


def new_towns(alpha3: dict[str, str], places: list[Town],
              known: dict[tuple[str, str], list[tuple[float, float]]]) -> Iterator[Town]:
    """The package's places that are not known already (`known`: (country, folded lower-case
    name) -> points of the gazetteer's cities and towns of that name), as towns of the town
    file: in the first-level division of the nearest town file place of their country within
    `_ADMIN_KM`; a place with none is left out, as is a name `_NOT_A_TOWN` matches."""
    # half-degree cells first; remote villages look across 2.5-degree ones (wider than _ADMIN_KM)
    grids = [(size, town_grid(places, size)) for size in (0.5, 2.5)]
    seen: set[tuple[str, str]] = set()
    for lat, lon, country, name in read_places(alpha3):
        key = (country, ascii_fold(name).lower())
        if key in seen or _NOT_A_TOWN.search(name) or len(name) < 4:
            continue
        if any(haversine_km(lat, lon, *other) < SAME_PLACE_KM for other in known.get(key, ())):
            continue
        nearest = nearest_town(grids, lat, lon, country)
        if nearest is None or haversine_km(lat, lon, nearest[0], nearest[1]) > _ADMIN_KM:
            continue
        seen.add(key)
        yield (round(lat, 4), round(lon, 4), country, nearest[3], name, "")
