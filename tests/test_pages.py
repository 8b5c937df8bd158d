"""The HTML dashboard: pages render from the store, hostile text stays escaped, bad input gets an
HTML error page, injection strings change nothing, and every answer carries the security headers."""

from __future__ import annotations

import datetime as dt
import html
from dataclasses import replace
from html.parser import HTMLParser
from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient

from detente.model import Actor, EventDate, Span
from detente.store import Store
from detente.web import create_app
from detente.web.charts import Series, bar_chart, line_chart
from detente.web.highlight import highlight
from tests.conftest import make_article, make_event

SCRIPT = "<script>alert(1)</script>"
IMG = "<img src=x onerror=alert(1)>"
SVG = '"><svg onload=alert(1)>'
HOSTILE = (f'China warned "the Philippines" {SCRIPT} on Monday. '
           f'The "{IMG}" ministry accused Manila{SVG} of provocations.')
INJECTIONS = ["' OR 1=1 --", '"; DROP TABLE events; --', "%'; SELECT"]


def span(text: str) -> Span:
    start = HOSTILE.index(text)
    return Span(start, start + len(text), text)


def hostile_events():
    first, second = HOSTILE.split(". ", 1)
    sentences = [span(first + "."), span(second)]
    actor = lambda code, words: Actor(code, code[:3], code[3:], span(words))  # noqa: E731
    day = EventDate("2025-05-12", "day", None)
    return [
        replace(make_event("evil", sentence=sentences[0], trigger=span('warned "the'), code="130",
                           pattern_id='warn"><b>'),
                source=actor("CHNGOV", "China"), target=actor("PHL", f'"the Philippines" {SCRIPT}'),
                date=day),
        replace(make_event("evil", sentence_index=1, sentence=sentences[1], trigger=span("accused"),
                           code="112"),
                source=actor("CHNGOV", f'The "{IMG}" ministry'), target=actor("PHL", f"Manila{SVG}"),
                date=day),
    ]


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    """A client over a store holding one article written by an attacker."""
    db = tmp_path_factory.mktemp("pages") / "hostile.duckdb"
    article = make_article(HOSTILE, id="evil", title=f"Title {SCRIPT}", url="javascript:alert(1)",
                           date=dt.date(2025, 5, 12))
    with Store.open(db) as store:
        added = store.add(article, hostile_events())
        store.refresh_groups()
    with TestClient(create_app(db)) as client:
        client.text_id = added.text_id
        yield client


@pytest.fixture(scope="module")
def sample(sample_store_path, coder):
    with TestClient(create_app(sample_store_path, coder=coder)) as client:
        yield client


class Tags(HTMLParser):
    """Every start tag with its attributes, and the text inside `<div class="body">`."""

    def __init__(self, page: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.body_text: list[str] = []
        self._body_depth = 0
        self.feed(page)

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        if self._body_depth:
            self._body_depth += tag not in ("br", "img", "input")
        elif tag == "div" and dict(attrs).get("class") == "body":
            self._body_depth = 1

    def handle_endtag(self, tag):
        if self._body_depth:
            self._body_depth -= 1

    def handle_data(self, data):
        if self._body_depth:
            self.body_text.append(data)


def assert_inert(page: str) -> Tags:
    """The page holds no markup of the attacker's: scripts only from /static, no handlers."""
    tags = Tags(page)
    for tag, attrs in tags.tags:
        assert tag not in ("img", "iframe", "object", "embed"), (tag, attrs)
        assert not any(name.startswith("on") for name in attrs), (tag, attrs)
        assert "style" not in attrs, (tag, attrs)  # the CSP forbids inline styles
        if tag == "script":
            assert (attrs.get("src") or "").startswith("/static/"), attrs
        if tag == "a":
            assert not (attrs.get("href") or "").lower().startswith("javascript:"), attrs
        assert not any("alert" in (value or "") for value in attrs.values()), (tag, attrs)
    for raw in (SCRIPT, IMG, "<svg onload", "<b>"):
        assert raw not in page
    return tags


def test_pages_article_shows_hostile_text_escaped_and_highlighted(hostile):
    response = hostile.get(f"/articles/{hostile.text_id}")
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/html")
    page = response.text
    tags = assert_inert(page)
    assert html.escape(SCRIPT, quote=False) in page  # shown, as text
    assert "".join(tags.body_text) == HOSTILE  # the highlighted text is the article, unchanged
    marks = [attrs for tag, attrs in tags.tags if tag == "mark" and "data-ev" in attrs]
    assert {cls for attrs in marks for cls in (attrs["class"] or "").split()} >= {
        "hl-source", "hl-target", "hl-trigger"}
    assert "Title &lt;script&gt;" in page
    assert 'href="javascript:' not in page  # the article's URL is not a web address: no link


@pytest.mark.parametrize("path", ["/", "/events", "/events?q=script", "/dyads/CHN/PHL",
                                  "/dyads/CHN/PHL?by=day&period=2025-05-12", "/actors/CHNGOV",
                                  f"/actors/{quote(IMG, safe='')}", f"/dyads/{quote(SVG, safe='')}/PHL"])
def test_pages_hostile_text_is_escaped_everywhere(hostile, path):
    response = hostile.get(path)
    assert response.status_code == 200
    assert_inert(response.text)


def test_pages_event_list_shows_the_hostile_sentence_as_text(hostile):
    page = hostile.get("/events", params={"q": "onerror"}).text
    assert_inert(page)
    assert html.escape(IMG, quote=False) in page
    assert '<mark class="hl hl-trigger">accused</mark>' in page


def test_pages_code_a_hostile_text_escapes_it(hostile, coder):
    with TestClient(create_app(":memory:", coder=coder)) as client:
        response = client.post("/code", data={"text": HOSTILE + " Japan protested to China.",
                                              "date": "2025-05-14"})
    assert response.status_code == 200
    tags = assert_inert(response.text)
    assert "".join(tags.body_text) == HOSTILE + " Japan protested to China."
    assert '<mark class="hl hl-trigger" data-ev="' in response.text
    assert html.escape(SCRIPT, quote=False) in response.text  # echoed in the textarea, as text


def test_pages_security_headers_on_pages_and_api(hostile):
    for path in ("/", f"/articles/{hostile.text_id}", "/code", "/api/events", "/static/dashboard.js"):
        headers = hostile.get(path).headers
        assert headers["x-content-type-options"] == "nosniff"
        assert headers["referrer-policy"] == "no-referrer"
        csp = headers["content-security-policy"]
        assert "script-src 'self'" in csp and "style-src 'self'" in csp and "unsafe" not in csp
    assert "content-security-policy" not in hostile.get("/docs").headers  # Swagger UI needs its CDN


def test_pages_overview_shows_tables_chart_and_links(sample):
    page = sample.get("/").text
    assert_inert(page)
    assert page.count('<svg class="chart"') == 1 and 'data-period="2025-05"' in page
    for heading in ("Most active dyads", "Most conflictual dyads", "Top actors", "Latest events"):
        assert heading in page
    assert 'href="/dyads/CHN/PHL"' in page and 'href="/actors/CHNGOV"' in page
    assert '<form class="filters" method="get" action="/events">' in page


def test_pages_events_filters_and_pages(sample):
    everything = Tags(sample.get("/events").text)
    rows = [attrs for tag, attrs in everything.tags if tag == "tr" and attrs.get("class")]
    assert len(rows) == 50
    second = sample.get("/events", params={"page": 2}).text
    assert "51–100 of 166 events" in second
    conflict = sample.get("/events", params={"country": "phl", "quad_class": "4", "actor": "",
                                             "since": "", "until": "", "code": "", "q": ""}).text
    classes = [attrs["class"] for tag, attrs in Tags(conflict).tags if tag == "tr" and attrs.get("class")]
    assert classes and set(classes) == {"q4"}
    assert 'value="PHL"' in conflict and '<option value="4" selected>' in conflict


def test_pages_dyad_chart_periods_filter_the_events(sample):
    page = sample.get("/dyads/CHN/PHL").text
    assert page.count('<svg class="chart"') == 2
    assert 'href="/dyads/CHN/PHL?by=month&amp;metric=sum&amp;period=2025-02#events"' in page
    filtered = Tags(sample.get("/dyads/CHN/PHL", params={"period": "2025-02"}).text)
    dates = [attrs for tag, attrs in filtered.tags if tag == "td" and attrs.get("class") == "date"]
    assert len(dates) == 2
    assert 'data-period="2025-02"' in sample.get("/dyads/CHN/PHL", params={"period": "2025-02"}).text
    weekly = sample.get("/dyads/CHN/PHL", params={"by": "week", "period": "2025-W08"})
    assert weekly.status_code == 200 and "2025-02-17" in weekly.text
    yearly = sample.get("/dyads/chn/phl", params={"by": "year", "metric": "mean"})
    assert yearly.status_code == 200 and "Goldstein mean per year" in yearly.text


def test_pages_actor_partners_balance(sample):
    page = sample.get("/actors/CHN").text
    assert "Partners" in page and 'href="/dyads/CHN/PHL"' in page
    assert page.index('href="/dyads/CHN/PHL"') < page.index('href="/dyads/CHN/ASEAN"')  # busiest first
    assert '<rect class="bar q1"' in page and "cooperation →" in page
    empty = sample.get("/actors/ZZZ")
    assert empty.status_code == 200 and "No stored event has an actor code starting with ZZZ" in empty.text


def test_pages_article_offsets_mark_the_stored_words(sample):
    event = sample.get("/api/events", params={"actor": "CHN", "page_size": 1}).json()["items"][0]
    article = sample.get(f"/api/articles/{event['text_id']}").json()
    page = sample.get(f"/articles/{event['text_id']}").text
    assert "".join(Tags(page).body_text) == article["text"]
    start, end = event["offsets"]["trigger"]
    assert html.escape(article["text"][start:end]) + "</mark>" in page
    assert f'id="event-{event["id"]}"' in page


def test_pages_code_form_codes_and_reports_bad_input(sample):
    page = sample.get("/code")
    assert page.status_code == 200 and "<textarea" in page.text
    coded = sample.post("/code", data={"text": "Norway expelled two Russian diplomats on Friday.",
                                       "date": "2025-03-07"})
    assert coded.status_code == 200 and "1 event<" in coded.text
    assert '<mark class="hl hl-trigger" data-ev="0">expelled</mark>' in coded.text
    bad_date = sample.post("/code", data={"text": "Japan protested.", "date": "14 May"})
    assert bad_date.status_code == 400 and "is not a date" in bad_date.text
    assert "Japan protested." in bad_date.text  # the text is kept in the form
    blank = sample.post("/code", data={"text": "   "})
    assert blank.status_code == 400 and "paste some news text" in blank.text
    too_big = sample.post("/code", data={"text": "Japan protested to China. " * 10_000})
    assert too_big.status_code == 413


def test_pages_bad_parameters_render_an_html_error_page(sample):
    for path, status in [("/events?page=abc", 400), ("/events?quad_class=9", 400),
                         ("/events?since=last+week", 400), ("/dyads/CHN/PHL?by=decade", 400),
                         ("/dyads/CHN/PHL?period=May", 400), ("/dyads/CHN/PHL?by=week&period=2025-W60", 400),
                         ("/dyads/CHN/PHL?metric=max", 400), ("/articles/0000", 404),
                         ("/dyads/CHN", 404)]:
        response = sample.get(path)
        assert response.status_code == status, path
        assert response.headers["content-type"].startswith("text/html"), path
        assert '<p class="error">' in response.text and "Traceback" not in response.text
    browser_404 = sample.get("/no-such-page", headers={"Accept": "text/html"})
    assert browser_404.status_code == 404 and "there is no page at /no-such-page" in browser_404.text
    assert sample.get("/api/no-such-route").json()["error"]["status"] == 404  # the API keeps JSON


@pytest.mark.parametrize("value", INJECTIONS)
def test_pages_injection_strings_in_every_parameter_change_nothing(sample, value):
    total = sample.get("/api/events", params={"page_size": 1}).json()["total"]
    segment = quote(value, safe="")
    requests = [("/events", {name: value}) for name in
                ("actor", "country", "code", "quad_class", "since", "until", "q", "page")]
    requests += [("/dyads/CHN/PHL", {name: value}) for name in ("by", "period", "metric", "page")]
    requests += [(f"/dyads/{segment}/PHL", {}), (f"/dyads/CHN/{segment}", {}), (f"/actors/{segment}", {}),
                 (f"/actors/CHN?page={segment}", {}), (f"/articles/{segment}", {}), ("/", {"q": value})]
    for path, params in requests:
        response = sample.get(path, params=params)
        assert response.status_code in (200, 400, 404), (path, params)
        assert response.headers["content-type"].startswith("text/html"), (path, params)
        if path == "/events" and response.status_code == 200:
            assert "No stored event matches these filters" in response.text, (path, params)
    assert sample.get("/api/events", params={"page_size": 1}).json()["total"] == total


def test_pages_empty_store_says_how_to_ingest(tmp_path):
    with TestClient(create_app(tmp_path / "empty.duckdb")) as client:
        page = client.get("/").text
        assert "No events stored yet" in page and "detente ingest" in page
        assert "No stored event matches" in client.get("/events").text
        assert "No stored event between CHN and PHL" in client.get("/dyads/CHN/PHL").text


def test_pages_highlight_marks_overlapping_spans_and_escapes():
    text = 'A "<b>" hit B.'
    event = {"offsets": {"sentence": [0, 14], "source": [0, 1], "trigger": [8, 11], "target": [12, 13]}}
    same_target = {"offsets": {"sentence": [0, 14], "source": [12, 13], "trigger": [2, 11],
                               "target": [0, 1]}}
    marked = str(highlight(text, [event, same_target]))
    assert "<b>" not in marked and "&lt;b&gt;" in marked
    assert '<mark class="hl hl-trigger" data-ev="0 1">hit</mark>' in marked
    assert '<mark class="hl hl-source hl-target" data-ev="0 1">A</mark>' in marked
    broken = {"offsets": {"trigger": [10, 99], "source": [5, 2], "sentence": "x"}}
    assert str(highlight(text, [broken])) == 'A &#34;&lt;b&gt;&#34; hit B.'


def test_pages_charts_escape_labels_and_link_periods():
    svg = bar_chart(["<p>", "2025-06"], [Series("a&b", "q1", [1, 2])], title="T<", links=["/x?a=1&b=2", "/y"])
    assert "<p>" not in svg and "&lt;p&gt;" in svg and "a&amp;b" in svg
    assert 'href="/x?a=1&amp;b=2" data-period="&lt;p&gt;"' in svg
    line = line_chart(["1", "2", "3"], [Series("g", "ab", [1.0, None, -2.0])], title="t", y_label="y")
    assert line.count("<circle") == 2 and '<polyline class="line ab"' in line
