"""Sentences -> spaCy's named entities, for the few place names the gazetteer cannot settle.

The coder's pipeline runs without spaCy's entity recogniser (it would cost every sentence
~0.5 ms; `sentences.py`). The place finder asks for it only on sentences holding a doubtful
name: a capitalised word after "in" that the gazetteer lacks ("officials in Stepanakert"), or
a name only small towns have, which may be a person ("Ortega in Managua"). The recogniser
has its own token-to-vector layer in the packaged English pipeline, so it runs alone here on
the sentence's words.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence

import spacy
from spacy.language import Language

from detente.pipeline.sentences import MODEL_NAME

# labels of the recogniser that name places: countries, cities, states; other locations
# (mountains, seas); facilities (airports, bridges)
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
# labels that make a name something other than a place
OTHER_LABELS = frozenset({"PERSON", "ORG", "NORP", "WORK_OF_ART", "PRODUCT", "EVENT", "LAW",
                          "DATE", "TIME"})

Entity = tuple[int, int, str]  # (start, end) characters in its sentence, label


@functools.cache
def _recogniser(name: str = MODEL_NAME) -> Language:
    """The packaged pipeline with its entity recogniser alone (loaded once per process)."""
    return spacy.load(name, exclude=["tok2vec", "tagger", "parser", "attribute_ruler",
                                     "lemmatizer", "senter"])


def sentence_entities(texts: Sequence[str]) -> list[list[Entity]]:
    """The named entities of each sentence, as character offsets into it."""
    if not texts:
        return []
    nlp = _recogniser()
    return [[(e.start_char, e.end_char, e.label_) for e in doc.ents]
            for doc in nlp.pipe(texts, batch_size=64)]
