"""Where stored events happened: places aggregated from event locations, the map command and chart."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from detente.analysis import event_places
from detente.cli import app
from detente.errors import InputError
from detente.model import Location, Place, Span
from detente.outlines import country_outlines
from detente.plots import plot_map
from detente.store import Store
from tests.conftest import make_article, make_event

DONETSK = Place("Donetsk", "UKR", "Donetsk Oblast", 48.0159, 37.8029, "city")
KYIV = Place("Kyiv", "UKR", "Kyiv City", 50.4501, 30.5234, "city")
SEA = Place("South China Sea", "", "", 12.0, 113.0, "sea", countries=("CHN", "PHL", "VNM"))


def at(place: Place, index: int, **changes: object):
    return make_event(sentence_index=index, location=Location(place, Span(0, 7, "Beijing"), "clause"),
                      **changes)


@pytest.fixture()
def db(tmp_path):
    path = tmp_path / "events.duckdb"
    events = [at(DONETSK, 0, code="190", quad_class=4, goldstein=-10.0),
              at(DONETSK, 1, code="193", quad_class=4, goldstein=-10.0),
              at(DONETSK, 2, code="036", quad_class=1, goldstein=4.0, source="RUS", target="UKR"),
              at(KYIV, 3, code="042", quad_class=1, goldstein=1.9, source="USA", target="UKRGOV"),
              at(SEA, 4, code="172", quad_class=4, goldstein=-7.0),
              make_event(sentence_index=5, code="111")]  # no location: not on the map
    with Store.open(path) as store:
        store.add(make_article(), events)
    return path


def test_event_places_count_events_per_place_by_quad_class(db):
    with Store.open(db, read_only=True) as store:
        places = event_places(store)
    assert [(p.name, p.events, p.quad1, p.quad4) for p in places] == [
        ("Donetsk", 3, 1, 2), ("Kyiv", 1, 1, 0), ("South China Sea", 1, 0, 1)]
    assert places[0].goldstein_mean == pytest.approx(-16 / 3)
    assert (places[2].country, places[2].feature) == ("", "sea")


def test_event_places_take_the_event_filters(db):
    with Store.open(db, read_only=True) as store:
        assert [p.name for p in event_places(store, actor="USA")] == ["Kyiv"]
        assert [p.name for p in event_places(store, quad_class=4)] == ["Donetsk", "South China Sea"]
        assert [p.name for p in event_places(store, code="19", top=1)] == ["Donetsk"]
        assert event_places(store, country="' OR 1=1 --") == []
        with pytest.raises(InputError, match="quad class"):
            event_places(store, quad_class=7)


def test_country_outlines_come_from_the_installed_package():
    outlines = country_outlines()
    assert {"UKR", "CHN", "PHL", "USA", "BRA"} <= set(outlines)
    lons = [lon for ring in outlines["UKR"] for lon, _ in ring]
    lats = [lat for ring in outlines["UKR"] for _, lat in ring]
    assert 21 < min(lons) < 23 and 39 < max(lons) < 41 and 44 < min(lats) < 46


@pytest.mark.parametrize(("name", "magic"), [("map.png", b"\x89PNG"), ("map.svg", b"<?xml")])
def test_plot_map_draws_points_on_outlines(db, tmp_path, name, magic):
    with Store.open(db, read_only=True) as store:
        path = plot_map(event_places(store), tmp_path / name)
    assert path.read_bytes().startswith(magic)
    if name.endswith(".svg"):
        assert "Donetsk" in path.read_text()


def test_plot_map_refuses_an_empty_map(tmp_path):
    with pytest.raises(InputError, match="no located events"):
        plot_map([], tmp_path / "map.png")


def test_cli_map_prints_places_and_writes_the_map(db, tmp_path):
    out = tmp_path / "map.png"
    result = CliRunner().invoke(app, ["map", "--db", str(db), "--plot", str(out), "--quad-class", "4"])
    assert result.exit_code == 0, result.output
    assert "Donetsk" in result.stdout and "Kyiv" not in result.stdout
    assert out.read_bytes().startswith(b"\x89PNG") and "map written" in result.stderr
    nothing = CliRunner().invoke(app, ["map", "--db", str(db), "--actor", "JPN"])
    assert nothing.exit_code == 1 and "no located events" in nothing.stderr


def test_api_places_lists_located_events_with_filters(db):
    from fastapi.testclient import TestClient

    from detente.web import create_app

    with TestClient(create_app(db)) as client:
        items = client.get("/api/places").json()["items"]
        assert [(i["name"], i["events"], i["lat"]) for i in items][0] == ("Donetsk", 3, 48.0159)
        assert [i["name"] for i in client.get("/api/places?quad_class=1").json()["items"]] == \
            ["Donetsk", "Kyiv"]
        assert client.get("/api/places?country=%27%20OR%201%3D1%20--").json()["items"] == []
        assert client.get("/api/places?top=0").status_code == 422


def test_world_map_svg_escapes_names_and_links_each_point():
    from detente.analysis import PlaceActivity
    from detente.web.maps import world_map

    hostile = PlaceActivity('<script>x</script>"', "UKR", "city", 48.0, 37.8, 2, 0, 0, 0, 2, -10.0)
    calm = PlaceActivity("Kyiv", "UKR", "city", 50.45, 30.52, 1, 1, 0, 0, 0, 1.0)
    svg = str(world_map([hostile, calm], link=lambda p: f"/events?place={p.name}"))
    assert "<script>" not in svg and "&lt;script&gt;" in svg
    assert svg.count("<circle") == 2 and 'class="point q4"' in svg and 'class="point q1"' in svg
    assert 'cy="-48"' in svg and 'cx="37.8"' in svg  # y is minus the latitude
    assert svg.count('class="land"') > 170  # every country's outline is drawn


def test_event_filter_place_keeps_the_events_at_that_place(db):
    with Store.open(db, read_only=True) as store:
        assert [e["code"] for e in store.events(place="Donetsk")] == ["190", "193", "036"]
        assert store.events(place="Donetsk' OR 1=1 --") == []


def test_map_page_draws_the_places_and_links_to_their_events(db):
    from fastapi.testclient import TestClient

    from detente.web import create_app

    with TestClient(create_app(db)) as client:
        page = client.get("/map?quad_class=4")
        assert page.status_code == 200 and 'class="map"' in page.text
        assert page.text.count("<circle") == 2  # Donetsk and the sea; Kyiv has no conflict
        assert 'href="/events?quad_class=4&amp;place=Donetsk"' in page.text
        events = client.get("/events?quad_class=4&place=Donetsk")
        assert events.status_code == 200 and events.text.count('<tr class="q4">') == 2
        assert 'name="place" value="Donetsk"' in events.text
        assert client.get("/map?actor=JPN").status_code == 200  # no places: an empty map
        assert "No located event" in client.get("/map?actor=JPN").text
        assert client.get("/map?quad_class=9").status_code == 400
