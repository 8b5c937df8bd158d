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
from functools import cache

from detente.errors import DetenteError

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
