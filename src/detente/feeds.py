"""RSS/Atom feeds -> article pages -> coded articles in the store, once or every N minutes.

A feed (a local file or an http(s) URL) lists items; each item's page is fetched politely
(one User-Agent, a per-host delay, a timeout, a size cap), its article text, title and date
are extracted with trafilatura, and the article is coded and stored under its URL. A URL
already stored is never fetched again, and a text already stored under another URL is not
stored twice. Every failure is a Rejection row naming the feed or the page: a feed that
cannot be read, a page that answers 404 or 500, times out, is too big, or has no article text.

    >>> parse_interval("15m")
    900.0
"""

from __future__ import annotations

import datetime as dt
import importlib
import io
import itertools
import re
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from contextlib import nullcontext
from dataclasses import dataclass, field, replace
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from detente.errors import DetenteError, StoreError
from detente.model import Article, Rejection
from detente.pipeline.readers.documents import human_size

if TYPE_CHECKING:
    import httpx

    from detente.actors import ActorDictionary
    from detente.pipeline.coder import Coder
    from detente.store import Store

__all__ = [
    "DEFAULT_SETTINGS", "FeedItem", "FeedSummary", "FetchSettings", "HostPacer", "USER_AGENT",
    "fetch_articles", "ingest_feeds", "is_feed_source", "parse_interval", "read_feed", "watch",
]

USER_AGENT = "detente/0.1 (+https://example.org/detente)"
NO_DATE = "no publication date in feed or page; stored without one"
# Fewer words than this is a cookie wall, a login page or an index, not an article: trafilatura
# falls back to whatever text a page has, even a lone "Home" link.
MIN_WORDS = 15
FEED_SUFFIXES = frozenset({".xml", ".rss", ".atom"})
_HTML_TYPES = ("text/html", "application/xhtml+xml")
# A refusal that asking again will not change; a watch stops asking for these pages.
_LASTING_STATUSES = frozenset(range(400, 500)) - {408, 425, 429}

Item = Article | Rejection


@dataclass(frozen=True, slots=True)
class FeedItem:
    """One entry of a feed: the article's URL, and what the feed says about it."""

    url: str
    title: str = ""
    published: dt.date | None = None  # the feed's date, in UTC
    summary: str = ""


@dataclass(frozen=True, slots=True)
class FetchSettings:
    """How politely pages and feeds are fetched.

    `timeout`: seconds a response may take to arrive, in all; `max_bytes`: the most a feed or
    page may hold (decompressed); `delay`: seconds between two requests to the same host.
    """

    timeout: float = 20.0
    max_bytes: int = 5 * 1024 * 1024
    delay: float = 1.0
    user_agent: str = USER_AGENT


DEFAULT_SETTINGS = FetchSettings()


@dataclass
class FeedSummary:
    """What one `ingest_feeds` run did."""

    items: int = 0  # items the feeds listed
    new: int = 0  # articles stored
    events: int = 0  # events stored with them
    duplicate_url: int = 0  # items whose URL was stored already (not fetched)
    duplicate_text: int = 0  # pages whose text was stored already under another URL
    skipped: int = 0  # URLs a watch had already found unusable or duplicate (not fetched)
    rejected: Counter[str] = field(default_factory=Counter)  # reason -> count

    @property
    def rejected_total(self) -> int:
        return sum(self.rejected.values())


class HostPacer:
    """Spaces requests to the same host at least `delay` seconds apart.

    >>> pacer = HostPacer(0)
    >>> pacer.wait("https://example.org/a")
    """

    def __init__(self, delay: float, sleep: Callable[[float], object] = time.sleep,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.delay = delay
        self._sleep = sleep
        self._clock = clock
        self._last: dict[str, float] = {}

    def wait(self, url: str) -> None:
        """Sleep until a request to this URL's host is allowed, and count it as made now."""
        host = urlsplit(url).netloc.lower()
        last = self._last.get(host)
        if last is not None and self.delay > 0:
            remaining = last + self.delay - self._clock()
            if remaining > 0:
                self._sleep(remaining)
        self._last[host] = self._clock()


def is_feed_source(name: str) -> bool:
    """Whether `detente ingest NAME` means a feed: an http(s) URL or a .xml/.rss/.atom file.

    >>> is_feed_source("https://example.org/rss"), is_feed_source("news.jsonl")
    (True, False)
    """
    return _is_url(name) or Path(name).suffix.lower() in FEED_SUFFIXES


def parse_interval(text: str) -> float:
    """Seconds in "90", "90s", "15m", "2h" or "1d"; ValueError for anything else or zero.

    >>> parse_interval("2h"), parse_interval("45")
    (7200.0, 45.0)
    """
    match = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([smhd]?)\s*", text.lower())
    if not match or float(match[1]) <= 0:
        raise ValueError(f"{text!r} is not an interval; write a positive number with s, m, h or d, "
                         "e.g. 90s, 15m, 2h")
    return float(match[1]) * {"": 1, "s": 1, "m": 60, "h": 3600, "d": 86400}[match[2]]


def read_feed(source: str, client: httpx.Client, settings: FetchSettings = DEFAULT_SETTINGS,
              pacer: HostPacer | None = None) -> list[FeedItem | Rejection]:
    """The items of an RSS or Atom feed (a file path or an http(s) URL), in feed order.

    A feed that cannot be fetched, read or parsed is one Rejection (stage "feed"); so is an
    item without an http(s) link, named `SOURCE:#INDEX`. feedparser only ever sees bytes, so
    it never fetches anything itself.
    """
    feedparser = _require("feedparser")
    data = _fetch_feed(source, client, settings, pacer) if _is_url(source) \
        else _read_feed_file(source, settings.max_bytes)
    if isinstance(data, Rejection):
        return [data]
    body, headers = data
    parsed = feedparser.parse(io.BytesIO(body), response_headers=headers)
    if not parsed.get("version") and not parsed.entries:
        return [Rejection(source, "feed", f"not an RSS or Atom feed: {_not_a_feed(parsed, body)}")]
    return [_feed_item(entry, f"{source}:#{index}") for index, entry in enumerate(parsed.entries)]


def fetch_articles(items: Iterable[FeedItem | Rejection], client: httpx.Client,
                   store: Store | None = None, settings: FetchSettings = DEFAULT_SETTINGS, *,
                   pacer: HostPacer | None = None, refused: set[str] | None = None) -> Iterator[Item]:
    """Fetch each item's page and yield an Article (id = url = origin = the item's URL).

    Items whose URL is in `store` already are skipped; Rejections pass through. A page that
    cannot be fetched or has no article text yields a Rejection instead (origin = its URL);
    an article with no date in the feed or the page is yielded, then a "date" Rejection.
    URLs refused for good (a 4xx answer, too big, not HTML, no text) are added to `refused`.
    """
    pacer = pacer or HostPacer(settings.delay)
    for item in items:
        if isinstance(item, Rejection):
            yield item
        elif store is None or not _url_stored(store, item.url):
            page = _fetch_page(item.url, client, settings, pacer)
            article = _article(item, page) if isinstance(page, bytes) else page
            if isinstance(article, Article):
                yield article
                if article.date is None:
                    yield Rejection(item.url, "date", NO_DATE)
                continue
            # a page without article text will have none next time either
            refusal = article if isinstance(article, _Refusal) else _Refusal(article, lasting=True)
            if refused is not None and refusal.lasting:
                refused.add(item.url)
            yield refusal.rejection


def ingest_feeds(sources: Iterable[str], store: Store, coder: Coder | None = None, *,
                 dictionary: ActorDictionary | None = None,
                 settings: FetchSettings = DEFAULT_SETTINGS, client: httpx.Client | None = None,
                 skip: set[str] | None = None,
                 on_article: Callable[[FeedSummary], None] | None = None) -> FeedSummary:
    """Read the feeds, fetch the pages not stored yet, code them and store them with rejects.

    `coder` (loaded once and reused) defaults to a Coder with `dictionary`. `skip` holds URLs
    not to fetch; URLs found unusable or duplicate are added to it, so a watch passes the same
    set to every cycle. `on_article` is called after each stored or duplicate article.
    """
    from detente.engines import code_stream
    from detente.pipeline.coder import Coder

    summary = FeedSummary()
    skip = set() if skip is None else skip
    coder = coder or Coder(dictionary=dictionary)
    with _client(client) as http:
        pacer = HostPacer(settings.delay)
        items = _unstored_items(sources, http, store, settings, pacer, summary, skip)
        pages = fetch_articles(items, http, settings=settings, pacer=pacer, refused=skip)
        for result in code_stream(_unstored_texts(pages, store, summary, skip), coder):
            if isinstance(result, Rejection):
                _reject(store, summary, result)
                continue
            try:
                added = store.add(result.article, result.events)
            except StoreError as exc:
                _reject(store, summary, Rejection(result.article.url, "store", str(exc)))
                continue
            if added.duplicate:  # the same text twice within this run
                summary.duplicate_text += 1
                skip.add(result.article.url)
            else:
                summary.new += 1
                summary.events += added.events
            if on_article is not None:
                on_article(summary)
    store.refresh_groups()
    return summary


def watch(sources: Iterable[str], store: Store, every_seconds: float, cycles: int | None = None,
          sleep: Callable[[float], object] = time.sleep, *, coder: Coder | None = None,
          dictionary: ActorDictionary | None = None, settings: FetchSettings = DEFAULT_SETTINGS,
          client: httpx.Client | None = None,
          on_cycle: Callable[[int, FeedSummary], None] | None = None) -> None:
    """Run `ingest_feeds` every `every_seconds` (from the start of one run to the next).

    `cycles=None` runs until interrupted. The coder is loaded once, and pages a cycle found
    unusable are not asked for again while the watch runs. `on_cycle(number, summary)` is
    called after each cycle (numbered from 1).
    """
    if every_seconds <= 0:
        raise DetenteError(f"the watch interval must be positive, not {every_seconds}; e.g. 15m")
    if cycles == 0:
        return
    from detente.pipeline.coder import Coder

    sources = list(sources)
    coder = coder or Coder(dictionary=dictionary)
    skip: set[str] = set()
    with _client(client) as http:
        for number in itertools.count(1) if cycles is None else range(1, cycles + 1):
            started = time.monotonic()
            summary = ingest_feeds(sources, store, coder, settings=settings, client=http, skip=skip)
            if on_cycle is not None:
                on_cycle(number, summary)
            if number != cycles:
                sleep(max(0.0, every_seconds - (time.monotonic() - started)))


def _url_stored(store: Store, url: str) -> bool:
    """Whether an article with this URL is in the store."""
    with store.reading() as cur:
        return bool(cur.execute("SELECT count(*) FROM articles WHERE url = ?", [url]).fetchall()[0][0])


def _unstored_items(sources: Iterable[str], client: httpx.Client, store: Store,
                    settings: FetchSettings, pacer: HostPacer, summary: FeedSummary,
                    skip: set[str]) -> Iterator[FeedItem | Rejection]:
    """Items of every feed whose URL is neither stored, nor in `skip`, nor listed before."""
    listed: set[str] = set()
    for source in sources:
        for entry in read_feed(source, client, settings, pacer):
            if isinstance(entry, Rejection):
                yield entry
                continue
            summary.items += 1
            if entry.url in skip:
                summary.skipped += 1
            elif entry.url in listed or _url_stored(store, entry.url):
                summary.duplicate_url += 1
            else:
                listed.add(entry.url)
                yield entry


def _unstored_texts(items: Iterable[Item], store: Store, summary: FeedSummary,
                    skip: set[str]) -> Iterator[Item]:
    from detente.ingestion import skip_stored

    def stored(article: Article) -> None:
        summary.duplicate_text += 1
        skip.add(article.url)

    return skip_stored(items, store, stored)


def _reject(store: Store, summary: FeedSummary, rejection: Rejection) -> None:
    from detente.ingestion import reason_kind

    store.add_rejection(rejection)
    summary.rejected[reason_kind(rejection.reason)] += 1


def _feed_item(entry, where: str) -> FeedItem | Rejection:
    url = " ".join(str(entry.get("link") or "").split())
    if not url:
        return Rejection(where, "feed", "item has no link to an article page; it is skipped")
    if not _is_url(url):
        return Rejection(where, "feed", f"item link is not an http(s) URL ({url[:200]!r}); it is skipped")
    # dict.get, as FeedParserDict.get warns (DeprecationWarning) when updated_parsed is missing
    when = dict.get(entry, "published_parsed") or dict.get(entry, "updated_parsed")
    return FeedItem(url=url, title=" ".join(str(entry.get("title") or "").split()),
                    published=dt.date(*when[:3]) if when else None,
                    summary=str(entry.get("summary") or ""))


def _not_a_feed(parsed, body: bytes) -> str:
    """Why a body that feedparser found no feed in is not one, and what to do."""
    head = body[:512].lstrip().lower()
    if not head:
        return "it is empty; check the address, or try again later"
    if head.startswith((b"<!doctype html", b"<html")):
        return "it is an HTML page; give the feed's address (often linked as RSS), not a page's"
    problem = parsed.get("bozo_exception")
    if hasattr(problem, "getLineNumber"):  # xml.sax's SAXParseException
        return (f"XML error at line {problem.getLineNumber()}, column {problem.getColumnNumber()}: "
                f"{problem.getMessage()}; fix the file, or ask the site for a valid feed")
    return "no RSS or Atom elements in it; check that the address is a feed"


def _read_feed_file(source: str, max_bytes: int) -> tuple[bytes, dict[str, str]] | Rejection:
    path = Path(source)
    try:
        size = path.stat().st_size
        if size > max_bytes:
            return Rejection(source, "feed", f"feed file is {human_size(size)}, over the "
                             f"{human_size(max_bytes)} limit; raise --max-bytes")
        data = path.read_bytes()
    except FileNotFoundError:
        return Rejection(source, "feed", "no such feed file; check the path, or give a URL")
    except OSError as exc:
        return Rejection(source, "feed", f"cannot read the feed file ({exc.strerror or _one_line(exc)})")
    return data, {"content-type": "application/xml"}


@dataclass(frozen=True, slots=True)
class _Refusal:
    """A page or feed that was not read, and whether asking again would get the same answer."""

    rejection: Rejection
    lasting: bool


def _fetch_feed(url: str, client: httpx.Client, settings: FetchSettings,
                pacer: HostPacer | None) -> tuple[bytes, dict[str, str]] | Rejection:
    body = _download(url, client, settings, pacer or HostPacer(settings.delay), "feed")
    if isinstance(body, _Refusal):
        return replace(body.rejection, stage="feed")
    data, content_type = body
    return data, {"content-location": url, "content-type": content_type or "application/xml"}


def _fetch_page(url: str, client: httpx.Client, settings: FetchSettings,
                pacer: HostPacer) -> bytes | _Refusal:
    body = _download(url, client, settings, pacer, "page")
    if isinstance(body, _Refusal):
        return body
    data, content_type = body
    kind = content_type.split(";")[0].strip().lower()
    if kind and kind not in _HTML_TYPES:
        return _refuse(url, f"not an HTML page (Content-Type {kind[:100]}); only article pages "
                       "are read", lasting=True)
    return data


def _download(url: str, client: httpx.Client, settings: FetchSettings, pacer: HostPacer,
              what: str) -> tuple[bytes, str] | _Refusal:
    """The response body (decompressed) and its Content-Type, or why there is none."""
    httpx = _require("httpx")
    too_big = _refuse(url, f"{what} is over the {human_size(settings.max_bytes)} limit; raise "
                      "--max-bytes to read it", lasting=True)
    pacer.wait(url)
    started = time.monotonic()
    try:
        with client.stream("GET", url, headers={"User-Agent": settings.user_agent},
                           timeout=settings.timeout, follow_redirects=True) as response:
            if response.status_code >= 400:
                reason = f"HTTP {response.status_code} {response.reason_phrase}".strip()
                return _refuse(url, reason, lasting=response.status_code in _LASTING_STATUSES)
            declared = response.headers.get("content-length", "")
            if declared.isdigit() and int(declared) > settings.max_bytes:
                return too_big
            chunks, size = [], 0
            # streamed, so that neither a huge page nor a gzip bomb is ever held whole
            for chunk in response.iter_bytes():
                chunks.append(chunk)
                size += len(chunk)
                if size > settings.max_bytes:
                    return too_big
                # httpx times each read; a server that trickles bytes is timed here
                if time.monotonic() - started > settings.timeout:
                    raise httpx.ReadTimeout("the response took too long in all")
            return b"".join(chunks), response.headers.get("content-type", "")
    except httpx.TimeoutException:
        return _refuse(url, f"timed out after {settings.timeout:g} s; the site may be slow or "
                       "down, it is tried again next run", lasting=False)
    except (httpx.HTTPError, httpx.InvalidURL) as exc:
        return _refuse(url, f"could not fetch the {what} ({type(exc).__name__}: "
                       f"{_one_line(exc)[:200]})", lasting=False)


def _refuse(url: str, reason: str, lasting: bool) -> _Refusal:
    return _Refusal(Rejection(url, "fetch", reason), lasting)


def _article(item: FeedItem, page: bytes) -> Article | Rejection:
    """The page's article, dated by the feed, else by the page's own metadata, else undated."""
    from detente.pipeline.readers import read_html

    extracted = next(iter(read_html(page, item.url, item.url)))
    if isinstance(extracted, Rejection):
        return Rejection(item.url, "extract", f"{extracted.reason.split(';')[0]}; the link may lead "
                         "to an index, video or paywalled page")
    words = len(extracted.text.split())
    if words < MIN_WORDS:
        return Rejection(item.url, "extract", f"no article text found (only {words} words outside "
                         "menus and boilerplate); the link may lead to an index, video or "
                         "paywalled page")
    return Article(id=item.url, text=extracted.text, date=item.published or extracted.date,
                   title=item.title or extracted.title, url=item.url, origin=item.url)


def _client(client: httpx.Client | None):
    """The caller's client, left open, or a new one closed on exit."""
    return nullcontext(client) if client is not None else _require("httpx").Client()


def _require(name: str) -> ModuleType:
    try:
        return importlib.import_module(name)
    except ImportError:
        raise DetenteError(f"reading feeds needs {name}; pip install feedparser httpx trafilatura") \
            from None


def _is_url(name: str) -> bool:
    try:
        parts = urlsplit(name)
    except ValueError:  # e.g. an unclosed [ in the host
        return False
    return parts.scheme in ("http", "https") and bool(parts.netloc)


def _one_line(exc: BaseException) -> str:
    return " ".join(str(exc).split()) or type(exc).__name__
