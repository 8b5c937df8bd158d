"""Place names -> places: one place per name, in the article's context.

`PlaceResolver.resolve` weighs each name's readings (`toponym.Toponym.candidates`): the kind of
place and its population give a prior; an apposition ("Paris, Texas"), a demonym beside it
("the Libyan capital"), the dateline, its sentence's countries and the article's move it. The
words around the name make it a place or a government; else a country or capital that the
actor dictionary knows is an actor ("Beijing warned"). A name the gazetteer lacks stands at
the place the words say it lies in.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace

from detente.model import Place, Span
from detente.pipeline.division_words import ADMIN_WORDS
from detente.pipeline.name_words import FEATURE_WORDS
from detente.pipeline.offsets import moved
from detente.pipeline.spelled_towns import spelled_town, with_home_spelling
from detente.pipeline.story_readings import (
    admit_towns,
    admitted_at_every_mention,
    divisions_of_their_country,
    without_far_alternates,
    without_far_namesakes,
    without_far_rivers,
    without_small_alternates,
)
from detente.pipeline.toponym import OWN_NAME_CITY, Toponym, lies_in, own_name_population
from detente.pipeline.unlisted_names import without_type_word
from detente.places.build import TOWN_SOURCE, inland_waters, rivers
from detente.places.country_parts import country_part
from detente.places.divisions import SECOND_SOURCE
from detente.places.gazetteer import Gazetteer, neighbours
from detente.places.names import dateline_case, fold_name, haversine_km, same_name
from detente.places.spellings import like_spelling


@dataclass(frozen=True, slots=True)
class PlaceMention:
    """A resolved place name. `actor` marks a metonym: the name stands for a government."""

    span: Span
    place: Place
    actor: bool = False
    # the words around the name make it a place ("troops entered Ukraine"): it stays one even
    # where it also names an event's target
    placed: bool = False
    # people are named by it ("officials from X met"): a place, though their event's actor
    # covers it, and not that event's scene
    origin: bool = False
    # a division word names it a division ("X province", "X and Y provinces")
    typed: bool = False


def same_as_dateline(places: list[PlaceMention], text: str, dateline: PlaceMention,
                     dateline_end: int) -> list[PlaceMention]:
    """One sense per story for the dateline's name: a later mention of it, in whatever case,
    is the dateline's place ("CHURCHILL, Manitoba ... around Churchill"), though read alone
    it would be a namesake abroad or, where the gazetteer lacks the town or has it only as a
    small town the words did not admit ("towards Hay River"), nothing."""
    name = fold_name(dateline.span.text)
    # (but the words may make a later mention the town's division: "KHOST - ... struck houses in
    # Khost and Paktika provinces")
    # (nor one said to lie in another country: "named after Valladolid in Spain")
    out = [replace(m, place=dateline.place) if m.span.start >= dateline_end and not m.actor and
           fold_name(m.span.text) == name and not m.typed and
           not _in_its_country(m, places, text, dateline.place.country) else m for m in places]
    taken = [(m.span.start, m.span.end) for m in out]
    written = re.escape(" ".join(dateline.span.text.split())).replace(r"\ ", r"\s+")
    for found in re.finditer(rf"(?<![\w-]){written}(?![\w-])", text[dateline_end:], re.IGNORECASE):
        start, end = found.start() + dateline_end, found.end() + dateline_end
        # not inside a longer name ("the Washington Post", "East Churchill")
        inside = re.match(r"\s+[A-Z]", text[end:end + 2]) or \
            re.search(r"[A-Z]\w*\s+$", text[max(0, start - 30):start])
        if not found.group()[:1].isupper() or inside:
            continue
        # a part of the name read alone gives way to the whole ("Norman" of "Norman Wells")
        parts = {(m.span.start, m.span.end) for m in out
                 if start <= m.span.start and m.span.end <= end} - {(start, end)}
        if not any(s < end and start < e for s, e in taken if (s, e) not in parts):
            out = [m for m in out if (m.span.start, m.span.end) not in parts]
            out.append(PlaceMention(Span(start, end, found.group()), dateline.place, placed=True))
    return sorted(out, key=lambda m: m.span.start)


def _in_its_country(mention: PlaceMention, places: list[PlaceMention], text: str,
                    other_than: str) -> bool:
    """Whether the words after the name say it lies in the country it was read in, when that
    is not `other_than`: "Valladolid in Spain"."""
    after = next((m for m in places if m.span.start >= mention.span.end), None)
    return after is not None and after.place.feature == "country" and \
        after.place.country == mention.place.country != other_than and \
        re.fullmatch(r",?\s+in\s+", text[mention.span.end:after.span.start]) is not None


class PlaceResolver:
    """Resolves the place names of an article against the gazetteer."""

    def __init__(self, gazetteer: Gazetteer):
        self.gazetteer = gazetteer

    def resolve(self, toponyms: list[Toponym], countries: Counter[str],
                dateline_country: str = "",
                actor_spans: Iterable[tuple[int, int, str]] = ()) -> list[PlaceMention]:
        """One place per name, in the article's context.

        `countries` counts the countries the article names (actor mentions); `actor_spans` are
        the dictionary's country and capital names (start, end, country): one of those not
        made a place by the words around it nor by an apposition is an actor, when the place
        it resolved to is in that actor's country (Paris, Texas is no French actor).
        """
        actors = list(actor_spans)
        home = dateline_country or _clear_country(countries)
        toponyms = divisions_of_their_country(toponyms)
        unknown = [t for t in toponyms if t.kind]
        found = {t.span.start: t for t in admitted_at_every_mention(toponyms) if t.candidates}
        toponyms = [t for t in (admit_towns(t, home) for t in found.values()) if t.candidates]
        # an actor name that covers the place name: "Kyiv" is Ukraine's government, but "Sudan"
        # in "Port Sudan" and "Mexico" in "New Mexico" say nothing of those places
        own = {t.span.start: Counter(c for s, e, c in actors if s <= t.span.start and t.span.end <= e)
               for t in found.values()}
        context = _Context(countries, dateline_country, own,
                           names={t.span.start: fold_name(t.span.text) for t in found.values()})
        # the first reading of each name, scored once: whether it is clear, and whether its
        # likely readings share its country
        readings = {t.span.start: _first_reading(t, context) for t in toponyms}
        first = {start: reading.place for start, reading in readings.items()}
        context.first = first
        # names whose reading is clear (one place, or one far likelier than the rest) tell
        # where the story is, and the sentence's country names and clear names where its
        # places are: a second pass weighs them
        for toponym in toponyms:
            place = first[toponym.span.start]
            if place is None:
                continue
            # a capital the actor dictionary knows, and no words make a place, is most often a
            # government ("talks in Geneva between Washington and Moscow"): it says who acts,
            # not where the story is
            acting = bool(own[toponym.span.start]) and not toponym.locative
            reading = readings[toponym.span.start]
            clear = place.feature not in ("country", "sea") and not acting and reading.clear
            if clear and place.country:  # a sea or a cross-border region says no country
                context.sure[(place.country, "")] += 1
                context.sure[(place.country, place.admin1)] += 1
                if place.feature == "city":  # a division's clear name is evidence of itself
                    context.votes[toponym.span.start] = (place.country, place.admin1)
            elif place.feature not in ("country", "sea") and not acting and place.country and \
                    reading.one_country:
                # "around Ménaka": the Malian town or the Malian region, but Mali either way
                context.sure[(place.country, "")] += 1
            if clear or place.feature == "country":
                context.named[toponym.span.start] = place.country
            if clear or place.feature in ("country", "sea"):
                context.points[toponym.span.start] = place
                context.sentences.setdefault(toponym.sentence, Counter())[place.country] += 1
            if toponym.nearby:
                context.demonyms[toponym.sentence] = toponym.nearby
        context.towns = {t.span.start: tuple(p for p in t.candidates if p.feature == "city")
                         for t in toponyms}
        if context.countries or context.dateline or context.named or context.points:
            # with the towns it may name admitted again: "a street in Casco" in a story from
            # Italy is the Italian village, once Portland, Maine (another of whose names is
            # Casco) is gone; and a small place a locative governs, dropped for want of a
            # story country, is sought in its sentence's one country ("the port at Pevek"
            # beside Chukotka's governor)
            toponyms = [self._allowed(t, context, home) for t in found.values()]
            unknown += [t for t in toponyms if not t.candidates and t.kind]
            toponyms = [t for t in toponyms if t.candidates]
        by_start = {t.span.start: t for t in toponyms}
        resolved: dict[int, Place | None] = {}
        placed: dict[str, Place] = {}  # "Paris, Texas" then "Paris": one sense per article
        for toponym in toponyms:
            if toponym.span.start in resolved:  # the second name of an apposition, read with it
                continue
            within = by_start.get(toponym.within.start) if toponym.within else None
            if within is not None and toponym.span.text not in placed and \
                    within.span.start not in resolved:
                pair = self._pair(toponym, within, context)
                if pair is not None:
                    resolved[toponym.span.start], resolved[within.span.start] = pair
                    placed[toponym.span.text] = pair[0]
                    continue
            inside = resolved.get(within.span.start) or first.get(within.span.start) if within else None
            place = placed.get(toponym.span.text)
            if place is not None and inside is not None and not lies_in(place, inside) and \
                    inside.feature == "country":
                place = None  # "Valladolid ... named after Valladolid in Spain": said elsewhere
            place = place or self._best(toponym, context, inside, True)
            if inside is not None and place is not None:
                placed[toponym.span.text] = place
            resolved[toponym.span.start] = place
        _one_sense(toponyms, resolved, context.names)
        mentions = []
        for toponym in toponyms:
            place = resolved[toponym.span.start]
            if place is None:
                continue
            place = self._as_admin(toponym, place)
            if not place.country and place.name in inland_waters():
                place = _on_the_storys_side(place, toponym, context, home)
            if toponym.feature_word:  # "the Kurram Valley": where Kurram is, a region
                place = replace(place, name=" ".join(toponym.span.text.split()),
                                feature=FEATURE_WORDS[toponym.feature_word], population=0)
            # (a capital's name before a division word is the division, no government: "a
            # valley of the X district", where X is also the capital)
            known = bool(own[toponym.span.start].get(place.country)) and \
                not (toponym.admin_word and place.feature == "admin")
            # the words around the name decide; else a country or capital is a government
            # (people a place names are no party, but "Kenya police said" is a government's)
            party = toponym.actor and known if toponym.origin else known or toponym.actor
            is_actor = not toponym.locative and toponym.within is None and party and \
                not _landform(toponym, place)
            placed_here = toponym.locative or toponym.within is not None or \
                not known and not toponym.actor and not toponym.origin
            mentions.append(PlaceMention(toponym.span, place, is_actor, placed_here,
                                         toponym.origin and not is_actor, bool(toponym.admin_word)))
        mentions = [self._part_name_by_its_places(m, mentions) for m in mentions]
        resolved.update({m.span.start: m.place for m in mentions if m.place.feature == "country"})
        sentence_of = {t.span.start: t.sentence for t in found.values()}
        far_side = {t.span.start for t in toponyms if t.across}
        # with no dateline, where the story's places lie before whom its actors name: a story
        # of Tabqa, Raqqa and Manbij that accuses Turkey is Syria's
        if unknown and not dateline_country:
            home = _places_country(mentions) or home
        elif unknown and own.get(0):
            # a capital's dateline is often a bureau's, whose story is of a neighbour: "RABAT -
            # ... shelling near Smara ... fired from near X" is Western Sahara's
            home = _reported_from_abroad(mentions, dateline_country) or home
        # a capital's dateline is most often a bureau's, far from the story's places (only a
        # capital of its own country: "PERU, Indiana" is no bureau)
        bureau = any(m.span.start == 0 and own.get(0, Counter()).get(m.place.country)
                     for m in mentions)
        placed: dict[str, Place] = {}  # by folded name: where a name it lacks was said to lie
        for toponym in unknown:
            name = fold_name(toponym.span.text)
            if toponym.lies_in < 0 and not toponym.demonym and name in placed:
                # "the harbour of X, on Paros ... detained in X": where it was said to lie
                mentions.append(PlaceMention(toponym.span, placed[name], placed=True))
                continue
            # no place named as where it lies: the story's country, else the country of the
            # nearest place its sentence names (not the far side of a border: "Estonia closed
            # the X crossing on its border with Russia"), else of the nearest government it names,
            # (nor where its people came from: "migrants detained near X, most of them from Y")
            near = sorted((m for m in mentions if m.place.country and m.span.start not in far_side
                           and not m.origin and sentence_of.get(m.span.start) == toponym.sentence),
                          key=lambda m, at=toponym.span.start: (m.actor, abs(m.span.start - at)))
            # or of the one demonym its sentence has ("the River Kwanza ..., Angolan officials")
            # ("X, the Somali town across the river": Somalia's, whatever the story's country)
            # a name listed with the story's places stands where they do: "migrants left from
            # Nouadhibou and X" in a story from Dakar are Mauritania's
            partners = {m.place.country for m in mentions if m.span.start in toponym.listed and
                        not m.actor and m.place.country and m.place.feature != "country"}
            partner = partners.pop() if len(partners) == 1 else ""
            # (with no dateline, the one country its sentence's places lie in comes before the
            # story's: "the X reservoir burst, flooding villages in Uzbekistan's Y region" in a
            # story that goes on to Kazakhstan's towns)
            own_sentence = [m.place.country for m in near if not m.actor]
            sentence_home = own_sentence[0] if len(own_sentence) >= 2 and \
                len(set(own_sentence)) == 1 and not dateline_country else ""
            country = toponym.demonym or partner or sentence_home or home or \
                (near[0].place.country if near else "") or \
                (toponym.nearby[0] if len(toponym.nearby) == 1 else "") or \
                _nearest_country([m for m in mentions if not m.origin and (
                    toponym.facing or m.span.start not in far_side)], toponym.span.start) or \
                _nearest_country(mentions, toponym.span.start)
            if toponym.border_with and country == toponym.border_with:
                # "near X, close to the border with Uganda" in a story of Uganda's: X lies in
                # the neighbour the story names
                country = _beside_the_border(mentions, country) or country
            elif toponym.beyond_border and _last_town_in(mentions, toponym.span.start, country):
                # "the X camp, across the border" after the story's towns: in the neighbour
                # it names ("... walked west towards Chad")
                country = _beside_the_border(mentions, country) or country
            within = resolved.get(toponym.lies_in)
            if within is not None and toponym.demonym and within.country and \
                    toponym.demonym not in (within.country, *within.countries):
                within = None  # "X, a village facing the Israeli town of Y": not in X's land
            if toponym.kind == "admin" and (within is None or within.feature == "country"):
                # "Mongolia's Gobi-Altai province": the division the gazetteer spells
                # "Govi-Altay"; "villages in Oddar Meanchey province" in a story from Thailand:
                # Cambodia's
                others = dict.fromkeys(m.place.country for m in mentions)
                tries = [within.country] if within is not None else [country, *others]
                within = self._like_division(toponym, tries) or within
            town = _island_town(toponym, country, mentions) if within is None else None
            if town is not None:
                mentions.append(PlaceMention(toponym.span, town, placed=True))
                continue
            # "near Kobani and Tal Rifaat in northern Syria": Tall Rif'at, by another spelling
            place = spelled_town(self.gazetteer, toponym, within, country,
                                 [m.place for m in mentions if not m.actor],
                                 [m.place.country for m in mentions if m.actor])
            if place is not None:
                mentions.append(PlaceMention(toponym.span, place, placed=True))
                continue
            # (an anchor the gazetteer lacks too, "in the X Lagoon off Frombork", says no more)
            if within is None and toponym.facing:
                within = _across_from(mentions, toponym.span.start, country)
            if within is None:
                within = _named_after(toponym, mentions) or \
                    _stands_by(near, mentions, toponym.span.start, country, bureau, toponym.kind)
            elif within.feature == "country" and toponym.offset is None and \
                    toponym.kind in ("city", "region", "island", "sea"):
                # "KOMANDA, Congo - ... fighting near Irumu": a town said to lie only in a
                # country stands by the story's nearest place there, not at the country's middle
                # ("X, in northern Benin": by one in that part, else at the part's middle; and
                # a region, island or river: "Kelibia, on the X peninsula in Tunisia", "X, a
                # town on the Y river in western Myanmar")
                by = _stands_by(near, mentions, toponym.span.start, within.country, bureau,
                                toponym.kind)
                part = country_part(within.country, toponym.part) if toponym.part else None
                if part is not None and (by is None or not part.holds(by.lat, by.lon)):
                    by = replace(within, lat=part.lat, lon=part.lon)
                within = by or within
            place = self._unlisted(toponym, within, country,
                                   list(dict.fromkeys(m.place.country for m in mentions)))
            if place is not None:
                mentions.append(PlaceMention(toponym.span, place, placed=True))
                # (or a demonym said whose it is: "the Tajik town of X ... villages around X")
                if toponym.lies_in >= 0 and resolved.get(toponym.lies_in) is not None or \
                        toponym.demonym:
                    placed.setdefault(name, place)
        if not unknown:
            return _rivers_at_their_towns(mentions, sentence_of)
        kept = {m.span.start for m in mentions}
        dropped = [t for t in found.values() if t.span.start not in kept]
        return _rivers_at_their_towns(
            sorted(_one_unlisted_sense(mentions, dropped), key=lambda m: m.span.start), sentence_of)

    def _part_name_by_its_places(self, mention: PlaceMention,
                                 mentions: list[PlaceMention]) -> PlaceMention:
        """A country written by a word that is part of two countries' names ("Congo" of the
        Democratic Republic of the Congo and of the Republic of the Congo) is the one where
        the story's other places lie, when none lies in the other ("derailed near X, blocking
        the line to Brazzaville")."""
        place = mention.place
        word = fold_name(mention.span.text)
        if place.feature != "country" or word == fold_name(place.name) or \
                word not in fold_name(place.name).split():
            return mention
        # (a capital named as a government counts: it says which country the story is of)
        lands = {m.place.country for m in mentions if m.place.feature != "country"}
        others = [c for c in lands - {place.country} if (other := self.gazetteer.country(c))
                  and word in fold_name(other.name).split()]
        if len(others) != 1 or place.country in lands:
            return mention
        return replace(mention, place=self.gazetteer.country(others[0]))

    def _like_division(self, toponym: Toponym, countries: Sequence[str]) -> Place | None:
        """The first-level division of the first of `countries` spelt like the name, its
        division word aside."""
        words = toponym.span.text.split()
        name = " ".join(words[:-1] if len(words) > 1 and words[-1].lower() in ADMIN_WORDS
                        else words)
        return next(filter(None, (self.gazetteer.like_division(c, name) for c in countries if c)),
                    None)

    def _allowed(self, toponym: Toponym, context: _Context, home: str) -> Toponym:
        """The name with the readings the story allows once its clear names are known
        (`story_readings.py`): no town, namesake or river far from it, and the small towns the
        words and the story's countries and divisions admit."""
        allowed = with_home_spelling(self.gazetteer, toponym, home, list(context.points.values()))
        allowed = without_far_alternates(without_small_alternates(allowed), context, self.gazetteer)
        allowed = without_far_namesakes(allowed, context, self.gazetteer)
        allowed = without_far_rivers(allowed, context)
        admitted = admit_towns(allowed, home or context.sentence_country(toponym),
                               context.story(toponym)[0], context.divisions(toponym))
        if admitted.candidates and len(admitted.candidates) < len(allowed.candidates):
            # a small town of the story's that the words do not admit no longer vouches for
            # its namesakes abroad: "gendarmes in Saint-Georges, across the bridge from X" in a
            # story of Brazil's border is no Canadian town
            admitted = without_far_namesakes(admitted, context, self.gazetteer)
        # (but a town of the name as written a few km from a town the story clearly names
        # stays, where no larger town of its country has the name: "a Falmouth selectman" in a
        # story of Woods Hole's ferries is no old name of Portland, Maine)
        beside = tuple(p for p in allowed.candidates if p not in admitted.candidates and
                       p.source == TOWN_SOURCE and _beside_a_clear_town(p, toponym, context))
        if beside and admitted.candidates:
            admitted = replace(admitted, candidates=admitted.candidates + beside)
        return admitted

    def _unlisted(self, toponym: Toponym, within: Place | None, country: str,
                  named: Sequence[str] = ()) -> Place | None:
        """A place the gazetteer lacks, at the place the words say it lies in ("Przewodow in
        eastern Poland": at Poland's centre), else at `country`'s centre; its coordinates are
        only as fine as that place's (`precision`). `named` are the countries the story names,
        in order."""
        if within is None and country:
            within = self.gazetteer.country(country)
        if within is None:
            return None
        if not within.country and country in within.countries:
            # "Delft island in the Palk Strait" in a story of Sri Lanka: the shore it is off
            within = replace(within, country=country)
        elif not within.country and toponym.kind in ("city", "admin", "island"):
            # "sailed from X, at the mouth of the Shatt al-Arab" in a story that names Iraq: a
            # town stands on one shore, the one the story names
            shore = next((c for c in named if c in within.countries), "")
            within = replace(within, country=shore) if shore else within
        if toponym.offset is not None and within.feature == "city":
            # "X, 40 km south of Zagora": there, not at Zagora
            lat, lon = moved(within.lat, within.lon, *toponym.offset)
            within = replace(within, lat=round(lat, 4), lon=round(lon, 4))
        # "X near Aleppo" stands at Aleppo's point: as fine as a city, not a point of its own
        name = " ".join(toponym.span.text.split())
        return replace(within, name=dateline_case(name) if name.isupper() else name, feature=toponym.kind,
                       population=0, source="context",
                       admin1=within.admin1 if within.feature in ("city", "admin") else "",
                       precision=within.precision or within.feature)

    def _pair(self, toponym: Toponym, within: Toponym,
              context: _Context) -> tuple[Place, Place] | None:
        """The likeliest readings of "A, B" together, where A lies in B: "Norwich, Norfolk" is
        the English city in the English county, though Norfolk alone is the Virginia city."""
        # "Windsor, Ontario": the second name is most often a division or a country, seldom a
        # city (Ontario, California), whatever country the sentence names
        inside_scores = {id(q): _score(within, q, context, None, True) +
                         _DIVISION_AFTER_COMMA * (q.feature in ("admin", "country"))
                         for q in within.candidates}
        # the first name is read by the second alone, not by what the sentence says again; but
        # where the second is a country, the story's other places choose among its towns of
        # the name that are near in size ("RAWSON, Argentina" over a story of Chubut's towns is
        # Chubut's capital, not San Juan's larger Rawson; a village never outweighs a capital)
        story = {id(q): q.feature == "country" and _namesakes_near_in_size(
            [p for p in toponym.candidates if p.feature == "city" and lies_in(p, q)])
            for q in within.candidates}
        pairs = [(_score(toponym, p, context, q, story[id(q)]) + inside_scores[id(q)],
                  p.population, p, q)
                 for q in within.candidates for p in toponym.candidates if lies_in(p, q)]
        if not pairs:
            return None
        _, _, place, inside = max(pairs, key=lambda pair: pair[:2])
        return place, inside

    def _best(self, toponym: Toponym, context: _Context, inside: Place | None = None,
              second: bool = False) -> Place | None:
        # equal evidence: the more populous place ("Maryland" the US state, not Liberia's county)
        return max(toponym.candidates, default=None,
                   key=lambda place: (_score(toponym, place, context, inside, second),
                                      place.population))

    def _as_admin(self, toponym: Toponym, place: Place) -> Place:
        """"Donetsk region": the division the city lies in, at its cities' centroid."""
        if not toponym.admin_word or place.feature != "city":
            return place
        name = " ".join(toponym.span.text.split())
        bare = name.rsplit(" ", 1)[0]
        # "Washington state": the division of that name ("Washington State"), where there is
        # one in the city's country, before the division the city lies in (DC's)
        # (written with its accents or without: "San Martín region" is Peru's San Martin Region)
        named = [p for p in self.gazetteer.divisions_named(bare, toponym.admin_word)
                 if p.country == place.country]
        if named:
            return replace(named[0], name=name)
        division = self.gazetteer.in_admin(place.country, place.admin1)
        # "Chhattisgarh's Bijapur district": a district or county named after its seat is a
        # part of the first-level division, around the seat, unless it is that division
        # ("Marsabit county" in Kenya, where counties are first-level)
        # (and so is any division named after a town that is not the largest of its
        # first-level division, whose name is another: "Qatif governorate" lies around Qatif,
        # not at Eastern Province's middle; but "Khovd province" is Hovd, Khovd its largest town)
        differs = division is not None and not same_name(fold_name(division.name), fold_name(bare))
        seat_of_a_part = differs and not like_spelling(division.name, bare) and \
            place.population < self.gazetteer.largest_town(place.country, place.admin1)
        part = (toponym.admin_word in _PART_WORDS and (division is None or differs)) or \
            seat_of_a_part
        if division is None or part:
            return replace(place, name=name, feature="admin", population=0)
        return replace(division, name=name)


@dataclass(frozen=True, slots=True)
class _FirstReading:
    """A name's likeliest reading before the story's clear names are weighed."""

    place: Place | None
    # one place, or one far likelier than the rest: it tells where the story is
    clear: bool
    # every reading within a point of the likeliest lies in its country ("around Ménaka": the
    # Malian town or the Malian region, Mali either way)
    one_country: bool


def _first_reading(toponym: Toponym, context: _Context) -> _FirstReading:
    scored = [(_score(toponym, p, context, None, False), p) for p in toponym.candidates]
    if not scored:
        return _FirstReading(None, False, False)
    # equal evidence: the more populous place ("Maryland" the US state, not Liberia's county)
    top, best = max(scored, key=lambda pair: (pair[0], pair[1].population))
    ranked = sorted(scored, key=lambda pair: -pair[0])
    # a reading by another of its names, where other places bear the name itself, is no
    # clear reading: "Samar" beside Catanduanes is the Philippine province, though Samara
    # (one of whose names it is) is far larger
    text = fold_name(toponym.span.text)
    clear = len(ranked) == 1 or not (
        fold_name(ranked[0][1].name) != text and any(fold_name(p.name) == text for _, p in ranked[1:])
    ) and ranked[0][0] - ranked[1][0] >= 1.0
    return _FirstReading(best, clear, all(p.country == best.country for score, p in scored
                                          if score > top - 1.0))


_DIVISION_AFTER_COMMA = 3.0
_OWN_NAME = 0.5  # a place named as written over one the text names by another of its names
_NEIGHBOUR_KM = 150  # a town this near a place the story clearly names is its neighbour
_NEIGHBOUR = 1.5
_CLOSE_KM = 50  # a town this near one is its close neighbour: twice the bonus
_BESIDE_KM = 25  # a small town this near one may be meant where the words do not say so
_OTHER_NAME_OF_A_CITY = 1.5
_ACROSS_A_BORDER = 5  # what a border's far side is, when the name is also a country's
_PART_WORDS = frozenset({"district", "county", "districts", "counties", "zone", "zones", "regency",
                         "regencies"})
_CAPITAL_NAMESAKE = 50  # a town this many times smaller than a capital of its name is not meant
_NAMESAKE_TOWN = 100_000  # people in a town named like its own country (capitals are larger)
_NAMESAKES_NEAR_IN_SIZE = 10  # a town a tenth the size of its country's largest namesake or more


@dataclass(slots=True)
class _Context:
    """What the article says about where it is, for scoring a name's candidates."""

    countries: Counter[str]  # the countries the article names (actor mentions)
    dateline: str  # the dateline's country
    own: dict[int, Counter[str]]  # by name: the countries its own actor mention names
    names: dict[int, str] = field(default_factory=dict)  # by name: the name, folded
    first: dict[int, Place | None] = field(default_factory=dict)  # by name: its first reading
    sure: Counter[tuple[str, str]] = field(default_factory=Counter)  # clear names' (country, admin1)
    votes: dict[int, tuple[str, str]] = field(default_factory=dict)  # by name: what it added to `sure`
    # the country of each country name and clear name, by name and counted by sentence; the
    # countries of the demonyms, by sentence
    named: dict[int, str] = field(default_factory=dict)
    points: dict[int, Place] = field(default_factory=dict)  # by name: the place it clearly is (or sea)
    sentences: dict[int, Counter[str]] = field(default_factory=dict)
    demonyms: dict[int, tuple[str, ...]] = field(default_factory=dict)
    # by name: the towns it may be
    towns: dict[int, tuple[Place, ...]] = field(default_factory=dict)

    def story(self, toponym: Toponym,
              unless: Callable[[Place], bool] | None = None) -> tuple[set[str], list[Place]]:
        """The countries the article names (by name, demonym, dateline or a clear place name)
        and its clear places, the readings of the name itself aside, here and where the story
        names it again (two "Tanna"s read as Thane do not make each other Indian); and those of
        the clear names whose place is `unless` aside."""
        name = self.names.get(toponym.span.start, fold_name(toponym.span.text))
        others = {start for start in {*self.named, *self.points}
                  if self.names.get(start) != name and start != toponym.span.start and
                  not (unless is not None and start in self.points and unless(self.points[start]))}
        countries = {*self.countries, self.dateline,
                     *(c for found in self.demonyms.values() for c in found),
                     *(c for start, c in self.named.items() if start in others)} - {""}
        return countries, [q for start, q in self.points.items() if start in others]

    def divisions(self, toponym: Toponym) -> set[tuple[str, str]]:
        """The (country, first-level division) pairs the article's clear names lie in, the
        name's own reading aside."""
        own = self.votes.get(toponym.span.start)
        return {key for key, count in self.sure.items()
                if key[1] and count > (key == own)}

    def sentence_country(self, toponym: Toponym) -> str:
        """The one country the other names and demonyms of the name's sentence are in, or ""."""
        countries = {c for c in self.sentences.get(toponym.sentence, ()) if c} | \
            set(self.demonyms.get(toponym.sentence, ()))
        countries.discard(self.named.get(toponym.span.start, ""))
        return countries.pop() if len(countries) == 1 else ""

    def in_sentence(self, toponym: Toponym, country: str) -> bool:
        """Whether another name or a demonym of the name's sentence is in `country`."""
        if country in self.demonyms.get(toponym.sentence, ()):
            return True
        count = self.sentences.get(toponym.sentence, Counter()).get(country, 0)
        return count > (self.named.get(toponym.span.start) == country)


def _on_the_storys_side(place: Place, toponym: Toponym, context: _Context, home: str) -> Place:
    """A river or lake several countries share, in the one of them its sentence, else its
    story, is about: "the Ganges at Patna" is India's stretch of it (a sea, a range or a
    disputed reef keeps no one country)."""
    for country in (context.sentence_country(toponym), home):
        if country in place.countries:
            return replace(place, country=country)
    return place


def _rivers_at_their_towns(mentions: list[PlaceMention],
                           sentences: dict[int, int]) -> list[PlaceMention]:
    """A river of the curated list at the town its sentence names nearest it, in a country it
    flows through: "the Elbe rose above 6 metres at X" is the Elbe there, not at the river's
    middle 300 km away. `sentences`: the sentence each name found starts in, by its start."""
    out = []
    for m in mentions:
        if m.place.name in rivers() and not m.actor and m.span.start in sentences:
            towns = [t for t in mentions if t is not m and not t.actor and
                     t.place.feature == "city" and
                     sentences.get(t.span.start) == sentences[m.span.start] and
                     t.place.country in (m.place.country, *m.place.countries)]
            if towns:
                town = min(towns, key=lambda t, at=m.span.start: abs(t.span.start - at)).place
                m = replace(m, place=replace(m.place, lat=town.lat, lon=town.lon,
                                             precision="city"))
        out.append(m)
    return out


def _one_unlisted_sense(mentions: list[PlaceMention], dropped: list[Toponym]) -> list[PlaceMention]:
    """One sense per story for a name the words made a place the gazetteer lacks at one
    mention: its other mentions, read only as another name of a place in another country, are
    that place too ("the Sangay volcano ... Sangay, in a national park" is no Shanghai), and so
    are those dropped for a far namesake alone ("the village of X ... X, in Y province", where
    the gazetteer's X is a city abroad)."""
    unlisted = {fold_name(m.span.text): m.place for m in mentions if m.place.source == "context"}
    again = [PlaceMention(t.span, unlisted[name], placed=True) for t in dropped
             if (name := fold_name(t.span.text)) in unlisted and not t.actor]
    return [replace(m, place=unlisted[name])
            if (name := fold_name(m.span.text)) in unlisted and m.place.source != "context" and
            not m.actor and not same_name(fold_name(m.place.name), name) and
            m.place.country != unlisted[name].country else m
            for m in mentions] + again


def _score(toponym: Toponym, place: Place, context: _Context, inside: Place | None,
           second: bool) -> float:
    """How likely `toponym` names `place` here: a prior, and what the article says about
    where it is (the second pass adds the clear names and the sentence)."""
    value = _prior(place, toponym.admin_word)
    if place.feature == "country":
        return value
    if toponym.across and any(p.feature == "country" for p in toponym.candidates):
        # "across the border into Niger" from a Nigerian story: the country, not the state
        value -= _ACROSS_A_BORDER
    if "-" in place.name and place.name == toponym.span.text:
        # a spelling of its own: "Saint-Louis" as Senegal's city writes itself, not St. Louis,
        # Missouri (one of whose other names it is)
        value += 0.5
    if fold_name(place.name) == fold_name(toponym.span.text):
        # its own name before another's: "Hohoe" is the town of that name, not Ho, a larger
        # town near it that geonames also calls Hohoe
        value += _OWN_NAME
    elif place.feature == "city" and not same_name(fold_name(place.name), fold_name(toponym.span.text)) \
            and own_name_population(toponym) >= OWN_NAME_CITY:
        # a city of its own under the name outranks a bigger one another of whose names it is:
        # the dateline "PUNO" is Puno, Peru (128,000 people), not Pune (3 million); and a capital
        # the actor dictionary knows by it far outranks it ("in Islamabad" in a story of
        # Bangladesh is Pakistan's capital, not Chattogram, once called so)
        value -= _OTHER_NAME_OF_A_CITY + 10 * bool(context.own.get(toponym.span.start))
    elif place.feature == "city" and like_spelling(place.name, toponym.span.text):
        # another spelling of its own name before a different name: "Sloviansk" is Slovyansk,
        # not Nikopol, which geonames also calls so
        value += _OWN_NAME / 2
    if toponym.country_named and _not_the_country(toponym, place):
        return value - 5
    if toponym.actor and toponym.a_countrys_name:
        return value - 5  # "Armenia asked ASEAN for help": the country acts, not a Colombian city
    own = context.own.get(toponym.span.start, Counter())
    # "storms hit Alabama and Georgia": the states, not the country (but "Georgia and
    # Alabama said" may be the governments the actor dictionary knows)
    if second and (toponym.locative or not own) and \
            any(_alike(context.first.get(n), place) for n in toponym.listed):
        value += 4
    if inside is not None and inside.country == place.country:
        value += 10 + 2 * (inside.feature == "admin" and inside.admin1 == place.admin1)
    if toponym.demonym and toponym.demonym == place.country:
        value += 10  # "the Libyan capital Tripoli"
    if toponym.border_with and not {place.country, *place.countries}.isdisjoint(
            {toponym.border_with, *neighbours().get(toponym.border_with, ())}):
        # "Nara, close to the border with Mauritania": Mali's, not Japan's (and "the Panj,
        # which forms the border with Afghanistan", the river as much as the town)
        value += 3
    # "X, a town in northern Mali", "X near Aleppo"; but "talks between Sudan and Morocco in
    # Warsaw" is no Morocco in Warsaw, Indiana: a country's name is the country's
    if toponym.anchor and not toponym.a_countrys_name:
        value += max((10 + 2 * (a.feature != "country") for a in toponym.anchor
                      if lies_in(place, a)), default=0)
    if context.dateline and place.country == context.dateline:
        value += 3
    if own.get(place.country) and place.feature == "city":
        value += 1  # the capital the actor dictionary knows by this name
    elif own and place.feature == "city" and inside is None and not toponym.anchor and \
            place.population * _CAPITAL_NAMESAKE < _biggest(toponym):
        # "talks in London" in a story from Washington: the capital, not a town of Kentucky a
        # fiftieth its size, whatever the story's country (but "London, Ontario" is Ontario's)
        value -= 5
    # a name does not vote for its own reading: Tripoli, Libya's capital, names Libya once
    # and the article naming a country is no reason for a town an eighth the size of its
    # namesake ("talks in Geneva" with Washington: Geneva, Illinois has 22,000 people)
    if context.countries.get(place.country, 0) > own.get(place.country, 0) and \
            place.population * 8 >= _biggest(toponym):
        value += 1.5
    # the sentence names the country: not enough to make Georgia, beside "the US", a state
    if second and not toponym.country_named and context.in_sentence(toponym, place.country):
        # (a demonym the more: "Scottish police said ... in Perth" is Scotland's Perth; but not
        # against a capital: "Canadian officials met in London" is the capital)
        value += 3 + 1.5 * (place.country in context.demonyms.get(toponym.sentence, ()) and
                            not own)
    # a place near a town or water the story clearly names (not near the middle of a region
    # or state): "from Ciudad Hidalgo" beside the Suchiate is the Chiapas town on the river,
    # not Michoacán's, 1,000 km away
    # (but a city the story names by its own name is no neighbour of itself under another:
    # "Maranhão", a state, is not São Luís, one of whose old names it is, for São Luís named)
    if second and place.feature == "city":
        near = min((haversine_km(place.lat, place.lon, q.lat, q.lon)
                    for start, q in context.points.items()
                    if start != toponym.span.start and q.feature in ("city", "sea") and
                    not (q.name == place.name and fold_name(place.name) != fold_name(toponym.span.text))),
                   default=math.inf)
        # (and the nearer, the likelier, for a town of the name as written: twin towns across a
        # border stand a few km apart; not Xalisco for "Jalisco", another of its names)
        value += _NEIGHBOUR * ((near <= _NEIGHBOUR_KM) + (
            near <= _CLOSE_KM and fold_name(place.name) == fold_name(toponym.span.text)))
        if near > _NEIGHBOUR_KM and _neighbours_among_readings(toponym, place, context) >= 2:
            value += _NEIGHBOUR
    # what the other clear names say: a town's own clear reading does not vote for itself in
    # its division ("Bilaspur" is Chhattisgarh's city alone, Himachal's town beside Shimla)
    # (nor do its other mentions: "PORTLAND ... in Portland" is not twice Oregon's)
    if second and context.sure.get((place.country, "")):
        name = context.names.get(toponym.span.start, fold_name(toponym.span.text))
        own_votes = sum(vote == (place.country, place.admin1) for start, vote in context.votes.items()
                        if start == toponym.span.start or context.names.get(start) == name)
        in_division = context.sure.get((place.country, place.admin1), 0) - own_votes
        value += 2 + 3 * (in_division > 0)
    return value


def _beside_a_clear_town(place: Place, toponym: Toponym, context: _Context) -> bool:
    """Whether `place`, a town of the name as written, lies within 25 km of a town another name
    of the story clearly is, and no larger town of its country bears the name."""
    name = fold_name(toponym.span.text)
    if any(p.source != TOWN_SOURCE and p.country == place.country and fold_name(p.name) == name
           for p in toponym.candidates):
        return False
    return fold_name(place.name) == name and any(
        q.feature == "city" and start != toponym.span.start and
        context.names.get(start) != context.names.get(toponym.span.start) and
        haversine_km(place.lat, place.lon, q.lat, q.lon) <= _BESIDE_KM
        for start, q in context.points.items())


def _neighbours_among_readings(toponym: Toponym, place: Place, context: _Context) -> int:
    """How many other names of the story may be a town close to `place` (which no clear name
    stands near): "in Lewiston ... across the river into Auburn ... from Lisbon and Turner" are
    the Maine towns, each a few km from a reading of the others."""
    name = context.names.get(toponym.span.start)
    return len({context.names.get(start) for start, towns in context.towns.items()
                if start != toponym.span.start and context.names.get(start) != name and
                any(haversine_km(place.lat, place.lon, q.lat, q.lon) <= _CLOSE_KM for q in towns)})


def _across_from(mentions: list[PlaceMention], at: int, country: str) -> Place | None:
    """The town named last before `at` in another country than `country`, as the point of a
    town across the river or border from it, in `country` (twin towns stand a few km apart)."""
    before = [m for m in _towns_before(mentions, at) if m.place.country not in ("", country)]
    if not before or not country:
        return None
    return replace(max(before, key=lambda m: m.span.start).place, country=country, admin1="")


def _one_sense(toponyms: list[Toponym], resolved: dict[int, Place | None],
               names: dict[int, str]) -> None:
    """A name read as the place of that very name once is that place wherever the story
    repeats it, not a place it is only another name of: "houses in Gizo" beside the Solomon
    Islands, then "a teacher in Gizo" in a sentence that names no country, is Gizo again, not
    Giza (one of whose names it is). `names`: each name, folded, by where it starts."""
    own: dict[str, Place] = {}
    others = []  # (toponym, folded name) read as a place of another name
    for toponym in toponyms:
        place = resolved[toponym.span.start]
        text = names[toponym.span.start]
        if place is None:
            continue
        if fold_name(place.name) == text:
            own.setdefault(text, place)
        else:
            others.append((toponym, text))
    for toponym, text in others:
        if text in own and own[text] in toponym.candidates:
            resolved[toponym.span.start] = own[text]
    # a name read as a country once is no division of its name where it is written bare:
    # "crossed from Niger" beside "Niger's Tahoua region" in a story of Nigeria is no state
    countries = {}
    for toponym in toponyms:
        place = resolved[toponym.span.start]
        if place is not None and place.feature == "country" and not toponym.admin_word:
            countries[names[toponym.span.start]] = place
    for toponym in toponyms:
        country = countries.get(names[toponym.span.start])
        place = resolved[toponym.span.start]
        # (a town of the name stays a town: "LIBERIA, Costa Rica")
        if country is not None and place is not None and place.feature == "admin" and \
                not toponym.admin_word and country in toponym.candidates:
            resolved[toponym.span.start] = country


def _namesakes_near_in_size(towns: list[Place]) -> bool:
    """Whether two or more of `towns` are within a tenth of the largest's size."""
    largest = max((p.population for p in towns), default=0)
    return sum(p.population * _NAMESAKES_NEAR_IN_SIZE >= largest for p in towns) >= 2


def _not_the_country(toponym: Toponym, place: Place) -> bool:
    """Whether a name that may be a country is not `place`: "Mexico" is the country, whatever
    the context, not Mexico City (another of that city's names); nor is a town under 100,000
    people named like its own country ("Colombia" in a story from Colombia is not Colombia,
    Huila) or written as a country's whole name ("China's Commerce Ministry" in a story from
    Washington is not China, Texas; but "Trinidad", a shorter name of Trinidad and Tobago, may
    be the Cuban town). An apposition or an anchor still makes it the town ("Mexico,
    Missouri")."""
    text = " ".join(toponym.span.text.split())
    if place.name != text:
        return True
    return place.feature == "city" and place.population < _NAMESAKE_TOWN and any(
        p.feature == "country" and (p.country == place.country or p.name == text)
        for p in toponym.candidates)


def _biggest(toponym: Toponym) -> int:
    return max((p.population for p in toponym.candidates), default=0)


def _prior(place: Place, admin_word: str) -> float:
    """How likely a name means this place before context: countries first, then the named
    features of the curated list, then divisions and cities by population."""
    if place.feature == "country":
        # "Niger state", "the Georgia state line": a division word puts the country last
        return 5.0 if admin_word else 10.0
    if place.source == "curated":
        # "the Sahel region" is the curated region, unless the story names the country of a
        # division of that name ("Burkina Faso's Sahel region")
        return 9.5 if admin_word else 9.0
    size = math.log10(max(place.population, 10))
    if place.source == TOWN_SOURCE:  # 1,000-5,000 people: below every geonames city
        size = min(size, 3.0)
    if admin_word:  # "Donetsk region": the division, or the big city of that name whose it is
        return {"admin": 9.0, "city": size}.get(place.feature, 0.0)
    if place.feature == "admin":
        # a county or department below a city of a million, a first-level division above it;
        # a county's bare name does not outrank a large namesake abroad (Norfolk, Virginia)
        return 5.0 if place.source == SECOND_SOURCE else 6.0
    return size


def _landform(toponym: Toponym, place: Place) -> bool:
    """Whether the name is a mountain, volcano, lake or sea, which no words make a party: "Mount
    Merapi sent ash down its slopes"."""
    return place.feature == "sea" or place.feature == "region" and \
        toponym.span.text.split()[0] in ("Mount", "Mt", "Mt.", "Lake", "Volcano")


def _alike(other: Place | None, place: Place) -> bool:
    """Whether two places are of one kind in one country (two states, two towns)."""
    return other is not None and other.feature == place.feature == "admin" and \
        other.country == place.country


def _stands_by(near: list[PlaceMention], mentions: list[PlaceMention], at: int,
               country: str, bureau: bool = False, kind: str = "") -> Place | None:
    """Where a name the gazetteer lacks stands when no place is said to hold it: by the nearest
    town or division of its sentence in `country` (`near`: its sentence's places, nearest
    first; "the Breede river ... Robertson"), else by the story's nearest town there, not at
    the country's middle. With `bureau` (the dateline is its country's capital), never by the
    dateline's town where the story's places lie elsewhere."""
    dateline = next((m for m in mentions if m.span.start == 0 and not m.actor and
                     m.place.country == country and m.place.feature == "city"), None)
    # (a capital's dateline is a bureau's: "RABAT - ... floods in the X province ... near Y"
    # stands by the story's places there, not at the capital, unless the story names the
    # capital again as a place: "DILI - Floods hit Dili ... residents of X, a suburb")
    if dateline is not None and bureau and _elsewhere_than(dateline, mentions, country):
        dateline, mentions = None, [m for m in mentions if m is not dateline]
        near = [m for m in near if m.span.start > 0]
    # a town before a division: "KERRVILLE, Texas - The X River rose ... down to Kerrville"
    # (or on the island its sentence names: "homes around X" on "the western end of Y Island")
    order = ("admin", "city") if kind == "admin" else ("city", "admin", "island")
    if kind != "admin" and any(not m.actor and m.place.country == country and
                               m.place.feature == "island" for m in near):
        near = [m for m in near if m.span.start > 0]  # (not at the dateline's town, off it)
    in_sentence = next((m.place for feature in order for m in near
                        if not m.actor and m.place.country == country
                        and m.place.feature == feature), None)
    if in_sentence is not None:
        return in_sentence
    # else by the story's nearest town there, else its nearest island, division or region
    # there ("in Masset" in a story of Haida Gwaii), else its water there ("between Simanindo
    # and Tigaras" on Lake Toba; a sea many countries share has none)
    # (the dateline's town first: a story is told from there, and its other towns may lie far
    # apart: "TARANTO - ... workers at sites in Novi Ligure ... a protest in the X district")
    if dateline is not None:
        return dateline.place
    for features in (("city",), ("island", "admin", "region"), ("sea",)):
        nearest = min((m for m in mentions if not m.actor and m.place.country == country
                       and m.place.feature in features),
                      key=lambda m: abs(m.span.start - at), default=None)
        if nearest is not None:
            return nearest.place
    return None


_ISLAND_TOWN_KM = 100  # how near one of the story's places an island's namesake town must lie


def _island_town(toponym: Toponym, country: str, mentions: list[PlaceMention]) -> Place | None:
    """An island the gazetteer lacks, at the town of its name in `country`, else in another
    country the story names, where that town lies near one of the story's places ("in the
    Ombai Strait, west of X island ..., Timor-Leste's fisheries ministry said": where
    Timor-Leste's town X is; but "Delft island" off Sri Lanka is no Dutch city, nor "Y Island"
    off Cairns a town of its name across the country)."""
    places = [m.place for m in mentions if not m.actor and m.place.feature != "country"]
    for named in dict.fromkeys([country, *(m.place.country for m in mentions)]):
        town = next((p for p in toponym.namesakes if p.country == named and any(
            haversine_km(p.lat, p.lon, q.lat, q.lon) <= _ISLAND_TOWN_KM for q in places)), None)
        if town is not None:
            return replace(town, name=" ".join(toponym.span.text.split()), feature="island",
                           population=0, source="context", precision="city")
    return None


def _elsewhere_than(dateline: PlaceMention, mentions: list[PlaceMention], country: str) -> bool:
    """Whether the story's places in `country` lie away from the dateline's town: it names
    another town, division, island or region there as a place, and not the dateline's town
    again."""
    places = [m for m in mentions if m.span.start > 0 and not m.actor and
              m.place.country == country and m.place.source != "context" and
              m.place.feature in ("city", "admin", "island", "region")]
    return bool(places) and all(m.place != dateline.place for m in places)


def _named_after(toponym: Toponym, mentions: list[PlaceMention]) -> Place | None:
    """The town of the story a lake, mountain, river or valley the gazetteer lacks is named
    after ("Lake Tefé" in a story that names Tefé), not a point found by other means."""
    bare = fold_name(without_type_word(toponym.span.text))
    if bare == fold_name(toponym.span.text) and toponym.kind != "sea":
        return None  # (but "the X river", read as "X", is named after the story's town X too)
    return next((m.place for m in mentions if not m.actor and m.place.feature == "city"
                 and fold_name(m.span.text) == bare), None)


def _nearest_country(mentions: list[PlaceMention], at: int) -> str:
    """The country of the place named nearest `at` in the whole story, or "": a name the
    gazetteer lacks in a sentence that names nothing else ("Bodies were found in the X
    river.") is in the story's country."""
    placed = [m for m in mentions if m.place.country and not m.actor]
    return min(placed, key=lambda m: abs(m.span.start - at)).place.country if placed else ""


def _places_country(mentions: list[PlaceMention]) -> str:
    """The country two or more of the story's towns, divisions, islands and regions lie in,
    more than in any other; "" where there is none."""
    counts = Counter(m.place.country for m in mentions if not m.actor and m.place.country and
                     m.place.feature in ("city", "admin", "island", "region"))
    ranked = counts.most_common(2)
    if not ranked or ranked[0][1] < 2 or len(ranked) > 1 and ranked[1][1] == ranked[0][1]:
        return ""
    return ranked[0][0]


def _towns_before(mentions: list[PlaceMention], at: int) -> list[PlaceMention]:
    """The towns named as places before `at`."""
    return [m for m in mentions if m.span.start < at and not m.actor and m.place.feature == "city"]


def _last_town_in(mentions: list[PlaceMention], at: int, country: str) -> bool:
    """Whether the last town named before `at` lies in `country`."""
    before = _towns_before(mentions, at)
    return bool(before) and max(before, key=lambda m: m.span.start).place.country == country


def _beside_the_border(mentions: list[PlaceMention], country: str) -> str:
    """The neighbour of `country` that the story names first as a place, else as a party; ""
    where it names none."""
    beside = neighbours().get(country, ())
    named = sorted((m for m in mentions if m.place.country in beside),
                   key=lambda m: (m.actor, m.span.start))
    return named[0].place.country if named else ""


def _reported_from_abroad(mentions: list[PlaceMention], dateline_country: str) -> str:
    """The one country all the places past the story's dateline lie in, where two places are
    named and that is not the dateline's (or the one its towns and divisions lie in, which it
    also names: "RABAT - ... near X in Western Sahara, the Algeria-based front said ... Smara");
    "" otherwise."""
    places = {(m.place.country, m.place.name, m.place.feature) for m in mentions
              if m.span.start > 0 and not m.actor and m.place.country and m.place.feature != "sea"}
    countries = {country for country, _, _ in places}
    if len(countries) == 1 and dateline_country not in countries and len(places) >= 2:
        return countries.pop()
    towns = {country for country, _, feature in places if feature != "country"}
    named = {country for country, _, feature in places if feature == "country"}
    if len(towns) == 1 and towns <= named and dateline_country not in towns:
        return towns.pop()
    return ""


def _clear_country(countries: Counter[str]) -> str:
    """The country the article is about, when one stands out: named twice or more, and twice
    as often as any other."""
    top = countries.most_common(2)
    if not top or top[0][1] < 2 or len(top) > 1 and top[0][1] < 2 * top[1][1]:
        return ""
    return top[0][0]
