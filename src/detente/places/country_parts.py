"""A compass part of a country: "northern Benin", "south-eastern Turkey".

A place the gazetteer lacks that copy puts only "in northern Benin" stands better in the north
of Benin than at the country's middle, 300 km south of it. The part is the third of the
country's mainland outline (its largest ring, from `outlines.country_outlines`) on that side,
both thirds for a corner ("north-eastern"), the middle third both ways for "central"; its point
is the mean of a grid of points of the outline that fall in the part.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from detente.outlines import country_outlines, ring_contains

# the words copy writes a part in -> (north-south, east-west): 1 north or east, -1 south or
# west, 0 the middle third, None that way unsaid
PART_WORDS: dict[str, tuple[int | None, int | None]] = {
    "northern": (1, None), "southern": (-1, None), "eastern": (None, 1), "western": (None, -1),
    "north-eastern": (1, 1), "northeastern": (1, 1), "north-western": (1, -1),
    "northwestern": (1, -1), "south-eastern": (-1, 1), "southeastern": (-1, 1),
    "south-western": (-1, -1), "southwestern": (-1, -1), "central": (0, 0),
}
_GRID = 30  # points across the outline's box, each way


@dataclass(frozen=True, slots=True)
class CountryPart:
    """A part's point, and the box of latitudes and longitudes it covers."""

    lat: float
    lon: float
    south: float
    north: float
    west: float
    east: float

    def holds(self, lat: float, lon: float) -> bool:
        return self.south <= lat <= self.north and self.west <= lon <= self.east


@functools.cache
def country_part(country: str, word: str) -> CountryPart | None:
    """The part of `country` a part word names ("northern"), or None where the word names
    none or the country has no outline."""
    sides = PART_WORDS.get(word.lower())
    rings = country_outlines().get(country)
    if sides is None or not rings:
        return None
    ring = max(rings, key=len)  # the mainland, not its islands
    lons = [x for x, _ in ring]
    lats = [y for _, y in ring]
    if max(lons) - min(lons) > 180:
        return None  # a ring across the antimeridian (Chukotka, Fiji): no plain box
    south, north = _third(min(lats), max(lats), sides[0])
    west, east = _third(min(lons), max(lons), sides[1])
    points = [(lat, lon) for lat in _steps(south, north) for lon in _steps(west, east)
              if ring_contains(ring, lon, lat)]
    if not points:
        return None
    return CountryPart(round(sum(p[0] for p in points) / len(points), 4),
                       round(sum(p[1] for p in points) / len(points), 4), south, north, west, east)


def _third(low: float, high: float, side: int | None) -> tuple[float, float]:
    """The third of [low, high] on `side` (1 the high one, -1 the low, 0 the middle), or all of
    it where the side is unsaid."""
    if side is None:
        return low, high
    step = (high - low) / 3
    return {1: (high - step, high), -1: (low, low + step), 0: (low + step, high - step)}[side]


def _steps(low: float, high: float) -> list[float]:
    step = (high - low) / _GRID
    return [low + step * (i + 0.5) for i in range(_GRID)]
