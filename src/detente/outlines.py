"""Country outlines for maps, from the GeoJSON that ships inside the `countryinfo` package.

Nothing is downloaded and no tile server is used: the outlines (about 10,000 points for the
world, a coarse Natural-Earth-like scale) are read once from the installed package's data files.

    >>> outlines = country_outlines()
    >>> len(outlines) > 170, len(outlines["FRA"]) > 1  # mainland France and Corsica
    (True, True)
"""

from __future__ import annotations

import importlib.resources
import json
from collections.abc import Sequence
from functools import cache

from detente.errors import DetenteError

WORLD = (-180.0, -60.0, 180.0, 85.0)  # west, south, east, north: Antarctica left out

# A ring is a closed list of (longitude, latitude) points; a country is a list of rings.
Ring = tuple[tuple[float, float], ...]


@cache
def country_outlines() -> dict[str, tuple[Ring, ...]]:
    """ISO 3166-1 alpha-3 code -> the outer rings of the country's polygons."""
    try:
        folder = importlib.resources.files("countryinfo") / "data"
    except ModuleNotFoundError:
        raise DetenteError("maps need the countryinfo package; pip install countryinfo") from None
    outlines: dict[str, tuple[Ring, ...]] = {}
    for entry in folder.iterdir():
        if not entry.name.endswith(".json"):
            continue
        country = json.loads(entry.read_text(encoding="utf-8"))
        code = (country.get("ISO") or {}).get("alpha3", "")
        rings = tuple(_outer_rings(country.get("geoJSON") or {}))
        if code and rings:
            outlines[code] = rings
    return outlines


def ring_contains(ring: Ring, lon: float, lat: float) -> bool:
    """Whether the point lies inside the ring (even-odd rule: a ray east of it crosses the
    ring's edges an odd number of times).

    >>> ring_contains(((0, 0), (2, 0), (2, 2), (0, 2), (0, 0)), 1.0, 1.0)
    True
    """
    inside = False
    for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1], strict=True):
        if (y1 > lat) != (y2 > lat) and lon < (x2 - x1) * (lat - y1) / (y2 - y1) + x1:
            inside = not inside
    return inside


def _outer_rings(collection: dict[str, object]) -> list[Ring]:
    rings: list[Ring] = []
    for feature in collection.get("features", []):  # type: ignore[attr-defined]
        geometry = feature.get("geometry") or {}
        polygons = geometry.get("coordinates", [])
        if geometry.get("type") == "Polygon":
            polygons = [polygons]
        # holes (inner rings) are left out: at world scale they are lakes nobody can see
        rings.extend(tuple((float(x), float(y)) for x, y, *_ in polygon[0])
                     for polygon in polygons if polygon)
    return rings


def map_view(lons: Sequence[float], lats: Sequence[float],
             aspect: float = 2.0) -> tuple[float, float, float, float]:
    """(west, south, east, north) holding every point with a margin, `aspect` times as wide
    as high, at least 40 degrees wide, within WORLD; WORLD when there are no points.

    >>> map_view([30.5, 37.8], [50.4, 48.0])
    (14.15, 39.2, 54.15, 59.2)
    """
    if not lons:
        return WORLD
    half_width = max((max(lons) - min(lons)) / 2 * 1.3, 20.0)
    half_height = max((max(lats) - min(lats)) / 2 * 1.3, 10.0)
    half_width, half_height = max(half_width, aspect * half_height), max(half_height, half_width / aspect)
    west, south, east, north = WORLD
    half_width = min(half_width, (east - west) / 2)
    half_height = min(half_height, (north - south) / 2)
    x = min(max((max(lons) + min(lons)) / 2, west + half_width), east - half_width)
    y = min(max((max(lats) + min(lats)) / 2, south + half_height), north - half_height)
    return (round(x - half_width, 4), round(y - half_height, 4), round(x + half_width, 4),
            round(y + half_height, 4))
