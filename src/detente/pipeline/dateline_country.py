"""A dateline -> the country the story was filed from, for `places.PlaceResolver`.

The dateline's names are read together first ("BLACK RIVER, Jamaica" is the Jamaican town). A
town written alone that several countries have is then weighed against the story's other
places: "ABERDEEN" over a story of Hoquiam and Grays Harbor County is Washington's, not
Scotland's, which the town alone would be for its size.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from detente.pipeline.places import PlaceResolver
from detente.pipeline.toponym import Toponym
from detente.places.build import TOWN_SOURCE
from detente.places.names import fold_name

_STORY_PLACES = 2  # the story's towns and divisions in one other country that outweigh the name
_SURE_CITY = 500_000  # people in a dateline's own reading that the story does not overrule


def dateline_country(resolver: PlaceResolver, filed: Sequence[Toponym], toponyms: list[Toponym],
                     countries: Counter[str], actor_spans: list[tuple[int, int, str]]) -> str:
    """The country of the dateline's first name: as its own words read it, else, for a town
    named alone whose readings lie in several countries, the one of them where the story's
    other towns and divisions lie, when two or more do and none lies in the first reading's."""
    if not filed:
        return ""
    alone = resolver.resolve(list(filed), Counter())
    if not alone or alone[0].span != filed[0].span:
        return ""
    own = alone[0].place
    town = filed[0]
    readings = {p.country for p in town.candidates if p.source != TOWN_SOURCE}
    if len(filed) > 1 or len(readings) < 2 or own.population >= _SURE_CITY:
        return own.country
    name = fold_name(town.span.text)
    rest = [t for t in toponyms if t.span.start >= town.span.end]
    votes = Counter(m.place.country for m in resolver.resolve(rest, countries, "", actor_spans)
                    if not m.actor and m.place.feature in ("city", "admin")
                    and fold_name(m.span.text) != name)
    best = next((c for c, _ in votes.most_common() if c in readings), "")
    if best and best != own.country and votes[best] >= _STORY_PLACES and not votes[own.country]:
        return best
    return own.country
