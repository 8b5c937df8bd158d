"""Where a place the gazetteer lacks stands when the copy says how far and which way it lies
from a place it names (pipeline/offsets.py)."""

from __future__ import annotations

import pytest

from detente.model import Article
from detente.pipeline.offsets import moved, offset_before
from detente.places.names import haversine_km


@pytest.mark.parametrize("text, expected", [
    ("Tazrouk, a desert town 40 km south of Zagora", (40.0, 180.0)),
    ("Tazrouk, a village 25 km (15 miles) north-east of Zagora", (25.0, 45.0)),
    ("Tazrouk, some 10 miles west of Zagora", (16.09, 270.0)),
    ("Tazrouk, a village south of Zagora", None),  # no distance: it stands at Zagora
    ("Tazrouk, 1,000 km south of Zagora", None),  # too far for a point to mean anything
])
def test_offset_before_reads_distance_and_way(coder, text, expected):
    doc = coder.splitter.tokenize(text)
    anchor = [t.text for t in doc].index("Zagora")
    got = offset_before(doc, 1, anchor)
    assert (None if got is None else (round(got[0], 2), got[1])) == expected


def test_moved_keeps_the_distance():
    lat, lon = moved(30.33, -5.84, 40.0, 180.0)
    assert abs(haversine_km(30.33, -5.84, lat, lon) - 40.0) < 0.01 and lat < 30.33


def test_a_place_the_gazetteer_lacks_stands_where_the_copy_puts_it(coder):
    coded = coder.code_article(Article(id="t", text=(
        "Floods hit Morocco on Sunday. Tazrouk, a desert town 40 km south of Zagora, was cut off.")))
    places = {m.span.text: m.place for m in coded.places}
    town, anchor = places["Tazrouk"], places["Zagora"]
    assert 35 < haversine_km(town.lat, town.lon, anchor.lat, anchor.lon) < 45
    assert town.lat < anchor.lat
