"""Which readings of a name the story allows, before they are scored (`places.PlaceResolver`):
the town file's small towns only where the words let a small place be meant (`admit_towns`),
and no town, namesake or river far from every place the story names and in none of its
countries (`without_far_alternates`, `without_far_namesakes`, `without_far_rivers`).
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from detente.model import Place
from detente.pipeline.name_words import FEATURE_WORDS
from detente.pipeline.toponym import OWN_NAME_CITY, Toponym, lies_in, only_towns, own_name_population
from detente.places.build import TOWN_SOURCE
from detente.places.divisions import SECOND_SOURCE
from detente.places.gazetteer import Gazetteer
from detente.places.names import fold_name, haversine_km, same_name
from detente.places.spellings import like_spelling

if TYPE_CHECKING:
    from detente.pipeline.places import _Context


_SMALL_RANK = {"": 0, "locative": 1, "named": 2}  # how firmly the words admit a small town


def admitted_at_every_mention(toponyms: list[Toponym]) -> list[Toponym]:
    """One sense per story: the words that admit a small town at one mention of its name admit
    it at the others ("came ashore near Cameron ... reached Cameron by boat")."""
    firmest: dict[str, str] = {}
    for toponym in toponyms:
        name = fold_name(toponym.span.text)
        if _SMALL_RANK[toponym.small] > _SMALL_RANK[firmest.get(name, "")]:
            firmest[name] = toponym.small
    return [replace(t, small=firmest[fold_name(t.span.text)])
            if _SMALL_RANK[firmest.get(fold_name(t.span.text), "")] > _SMALL_RANK[t.small] else t
            for t in toponyms]


def admit_towns(toponym: Toponym, home: str, story: set[str] = frozenset(),
                divisions: set[tuple[str, str]] = frozenset()) -> Toponym:
    """The name with the town file's towns it may name: all where the words name a small place
    ("the village of X"), those of the story's country where a locative governs a name no
    larger place has ("fighting in X"), else those of the one other country the story names
    that has the name ("strikes near X" in a story of Israel and Lebanon), else none: a small
    place never outranks a larger one on its own, nor turns a surname into a place. A locative
    town in a division the story clearly names stays beside larger namesakes ("parts of
    Ipswich" in a story of Queensland: the town file's Ipswich there, not England's)."""
    if toponym.small == "named" or not toponym.small and not any(
            p.source == TOWN_SOURCE for p in toponym.candidates):
        return toponym
    if toponym.small == "locative" and not only_towns(toponym.candidates) and any(
            (p.country, p.admin1) in divisions for p in toponym.candidates
            if p.source == TOWN_SOURCE):
        return replace(toponym, candidates=tuple(
            p for p in toponym.candidates
            if p.source != TOWN_SOURCE or (p.country, p.admin1) in divisions))
    if toponym.small == "locative" and not home and not story and only_towns(toponym.candidates) \
            and len({p.country for p in toponym.candidates}) == 1:
        return toponym  # "a hamlet near Khalapur" in an item that names nowhere else: the one
        # country whose towns bear the name
    if toponym.small == "locative" and (home or story) and only_towns(toponym.candidates):
        kept = tuple(p for p in toponym.candidates if p.country == home)
        if not kept and len({p.country for p in toponym.candidates} & story) == 1:
            kept = tuple(p for p in toponym.candidates if p.country in story)
        if not kept:
            # "trade resumed through Muse" in a story of Myanmar: not the Pennsylvania hamlet
            # but a town of the story the gazetteer lacks (a language never gets here: the
            # finder does not keep "in English", `ToponymFinder.keeps`)
            return replace(toponym, candidates=(), kind="city")
    elif home and all(
            p.country != home and p.population < _FAR_NAMESAKE and p.feature != "country"
            for p in toponym.candidates if p.source != TOWN_SOURCE):
        # "fires around Fort Smith" in a story from Canada: its town there, not the US city;
        # so too where no locative governs it ("one patrol boat for the whole X peninsula" in
        # a story of Haiti is no Californian town)
        kept = tuple(p for p in toponym.candidates if p.source != TOWN_SOURCE or p.country == home)
    else:
        kept = tuple(p for p in toponym.candidates if p.source != TOWN_SOURCE)
    return replace(toponym, candidates=kept)


_FAR_ALTERNATE = 200_000  # people: a smaller town abroad is not meant by another of its names
_STORY_KM = 500  # km from a place the story names clearly: a town this near may be meant
_FAR_NAMESAKE = 100_000  # people: a smaller town abroad gives way to the story's own town


def without_far_alternates(toponym: Toponym, context: _Context, gazetteer: Gazetteer) -> Toponym:
    """The name without the towns it names only by another of their names ("Pyla" is one of
    Piła's, in Poland), under 200,000 people and in none of the story's countries: in a
    story from Cyprus, Pyla is the Cypriot village the gazetteer lacks. Old spellings of
    towns in the story ("Kharkov") and of big cities ("Bombay") are kept, but for an island's
    "on X" ("on Tanna" in a story from Vanuatu is not Thane, 1.8 million people) and in a
    story with a dateline, whose country is known: "homes in Akula" in a story from Papua New
    Guinea is no Indian city of 400,000 that geonames also calls so (a division keeps its other
    names: "West Darfur" in a story from Geneva)."""
    text = fold_name(toponym.span.text)
    own = [same_name(fold_name(p.name), text) for p in toponym.candidates]
    story_countries = context.story(toponym)[0] if any(own) and not all(own) else set()
    if any(is_own and p.country in story_countries
           for p, is_own in zip(toponym.candidates, own, strict=True)):
        # "the Salisbury attack" in a story of Britain: its own town there, not Harare, which
        # was once called so, however large
        kept = tuple(p for p in toponym.candidates
                     if same_name(fold_name(p.name), text) or p.country in story_countries or
                     p.feature != "city")  # (a river's other name stays: "the Panj")
        toponym = replace(toponym, candidates=kept)
    suspects = [p for p in toponym.candidates
                if (p.population < _FAR_ALTERNATE or toponym.on or
                    context.dateline and p.feature == "city")
                and p.source in ("geonames", TOWN_SOURCE) and not same_name(fold_name(p.name), text)]
    if not suspects:
        return toponym
    countries, places = context.story(toponym)
    if not countries and not places:
        return toponym  # the story says nowhere else
    # a sea names its shores: "off Berdiansk" in the Sea of Azov may be Ukraine's
    countries |= {c for q in places for c in q.countries}
    places += [q for q in map(gazetteer.country, countries) if q is not None]
    dropped = {id(p) for p in suspects if far_from_story(p, countries, places)}
    if not dropped:
        return toponym
    kept = tuple(p for p in toponym.candidates if id(p) not in dropped)
    if not kept and toponym.locative:  # "a road near Pyla": a place the gazetteer lacks
        return replace(toponym, candidates=(), kind="city")
    return replace(toponym, candidates=kept)


def without_small_alternates(toponym: Toponym) -> Toponym:
    """The name without the towns it names only by another of their names, a fifth the size
    or less of a city of 100,000 people or more whose own name it is: "near Kaesong" in a
    story from South Korea is North Korea's city, not Goesan, which geonames also calls so."""
    if not any(p.population >= OWN_NAME_CITY for p in toponym.candidates):
        return toponym  # most names: no city that large to weigh
    own = own_name_population(toponym)
    if own < OWN_NAME_CITY:
        return toponym
    text = fold_name(toponym.span.text)
    kept = tuple(p for p in toponym.candidates if p.feature != "city" or
                 p.population * _SMALLER >= own or same_name(fold_name(p.name), text) or
                 like_spelling(p.name, toponym.span.text))
    return replace(toponym, candidates=kept) if len(kept) < len(toponym.candidates) else toponym


_SMALLER = 5


def without_far_namesakes(toponym: Toponym, context: _Context, gazetteer: Gazetteer) -> Toponym:
    """In a story with a dateline (or after an island's "on"), a name whose every reading is a
    town of under 100,000 people
    in none of the story's countries and far from its places is a place the gazetteer lacks,
    in the story: "near Enterprise" in a story from Hay River, Northwest Territories, is the
    hamlet there, not Enterprise, Alabama. So is a name that is a county or district abroad:
    "the Laguna region" in a story from Torreón is Mexico's, not the Philippine province. Not
    where it is listed with a place abroad: "flights from Brisbane and Nadi" in a story from
    Vanuatu go to Fiji's Nadi."""
    # (or an island's "on X", whatever the story's dateline: "the airport on Rota" in a story of
    # the Marianas is none of Spain's towns)
    # (or a name its words make a division: "police in the Gamo zone" beside Arba Minch are
    # Ethiopia's, not a Japanese town's)
    # (and a name the words call a village or town is none of the cities abroad that bear it:
    # "the village of Berlín" in a story from Bucaramanga)
    # (or a facility's name: "near the X crossing" in a story of the Iran-Afghan border is
    # none of India's towns)
    # (or a name the words call a village or town, whatever the story's dateline: "the border
    # village of X, Armenia's defence ministry said" is none of Romania's towns)
    if not (context.dateline or toponym.on or toponym.admin_word or toponym.facility or
            toponym.small == "named" and only_towns(toponym.candidates)) or \
            toponym.actor or \
            not toponym.candidates or not all(
                _namesake(p) or toponym.small == "named" and p.feature == "city"
                for p in toponym.candidates):
        return toponym
    # (a partner read abroad only by another name of a city there vouches for nothing: "a
    # curfew on X, Wara and Y" in a Nigerian story is not Palopo, Indonesia, once called Wara)
    partners = [(context.first.get(start), context.names.get(start, "")) for start in toponym.listed]
    if any(p is not None and p.country != context.dateline and p.feature != "country" and
           same_name(fold_name(p.name), name) for p, name in partners):
        return toponym
    # (two such names abroad do not vouch for each other: "Oak Island" and "Lunenburg County"
    # in a story from Nova Scotia are not North Carolina's and Virginia's for each other's sake)
    countries, places = context.story(toponym, unless=lambda q: bool(context.dateline) and
                                      q.country != context.dateline and _namesake(q))
    if not countries and not places:
        return toponym  # "shells fell on X" in an item that names nowhere else: no story to weigh
    places += [q for q in map(gazetteer.country, countries) if q is not None]
    # (a division's name that only villages of the town file bear is the story's division
    # wherever those villages lie: "Puncak regency" in a story from Papua is no Javanese village
    # of the name 1,500 km away)
    owned = set() if toponym.admin_word and all(p.source == TOWN_SOURCE for p in toponym.candidates) \
        else countries
    near = [q for q in places if q.feature != "country" or owned]
    if not near or not all(far_from_story(p, owned, near) for p in toponym.candidates):
        return toponym
    # "the ferry to Uig on Skye": what a town stands on is an island
    kind = "admin" if toponym.admin_word else "island" if toponym.on else "city"
    return replace(toponym, candidates=(), kind=kind)


def _namesake(place: Place) -> bool:
    """Whether `place` is of the kind a far namesake is: a town of under 100,000 people, or a
    second-level division."""
    return place.feature == "city" and place.population < _FAR_NAMESAKE and \
        place.source in ("geonames", TOWN_SOURCE) or \
        place.feature == "admin" and place.source == SECOND_SOURCE


def without_far_rivers(toponym: Toponym, context: _Context) -> Toponym:
    """A water name whose every reading is a river or lake of geonames or the town file far from
    each place the story clearly names is the story's water the gazetteer lacks: "the Guadalupe
    River" in a story from Kerrville, Texas, is not California's, 2,000 km away. (The curated
    list's rivers are long: its point is one of many.)"""
    river_word = toponym.feature_word.lower() == "river"  # "the X River": where X is
    # (and "the X valley", "the X mountains": a landform named after a place is near it)
    land_word = FEATURE_WORDS.get(toponym.feature_word) == "region"
    if not toponym.candidates or not river_word and not land_word and any(
            p.feature != "sea" or p.source == "curated" for p in toponym.candidates):
        return toponym
    countries, places = context.story(toponym)
    places = [q for q in places if q.feature in ("city", "admin")]
    if not places:
        return toponym
    # a river named after a town is near it: in the story's countries and near its places
    kept = tuple(p for p in toponym.candidates if p.source == "curated" and not land_word or
                 not far_from_story(p, set(), places) and
                 (not (river_word or land_word) or p.country in countries))
    if kept:
        return replace(toponym, candidates=kept) if river_word or land_word else toponym
    return replace(toponym, candidates=(), kind="region" if land_word else "sea")


def far_from_story(place: Place, countries: set[str], places: list[Place]) -> bool:
    """Whether `place` lies in none of the story's countries and over `_STORY_KM` from each of
    its places (not Termez, on the Afghan border, in a story of Afghanistan)."""
    return not {place.country, *place.countries} & countries and all(
        haversine_km(place.lat, place.lon, q.lat, q.lon) > _STORY_KM for q in places)


def divisions_of_their_country(toponyms: list[Toponym]) -> list[Toponym]:
    """A name whose every reading is a division, none of them in the country its words put it
    in, is a division of that country the gazetteer lacks: "New Caledonia's Northern
    Province" is not Sri Lanka's, Ghana's or Zambia's. It stands in that country."""
    out = []
    for toponym in toponyms:
        owners = toponym.anchor
        if owners and toponym.candidates and all(a.feature == "country" for a in owners) and \
                all(p.feature == "admin" for p in toponym.candidates) and \
                not any(lies_in(p, a) for p in toponym.candidates for a in owners):
            owner = next((t.span.start for t in toponyms
                          if any(a in t.candidates for a in owners)), -1)
            toponym = replace(toponym, candidates=(), kind="admin", lies_in=owner)
        out.append(toponym)
    return out
