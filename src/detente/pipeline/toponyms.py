"""Tokens -> place names: every name in a tokenised article that may be a place.

`ToponymFinder.find` looks every capitalised token up in the gazetteer (longest name first) on
the tokenised article, before any parse, and drops common words and people's names. The words
around a name (`place_words.py`) make it a place ("troops entered Ukraine", "talks in Beijing")
or a government ("Texas sued"); an apposition ("Paris, Texas"), a demonym beside it ("the Libyan
capital") or a place it is said to lie in ("X, a town in northern Mali") is kept with it for
`places.py` to weigh, in a `toponym.Toponym`. A name the gazetteer lacks is kept where the
words make it a place (`unlisted_reader.py`, with the word tests of `unlisted_names.py`;
`division_words.py` reads the division words around names; `story_names.py` reads names by the
rest of the story).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Sequence
from dataclasses import replace
from importlib import resources

import numpy
from spacy.tokens import Doc

from detente.model import Place, Span
from detente.pipeline.division_words import (
    ADMIN_WORDS,
    COMPASS_TYPES,
    UNLISTED_DIVISION_WORDS,
    admin_before,
    after_list,
    division_word_after,
)
from detente.pipeline.entities import Entity
from detente.pipeline.name_words import (
    ADJECTIVAL,
    ANCHOR_WORDS,
    ARTICLE_WORDS,
    FEATURE_WORDS,
    HEADCOUNT_WORDS,
    LANDMARK_ENDINGS,
    NAME_HEADS,
    NEAR_WORDS,
    PLACE_PREFIXES,
    PLACE_SUFFIXES,
    ROLE_WORDS,
    SHORE_WORDS,
    TRAILING_ADJECTIVES,
)
from detente.pipeline.place_words import (
    ACTOR_VERBS,
    CALENDAR,
    CONTINENTS,
    ERAS,
    KIND_WORDS,
    LANDFORM_WORDS,
    LANGUAGES,
    NAME_PARTICLES,
    NEIGHBOURING,
    TITLES,
    across_border,
    after_destination_to,
    after_place_verb,
    bound_for,
    capital_names,
    country_role,
    demonym_beside,
    demonyms,
    in_locative_list,
    is_locative,
    island_on,
    office_after,
    role,
    town_by_its_people,
)
from detente.pipeline.small_place_words import (
    SETTLEMENTS,
    SMALL_LOCATIVES,
    TOWN_WORDS,
    apposed,
    between_places,
    designated,
    designated_in_list,
    facility_after,
    toward,
)
from detente.pipeline.story_names import StoryNames, home_divisions
from detente.pipeline.toponym import Toponym, lies_in, only_towns, sentence_start
from detente.pipeline.unlisted_names import (
    ISLAND_WORDS,
    article_joined,
    capitalised_run,
    river_by_bare_name,
    river_words,
    type_first,
    unlisted_feature_end,
)
from detente.pipeline.unlisted_reader import UnlistedReader
from detente.places.build import TOWN_SOURCE
from detente.places.divisions import compass_only
from detente.places.gazetteer import Gazetteer
from detente.places.names import ascii_fold, dateline_case, fold_name, haversine_km, same_name
from detente.places.spellings import letters_ratio, like_spelling, written_key

# between a name and the place it lies in: "Paris, Texas", "Tripoli in northern Lebanon"
_WITHIN = re.compile(r", ?|,? in (the )?((north|south|east|west|central)\w* )?")
_BIG_CITY = 1_000_000  # a common-word name this large is read as the city anywhere ("Nice" is not)
_LIST_GAPS = frozenset({" and ", ", ", " or ", ",", ", and "})
# between two names of a list, where the first is a place: "across southern Turkey and
# northwestern Syria", "in Kherson, Zaporizhzhia and the Donbas"
_LISTED = re.compile(r"(?:, ?| (?:and|or) )(?:the )?(?:(?:north|south|east|west|central)\S* )?")
# between two names of one list where the second is named by its kind: "from Jask and the island
# of X", "Nouadhibou and the village of X"
_KIND_LISTED = re.compile(r",? (?:and|or) the (?:island|islands|village|villages|town|towns|port|"
                          r"city|district|region|province) of ")
_ANCHOR_CITY = 50_000  # people in a city that another place is said to lie in or near
# people: a name this large is its own place, whatever the words say it lies in ("support for
# Kyiv in Europe", "Washington's Kyiv envoy")
_CONTAINED_MAX = 500_000


def _kind_of(toponym: Toponym) -> str:
    """The kind of place a name is, where its readings agree ("the Pratas Islands": island) or
    its curated readings do ("the Elbe river", though Elbe is also a town), else ""."""
    kinds = {p.feature for p in toponym.candidates if p.source == "curated"} or \
        {p.feature for p in toponym.candidates} or {toponym.kind}
    return kinds.pop() if len(kinds) == 1 else ""


@functools.cache
def _word_lists() -> tuple[frozenset[str], tuple[str, ...]]:
    """(common-word names, phrases that are not places) from data/common_words.txt."""
    text = resources.files("detente.places").joinpath("data/common_words.txt").read_text("utf-8")
    lines = [line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")]
    return frozenset(w for w in lines if " " not in w), tuple(w for w in lines if " " in w)


# an apposition of one of these makes a country's name a town: "Peru, a city of 11,000",
# "Angola, the seat of Steuben County" (not "the second city of Cuba": the country follows)
_TOWN_APPOSITIONS = frozenset({"city", "seat", "capital"})


def _a_seas_own_name(text: str, candidates: tuple[Place, ...]) -> bool:
    """Whether `text` is the whole name of a sea or gulf the curated list holds ("Red Sea"),
    not a river's or a name it shares with a town ("Aral")."""
    folded = fold_name(text)
    return folded.split()[-1] in ("sea", "gulf", "ocean", "bay", "strait") and any(
        p.feature == "sea" and p.source == "curated" and fold_name(p.name) == folded
        for p in candidates)


# the words before "American" that make it a region's: "Central American"
_CONTINENT_PARTS = frozenset({"Central", "Latin", "South", "North", "West", "East", "Southern",
                              "Northern", "Western", "Eastern"})


def _us_attributive(doc: Doc, start: int, end: int) -> bool:
    """Whether "US" modifies the noun after it ("US airspace", "US warships", "the US border"):
    an adjective, no place of its own."""
    after = doc[end] if end < len(doc) else None
    # (not a verb: "officials in the US said", "the US imposed tariffs")
    return doc[start:end].text in ("US", "U.S.") and after is not None and after.is_lower and \
        after.is_alpha and not after.is_stop and not after.lower_.endswith(("ly", "ed")) and \
        after.lower_ not in ACTOR_VERBS


def _in_a_bodys_name(doc: Doc, start: int, end: int) -> bool:
    """Whether the name doc[start:end] is part of a body's name, not a place: a gang's ("the X
    cartel"), an armed group's, a company's or a school's ("the X Liberation Army", "X
    Airways"), or an institution's after its "of" ("the University of X")."""
    if end < len(doc) and doc[end].lower_ in _GANGS:
        return True
    if doc[start:end].text in _INSTITUTIONS and end < len(doc) and doc[end].lower_ == "of":
        return True  # "the University of X": no US town called University
    if start >= 2 and doc[start - 1].lower_ == "of" and doc[start - 2].text in _INSTITUTIONS:
        return True
    for at in range(end, min(len(doc), end + 4)):
        # ("People's" may stand in a body's name, but "Sudan's Rapid Support Forces" are the
        # country's: a party)
        if not doc[at].is_title and (at == end or doc[at].text not in ("'s", "’s")):
            return False
        if doc[at].text in _BODY_ENDINGS:
            return True
    return False


# what a place's name may head as a body's: "the X cartel", "X Airways", "the X Liberation Army"
_GANGS = frozenset({"cartel", "cartels", "gang", "gangs", "militia", "militias", "clan"})
_BODY_ENDINGS = frozenset({"Army", "Front", "Movement", "Party", "Airways", "Airlines", "Bank",
                           "University", "Exchange", "Authority", "Brigade", "Brigades", "Force",
                           "Forces", "Police"})
_INSTITUTIONS = frozenset({"University", "College", "Institute", "Bank", "Museum", "Academy"})


def _before_a_landform_word(doc: Doc, end: int) -> bool:
    """Whether a landform's or lake's word follows the name ending at `end`: "the X volcano",
    "the X peninsula", "X lake" (a town another of whose names it is is not meant there;
    rivers are read by `river_by_bare_name`)."""
    return end < len(doc) and doc[end].is_lower and (
        KIND_WORDS.get(doc[end].lower_) == "region" or doc[end].lower_ in _STILL_WATERS)


# what lies between two places across which one faces the other: "across the river in Y"
_CROSSED = frozenset({"border", "frontier", "river", "lake", "strait", "bay", "water", "channel"})


# a lake's words after its name: "west of Karakul lake" is no town another of whose names it is
_STILL_WATERS = frozenset({"lake", "lagoon", "reservoir"})


# what the words call a small place: "the village of X" is none of the big cities of its name
# abroad (`story_readings.without_far_namesakes`)
_VILLAGE_WORDS = frozenset({"village", "villages", "hamlet", "hamlets"})


# countries whose own names take "the", as their rivers' do
_COUNTRIES_WITH_THE = frozenset({"Gambia", "Congo", "Netherlands", "Philippines", "Bahamas",
                                 "Maldives", "Seychelles", "Comoros"})


# after a place's name: a disease or a strain named after where it was first found
_DISEASES = frozenset({"fever", "virus", "disease", "flu", "influenza", "syndrome", "variant",
                       "strain"})


class ToponymFinder:
    """Finds the place names of a tokenised article."""

    def __init__(self, gazetteer: Gazetteer,
                 entities: Callable[[Sequence[str]], list[list[Entity]]] | None = None):
        self.gazetteer = gazetteer
        # spaCy's entity recogniser, asked about doubtful names only (`pipeline/entities.py`)
        self.entities = entities
        self.common, blocks = _word_lists()
        self.blocks = frozenset(blocks)
        self.block_firsts = frozenset(b.split()[0] for b in blocks)
        self.unlisted = UnlistedReader(self)  # the names the gazetteer lacks
        self.story = StoryNames(self)  # names the rest of the story makes places
    def find(self, doc: Doc, dateline_end: int = 0) -> list[Toponym]:
        """Every place name in `doc`, longest first where names overlap."""
        text = doc.text  # Doc.text joins the tokens anew on each call
        found: list[Toponym] = []
        known = demonyms()
        named: list[tuple[int, str]] = []  # (sentence, country) of each demonym
        starts = numpy.flatnonzero(doc.to_array("SENT_START") == 1).tolist() or [0]
        i = 0
        named_end = -1  # where the last name a settlement word or an anchor placed ends
        doubtful: list[Toponym] = []  # names the gazetteer lacks, after a locative alone
        unless_person: set[int] = set()  # where doubtful names start that only a person vetoes
        admin_listed = False  # whether the last name found took its division word from before it
        home: set[tuple[str, str]] | None = None  # the divisions the dateline's town may lie in
        # the credit in brackets before a dateline's dash is a news agency, whatever its name
        # ("MOPTI, Mali (Andes Line) -"), no place
        credit = text.find("(", 0, dateline_end)
        while i < len(doc):
            token = doc[i]
            if not token.text[:1].isupper() and not article_joined(doc, i) or \
                    0 <= credit < token.idx < dateline_end:
                i += 1
                continue
            sentence = sentence_start(starts, i)
            in_dateline = token.idx < dateline_end
            # "the villages of X, Y and Z": a name listed after a placed small place
            listed = named_end >= 0 and all(t.lower_ in (",", "and", "or") for t in doc[named_end:i])
            end, candidates = self.longest(doc, i, in_dateline, listed)
            if in_dateline and i == 0 and end and _short_of_the_comma(doc, end, dateline_end):
                end, candidates = 0, ()  # "BAKER LAKE, Canada" is no Baker and a lake
            elif end == i + 1 and token.text in ARTICLE_WORDS and i + 1 < len(doc) and \
                    doc[i + 1].is_title and not doc[i + 1].is_sent_start:
                end, candidates = 0, ()  # "the Al Sharqiya governorate": no Norwegian town Al
            name_end = end or capitalised_run(doc, i)
            titled = self._titled_landform(doc, i, name_end) if not in_dateline and name_end > i \
                else ()
            if titled:  # "the Altai mountains": the curated Altai Mountains, not Altai Krai
                end, candidates = name_end + 1, titled
            elif end and not in_dateline and _before_a_landform_word(doc, end):
                # "the Sangay volcano" is no Shanghai, once called so, nor a village abroad
                kept = tuple(p for p in candidates if p.feature != "city" or
                             same_name(fold_name(p.name), fold_name(doc[i:end].text)))
                if len(kept) < len(candidates):
                    end, candidates = (0, ()) if only_towns(kept) else (end, kept)
            fragment = bool(end) and not in_dateline and self.fragment(doc, i, end, candidates)
            if fragment:
                end, candidates = 0, ()  # "Pont" of "Pont-Sondé" is no place of its own
            # ("on the Niger between Gao and X": a country's bare name after "the" is its
            # river, but for the countries whose own names take "the"; "the Niger river" is
            # read with its river word)
            if i and doc[i - 1].lower_ == "the" and not in_dateline and not fragment and \
                    not any(p.feature == "sea" or p.source == "curated" or p.feature == "country" and
                            (doc[i:end].text in _COUNTRIES_WITH_THE or
                             end < len(doc) and doc[end].lower_ == "river") for p in candidates):
                end, candidates = river_by_bare_name(self.gazetteer, doc, i, end, candidates)
            typed = type_first(doc, i) if end <= i + 1 and not in_dateline else None
            if typed is not None:  # "the Gulf of Paria", "Mount Ruang": not "Gulf" province
                span = doc[i:typed[0]]
                found.append(Toponym(Span(span.start_char, span.end_char, span.text), (), True,
                                     sentence=sentence,
                                     kind=typed[1]))
                i = typed[0]
                continue
            # a dateline's words are its place, but "LAGOS, Nigeria, March 3": not the month
            dated = in_dateline and candidates and token.lower_ not in CALENDAR
            if dated:
                candidates = _own_names_first(doc[i:end].text, candidates)
                if found:
                    candidates = self._country_by_its_town(doc[i:end].text, candidates, found[0])
                elif any(p.feature == "admin" for p in candidates):
                    # a dateline is filed from a town: "VIENNE, France" is the town, not the
                    # department; but the country or division after it is what it is
                    candidates = tuple(p for p in candidates if p.feature == "city") or candidates
            feature_end = 0 if in_dateline else unlisted_feature_end(doc, i, end, candidates)
            if feature_end:  # "the Madeira river": a river the gazetteer lacks, not the town
                found.append(self.unlisted.feature(doc, i, feature_end, sentence, candidates))
                i = feature_end + 1
                continue
            # "in Wajima and Suzu": listed after a place the words placed, as if "in" governed it
            gap = text[found[-1].span.end:token.idx] if found else ""
            after_listed = gap in _LIST_GAPS
            on_town = _on_a_town(doc, i, end, candidates, found)  # "Uig on Skye"
            # "in Lamlash and X", "fled to Arcahaie and X", "between Nitro and X": the rest of a
            # list whose first name the words place is a place too, whatever the recogniser says
            placed_list = after_listed and _placed_list(doc, text, found, gap) and (
                gap not in (",", ", ") or _list_goes_on(doc, i))
            after_place = placed_list or on_town is not None or \
                i > 0 and doc[i - 1].lower_ in NEIGHBOURING  # "and neighbouring Amanalco"
            # "counties Galway and Mayo", "the provinces of Aurora and Quirino": divisions
            typed_admin = admin_before(doc, i) or (found[-1].admin_word if admin_listed and after_listed
                                                   else "")
            # "Quetzaltenango, the city most Guatemalans call X", "the Evros river, known in
            # Turkish as the Meriç": another name of the place just named stands there, whatever
            # else the gazetteer has under it (not a country's: "the Pratas Islands, known in
            # China as X")
            alias = self.unlisted.alias_target(doc, i, sentence, found) \
                if not in_dateline and not any(p.feature == "country" for p in candidates) else None
            if alias is not None and any(p.source != TOWN_SOURCE and _near(p, q)
                                         for p in candidates for q in alias.candidates):
                alias = None  # the gazetteer has it there: "Stepanakert, which Baku calls Khankendi"
            end = 0 if alias is not None else end
            kept = bool(end) and (dated or self.keeps(doc, i, end, candidates,
                                                       after_place or bool(typed_admin)))
            if home is None and not in_dateline:
                home = home_divisions(found)
            at_home = self.story.at_home(doc, i, end, candidates, home) \
                if not kept and home and not in_dateline and alias is None else ()
            if at_home:
                (end, candidates), kept = at_home, True
            # "East" of "in East X zone" is no village East: read the whole name (but "in the
            # East Room" is a room); nor is "North" of "around North Y", where the gazetteer
            # lacks the whole, a village beside a Y
            title_after = i + 1 < len(doc) and doc[i + 1].is_title
            if (not kept or title_after) and end == i + 1 and token.text in _COMPASS_HEADS and \
                    not in_dateline and all(p.source == TOWN_SOURCE for p in candidates) and (
                        doc[i - 1].lower_ != "the" or _division_after(doc, i)):
                end, kept = 0, False
            # "Talat" of "in Talat N'Yaaqoub", a village: read the whole name, and let the
            # recogniser say whether it is a place ("said Luca Rossetti, the town's mayor")
            longer = not kept and bool(end) and not in_dateline and capitalised_run(doc, i) > end
            # (so too a small town's short name before a word no name of place takes: "off Ben
            # Guerdane" is no Iranian village Ben)
            longer = longer or (kept and end == i + 1 and not in_dateline and
                                capitalised_run(doc, i) > end and
                                _a_small_towns_fragment(doc, end, candidates))
            if longer:
                end, kept = 0, False
            if kept:
                toponym = self.make_toponym(doc, i, end, candidates,
                                        sentence, in_dateline or listed, typed_admin, in_dateline)
                if on_town is not None and on_town.candidates and toponym.candidates and all(
                        p.feature == "city" and not _near(p, q)
                        for p in toponym.candidates for q in on_town.candidates):
                    # "Portree on Skye": the island the town stands on, not a town abroad
                    toponym = _unlisted(toponym, "island", on_town.span.start)
                if placed_list and not toponym.small and any(p.source == TOWN_SOURCE
                                                             for p in toponym.candidates):
                    # "a curfew on Dange, X and Y": the words that place the list place them all
                    toponym = replace(toponym, small="locative")
                admin_listed = bool(typed_admin) and toponym.admin_word == typed_admin
                # a dateline says where the story was filed: a place, never an actor
                found.append(replace(toponym, locative=True, actor=False) if in_dateline
                             else toponym)
                end += bool(toponym.feature_word)  # "Highlands" of "Tigray Highlands" is read
                named_end = end if toponym.small == "named" else -1
                if at_home:  # the dateline's division names it, as an anchor would
                    found[-1] = replace(found[-1], small="named")
            elif token.text in known and not (token.text in ("American", "Americans") and i and
                                              doc[i - 1].text in _CONTINENT_PARTS):
                # ("Central American ministers" are no Americans of the United States)
                named.append((sentence, known[token.text]))
            elif not end and in_dateline and i == 0:
                end = self.unlisted.in_dateline(doc, dateline_end, found)
            elif not end and not in_dateline and \
                    (respelled := self._respelled(doc, i, sentence, found)) is not None:
                found.append(respelled)  # "Beletweyne" after "Beledweyne": the same town
                end = capitalised_run(doc, i)
            elif not end and not in_dateline and article_joined(doc, i):
                end, toponym = self.unlisted.read_article_joined(doc, i, sentence)
                if toponym is not None:  # "off al-Khokha": a name the gazetteer lacks
                    found.append(toponym)
            elif not end and not in_dateline or alias is not None:
                end, toponym, sure = self.unlisted.read(doc, i, sentence, after_place,
                                                   alias.span.start if alias else -1,
                                                   _kind_of(alias) if alias else "")
                sure = sure or toponym is not None and placed_list
                if toponym is not None and sure and not longer:
                    found.append(toponym)
                elif toponym is not None:
                    doubtful.append(toponym)
                    if sure:  # kept unless the recogniser calls it a person
                        unless_person.add(toponym.span.start)
            i = end or i + 1
        if doubtful:
            found = self.unlisted.settle(doc, text, found, doubtful, starts, named, unless_person)
        found = self.story.with_towns(doc, text, found, starts, dateline_end)
        found = self.story.with_repeats(doc, found, starts)
        return self._appositions(text, _with_demonyms(found, named) if named else found)

    def _respelled(self, doc: Doc, start: int, sentence: int,
                   found: list[Toponym]) -> Toponym | None:
        """The name at `start`, which the gazetteer lacks, as another spelling of a place the
        story named before it ("Beletweyne" after "BELEDWEYNE"): that place's readings; None
        where it spells none of them. Only names of six letters or more (shorter ones spell
        too many), and not a word of a person's name ("Marco Serrano") nor a name the gazetteer
        has but the finder did not keep."""
        end = capitalised_run(doc, start)
        text = doc[start:end].text
        if end <= start or len(written_key(text)) < _RESPELLED_LETTERS or \
                start > 0 and doc[start - 1].is_title or \
                any(t.lower_ in CALENDAR for t in doc[start:end]) or \
                text in self.gazetteer or ascii_fold(text) in self.gazetteer:
            return None
        for earlier in reversed(found):
            if earlier.candidates and not earlier.actor and \
                    _spelled_alike(text, earlier.span.text):
                span = Span(doc[start].idx, doc[end - 1].idx + len(doc[end - 1]), text)
                return replace(earlier, span=span, sentence=sentence, within=None, listed=(),
                               lies_in=-1)
        return None

    def _country_by_its_town(self, text: str, candidates: tuple[Place, ...],
                             town: Toponym) -> tuple[Place, ...]:
        """A country the dateline names after its town, read as the one its largest town of the
        name lies in when the name is part of that country's ("POINTE-NOIRE, Congo" is the
        Republic of the Congo, though "Congo" alone is the larger Democratic Republic)."""
        if not town.candidates or not any(p.feature == "country" for p in candidates):
            return candidates
        biggest = max(town.candidates, key=lambda p: p.population).country
        if biggest in {p.country for p in candidates}:
            return candidates
        return (self.gazetteer.country(biggest),) if self._named_by_part(text, biggest) else candidates

    def longest(self, doc: Doc, start: int, dateline: bool, listed: bool = False,
                 towns: bool = False) -> tuple[int, tuple[Place, ...]]:
        """(end token, candidates) of the longest gazetteer name starting at `start`; a name
        that only towns of the town file have counts where the words allow a small place
        (`listed`: after one in a list), or with `towns`. Each answer is kept with the
        document: the passes over an article ask about the same tokens again."""
        if start >= len(doc):
            return 0, ()  # past the last word: "between X and Y" ending the text
        asked = doc.user_data.setdefault("detente.longest", {})
        key = (start, dateline, listed, towns)
        if key not in asked:
            asked[key] = self._longest(doc, start, dateline, listed, towns)
        return asked[key]

    def _longest(self, doc: Doc, start: int, dateline: bool, listed: bool,
                 towns: bool) -> tuple[int, tuple[Place, ...]]:
        gazetteer = self.gazetteer
        firsts = {dateline_case(doc[start].text), doc[start].text.title()} if dateline or \
            article_joined(doc, start) else {doc[start].text}
        firsts = {f if f.isascii() else ascii_fold(f) for f in firsts}  # "São Paulo" as "Sao Paulo"
        # "Cox's" (and the dateline's "COX'S" as "Cox's")
        after = (doc[start + 1].text.lower() if dateline else doc[start + 1].text) \
            if start + 1 < len(doc) else None
        several = any(first in gazetteer.first_words or first in self.block_firsts or
                      after is not None and first + after in gazetteer.first_words
                      for first in firsts)
        best: tuple[int, tuple[Place, ...]] = (0, ())
        stop = min(len(doc), start + (8 if several else 1))
        for end in range(start + 1, stop + 1):
            span = doc[start:end]
            text = " ".join(span.text.split())
            if dateline:  # "ST. JOHN'S" as "St. John's", else as str.title() writes it ("McAllen");
                # a name in mixed case after the town as written ("Côte d'Ivoire")
                text = next((form for form in (dateline_case(text), text) if form in gazetteer or
                             ascii_fold(form) in gazetteer), text.title())
            elif text[:1].islower():  # "residents of al-Qaim": the article as a name writes it
                text = text[:1].upper() + text[1:]
            elif end - start > 1 and doc[end - 1].lower_ in COMPASS_TYPES and \
                    compass_only(doc[start:end - 1].text):  # "North West province"
                text = f"{text.rsplit(' ', 1)[0]} {doc[end - 1].text.title()}"
            # "Anzoátegui", "León": the index has the name, or more places of it, without
            # diacritics ("Anzoategui"; León, Mexico as "Leon")
            folded = text if text.isascii() else ascii_fold(text)
            if text in self.blocks or folded in self.blocks:
                return end, ()
            if text in gazetteer or folded in gazetteer:
                candidates = tuple(gazetteer.candidates(text)) if folded == text else \
                    tuple(dict.fromkeys([*gazetteer.candidates(text), *gazetteer.candidates(folded)]))
                if towns or dateline or listed or not only_towns(candidates) or \
                        self.small_place(doc, start, end, candidates):
                    best = (end, candidates)
            # a dateline's "ST." ends no sentence
            if len(text) > gazetteer.max_chars or doc[end - 1].is_sent_end and not dateline:
                break
        return best

    def fragment(self, doc: Doc, start: int, end: int, candidates: tuple[Place, ...]) -> bool:
        """Whether the name doc[start:end] is the first part of a name the gazetteer lacks: a
        word that heads place names before another capitalised word ("Puerto Williams" is no
        Puerto and Williams); a name only villages have before more capitalised words ("Bulo
        Burte"); a town's name before a water or landmark word or in a river the words name
        ("King Sound", "the banks of the Kara Darya"); or the first part of a hyphenated name
        ("Pont-Sondé", "Anse-à-Pitres"); not a country, nor one of two places joined ("the
        Kabul-Kandahar highway", "the Belarus-Poland border")."""
        if end == start + 1 and doc[start].text in NAME_HEADS and end < len(doc) and \
                doc[end].is_title and not doc[end].is_sent_start:
            return True
        if article_joined(doc, end) and not any(p.feature == "country" for p in candidates):
            return True  # "Ras" of "Ras al-Ara": an Arabic name the gazetteer lacks
        run = capitalised_run(doc, start)
        if run > end + 1 and doc[end].text == "y":
            return True  # "San Juan y Martínez" is no San Juan
        if end + 1 < len(doc) and doc[end].text in NAME_PARTICLES and doc[end + 1].is_title and \
                all(p.feature == "city" for p in candidates):
            return True  # "Barra do Sahy" is no Barra, a town 1,400 km away
        if run == end + 1 and doc[end].text in TRAILING_ADJECTIVES and \
                not any(p.feature == "country" for p in candidates):
            return True  # "the Cordillera Central" is no Philippine Cordillera region
        if run > end and only_towns(candidates) and doc[start].text not in PLACE_PREFIXES and \
                doc[run - 1].text not in FEATURE_WORDS:
            return True  # "Bulo Burte" is no Philippine village Bulo: a name the gazetteer lacks
        if run > end and all(p.feature in ("city", "sea") for p in candidates) and (
                doc[run - 1].text in LANDMARK_ENDINGS or
                start > 0 and doc[start - 1].lower_ == "the" and doc[run - 1].text not in FEATURE_WORDS
                and river_words(doc, start, run)):
            # "King Sound" is no King, "the Vistula Lagoon" no river, "the banks of the Kara
            # Darya" no Kara
            return True
        if run <= end + 1 or doc[end].text != "-" or \
                any(p.feature == "country" for p in candidates):
            return False
        if not doc[end + 1].is_title:
            return True  # "-à-", "-d'Eau": the words of one name
        second = self.longest(doc, end + 1, False, towns=True)[0]
        # "Gobi-Altai province", "Gobi-Altai and Uvs provinces": a division word after the
        # pair, or after the list it opens, makes it one name; and two towns joined stand
        # before what joins them ("the Kabul-Kandahar highway"), so a pair before no lower-case
        # word is one name ("families from Rumonge and Nyanza-Lac,")
        return second == 0 or division_word_after(doc, second) or \
            second == run and (run >= len(doc) or not doc[run].is_lower)

    def _titled_landform(self, doc: Doc, start: int, end: int) -> tuple[Place, ...]:
        """The places of the name with the landform word after it written in lower case, where
        the gazetteer has them so titled ("the Altai mountains": "Altai Mountains")."""
        if end >= len(doc) or not doc[end].is_lower or KIND_WORDS.get(doc[end].lower_) != "region":
            return ()  # (rivers are read by `river_by_bare_name`)
        return tuple(self.gazetteer.candidates(f"{' '.join(doc[start:end].text.split())} "
                                               f"{doc[end].text.title()}"))

    def keeps(self, doc: Doc, start: int, end: int, candidates: tuple[Place, ...],
               after_place: bool = False) -> bool:
        """False for names that are something else here: common words, people, codes."""
        if not candidates:
            return False  # a blocked phrase ("Paris Agreement")
        if _in_a_bodys_name(doc, start, end):
            return False  # "the Jalisco cartel", "the Sudan Liberation Army", "the University of X"
        if _us_attributive(doc, start, end):
            return False  # "US airspace"
        if end - start == 1 and doc[start].text in demonyms() and \
                not (end < len(doc) and doc[end].lower_ in ADMIN_WORDS and
                     not (end + 1 < len(doc) and doc[end + 1].lower_ in _STATE_BODIES)) and \
                not (start > 0 and doc[start - 1].lower_ in ("near", "outside") and
                     any(p.feature == "city" for p in candidates)):
            # "Thai", "Somali" are people; but "the Somali region" is a place, and so is the
            # town "near Brits"
            return False
        text = doc[start:end].text
        if end < len(doc) and doc[end].lower_ in _CLUB_PEOPLE and \
                not any(p.feature == "country" for p in candidates):
            return False  # "Union Serrana coach X said": a club named after a town
        if end < len(doc) and doc[end].lower_ in _ARMED_GROUPS and \
                not any(p.feature == "country" for p in candidates):
            return False  # "Kachin rebels": a people's or a region's fighters, no place named
        if end < len(doc) and doc[end].lower_ in _DISEASES:
            return False  # "Lassa fever", "the Marburg virus": a disease named after a place
        if text in CONTINENTS:
            return False  # "In Asia, shares closed higher": not Asia, a Philippine village
        if text.lower() in CALENDAR and not designated(doc, start, end):
            return False  # "in March" is the month; "the town of March" is the town
        if text in LANGUAGES and not designated(doc, start, end):
            return False  # "a broadcast in English", not English, Indiana
        if text in ERAS and end < len(doc) and doc[end].is_lower:
            return False  # "the old Roman town", not Roman in Romania
        strong = any(p.feature in ("country", "sea", "island", "river", "lake", "region")
                     for p in candidates)
        if end - start == 1 and doc[start].is_stop and not strong:
            return False  # "Of" (Turkey), "Say" (Niger)
        if text in ADJECTIVAL and end < len(doc) and doc[end].is_lower and doc[end].is_alpha \
                and not doc[end].is_stop and doc[end].lower_ not in ADMIN_WORDS and \
                doc[end].lower_ not in SHORE_WORDS:
            # "Caribbean leaders", "Arctic shipping": the sea's adjective; but "the
            # Mediterranean coast" and "Turkey's Aegean coast" are the sea's shore
            return False
        locative = after_place or is_locative(doc, start) or in_locative_list(doc, start) or \
            between_places(doc, start, end) or designated_in_list(doc, start, end, TOWN_WORDS) or \
            start > 0 and doc[start - 1].lower_ == "for" and bound_for(doc, start - 1)  # "left for X"
        # a verb of place or a destination's "to" before it: "rebels seized X", "flown to X"
        led_there = after_place_verb(doc, start) or after_destination_to(doc, start)
        biggest = max(p.population for p in candidates)
        # a division's people do not make its name the place anywhere: "Rivers in Sofala
        # province were rising" is no Nigerian state (but "the Centre region" is a division)
        city = max((p.population for p in candidates if p.feature == "city"), default=0)
        typed = end < len(doc) and doc[end].lower_ in ADMIN_WORDS and \
            any(p.feature == "admin" for p in candidates)
        if text in self.common and not locative and city < _BIG_CITY and not typed and \
                not led_there and not any(
                lies_in(p, a) for p in candidates for a in self._anchor(doc, end)):
            return False  # but "Jackson, the capital of Mississippi" is the city
        # short town names: "Bar", "Ede", "Oss" are other words first; but not "Enga province"
        if len(text) <= 4 and not strong and not locative and biggest < 100_000 and \
                text not in capital_names() and not led_there and \
                town_by_its_people(doc, start, end) is None and not (
                end < len(doc) and doc[end].lower_ in ADMIN_WORDS and
                any(p.feature == "admin" for p in candidates)) and not (
                end < len(doc) and doc[end].text in FEATURE_WORDS) and not any(
                lies_in(p, a) for p in candidates for a in self._anchor(doc, end)):
            return False  # but "Auki, the capital of Malaita province" is the town, and
            # "Suva" a national capital; "rebels seized X", "the mayor of X", "flown to X"
            # name a town
        return not self.part_of_a_name(doc, start, end, strong)

    def part_of_a_name(self, doc: Doc, start: int, end: int, strong: bool) -> bool:
        """"Jordan Bardella", "Paris Hilton", "President Georgia ...": a person, not a place."""
        after = doc[end] if end < len(doc) else None
        if _score_at(doc, end) or end < len(doc) and doc[end].lower_ in _RESULTS and \
                any(_score_at(doc, at) for at in range(end + 2, min(len(doc), end + 7))):
            # "beat Union Serrana 4-0 on Sunday", "Union Serrana beat Dynamo Kestrel 3-1": a
            # team and its score
            return True
        if after is not None and after.is_title and not after.is_sent_start and \
                after.text not in PLACE_SUFFIXES and after.text.lower() not in ADMIN_WORDS and \
                self.longest(doc, end, False)[0] == 0:
            return True
        if start >= 2 and doc[start - 1].lower_ == "of" and doc[start - 2].text in TITLES:
            return True  # "the Prince of Wales bridge", "the Duke of Edinburgh"
        if start and doc[start - 1].lower_ in _SPEECH and after is not None and after.is_title \
                and not after.is_sent_start and after.text not in TITLES and \
                after.text not in PLACE_SUFFIXES and after.lower_ not in ADMIN_WORDS:
            return True  # "said Dolores Aguilar, a farmer": the speaker, though Aguilar is a town
        if start and doc[start - 1].lower_ in ROLE_WORDS and after is not None and after.is_title \
                and not after.is_sent_start and after.text not in PLACE_SUFFIXES and \
                after.lower_ not in ADMIN_WORDS:
            return True  # "army chief Sofia Dumont", "coach Nadia Ortega": though Dumont is a town
        if strong:
            return False
        before = doc[start - 1] if start > 0 else None
        if before is None or doc[start].is_sent_start:
            return False
        if before.text in TITLES:
            return True
        if before.is_title and before.lower_ not in CALENDAR and start >= 2 and (
                doc[start - 2].text in TITLES or doc[start - 2].lower_ in ROLE_WORDS or
                doc[start - 2].lower_ in _SPEECH):
            # "Security Adviser Amara Ortega", "said Amara Ortega": a surname after a name
            return True
        if before.text in NAME_PARTICLES and start >= 2 and doc[start - 2].is_title:
            return True  # "Carmen" of "Benque Viejo del Carmen", a name the gazetteer lacks
        if before.is_sent_start and before.is_stop or before.lower_ in NEIGHBOURING:
            # "A Tarija shopkeeper", "Many Tarija traders": the sentence's first word; and
            # "Neighbouring Khovd province"
            return False
        # (a weekday is no first name: "officials said Tuesday Mosul was calm")
        return before.is_title and before.text not in PLACE_PREFIXES and \
            before.lower_ not in CALENDAR and \
            self._name_before(doc, start - 1) is None

    def _name_before(self, doc: Doc, index: int) -> int | None:
        """Where a name the gazetteer has that ends at `index` starts; a name only towns of
        under 50,000 people bear is no such name: before another name it is the first word of
        one the gazetteer lacks ("Tal" of "Tal Afar", "Nysa" of "Nysa Kłodzka")."""
        for start in range(max(0, index - 3), index + 1):
            end, candidates = self.longest(doc, start, False)
            if end == index + 1 and candidates and any(
                    p.feature != "city" or p.population >= _ANCHOR_CITY for p in candidates):
                return start
        return None

    def small_place(self, doc: Doc, start: int, end: int, candidates: tuple[Place, ...],
               anchor: tuple[Place, ...] = ()) -> str:
        """What lets a small place of the town file be meant (`Toponym.small`)."""
        if sum(t.is_alpha for t in doc[start:end]) >= 3 or \
                end - start == 2 and doc[start].text in NAME_HEADS:
            # a name of three words, or one a place word heads, is no surname: "Benque Viejo
            # del Carmen", "Port Douglas"
            return "named"
        if designated_in_list(doc, start, end, SETTLEMENTS) or demonym_beside(doc, start, end) or \
                end < len(doc) and doc[end].text in FEATURE_WORDS or \
                town_by_its_people(doc, start, end) is not None:
            return "named"
        towns = [p for p in candidates if p.source == TOWN_SOURCE]
        if any(lies_in(p, a) for p in towns for a in anchor or self._anchor(doc, end)):
            return "named"
        # "near X", "at X"; and where a road leads or people go ("the road to X"), which with
        # a larger place of the name would be that place: a small one is in the story's country
        return "locative" if is_locative(doc, start, SMALL_LOCATIVES) or toward(doc, start) or \
            between_places(doc, start, end) or in_locative_list(doc, start, SMALL_LOCATIVES) or \
            facility_after(doc, end) else ""

    def _anchor(self, doc: Doc, end: int) -> tuple[Place, ...]:
        """The places the name after `end` may be when the words between say where the name
        before lies: "X, a town in northern Mali", "X in Syria's Idlib province", "X near
        Aleppo"."""
        at = self.anchor_at(doc, end, past_a_name=True)
        if at is None:
            return ()
        after, candidates = self.longest(doc, at, False, towns=True)
        # "sent back to Cuba, US authorities said": the name after the comma modifies a body
        if after and office_after(doc, after):
            return ()
        candidates = tuple(p for p in candidates if p.source != TOWN_SOURCE) if after else ()
        if after and after < len(doc) and doc[after].lower_ in ADMIN_WORDS:
            # "X, in the San Martín region": the division of that name and word, beside the
            # towns of the name
            named = self.gazetteer.divisions_named(" ".join(doc[at:after].text.split()),
                                                   doc[after].lower_)
            candidates += tuple(p for p in named if p not in candidates)
        # a name that is a country or a feature of the curated list is that before it is a
        # small town: "Mexico's Pacific coast" is not in Pacific, Missouri (7,000 people), nor
        # does it make Mexico the Missouri town
        countries = {p.country for p in candidates if p.feature == "country"}
        if countries:  # "BLACK RIVER, Jamaica": the island state, not Jamaica, Queens
            return tuple(p for p in candidates if p.feature != "city" or p.country in countries)
        if any(p.source == "curated" for p in candidates):
            return tuple(p for p in candidates if p.feature != "city" or p.population >= _ANCHOR_CITY)
        return candidates

    def anchor_at(self, doc: Doc, end: int, past_a_name: bool = False) -> int | None:
        """Where the name that says where the name before `end` lies starts (`_anchor`); with
        `past_a_name`, past a second name joined by "and" ("around X and Y in central Mali":
        both in Mali; a name the gazetteer lacks stands by that second name instead)."""
        if past_a_name and end + 1 < len(doc) and doc[end].lower_ in ("and", "or") and \
                doc[end + 1].is_title and not doc[end + 1].is_sent_start:
            end = capitalised_run(doc, end + 1)
        crossed = -1  # the water word of "across the river in Y", past which Y says where
        for j in range(end, min(len(doc), end + 10)):
            token = doc[j]
            if j > end and token.is_sent_start:
                return None
            if j <= crossed:
                continue
            if (token.text in ADJECTIVAL or token.text in demonyms()) and \
                    self.longest(doc, j, False, towns=True)[0] <= j + 1:
                continue  # "X, the Caribbean port in Colón"; but "in British Columbia"
            if token.text[:1].isupper():
                # "WASHINGTON, March 21": a month is no place a name lies in (March, England)
                return None if token.lower_ in CALENDAR else j
            if token.lower_ == "across" and j + 2 < len(doc) and doc[j + 1].lower_ == "the" and \
                    doc[j + 2].lower_ in _CROSSED:
                # "X, a village across the border in Y", "X, across the river in Y" ("from Y"
                # stops it: "from")
                crossed = j + 2
                continue
            if token.lower_ not in ANCHOR_WORDS and not token.like_num and not (
                    token.lower_ in HEADCOUNT_WORDS and doc[j - 1].like_num):
                return None
            if j == end and token.lower_ == "to" and j + 1 < len(doc) and doc[j + 1].is_title:
                return None  # "sailed from Jask and X to Sohar": a route's end, not where X lies
        return None

    def border_near(self, doc: Doc, end: int) -> str:
        """The country whose border the words after the name ending at `end` put it near: "X,
        close to the border with Mauritania", "X, near the frontier with Chad"; "" if none."""
        for at in range(end, min(len(doc) - 2, end + 8)):
            if at > end and doc[at].is_sent_start:
                return ""
            if doc[at].lower_ in ("border", "frontier", "borders") and \
                    doc[at + 1].lower_ in ("with", "of"):
                return self.country_at(doc, at + 2)
        return ""

    def country_at(self, doc: Doc, start: int) -> str:
        """The country whose name starts at `start` ("Mauritania"), or ""."""
        return next((p.country for p in self.longest(doc, start, False)[1]
                     if p.feature == "country"), "")

    def make_toponym(self, doc: Doc, start: int, end: int, candidates: tuple[Place, ...],
                 sentence: int, named: bool = False, typed_admin: str = "",
                 dateline: bool = False) -> Toponym:
        towns = tuple(p for p in candidates if p.feature == "city")
        if dateline and towns:
            # a dateline names a town: "GUANTANAMO -" is the city, not the bay of its name
            beside = {p.country for p in towns}
            candidates = tuple(p for p in candidates if p.feature not in ("region", "sea", "island")
                               or p.country not in beside)
        if towns and len(towns) < len(candidates) and \
                (designated_in_list(doc, start, end, TOWN_WORDS) or apposed(doc, end, _TOWN_APPOSITIONS)) \
                and not (end < len(doc) and doc[end].lower_ in ADMIN_WORDS):
            # "the border towns of X and Y": not the region X of Kyrgyzstan (but "the oil towns
            # of Zulia state" are in the state); "Peru, a city of 11,000 in Indiana"
            candidates = towns
        if start > 1 and doc[start - 1].lower_ == "of" and doc[start - 2].lower_ == "capital":
            # "Puerto Montt, the capital of Los Lagos": the region, not a town of its name
            folded = fold_name(doc[start:end].text)
            divisions = tuple(p for p in candidates if p.feature in ("admin", "country")) or \
                tuple(filter(None, (self.gazetteer.in_admin(p.country, p.admin1) for p in candidates
                                    if p.feature == "city" and fold_name(p.admin1) == folded)))
            candidates = divisions or candidates
        if not typed_admin and end < len(doc) and doc[end].lower_ in ADMIN_WORDS:
            # "Berea district": the division the index knows by its type word, though the bare
            # name is left to towns abroad ("Para district", beside Brazil's state Pará)
            typed = tuple(p for p in self.gazetteer.candidates(
                f"{doc[start:end].text} {doc[end].text.title()}") if p.feature == "admin")
            if typed:  # (its towns give way; "the Sahel region" may still be the wide one)
                candidates = tuple(dict.fromkeys(
                    [*typed, *(p for p in candidates if p.feature != "city")]))
        admin_word = ""
        if typed_admin and any(p.feature in ("city", "admin") for p in candidates) and \
                not any(p.feature == "country" for p in candidates):  # "the Gulf states of Qatar"
            admin_word = typed_admin  # "counties Galway and Mayo": the counties, not the towns
        elif end < len(doc) and doc[end].lower_ in ADMIN_WORDS and \
                any(p.feature == "admin" for p in candidates):
            admin_word = doc[end].lower_  # "Niger state": the division, not the country
        elif end < len(doc) and doc[end].lower_ in ADMIN_WORDS and \
                any(p.feature == "city" for p in candidates):
            # "the Kherson region": the division the city of that name lies in (the village
            # of Sinaloa, Chiapas, is no reason to read "the Sinaloa state" so)
            admin_word = doc[end].lower_
            end += 1
        elif end < len(doc) and doc[end].lower_ in UNLISTED_DIVISION_WORDS and candidates and \
                all(p.feature == "city" for p in candidates):
            # "police in the Gamo zone": a division around the town of its name, or one the
            # gazetteer lacks where that town lies abroad (`story_readings`)
            admin_word = doc[end].lower_
            end += 1
        if not admin_word and _a_seas_own_name(doc[start:end].text, candidates):
            # "ships attacked in the Red Sea": the sea, not Egypt's governorate of its name
            # (that is "Red Sea governorate")
            candidates = tuple(p for p in candidates if p.feature != "admin")
        feature_word = doc[end].text if not admin_word and end < len(doc) and \
            doc[end].text in FEATURE_WORDS else ""
        if feature_word:
            named, end = True, end + 1
        span = doc[start:end]
        words = role(doc, start, end)
        if not words and any(p.feature == "country" or p.feature == "admin" and
                             p.source == "geonames" for p in candidates):
            words = country_role(doc, start, end)  # "gusts to south Wales"
        states = {p.country for p in candidates if p.feature == "country"}
        held = {c for q in self._owned_places(doc, end) for c in (q.country, *q.countries)} & \
            states if states else set()
        if held:
            # "Niger's Tahoua region": the country that holds it, not Nigeria's Niger state;
            # and a place, not a party ("Indonesia's West Timor"; but "Brazil's Lula" is no
            # Brazilian place)
            candidates = tuple(p for p in candidates if p.feature == "country" and p.country in held)
            words = words or "place"
        ambiguous = _ambiguous(candidates)
        anchor = self._anchor(doc, end) if ambiguous or admin_word == "" and \
            any(p.source == TOWN_SOURCE for p in candidates) else ()
        owner = self.owner(doc, start)
        if owner is not None and not anchor and ambiguous:  # "Western Australia's Kimberley"
            anchor = self.longest(doc, owner, False)[1]
        small = ("named" if designated(doc, start, end, _VILLAGE_WORDS) else "") \
            if not any(p.source == TOWN_SOURCE for p in candidates) else \
            "named" if named else self.small_place(doc, start, end, candidates, anchor) or \
            ("locative" if admin_word and all(p.feature == "city" for p in candidates) else "")
        # ("the Jajarkot district", a name only towns have: the district of the story's town)
        toponym = Toponym(Span(span.start_char, span.end_char, span.text), candidates,
                          words == "place" or bool(feature_word), admin_word, feature_word,
                          origin=words in ("origin", "body"),
                          actor=words in ("actor", "body") and not feature_word and
                          not _never_a_party(span, candidates),
                          sentence=sentence,
                          demonym=demonym_beside(doc, start, end) or
                          self.unlisted.fled_from(doc, start) if ambiguous else "",
                          anchor=anchor, small=small, across=across_border(doc, start),
                          on=island_on(doc, start), facility=facility_after(doc, end),
                          border_with=self.border_near(doc, end) if ambiguous else "")
        held = self._held_elsewhere(doc, end, candidates, owner, dateline)
        if held is None and not ambiguous and not dateline and \
                all(p.feature == "city" and p.population < _BIG_CITY for p in candidates):
            # "Tashkurgan, on the Chinese side of the range": China's town of another spelling,
            # not the Afghan town once so called (a demonym is read beside a name of several
            # countries above)
            beside = demonym_beside(doc, start, end)
            there = self.gazetteer.spelled_like(beside, span.text) if beside and \
                all(p.country != beside for p in candidates) else None
            if there is not None:
                return replace(toponym, candidates=(there,), demonym=beside)
        if held is None:
            return toponym
        # the words say where it lies and none of its places lies there: "the village of Vík
        # in southern Iceland" is no Norwegian Vik, but a place the gazetteer lacks
        kind = "admin" if admin_word else FEATURE_WORDS.get(feature_word) or candidates[0].feature
        return _unlisted(toponym, kind, doc[held].idx)

    def _owned_places(self, doc: Doc, end: int) -> tuple[Place, ...]:
        """The readings of the place the gazetteer knows as an area or a sizeable city that
        "'s" puts after the name: "Indonesia's West Timor", "Pakistan's Quetta" (not "Brazil's
        Lula", a town); () for anything else."""
        if end + 1 >= len(doc) or doc[end].text not in ("'s", "’s"):
            return ()
        at = end + 1
        if doc[at].lower_ in _COMPASS_NAMES and at + 1 < len(doc) and \
                not self.longest(doc, at, False)[0]:
            at += 1  # "Indonesia's West Timor": Timor
        owned_end, owned = self.longest(doc, at, False)
        if not doc[at].is_title or owned_end < len(doc) and doc[owned_end].is_title:
            return ()  # "Sudan's Rapid Support Forces": a body's name
        if not owned_end or any(p.feature == "country" for p in owned):
            return ()
        return tuple(p for p in owned if p.feature in ("admin", "island", "region", "sea") or
                     p.source == "curated" or p.population >= _OWNED_CITY)

    def owner(self, doc: Doc, start: int) -> int | None:
        """Where the name that owns the name at `start` starts: "Australia" of "Western
        Australia's Kimberley region"."""
        if start < 2 or doc[start - 1].text not in ("'s", "'"):
            return None
        return self._name_before(doc, start - 2)

    def _held_elsewhere(self, doc: Doc, end: int, candidates: tuple[Place, ...],
                        owner: int | None, dateline: bool = False) -> int | None:
        """Where the country or division starts that the words say the name before `end`
        lies in ("X in southern Iceland", "Iceland's X", a dateline's "CHURCHILL, Manitoba"),
        when none of the name's places lies there; None otherwise, and for countries, the
        curated features (but for an owner's) and large cities, which are what they are
        whatever the words around them."""
        # a curated feature is what it is, unless a country owns a land feature of its name
        # it is not in: "Libya's Jebel Akhdar" is not Oman's (but "Somalia's Indian Ocean coast")
        owned = owner is not None and not any(p.source == "curated" and p.feature == "sea"
                                              for p in candidates)
        # (a dateline's country is said of its town alone: "EL CALLAO, Venezuela" is no Callao,
        # Peru, however large)
        if any(p.feature == "country" or p.source == "curated" and not owned
               for p in candidates) or \
                max(p.population for p in candidates) >= _CONTAINED_MAX and not dateline:
            return None
        at, part_of = owner, False
        if at is None:
            at = self.anchor_at(doc, end, past_a_name=True)
            gap = {t.lower_ for t in doc[end:at]} if at is not None else set()
            # "X in southern Iceland", "X, a district of Blantyre": a part of a city too
            part_of = "of" in gap and bool(gap & SETTLEMENTS)
            # "X, an island off the north coast of Y" lies off Y as an island in it does
            off_shore = "off" in gap and bool(gap & set(ISLAND_WORDS))
            if not ("in" in gap or part_of or off_shore or dateline and gap == {","}) or \
                    gap & NEAR_WORDS:
                return None
        after, places = self.longest(doc, at, False)
        if after and after + 1 < len(doc) and doc[after].text in ("'s", "’s"):
            # "in Somalia's Middle Shabelle region": the division, finer than its country
            finer_end, finer = self.longest(doc, after + 1, False)
            countries = {q.country for q in places if q.feature == "country"}
            if finer_end and not any(p.country in countries for p in candidates) and any(
                    q.feature in ("admin", "region") and q.country in countries for q in finer):
                at, places = after + 1, finer
        held = [q for q in places if q.feature in ("country", "admin", "region", "sea", "island") or
                part_of and q.feature == "city" and q.population >= _ANCHOR_CITY]
        if any(p.source == "curated" for p in candidates) and \
                not all(q.feature == "country" for q in held):
            return None  # "Western Australia's Kimberley": the curated region, in the state
        if not held or any(lies_in(p, q) for p in candidates for q in places):
            return None
        if dateline and any(self._named_by_part(doc[at:after].text, p.country) for p in candidates):
            return None  # "POINTE-NOIRE, Congo": the Republic of the Congo, not the DRC
        return at

    def _named_by_part(self, written: str, country: str) -> bool:
        """Whether `written` is a word of the name of `country` ("Congo" of the Republic of the
        Congo, "Korea" of North Korea), which the gazetteer may give another country first."""
        place = self.gazetteer.country(country)
        return place is not None and fold_name(written) in fold_name(place.name).split()

    def _appositions(self, text: str, found: list[Toponym]) -> list[Toponym]:
        """"Paris, Texas", "London, Ontario": the second name says where the first lies."""
        out = []
        held: set[int] = set()  # the starts of names that say where the name before lies
        for first, second in zip(found, [*found[1:], None], strict=False):
            between = text[first.span.end:second.span.start] if second is not None else ""
            # "Paris, Texas", "Tripoli in northern Lebanon"; but not "talks with Washington in
            # Riyadh": one of the places the first may be must lie in one the second may be
            # (a country's name is the country but before a comma: "Mexico, Missouri", not
            # "between Sudan and Morocco in Warsaw")
            if second is not None and _WITHIN.fullmatch(between) and any(
                    lies_in(p, q) for p in first.candidates for q in second.candidates) and \
                    not (first.a_countrys_name and (not between.startswith(",") or text[
                        second.span.end:second.span.end + 2] in ("'s", "’s"))):
                # (nor "a shipment from China, Mexico's navy said": a new clause's owner)
                first = replace(first, within=second.span)
                # "bound for Posadas, Argentina.": no party; but "toward the Kara Sea, Russia's
                # environmental watchdog said"
                if not second.actor and text[second.span.end:second.span.end + 2] not in ("'s", "’s"):
                    held.add(second.span.start)
            elif second is not None and second.admin_word.endswith("s") and not first.admin_word \
                    and between in (" and ", ", ", " or "):
                first = replace(first, admin_word=second.admin_word)  # "the Kherson and Zaporizhzhia regions"
            out.append(replace(first, locative=True, actor=False) if first.span.start in held
                       else first)
        # a name listed after a place ("in Kherson and Zaporizhzhia"), in apposition to it
        # ("Granada, Spain") or owning it ("Russia's Kursk region") is read as a place too
        for number in range(len(out)):
            before = out[number - 1] if number else None
            after = out[number + 1] if number + 1 < len(out) else None
            gap = text[before.span.end:out[number].span.start] if before else ""
            owns = after is not None and text[out[number].span.end:after.span.start] in ("'s ", "' ")
            # but "..., Manila said" is a government; "airports on X and Y reopened" no party
            if before is not None and before.locative and _LISTED.fullmatch(gap) and \
                    (not out[number].actor or gap == " and " and not out[number].a_countrys_name) \
                    or owns:
                out[number] = replace(out[number], locative=True, actor=False)
        for number in range(1, len(out)):
            before, here = out[number - 1], out[number]
            gap = text[before.span.end:here.span.start]
            # (not the two ends of "a rail link between X and Y", which a border may part)
            if (gap in _LIST_GAPS or _KIND_LISTED.fullmatch(gap)) and \
                    not text[:before.span.start].rstrip().lower().endswith("between"):
                out[number - 1] = replace(before, listed=(*before.listed, here.span.start))
                out[number] = replace(here, listed=(*here.listed, before.span.start))
        return out


# after a club's name: its people ("Sporting Serrana coach X")
_CLUB_PEOPLE = frozenset({"coach", "striker", "midfielder", "goalkeeper", "defender", "winger",
                          "fans", "supporters", "footballers"})
# fighters named after a people or a region: "Kachin rebels", "Jubaland forces"
_ARMED_GROUPS = frozenset({"rebels", "insurgents", "militants", "fighters", "militia", "militias",
                           "separatists", "guerrillas", "forces"})
# after a people's "state": its government's bodies, not a division ("Somali state media")
_STATE_BODIES = frozenset({"media", "television", "tv", "broadcaster", "radio", "news", "agency",
                           "newspaper", "newspapers", "firm", "firms", "company", "companies",
                           "visit", "funeral", "secrets", "department", "security"})
_SPEECH = frozenset({"said", "says", "told", "added", "asked", "explained", "recalled"})


# compass words that open a part's name ("West Timor", "Northern Rakhine")
_COMPASS_NAMES = frozenset({"north", "south", "east", "west", "northern", "southern", "eastern",
                            "western", "central", "upper", "lower"})
# people a city needs to be named after a country's "'s" as its place, not a person's surname
_OWNED_CITY = 50_000
# words before the first name of a list that make the list's names places: a move to them,
# the ends of a stretch
_LIST_OPENERS = frozenset({"to", "towards", "toward", "between"})


# compass words that head division names ("West X zone") and that the town file also has as
# villages of their own
_COMPASS_HEADS = frozenset({"North", "South", "East", "West", "Central", "Upper", "Lower"})


_FRAGMENT_TOWN = 100_000  # people: a larger town's name before a capitalised word is itself
# words after a town's name that make a landmark of it, not a longer name of another place
_NAME_TAILS = frozenset({"Cove", "Mountain", "Mount", "Hill", "Point", "Head", "Bandar", "Springs",
                         "Falls", "Ridge", "Rock", "Cape", "Heights", "Crossing"})


def _a_small_towns_fragment(doc: Doc, after: int, candidates: Sequence[Place]) -> bool:
    """Whether a one-word name whose readings are all towns under `_FRAGMENT_TOWN` people is
    followed by a capitalised word that says nothing of a place (no "City", "Province",
    weekday or month): the first word of a longer name the gazetteer lacks."""
    word = doc[after].text
    if word in _NAME_TAILS:
        return False  # "Craig Cove", "Casper Mountain": read as the town's landmark elsewhere
    return all(p.feature == "city" and p.population < _FRAGMENT_TOWN for p in candidates) and \
        word not in PLACE_SUFFIXES and word not in LANDMARK_ENDINGS and \
        doc[after].lower_ not in CALENDAR and doc[after].lower_ not in ADMIN_WORDS


def _division_after(doc: Doc, start: int) -> bool:
    """Whether a division word follows the name that starts at `start`: "East X zone"."""
    end = after_list(doc, capitalised_run(doc, start))
    return end < len(doc) and doc[end].lower_ in ADMIN_WORDS | UNLISTED_DIVISION_WORDS


def _placed_list(doc: Doc, text: str, found: list[Toponym], gap: str) -> bool:
    """Whether the names listed just before a name are places the words put somewhere: one
    governed by a locative ("in Lamlash and X"), or a first name that is a town a move or a
    stretch leads to ("fled to Arcahaie and X", "between Nitro and X"); not a party's list
    ("Moscow and X agreed")."""
    first = len(found) - 1
    while first > 0 and text[found[first - 1].span.end:found[first].span.start] in _LIST_GAPS:
        first -= 1
    listed = found[first:]
    if gap == ", and " and len(listed) < 2:
        return False  # "X, a town on the border with Rwanda, and Y said": a clause, no list
    if any(t.actor for t in listed):
        return False
    if any(t.locative for t in listed):
        return True
    head = listed[0]
    if not head.candidates or not all(p.feature == "city" for p in head.candidates):
        return False
    words = doc.char_span(head.span.start, head.span.end, alignment_mode="expand")
    return words is not None and words.start > 0 and (
        doc[words.start - 1].lower_ in _LIST_OPENERS or after_place_verb(doc, words.start))


def _list_goes_on(doc: Doc, start: int) -> bool:
    """Whether the name at `start` is in the middle of a list that an "and" or "or" closes
    ("in Lamlash, X and Brodick"): a comma alone may end a clause ("In Beijing, Foreign
    Ministry spokesman ...") or open an apposition ("the ambassador to the Philippines, X, said")."""
    j = capitalised_run(doc, start)
    while j < len(doc):
        if doc[j].lower_ in ("and", "or"):
            return True
        if doc[j].text != "," or j + 1 >= len(doc):
            return False
        if doc[j + 1].lower_ in ("and", "or"):
            return True
        if not doc[j + 1].text[:1].isupper():
            return False
        j = capitalised_run(doc, j + 1)
    return False


_RESPELLED_LETTERS = 6
_ALIKE_IN_A_STORY = 0.85  # difflib's ratio of two spellings of one name in one story
_ALIKE_LETTERS = 8  # and the letters of each, for that ratio to say so ("Monday" is no Moanda)
_ALIKE_LENGTHS = 3  # two spellings of one name differ by no more letters than this


def _spelled_alike(name: str, other: str) -> bool:
    """Whether two names of one story spell one place: as two transliterations do
    (`like_spelling`), or letter for letter but one or two ("Beletweyne", "Beledweyne"); not a
    word made from the name ("South Korean", "Sri Lankan")."""
    written, written_other = written_key(name), written_key(other)
    if abs(len(written) - len(written_other)) > _ALIKE_LENGTHS or \
            written.startswith(written_other) or written_other.startswith(written):
        return False
    return like_spelling(name, other) or written[:1] == written_other[:1] and \
        min(len(written), len(written_other)) >= _ALIKE_LETTERS and \
        letters_ratio(written, written_other) >= _ALIKE_IN_A_STORY


def _own_names_first(text: str, candidates: tuple[Place, ...]) -> tuple[Place, ...]:
    """A dateline's place by its own name, written short or long: "BRIDGETOWN" is Barbados's
    capital, not Portland, Oregon (another of whose names it is), and "WASHINGTON" keeps
    "Washington, D.C."; unless the places of that name are a tenth the size of the other. A
    division's town that the gazetteer names otherwise stays: a dateline is filed from a town,
    and "JALAL-ABAD" is the region's city, which it calls Manas."""
    text = fold_name(text)
    own = tuple(p for p in candidates if same_name(fold_name(p.name), text))
    divisions = {(p.country, fold_name(p.name)) for p in own if p.feature == "admin"}
    if divisions and not any(p.feature == "city" for p in own):
        own += tuple(p for p in candidates if p.feature == "city" and
                     (p.country, fold_name(p.admin1)) in divisions)
    biggest = max(p.population for p in candidates)
    return own if own and max(p.population for p in own) * 10 >= biggest else candidates


def _short_of_the_comma(doc: Doc, end: int, dateline_end: int) -> bool:
    """Whether more words of a dateline's name follow the gazetteer's name ending at `end`,
    up to the dateline's comma and the place it lies in or its date: the town is one the
    gazetteer lacks."""
    # ("QALA-I-NAW, Afghanistan" is no Qala: its hyphens are tokens of their own)
    comma = next((j for j in range(end, min(len(doc), end + 5)) if doc[j].text == ","), None)
    # (before a date too: "PUERTO TORO, March 21" is no Spanish port and a Spanish town; but
    # "WASHINGTON DC, Aug 2": a short code after the town is no word of a longer name)
    return comma is not None and comma > end and comma + 1 < len(doc) and \
        doc[comma + 1].idx < dateline_end and \
        all(t.is_alpha or t.text == "-" for t in doc[end:comma]) and \
        (doc[comma + 1].lower_ not in CALENDAR or all(len(t) > 2 for t in doc[end:comma] if t.is_alpha))


def _on_a_town(doc: Doc, index: int, end: int, candidates: tuple[Place, ...],
               found: list[Toponym]) -> Toponym | None:
    """The town just named before "on" and the name doc[index:end], which is the island it
    stands on ("the ferry to Uig on Skye"); only where the gazetteer has the name as written ("in
    Doha on Hamas demands" is no Hamm, which geonames also calls Hamas)."""
    if index < 2 or doc[index - 1].lower_ != "on" or not found:
        return None
    town = found[-1]
    if town.span.end != doc[index - 2].idx + len(doc[index - 2].text) or not (
            town.kind == "city" or any(p.feature == "city" for p in town.candidates)):
        return None
    written = fold_name(doc[index:end].text)
    return town if any(same_name(fold_name(p.name), written) for p in candidates) else None


def _unlisted(toponym: Toponym, kind: str, lies_in: int) -> Toponym:
    """The name as one of `kind` the gazetteer lacks, lying in the name at `lies_in`."""
    return replace(toponym, candidates=(), anchor=(), small="", kind=kind, lies_in=lies_in)


def _near(place: Place, other: Place) -> bool:
    """Whether two places share a country or lie within `_ALIAS_KM` of each other."""
    return bool({place.country, *place.countries} & {other.country, *other.countries} - {""}) or \
        haversine_km(place.lat, place.lon, other.lat, other.lon) <= _ALIAS_KM


_ALIAS_KM = 500


def _never_a_party(span: Span, candidates: tuple[Place, ...]) -> bool:
    """Whether the name is water or a landform, which no words make a party: "a fissure on
    the Reykjanes peninsula cut the pipeline", "the Danube rose" (a region or island may be a
    government: "Gaza said", "Taiwan protested")."""
    return all(p.feature == "sea" for p in candidates) or span[-1].lower_ in LANDFORM_WORDS


def _score_at(doc: Doc, at: int) -> bool:
    """Whether a game's score stands at `at`: "4-0", "1-1 on Sunday" (not "2-3 weeks ago")."""
    return at + 2 < len(doc) and doc[at].like_num and doc[at + 1].text in ("-", "–") and \
        doc[at + 2].like_num and not (at + 3 < len(doc) and doc[at + 3].is_alpha and
                                      doc[at + 3].is_lower and doc[at + 3].lower_ != "on")


# what one team does to another, before their score: "X beat Y 3-1"
_RESULTS = frozenset({"beat", "beats", "defeated", "edged", "thrashed", "routed", "drew", "draw",
                      "lost", "held"})


def _ambiguous(candidates: tuple[Place, ...]) -> bool:
    """Whether the places a name may name lie in more than one country."""
    return any(p.country != candidates[0].country for p in candidates)


def _with_demonyms(found: list[Toponym], named: list[tuple[int, str]]) -> list[Toponym]:
    """Gives each name the countries its sentence's demonyms name."""
    by_sentence: dict[int, list[str]] = {}
    for sentence, country in named:
        by_sentence.setdefault(sentence, []).append(country)
    return [replace(t, nearby=tuple(by_sentence[t.sentence])) if t.sentence in by_sentence else t
            for t in found]
