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
from detente.pipeline.resolve import SPEECH_VERBS, SentenceActors

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
# "began to withdraw" still withdraws; most other verbs with an open complement do not assert it.
ASPECT_VERBS = frozenset({"begin", "start", "continue", "resume", "keep", "proceed", "move",
                          "decide", "go", "step", "vote", "agree"})
# "was ready to meet", "pledged to send": the embedded act is an intent (03x) or a threat (13x)
INTENT_WORDS = frozenset({"ready", "willing", "prepared", "pledge", "promise", "vow", "plan",
                          "intend", "offer", "commit", "undertake", "seek", "aim", "hope",
                          "want", "expect", "agree", "eager", "determined", "poised", "set"})
REFUSAL_WORDS = frozenset({"refuse", "decline", "reject", "unwilling", "balk"})
REFUSAL_BY_ROOT = {"04": "125", "05": "120", "06": "121", "07": "122", "08": "124", "03": "120"}
LOOSE_TARGET_ROOTS = frozenset({"01", "03", "15"})
SPECULATIVE_AUX = frozenset({"may", "might", "could", "should", "must"})
FUTURE_AUX = frozenset({"will", "would", "shall", "'ll"})
CONDITIONAL_MARKS = frozenset({"if", "unless", "lest", "should"})
RELATIVE_PRONOUNS = frozenset({"which", "that", "who", "whom"})

# A future or conditional material act is reported as an intent (cooperation) or a threat
# (conflict): CAMEO has codes for both; the mapping is by root.
INTENT_BY_ROOT = {"04": "036", "05": "032", "06": "031", "07": "033", "08": "035"}
INTENT_BY_CODE = {"061": "0311", "062": "0312", "063": "0313", "064": "0314", "071": "0331",
                  "072": "0332", "073": "0333", "074": "0334", "081": "0351", "082": "0352",
                  "083": "034", "084": "0353", "085": "0354", "086": "0355", "087": "0356"}
# "refused to release", "declined to meet": the matching 12x code
REFUSAL_BY_CODE = {"061": "1211", "062": "1212", "071": "1221", "072": "1222", "073": "1223",
                   "074": "1224", "081": "1241", "082": "1242", "084": "1243", "085": "1244",
                   "086": "1245", "087": "1246"}
THREAT_BY_ROOT = {"14": "133", "15": "138", "16": "131", "17": "137", "18": "138", "19": "138",
                  "20": "1385"}
THREAT_BY_CODE = {"161": "1313", "162": "1311", "163": "1312", "1621": "1311", "1622": "1311",
                  "1623": "1311", "1631": "1312", "195": "1384", "190": "1384", "191": "1381",
                  "192": "1382", "193": "1384", "194": "1384", "200": "1383"}


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


# The small English lemmatizer gets a few news verbs wrong; these are the ones we rely on.
_LEMMA_FIXES = {"stag": "stage", "stagg": "stage", "wag": "wage", "sieze": "seize"}


def lemma_of(token: Token) -> str:
    lemma = token.lemma_.lower()
    return _LEMMA_FIXES.get(lemma, lemma)


def _is_open_complement(token: Token) -> bool:
    """"pledged to send aid": an xcomp, or an infinitive the parser hung as advcl."""
    if token.dep_ == "xcomp":
        return True
    return token.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children)


def _negated(token: Token) -> bool:
    if any(c.dep_ == "neg" or c.lower_ in ("never", "no") for c in token.children):
        return True
    return any(c.lower_ == "no" and c.dep_ == "det" for c in token.children)


def _aux(token: Token) -> set[str]:
    return {c.lower_ for c in token.children if c.dep_ in ("aux", "auxpass")}


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
            elif token.pos_ == "NOUN" and lemma in self.lexicon.nouns:
                governor = self._governor(token)
                if governor is not None:
                    yield Predicate(token, governor, self.lexicon.nouns[lemma])

    def _governor(self, noun: Token) -> Token | None:
        while noun.dep_ == "conj" and noun.head.pos_ in ("NOUN", "PROPN"):
            noun = noun.head
        head = noun.head
        if noun.dep_ == "pobj" and head.dep_ == "prep":
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
                    if child.dep_ in ("dobj", "ccomp") or _is_open_complement(child) or (
                            purpose and child.dep_ == "advcl"):
                        consumed.add(child.i)
                        consumed.update(g.i for g in child.children if g.dep_ == "dobj")
        return _dedupe(events)

    def _code_predicate(self, predicate: Predicate, actors: SentenceActors) -> list[RawEvent]:
        governor = predicate.governor
        status = self._assertion(governor)
        if status is None or (_negated(predicate.trigger) and predicate.trigger.i != governor.i):
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
            if not sources and pattern.symmetric and len(targets) > 1:
                sources, targets = targets, []  # "talks between A and B were held"
            if not sources:
                continue
            # an intent or a refusal is one side's: "ready to meet Y" is not Y's intent
            pairs = self._pairs(sources, targets, pattern.symmetric and mode not in ("intent", "refusal"))
            if not pairs:
                continue
            code = self._apply_mode(pattern.code, mode)
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
        if predicate.governor.i != predicate.trigger.i:
            lemmas.add(lemma_of(predicate.governor))
            lemmas.update(c.lower_ for c in predicate.governor.children if c.dep_ == "prt")
        skip |= {"dative", "poss"}  # these name the actors, not the act
        stack = [c for r in roots for c in r.children
                 if c.dep_ not in skip or _is_open_complement(c)]
        while stack:
            token = stack.pop()
            lemmas.add(lemma_of(token))
            lemmas.add(token.lower_)
            if token.lower_.endswith("s"):  # the lemmatizer's "bases" is "basis"
                lemmas.add(token.lower_[:-1])
            stack.extend(c for c in token.children if c.dep_ not in ("relcl", "ccomp", "advcl"))
        return frozenset(lemmas)

    # -- assertion: is this predicate said to have happened? -------------------------------
    def _assertion(self, verb: Token, depth: int = 0) -> tuple[str, float, tuple[str, ...]] | None:
        """(mode, confidence penalty, notes), or None when the text does not assert the event.

        mode is "fact", "future" (will/would: intents and threats) or "conditional".
        """
        if _negated(verb):
            return None
        notes: list[str] = []
        mode, penalty = "fact", 0.0
        aux = _aux(verb)
        node = verb
        while node.dep_ == "conj" and node.head.i != node.i:
            node = node.head
            aux |= _aux(node)
            if _negated(node) and not aux & FUTURE_AUX:
                return None
        if aux & SPECULATIVE_AUX or {"would", "have"} <= aux:  # "would have imposed"
            return None
        if aux & FUTURE_AUX:
            mode, penalty = "future", 0.1
            notes.append("future")
        dep, head = node.dep_, node.head
        if head.dep_ == "prep":
            head = head.head
        if _is_open_complement(node) and lemma_of(head) not in ASPECT_VERBS:
            matrix = lemma_of(head)
            if _negated(head) or matrix not in INTENT_WORDS | REFUSAL_WORDS:
                return None
            mode = "refusal" if matrix in REFUSAL_WORDS else "intent"
            notes.append(mode)
        if dep in ("csubj", "csubjpass"):
            return None
        # "a plan to attack", "no intention to meet": an infinitive on a noun is not a fact
        if dep == "acl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in node.children):
            return None
        # "hit back by seizing assets" happened; "accused Y of seizing assets" is a claim
        if dep == "pcomp" and node.head.lower_ not in ("by", "after", "before", "while", "through"):
            return None
        if dep == "ccomp":
            if lemma_of(head) not in SPEECH_VERBS or _negated(head):
                return None
            if _aux(head) & SPECULATIVE_AUX:
                return None
            if lemma_of(head) in ("claim", "allege"):
                penalty += 0.15
                notes.append("claimed")
            notes.append("reported")
        if dep == "advcl":
            marks = {c.lower_ for c in node.children if c.dep_ == "mark"}
            if marks & CONDITIONAL_MARKS:
                return None
        if any(c.dep_ == "mark" and c.lower_ in CONDITIONAL_MARKS for c in node.children):
            return None
        if mode == "future" and any(c.dep_ == "advcl" and any(
                m.lower_ in CONDITIONAL_MARKS for m in c.children) for c in node.children):
            mode = "conditional"
            notes.append("conditional")
        # "accused Y of colluding ... by holding drills": what hangs on an unasserted clause
        # is not asserted either
        if dep == "advcl" and node.tag_ == "VBG" and _is_open_complement(head):
            head = head.head  # "threatened to pull out, accusing Y": accusing goes with threatened
        if dep in ("pcomp", "advcl", "acl", "relcl", "conj") and head.pos_ in ("VERB", "AUX") \
                and head.i != verb.i and depth < 4 and self._assertion(head, depth + 1) is None:
            return None
        return mode, penalty, tuple(notes)

    def _apply_mode(self, code: str, mode: str) -> str | None:
        root = code[:2]
        if mode == "refusal":
            if root >= "10":
                return None
            return REFUSAL_BY_CODE.get(code[:3], REFUSAL_BY_ROOT.get(root, "120"))
        if mode == "intent" and root in ("01", "02", "03", "09", "10", "11", "12", "13"):
            return None if root != "03" else code
        if mode == "fact" or root in ("01", "02", "03", "09", "10", "11", "12", "13"):
            return code
        if root in INTENT_BY_ROOT:
            return INTENT_BY_CODE.get(code[:3], INTENT_BY_ROOT[root])
        if root in THREAT_BY_ROOT:
            return THREAT_BY_CODE.get(code, THREAT_BY_ROOT[root])
        return code

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
            shares_subject = node.dep_ in ("conj", "xcomp") or _is_open_complement(node) or (
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
        return [found for holder in holders for found in self._prep_objects(holder, prep)]

    def _targets(self, predicate: Predicate, pattern: Pattern, actors: SentenceActors,
                 sources: list[Actor]) -> list[Actor]:
        embedded = [c for c in predicate.trigger.children if _is_open_complement(c) and c.pos_ == "VERB"]
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
            if not (_is_open_complement(clause) or clause.dep_ == "advcl" and clause.tag_ == "VBG"):
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

    def _nested_actors(self, token: Token, actors: SentenceActors, pattern: Pattern) -> list[Actor]:
        """"to the border with Eritrea", "the homes of Palestinian families": the place or
        thing names no actor, the phrase hanging on it does. After a demand, a criticism or a
        rejection, "the attack on Y" names a victim, not the one criticised, so not there."""
        preps = ("with", "of", "by") if pattern.code[:2] in ("10", "11", "12") else (
            "with", "of", "on", "against", "for", "by")
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
