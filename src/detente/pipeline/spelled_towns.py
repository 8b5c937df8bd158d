"""Towns found by another spelling of a name (`places/spellings.py`), for `places.PlaceResolver`.

A name the gazetteer lacks may be a town of the story spelt otherwise ("Tal Rifaat" in northern
Syria is Tall Rif'at); and a name the gazetteer has only abroad may be one of the story's own
country ("Susa" in a story from Derna is Libya's Susah). Either town must lie where the words
put the name and near the places the story names in its country.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from detente.model import Place
from detente.pipeline.toponym import Toponym, lies_in
from detente.places.gazetteer import Gazetteer
from detente.places.names import fold_name, haversine_km

_NEAR_KM = 1000  # a town found by another spelling lies this near the story's places there
# a town found by its consonants alone lies this near a place the story names, in any country:
# "the village of Olympos" on Karpathos is no Olympiada 570 km away, nor "near Sidakan" in
# Iraqi Kurdistan an Iranian Sud Jan
_CONSONANTS_KM = 250
_OWN_NAME_ABROAD = 20_000  # people in a place abroad of the very name, read before a home spelling


def spelled_town(gazetteer: Gazetteer, toponym: Toponym, within: Place | None, country: str,
                 story: Sequence[Place], parties: Sequence[str] = ()) -> Place | None:
    """The town a settlement's name the gazetteer lacks is another spelling of: in the
    country the words or the story give (`country`), else that of a people its sentence names
    ("Anse-à-Pitres, the Haitian town"), else the story's other countries, else the shores of
    a sea the story names ("off Salif" in the Red Sea is Yemen's), else the countries whose
    governments it names (`parties`: "Baku said ... near X"); in the place the words say
    holds it (`within`), and near a place the story names in that country ("cabins in Hunt" in
    a story of Kerrville, Texas, is no village of that other name in Wisconsin)."""
    if toponym.kind != "city":
        return None
    # (a demonym beside the name says its country alone: "the North Korean village of X" is no
    # South Korean town spelled like it)
    tries = [toponym.demonym] if toponym.demonym else \
        [country, *toponym.nearby, *(p.country for p in story), *(c for p in story for c in p.countries),
         *parties]
    for code in dict.fromkeys(c for c in tries if c):
        if within is not None and within.country and code != within.country:
            continue
        place = _spelled_near(gazetteer, code, toponym.span.text, story)
        if place is not None and (within is None or lies_in(place, within)):
            return place
    return None


def _spelled_near(gazetteer: Gazetteer, country: str, name: str,
                  story: Sequence[Place]) -> Place | None:
    """The town of `country` spelt like `name` that lies near the story: by its letters within
    `_NEAR_KM` of the story's places there, else by its consonants within `_CONSONANTS_KM` of
    any place but a country the story names, where it names one (a looser match needs closer
    support)."""
    place = gazetteer.spelled_like(country, name, by="letters")
    if place is not None:
        return place if _near_story(place, story) else None
    place = gazetteer.spelled_like(country, name, by="consonants")
    # (not a country, nor a place the gazetteer lacks, which stands where the story does; with
    # none, the country decides)
    named = [q for q in story if q.feature != "country" and q.source != "context"]
    return place if place is not None and (not named or any(
        haversine_km(place.lat, place.lon, q.lat, q.lon) <= _CONSONANTS_KM for q in named)) else None


def with_home_spelling(gazetteer: Gazetteer, toponym: Toponym, home: str,
                       story: Sequence[Place]) -> Toponym:
    """The name with the town of the story's country (`home`) it may be another spelling of,
    where the gazetteer has it only as small towns abroad or as another name of bigger ones:
    "Susa" in a story of Libya may be Susah, not Sousse (one of whose names it is) nor the
    Italian village; but "met in Bonn" in a story from Washington is Bonn."""
    text = fold_name(toponym.span.text)
    if not home or not toponym.candidates or not toponym.locative or any(
            p.country == home or home in p.countries or p.feature != "city" or
            p.population >= _OWN_NAME_ABROAD and fold_name(p.name) == text
            for p in toponym.candidates):
        return toponym
    place = _spelled_near(gazetteer, home, toponym.span.text, story)
    if place is None:
        return toponym
    return replace(toponym, candidates=(*toponym.candidates, place))


def _near_story(place: Place, story: Sequence[Place]) -> bool:
    """Whether `place` lies within `_NEAR_KM` of a place the story names in its country, or
    the story names none there."""
    there = [q for q in story if q.country == place.country and q.feature != "country"]
    return not there or any(haversine_km(place.lat, place.lon, q.lat, q.lon) <= _NEAR_KM for q in there)
