"""Words that say a small place is meant: a settlement word ("the village of X", "X, a small
desert town", "the towns of X and Y"), a road or a move ending at the name ("the road to X"),
or one end of a stretch ("between Gao and X"). The town file's small towns are read only where
these, or a locative (`SMALL_LOCATIVES`), allow them (`toponyms.ToponymFinder.small_place`).
"""

from __future__ import annotations

from spacy.tokens import Doc

from detente.pipeline.division_words import after_list
from detente.pipeline.offsets import BEARINGS
from detente.pipeline.place_words import (
    ALIAS_WORDS,
    LINKING,
    LOCATIVES,
    MOVE_ADVERBS,
    bound_for,
    carried_before,
    demonyms,
)

# words for a settlement: "the village of X" says a place is meant, however small
SETTLEMENTS = frozenset({"village", "villages", "town", "towns", "city", "cities", "hamlet",
                         "hamlets", "settlement", "settlements", "district", "districts",
                         "township", "townships", "municipality", "commune", "locality",
                         "suburb", "neighbourhood", "neighborhood", "outpost", "kibbutz",
                         "port", "camp"})

# "the road to X", "the highway north to X", "fled towards X": a name the gazetteer lacks after
# these is where someone or something goes, a place
_ROUTES = frozenset({"road", "roads", "highway", "route", "routes", "way", "bridge", "convoy",
                     "convoys", "ferry", "ferries", "train", "trains", "flight", "flights", "bus",
                     "buses", "drove", "travelled", "traveled", "fled", "moved", "headed", "walked",
                     "sailed", "sailings", "marched", "evacuated", "taken", "brought", "returned", "back",
                     "ferried", "flown", "shipped", "smuggled", "trucked", "airlifted", "deported",
                     "transferred", "escaped", "ran", "rushed", "retreated", "withdrew",
                     "relocated", "swam", "rowed", "trekked", "hiked", "fleeing", "heading",
                     "walking", "driving", "sailing", "moving", "returning", "travelling",
                     "traveling", "spread", "spreading", "spreads", "flew", "fly", "flying",
                     "crossing", "crossed"})


def toward(doc: Doc, start: int) -> bool:
    """Whether the name at `start` is where a road leads or people go: "the road to X", "the
    highway north to X", "moved north towards X", "the ferry left for X"."""
    back = start - 1
    if back >= 1 and doc[back].lower_ == "for":
        return bound_for(doc, back)  # "the boat left for X"
    if back < 1 or doc[back].lower_ not in ("to", "towards", "toward"):
        return False
    back -= 1
    if doc[back].lower_ == "across" and doc[start - 1].lower_ == "to":
        return True  # "sent them across to X": over a border or a river, to a place
    while back > 0 and doc[back].lower_ in MOVE_ADVERBS:
        back -= 1
    if doc[back].lower_ in _ROUTES or doc[back].lower_ == "by" or doc[start - 1].lower_ != "to":
        return True
    if doc[start - 2].lower_ in _COMPASS_WAYS:
        return True  # "residents fled, some east to X": a way and where it ends
    for at in range(start - 2, max(-1, start - 8), -1):
        if doc[at].is_punct:
            break
        if doc[at].lower_ in LINKING:
            return True  # "the bridge linking Y to X": the other end of a way
    # "ferried food to X", "brought the wounded to X": what is moved between the move and "to"
    return carried_before(doc, back, beside_to=False)


# the ways people go, before "to X"
_COMPASS_WAYS = frozenset(BEARINGS) | frozenset({"northward", "southward", "eastward", "westward"})


def between_places(doc: Doc, start: int, end: int) -> bool:
    """Whether the name doc[start:end] is one end of a stretch: "between Gao and X", "between
    X and Gao" (the ends of a road, a ferry or a front)."""
    return between_at(doc, start, end) >= 0


def between_at(doc: Doc, start: int, end: int) -> int:
    """Where the "between" stands whose stretch the name doc[start:end] ends (`between_places`);
    -1 where there is none."""
    if start >= 1 and doc[start - 1].lower_ == "between":
        return start - 1 if end < len(doc) and doc[end].lower_ == "and" and \
            not _people(doc[start].text) else -1
    back = start - 2
    if back < 1 or doc[start - 1].lower_ != "and":
        return -1
    while back > 0 and doc[back].is_title:
        back -= 1
    return back if back < start - 2 and doc[back].lower_ == "between" and \
        not _people(doc[back + 1].text) else -1


def _people(word: str) -> bool:
    """Whether the first word after "between" names peoples, not places: "between Kurdish and
    Arab protesters"."""
    return word in demonyms() or word.endswith(("ish", "ian", "ese"))


# prepositions that put a small place in the story's country ("fighting in X"); "from", "over"
# and the like also govern people and things ("a call from X")
SMALL_LOCATIVES = frozenset({"in", "near", "nearby", "outside", "at", "around", "inside", "into",
                             "through", "via", "past", "beyond"})


def designated(doc: Doc, start: int, end: int, words: frozenset[str] = SETTLEMENTS) -> bool:
    """Whether a word for a settlement names the name a place: "the village of X", "the
    Syrian border town of X", "the hamlet X", "X village"; with `words`, one of those."""
    before = doc[start - 1].lower_ if start else ""
    if before in ("of", "including") and start >= 2:
        before = doc[start - 2].lower_  # "villages including X and Y"
    elif before == "as" and start >= 3 and doc[start - 2].lower_ == "such":
        before = doc[start - 3].lower_  # "towns such as X"
    after = doc[end].lower_ if end < len(doc) else ""
    if after in ALIAS_WORDS:
        return False  # "the town Russia calls X": the name is who calls it, not the town
    return before in words or after in words and after not in ("city", "cities") or \
        apposed(doc, end, words)


def apposed(doc: Doc, end: int, words: frozenset[str]) -> bool:
    """Whether an apposition after the name begins with a settlement word: "X, a village on
    the Altiplano", "X, a small fishing town", "X, a tin-mining town"; not one that opens a
    compound ("X, a village elder", "X, a town councillor": a person)."""
    if end + 2 >= len(doc) or doc[end].text != "," or doc[end + 1].lower_ not in ("a", "an", "the"):
        return False
    hyphens = 0
    for at in range(end + 2, min(len(doc), end + 9)):
        if at > end + 4 + 2 * hyphens:
            return False  # three words at most before the settlement word
        token = doc[at]
        if token.text == "-" and doc[at - 1].is_alpha and hyphens < 2:
            hyphens += 1  # "X, a tin-mining town": a hyphened word counts as one
            continue
        if token.lower_ in words:
            after = doc[at + 1] if at + 1 < len(doc) else None
            # "X, a desert town south of Y" and "X, a hamlet near Y" name a town, "X, a village
            # elder" a person
            return after is None or after.lower_ in MOVE_ADVERBS or after.lower_ in LOCATIVES or \
                not (after.is_lower and after.is_alpha and not after.is_stop)
        if not token.is_lower or not token.is_alpha:
            return False
    return False


def designated_in_list(doc: Doc, start: int, end: int, words: frozenset[str]) -> bool:
    """`designated`, or listed after a name a settlement word names: "the towns of X and Y"."""
    if designated(doc, start, end, words):
        return True
    back = start - 1
    if back < 1 or doc[back].lower_ not in ("and", "or", ","):
        return False
    if end < len(doc) and doc[end].text in ("'s", "’s"):
        return False  # "the town of X, Armenia's defence ministry said": a new clause's owner
    while back > 0 and start - back < 10 and (doc[back].is_title or doc[back].lower_ in
                                              ("and", "or", ",")):
        back -= 1
    return back < start - 2 and designated(doc, back + 1, back + 2, words)


# settlement words that make a name a town, never a division ("the towns of X and Y")
TOWN_WORDS = frozenset({"village", "villages", "town", "towns", "hamlet", "hamlets",
                        "settlement", "settlements", "kibbutz"})


# places a small town is known for, after its name: "the X crossing", "the X and Y crossings"
_FACILITIES_AFTER = frozenset({"crossing", "crossings", "airport", "airfield", "port", "dam",
                               "camp", "refinery", "mine", "checkpoint"})


def facility_after(doc: Doc, end: int) -> bool:
    """Whether a facility word follows the name ending at `end`, or the list it opens: "the
    Salla crossing", "the X and Y crossings"."""
    end = after_list(doc, end)
    return end < len(doc) and doc[end].lower_ in _FACILITIES_AFTER
