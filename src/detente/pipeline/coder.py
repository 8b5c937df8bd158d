"""Articles -> events: the stages of `detente.pipeline` run in order.

Only sentences that can hold an event are parsed: a sentence needs a trigger word from the
pattern lexicon and an actor name, role word or pronoun. The rest are skipped unparsed (their
actor names still update the article's memory), which is where most of the speed comes from.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from spacy.tokens import Doc

from detente.actors import ActorDictionary
from detente.codebook import Codebook, load_codebook
from detente.model import Actor, Article, Event, EventDate, Location, Span
from detente.patterns import Lexicon, load_lexicon
from detente.pipeline.dateline_country import dateline_country
from detente.pipeline.dates import date_for, find_dates
from detente.pipeline.entities import sentence_entities
from detente.pipeline.event_places import lede_place, locate_event
from detente.pipeline.events import EventFinder, RawEvent
from detente.pipeline.mentions import Mention, MentionFinder
from detente.pipeline.places import PlaceMention, PlaceResolver, same_as_dateline
from detente.pipeline.resolve import ArticleMemory, SentenceActors, sector_part
from detente.pipeline.sentences import SentenceSplitter, find_dateline, load_nlp, parse
from detente.pipeline.toponyms import ToponymFinder
from detente.pipeline.triggers import trigger_forms
from detente.places.gazetteer import load_gazetteer

# words that can stand for an actor named earlier: a sentence with one may hold an event
_ANAPHORS = frozenset({"it", "its", "they", "them", "their", "we", "our", "he", "she", "his",
                       "her", "country", "countries", "nation", "nations", "side", "sides",
                       "neighbours", "neighbors", "both"})
# actor dictionary kinds that are also place names: such a name is an actor unless a locative
# preposition governs it ("Beijing warned" vs "talks in Beijing")
_PLACE_ACTORS = frozenset({"country", "capital", "historical"})
_PLURAL_ANAPHORS = frozenset({"they", "them", "their", "countries", "nations", "sides", "both",
                              "neighbours", "neighbors"})


@dataclass
class CodedArticle:
    article: Article
    events: list[Event]
    sentences: int
    parsed: int
    # every place name: `actor` marks the metonyms ("Beijing warned", an event's source)
    places: list[PlaceMention] = field(default_factory=list)


@dataclass
class _Prepared:
    article: Article
    sentences: list[Span]
    mentions: list[list[Mention]]
    candidates: list[int]
    default_country: str
    places: list[PlaceMention]
    dateline_place: PlaceMention | None
    parses: dict[int, Doc] = field(default_factory=dict)


class Coder:
    """The event coder. Heavy resources load once, in `setup()`, per process.

    >>> coder = Coder()
    >>> [e.code for e in coder.code_text("Russia's army attacked Ukrainian troops.")]  # doctest: +SKIP
    ['190']
    """

    def __init__(self, dictionary: ActorDictionary | None = None, lexicon: Lexicon | None = None):
        self._dictionary = dictionary
        self._lexicon = lexicon
        self._ready = False

    def setup(self) -> None:
        if self._ready:
            return
        self.nlp = load_nlp()
        self.dictionary = self._dictionary or ActorDictionary.builtin()
        self.lexicon = self._lexicon or load_lexicon()
        self.codebook: Codebook = load_codebook()
        self.splitter = SentenceSplitter(self.nlp)
        self.finder = MentionFinder(self.nlp, self.dictionary)
        gazetteer = load_gazetteer()
        self.toponym_finder = ToponymFinder(gazetteer, sentence_entities)
        self.place_resolver = PlaceResolver(gazetteer)
        self.events = EventFinder(self.lexicon)
        self.forms = trigger_forms(self.lexicon, self.nlp)
        self.event_nouns = frozenset(self.lexicon.nouns)
        self.organisations = frozenset(e.country for e in self.dictionary.entries
                                       if e.kind in ("organisation", "group") and e.code == e.country)
        self._ready = True

    # -- public -------------------------------------------------------------------------
    def code_text(self, text: str, date: dt.date | None = None, article_id: str = "text") -> list[Event]:
        return self.code_article(Article(id=article_id, text=text, date=date)).events

    def code_article(self, article: Article) -> CodedArticle:
        return next(self.code_articles([article]))

    def code_articles(self, articles: Iterable[Article], batch: int = 32) -> Iterator[CodedArticle]:
        """Code articles in order; parsing is batched across articles for speed."""
        self.setup()
        pending: list[_Prepared] = []
        for article in articles:
            pending.append(self._prepare(article))
            if len(pending) >= batch:
                yield from self._finish(pending)
                pending = []
        if pending:
            yield from self._finish(pending)

    # -- stages -------------------------------------------------------------------------
    def _prepare(self, article: Article) -> _Prepared:
        dateline = find_dateline(article.text)
        doc = self.splitter.tokenize(article.text)
        sentences = self.splitter.split(doc, begin=dateline.end if dateline else 0)
        all_mentions = self.finder.find(doc)
        mentions, candidates = [], []
        for index, sentence in enumerate(sentences):
            inside = [m for m in all_mentions
                      if m.start_char >= sentence.start and m.end_char <= sentence.end]
            mentions.append(inside)
            if self._is_candidate(doc, sentence, inside):
                candidates.append(index)
        default = ""
        if dateline:
            entries = self.dictionary.lookup(dateline.place.title()) or \
                self.dictionary.lookup(dateline.place)
            default = entries[0].country if entries else ""
        places, dateline_place = self._places(doc, all_mentions, dateline.end if dateline else 0)
        return _Prepared(article, sentences, mentions, candidates, default, places, dateline_place)

    def _places(self, doc: Doc, mentions: list[Mention],
                dateline_end: int) -> tuple[list[PlaceMention], PlaceMention | None]:
        """The article's place names, resolved against the countries it names."""
        toponyms = self.toponym_finder.find(doc, dateline_end)
        countries: Counter[str] = Counter()
        actor_spans = []
        bodies = []  # the spans of named groups, bodies and people the dictionary knows
        for mention in mentions:
            if mention.entries:
                countries[mention.entries[0].country] += 1
                if mention.entries[0].kind in _PLACE_ACTORS:
                    actor_spans.append((mention.start_char, mention.end_char,
                                        mention.entries[0].country))
                else:
                    bodies.append((mention.start_char, mention.end_char))
        # a name the gazetteer lacks that the dictionary knows as a group is the group:
        # "struck Hezbollah targets"
        toponyms = [t for t in toponyms if t.candidates or not any(
            start < t.span.end and t.span.start < end for start, end in bodies)]
        filed = [t for t in toponyms if t.span.end <= dateline_end]
        home = dateline_country(self.place_resolver, filed, toponyms, countries, actor_spans)
        places = self.place_resolver.resolve(toponyms, countries, home, actor_spans)
        dateline_place = places[0] if filed and places and places[0].span == filed[0].span else None
        if dateline_place is not None:
            places = same_as_dateline(places, doc.text, dateline_place, dateline_end)
        return places, dateline_place

    def _is_candidate(self, doc: Doc, sentence: Span, mentions: list[Mention]) -> bool:
        span = doc.char_span(sentence.start, sentence.end, alignment_mode="expand")
        if span is None:
            return False
        words = [t.lower_ for t in span]
        if self.forms.isdisjoint(words):
            return False
        # an event needs two actors: names, role words, or words that refer back to them
        # ("they", "the two countries" stand for two)
        actors = len(mentions) + sum(1 for w in words if w in _ANAPHORS) + \
            sum(1 for w in words if w in _PLURAL_ANAPHORS)
        if actors == 1:  # a capitalised word may be a person named earlier ("Costa praised")
            named = {i for m in mentions for i in range(m.start_char, m.end_char)}
            actors += any(t.is_title and not t.is_stop and t.idx not in named for t in span)
        return actors >= 2

    def _finish(self, batch: list[_Prepared]) -> Iterator[CodedArticle]:
        texts = [(p, i) for p in batch for i in p.candidates]
        for (prepared, index), parsed in zip(
            # a line break inside a sentence is a space to the parser (same length, so the
            # offsets hold)
            texts, parse(self.nlp, (p.sentences[i].text.replace("\n", " ") for p, i in texts)),
            strict=True,
        ):
            prepared.parses[index] = parsed
        for prepared in batch:
            yield self._code_prepared(prepared)

    def _code_prepared(self, prepared: _Prepared) -> CodedArticle:
        article = prepared.article
        memory = ArticleMemory(prepared.default_country, self.organisations)
        events: list[Event] = []
        first = prepared.sentences[0] if prepared.sentences else None
        lede = lede_place(prepared.places, (first.start, first.end), prepared.dateline_place) \
            if first is not None else None
        for index, sentence in enumerate(prepared.sentences):
            doc = prepared.parses.get(index)
            if doc is None:
                self._remember_names(prepared.mentions[index], memory, article.date)
                continue
            actors = SentenceActors(doc, sentence.start, prepared.mentions[index], memory,
                                    article.date, self.event_nouns)
            raw = self.events.code(doc, actors)
            phrases = find_dates(sentence.text, article.date) if raw else []
            here = [m for m in prepared.places
                    if m.span.start >= sentence.start and m.span.end <= sentence.end]
            for event in raw:
                date = date_for(event.governor, doc, phrases, sentence.start, article.date)
                location = locate_event(event.trigger, event.governor, sentence.start, here,
                                        prepared.dateline_place,
                                        (event.source.span, event.target.span), lede)
                events.append(self._event(article, index, sentence, event, date, location))
                memory.dyads.append((event.source, event.target))
            self._remember_sentence(doc, actors, memory)
        return CodedArticle(article, events, len(prepared.sentences), len(prepared.parses),
                            _mark_actors(prepared.places, events))

    def _remember_names(self, mentions: list[Mention], memory: ArticleMemory,
                        day: dt.date | None) -> None:
        for mention in mentions:
            entry = next((e for e in mention.entries if e.valid_on(day)), None)
            if entry is None or entry.kind == "adjective":
                continue
            sector = sector_part(entry)
            span = Span(mention.start_char, mention.end_char, mention.text)
            memory.remember(Actor(entry.code, entry.country, sector, span), as_subject=False)

    def _remember_sentence(self, doc: Doc, actors: SentenceActors, memory: ArticleMemory) -> None:
        found: list[tuple[Actor, bool]] = []
        for token in doc:
            if token.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj", "poss") and \
                    token.pos_ in ("NOUN", "PROPN") and actors.has_actor_words(token):
                actor = actors.actor_for(token)
                if actor is not None:
                    found.append((actor, token.dep_ in ("nsubj", "nsubjpass")))
                    if actor.how == "sector+country":
                        actors.remember_person(token, actor)
        for actor, is_subject in found:
            memory.remember(actor, is_subject)
        for token in doc:
            if token.dep_ in ("nsubj", "nsubjpass") and token.lower_ not in ("they", "them"):
                group = actors.actors_for(token)
                if len(group) > 1:
                    memory.group = group

    def _event(self, article: Article, index: int, sentence: Span, raw: RawEvent,
               date: EventDate, location: Location | None) -> Event:
        code = raw.code
        while code not in self.codebook and len(code) > 2:  # a user pattern's unknown sub-code
            code = code[:-1]
        entry = self.codebook.get(code)
        trigger_start = sentence.start + raw.trigger.idx
        trigger = Span(trigger_start, trigger_start + len(raw.trigger.text), raw.trigger.text)
        return Event(
            article_id=article.id, sentence_index=index, sentence=sentence, source=raw.source,
            target=raw.target, code=entry.code, root=entry.root, label=entry.label,
            plover=entry.plover_event, plover_mode=entry.plover_mode, goldstein=entry.goldstein,
            quad_class=entry.quad_class, date=date, trigger=trigger, pattern_id=raw.pattern.id,
            confidence=raw.confidence, notes=raw.notes, location=location,
        )


def _mark_actors(places: list[PlaceMention], events: list[Event]) -> list[PlaceMention]:
    """A place name that is an event's source or target is an actor there, not a place --
    unless its words make it a place too ("jets bombed Yemen": Yemen is the target and where
    the bombs fell)."""
    spans = {(a.span.start, a.span.end) for e in events for a in (e.source, e.target)}
    # the actor's words must cover the place name: "Sudan" of "Port Sudan" leaves the port a place
    return [m if m.actor or m.placed or m.origin or
            not any(s <= m.span.start and m.span.end <= e for s, e in spans)
            else PlaceMention(m.span, m.place, actor=True) for m in places]
