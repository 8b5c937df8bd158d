"""Names the gazetteer lacks, read where the words make them places (`ToponymFinder` asks).

A capitalised run the gazetteer lacks is a place where a word says its kind ("the village of
X", "the X peninsula", "X Bay"), a road or move leads to it, a place it lies in follows ("X in
central Burkina Faso"), alias words make it another name of the place just named ("X, known
in Turkish as Y"), or a locative governs it; a name after a locative alone is doubtful until
its spelling (`places/spellings.py`) or the entity recogniser settles it. A dateline's town
and a river or island the gazetteer lacks are read here too. `unlisted_names.py` holds the
word tests these readings use.
"""

from __future__ import annotations

import bisect
from collections.abc import Set as AbstractSet
from dataclasses import replace
from typing import TYPE_CHECKING

from spacy.tokens import Doc

from detente.model import Place, Span
from detente.pipeline.division_words import UNLISTED_DIVISION_WORDS, after_list, division_word_after
from detente.pipeline.entities import OTHER_LABELS, PLACE_LABELS
from detente.pipeline.name_words import (
    NAME_ENDINGS,
    NAME_HEADS,
    ROLE_WORDS,
    TOWN_HEADS,
    TRAILING_ADJECTIVES,
)
from detente.pipeline.offsets import offset_before, part_before
from detente.pipeline.place_words import (
    ARABIC_ARTICLES,
    CALENDAR,
    CONTINENTS,
    ERAS,
    KIND_WORDS,
    LANDFORM_WORDS,
    LANGUAGES,
    LOCATIVES,
    MIGRANTS,
    NEIGHBOURING,
    PEOPLES,
    TITLES,
    after_place_verb,
    alias_before,
    beyond_the_border,
    demonym_beside,
    demonym_phrases,
    demonyms,
    facing,
    in_locative_list,
    in_place_verb_list,
    is_locative,
    joins_places,
    place_kind,
    word_in_clause,
)
from detente.pipeline.small_place_words import (
    SETTLEMENTS,
    TOWN_WORDS,
    apposed,
    between_at,
    designated,
    designated_in_list,
    toward,
)
from detente.pipeline.toponym import Toponym
from detente.pipeline.unlisted_names import ISLAND_WORDS, capitalised_run, river_words

if TYPE_CHECKING:
    from detente.pipeline.toponyms import ToponymFinder

_ALIAS_CHARS = 80  # how far after a place another name of it may follow ("X, formerly Y")
# what the alias words may name instead of the place before them: "gunmen from a group known
# locally as X" names the group
_NAMED_OTHERWISE = frozenset({"group", "groups", "movement", "militia", "militias", "gang",
                              "gangs", "network", "faction", "sect", "tribe", "clan", "party",
                              "operation", "company", "firm", "brigade", "unit", "force",
                              "forces", "cartel", "coalition", "alliance", "front"})


# words that open the near end of a route: "from X to Y", "past X to Y", "via X to Y"
_ROUTE_OPENERS = frozenset({"from", "past", "via"})


class UnlistedReader:
    """The finder's reading of names the gazetteer lacks; it looks names up through the finder
    (`ToponymFinder.longest`, `anchor_at`)."""

    def __init__(self, finder: ToponymFinder):
        self.finder = finder

    def alias_target(self, doc: Doc, start: int, sentence: int, found: list[Toponym]) -> Toponym | None:
        """The place named just before the name at `start` when alias words put the name as
        another of its names ("X, known as", "which was called"); None otherwise."""
        if not alias_before(doc, start):
            return None
        named = next((t for t in reversed(found) if t.sentence == sentence and
                      not any(p.feature == "country" for p in t.candidates)), None)
        if named is None or doc[start].idx - named.span.end >= _ALIAS_CHARS:
            return None
        between = doc.char_span(named.span.end, doc[start].idx, alignment_mode="expand")
        known = next((t.i for t in between or () if t.lower_ in ("known", "called", "named")), None)
        if known is not None and doc[known - 1].lower_ in _NAMED_OTHERWISE:
            return None  # "SOKOTO ... gunmen from a group known locally as X": the group's name
        return named

    def settle(self, doc: Doc, text: str, found: list[Toponym], doubtful: list[Toponym],
               starts: list[int], named: list[tuple[int, str]],
               unless_person: AbstractSet[int] = frozenset()) -> list[Toponym]:
        """A doubtful name is a town where it is another spelling of a town of a country the
        story names ("officials in Marsa Matrouh" beside Egypt: Marsa Matruh; `spellings.py`).
        The entity recogniser is asked about the others' sentences: a name the gazetteer
        lacks is a place where it says GPE, LOC or FAC ("officials in Stepanakert"), and is
        dropped without a recogniser. (Asked about names only small towns have, it calls too
        many real towns people or bodies on short news sentences to be let veto them.) A name
        that starts at one of `unless_person` is a place the words made sure of, where a
        gazetteer name heads it: only the recogniser's PERSON vetoes it ("said Luca Rossetti,
        the town's deputy mayor")."""
        # the countries the story names, its peoples', and those of names only one country has
        # ("Nova Scotia", the dateline "NUUK")
        countries = dict.fromkeys([*(p.country for t in found for p in t.candidates
                                     if p.feature == "country"), *(c for _, c in named),
                                   *(t.candidates[0].country for t in found if t.candidates and
                                     len({p.country for p in t.candidates}) == 1)])
        countries.pop("", None)
        # (but "the North Korean village of X" is no South Korean town spelled like it)
        spelled = [t for t in doubtful
                   if any(self.finder.gazetteer.spelled_like(c, t.span.text) for c in countries
                          if not t.demonym or c == t.demonym)]
        found = sorted(found + spelled, key=lambda t: t.span.start) if spelled else found
        doubtful = [t for t in doubtful if t not in spelled]
        if self.finder.entities is None or not doubtful:
            sure = [t for t in doubtful if t.span.start in unless_person]
            return sorted(found + sure, key=lambda t: t.span.start) if sure else found
        added = []
        for toponym, labels in zip(doubtful, self.labels(doc, text, doubtful, starts), strict=True):
            if toponym.span.start in unless_person:
                if "PERSON" not in labels:
                    added.append(toponym)
                continue
            # a one-word name the recogniser calls a person or a body after a locative is
            # mostly a place it does not know: "near Mugling", "around Souni" (not "near Ana
            # Ruiz", nor "analysts at Barclays")
            # (or a word that heads place names and one more: "near Bab Berred")
            words = toponym.span.text.split()
            one_word = len(words) == 1 or len(words) == 2 and words[0] in NAME_HEADS
            if _a_people(words[-1]):
                continue  # "Maasai herders", "Houthi launch sites"
            # a name with a joined Arabic article near something, or one listed before a town
            # the gazetteer has, under a locative, is a place whatever the recogniser calls it
            # ("near Meiss al-Jabal", "around X and Ndele")
            placed = _article_joined_name(toponym.span.text) and _spatial_before(doc, toponym) or \
                _under_locative(doc, toponym) and _listed_before_a_town(text, toponym, found)
            if labels & PLACE_LABELS and not labels & OTHER_LABELS or not labels or \
                    placed and labels <= _MISREAD_LABELS or \
                    labels == {"PERSON"} and _under_locative(doc, toponym) and \
                    (one_word or not _owns(text, toponym)) or \
                    one_word and labels == {"ORG"} and _spatial_before(doc, toponym) or \
                    len(words) == 1 and labels == {"NORP"} and _spatial_before(doc, toponym) and \
                    not words[0].endswith(_PEOPLES_ENDINGS) or \
                    len(words) == 1 and labels == {"NORP"} and _under_locative(doc, toponym) and \
                    _a_places_noun(doc, toponym) or \
                    (one_word or _home_of(doc, toponym)) and labels <= _MISREAD_LABELS and \
                    not _of_a_name(doc, toponym) and not _a_body_before(doc, toponym):
                added.append(replace(toponym, kind="region" if labels == {"LOC"} else "city"))
        return sorted(found + added, key=lambda t: t.span.start) if added else found

    def labels(self, doc: Doc, text: str, toponyms: list[Toponym],
               starts: list[int]) -> list[set[str]]:
        """The entity recogniser's labels over each name, from one pass over their sentences
        (none without a recogniser)."""
        if self.finder.entities is None or not toponyms:
            return [set() for _ in toponyms]
        bounds = {t.sentence: (doc[t.sentence].idx, _sentence_end(doc, len(text), t.sentence, starts))
                  for t in toponyms}
        order = sorted(bounds)
        labelled = dict(zip(order, self.finder.entities([text[slice(*bounds[k])] for k in order]),
                            strict=True))
        out = []
        for toponym in toponyms:
            offset = bounds[toponym.sentence][0]
            labels = {label for start, end, label in labelled[toponym.sentence]
                      if start + offset < toponym.span.end and toponym.span.start < end + offset}
            if labels <= _TIMES and not any(w.lower() in CALENDAR for w in toponym.span.text.split()):
                # "outside X overnight" read as one time: the name is no part of it
                labels = set()
            out.append(labels)
        return out

    def read(self, doc: Doc, start: int, sentence: int, after_place: bool = False,
             alias_of: int = -1, alias_kind: str = "") -> tuple[int, Toponym | None, bool]:
        """(end, toponym, sure) of a name the gazetteer lacks that the words make a place: a
        word for its kind ("the village of Przewodow", "the Noto peninsula"), or a locative and
        the place it lies in ("fighting in Barsalogho in central Burkina Faso"); not sure
        after a locative alone ("officials in Stepanakert"): the entity recogniser decides.
        (0, None, False) for anything else: most capitalised words the gazetteer lacks are
        people, bodies, days."""
        if doc[start].lower_ in NEIGHBOURING:
            return 0, None, False  # "Neighbouring Khovd province": Khovd is the name
        end = capitalised_run(doc, start)
        if start >= 2 and doc[start - 1].lower_ == "in" and doc[start - 2].lower_ in _NAMING and \
                end < len(doc) and doc[end].lower_ == "as":
            return 0, None, False  # "known in Dene as X": a language
        words = doc[start:end]
        ending = NAME_ENDINGS.get(doc[end - 1].text, "") if end - start > 1 else ""
        # words that head or end place names are no common words or titles there: "Deir
        # el-Zour", "Frobisher Bay", "King Sound"
        head = end - start > 1 and (doc[start].text in NAME_HEADS or
                                    bool(ending) and doc[start].text in TITLES)
        # (nor a Spanish or French position word after a name: "Plateau Central", "Cordillera
        # Oriental")
        trailing = end - start > 1 and doc[end - 1].text in TRAILING_ADJECTIVES
        checked = doc[start + int(head):end - bool(ending or trailing)]
        river = start > 0 and doc[start - 1].lower_ == "the" and river_words(doc, start, end) or \
            start > 1 and doc[start - 1].lower_ in _COURSE_PARTS and doc[start - 2].lower_ == "the"
        # nor where the words say it is a river: "the Nam Ou overflowed"
        # (nor after a formal division's name: "the Regional Municipality of Wood Buffalo")
        formal = start >= 2 and doc[start - 1].lower_ == "of" and doc[start - 2].is_title and \
            KIND_WORDS.get(doc[start - 2].lower_) in ("admin", "city")
        # (nor after a word that heads place names, under a locative: "in Sidi Salem", whose
        # second word is a given name alone)
        # (nor before "a village ..." : "Hawsh al-Sayyed Ali, a village on the border")
        # (nor before "Town": "Hope Town" is a town, though "hope" is a common word)
        common = self.finder.common if not (river and end - start > 1 or formal or
                                            head and is_locative(doc, start) or
                                            _town_apposed(doc, start, end) or
                                            ending == "city") else frozenset()
        # a capitalised word before it makes it part of a person's or body's name, but for a
        # preposition that opens the sentence ("In Stewiacke, south of Truro, ...")
        # (the lede's first word follows the dateline's dash: "KAYA - In X, shops stayed shut")
        opener = doc[start - 1].lower_ == "the" or (
            doc[start - 1].is_sent_start or start >= 2 and doc[start - 2].text in _DASHES) and \
            doc[start - 1].lower_ in LOCATIVES or doc[start - 1].lower_ in NEIGHBOURING
        # a sentence's first word is most often no name ("Floods hit"), but for one the words
        # after it make a place: "X, a farming town", "X and Y villages", "X residents said"
        kind, taken = place_kind(doc, start, end)
        people = _people_of(doc, start, end)
        community = apposed(doc, end, _COMMUNITIES)
        apposed_town = _town_apposed(doc, start, end)
        named_after = apposed_town or community or bool(people) or \
            bool(kind) and after_list(doc, end) > end
        # (a language's name is a town's where an apposition says so: "in Hindi, a farming
        # town on the coast")
        languages = frozenset() if apposed_town else LANGUAGES
        if end == start or doc[start].is_sent_start and not named_after or \
                doc[start - 1].is_title and not opener and \
                doc[start - 1].text not in demonyms() or \
                doc[start].lower_ == "the" or doc[start].is_stop and end - start == 1 or \
                any(w.text in common or w.text in TITLES or w.lower_ in CALENDAR
                    or w.text in CONTINENTS or w.text in languages or w.text in ERAS
                    or w.text in PEOPLES or w.text in demonyms() for w in checked) or \
                words.text in demonym_phrases() or \
                words.text in common or \
                end < len(doc) and (doc[end].text[:1].isupper() or _numbered(doc, end)):
            return 0, None, False
        if end + 1 < len(doc) and doc[end].lower_ == "of" and doc[end + 1].is_title and \
                KIND_WORDS.get(doc[end - 1].lower_) in ("admin", "city"):
            return 0, None, False  # "the Regional Municipality of X": X is the place
        if end - start > 1 and doc[end - 1].text in _NOT_PLACE_ENDINGS:
            return 0, None, False  # "in the East Room", "on the X Highway", "X Day celebrations"
        if end - start > 1 and any(w.text in _WEATHER_SYSTEMS for w in words[:-1]):
            return 0, None, False  # "floodwater from Tropical Storm Ada": a storm's name
        if taken and end - start == 1 and doc[start].lower_.endswith(_ADJECTIVE_ENDINGS):
            return 0, None, False  # "a Himalayan town", "the Crimean port city": adjectives
        if taken == 1 and end + 2 < len(doc) and doc[end].lower_ in TOWN_WORDS and \
                doc[end + 1].lower_ == "of" and doc[end + 2].is_title:
            # "the Druze village of X": a people's, X is the place (but "the X district of Y"
            # and "the X neighbourhood of Y" are parts of Y)
            return 0, None, False
        if end - start == 1 and doc[start].lower_.endswith(("an", *_ADJECTIVE_ENDINGS)) and \
                end < len(doc) and doc[end].lower_ in _SIDES:
            return 0, None, False  # "on the Sumatran mainland", "the Ugandan side": adjectives
        if start >= 2 and doc[start - 1].lower_ in ("at", "for") and \
                doc[start - 2].lower_ in _STAFF:
            return 0, None, False  # "analysts at X in London": X employs them, a company
        if not kind and (division_word_after(doc, end) or _a_zone(doc, start, end) or
                         self._compass_part(doc, start, end)):
            kind = "admin"  # "across Gobi-Altai and Uvs provinces", "near X in Y zone"
        # "along Cobequid Bay", "the Kaghan Valley" (but "Sporting beat Red Star Valley 3-0": a
        # club); "seizing X, a town on the border"
        # ("send a vessel with supplies to Halfmoon Bay": where it goes, most often a town that
        # bears the water's name, as "the road to Snow Lake")
        if ending and not (opener or doc[start - 1].lower_ == "of" or
                           is_locative(doc, start, LOCATIVES | {"on"})):
            ending = "city" if doc[start - 1].lower_ == "to" else ""
        kind = kind or ending or _apposed_kind(doc, end) or people or \
            ("city" if community else "") or \
            ("city" if designated_in_list(doc, start, end, TOWN_WORDS) or
                                  head and doc[start].text in TOWN_HEADS or
                                  head and is_locative(doc, start) or _at_a_site(doc, start)
                                  else "")
        if not kind and river:
            kind = "sea"  # "The Surma overflowed", "the banks of the Kara Darya"
        # a locative, a road or a move towards it, or a list after a place ("between Gao and X")
        # ("the road between X and Chitral": the other end of a stretch the gazetteer has)
        # ("ferries between X and Y": both ends of a way, though the gazetteer has neither)
        between = between_at(doc, start, end)
        route = toward(doc, start) or between >= 0 and (
            self.finder.longest(doc, end + 1, False)[0] > 0 or joins_places(doc, between)) or \
            self._from_a_place(doc, start)
        alias = alias_of >= 0  # another name of the place named at `alias_of`: there
        # (a verb whose object is a place, "reached X", leaves the name doubtful, as a
        # locative does: the recogniser decides)
        # (or closes a list a locative governs: "in Kafr el-Zayat and X", the first name one
        # the gazetteer lacks too)
        if not kind and not is_locative(doc, start, LOCATIVES | {"on"}) and not route and \
                not after_place and not alias and not after_place_verb(doc, start) and \
                not in_locative_list(doc, start) and not in_place_verb_list(doc, start):
            return 0, None, False
        lies_in, offset, part = self._where(doc, start, end, taken)
        return end, Toponym(Span(words.start_char, words.end_char, words.text), (), True,
                            sentence=sentence, kind=kind or alias_kind or "city",
                            lies_in=alias_of if lies_in < 0 else lies_in, offset=offset,
                            part=part if lies_in >= 0 else "",
                            demonym=demonym_beside(doc, start, end) or self.fled_from(doc, start),
                            facing=facing(doc, start, end),
                            beyond_border=beyond_the_border(doc, end),
                            border_with=self.finder.border_near(doc, end)), \
            bool(kind or lies_in >= 0 or route or alias)

    def fled_from(self, doc: Doc, start: int) -> str:
        """The country people came from, where the name at `start` is what they fled: "refugees
        from Mali crossed into X, fleeing fighting near Y" (Y is Mali's); "" otherwise."""
        if start < 3 or doc[start - 1].lower_ not in ("near", "in", "around", "outside"):
            return ""
        sentence = doc[start].sent.start
        fled = next((at for at in range(start - 2, max(sentence, start - 5) - 1, -1)
                     if doc[at].lower_ in _FLEEING), None)
        if fled is None:
            return ""
        for at in range(sentence + 1, fled - 1):
            if doc[at].lower_ == "from" and doc[at - 1].lower_ in _MOVERS and \
                    (country := self.finder.country_at(doc, at + 1)):
                return country
        return ""

    def _compass_part(self, doc: Doc, start: int, end: int) -> bool:
        """Whether the name is a compass word before an island or division the gazetteer has:
        "North Lombok", a regency of the island, where the gazetteer lacks it."""
        return end - start > 1 and doc[start].text in _COMPASS_PARTS and any(
            p.feature in ("island", "admin") for p in
            self.finder.gazetteer.candidates(" ".join(doc[start + 1:end].text.split())))

    def _where(self, doc: Doc, start: int, end: int,
               taken: int = 0) -> tuple[int, tuple[float, float] | None, str]:
        """(where the place the name doc[start:end] lies in starts, in characters, or -1; how far
        and which way from it; the part of it, "northern" of "in northern Benin") as the words
        after it, or an owner before it, say."""
        at = self.finder.anchor_at(doc, end + taken, past_a_name=True)
        if at is not None and not self.finder.longest(doc, at, False, towns=True)[0]:
            # "X, a town on the Lemro river in western Myanmar": past a river, lake or range
            # the gazetteer lacks, to the place it is said to be in
            past = capitalised_run(doc, at)
            if past < len(doc) and doc[past].lower_ in LANDFORM_WORDS:
                at = self.finder.anchor_at(doc, past + 1)
        if at is not None and self.finder.longest(doc, at, False, towns=True)[0] > 0:
            offset = offset_before(doc, end, at)
            return doc[self._owned(doc, at)].idx, offset, part_before(doc, at)
        owner = self.finder.owner(doc, start)
        # "Russia's Zabaykalsky region": in Russia
        if owner is not None:
            return doc[owner].idx, None, ""
        where = self._country_where(doc, start)
        return (doc[where].idx, None, "") if where is not None else (-1, None, "")

    def _country_where(self, doc: Doc, start: int) -> int | None:
        """The start of the country that opens a "where" clause the name at `start` stands in:
        "spread into Kazakhstan, where people fled villages in X district" (X is Kazakhstan's,
        whatever country the story is from); None where there is none."""
        for at in range(start - 1, max(1, start - 25), -1):
            if doc[at + 1].is_sent_start:
                return None
            if doc[at].lower_ == "where" and doc[at - 1].text == ",":
                name = at - 2
                while name > 0 and doc[name - 1].is_title and not doc[name].is_sent_start:
                    name -= 1
                end, candidates = self.finder.longest(doc, name, False)
                return name if end == at - 1 and any(p.feature == "country" for p in candidates) \
                    else None
        return None

    def read_article_joined(self, doc: Doc, start: int,
                            sentence: int) -> tuple[int, Toponym | None]:
        """(end, toponym) of a name the gazetteer lacks written with a joined lower-case Arabic
        article, where a locative, a verb of place or a road makes it a place: "off al-Khokha",
        "fled to el-Fasher"; (0, None) for anything else."""
        end = capitalised_run(doc, start + 2)
        if end <= start + 2 or end < len(doc) and doc[end].text[:1].isupper() or not (
                is_locative(doc, start, LOCATIVES | {"on"}) or after_place_verb(doc, start) or
                toward(doc, start)):
            return 0, None
        words = doc[start:end]
        lies_in, offset, part = self._where(doc, start, end)
        return end, Toponym(Span(words.start_char, words.end_char, words.text), (), True,
                            sentence=sentence, kind="city", lies_in=lies_in, offset=offset,
                            part=part, demonym=demonym_beside(doc, start, end))

    def _from_a_place(self, doc: Doc, start: int) -> bool:
        """Whether the name at `start` ends a stretch from or past a place: "from Ballinderry
        to X" (the far end of a road, a spill or a march), "past Y Lake to X", "via Y to X";
        the place is the gazetteer's, or a name of its own with a water or land word."""
        if start < 3 or doc[start - 1].lower_ != "to":
            return False
        for at in range(start - 2, max(0, start - 8), -1):
            if doc[at].is_punct and doc[at].text != "-":  # ("from Tash-Kömür to X": one name)
                return False
            if doc[at].lower_ in _ROUTE_OPENERS:
                return self.finder.longest(doc, at + 1, False)[0] == start - 1 or \
                    capitalised_run(doc, at + 1) == start - 1 and doc[start - 2].lower_ in LANDFORM_WORDS
        return False

    def _owned(self, doc: Doc, at: int) -> int:
        """The name after an owner's "'s" where the gazetteer has it, else the owner's: "in
        Argentina's Chubut province" puts a place in Chubut, not just in Argentina."""
        owner_end = self.finder.longest(doc, at, False)[0]
        if 0 < owner_end < len(doc) - 1 and doc[owner_end].text in ("'s", "’s") and \
                self.finder.longest(doc, owner_end + 1, False)[0] > 0:
            return owner_end + 1
        return at

    def in_dateline(self, doc: Doc, dateline_end: int, found: list[Toponym]) -> int:
        """A dateline's town the gazetteer lacks ("GILLAM, Manitoba"): a place all the same, in
        the place named after the comma; appended to `found`. Returns where its name ends."""
        end = next((j for j in range(len(doc)) if doc[j].text == "," or doc[j].idx >= dateline_end),
                   len(doc))
        if end == 0 or sum(t.text != "-" for t in doc[:end]) > 4:  # ("QALA-I-NAW": three words)
            return 0
        at = end + 1 if end < len(doc) and doc[end].text == "," else None
        anchored = at is not None and at < len(doc) and doc[at].idx < dateline_end and \
            doc[at].lower_ not in CALENDAR and self.finder.longest(doc, at, True)[0] > 0
        span = doc[0:end]
        found.append(Toponym(Span(span.start_char, span.end_char, span.text), (), True,
                             kind="city", lies_in=doc[at].idx if anchored else -1))
        return end

    def feature(self, doc: Doc, start: int, end: int, sentence: int,
                towns: tuple[Place, ...] = ()) -> Toponym:
        """A river or island the gazetteer lacks ("the Kasai River", "the Madeira river",
        "Delft island"): at the place the words say it is by ("the Bug river near
        Terespol"), else where the story is; an island may be where a town of its name in a
        country of the story is (`towns`: the gazetteer's towns of the bare name)."""
        span = doc[start:end]
        kind = "island" if doc[end].lower_ in ISLAND_WORDS else "sea"
        if kind == "island":
            # "the Juan Fernández archipelago": the gazetteer's "Juan Fernández Islands"
            # ("Green Island" is not the "Green Islands" of another sea)
            word = "Island" if doc[end].lower_ in ("island", "isle", "islet") else \
                "Atoll" if doc[end].lower_ == "atoll" else "Islands"
            named = tuple(p for p in self.finder.gazetteer.candidates(f"{span.text} {word}")
                          if p.feature == "island")
            if named:
                return Toponym(Span(span.start_char, span.end_char, span.text), named, True,
                               sentence=sentence)
        at = self.finder.anchor_at(doc, end + 1)
        anchored = at is not None and self.finder.longest(doc, at, False, towns=True)[0] > 0
        return Toponym(Span(span.start_char, span.end_char, span.text), (), True,
                       sentence=sentence, kind=kind, lies_in=doc[at].idx if anchored else -1,
                       namesakes=tuple(p for p in towns if p.feature == "city")
                       if kind == "island" else ())



# the endings of adjectives of places and peoples, which a kind word after them does not make a
# name ("the Crimean port city", "the Andean state of Merida"; not "-an": "Zindajan district")
_ADJECTIVE_ENDINGS = ("ean", "ese", "ish")


# a land's sides and parts after an adjective of its name: "the Sumatran mainland"
_SIDES = frozenset({"mainland", "side", "coast", "shore", "interior", "highlands", "lowlands",
                    "hinterland", "countryside", "bank"})
# compass words that head the names of a place's parts: "North Lombok", "East Sepik"
_COMPASS_PARTS = frozenset({"North", "South", "East", "West", "Central", "Northern", "Southern",
                            "Eastern", "Western"})
# a stretch of a river's course, or its state, before its bare name: "a town on the upper X",
# "the swollen X"
_COURSE_PARTS = frozenset({"upper", "lower", "middle", "swollen", "rain-swollen"})
# people a company or bank employs: "analysts at X", "economists for X" (not "officials at X",
# "workers at X": a camp, a mine, a port)
_STAFF = frozenset({"analyst", "analysts", "economist", "economists", "strategist", "strategists",
                    "executive", "executives", "employees", "banker", "bankers", "trader",
                    "traders", "shareholders", "investors"})


# before "at" and a name: a site or an arrival, so the name is a place ("the oil terminal at X",
# "an army base at X", "arrived by canoe at X")
_SITES = frozenset({"terminal", "base", "camp", "port", "harbour", "harbor", "station",
                    "checkpoint", "crossing", "airport", "airstrip", "mine", "refinery", "dam",
                    "arrived", "landed", "docked", "stranded", "canoe", "boat", "ferry"})


def _at_a_site(doc: Doc, start: int) -> bool:
    """Whether "at" before the name at `start` follows a site or an arrival: "the oil terminal
    at X", "arrived by canoe at X" (not "analysts at X", a firm)."""
    return start >= 2 and doc[start - 1].lower_ == "at" and doc[start - 2].lower_ in _SITES


def _numbered(doc: Doc, end: int) -> bool:
    """Whether a number after a name makes it a road or a flight ("Interstate 90", "Highway
    20"); not a count of days or kilometres ("left a beach near X two days earlier")."""
    return doc[end].like_num and not (end + 1 < len(doc) and doc[end + 1].lower_ in _UNITS)


_UNITS = frozenset({"days", "day", "weeks", "week", "months", "month", "years", "year", "hours",
                    "hour", "minutes", "km", "kilometres", "kilometers", "miles", "metres",
                    "meters", "people", "times", "ago"})


_ISLAND_WORDS = frozenset(ISLAND_WORDS)
# "X, a disputed strip of the frontier": a stretch of land, a region
_AREA_WORDS = frozenset({"strip", "stretch", "tract", "patch", "swathe", "swath", "area"})
# "X, a farming community": a town (but "Miskito communities" are a people's)
_COMMUNITIES = frozenset({"community"})
# the dateline's dash before a story's first words
_DASHES = frozenset({"-", "--", "—", "–"})
# people of a place, after its name: "X residents said"; and what a town holds, after its
# name's "'s": "X's main market", "X's streets"
_PEOPLE_OF = frozenset({"residents", "villagers", "inhabitants", "townspeople"})
_TOWN_HOLDS = frozenset({"market", "markets", "streets", "outskirts", "residents", "suburbs",
                         "neighbourhoods", "neighborhoods", "airport", "mayor", "inhabitants",
                         "townspeople", "villagers", "hospital", "mosque", "church"})


def _people_of(doc: Doc, start: int, end: int) -> str:
    """"city" where the words after the name are its people or what a town holds: "X
    residents said", "X's main market was burned"; else "" (and for a people's name: "its
    Kurdish and Alevi residents", "indigenous X villagers")."""
    before = doc[start - 1] if start else None
    if end >= len(doc) or before is not None and (
            before.lower_ in ("and", "or", ",") or before.is_alpha and before.is_lower and
            not before.is_stop):
        return ""
    if doc[end].lower_ in _PEOPLE_OF:
        return "city"
    return "city" if doc[end].lower_ in ("'s", "’s") and \
        word_in_clause(doc, end + 1, 3, _TOWN_HOLDS, names_stop=True) else ""


def _apposed_kind(doc: Doc, end: int) -> str:
    """"island" where an apposition after the name says it is one: "X, the island known to
    visitors as Y", "X, a small island off the coast"; "region" where it says it is a stretch
    of land ("X, a disputed strip of the frontier"); else ""."""
    if end + 2 >= len(doc) or doc[end].text != "," or doc[end + 1].lower_ not in ("a", "an", "the"):
        return ""
    if word_in_clause(doc, end + 2, 3, _ISLAND_WORDS, names_stop=True):
        return "island"
    return "region" if word_in_clause(doc, end + 2, 3, _AREA_WORDS, names_stop=True) else ""


def _town_apposed(doc: Doc, start: int, end: int) -> bool:
    """Whether an indefinite apposition with a settlement word follows the name: a sentence's
    first word is most often no name ("Floods hit"), but "Tazrouk, a desert town south of
    Zagora, ..." is (not "Downstream, the village of X", nor "In X, the main town")."""
    return not doc[start].is_stop and end + 1 < len(doc) and doc[end].text == "," and \
        doc[end + 1].lower_ in ("a", "an") and designated(doc, start, end, SETTLEMENTS)


# what people do from a place: "fleeing fighting near X"
_FLEEING = frozenset({"fleeing", "fled", "escaping", "escaped"})
# people who come from a country: "refugees from Mali"
_MOVERS = MIGRANTS | frozenset({"people", "families", "civilians", "villagers", "herders",
                               "soldiers", "troops", "fighters"})
# what the recogniser calls a one-word name it does not know that the words put somewhere
_TIMES = frozenset({"DATE", "TIME"})
_MISREAD_LABELS = frozenset({"ORG", "PERSON", "PRODUCT", "GPE", "LOC", "FAC"})
# endings of the adjectives of peoples and regions the recogniser rightly calls NORP ("European
# competition"); a one-word name it calls so at a site that ends otherwise is a village
_PEOPLES_ENDINGS = ("an", "ese", "ish", "ic", "i")


def _article_joined_name(name: str) -> bool:
    """Whether a joined lower-case Arabic article stands inside the name: "Meiss al-Jabal"."""
    return any(word.split("-", 1)[0] in ARABIC_ARTICLES and "-" in word
               for word in name.split()[1:])


def _listed_before_a_town(text: str, toponym: Toponym, found: list[Toponym]) -> bool:
    """Whether a town the gazetteer has follows the name in a list: "around X and Ndele"."""
    after = next((t for t in found if t.span.start > toponym.span.end), None)
    return after is not None and any(p.feature == "city" for p in after.candidates) and \
        text[toponym.span.end:after.span.start] in (" and ", ", ", " or ")


# the last words of names of rooms, roads and days: no place to put on a map
_NOT_PLACE_ENDINGS = frozenset({"Room", "Highway", "Day", "Motorway", "Expressway", "Freeway"})
# the words before a storm's given name ("Typhoon Ada", "Tropical Depression Nine")
_WEATHER_SYSTEMS = frozenset({"Storm", "Hurricane", "Typhoon", "Cyclone", "Depression"})


def _a_zone(doc: Doc, start: int, end: int) -> bool:
    """Whether "zone" or "regency" after a name under a locative makes it a division ("in X
    zone", "in X and Y regencies", as some states call their second-level divisions)."""
    listed = after_list(doc, end)
    return listed < len(doc) and doc[listed].lower_ in UNLISTED_DIVISION_WORDS and (
        is_locative(doc, start) or in_locative_list(doc, start))


def _of_a_name(doc: Doc, toponym: Toponym) -> bool:
    """Whether "of" and a capitalised word follow the name: the head of a longer name ("the
    Organization of American States")."""
    first = _first_token(doc, toponym)
    after = first + len(toponym.span.text.split()) if first is not None else len(doc)
    return after + 1 < len(doc) and doc[after].lower_ == "of" and doc[after + 1].text[:1].isupper()


def _owns(text: str, toponym: Toponym) -> bool:
    """Whether "'s" follows the name: "at Ana Ruiz's farm" (a person's) is no place."""
    return text[toponym.span.end:toponym.span.end + 2] in ("'s", "’s")


def _a_people(word: str) -> bool:
    return word in PEOPLES or word in demonyms()


def _under_locative(doc: Doc, toponym: Toponym) -> bool:
    """Whether a locative governs the name itself ("near Mugling", "homes in Golovin"): there
    the recogniser's PERSON is mostly wrong on short news sentences (in the dev files, 8 of 8
    such names were places), while a name that only follows a list ("the ambassador to the
    Philippines, Xu Haiping") keeps its veto."""
    first = _first_token(doc, toponym)
    # (and the last of a list a locative governs: "in Kafr el-Zayat and X")
    return first is not None and (is_locative(doc, first) or in_locative_list(doc, first) or
                                  first > 0 and doc[first - 1].lower_ in NEIGHBOURING)


# prepositions that put a thing at a place, not in a body: "near X", "across X", "off X" (but
# "a stake in X", "a call from X" take companies and bodies)
# "known in X as Y": X is a language
_NAMING = frozenset({"known", "called", "named", "spelt", "spelled", "written"})
_SPATIAL = frozenset({"near", "around", "outside", "across", "through", "off", "along", "beyond",
                      "past", "via", "throughout", "at"})
# before "at", people whose "at X" is where they work: "a lawyer at X", "analysts at X"
_AT_WORK = _STAFF | ROLE_WORDS | frozenset({"works", "worked", "working", "employed", "job"})


# before "in" or "from", what a company or a body holds or sends: "a stake in X", "a call from X"
_HELD_OR_SENT = frozenset({"stake", "stakes", "shares", "investment", "investments", "interest",
                           "call", "calls", "letter", "statement", "message", "offer", "bid"})


# people named by where they live: "a farmer from X", "villagers in X"
_LOCALS = frozenset({"farmer", "farmers", "villager", "villagers", "resident", "residents",
                     "fisherman", "fishermen", "herder", "herders", "trader", "traders",
                     "shopkeeper", "shopkeepers", "elder", "elders", "mother", "father", "widow",
                     "man", "woman", "men", "women", "family", "families", "survivor",
                     "survivors", "teacher", "farmworker", "labourer", "labourers", "nomads"})


def _home_of(doc: Doc, toponym: Toponym) -> bool:
    """Whether people named by their home stand just before the name and its preposition:
    "said a farmer from El X" (a two-word name there is a village, not a firm)."""
    first = _first_token(doc, toponym)
    return first is not None and first >= 2 and doc[first - 1].lower_ in ("from", "in", "of") \
        and doc[first - 2].lower_ in _LOCALS


def _a_body_before(doc: Doc, toponym: Toponym) -> bool:
    """Whether the words before the name make it a body's: "a lawyer at X", "a stake in X"."""
    first = _first_token(doc, toponym)
    if first is None or first < 2:
        return False
    word = doc[first - 1].lower_
    return word == "at" and _at_work(doc, first) or \
        word in ("in", "from") and doc[first - 2].lower_ in _HELD_OR_SENT


def _at_work(doc: Doc, first: int) -> bool:
    """Whether a worker stands before the "at" before the name at `first`: "a lawyer at X"."""
    return any(t.lower_ in _AT_WORK for t in doc[max(0, first - 4):first - 1])


def _a_places_noun(doc: Doc, toponym: Toponym) -> bool:
    """Whether a name with a people's ending that the recogniser calls NORP stands as a noun:
    no people the word lists know, and no noun after it or its list ("in Umlazi and
    Pinetown", not "in Sunni areas" nor "in Sunni and Shia districts")."""
    first = _first_token(doc, toponym)
    if first is None or _a_people(doc[first].text):
        return False
    end = after_list(doc, first + 1)
    return end >= len(doc) or not (doc[end].is_alpha and doc[end].is_lower and not doc[end].is_stop) \
        and doc[end].text != "-"


def _spatial_before(doc: Doc, toponym: Toponym) -> bool:
    """Whether a spatial preposition stands just before the name ("around X", "remain at X"):
    there the recogniser's ORG is mostly wrong (in the dev files, most names it called ORG
    there were villages, camps, crossings and islands); not after someone's "at" of work."""
    first = _first_token(doc, toponym)
    if first is not None and first > 1 and doc[first - 1].lower_ in ("to", "towards", "toward"):
        return toward(doc, first)  # "traders began crossing to X", "fled towards X"
    if first is None or first == 0 or doc[first - 1].lower_ not in _SPATIAL:
        return False
    return doc[first - 1].lower_ != "at" or not _at_work(doc, first)


def _first_token(doc: Doc, toponym: Toponym) -> int | None:
    """The index of the name's first token, or None where its characters fall off the tokens."""
    span = doc.char_span(toponym.span.start, toponym.span.end, alignment_mode="expand")
    return span.start if span is not None else None


def _sentence_end(doc: Doc, length: int, sentence: int, starts: list[int]) -> int:
    """The character where the sentence starting at token `sentence` ends (`length`: the
    article's, for the last sentence)."""
    after = bisect.bisect_right(starts, sentence)
    return doc[starts[after]].idx if after < len(starts) else length


