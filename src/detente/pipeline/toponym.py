"""The record of a place name found in an article (`Toponym`: where it is, the places it may
name, what the words around it say) and how its readings relate to other places (`lies_in`,
`only_towns`). `toponyms.ToponymFinder` makes these; `places.PlaceResolver` weighs them.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from detente.model import Place, Span
from detente.places.build import TOWN_SOURCE
from detente.places.names import fold_name, haversine_km

_NEAR_KM = 100  # "X near Y", "X, outside Y": how far X may lie from the city Y
OWN_NAME_CITY = 100_000  # people in a city whose own name outranks other places' other names


@dataclass(frozen=True, slots=True)
class Toponym:
    """A place name found in the article: where, and the places it may name."""

    span: Span
    candidates: tuple[Place, ...]
    # the words around it make it a place: a locative preposition ("in eastern Ukraine"), a
    # verb of motion ("fled Sudan"), a destination ("a visit to China"), a place it owns
    locative: bool
    admin_word: str = ""  # "region" of "Donetsk region": the name is the city's division
    feature_word: str = ""  # "Valley" of "Kurram Valley": a feature at the place of that name
    within: Span | None = None  # "Texas" of "Paris, Texas": the place it is said to lie in
    actor: bool = False  # the words make it a government: "Texas sued", "pressure from Beijing"
    # the words name people by it, who act ("officials from X met", "the leaders of X
    # discussed"): a place, not a party, but not the scene of what they do
    origin: bool = False
    sentence: int = 0  # the token its sentence starts at
    demonym: str = ""  # "the Libyan capital Tripoli": the country a demonym next to it names
    nearby: tuple[str, ...] = ()  # the countries the demonyms of its sentence name
    # "X, a town in northern Mali", "X in Syria's Idlib province", "X near Aleppo": the places
    # the name after it may be, which say where it lies
    anchor: tuple[Place, ...] = ()
    # what allows a town of the town file (1,000-5,000 people): "named" (a settlement word, an
    # anchor, a demonym, the dateline, a list after such a name), "locative" ("fighting in X":
    # only in the story's country, and only when no larger place has the name) or nothing
    small: str = ""
    # the far side of a border or crossing ("the crossing on its border with X"): not the
    # country of an unknown name beside it
    across: bool = False
    # "the X crossing", "the X camp": a facility word after it, which names a small place at
    # the story's scene more often than a namesake far away
    facility: bool = False
    # "on X": an island's preposition (a city is seldom "on"), so no big city abroad is meant
    # by another of its names ("on Tanna" is not Thane, which geonames also calls Tanna)
    on: bool = False
    # the names listed with it ("Alabama and Georgia"): one of the same kind and country
    listed: tuple[int, ...] = ()  # their starts (characters)
    # a name the gazetteer lacks, which the words make a place: the kind they say it is
    # ("the village of X": city) and where the place it lies in is named ("X in eastern
    # Poland": the start of "Poland", in characters; -1 where none is)
    kind: str = ""
    lies_in: int = -1
    # "X, a town 40 km south of Y": how far and which way from that place (km, bearing)
    offset: tuple[float, float] | None = None
    # "X, in northern Benin": the part of the place it lies in ("northern"), for a country
    part: str = ""
    # "X, close to the border with Mauritania": the country whose border it lies near, so in
    # one of its neighbours
    border_with: str = ""
    # a name the gazetteer lacks across a river or border from a town named before it ("X,
    # the Somali town across the river", "on the other side, at X"): beside that town
    facing: bool = False
    # "the X camp, across the border": over the border from the story's towns named before it
    beyond_border: bool = False
    # "X island", a name the gazetteer has for towns only: those towns, one of which, in a
    # country of the story, the island most often holds ("ferries to X island")
    namesakes: tuple[Place, ...] = ()

    @property
    def country_named(self) -> bool:
        """Whether one of the places it may name is a country ("Georgia", "Niger")."""
        return any(p.feature == "country" for p in self.candidates)

    @property
    def a_countrys_name(self) -> bool:
        """Whether it is written as the name of a country it may be ("Morocco"; not "Congo"
        for the Democratic Republic of the Congo)."""
        text = fold_name(self.span.text)
        return any(p.feature == "country" and fold_name(p.name) == text for p in self.candidates)


def lies_in(place: Place, anchor: Place) -> bool:
    """Whether `place` lies in (or, for a city, near) `anchor`."""
    if anchor.feature == "country" or anchor.source == "curated":
        # Jersey (JEY, with GBR concerned) lies in Britain
        return place.country == anchor.country or place.country in anchor.countries or \
            anchor.country in place.countries
    if place.country != anchor.country:
        return False
    if anchor.feature == "admin":
        # or a town near its point: a division merged or renamed since the town file was made
        # ("Levanger in Trøndelag", whose town file still has Nord- and Sør-Trøndelag)
        return place.admin1 == anchor.admin1 or place.feature == "city" and \
            haversine_km(place.lat, place.lon, anchor.lat, anchor.lon) <= _NEAR_KM
    return place.admin1 == anchor.admin1 or \
        haversine_km(place.lat, place.lon, anchor.lat, anchor.lon) <= _NEAR_KM


def own_name_population(toponym: Toponym) -> int:
    """The people of the largest city that bears the name as written as its own name (not as
    another of its names: "Puno", not Pune), 0 where none does."""
    text = fold_name(toponym.span.text)
    return max((p.population for p in toponym.candidates if p.feature == "city"
                and fold_name(p.name) == text), default=0)


def only_towns(candidates: tuple[Place, ...]) -> bool:
    return all(p.source == TOWN_SOURCE for p in candidates)


def sentence_start(starts: list[int], token: int) -> int:
    """The token the sentence of `token` starts at (`starts`: each sentence's first token)."""
    return starts[bisect.bisect_right(starts, token) - 1]
