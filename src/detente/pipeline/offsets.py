"""How far and which way a place lies from the place it is said to lie near.

"Tazrouk, a desert town 40 km south of Zagora": a place the gazetteer lacks stands at Zagora's
point moved 40 km south, not at Zagora itself. Copy gives the distance in kilometres or miles
and the way by a compass word; anything vaguer ("some distance north of", "south of") leaves the
place at its anchor.
"""

from __future__ import annotations

import math

from spacy.tokens import Doc

from detente.places.country_parts import PART_WORDS

_EARTH_KM = 6371.0
# units of length and their km: "40 km south of X", "within 10 miles of X"
KM_PER = {"km": 1.0, "kilometres": 1.0, "kilometers": 1.0, "kilometre": 1.0, "kilometer": 1.0,
          "miles": 1.609, "mile": 1.609}
# degrees clockwise from north
BEARINGS = {"north": 0, "northeast": 45, "north-east": 45, "east": 90, "southeast": 135,
            "south-east": 135, "south": 180, "southwest": 225, "south-west": 225, "west": 270,
            "northwest": 315, "north-west": 315}
_FURTHEST_KM = 500  # beyond this, "1,000 km south of Hawaii" says nothing a point could use


def part_before(doc: Doc, anchor: int) -> str:
    """The part word before the anchor starting at `anchor` ("northern" of "in northern
    Benin", "north-eastern" written as three tokens), or ""."""
    word = doc[anchor - 1].lower_ if anchor >= 1 else ""
    if word in ("eastern", "western") and anchor >= 3 and doc[anchor - 2].text == "-" and \
            doc[anchor - 3].lower_ in ("north", "south"):
        word = f"{doc[anchor - 3].lower_}-{word}"
    return word if word in PART_WORDS else ""


def offset_before(doc: Doc, end: int, anchor: int) -> tuple[float, float] | None:
    """(km, bearing) of "N km <way> of" between the name ending at `end` and its anchor's
    start `anchor` ("X, a town 40 km south of Y"), or None where the words give no distance
    and way."""
    if anchor < 3 or anchor - end > 16 or doc[anchor - 1].lower_ != "of":
        return None
    at = anchor - 2
    way = doc[at].lower_
    if at >= 2 and doc[at - 1].text == "-":  # "north-east" comes as three tokens
        way = f"{doc[at - 2].lower_}-{way}"
        at -= 2
    bearing = BEARINGS.get(way)
    if bearing is None:
        return None
    at -= 1
    if doc[at].text == ")":  # "25 km (15 miles) south of": the first figure
        while at > end and doc[at].text != "(":
            at -= 1
        at -= 1
    unit = KM_PER.get(doc[at].lower_)
    if unit is None or at - 1 < end:
        return None
    try:
        km = float(doc[at - 1].text.replace(",", "")) * unit
    except ValueError:
        return None
    return (km, float(bearing)) if 0 < km <= _FURTHEST_KM else None


def moved(lat: float, lon: float, km: float, bearing: float) -> tuple[float, float]:
    """The point `km` from (lat, lon) along `bearing` (degrees from north), on a sphere.

    >>> [round(v, 2) for v in moved(0.0, 0.0, 111.2, 0.0)]
    [1.0, 0.0]
    """
    d, b = km / _EARTH_KM, math.radians(bearing)
    p1, l1 = math.radians(lat), math.radians(lon)
    p2 = math.asin(math.sin(p1) * math.cos(d) + math.cos(p1) * math.sin(d) * math.cos(b))
    l2 = l1 + math.atan2(math.sin(b) * math.sin(d) * math.cos(p1),
                         math.cos(d) - math.sin(p1) * math.sin(p2))
    return math.degrees(p2), (math.degrees(l2) + 540.0) % 360.0 - 180.0
