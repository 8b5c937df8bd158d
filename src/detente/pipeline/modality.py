"""Is an event asserted? Negation, speculation, reported speech, intent, refusal, condition.

The parse says how a predicate is embedded ("pledged to send", "refused to meet", "said that
Y attacked", "if Y crosses"); these rules turn that into a mode: a fact, a future act, an
intent (03x), a refusal (12x), a threat (13x), or nothing the text asserts.
"""

from __future__ import annotations

from spacy.tokens import Token

from detente.pipeline.resolve import SPEECH_VERBS

# "began to withdraw" still withdraws; most other verbs with an open complement do not assert it.
ASPECT_VERBS = frozenset({"begin", "start", "continue", "resume", "keep", "proceed", "move",
                          "decide", "go", "step", "vote", "agree"})
# "was ready to meet", "pledged to send": the embedded act is an intent (03x) or a threat (13x)
INTENT_WORDS = frozenset({"ready", "willing", "prepared", "pledge", "promise", "vow", "plan",
                          "intend", "offer", "commit", "undertake", "seek", "aim", "hope",
                          "want", "expect", "agree", "eager", "determined", "poised", "set"})
REFUSAL_WORDS = frozenset({"refuse", "decline", "reject", "unwilling", "balk"})
REFUSAL_BY_ROOT = {"04": "125", "05": "120", "06": "121", "07": "122", "08": "124", "03": "120"}
SPECULATIVE_AUX = frozenset({"may", "might", "could", "should", "must"})
FUTURE_AUX = frozenset({"will", "would", "shall", "'ll"})
CONDITIONAL_MARKS = frozenset({"if", "unless", "lest", "should"})

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


# The small English lemmatizer gets a few news verbs wrong; these are the ones we rely on.
_LEMMA_FIXES = {"stag": "stage", "stagg": "stage", "wag": "wage", "sieze": "seize"}


def lemma_of(token: Token) -> str:
    lemma = token.lemma_.lower()
    return _LEMMA_FIXES.get(lemma, lemma)


def is_open_complement(token: Token) -> bool:
    """"pledged to send aid": an xcomp, or an infinitive the parser hung as advcl."""
    if token.dep_ == "xcomp":
        return True
    return token.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children)


def negated(token: Token) -> bool:
    if any(c.dep_ == "neg" or c.lower_ in ("never", "no") for c in token.children):
        return True
    return any(c.lower_ == "no" and c.dep_ == "det" for c in token.children)


def _aux(token: Token) -> set[str]:
    return {c.lower_ for c in token.children if c.dep_ in ("aux", "auxpass")}


def assertion(verb: Token, depth: int = 0) -> tuple[str, float, tuple[str, ...]] | None:
    """(mode, confidence penalty, notes), or None when the text does not assert the event.

    mode is "fact", "future" (will/would: intents and threats) or "conditional".
    """
    if negated(verb):
        return None
    notes: list[str] = []
    mode, penalty = "fact", 0.0
    aux = _aux(verb)
    node = verb
    while node.dep_ == "conj" and node.head.i != node.i:
        node = node.head
        aux |= _aux(node)
        if negated(node) and not aux & FUTURE_AUX:
            return None
    if aux & SPECULATIVE_AUX or {"would", "have"} <= aux:  # "would have imposed"
        return None
    if aux & FUTURE_AUX:
        mode, penalty = "future", 0.1
        notes.append("future")
    dep, head = node.dep_, node.head
    if head.dep_ == "prep":
        head = head.head
    if is_open_complement(node) and lemma_of(head) not in ASPECT_VERBS:
        matrix = lemma_of(head)
        if negated(head) or matrix not in INTENT_WORDS | REFUSAL_WORDS:
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
        if lemma_of(head) not in SPEECH_VERBS or negated(head):
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
    if dep == "advcl" and node.tag_ == "VBG" and is_open_complement(head):
        head = head.head  # "threatened to pull out, accusing Y": accusing goes with threatened
    if dep in ("pcomp", "advcl", "acl", "relcl", "conj") and head.pos_ in ("VERB", "AUX") \
            and head.i != verb.i and depth < 4 and assertion(head, depth + 1) is None:
        return None
    return mode, penalty, tuple(notes)

def apply_mode(code: str, mode: str) -> str | None:
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
    if root in ("14", "15") and mode == "future":
        return code  # "will send troops to Lithuania" is a deployment, not yet a threat
    if root in THREAT_BY_ROOT:
        return THREAT_BY_CODE.get(code, THREAT_BY_ROOT[root])
    return code
