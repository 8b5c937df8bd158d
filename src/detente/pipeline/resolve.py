"""Noun phrase -> actor code, with the article's memory for pronouns and definite descriptions.

An actor code is a country (or organisation) plus at most one sector (docs/conventions.md). The
country comes from a dictionary match in the noun phrase ("Chinese", "China's", "of China"),
the sector from a role word ("ministry", "troops"). What the phrase does not say is taken from
the article: "the ministry" is the last government actor, "it" the last subject, "Marcos" the
person introduced earlier as "Philippine President Ferdinand Marcos".
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from detente.actors import ActorEntry
from detente.model import Actor, Span
from detente.pipeline.mentions import Mention

# Dependency labels that stay inside a noun phrase when we look for its country and sector.
_NP_DEPS = frozenset({"compound", "amod", "nmod", "poss", "det", "flat", "case", "appos", "pobj",
                      "prep", "nummod", "quantmod", "punct", "npadvmod"})
_NP_PREPS = frozenset({"of", "for", "from"})
_FIRST_PERSON = frozenset({"we", "us", "our", "i", "me", "my"})
_THIRD_PERSON = frozenset({"it", "its", "they", "them", "their", "he", "him", "his", "she", "her"})
_COUNTRY_WORDS = frozenset({"country", "nation", "state", "kingdom", "republic"})
_GOV_WORDS = frozenset({"side", "leadership"})
_QUANTITIES = frozenset({"thousand", "thousands", "hundred", "hundreds", "dozen", "dozens",
                         "million", "millions", "score", "scores", "group", "crowd", "number"})
_PAIR_WORDS = frozenset({"country", "nation", "side", "government", "neighbour", "neighbor",
                         "state", "leader", "capital", "republic", "rival", "power", "army"})
_ROLE_WORDS_ALSO_ADJECTIVES = frozenset({"firm", "general", "chief", "major", "private", "royal"})
# role words that say little on their own: a modifier's role wins ("army spokesman" is MIL)
GENERIC_ROLES = frozenset({
    "spokesman", "spokeswoman", "spokesperson", "official", "officials", "chief", "head",
    "leader", "leaders", "politician", "politicians", "activist", "activists", "member",
    "members", "representative", "representatives", "figure", "figures", "supporters",
    "man", "men", "woman", "women", "people", "minister", "ministers",
})
SPEECH_VERBS = frozenset({
    "say", "tell", "announce", "state", "report", "add", "confirm", "declare", "note", "stress",
    "write", "explain", "reveal", "disclose", "reiterate", "emphasize", "emphasise", "tweet",
    "post", "inform", "brief", "quote", "claim", "allege", "insist", "assert", "recall", "show",
    "indicate", "argue", "warn", "comment", "remark", "underline", "highlight", "testify",
    # findings report facts too: "investigators concluded that X had attacked Y"
    "conclude", "find", "determine", "establish", "document", "verify", "acknowledge", "admit",
})


@dataclass
class ArticleMemory:
    """What the article has said so far about who is who; one per article, filled in order."""

    default_country: str = ""
    organisations: frozenset[str] = frozenset()
    actors: list[Actor] = field(default_factory=list)
    subjects: list[Actor] = field(default_factory=list)
    aliases: dict[str, Actor] = field(default_factory=dict)
    group: list[Actor] = field(default_factory=list)  # the last subject of several actors
    surnames: set[str] = field(default_factory=set)  # country names used as a person's name
    dyads: list[tuple[Actor, Actor]] = field(default_factory=list)  # (source, target) coded so far

    def last_against(self, target: Actor) -> Actor | None:
        """Who last acted on `target`'s country: "X rejected the accusation" answers them."""
        return next((source for source, victim in reversed(self.dyads)
                     if victim.country == target.country and source.country != target.country), None)

    def remember(self, actor: Actor, as_subject: bool) -> None:
        self.actors.append(actor)
        if as_subject:
            self.subjects.append(actor)

    def last_with_sector(self, sector: str, word: str) -> Actor | None:
        """'the ministry': the last actor named with that word ("the Chinese Foreign
        Ministry"), else the last subject of that sector, else the last actor of that sector."""
        named = [a for a in self.actors if a.sector == sector and word in a.span.text.lower()]
        if named:
            return named[-1]
        for pool in (self.subjects, self.actors):
            found = [a for a in pool if a.sector == sector]
            if found:
                return found[-1]
        return None

    def last_country(self) -> Actor | None:
        """"the country": the last country that did something, else the last one named."""
        for pool in (self.subjects, self.actors):
            found = next((a for a in reversed(pool)
                          if a.country and a.country not in self.organisations), None)
            if found is not None:
                return found
        return None

    def last_subject(self) -> Actor | None:
        return self.subjects[-1] if self.subjects else (self.actors[-1] if self.actors else None)


def sector_part(entry: ActorEntry) -> str:
    """"REB" for PSEREB; "" for a bare country or an organisation such as ECOWAS."""
    if entry.kind == "capital":
        return "GOV"
    return entry.code[3:] if entry.code != entry.country and len(entry.code) == 6 else ""


def _entry_on(mention: Mention, day: dt.date | None) -> ActorEntry | None:
    return next((e for e in mention.entries if e.valid_on(day)), None)


class SentenceActors:
    """Resolves the noun phrases of one parsed sentence to actors."""

    def __init__(self, doc: Doc, offset: int, mentions: list[Mention], memory: ArticleMemory,
                 day: dt.date | None, event_nouns: frozenset[str] = frozenset()):
        self.doc, self.offset, self.memory, self.day = doc, offset, memory, day
        self.event_nouns = event_nouns
        self.text = doc.text  # Doc.text is rebuilt on every access
        self._actor_at: dict[int, Mention] = {}
        self._sector_at: dict[int, Mention] = {}
        for mention in mentions:
            span = doc.char_span(mention.start_char - offset, mention.end_char - offset,
                                 alignment_mode="expand")
            if span is None:
                continue
            table = self._actor_at if mention.is_actor else self._sector_at
            for token in span:
                table.setdefault(token.i, mention)
        self._drop_surnames()
        # "firm countermeasures", "general strike": some role words are also adjectives
        for index in [i for i in self._sector_at if doc[i].pos_ == "ADJ" and
                      doc[i].lower_ in _ROLE_WORDS_ALSO_ADJECTIVES]:
            del self._sector_at[index]
        # a role word inside a name is part of the name: the "Union" of "the Soviet Union"
        for index in [i for i in self._sector_at if i in self._actor_at]:
            if self._actor_at[index].entries[0].kind != "adjective":
                del self._sector_at[index]
        self._cache: dict[int, Actor | None] = {}
        self._evidence: dict[int, Token] = {}  # head -> the token that gave its country

    def _drop_surnames(self) -> None:
        """"President Julio Montenegro": a country name after a given name is a surname."""
        for index, mention in list(self._actor_at.items()):
            token = self.doc[index]
            if token.pos_ != "PROPN" or len(mention.text.split()) > 1:
                continue
            if any(e.kind not in ("country", "capital", "historical") for e in mention.entries):
                continue
            given = [c for c in token.lefts if c.dep_ in ("compound", "flat") and c.pos_ == "PROPN"
                     and c.is_title and c.i not in self._actor_at and c.i not in self._sector_at]
            if given and given[-1].i == index - 1:
                del self._actor_at[index]
                self.memory.surnames.add(token.text)
            elif token.text in self.memory.surnames:  # "Montenegro's government", later on
                del self._actor_at[index]

    # -- public -------------------------------------------------------------------------
    def actors_for(self, token: Token) -> list[Actor]:
        """The actor a phrase names, one per conjunct ("China and Russia" -> two)."""
        pair = self._the_two(token)
        if pair:
            return pair
        if token.lower_ in ("they", "them", "both") and len(self.memory.group) > 1:
            # "They signed agreements": the two who met in the sentence before
            span = self._span([token])
            return [Actor(a.code, a.country, a.sector, span, "coreference") for a in self.memory.group]
        found: list[Actor] = []
        # "Saudi Arabia, the United Arab Emirates, Bahrain and Egypt" is often parsed as
        # an apposition followed by conjuncts: a list of names is a list all the same
        listed = [a for a in token.children if a.dep_ == "appos" and a.i in self._actor_at]
        for head in [token, *token.conjuncts, *listed, *(c for a in listed for c in a.conjuncts)]:
            for actor in [self.actor_for(head), *self._shared_head(head)]:
                if actor and all(actor.code != a.code for a in found):
                    found.append(actor)
        # "Kyrgyz and Tajik border guards" parsed as "Kyrgyz" and "Tajik border guards"
        sectors = {a.sector for a in found if a.sector}
        if len(sectors) == 1 and len(found) > 1:
            sector = sectors.pop()
            found = [Actor(a.country + sector, a.country, sector, a.span, a.how)
                     if not a.sector and self._is_adjective(a) else a for a in found]
        return found

    def _is_adjective(self, actor: Actor) -> bool:
        mention = next((m for m in self._actor_at.values()
                        if m.start_char == actor.span.start and m.end_char == actor.span.end), None)
        return mention is not None and mention.entries[0].kind == "adjective"

    def _the_two(self, head: Token) -> list[Actor]:
        """"the two countries", "both governments": the last two countries named."""
        if head.lemma_.lower() not in _PAIR_WORDS or not any(
                c.lower_ in ("two", "both") for c in head.children):
            return []
        sector = "GOV" if head.lemma_.lower() in ("government", "leader", "side") else ""
        # the story's pair: the two countries named most often so far (latest first on ties)
        named = [a.country for a in self.memory.actors
                 if a.country and a.country not in self.memory.organisations]
        frequency = Counter(named)
        last_seen = {country: order for order, country in enumerate(named)}
        top = sorted(frequency, key=lambda c: (frequency[c], last_seen[c]), reverse=True)[:2]
        if len(top) < 2:
            return []
        span = self._span([head])
        return [Actor(country + sector, country, sector, span, "coreference") for country in top]

    def _shared_head(self, head: Token) -> list[Actor]:
        """"the foreign ministers of Armenia and Azerbaijan", "US and Chinese officials":
        conjoined countries under one role word are one actor each."""
        actor, evidence = self.actor_for(head), self._evidence.get(head.i)
        if actor is None or evidence is None:
            return []
        more = []
        for conjunct in evidence.conjuncts:
            mention = self._actor_at.get(conjunct.i)
            entry = _entry_on(mention, self.day) if mention else None
            if entry is not None:
                more.append(self._combine(entry, actor.sector, self._span([conjunct])))
        return more

    def actor_for(self, token: Token) -> Actor | None:
        if token.i not in self._cache:
            self._cache[token.i] = None  # a phrase that refers to itself resolves to nothing
            self._cache[token.i] = self._resolve(token)
        return self._cache[token.i]

    def country_named(self, token: Token) -> str:
        """The country a place name belongs to, if the dictionary knows it ("" if not)."""
        mention = self._actor_at.get(token.i)
        entry = _entry_on(mention, self.day) if mention else None
        return entry.country if entry else ""

    def has_actor_words(self, token: Token) -> bool:
        return any(t.i in self._actor_at or t.i in self._sector_at for t in token.subtree)

    # -- resolution ---------------------------------------------------------------------
    def _span(self, tokens: list[Token]) -> Span:
        start = min(t.idx for t in tokens)
        end = max(t.idx + len(t.text) for t in tokens)
        return Span(start + self.offset, end + self.offset, self.text[start:end])

    def _resolve(self, head: Token) -> Actor | None:
        if head.i not in self._actor_at and (
                head.pos_ == "PRON" or head.lower_ in _FIRST_PERSON | _THIRD_PERSON):
            return self._pronoun(head)  # but "US" is the United States, not "us"
        if head.i in self._actor_at and head.pos_ != "ADJ":
            return self._named(head, self._actor_at[head.i])
        if head.lemma_.lower() in _QUANTITIES:  # "thousands of Georgians" are the Georgians
            for people in (g for c in head.children if c.dep_ == "prep" and c.lower_ == "of"
                           for g in c.children if g.dep_ == "pobj"):
                actor = self.actor_for(people)
                if actor is not None:
                    span = self._span([head, people])
                    return Actor(actor.code, actor.country, actor.sector, span, actor.how)
        phrase = self._noun_phrase(head)
        span = self._span(sorted(phrase, key=lambda t: t.i))
        sector = self._sector_of(head, phrase)
        if not sector:
            # "the Georgian government's handling", "Moscow's position": the possessor acts
            for owner in (c for c in head.children if c.dep_ == "poss"):
                actor = self.actor_for(owner)
                if actor is not None:
                    return Actor(actor.code, actor.country, actor.sector, span, actor.how)
        evidence = self._country_evidence(head, phrase)
        if evidence is not None:
            entry, token = evidence
            self._evidence[head.i] = token
            return self._combine(entry, sector, span)
        return self._from_memory(head, phrase, sector, span)

    def _named(self, head: Token, mention: Mention) -> Actor | None:
        entry = _entry_on(mention, self.day)
        if entry is None:
            return None
        tokens = [t for t in self.doc if t.i in self._actor_at and self._actor_at[t.i] == mention]
        # "the Chinese Foreign Ministry": adjective inside, role word as head, handled above;
        # here the head itself is the name: "China", "the Kremlin", "NATO".
        sector = ""
        if entry.kind in ("country", "historical", "adjective"):
            # only what stands before a name can give it a role: "the Philippines of firm
            # countermeasures" is not a business
            sector = self._sector_of(head, [t for t in self._noun_phrase(head) if t.i <= head.i])
        if entry.kind == "adjective" and not sector and head.tag_ in ("NNPS", "NNS") and \
                head.text.endswith("s"):
            sector = "CVL"  # "thousands of Pakistanis": the people, not the state
        return self._combine(entry, sector, self._span(tokens + [head]))

    def _combine(self, entry: ActorEntry, sector: str, span: Span) -> Actor:
        if entry.country in self.memory.organisations:
            return Actor(entry.country, entry.country, "", span, "dictionary")  # "European groups"
        if entry.kind == "capital":  # "Beijing" is the government; "police in Nairobi" police
            sector = sector or "GOV"
            return Actor(entry.country + sector, entry.country, sector, span, "dictionary")
        if entry.kind in ("organisation", "group", "person") or entry.code != entry.country:
            return Actor(entry.code, entry.country, sector_part(entry), span, "dictionary")
        how = "dictionary" if not sector else "sector+country"
        return Actor(entry.country + sector, entry.country, sector, span, how)

    def _noun_phrase(self, head: Token) -> list[Token]:
        phrase, stack = [head], [head]
        while stack:
            token = stack.pop()
            for child in token.children:
                if child.dep_ not in _NP_DEPS:
                    continue
                if child.dep_ == "prep" and child.lower_ not in _NP_PREPS and not (
                    child.lower_ == "in" and token.i in self._sector_at
                ):
                    continue
                phrase.append(child)
                stack.append(child)
        return phrase

    def _sector_of(self, head: Token, phrase: list[Token]) -> str:
        own = self._sector_at[head.i].sector if head.i in self._sector_at else ""
        if own and head.lower_ not in GENERIC_ROLES:
            return own
        if not own and head.lemma_.lower() in self.event_nouns:
            return ""  # a "drone strike" is an event, not an actor
        # "army spokesman", "opposition activist", "Foreign Minister Wang": the modifier's role
        # is the more telling one
        for token in sorted(phrase, key=lambda t: abs(t.i - head.i)):
            if token.i != head.i and token.i in self._sector_at and \
                    token.dep_ in ("compound", "nmod", "appos", "flat", "amod", "pobj") and \
                    self._sector_at[token.i] != self._sector_at.get(head.i):
                return self._sector_at[token.i].sector
        if own:
            return own
        if head.lower_ in _GOV_WORDS and not any(c.lower_ == "of" for c in head.children):
            return "GOV"  # "the Chinese side" speaks; "the Syrian side of the zone" is a place
        if head.lemma_.lower() == "counterpart":
            return self._counterpart_sector(head)
        return ""

    def _counterpart_sector(self, head: Token) -> str:
        # "Kenyan police asked their Ugandan counterparts": the same role, another country
        verb = next((a for a in head.ancestors if a.pos_ in ("VERB", "AUX")), None)
        subject = self._subject_actor(verb, skip=head) if verb is not None else None
        return subject.sector if subject is not None else ""

    def _country_evidence(self, head: Token, phrase: list[Token]) -> tuple[ActorEntry, Token] | None:
        # closest modifier first: "the US envoy for China" is American
        for token in sorted(phrase, key=lambda t: (t.dep_ == "pobj", abs(t.i - head.i))):
            mention = self._actor_at.get(token.i)
            if mention is not None and token.i != head.i:
                entry = _entry_on(mention, self.day)
                if entry is not None:
                    return entry, token
        # "the country's leadership", "its army"
        for token in phrase:
            if token.dep_ == "poss" and token.i != head.i:
                actor = self.actor_for(token)
                if actor is not None:
                    kind = "organisation" if actor.country in self.memory.organisations else "country"
                    return ActorEntry(actor.span.text, actor.country, actor.country, kind, False), token
        return None

    def _from_memory(self, head: Token, phrase: list[Token], sector: str, span: Span) -> Actor | None:
        memory = self.memory
        if sector:
            previous = memory.last_with_sector(sector, head.lower_)
            if previous is not None and previous.country:
                return Actor(previous.country + sector, previous.country, sector, span, "coreference")
            # "Turkish police detained members of the opposition": a role with no country
            # of its own belongs to the story's country (dateline), else to the sentence's
            country = memory.default_country or (
                self._sentence_country(head) if head.dep_ not in ("nsubj", "nsubjpass") else "")
            if country:
                return Actor(country + sector, country, sector, span, "context")
            return None
        name = self._name_of(head)
        for key in (name.lower(), head.lower_):
            if key in memory.aliases:
                known = memory.aliases[key]
                return Actor(known.code, known.country, known.sector, span, "alias")
        is_definite = any(t.lower_ in ("the", "this") for t in head.children)
        is_bare = not any(t.dep_ in ("compound", "amod", "nmod") for t in head.children)
        if is_definite and head.pos_ == "NOUN" and head.lemma_.lower() not in _COUNTRY_WORDS:
            # "the agency" after "the International Atomic Energy Agency"
            word = head.lower_
            for actor in reversed(memory.actors):
                if word in actor.span.text.lower().split():
                    return Actor(actor.code, actor.country, actor.sector, span, "coreference")
        if head.lemma_.lower() in _COUNTRY_WORDS and is_definite and is_bare:  # not "the Gulf state"
            previous = memory.last_country()
            if previous is not None:
                return Actor(previous.country, previous.country, "", span, "coreference")
        return None

    def _sentence_country(self, head: Token) -> str:
        """The country of the first country-bearing name in the sentence outside this phrase."""
        inside = {t.i for t in head.subtree}
        for index in sorted(self._actor_at):
            if index in inside:
                continue
            entry = _entry_on(self._actor_at[index], self.day)
            if entry is not None and entry.country not in self.memory.organisations:
                return entry.country
        return ""

    def _name_of(self, head: Token) -> str:
        parts = [t for t in head.lefts if t.dep_ in ("compound", "flat") and t.pos_ == "PROPN"]
        return " ".join([t.text for t in parts] + [head.text])

    def _pronoun(self, pronoun: Token) -> Actor | None:
        span = self._span([pronoun])
        antecedent = None
        if pronoun.lower_ in _FIRST_PERSON:
            antecedent = self._speaker_of(pronoun)
        elif pronoun.dep_ in ("nsubj", "nsubjpass", "poss"):
            antecedent = self._clause_subject_above(pronoun)
        else:
            antecedent = self._object_antecedent(pronoun)
        if antecedent is None and pronoun.lower_ in _FIRST_PERSON | _THIRD_PERSON:
            antecedent = self.memory.last_subject()
        if antecedent is None:
            return None
        return Actor(antecedent.code, antecedent.country, antecedent.sector, span, "coreference")

    def _object_antecedent(self, pronoun: Token) -> Actor | None:
        # "China broke off talks with the Philippines and imposed sanctions on it": an object
        # pronoun is not the clause's own subject, so take the latest other actor
        verb = next((a for a in pronoun.ancestors if a.pos_ in ("VERB", "AUX")), None)
        subject = self._subject_actor(verb, skip=pronoun) if verb is not None else None
        while subject is None and verb is not None and verb.dep_ == "conj":
            verb = verb.head
            subject = self._subject_actor(verb, skip=pronoun)
        earlier = [self.actor_for(t) for t in self.doc[: pronoun.i]
                   if t.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj", "conj", "dative")
                   and (t.i in self._actor_at or t.i in self._sector_at)]
        for actor in reversed(self.memory.actors + [a for a in earlier if a is not None]):
            if subject is None or actor.code != subject.code:
                return actor
        return None

    def _speaker_of(self, pronoun: Token) -> Actor | None:
        for verb in pronoun.ancestors:
            if verb.lemma_ in SPEECH_VERBS:
                return self._subject_actor(verb, skip=pronoun)
        # a quote whose speech verb sits in the next clause: '"We ...," the ministry said.'
        root = pronoun.sent.root
        if root.lemma_ in SPEECH_VERBS:
            return self._subject_actor(root, skip=pronoun)
        return None

    def _clause_subject_above(self, pronoun: Token) -> Actor | None:
        # "China said it would ...": the subject of a verb that governs the pronoun's clause
        for verb in pronoun.ancestors:
            if verb.pos_ in ("VERB", "AUX"):
                actor = self._subject_actor(verb, skip=pronoun)
                if actor is not None:
                    return actor
        return None

    def _subject_actor(self, verb: Token, skip: Token) -> Actor | None:
        for child in verb.children:
            if child.dep_ in ("nsubj", "nsubjpass") and child.i != skip.i and \
                    child.lower_ not in _FIRST_PERSON | _THIRD_PERSON:
                return self.actor_for(child)
        return None

    def remember_person(self, head: Token, actor: Actor) -> None:
        """'President Maria Example' named once is 'Example' for the rest of the article."""
        if head.pos_ != "PROPN" or head.i in self._actor_at:
            return
        self.memory.aliases.setdefault(head.lower_, actor)
        self.memory.aliases.setdefault(self._name_of(head).lower(), actor)
