"""The dashboard in a real browser (chromium): each page renders, the charts click, nothing
leaves 127.0.0.1, and the page scripts run under the CSP without an error."""

from __future__ import annotations

import re

import pytest

pytestmark = pytest.mark.browser


def open_page(page, url: str) -> None:
    page.console = []
    page.on("console", lambda message: message.type == "error" and page.console.append(message.text))
    response = page.goto(url)
    assert response is not None and response.status == 200, url


def assert_clean(page) -> None:
    """No request left the machine, no script failed, the CSP refused nothing."""
    assert page.offsite == []
    assert page.errors == []
    assert page.console == []


def test_browser_overview_shows_tables_and_trend_chart(page, live_server, screenshot):
    open_page(page, live_server + "/")
    assert page.locator("h1").inner_text() == "Overview"
    chart = page.locator("svg.chart").first
    assert chart.is_visible() and chart.bounding_box()["width"] > 600
    assert page.locator("svg.chart rect.bar").count() > 10
    dyads = page.locator("section", has_text="Most active dyads").locator("tbody tr")
    assert dyads.count() == 10 and "/dyads/" in dyads.first.locator("a").get_attribute("href")
    assert page.locator("section", has_text="Top actors").locator("tbody tr").count() == 12
    assert page.locator("table.events tbody tr").count() == 12
    screenshot(page, "overview")
    assert_clean(page)


def test_browser_event_filter_form_lists_matching_events(page, live_server, screenshot):
    open_page(page, live_server + "/events")
    page.fill("input[name=country]", "phl")
    page.select_option("select[name=quad_class]", "4")
    page.click("form.filters button")
    page.wait_for_url(re.compile(r"country=phl"))
    rows = page.locator("table.events tbody tr")
    assert rows.count() > 0
    assert all(name == "q4" for name in rows.evaluate_all("rows => rows.map(r => r.className)"))
    assert page.input_value("input[name=country]") == "PHL"
    screenshot(page, "events")
    assert_clean(page)


def test_browser_dyad_chart_click_filters_the_event_list(page, live_server, screenshot):
    open_page(page, live_server + "/dyads/CHN/PHL")
    assert page.locator("svg.chart").count() == 2
    before = page.locator("#events table.events tbody tr").count()
    busiest = page.locator("svg.chart").first.locator("a[data-period]").evaluate_all(
        "links => links.map(a => [a.dataset.period, a.querySelectorAll('rect.bar').length])")
    period = max(busiest, key=lambda item: item[1])[0]
    page.locator(f'svg.chart >> nth=0 >> a[data-period="{period}"] rect.bar').first.click()
    page.wait_for_selector(f'#events[data-period="{period}"]')
    dates = page.locator("#events td.date").all_inner_texts()
    assert dates and all(date.startswith(period) for date in dates)
    assert 0 < len(dates) < before
    assert f"period={period}" in page.url
    assert page.locator(f'svg.chart a.selected[data-period="{period}"]').count() == 2
    screenshot(page, "dyad")
    assert_clean(page)


def test_browser_article_highlights_actors_and_triggers(page, live_server, screenshot):
    open_page(page, live_server + "/dyads/CHN/PHL")
    page.locator("#events table.events a", has_text="read").first.click()
    page.wait_for_url(re.compile(r"/articles/"))
    assert page.locator(".body mark.hl-trigger").count() > 0
    assert page.locator(".body mark.hl-source").count() > 0
    assert page.locator(".body mark.hl-target").count() > 0
    first = page.locator("ol.evidence li").first
    trigger = first.locator("dd").first.inner_text()
    first.hover()
    lit = page.locator(".body mark.hl-trigger.active")
    assert lit.count() >= 1 and trigger in " ".join(lit.all_inner_texts())
    screenshot(page, "article")
    assert_clean(page)


def test_browser_code_a_text_shows_events_with_highlights(page, live_server, screenshot):
    open_page(page, live_server + "/code")
    page.fill("textarea[name=text]", "Norway expelled two Russian diplomats on Friday. "
                                     "Japan protested to China over the drills.")
    page.fill("input[name=date]", "2025-03-07")
    page.click("form.code-form button")
    page.wait_for_selector("section.results")
    assert page.locator("section.results h2").inner_text() == "2 events"
    triggers = page.locator(".body mark.hl-trigger").all_inner_texts()
    assert triggers == ["expelled", "protested"]
    assert page.locator("ol.evidence li").count() == 2
    assert "Norway" in page.input_value("textarea[name=text]")
    screenshot(page, "code")
    assert_clean(page)


def test_browser_actor_partners_lead_to_the_dyad(page, live_server, screenshot):
    open_page(page, live_server + "/actors/CHN")
    bars = page.locator("svg.chart a")
    assert bars.count() >= 5 and page.locator("svg.chart rect.bar.q1").count() > 0
    screenshot(page, "actor")
    bars.first.locator("rect.bar").first.click()
    page.wait_for_url(re.compile(r"/dyads/CHN/PHL$"))
    assert page.locator("h1").inner_text() == "CHN and PHL"
    assert_clean(page)


def test_browser_map_draws_outlines_and_points_that_list_their_events(page, live_server, screenshot):
    open_page(page, live_server + "/map")
    world = page.locator("svg.map")
    assert world.is_visible() and world.bounding_box()["width"] > 600
    assert page.locator("svg.map path.land").count() > 170
    points = page.locator("svg.map circle.point")
    assert points.count() > 3
    screenshot(page, "map")
    top = page.locator("svg.map a[data-place]").last  # the smallest point, drawn over the rest
    name = top.get_attribute("data-place")
    top.locator("circle").click()
    page.wait_for_url(re.compile(r"/events\?.*place="))
    rows = page.locator("table.events tbody tr")
    assert rows.count() > 0
    assert set(page.locator("table.events td.place").all_inner_texts()) == {name}
    assert_clean(page)


def test_browser_api_docs_render_offline(page, live_server, screenshot):
    open_page(page, live_server + "/docs")
    page.wait_for_selector(".opblock-summary-path")
    paths = page.locator(".opblock-summary-path").all_inner_texts()
    assert "/api/events" in paths and "/api/places" in paths
    screenshot(page, "docs")
    assert page.offsite == [] and page.errors == []
