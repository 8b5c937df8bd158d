"""Small places from the countrystatecity-countries package (places/more_towns.py)."""

from __future__ import annotations

import pytest

from detente.places.gazetteer import load_gazetteer
from detente.places.more_towns import _NOT_A_TOWN


@pytest.mark.parametrize("name", ["Barskiy Rayon", "Distrito de Changuinola", "Eniwa-shi",
                                  "Caico/Millet", "Cainza Campo 3", "GovindapuramChilakaluripetGuntur",
                                  "Beidou Township"])
def test_more_towns_leaves_out_divisions_and_odd_forms(name):
    assert _NOT_A_TOWN.search(name)


@pytest.mark.parametrize("name", ["Utqiagvik", "Al Ghaydah", "Pont-Sondé", "Saint Catherine"])
def test_more_towns_keeps_town_names(name):
    assert not _NOT_A_TOWN.search(name)


def test_gazetteer_has_villages_and_renamed_towns_geonames_lacks():
    gazetteer = load_gazetteer()
    town = gazetteer.candidates("Utqiagvik")[0]  # Barrow's name since 2016
    assert (town.country, town.admin1, town.source) == ("USA", "Alaska", "town")
    assert town.lat > 71
