"""Places: second-level divisions (counties, departments, provinces) in the gazetteer.

The sentences here were written for these tests.
"""

from __future__ import annotations

import pytest

from detente.model import Article
from detente.pipeline.coder import Coder
from detente.places.divisions import second_level_name
from detente.places.gazetteer import load_gazetteer


def _places(coder: Coder, text: str) -> dict[str, tuple[str, str, str]]:
    coded = coder.code_article(Article(id="t", text=text))
    return {m.span.text: (m.place.country, m.place.feature, m.place.admin1) for m in coded.places}


def test_places_english_county_by_its_bare_name(coder):
    found = _places(coder, "Floods hit villages across Lincolnshire after a week of rain.")
    assert found["Lincolnshire"][:2] == ("GBR", "admin")


@pytest.mark.parametrize("text", [
    "Police in Orange, a town in the Vaucluse department of southern France, arrested two men "
    "after a night of unrest.",
    # without the country, the department alone moves Orange from New South Wales
    "Police in Orange, a town in the Vaucluse department, arrested two men.",
])
def test_places_department_anchors_the_town_in_it(coder, text):
    found = _places(coder, text)
    assert found["Vaucluse department"][:2] == ("FRA", "admin")
    assert found["Orange"][:2] == ("FRA", "city")


def test_places_us_county_by_its_full_name(coder):
    found = _places(coder, "Officials in Cook County, Illinois, opened cooling centres as the "
                           "heat wave went on.")
    assert found["Cook County"] == ("USA", "admin", "Illinois")


@pytest.mark.parametrize("text, name, country", [
    ("Landslides buried homes in Zambales province overnight.", "Zambales province", "PHL"),
    ("Storms cut power across the Luxembourg province of Belgium.", "Luxembourg province", "BEL"),
    ("Wildfires spread through the Cosenza province on Tuesday.", "Cosenza province", "ITA"),
    ("Farmers in Dorset said the harvest was the worst in a decade.", "Dorset", "GBR"),
])
def test_places_second_level_division_with_or_without_its_type_word(coder, text, name, country):
    assert _places(coder, text)[name][:2] == (country, "admin")


def test_places_large_county_keeps_a_name_a_big_city_holds_abroad(coder):
    # Kent, Washington (127,000 people) does not take the name from England's county when the
    # story is British; a four-letter name counts for a county of over a million
    found = _places(coder, "Coastguards in Kent said 300 people had been brought ashore, the "
                           "Home Office in London said.")
    assert found["Kent"][:2] == ("GBR", "admin")


def test_places_county_that_is_a_first_level_division_by_its_bare_name(coder):
    # Liberia's counties are its first-level divisions: "Grand Gedeh" alone is the county
    found = _places(coder, "Aid workers reached Zwedru, the capital of Liberia's Grand Gedeh "
                           "county, after the rains washed out the road.")
    assert found["Grand Gedeh"][:2] == ("LBR", "admin")
    assert found["Liberia"][0] == "LBR"


def test_places_english_metropolitan_county_from_the_curated_list(coder):
    # the town file files Bolton under its borough; the county news copy names is the team's
    found = _places(coder, "Police in Bolton, Greater Manchester, arrested six men after a "
                           "warehouse fire.")
    assert found["Greater Manchester"][:2] == ("GBR", "admin")
    assert found["Bolton"][:2] == ("GBR", "city")


def test_places_equal_evidence_goes_to_the_more_populous_place(coder):
    # Liberia's Maryland county scores like the US state on its own; the state is far larger
    found = _places(coder, "Hail damaged orchards across Maryland on Sunday.")
    assert found["Maryland"][:2] == ("USA", "admin")


def test_gazetteer_first_level_division_stays_the_one_a_city_lies_in():
    # Vaucluse shares Provence-Alpes-Cote d'Azur as its admin1; the division of that name is
    # still the first-level one
    division = load_gazetteer().in_admin("FRA", "Provence-Alpes-Cote d'Azur")
    assert division is not None and division.population > 1_000_000


def test_gazetteer_second_level_names_stay_conservative():
    gazetteer = load_gazetteer()

    def second(name: str) -> list[str]:
        return [p.country for p in gazetteer.candidates(name) if p.source == "geonames2"]

    assert second("Jackson") == []  # US counties only as "X County"
    assert "USA" in second("Jackson County")
    assert second("Cosenza") == []  # the city's, not the province's
    assert second("Limburg") == []  # a first-level division's name elsewhere (Netherlands)
    assert second("Ain") == []  # a short name is another word first ("Ain Issa")
    # but a four-letter department pycountry lists is kept
    assert second("Cher") == ["FRA"]


def test_build_second_level_name_drops_type_words_in_several_languages():
    assert second_level_name("Departement d'Indre-et-Loire") == ("Indre-et-Loire", "Department")
    assert second_level_name("Provincia di Cosenza") == ("Cosenza", "Province")
    assert second_level_name("Provincie Antwerpen") == ("Antwerpen", "Province")
    assert second_level_name("Province of Samar") == ("Samar", "Province")
    assert second_level_name("Sir Powys") == ("Powys", "")
    assert second_level_name("Caerphilly County Borough") == ("Caerphilly", "County Borough")
    assert second_level_name("Baldwin County") == ("Baldwin", "County")
    assert second_level_name("Lincolnshire") == ("Lincolnshire", "")


@pytest.mark.parametrize(("division", "city"), [
    ("Gezira", "Wad Madani"),  # the town file's "Al Jazirah"
    ("North Kordofan", "El Obeid"),  # its "Shamal Kurdufan"
    ("Free State", "Bloemfontein"),  # its "Orange Free State"
])
def test_gazetteer_iso_division_is_the_town_files_division_its_towns_lie_in(division, city):
    # no name matches, but the package's towns of the ISO subdivision lie in that division
    gazetteer = load_gazetteer()
    (place,) = [p for p in gazetteer.candidates(division) if p.feature == "admin"]
    town = max(gazetteer.candidates(city), key=lambda p: p.population)
    assert place.source == "geonames" and place.admin1 == town.admin1


def test_places_a_city_in_an_iso_division_stands_at_the_city(coder):
    coded = coder.code_article(Article(id="t", text=(
        "Fighters entered Hasaheisa, north-west of Wad Madani in Gezira state, residents said.")))
    place = next(m.place for m in coded.places if m.span.text == "Wad Madani")
    assert (place.country, place.feature, place.source) == ("SDN", "city", "geonames")


def test_a_small_towns_name_with_a_division_word_is_the_district_of_the_story(coder):
    # the town file has Rolpa only as a small town: "the Rolpa district" is the district there
    coded = coder.code_article(Article(id="t", text=(
        "DHANGADHI, Nepal, Aug 2 (Wire) - A strong earthquake shook the Rolpa district.")))
    rolpa = next(m.place for m in coded.places if m.span.text.startswith("Rolpa"))
    assert (rolpa.country, rolpa.feature) == ("NPL", "admin")


def test_a_plural_division_word_after_a_list_makes_each_name_a_division(coder):
    coded = coder.code_article(Article(id="t", text=(
        "DHANGADHI, Nepal, Aug 2 (Wire) - Rescuers reached villages in Kalikot and Mugu "
        "districts on Sunday.")))
    found = {m.span.text.split()[0]: m.place for m in coded.places}
    assert (found["Kalikot"].country, found["Kalikot"].feature) == ("NPL", "admin")
    assert (found["Mugu"].country, found["Mugu"].feature) == ("NPL", "admin")


def test_a_parish_is_a_division_by_its_bare_name_and_its_short_saint(coder):
    found = _places(coder, "Floods cut roads across St Philip parish in Barbados on Tuesday, "
                           "officials said.")
    assert found["St Philip"][:2] == ("BRB", "admin")


def test_an_estonian_county_by_its_english_name_without_the_land_ending(coder):
    # the packages write "Lääne-Virumaa"; English copy drops the "-maa"
    found = _places(coder, "Police in Lääne-Viru county closed two roads after the storm.")
    assert found["Lääne-Viru"][:2] == ("EST", "admin")
