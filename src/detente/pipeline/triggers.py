"""Pattern lemmas -> every surface form they take, for the cheap pre-parse sentence filter.

The filter may let through a sentence that holds no event (the parse then finds none) but
must not keep out one that does, so the forms are generous: regular inflections plus the
irregular ones from spaCy's own lemmatizer exception tables.
"""

from __future__ import annotations

from spacy.language import Language

from detente.patterns import Lexicon

_VOWELS = set("aeiou")


def regular_forms(lemma: str) -> set[str]:
    """Regular English inflections of a verb or noun lemma (over-generating on purpose).

    >>> sorted(regular_forms("stop"))
    ['stop', 'stopped', 'stopping', 'stops']
    """
    forms = {lemma, lemma + "s", lemma + "es", lemma + "ed", lemma + "ing", lemma + "d"}
    if lemma.endswith("e"):
        forms |= {lemma[:-1] + "ing", lemma + "d"}
    if lemma.endswith("y") and lemma[-2:-1] not in _VOWELS:
        forms |= {lemma[:-1] + "ies", lemma[:-1] + "ied"}
    if len(lemma) > 2 and lemma[-1] not in _VOWELS | {"w", "x", "y"} and \
            lemma[-2] in _VOWELS and lemma[-3] not in _VOWELS:
        forms |= {lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"}
    return {f for f in forms if not (f.endswith("ees") and not lemma.endswith("ee"))}


def trigger_forms(lexicon: Lexicon, nlp: Language) -> frozenset[str]:
    lemmas = lexicon.trigger_lemmas()
    forms: set[str] = set()
    for lemma in lemmas:
        forms |= regular_forms(lemma)
    if "lemmatizer" in nlp.pipe_names:
        tables = nlp.get_pipe("lemmatizer").lookups.get_table("lemma_exc")
        for pos in ("verb", "noun"):
            for form, bases in tables.get(pos, {}).items():
                if lemmas.intersection(bases):
                    forms.add(form)
    return frozenset(forms)
