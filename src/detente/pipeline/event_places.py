"""An event -> where it happened: a place of its clause, else the dateline, else its sentence."""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Token

from detente.model import Location, Span
from detente.pipeline.place_words import LOCATIVES
from detente.pipeline.places import PlaceMention


def locate_event(trigger: Token, governor: Token, offset: int, places: list[PlaceMention],
                 dateline: PlaceMention | None, taken: Iterable[Span]) -> Location | None:
    """Where an event happened: the place in a locative phrase of its clause, else the
    dateline, else another place in its sentence that is not one of its actors."""
    taken = list(taken)
    # an actor's name is no place, unless its words make it one too: "Police in Hong Kong
    # fired", "jets struck sites in Pakistan" happened there
    free = [m for m in places if not m.actor and (m.placed or not any(
        t.start < m.span.end and m.span.start < t.end for t in taken))]
    clause = _clause_place(trigger, governor, offset, free)
    if clause is not None:
        return Location(clause.place, clause.span, "clause")
    if dateline is not None:
        return Location(dateline.place, dateline.span, "dateline")
    if free:
        return Location(free[0].place, free[0].span, "sentence")
    return None


def _clause_place(trigger: Token, governor: Token, offset: int,
                  places: list[PlaceMention]) -> PlaceMention | None:
    if not places:
        return None
    heads = {trigger.i, governor.i}
    heads.update(c.i for h in (trigger, governor) for c in h.children
                 if c.dep_ in ("dobj", "attr", "nsubjpass", "xcomp", "advcl", "pobj"))
    doc = trigger.doc
    for token in doc:
        # "drills on Iturup", "a strike on Kharkiv"; but "sanctions on Russia" names an actor
        on = token.lower_ == "on"
        if token.dep_ != "prep" or not (on or token.lower_ in LOCATIVES):
            continue
        # the phrase hangs on the trigger, its governor or their object; a parse that attached
        # it one level lower ("attacks on posts in Donetsk") still counts
        if token.head.i not in heads and token.head.head.i not in heads:
            continue
        for word in token.subtree:
            at = word.idx + offset
            place = next((m for m in places if m.span.start <= at < m.span.end), None)
            if place is not None and not (on and place.place.feature == "country"):
                return place
    return None
