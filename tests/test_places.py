"""Places: gazetteer lookups, toponym resolution in context, metonyms and event locations.

The sentences here were written for these tests (the gold set under tests/gold-places only
measures the resolver).
"""

from __future__ import annotations

import pytest

from detente.model import Article
from detente.pipeline.coder import Coder
from detente.places.evaluation import haversine_km
from detente.places.gazetteer import load_gazetteer


@pytest.fixture(scope="module")
def coder() -> Coder:
    coder = Coder()
    coder.setup()
    return coder


def _places(coder: Coder, text: str) -> dict[str, tuple[str, str, bool]]:
    coded = coder.code_article(Article(id="t", text=text))
    for mention in coded.places:  # offsets point at the words
        assert text[mention.span.start:mention.span.end] == mention.span.text
    return {m.span.text: (m.place.country, m.place.feature, m.actor) for m in coded.places}


def test_gazetteer_knows_old_spellings_and_curated_islands():
    gazetteer = load_gazetteer()
    assert [p.name for p in gazetteer.candidates("Kiev")] == ["Kyiv"]
    iturup = gazetteer.candidates("Iturup")[0]
    assert (iturup.country, iturup.countries, iturup.feature) == ("RUS", ("JPN",), "island")
    assert gazetteer.candidates("Senkakus")[0].countries == ("CHN", "TWN")


def test_places_paris_texas_by_apposition_and_paris_france_by_population(coder):
    assert _places(coder, "Paris, Texas, held a parade.")["Paris"][0] == "USA"
    assert _places(coder, "Thousands marched in Paris on Saturday.")["Paris"][0] == "FRA"


def test_places_georgia_is_the_country_unless_the_story_is_in_the_us(coder):
    assert _places(coder, "Protests spread across Georgia after the vote.")["Georgia"][:2] == \
        ("GEO", "country")
    us = _places(coder, "Storms hit Georgia as officials in Atlanta opened shelters.")
    assert us["Georgia"][:2] == ("USA", "admin")


def test_places_tripoli_follows_the_article_country(coder):
    assert _places(coder, "Clashes broke out in Tripoli.")["Tripoli"][0] == "LBY"
    lebanon = _places(coder, "Lebanese troops deployed in Tripoli after clashes in Beirut.")
    assert lebanon["Tripoli"][0] == "LBN"


def test_places_common_words_and_first_names_are_not_places(coder):
    found = _places(coder, "Nice work, said Jordan Bardella. Reading the report, Mr Ng agreed.")
    assert not {"Nice", "Jordan", "Reading"} & set(found)


def test_metonym_capital_as_actor_is_not_a_location(coder):
    text = "Beijing warned Manila over the drills."
    coded = coder.code_article(Article(id="t", text=text))
    assert {m.span.text: m.actor for m in coded.places} == {"Beijing": True, "Manila": True}
    assert coded.events and all(e.location is None for e in coded.events)


def test_event_location_clashes_in_donetsk_from_the_clause(coder):
    text = "Russian troops clashed with Ukrainian forces in Donetsk on Tuesday."
    events = coder.code_article(Article(id="t", text=text)).events
    assert events
    location = events[0].location
    assert location is not None and location.basis == "clause"
    assert (location.place.name, location.place.country) == ("Donetsk", "UKR")
    assert text[location.span.start:location.span.end] == "Donetsk"
    assert haversine_km(location.place.lat, location.place.lon, 48.0, 37.8) < 25


def test_event_location_falls_back_to_the_dateline(coder):
    text = "KYIV, May 14 (Detente Wire) - Russia accused Ukraine of shelling a convoy."
    events = coder.code_article(Article(id="t", text=text)).events
    assert events
    location = events[0].location
    assert location is not None and location.basis == "dateline"
    assert location.place.country == "UKR" and text[location.span.start:location.span.end] == "KYIV"


def test_curated_island_in_an_event_clause(coder):
    text = "Japan protested to Russia over military drills on Iturup."
    events = coder.code_article(Article(id="t", text=text)).events
    assert events and events[0].location is not None
    place = events[0].location.place
    assert (place.name, place.country, place.countries) == ("Iturup", "RUS", ("JPN",))


def test_places_city_named_for_its_region(coder):
    found = _places(coder, "Drones struck a depot in the Belgorod region overnight.")
    assert found["Belgorod region"][:2] == ("RUS", "admin")


def test_locations_do_not_change_which_events_are_coded(coder):
    text = "Russia's army attacked Ukrainian troops near Kharkiv."
    events = coder.code_article(Article(id="t", text=text)).events
    assert [(e.source.code, e.code, e.target.code) for e in events] == [("RUSMIL", "190", "UKRMIL")]
    assert events[0].to_record()["location"]["name"] == "Kharkiv"
