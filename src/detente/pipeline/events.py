"""Parsed sentence + actors -> coded events, from the pattern lexicon.

A predicate is a verb of the lexicon, or an event noun governed by a light verb ("held talks",
"imposed sanctions"). Its source is the subject (or passive agent); its target comes from the
slots the pattern names. Negated, hypothetical and merely wished-for predicates are not coded:
precision matters more than recall.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from detente.model import Actor
from detente.patterns import Lexicon, Pattern
from detente.pipeline.modality import apply_mode, assertion, is_open_complement, lemma_of, negated
from detente.pipeline.resolve import SentenceActors

# Verbs that turn an event noun into something that happened (or was decided): "held talks".
LIGHT_VERBS = frozenset({
    "hold", "have", "conduct", "launch", "impose", "announce", "carry", "stage", "pay", "make",
    "begin", "start", "resume", "sign", "extend", "deliver", "provide", "send", "give",
    "grant", "unveil", "approve", "adopt", "order", "mount", "intensify", "escalate", "open",
    "initiate", "host", "organize", "organise", "lead", "slap", "level", "file", "issue",
    "reach", "conclude", "seal", "strike", "declare", "introduce", "enact", "implement",
    "apply", "expand", "tighten", "broaden", "renew", "continue", "step", "ramp", "unleash",
    "perform", "undertake", "commit", "wage", "set", "put", "broker", "finalize", "finalise",
    "complete", "ink", "agree", "dispatch", "airlift", "donate", "allocate", "disburse",
    "restore", "establish", "forge", "join", "engage", "take", "hit", "fire", "drop", "lodge",
    "register", "express", "voice", "convey", "offer", "reimpose", "re-impose", "schedule",
    "convene",
})  # not "receive", "accept", "welcome": their subject is not the one who acts
LOOSE_TARGET_ROOTS = frozenset({"01", "03", "15"})
# answers to what someone else said: rejecting, denying or criticising "the accusation"
ANSWER_ROOTS = frozenset({"01", "11", "12"})
ANSWERED_NOUNS = frozenset({"accusation", "allegation", "claim", "charge", "criticism", "demand",
                            "request", "proposal", "offer", "ultimatum", "warning", "threat",
                            "call", "report", "statement", "remark", "comment"})
_PLACE_LIKE_TARGETS = frozenset({"target", "position", "site", "facility", "area", "installation",
                                 "infrastructure", "stronghold", "hideout", "camp", "depot"})
RELATIVE_PRONOUNS = frozenset({"which", "that", "who", "whom"})


@dataclass(frozen=True, slots=True)
class Predicate:
    """A word that may name an event; `governor` is the verb that carries tense and subject."""

    trigger: Token
    governor: Token
    patterns: tuple[Pattern, ...]


@dataclass(frozen=True, slots=True)
class RawEvent:
    source: Actor
    target: Actor
    code: str
    pattern: Pattern
    trigger: Token
    governor: Token
    confidence: float
    notes: tuple[str, ...]


class EventFinder:
    """Codes events in one parsed sentence."""

    def __init__(self, lexicon: Lexicon):
        self.lexicon = lexicon

    # -- predicates ----------------------------------------------------------------------
    def predicates(self, doc: Doc) -> Iterator[Predicate]:
        for token in doc:
            lemma = lemma_of(token)
            if token.pos_ in ("VERB", "AUX") and lemma in self.lexicon.verbs:
                yield Predicate(token, token, self.lexicon.verbs[lemma])
            elif lemma in self.lexicon.nouns and (token.pos_ == "NOUN" or (
                    token.pos_ == "VERB" and token.dep_ in ("dobj", "pobj"))):  # "hold drills", mistagged
                governor = self._governor(token)
                if governor is not None:
                    yield Predicate(token, governor, self.lexicon.nouns[lemma])

    def _governor(self, noun: Token) -> Token | None:
        while noun.dep_ == "conj" and noun.head.pos_ in ("NOUN", "PROPN"):
            noun = noun.head
        head = noun.head
        if noun.dep_ == "pobj" and head.dep_ == "prep":
            if head.lower_ not in ("in", "on", "into", "to"):
                return None  # "sanctions over the crackdown": a reason, not a second event
            head = head.head  # "engaged in talks", "agreed on a truce"
        if noun.dep_ in ("dobj", "nsubjpass", "pobj", "attr", "dative", "nsubj") and \
                head.pos_ in ("VERB", "AUX") and lemma_of(head) in LIGHT_VERBS:
            if noun.dep_ == "nsubj" and lemma_of(head) not in ("begin", "start", "resume",
                                                                   "open", "continue", "take"):
                return None
            return head
        return None

    # -- coding --------------------------------------------------------------------------
    def code(self, doc: Doc, actors: SentenceActors) -> list[RawEvent]:
        events: list[RawEvent] = []
        consumed: set[int] = set()
        for predicate in self.predicates(doc):
            if predicate.trigger.i in consumed:
                continue
            found = self._code_predicate(predicate, actors)
            if found:
                events.extend(found)
                # its object noun and its open complement ("pledged to send aid") belong to
                # this event, not to another one
                purpose = found[0].code[:2] == "14"  # "marched demanding ..." is one protest
                for child in [*predicate.trigger.children, *predicate.governor.children]:
                    if child.dep_ in ("dobj", "ccomp") or is_open_complement(child) or (
                            purpose and child.dep_ == "advcl"):
                        consumed.add(child.i)
                        consumed.update(g.i for g in child.children if g.dep_ == "dobj")
        return _dedupe(events)

    def _code_predicate(self, predicate: Predicate, actors: SentenceActors) -> list[RawEvent]:
        governor = predicate.governor
        status = assertion(governor)
        if status is None and _is_protest_purpose(predicate):
            status = ("fact", 0.05, ("purpose",))  # "walked off the job to protest" protested
        if status is None or (negated(predicate.trigger) and predicate.trigger.i != governor.i):
            return []
        mode, penalty, notes = status
        lemmas = self._context_lemmas(predicate)
        for pattern in predicate.patterns:
            if not self._particle_ok(predicate.trigger, pattern):
                continue
            if not all(group.holds(lemmas) for group in pattern.context):
                continue
            sources = self._sources(predicate, pattern, actors)
            targets = self._targets(predicate, pattern, actors, sources)
            if sources and not targets and pattern.code[:2] in ANSWER_ROOTS:
                targets = self._answered(predicate, sources, actors)
            if not sources and pattern.symmetric and len(targets) > 1:
                sources, targets = targets, []  # "talks between A and B were held"
            if not sources:
                continue
            # an intent or a refusal is one side's: "ready to meet Y" is not Y's intent
            pairs = self._pairs(sources, targets, pattern.symmetric and mode not in ("intent", "refusal"))
            if not pairs:
                continue
            code = apply_mode(pattern.code, mode)
            if code is None:
                return []
            code = _third_place(code, predicate.governor, actors, pairs)
            confidence = self._confidence(pattern, pairs, penalty)
            return [RawEvent(s, t, code, pattern, predicate.trigger, governor, confidence, notes)
                    for s, t in pairs]
        return []

    def _particle_ok(self, trigger: Token, pattern: Pattern) -> bool:
        if not pattern.particle:
            return True
        first = pattern.particle.split()[0]
        return any(c.lower_ == first and c.dep_ in ("prt", "prep", "advmod", "agent")
                   for c in trigger.children)

    def _context_lemmas(self, predicate: Predicate) -> frozenset[str]:
        skip = {"nsubj", "nsubjpass", "csubj", "advcl", "relcl", "parataxis", "conj",
                "cc", "punct", "mark", "aux", "auxpass", "neg", "agent"}
        lemmas: set[str] = set()
        roots = [predicate.trigger]
        # the subject's head names the weapon as often as the actor: "warplanes struck"
        lemmas.update(lemma_of(c) for c in predicate.governor.children if c.dep_ == "nsubj")
        if predicate.governor.i != predicate.trigger.i:
            lemmas.add(lemma_of(predicate.governor))
            lemmas.update(c.lower_ for c in predicate.governor.children if c.dep_ == "prt")
        skip |= {"dative", "poss"}  # these name the actors, not the act
        stack = [c for r in roots for c in r.children
                 if c.dep_ not in skip or is_open_complement(c)]
        while stack:
            token = stack.pop()
            lemmas.add(lemma_of(token))
            lemmas.add(token.lower_)
            if token.lower_.endswith("s"):  # the lemmatizer's "bases" is "basis"
                lemmas.add(token.lower_[:-1])
            stack.extend(c for c in token.children if c.dep_ not in ("relcl", "ccomp", "advcl"))
        return frozenset(lemmas)

    # -- who did it, to whom -------------------------------------------------------------
    def _sources(self, predicate: Predicate, pattern: Pattern, actors: SentenceActors) -> list[Actor]:
        trigger, verb = predicate.trigger, predicate.governor
        if trigger.i != verb.i:
            if pattern.source_poss:
                poss = [c for c in trigger.children if c.dep_ == "poss"]
                if poss:
                    return actors.actors_for(poss[0])
            for agent in self._prep_objects(trigger, "by"):  # "a visit by X", not "talks by phone"
                found = actors.actors_for(agent)
                if found:
                    return found
        return self._subject_actors(verb, actors)

    def _subject_actors(self, verb: Token, actors: SentenceActors) -> list[Actor]:
        node = verb
        for _ in range(6):
            passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in node.children)
            if passive:
                agents = [g for c in node.children if c.dep_ == "agent"
                          for g in c.children if g.dep_ == "pobj"]
                # the parser sometimes hangs "by Moscow" on the object: "threatened with
                # sanctions by Moscow"
                agents = agents or [g for c in node.children if c.dep_ == "prep"
                                    for o in c.children if o.dep_ == "pobj"
                                    for g in self._prep_objects(o, "by")]
                return actors.actors_for(agents[0]) if agents else []
            subjects = [c for c in node.children if c.dep_ == "nsubj"]
            if subjects:
                subject = subjects[0]
                if subject.lower_ in RELATIVE_PRONOUNS and node.dep_ == "relcl":
                    subject = node.head
                return actors.actors_for(subject)
            # "..., accusing Manila of ...": a participle shares its head's subject; a finite
            # clause ("after flooding killed ...") has its own, even when it names no actor
            shares_subject = node.dep_ in ("conj", "xcomp") or is_open_complement(node) or (
                node.dep_ == "advcl" and node.tag_ in ("VBG", "VBN")) or (
                node.dep_ == "attr" and node.head.lemma_ == "be") or (  # "is mediating", misparsed
                node.dep_ == "acomp")  # "he was ready to meet"
            if shares_subject and node.head.i != node.i:
                node = node.head
            elif node.dep_ == "pcomp" and node.head.dep_ == "prep":  # "responded by ordering"
                node = node.head.head
            elif node.dep_ in ("relcl", "acl") and node.head.pos_ in ("NOUN", "PROPN"):
                found = actors.actors_for(node.head)
                if found:
                    return found
                node = node.head.head
            else:
                return []
        return []

    def _prep_objects(self, token: Token, prep: str) -> list[Token]:
        return [g for c in token.children if c.dep_ in ("prep", "agent", "dative") and c.lower_ == prep
                for g in c.children if g.dep_ == "pobj"]

    def _slot(self, predicate: Predicate, slot: str) -> list[Token]:
        trigger, verb = predicate.trigger, predicate.governor
        is_noun = trigger.i != verb.i
        objects = [c for c in trigger.children if c.dep_ in ("dobj", "attr", "oprd")]
        if slot == "dobj":
            if is_noun:
                return []
            passive = [c for c in verb.children if c.dep_ == "nsubjpass"]
            return passive or objects
        if slot == "dative":
            holders = [verb] if is_noun else [trigger]
            return [c for h in holders for c in h.children if c.dep_ == "dative" and c.pos_ != "ADP"] \
                or [g for h in holders for c in h.children if c.dep_ == "dative"
                    for g in c.children if g.dep_ == "pobj"]
        if slot == "poss":
            holder = trigger if is_noun else (objects[0] if objects else None)
            return [c for c in holder.children if c.dep_ == "poss"] if holder is not None else []
        if slot == "of":
            holder = trigger if is_noun else (objects[0] if objects else None)
            return self._prep_objects(holder, "of") if holder is not None else []
        prep = slot.split(":", 1)[1]
        holders = [trigger] + ([verb] if is_noun else objects)
        # "provide 40 million euros in aid to Ukraine": one phrase further down the object
        holders += [g for o in objects for c in o.children if c.dep_ == "prep"
                    for g in c.children if g.dep_ == "pobj"]
        return [found for holder in holders for found in self._prep_objects(holder, prep)]

    def _targets(self, predicate: Predicate, pattern: Pattern, actors: SentenceActors,
                 sources: list[Actor]) -> list[Actor]:
        embedded = [c for c in predicate.trigger.children if is_open_complement(c) and c.pos_ == "VERB"]
        for slot in pattern.targets:
            for holder in [predicate, *(Predicate(v, v, ()) for v in embedded)]:
                for token in self._slot(holder, slot):
                    found = actors.actors_for(token) or self._nested_actors(token, actors, pattern)
                    if found:
                        return found
        # "demanded that Russia release ...": the addressee is the clause's subject
        for clause in (c for c in predicate.trigger.children if c.dep_ == "ccomp"):
            for subject in (c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")):
                found = actors.actors_for(subject)
                if found:
                    return found
        return self._purpose_target(predicate, pattern, actors) or \
            self._loose_target(predicate, pattern, actors, sources)

    def _loose_target(self, predicate: Predicate, pattern: Pattern, actors: SentenceActors,
                      sources: list[Actor]) -> list[Actor]:
        """Statements, intents and shows of force name their target loosely: "optimistic
        about a settlement with India", "troops deployed ahead of an opposition rally". For
        those roots only, the first actor anywhere in the complement will do."""
        if pattern.code[:2] not in LOOSE_TARGET_ROOTS:
            return []
        skip = {"nsubj", "nsubjpass", "csubj", "agent", "punct", "aux", "auxpass", "neg", "cc",
                "conj", "advcl", "relcl", "parataxis"}
        for child in (c for c in predicate.governor.children if c.dep_ not in skip):
            for token in child.subtree:
                if token.dep_ == "pobj" and token.head.lower_ in ("in", "at", "near", "from"):
                    continue  # "at a conference in Paris" is where, not whom
                if token.dep_ in ("pobj", "dobj", "nsubj", "poss", "compound") and \
                        actors.has_actor_words(token) and token.pos_ in ("NOUN", "PROPN"):
                    found = [a for a in actors.actors_for(token)
                             if not any(_same_actor(a, source) for source in sources)]
                    if found:
                        return found
        return []

    def _purpose_target(self, predicate: Predicate, pattern: Pattern, actors: SentenceActors) -> list[Actor]:
        """"rallied in Kabul to demand that the Taliban ...", "marched demanding the
        resignation of the government": a protest's target is often named only in the clause
        that says what it wants."""
        if pattern.code[:2] != "14":
            return []
        for clause in predicate.governor.children:
            if not (is_open_complement(clause) or clause.dep_ == "advcl" and clause.tag_ == "VBG"):
                continue
            for child in clause.children:
                if child.dep_ in ("ccomp",):
                    child = next((c for c in child.children if c.dep_ in ("nsubj", "nsubjpass")), child)
                if child.dep_ in ("dobj", "nsubj", "nsubjpass", "ccomp") or (
                        child.dep_ == "prep" and child.lower_ == "against"):
                    heads = [child] if child.dep_ != "prep" else \
                        [g for g in child.children if g.dep_ == "pobj"]
                    for head in heads:
                        found = actors.actors_for(head) or self._nested_actors(head, actors, pattern)
                        if found:
                            return found
        return []

    def _answered(self, predicate: Predicate, sources: list[Actor], actors: SentenceActors) -> list[Actor]:
        """"The ministry rejected the accusation": the target is whoever made it, the last
        actor in the article to act on this source's country."""
        objects = [c for c in predicate.trigger.children if c.dep_ == "dobj"]
        if not objects or lemma_of(objects[0]) not in ANSWERED_NOUNS:
            return []
        if any(c.dep_ == "poss" for c in objects[0].children):
            return []  # "rejected Russia's proposal" names its author already
        author = actors.memory.last_against(sources[0])
        if author is None:
            return []
        return [Actor(author.code, author.country, author.sector, author.span, "coreference")]

    def _nested_actors(self, token: Token, actors: SentenceActors, pattern: Pattern) -> list[Actor]:
        """"to the border with Eritrea", "the homes of Palestinian families": the place or
        thing names no actor, the phrase hanging on it does. After a demand, a criticism or a
        rejection, "the attack on Y" names a victim, not the one criticised, so not there."""
        preps = ("with", "of", "by") if pattern.code[:2] in ("10", "11", "12") else (
            "with", "of", "on", "against", "for", "by")
        if pattern.code[:2] >= "15":
            preps += ("in", "inside", "near", "across")  # "struck targets in southern Lebanon"
        if pattern.code[:2] >= "15" and token.lemma_.lower() in _PLACE_LIKE_TARGETS:
            # "struck targets in southern Lebanon": the place names the side that was hit
            frontier = [g for p in token.head.children if p.dep_ == "prep" and p.lower_ in ("in", "inside")
                        for g in p.children if g.dep_ == "pobj"]
            for place in frontier:
                found = actors.actors_for(place)
                if found:
                    return found
        frontier = [token]
        for _ in range(2):
            frontier = [inner for t in frontier for prep in preps
                        for inner in self._prep_objects(t, prep)]
            for inner in frontier:
                found = actors.actors_for(inner)
                if found:
                    return found
        return []

    def _pairs(self, sources: list[Actor], targets: list[Actor],
               symmetric: bool) -> list[tuple[Actor, Actor]]:
        pairs = [(s, t) for s in sources for t in targets if not _same_actor(s, t)]
        if symmetric:
            if not targets and len(sources) > 1:
                pairs = [(s, t) for s in sources for t in sources if not _same_actor(s, t)]
            else:
                pairs += [(t, s) for s, t in pairs]
        return pairs

    def _confidence(self, pattern: Pattern, pairs: list[tuple[Actor, Actor]], penalty: float) -> float:
        score = 0.9 - penalty
        if not pattern.context:
            score -= 0.05
        weakest = max((0.1 if a.how in ("coreference", "alias") else 0.15 if a.how == "context"
                       else 0.0) for pair in pairs for a in pair)
        return round(max(0.05, score - weakest), 2)


def _is_protest_purpose(predicate: Predicate) -> bool:
    verb = predicate.governor
    return verb.dep_ == "advcl" and is_open_complement(verb) and not negated(verb.head) and \
        any(p.code[:2] == "14" for p in predicate.patterns)


def _third_place(code: str, verb: Token, actors: SentenceActors, pairs: list[tuple[Actor, Actor]]) -> str:
    """CAMEO 044: "met in Geneva" — a meeting in a place that is neither side's country."""
    if code != "040":
        return code
    sides = {a.country for pair in pairs for a in pair}
    for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ in ("in", "at")):
        for place in (g for g in prep.children if g.dep_ == "pobj" and g.pos_ == "PROPN"):
            country = actors.country_named(place)
            if country not in sides and place.text[:1].isupper():
                return "044"
    return code


def _same_actor(a: Actor, b: Actor) -> bool:
    """CHNGOV and CHN may be one actor named twice; CHNGOV and CHNCVL are two."""
    return a.country == b.country and (a.sector == b.sector or not a.sector or not b.sector)


def _dedupe(events: list[RawEvent]) -> list[RawEvent]:
    seen: set[tuple[str, str, str]] = set()
    unique = []
    for event in events:
        key = (event.source.code, event.target.code, event.code)
        if key not in seen:
            seen.add(key)
            unique.append(event)
    return unique
