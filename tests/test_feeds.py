"""Feeds -> pages -> the store, against a real HTTP server on 127.0.0.1 (no other network)."""

from __future__ import annotations

import datetime as dt
import threading
import time
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from xml.sax.saxutils import escape

import httpx
import pytest

from detente.feeds import (
    NO_DATE,
    USER_AGENT,
    FeedItem,
    FetchSettings,
    HostPacer,
    fetch_articles,
    ingest_feeds,
    is_feed_source,
    parse_interval,
    read_feed,
    watch,
)
from detente.model import Article, Rejection
from detente.store import Store

FAST = FetchSettings(timeout=5, delay=0)

# path -> (headline, date in the page's metadata or None, paragraphs)
STORIES = {
    "/news/chile-peru-fisheries": ("Chile and Peru sign fisheries pact", "2025-05-12", [
        "LIMA (Example Wire) - Chile and Peru signed a fisheries agreement on Monday after two "
        "years of talks over their maritime border in the Pacific.",
        "The Peruvian foreign minister praised Chile for its patience, and both governments "
        "promised to share data on anchovy stocks every season.",
    ]),
    "/news/oman-mediation": ("Oman hosts talks between Iran and the United States", None, [
        "MUSCAT (Example Wire) - Oman hosted a new round of indirect talks between Iran and the "
        "United States on Saturday, the Omani foreign ministry said.",
        "Iran accused the United States of bad faith but agreed to meet again next month, "
        "according to officials who attended the meeting.",
    ]),
    "/news/ghana-togo-border": ("Ghana reopens border with Togo", "2025-05-11", [
        "ACCRA (Example Wire) - Ghana reopened its land border with Togo on Sunday, ending a "
        "closure that had lasted three weeks and stranded hundreds of traders.",
        "The Togolese government welcomed the decision and thanked Ghana for its cooperation "
        "on security along the frontier.",
    ]),
    "/news/kenya-somalia-flights": ("Kenya resumes flights to Somalia", "2025-05-15", [
        "NAIROBI (Example Wire) - Kenya resumed direct flights to Somalia on Thursday after the "
        "two governments settled a dispute over airspace that began in March.",
        "Somalia thanked Kenya for lifting the ban, and officials said trade in khat would "
        "restart within days.",
    ]),
    "/news/japan-korea-summit": ("Japan and South Korea hold summit", "2025-05-16", [
        "TOKYO (Example Wire) - The Japanese prime minister met the South Korean president in "
        "Tokyo on Friday to discuss supply chains and North Korean missile tests.",
        "South Korea invited Japan to a trilateral meeting with China later this year, the "
        "Japanese foreign ministry said in a statement.",
    ]),
    "/undated": ("Bolivia recalls its ambassador", None, [
        "LA PAZ (Example Wire) - Bolivia recalled its ambassador to Argentina for consultations "
        "after a dispute over remarks made by an Argentine minister about gas prices.",
    ]),
}
# the same text as the Chile story, as syndicated copies are
STORIES["/syndicated/chile-peru"] = STORIES["/news/chile-peru-fisheries"]


def _date(day: str) -> str:
    return format_datetime(dt.datetime.fromisoformat(f"{day}T08:00:00+00:00"))


# (path, feed date or None); the Oman and Ghana stories carry no date in the feed
FEED_V1 = [("/news/chile-peru-fisheries", "2025-05-13"), ("/news/oman-mediation", "2025-05-10"),
           ("/news/ghana-togo-border", None), ("/news/missing", "2025-05-13")]
FEED_V2 = [("/news/japan-korea-summit", "2025-05-16"), ("/news/kenya-somalia-flights", None),
           *FEED_V1]


class Site:
    """What the test server serves, and the requests it was sent."""

    def __init__(self) -> None:
        self.port = 0
        self.feed: list[tuple[str, str | None]] = FEED_V1
        self.requests: list[tuple[str, str]] = []  # (path, User-Agent)
        self.release = threading.Event()  # lets the slow page answer

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def rss(self) -> bytes:
        items = []
        for path, day in self.feed:
            title = STORIES[path][0] if path in STORIES else "A page that is gone"
            date = f"<pubDate>{_date(day)}</pubDate>" if day else ""
            items.append(f"<item><title>{escape(title)}</title><link>{self.url(path)}</link>{date}"
                         f"<description>{escape(title)}.</description></item>")
        return ('<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel>'
                f"<title>Example Wire</title><link>{self.url('/')}</link>"
                f"{''.join(items)}</channel></rss>").encode()

    def page(self, path: str) -> bytes:
        title, day, paragraphs = STORIES[path]
        meta = f'<meta property="article:published_time" content="{day}T09:00:00Z">' if day else ""
        body = "".join(f"<p>{escape(p)}</p>" for p in paragraphs)
        return (f'<!doctype html><html><head><meta charset="utf-8"><title>{title} | Example Wire'
                f"</title>{meta}</head><body><nav><a href='/'>Home</a> <a href='/world'>World</a>"
                f"</nav><article><h1>{title}</h1>{body}</article><footer>Copyright 2019 Example "
                "Wire</footer></body></html>").encode()


HTML = "text/html; charset=utf-8"


class Handler(BaseHTTPRequestHandler):
    site: Site

    def do_GET(self) -> None:
        site = self.site
        site.requests.append((self.path, self.headers.get("User-Agent", "")))
        try:
            if self.path == "/feed.xml":
                self._send(200, "application/rss+xml", site.rss())
            elif self.path in STORIES:
                self._send(200, HTML, site.page(self.path))
            elif self.path == "/slow":
                site.release.wait(timeout=10)
                self._send(200, HTML, site.page("/news/oman-mediation"))
            elif self.path == "/moved":
                self.send_response(301)
                self.send_header("Location", "/news/japan-korea-summit")
                self.send_header("Content-Length", "0")
                self.end_headers()
            elif self.path == "/broken":
                self._send(500, HTML, b"<html><body>Internal error</body></html>")
            elif self.path == "/big":
                self._send(200, HTML, b"<html><body>" + b"<p>filler</p>" * 5000 + b"</body></html>")
            elif self.path == "/big-streamed":  # no Content-Length: read until the server closes
                self._send(200, HTML, b"<p>filler</p>" * 5000, length=False)
            elif self.path == "/menu-only":
                self._send(200, HTML, b"<html><body><nav><a href='/'>Home</a></nav>"
                           b"<script>var x = 1;</script></body></html>")
            elif self.path == "/report.pdf":
                self._send(200, "application/pdf", b"%PDF-1.4 not really")
            else:
                self._send(404, HTML, b"<html><body>Not found</body></html>")
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up first, as it does on a timeout

    def _send(self, status: int, content_type: str, body: bytes, length: bool = True) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        if length:
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        pass  # keep the test output clean


@pytest.fixture(scope="module")
def server():
    site = Site()
    handler = type("SiteHandler", (Handler,), {"site": site})
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    site.port = httpd.server_address[1]
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield site
    site.release.set()
    httpd.shutdown()
    httpd.server_close()
    thread.join(timeout=5)


@pytest.fixture
def site(server):
    server.feed = FEED_V1
    server.requests.clear()
    return server


@pytest.fixture
def client():
    with httpx.Client() as client:
        yield client


@pytest.fixture
def store():
    with Store.open(":memory:") as store:
        yield store


def _articles(store: Store) -> dict[str, tuple[str, dt.date | None]]:
    _, rows = store.sql("SELECT url, title, published FROM articles")
    return {url: (title, published) for url, title, published in rows}


def _pages_requested(site: Site) -> list[str]:
    return sorted(path for path, _ in site.requests if path != "/feed.xml")


def test_ingest_feeds_stores_the_good_pages_and_rejects_the_404(store, coder, site, client):
    summary = ingest_feeds([site.url("/feed.xml")], store, coder, settings=FAST, client=client)

    assert (summary.items, summary.new, summary.duplicate_url) == (4, 3, 0)
    assert summary.events > 0
    assert summary.rejected == {"HTTP 404 Not Found": 1}
    _, rejects = store.sql("SELECT origin, stage, reason FROM rejects")
    assert rejects == [(site.url("/news/missing"), "fetch", "HTTP 404 Not Found")]
    assert _articles(store) == {
        # the feed's date wins over the page's; the page's is used where the feed has none
        site.url("/news/chile-peru-fisheries"): ("Chile and Peru sign fisheries pact", dt.date(2025, 5, 13)),
        site.url("/news/oman-mediation"): ("Oman hosts talks between Iran and the United States",
                                           dt.date(2025, 5, 10)),
        site.url("/news/ghana-togo-border"): ("Ghana reopens border with Togo", dt.date(2025, 5, 11)),
    }
    assert {agent for _, agent in site.requests} == {USER_AGENT}


def test_ingest_feeds_second_run_adds_nothing(store, coder, site, client):
    ingest_feeds([site.url("/feed.xml")], store, coder, settings=FAST, client=client)
    before = store.counts()
    site.requests.clear()

    again = ingest_feeds([site.url("/feed.xml")], store, coder, settings=FAST, client=client)

    assert (again.new, again.events, again.duplicate_url, again.duplicate_text) == (0, 0, 3, 0)
    assert store.counts() == before
    assert _pages_requested(site) == ["/news/missing"]  # stored pages are not fetched again


def test_watch_codes_only_the_new_items_of_the_next_feed_version(store, coder, site, client):
    cycles, naps = [], []

    def sleep(seconds: float) -> None:  # between the cycles the feed gains two items
        naps.append(seconds)
        site.feed = FEED_V2
        site.requests.clear()

    watch([site.url("/feed.xml")], store, 900, cycles=2, sleep=sleep, coder=coder, settings=FAST,
          client=client, on_cycle=lambda number, summary: cycles.append((number, summary)))

    (_, first), (number, second) = cycles
    assert number == 2 and len(naps) == 1 and 800 < naps[0] <= 900
    assert (first.new, second.new) == (3, 2)
    # the stored pages are not fetched again, nor, during a watch, the page that was not found
    assert (second.duplicate_url, second.skipped, second.rejected_total) == (3, 1, 0)
    assert _pages_requested(site) == ["/news/japan-korea-summit", "/news/kenya-somalia-flights"]
    assert _articles(store)[site.url("/news/kenya-somalia-flights")] == (
        "Kenya resumes flights to Somalia", dt.date(2025, 5, 15))
    assert store.counts()["articles"] == 5


def test_watch_runs_no_cycle_for_zero_cycles(store):
    watch(["feed.xml"], store, 60, cycles=0, sleep=pytest.fail)
    assert store.counts()["articles"] == 0


def test_ingest_feeds_from_a_local_file_stores_an_undated_page_without_a_date(
        store, coder, site, client, tmp_path):
    feed = tmp_path / "feed.xml"
    feed.write_text(f"""<?xml version="1.0"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Local</title>
  <entry><title>Bolivia recalls its ambassador</title><link href="{site.url('/undated')}"/></entry>
</feed>""", "utf-8")

    summary = ingest_feeds([str(feed)], store, coder, settings=FAST, client=client)

    assert summary.new == 1 and summary.rejected == {"no publication date in feed or page": 1}
    assert _articles(store) == {site.url("/undated"): ("Bolivia recalls its ambassador", None)}
    _, rejects = store.sql("SELECT origin, stage, reason FROM rejects")
    assert rejects == [(site.url("/undated"), "date", NO_DATE)]


def test_the_same_text_under_another_url_is_stored_once(store, coder, site, client):
    site.feed = [("/news/chile-peru-fisheries", "2025-05-13"), ("/syndicated/chile-peru", "2025-05-13")]

    summary = ingest_feeds([site.url("/feed.xml")], store, coder, settings=FAST, client=client)

    assert (summary.new, summary.duplicate_text) == (1, 1)
    assert list(_articles(store)) == [site.url("/news/chile-peru-fisheries")]


def test_read_feed_from_a_local_file_keeps_items_and_rejects_bad_links(client, tmp_path):
    feed = tmp_path / "feed.rss"
    feed.write_text("""<?xml version="1.0"?><rss version="2.0"><channel><title>Local</title>
<item><title>Talks resume</title><link>https://example.org/a</link>
  <pubDate>Tue, 13 May 2025 23:30:00 -0400</pubDate><description>Both sides met.</description></item>
<item><title>Relative</title><link>/news/b</link></item>
<item><title>No link</title></item>
</channel></rss>""", "utf-8")

    items = read_feed(str(feed), client)

    # a date with a time zone is the feed's date in UTC
    assert items[0] == FeedItem("https://example.org/a", "Talks resume", dt.date(2025, 5, 14),
                                "Both sides met.")
    assert [(r.origin, r.stage) for r in items[1:]] == [(f"{feed}:#1", "feed"), (f"{feed}:#2", "feed")]
    assert items[1].reason == "item link is not an http(s) URL ('/news/b'); it is skipped"
    assert items[2].reason.startswith("item has no link")


@pytest.mark.parametrize(("source", "reason"), [
    ("/news/chile-peru-fisheries", "not an RSS or Atom feed: it is an HTML page"),
    ("/feed-that-is-gone.xml", "HTTP 404 Not Found"),
    ("no-such-feed.xml", "no such feed file"),
], ids=["web-page", "http-404", "missing-file"])
def test_read_feed_rejects_what_is_not_a_feed(site, client, source, reason):
    name = site.url(source) if source.startswith("/") else source

    (rejection,) = read_feed(name, client, FAST)

    assert (rejection.origin, rejection.stage) == (name, "feed")
    assert rejection.reason.startswith(reason)


@pytest.mark.parametrize(("path", "stage", "reason", "lasting"), [
    ("/news/missing", "fetch", "HTTP 404 Not Found", True),
    ("/broken", "fetch", "HTTP 500 Internal Server Error", False),
    ("/big", "fetch", "page is over the 16,384 bytes limit", True),
    ("/big-streamed", "fetch", "page is over the 16,384 bytes limit", True),
    ("/report.pdf", "fetch", "not an HTML page (Content-Type application/pdf)", True),
    ("/menu-only", "extract", "no article text found", True),
], ids=lambda value: value if isinstance(value, str) else None)
def test_fetch_articles_rejects_pages_it_cannot_use(site, client, path, stage, reason, lasting):
    refused: set[str] = set()
    settings = FetchSettings(timeout=5, delay=0, max_bytes=16_384)

    (rejection,) = fetch_articles([FeedItem(site.url(path))], client, settings=settings, refused=refused)

    assert (rejection.origin, rejection.stage) == (site.url(path), stage)
    assert rejection.reason.startswith(reason)
    assert (site.url(path) in refused) is lasting  # a watch asks again only for passing trouble


def test_fetch_articles_gives_up_on_a_slow_page(site, client):
    started = time.monotonic()

    (rejection,) = fetch_articles([FeedItem(site.url("/slow"))], client,
                                  settings=FetchSettings(timeout=0.5, delay=0))

    assert time.monotonic() - started < 3
    assert rejection == Rejection(site.url("/slow"), "fetch", "timed out after 0.5 s; the site may "
                                  "be slow or down, it is tried again next run")


def test_fetch_articles_follows_redirects_and_keeps_the_feed_url(site, client):
    (article,) = fetch_articles([FeedItem(site.url("/moved"), published=dt.date(2025, 5, 16))],
                                client, settings=FAST)

    assert (article.id, article.url, article.origin) == (site.url("/moved"),) * 3
    assert article.title == "Japan and South Korea hold summit" and "Tokyo" in article.text
    assert [path for path, _ in site.requests] == ["/moved", "/news/japan-korea-summit"]


def test_fetch_articles_rejects_a_host_that_refuses_connections(client):
    (rejection,) = fetch_articles([FeedItem("http://127.0.0.1:1/news")], client, settings=FAST)

    assert rejection.reason.startswith("could not fetch the page (ConnectError")


def test_fetch_articles_skips_stored_urls_and_passes_rejections_through(store, site, client):
    url = site.url("/news/ghana-togo-border")
    store.add(Article(id=url, text="Ghana reopened its border with Togo.", url=url), [])
    earlier = Rejection("feed.xml:#3", "feed", "item has no link to an article page; it is skipped")

    items = list(fetch_articles([FeedItem(url), earlier], client, store, FAST))

    assert items == [earlier] and site.requests == []


def test_host_pacer_spaces_requests_to_the_same_host():
    now, naps = [100.0], []
    pacer = HostPacer(2.0, sleep=naps.append, clock=lambda: now[0])

    pacer.wait("https://example.org/a")
    now[0] += 0.5
    pacer.wait("https://example.org/b")
    pacer.wait("https://other.example/c")

    assert naps == [1.5]


@pytest.mark.parametrize(("text", "seconds"), [("90", 90), ("90s", 90), ("15m", 900), ("2h", 7200),
                                               ("1d", 86400), ("0.5m", 30)])
def test_parse_interval_reads_units(text, seconds):
    assert parse_interval(text) == seconds


@pytest.mark.parametrize("text", ["", "0", "15x", "-5m", "m"])
def test_parse_interval_refuses_what_is_not_an_interval(text):
    with pytest.raises(ValueError, match="not an interval"):
        parse_interval(text)


def test_is_feed_source_knows_urls_and_feed_files():
    assert [is_feed_source(name) for name in ["http://x.org/f", "https://x.org/rss", "news.xml",
                                              "news.RSS", "a.atom", "news.jsonl", "page.html"]] == \
        [True, True, True, True, True, False, False]
