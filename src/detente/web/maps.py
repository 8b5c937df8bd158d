"""An inline-SVG world map drawn on the server: country outlines and a point per place.

Offline by design: the outlines come from the `countryinfo` package (`detente.outlines`), and
the map is plain SVG in an equirectangular projection (x = longitude, y = -latitude, in
degrees), so there are no tiles, no map library and no script needed to see it. Each point is
a link to the events at that place, coloured by the quad class most of them fall in (CSS
classes `q1`..`q4`, as the charts), with a <title> tooltip.

    >>> from detente.analysis import PlaceActivity
    >>> svg = world_map([PlaceActivity("Donetsk", "UKR", "city", 48.0, 37.8, 3, 0, 0, 1, 2, -6.0)],
    ...                 link=lambda p: "/events?place=" + p.name)
    >>> "Donetsk (UKR): 3 events" in svg and 'href="/events?place=Donetsk"' in svg
    True
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from functools import cache

from markupsafe import Markup

from detente.analysis import PlaceActivity
from detente.codebook import QUAD_CLASS_NAMES
from detente.outlines import country_outlines, map_view


def world_map(places: Sequence[PlaceActivity], link: Callable[[PlaceActivity], str],
              title: str = "Where the events happened") -> Markup:
    """The map as one <svg> element; its view fits the places (the world when there are none)."""
    west, south, east, north = map_view([p.lon for p in places], [p.lat for p in places])
    width, height = east - west, north - south
    unit = width / 1000  # one pixel of a 1000-pixel-wide map, in degrees
    parts = [
        Markup('<svg class="map" viewBox="{} {} {} {}" role="img" aria-label="{}" '
               'preserveAspectRatio="xMidYMid meet" xmlns="http://www.w3.org/2000/svg">').format(
            _n(west), _n(-north), _n(width), _n(height), title),
        Markup('<rect class="sea" x="{}" y="{}" width="{}" height="{}"/>').format(
            _n(west), _n(-north), _n(width), _n(height)),
        _land(),
        _graticule(west, south, east, north, unit),
    ]
    largest = max((place.events for place in places), default=1)
    for place in sorted(places, key=lambda p: -p.events):  # small points drawn last, on top
        radius = unit * (4 + 14 * math.sqrt(place.events / largest))
        parts.append(Markup(
            '<a href="{}" data-place="{}"><circle class="point q{}" cx="{}" cy="{}" r="{}">'
            '<title>{}</title></circle></a>').format(
            link(place), place.name, dominant_quad(place), _n(place.lon), _n(-place.lat),
            _n(radius), tooltip(place)))
    parts.append(Markup("</svg>"))
    return Markup("").join(parts)


def dominant_quad(place: PlaceActivity) -> int:
    """The quad class with the most events at the place (the lower class on a tie)."""
    counts = (place.quad1, place.quad2, place.quad3, place.quad4)
    return counts.index(max(counts)) + 1


def tooltip(place: PlaceActivity) -> str:
    where = f"{place.name} ({place.country})" if place.country else place.name
    counts = ", ".join(f"{getattr(place, f'quad{q}')} {QUAD_CLASS_NAMES[q]}" for q in range(1, 5)
                       if getattr(place, f"quad{q}"))
    mean = "" if place.goldstein_mean is None else f"; mean Goldstein {place.goldstein_mean:+.1f}"
    return f"{where}: {place.events} events ({counts}){mean}"


@cache
def _land() -> Markup:
    """Every country as one path, built once per process (about 80 kB of SVG)."""
    paths = []
    for code, rings in sorted(country_outlines().items()):
        d = "".join("M" + "L".join(f"{_n(x, 1)} {_n(-y, 1)}" for x, y in ring) + "Z" for ring in rings)
        paths.append(Markup('<path class="land" d="{}"><title>{}</title></path>').format(d, code))
    return Markup("<g>") + Markup("").join(paths) + Markup("</g>")


def _graticule(west: float, south: float, east: float, north: float, unit: float) -> Markup:
    """Light lines every 10, 30 or 60 degrees, labelled along the left and bottom edges."""
    step = next(s for s in (10, 30, 60) if (east - west) / s <= 8)
    font = unit * 11
    lines = []
    for lon in range(math.ceil(west / step) * step, int(east) + 1, step):
        lines.append(Markup('<line class="grid" x1="{0}" y1="{1}" x2="{0}" y2="{2}"/>'
                            '<text class="map-label" x="{0}" y="{3}" font-size="{4}" '
                            'text-anchor="middle">{5}</text>')
                     .format(_n(lon), _n(-north), _n(-south), _n(-south - font * 0.3), _n(font),
                             _degrees(lon, "E", "W")))
    for lat in range(math.ceil(south / step) * step, int(north) + 1, step):
        if lat - south < font * 2:  # would sit on the longitude labels
            continue
        lines.append(Markup('<line class="grid" x1="{0}" y1="{1}" x2="{2}" y2="{1}"/>'
                            '<text class="map-label" x="{3}" y="{4}" font-size="{5}">{6}</text>')
                     .format(_n(west), _n(-lat), _n(east), _n(west + font * 0.3), _n(-lat - font * 0.3),
                             _n(font), _degrees(lat, "N", "S")))
    return Markup("").join(lines)


def _degrees(value: int, positive: str, negative: str) -> str:
    return "0°" if value == 0 else f"{abs(value)}°{positive if value > 0 else negative}"


def _n(value: float, digits: int = 3) -> str:
    """A short number for SVG: rounded, no trailing zeros."""
    text = f"{value:.{digits}f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text
