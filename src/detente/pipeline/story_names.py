"""Names the rest of a story makes places, for `toponyms.ToponymFinder`.

A town of the dateline's division, or of a division the story names, is read though its name
is short or borne only by small towns ("upcountry to Kula" from Lahaina, "Dawson City, the old
gold-rush town" in a story of the Yukon); and a name the story has read as a place is that
place when it is said again bare ("police in Kono district ... Kono has supplied").
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from spacy.tokens import Doc

from detente.model import Place, Span
from detente.pipeline.division_words import ADMIN_WORDS
from detente.pipeline.entities import OTHER_LABELS, PLACE_LABELS
from detente.pipeline.name_words import ADJECTIVAL, FEATURE_WORDS
from detente.pipeline.place_words import CALENDAR, across_border, demonyms, island_on, role
from detente.pipeline.toponym import Toponym, sentence_start
from detente.places.build import TOWN_SOURCE
from detente.places.divisions import SECOND_SOURCE
from detente.places.names import ascii_fold

if TYPE_CHECKING:
    from detente.pipeline.toponyms import ToponymFinder


class StoryNames:
    """The finder's passes that read a name by the rest of its story."""

    def __init__(self, finder: ToponymFinder):
        self.finder = finder

    def at_home(self, doc: Doc, start: int, end: int, candidates: tuple[Place, ...],
                 home: set[tuple[str, str]]) -> tuple[int, tuple[Place, ...]] | tuple[()]:
        """(end, towns) where the name is a town of the dateline's own division: "upcountry to
        Kula" from Lahaina, "around Ba and Lautoka" from Lautoka, "Dawson City" from Whitehorse
        are the towns there, though a short name or one only small towns bear is otherwise
        taken for a word; not a common word ("Commerce", "Hope") nor part of a person's name."""
        if not end:
            word = doc[start].text if doc[start].text.isascii() else ascii_fold(doc[start].text)
            if word not in self.finder.gazetteer.first_words and word not in self.finder.gazetteer:
                return ()  # most capitalised words start no name: no lookup
            end, candidates = self.finder.longest(doc, start, False, towns=True)
            if end and self.finder.fragment(doc, start, end, candidates):
                return ()
        elif end < len(doc) and doc[end].is_title:
            # "Pakenham Upper" beside the dateline's Pakenham: the longer town of the division
            longer, its_towns = self.finder.longest(doc, start, False, towns=True)
            if longer > end:
                end, candidates = longer, its_towns
        towns = tuple(p for p in candidates if p.feature == "city" and (p.country, p.admin1) in home)
        text = doc[start:end].text
        # "the Post reported" from Dallas is a paper, not Post, Texas; but "the Ba river"
        typed = end < len(doc) and (doc[end].text in FEATURE_WORDS or doc[end].lower_ in ADMIN_WORDS)
        if not towns or text in self.finder.common or text.lower() in CALENDAR or text in demonyms() or \
                start and doc[start - 1].lower_ == "the" and not typed or \
                self.finder.part_of_a_name(doc, start, end, False):
            return ()
        return end, towns

    def with_towns(self, doc: Doc, text: str, found: list[Toponym], starts: list[int],
                   dateline_end: int) -> list[Toponym]:
        """`found` with the towns of a division the story names clearly that the words make a
        place but that, short or borne only by small towns, were taken for words: "Dawson City,
        the old gold-rush town" in a story of the Yukon, "moved upcountry to Kula" in one of
        Maui (`at_home` for the dateline's division, `story_divisions` here)."""
        divisions = story_divisions(found)
        if not divisions:
            return found
        covered = {i for t in found for i in range(*_tokens(doc, t.span))}
        placed, asked = [], []  # the words make these places; the recogniser is asked of those
        for i, token in enumerate(doc):
            if i in covered or not token.text[:1].isupper() or token.idx < dateline_end:
                continue
            at_home = self.at_home(doc, i, 0, (), divisions)
            if not at_home or not self.finder.keeps(doc, i, *at_home, True):
                continue
            end, towns = at_home
            toponym = replace(self.finder.make_toponym(doc, i, end, towns, sentence_start(starts, i)),
                              small="named")
            sure = role(doc, i, end) == "place" or self.finder.small_place(doc, i, end, towns) == "named"
            (placed if sure else asked).append(toponym)
            covered.update(range(i, end))
        # a name no word makes a place is one where the recogniser says so ("Dawson City, the
        # old gold-rush town"; "Kilgore said" is a person)
        placed += [t for t, labels in zip(asked, self.finder.unlisted.labels(doc, text, asked, starts),
                                          strict=True)
                   if labels & PLACE_LABELS and not labels & OTHER_LABELS]
        return sorted([*found, *placed], key=lambda t: t.span.start) if placed else found

    def with_repeats(self, doc: Doc, found: list[Toponym], starts: list[int]) -> list[Toponym]:
        """`found` with each later bare mention of a name the story has read as a place: "police
        in Kono district said ... Kono has produced", "residents fled Kamanyola ... who reached
        Kamanyola", which the words of the second mention alone would not make a place (a short
        name, one only small towns bear, a name the gazetteer lacks). Its reading goes with it;
        the words around the new mention say whether it is a place or a party there."""
        places: dict[tuple[str, ...], Toponym] = {}
        covered: set[int] = set()
        for toponym in found:
            start, end = _tokens(doc, toponym.span)
            covered.update(range(start, end))
            names = [t.text for t in doc[start:end]]
            if names and names[-1].lower() in (toponym.admin_word, toponym.feature_word.lower()):
                names = names[:-1]  # "Kono" of "Kono district"
            elif len(names) > 1 and names[-1].lower() in ADMIN_WORDS and \
                    not self.finder.gazetteer.candidates(ascii_fold(" ".join(names[:-1]))):
                names = names[:-1]  # "Pataz" of "Pataz Province", a name the gazetteer has whole
            # not a people's name ("the Somali region ... Somali traders") or a month
            said = " ".join(names)
            if not toponym.actor and names and names[0][:1].isupper() and \
                    (toponym.candidates or toponym.kind) and said not in demonyms() and \
                    said not in ADJECTIVAL and said.lower() not in CALENDAR:
                places.setdefault(tuple(names), toponym)
        if not places:
            return found
        by_first: dict[str, list[tuple[tuple[str, ...], Toponym]]] = {}
        for names, first in places.items():
            by_first.setdefault(names[0], []).append((names, first))
        added = []
        for i, token in enumerate(doc):
            if i in covered or token.text not in by_first:
                continue
            for names, first in by_first[token.text]:
                end = i + len(names)
                if first.span.start >= token.idx or end > len(doc) or \
                        tuple(t.text for t in doc[i:end]) != names or covered & set(range(i, end)):
                    continue
                # part of a longer name: "Kono Mining", "Lake Kamanyola", "the Prince of Wales"
                # (a sentence's "The" before it is no part: "The X joins the Y")
                if end < len(doc) and doc[end].text[:1].isupper() or \
                        i and not doc[i].is_sent_start and doc[i - 1].text[:1].isupper() and \
                        doc[i - 1].lower_ != "the" or \
                        self.finder.part_of_a_name(doc, i, end, False):
                    break
                words = role(doc, i, end)
                span = doc[i:end]
                added.append(replace(first, span=Span(span.start_char, span.end_char, span.text),
                                     sentence=sentence_start(starts, i),
                                     locative=words == "place", actor=words in ("actor", "body"),
                                     origin=words in ("origin", "body"),
                                     within=None, listed=(), across=across_border(doc, i),
                                     on=island_on(doc, i)))
                covered.update(range(i, end))
                break
        return sorted([*found, *added], key=lambda t: t.span.start) if added else found


def story_divisions(found: list[Toponym]) -> set[tuple[str, str]]:
    """The first-level divisions the story names: those of the divisions it names ("officials
    in Yukon"), else of the largest city of each name ("Lautoka")."""
    divisions = set()
    for toponym in found:
        if toponym.actor:
            continue
        admins = {(p.country, p.admin1) for p in toponym.candidates
                  if p.feature == "admin" and p.source != SECOND_SOURCE and p.admin1}
        cities = [p for p in toponym.candidates if p.feature == "city" and p.source != TOWN_SOURCE]
        if len(admins) == 1:
            divisions |= admins
        elif not admins and cities:
            largest = max(cities, key=lambda p: p.population)
            divisions.add((largest.country, largest.admin1))
    return divisions


def _tokens(doc: Doc, span: Span) -> tuple[int, int]:
    words = doc.char_span(span.start, span.end, alignment_mode="expand")
    return words.start, words.end


def home_divisions(found: list[Toponym]) -> set[tuple[str, str]]:
    """The divisions the dateline's town lies in ("LAUTOKA, Fiji": Fiji's Western division):
    of its readings in the country the dateline names, else of its largest reading."""
    if not found:
        return set()
    named = {p.country for t in found[1:] for p in t.candidates if p.feature == "country"}
    towns = [p for p in found[0].candidates if p.feature == "city" and p.admin1]
    if named:
        towns = [p for p in towns if p.country in named]
    elif towns:
        towns = [max(towns, key=lambda p: p.population)]
    return {(p.country, p.admin1) for p in towns}
