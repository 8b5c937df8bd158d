"""An event -> where it happened: a place of its clause, else the dateline, else its sentence."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from spacy.tokens import Doc, Token

from detente.model import Location, Place, Span
from detente.pipeline.place_words import LOCATIVES
from detente.pipeline.places import PlaceMention
from detente.places.names import fold_name


def locate_event(trigger: Token, governor: Token, offset: int, places: list[PlaceMention],
                 dateline: PlaceMention | None, taken: Iterable[Span],
                 lede: PlaceMention | None = None) -> Location | None:
    """Where an event happened: the place in a locative phrase of its clause (but the scene of
    the story's lede before a country that holds it), else the scene of the story's lede
    (`lede_place`), else the dateline, else another place in its sentence that is not one of
    its actors."""
    taken = list(taken)
    # an actor's name is no place, unless its words make it one too: "Police in Hong Kong
    # fired", "jets struck sites in Pakistan" happened there
    # (nor is a place people are named by: "the government of X awarded")
    free = [m for m in places if not m.actor and not m.origin and (m.placed or not any(
        t.start < m.span.end and m.span.start < t.end for t in taken))]
    clause = _clause_place(trigger, governor, offset, free)
    if clause is None and governor.dep_ in _SHARING_THE_SCENE and governor.head.pos_ == "VERB":
        # "fighters attacked a post at X, killing two soldiers": the participle's deed happened
        # where its main verb's did
        clause = _clause_place(governor.head, governor.head, offset, free)
    # (a country the clause names is less than the story's scene in it: "Police in Ghana
    # arrested 20 people after a dispute near X" happened at X)
    if clause is not None and not (clause.place.feature == "country" and lede is not None and
                                   lede.place.country == clause.place.country):
        return Location(clause.place, clause.span, "clause")
    if lede is not None:
        # "HUANTA - Gunmen ambushed a patrol near Pichari ... Lima sent 300 troops": a later
        # deed with no place of its own belongs to the story's scene, not the reporter's town
        return Location(lede.place, lede.span, "lede")
    if dateline is not None:
        return Location(dateline.place, dateline.span, "dateline")
    if free:
        return Location(free[0].place, free[0].span, "sentence")
    return None


def lede_place(places: list[PlaceMention], lede: tuple[int, int],
               dateline: PlaceMention | None) -> PlaceMention | None:
    """The scene of a story's first sentence, where it is not the dateline's town: its first
    place the words put something in (a locative's), no party, no people's origin and no
    country (a country is no scene: "killed in Mali" says less than the dateline)."""
    start, end = lede
    scenes = [m for m in places if start <= m.span.start and m.span.end <= end and m.placed and
              not m.actor and not m.origin and (dateline is None or m.span != dateline.span) and
              m.place.feature != "country"]
    # (a town before the water it stands on: "a dike on the X gave way near Y" broke at Y)
    scene = next((m for m in scenes if m.place.feature != "sea"), scenes[0] if scenes else None)
    if scene is None or dateline is None:
        return scene
    # (the dateline's own town named again, or a division it lies in, is the dateline's scene:
    # "MOCOA - ... floods in Putumayo province")
    if scene.place == dateline.place or _holds(scene.place, dateline.place):
        return None
    return scene


def _holds(area: Place, town: Place) -> bool:
    """Whether `area` is the first-level division `town` lies in."""
    return area.feature == "admin" and area.country == town.country and bool(town.admin1) and \
        fold_name(area.name) == fold_name(town.admin1)


# how a participle or a joined verb hangs on the verb whose scene it shares
_SHARING_THE_SCENE = frozenset({"advcl", "conj"})


def _clause_place(trigger: Token, governor: Token, offset: int,
                  places: list[PlaceMention]) -> PlaceMention | None:
    if not places:
        return None
    heads = {trigger.i, governor.i}
    heads.update(c.i for h in (trigger, governor) for c in h.children
                 if c.dep_ in ("dobj", "attr", "nsubjpass", "xcomp", "advcl", "pobj"))
    doc = trigger.doc
    # the subject's own locative ("Police in Kosovo closed the Jarinje crossing") says where
    # the actor is; a place the act itself names is where it happened, and comes first
    subjects = {c.i for h in (trigger, governor) for c in h.children if c.dep_ in ("nsubj", "nsubjpass")}
    # (and where it was done before where its object came from: "arrested workers from X at a
    # pier in Y" happened in Y, though the parse hangs "from X" on the verb)
    found = sorted(_locatives(doc, heads, offset, places), key=lambda pair: pair[0].lower_ == "from")
    acts = [place for token, place in found if token.head.i not in subjects]
    return acts[0] if acts else found[0][1] if found else None


def _locatives(doc: Doc, heads: set[int], offset: int,
               places: list[PlaceMention]) -> Iterator[tuple[Token, PlaceMention]]:
    """(preposition, place) of each locative phrase of the clause, in order."""
    for token in doc:
        # "drills on Iturup", "a strike on Kharkiv"; but "sanctions on Russia" names an actor
        on = token.lower_ == "on"
        if token.dep_ != "prep" or not (on or token.lower_ in LOCATIVES):
            continue
        # "officials from X met", "migrants from X drowned": where people come from, not
        # where they act ("drones launched from X" hangs on the verb, and counts)
        if token.lower_ == "from" and token.head.pos_ in ("NOUN", "PROPN", "PRON"):
            continue
        # "blamed armed groups based in X": where a party is based, not where the deed was
        if token.head.lower_ in _BASED and token.head.dep_ in ("acl", "amod"):
            continue
        # the phrase hangs on the trigger, its governor or their object; a parse that attached
        # it lower ("attacks on posts in Donetsk", "exchanged fire for two hours near X") still
        # counts
        if not _hangs_on(token, heads):
            continue
        for word in token.subtree:
            at = word.idx + offset
            place = next((m for m in places if m.span.start <= at < m.span.end), None)
            if place is not None and not (on and place.place.feature == "country") and \
                    not _in_a_clause(word, token) and not _far_side(word):
                yield token, place
                break


# participles that say where a party sits: "groups based in X", "a firm headquartered in X"
_BASED = frozenset({"based", "headquartered", "stationed", "located"})


# a clause inside a locative phrase that says what is planned or said names no place of it:
# "clashed over plans to strip X", "over a law that gives X"; but a participle is the scene:
# "fired at traders protesting in Limbe"
_CLAUSES = frozenset({"relcl", "ccomp"})
_INFINITIVES = frozenset({"acl", "xcomp", "advcl"})


def _hangs_on(preposition: Token, heads: set[int]) -> bool:
    """Whether the preposition hangs on one of `heads`, directly, through their object ("attacks
    on posts in Donetsk") or through a span of time the parse hung it on ("exchanged fire for
    two hours near X")."""
    up = preposition.head
    if up.i in heads or up.head.i in heads:
        return True
    return up.dep_ == "pobj" and up.lower_ in _TIMES and up.head.dep_ == "prep" and \
        up.head.head.i in heads


_TIMES = frozenset({"minutes", "hours", "days", "weeks", "months", "night", "nights", "day",
                    "morning", "evening", "afternoon", "hour", "time"})


def _far_side(word: Token) -> bool:
    """Whether the word names the far side of a border: "killed fighters in forests along the
    border with Togo" happened on this side, not at Togo's middle."""
    doc, at = word.doc, word.i
    # back over a list it closes: "the borders with Togo and Benin"
    while at >= 2 and (doc[at - 1].lower_ in ("and", "or", ",", "the") or doc[at - 1].is_title):
        at -= 1
    return at >= 2 and doc[at - 1].lower_ == "with" and \
        doc[at - 2].lower_ in ("border", "borders", "frontier", "boundary")


def _in_a_clause(word: Token, preposition: Token) -> bool:
    """Whether `word` hangs on `preposition` through a relative, reported or infinitive clause."""
    while word.i != preposition.i and word.head.i != word.i:
        if word.dep_ in _CLAUSES or word.dep_ in _INFINITIVES and any(
                c.lower_ == "to" and c.dep_ == "aux" for c in word.children):
            return True
        word = word.head
    return False
