"""Doc -> candidate actor and role-word spans, found with the actor dictionary.

Matching runs on the tokenized article before any parsing; the coder uses the matches both to
decide which sentences are worth parsing and, after the parse, to build actors.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from importlib import resources

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc
from spacy.util import filter_spans

from detente.actors import ActorDictionary, ActorEntry


@dataclass(frozen=True, slots=True)
class Mention:
    """A dictionary match: an actor name (entries) or a role word (sector)."""

    start_char: int
    end_char: int
    text: str
    entries: tuple[ActorEntry, ...] = ()
    sector: str = ""

    @property
    def is_actor(self) -> bool:
        return bool(self.entries)


class MentionFinder:
    """Finds every dictionary phrase in a Doc; the longest match wins where matches overlap."""

    def __init__(self, nlp: Language, dictionary: ActorDictionary):
        self._by_lower: dict[str, list[ActorEntry]] = {}
        self._by_exact: dict[str, list[ActorEntry]] = {}
        self._sectors: dict[str, str] = {}
        for entry in dictionary.entries:
            if entry.match_case:
                self._by_exact.setdefault(entry.phrase, []).append(entry)
            else:
                self._by_lower.setdefault(entry.phrase.lower(), []).append(entry)
        for word in dictionary.sectors:
            self._sectors[word.phrase.lower()] = word.sector
        self._lower = PhraseMatcher(nlp.vocab, attr="LOWER")
        self._exact = PhraseMatcher(nlp.vocab, attr="ORTH")
        self._sector = PhraseMatcher(nlp.vocab, attr="LOWER")
        tokenizer = nlp.tokenizer
        self._lower.add("BLOCK", list(tokenizer.pipe(not_actor_phrases())))
        self._lower.add("ACTOR", list(tokenizer.pipe(self._by_lower)))
        self._exact.add("ACTOR", list(tokenizer.pipe(self._by_exact)))
        self._sector.add("SECTOR", list(tokenizer.pipe(self._sectors)))

    def find(self, doc: Doc, offset: int = 0) -> list[Mention]:
        """All mentions in `doc`, sorted; `offset` is added to character offsets."""
        actor_spans = filter_spans(
            [doc[s:e] for _, s, e in self._lower(doc)] + [doc[s:e] for _, s, e in self._exact(doc)]
        )  # a longer "not an actor" phrase ("South China Sea") wins over "China", then drops
        mentions = []
        for span in actor_spans:
            entries = self._by_exact.get(span.text) or self._by_lower.get(span.text.lower(), [])
            # blocked phrases have no entries and so are dropped here
            if entries:
                mentions.append(Mention(span.start_char + offset, span.end_char + offset,
                                        span.text, tuple(entries)))
        for span in filter_spans([doc[s:e] for _, s, e in self._sector(doc)]):
            mentions.append(Mention(span.start_char + offset, span.end_char + offset, span.text,
                                    sector=self._sectors[span.text.lower()]))
        return sorted(mentions, key=lambda m: (m.start_char, -m.end_char))



@functools.cache
def not_actor_phrases() -> tuple[str, ...]:
    """Place and thing names that contain an actor name (actors/data/not_actors.txt)."""
    text = resources.files("detente.actors").joinpath("data/not_actors.txt").read_text("utf-8")
    return tuple(line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#"))
