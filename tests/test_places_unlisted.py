"""Places the gazetteer lacks by the name the copy uses: towns under another spelling
(places/spellings.py), and features whose last word says what they are."""

from __future__ import annotations

import pickle
from concurrent.futures import ThreadPoolExecutor

import pytest

from detente.model import Article
from detente.pipeline.coder import Coder
from detente.places.evaluation import haversine_km
from detente.places.spellings import Spellings, consonant_key, write_spellings, written_key


def _place(coder: Coder, text: str, name: str):
    coded = coder.code_article(Article(id="t", text=text))
    return next(m.place for m in coded.places if m.span.text == name)


def test_spelling_keys_join_transliterations_of_one_name():
    assert written_key("Talat N'Yaaqoub") == "talatnyaaqoub"
    assert consonant_key("Deir el-Zour") == consonant_key("Deir ez-Zor") == "drzr"
    assert consonant_key("Tal Rifaat") == consonant_key("Tall Rif\u2018at")
    assert consonant_key("Marsa Matrouh") == consonant_key("Mars\u00e1 Ma\u0163r\u016b\u1e29")
    assert consonant_key("Kharkiv") != consonant_key("Kherson")
    # a glide after a vowel, written "y" or "i"
    assert written_key("Zhaysan") == written_key("Zhaisan")
    assert written_key("Maykop") == written_key("Maikop")


def _spellings(tmp_path, *towns: tuple[str, str, str, float, float, int]) -> Spellings:
    """A spellings file of (spelling, name, admin-1, lat, lon, population) towns in Syria."""
    tmp_path.mkdir()
    rows = []
    for spelling, name, admin1, lat, lon, people in towns:
        rows.append(((name, admin1, lat, lon, people, ""),
                     [("SYR", "=" + written_key(spelling), ""),
                      ("SYR", consonant_key(spelling), written_key(spelling))]))
    write_spellings(tmp_path / "spellings.sqlite", rows)
    return Spellings(tmp_path / "spellings.sqlite")


def test_spelled_like_takes_the_one_town_or_one_clearly_larger(tmp_path):
    town = ("Qariyat Alif", "Qaryat Alif", "North", 30.0, 40.0, 9000)
    spellings = _spellings(tmp_path / "one", town)
    assert spellings.spelled_like("SYR", "Qariyat Alif").lat == 30.0
    assert spellings.spelled_like("SYR", "Qariat Alif").source == "spelling"  # by its consonants
    assert spellings.spelled_like("IRQ", "Qariyat Alif") is None
    # the consonants agree but too few letters do
    assert spellings.spelled_like("SYR", "Qorootoo Oolof") is None
    namesake = ("Qariyat Alif", "Qaryat Alif", "South", 33.0, 43.0, 5000)
    assert _spellings(tmp_path / "two", town, namesake).spelled_like("SYR", "Qariat Alif") is None
    small = ("Qariyat Alif", "Qaryat Alif", "South", 33.0, 43.0, 300)
    assert _spellings(tmp_path / "three", town, small).spelled_like("SYR", "Qariat Alif").lat == 30.0
    # a short name is only matched as written: four consonants name too many towns
    assert _spellings(tmp_path / "four", ("Bint", "Bint", "", 30.0, 40.0, 900)).spelled_like(
        "SYR", "Bant") is None


@pytest.mark.parametrize(("text", "name", "country", "point"), [
    ("Mortar shells hit a bakery in Deir el-Zour on Monday, killing four people, and fighting "
     "spread to villages along the Euphrates in eastern Syria, activists said.",
     "Deir el-Zour", "SYR", (35.34, 40.14)),
    ("Drones struck a depot near Azaz and Tal Rifaat in northern Syria overnight.",
     "Tal Rifaat", "SYR", (36.47, 37.09)),
    ("Hundreds of lorries queued at Salloum on Egypt's border with Libya, and customs officers "
     "in Marsa Matrouh said the delays would last a week.", "Marsa Matrouh", "EGY", (31.35, 27.24)),
])
def test_places_a_town_under_another_spelling_stands_at_the_town(coder, text, name, country, point):
    place = _place(coder, text, name)
    assert place.country == country
    assert haversine_km(place.lat, place.lon, *point) < 10


def test_places_another_spelling_far_from_the_story_is_not_taken(coder):
    # a Wisconsin village has "Hunt" among its other names; this Hunt is up the valley
    text = ("KERRVILLE, Texas, June 3 (Wire) - Flood water swept away cabins in Hunt before dawn, "
            "and the river rose through the valley down to Kerrville, officials said.")
    place = _place(coder, text, "Hunt")
    assert place.country == "USA"
    assert haversine_km(place.lat, place.lon, 30.05, -99.14) < 100


def test_places_another_spelling_in_the_country_of_a_people_its_sentence_names(coder):
    # the story's places are all Dominican; the apposition's people says whose town it is
    text = ("PEDERNALES, Dominican Republic, May 9 (Wire) - Border guards turned back two lorries "
            "on Friday. Fishermen from Anse-à-Pitres, the Haitian town on the far bank, said their "
            "catch had gone unsold.")
    place = _place(coder, text, "Anse-à-Pitres")
    assert place.country == "HTI"
    assert haversine_km(place.lat, place.lon, 18.05, -71.75) < 10


@pytest.mark.parametrize(("text", "name", "kind", "country"), [
    # the last word says it is water, though no locative governs it and "Bay" alone is a word
    ("Pack ice in Ungava Bay cleared a month early this year, hunters in Nunavik said.",
     "Ungava Bay", "sea", "CAN"),
    # the first word alone is an English town: "Exmouth Gulf" is no Exmouth
    ("Prawn trawlers sheltered in Exmouth Gulf as the cyclone passed, Western Australian "
     "officials said.", "Exmouth Gulf", "sea", "AUS"),
])
def test_places_a_name_that_ends_in_its_kind_is_a_feature_the_gazetteer_lacks(coder, text, name, kind,
                                                                             country):
    place = _place(coder, text, name)
    assert (place.feature, place.country) == (kind, country)


@pytest.mark.parametrize(("text", "river", "country"), [
    ("Heavy rain fell across Bangladesh's north-east. The Kushiyara burst its banks near "
     "Sylhet, and thousands of families left their homes.", "Kushiyara", "BGD"),
    ("The Kushiyara in north-eastern Bangladesh rose above danger level on Sunday.",
     "Kushiyara", "BGD"),
])
def test_places_a_bare_name_that_floods_is_a_river(coder, text, river, country):
    place = _place(coder, text, river)
    assert (place.feature, place.country) == ("sea", country)


def test_places_a_bare_name_that_only_rises_is_no_river(coder):
    coded = coder.code_article(Article(id="t", text="The Sensex rose 300 points in Mumbai on Monday, "
                                                     "and the Nikkei rose above its record in Tokyo."))
    assert {m.span.text for m in coded.places} == {"Mumbai", "Tokyo"}


def test_spellings_travel_to_a_worker_without_their_connection(tmp_path):
    spellings = _spellings(tmp_path / "one", ("Qariyat Alif", "Qaryat Alif", "North", 30.0, 40.0, 9000))
    assert spellings.spelled_like("SYR", "Qariyat Alif") is not None  # the connection is open
    copy = pickle.loads(pickle.dumps(spellings))
    assert copy.spelled_like("SYR", "Qariat Alif").lat == 30.0


def test_places_another_spelling_of_a_citys_own_name_before_a_different_name(coder):
    # geonames gives "Sloviansk" to Slovyansk and to Nikopol, a city of the same size
    place = _place(coder, "Shelling damaged a school in Sloviansk, officials in Ukraine said.", "Sloviansk")
    assert place.name == "Slovyansk"


def test_places_a_name_a_settlement_word_apposes_is_a_town_the_gazetteer_lacks(coder):
    text = ("Rebels advanced on Uvira after seizing Kamanyola, a town on the border with Rwanda, "
            "and Mbeki Tunda, a town councillor, said shops had shut.")
    found = {m.span.text: m.place for m in coder.code_article(Article(id="t", text=text)).places}
    assert (found["Kamanyola"].country, found["Kamanyola"].feature) == ("COD", "city")
    assert "Mbeki Tunda" not in found  # a person: the settlement word opens a compound


@pytest.mark.parametrize(("text", "name", "kind"), [
    ("Bandits in Nigeria's north-west hide in the Kamuku forest, police said.", "Kamuku", "region"),
    ("A collapse of the Gorner glacier above the Swiss village was feared, officials in Switzerland "
     "said.", "Gorner", "region"),
    ("Herders in Kenya drove cattle across the Lotikipi plains toward the last wells.", "Lotikipi",
     "region"),
    ("Troops in the Philippines pursued the gunmen into the Ligawasan Marsh.", "Ligawasan Marsh",
     "region"),
])
def test_places_a_name_a_landform_word_follows_or_ends_is_that_landform(coder, text, name, kind):
    place = _place(coder, text, name)
    assert place.feature == kind


def test_places_a_landform_is_never_a_party(coder):
    # "cut" after a name would make it a party that acts
    text = "In Iceland, lava from a fissure on the Reykjanes peninsula cut a pipeline."
    coded = coder.code_article(Article(id="t", text=text))
    mention = next(m for m in coded.places if m.span.text.startswith("Reykjanes"))
    assert not mention.actor


@pytest.mark.parametrize(("text", "river"), [
    # "Nam" alone is a common word and "Kara" a town: the river's words make the whole a river
    ("Floods in Laos killed six people after the Nam Tha overflowed in Luang Namtha province.",
     "Nam Tha"),
    ("Officials in Uzbekistan moved families away from the banks of the Kara Unkur.", "Kara Unkur"),
])
def test_places_a_name_the_words_make_a_river_is_read_whole(coder, text, river):
    assert _place(coder, text, river).feature == "sea"


def test_places_another_name_given_for_a_river_is_the_river_not_a_far_namesake(coder):
    # the gazetteer's "Labe" is a city in Guinea; here it is the river's Czech name
    text = ("Barges idled on the Elbe river, known in Czech as the Labe, as water levels fell in "
            "the Czech Republic.")
    place = _place(coder, text, "Labe")
    assert place.feature == "sea" and place.country != "GIN"


def test_places_a_doubtful_name_spelt_like_a_town_of_a_country_only_its_places_name(coder):
    # no country is named, but the dateline is a Greenland town: the airport town is Greenland's
    text = ("NUUK, Jan 9 (Wire) - The government will base two patrol aircraft at Kangerlussuaq "
            "from next year, the Danish defence ministry said.")
    assert _place(coder, text, "Kangerlussuaq").country == "GRL"


def test_places_a_name_after_a_preposition_that_opens_the_sentence(coder):
    # "In" is capitalised only because it opens the sentence: no person's title
    text = ("Floods cut roads across Nova Scotia on Sunday. In Stewiacke, north of Halifax, "
            "crews pulled drivers from their cars.")
    assert _place(coder, text, "Stewiacke").country == "CAN"


def test_places_another_spelling_on_the_shore_of_a_sea_the_story_names(coder):
    # no country is named: the sea's shores are where the town is sought
    text = "Dust from the dry bed of the Aral Sea blew over Muynak, closing its schools."
    place = _place(coder, text, "Muynak")
    assert place.country == "UZB" and place.source == "spelling"


def test_places_a_village_name_that_opens_a_longer_name_is_no_village(coder):
    # "Bulo" alone is a Philippine village; "Bulo Burte" is a Somali town spelt otherwise
    text = ("Floods swamped Beledweyne in Somalia's Hiiraan region, and villages downstream "
            "toward Bulo Burte were cut off.")
    place = _place(coder, text, "Bulo Burte")
    assert place.country == "SOM"


def test_places_a_name_ending_in_a_feature_word_needs_words_that_make_it_a_place(coder):
    # a football club, not a valley: nothing before the name says it is where things are
    coded = coder.code_article(Article(id="t", text="Inflation in Australia slowed in June. Sporting "
                                                    "Lisbon beat Red Star Valley 3-0 on Wednesday."))
    assert not any(m.span.text.startswith("Red Star") for m in coded.places)


@pytest.mark.parametrize(("text", "name", "field", "value"), [
    # a town of the story's country spelt like a name abroad: the gazetteer's "Susa" is
    # Sousse (another of its names) or an Italian village
    ("DERNA, Libya, Jan 3 (Wire) - Floodwater reached homes in Susa, east of Derna, officials said.",
     "Susa", "country", "LBY"),
    # but a big city abroad of the very name stays itself
    ("WASHINGTON, May 2 (Wire) - Climate negotiators met in Bonn on Monday, officials said.",
     "Bonn", "country", "DEU"),
    # a bare river that rises metres; a named range
    ("LAMBARENE, Gabon, Nov 8 (Wire) - The Abanga rose three metres in a week, flooding homes.",
     "Abanga", "feature", "sea"),
    ("Glaciers in the Kungey Alatau range above the lake in Kyrgyzstan are shrinking fast.",
     "Kungey Alatau", "feature", "region"),
])
def test_places_the_storys_spellings_rivers_and_ranges(coder, text, name, field, value):
    assert getattr(_place(coder, text, name), field) == value


def test_spellings_are_read_from_several_threads(tmp_path):
    spellings = _spellings(tmp_path / "one", ("Qariyat Alif", "Qaryat Alif", "North", 30.0, 40.0, 9000))
    with ThreadPoolExecutor(max_workers=4) as pool:
        found = list(pool.map(lambda _: spellings.spelled_like("SYR", "Qariat Alif"), range(40)))
    assert all(place is not None and place.lat == 30.0 for place in found)


@pytest.mark.parametrize(("text", "name", "kind", "country"), [
    ("ALMERIA, Spain, Sept 3 (Wire) - Rescuers picked up 40 people from a dinghy off Cabo de "
     "Gata on Sunday.", "Cabo de Gata", "region", "ESP"),
    ("JACMEL, Haiti, Oct 9 (Wire) - Downpours in the Massif de la Selle sent mud into the "
     "town.", "Massif de la Selle", "region", "HTI"),
])
def test_a_type_word_joined_by_a_particle_names_a_feature(coder, text, name, kind, country):
    place = _place(coder, text, name)
    assert (place.feature, place.country) == (kind, country)


@pytest.mark.parametrize("text", [
    "Gold was steady near record highs on Tuesday.",
    "Coast guard boats searched the bay overnight.",
    "Tour operators cancelled trips after the storm.",
])
def test_newsroom_words_at_a_sentence_start_are_no_places(coder, text):
    assert not coder.code_article(Article(id="t", text=text)).places


@pytest.mark.parametrize(("text", "name", "kind", "country"), [
    ("GRAND ISLAND, Nebraska, June 2 (Wire) - The Platte broke through levees south of the "
     "town overnight.", "Platte", "sea", "USA"),
    ("KANDY, Sri Lanka, Dec 1 (Wire) - Monsoon rain pushed the Mahaweli over its banks below "
     "the dam.", "Mahaweli", "sea", "LKA"),
    # a water word after a river's name is another water: the lagoon, not the river
    ("GDANSK, Poland, Aug 4 (Wire) - Border guards stopped a yacht in the Vistula Lagoon off "
     "Frombork.", "Vistula Lagoon", "sea", "POL"),
    ("TROMSO, Norway, Apr 2 (Wire) - Two skiers died in an avalanche in the Lyngen Alps.",
     "Lyngen Alps", "region", "NOR"),
])
def test_rivers_lagoons_and_ranges_the_gazetteer_lacks(coder, text, name, kind, country):
    place = _place(coder, text, name)
    assert (place.feature, place.country) == (kind, country)


def test_a_russian_ending_written_either_way_is_one_spelling(coder):
    pairs = [("Rudnyy", "Rudny"), ("Sovetskiy", "Sovetsky"), ("Hentiy", "Henty")]
    # Mongolia's Khentii ("Hentiy") keeps its ending
    assert [written_key(a) == written_key(b) for a, b in pairs] == [True, True, False]
    rudny = _place(coder, "KOSTANAY, Kazakhstan, Apr 6 (Wire) - Volunteers filled sandbags "
                          "along the Tobol in Rudny on Saturday.", "Rudny")
    assert (rudny.name, rudny.source) == ("Rudnyy", "spelling")


def test_a_town_matched_by_its_consonants_alone_lies_near_the_story(coder):
    # geonames's Olympiada, in Macedonia, shares Olympos's consonants but lies 570 km away
    text = ("KARPATHOS, Greece, Mar 3 (Wire) - A strong earthquake cracked walls in the mountain "
            "village of Olympos on Saturday, officials on Karpathos said.")
    olympos = _place(coder, text, "Olympos")
    karpathos = _place(coder, text, "Karpathos")
    assert olympos.source != "spelling"
    assert haversine_km(olympos.lat, olympos.lon, karpathos.lat, karpathos.lon) < 100


def test_an_abbreviated_saint_opens_a_water_name_and_a_lake_holds_its_villages(coder):
    text = ("YARMOUTH, Canada, Sept 3 (Wire) - Lobster boats crowded the wharves of St. Marys Bay "
            "on Tuesday.")
    assert _place(coder, text, "St. Marys Bay").feature == "sea"
    text = ("A ferry capsized on Lake Toba on Monday between Ambarita and Tuktuk, and 19 people "
            "were rescued.")
    toba = _place(coder, text, "Lake Toba")
    ambarita = _place(coder, text, "Ambarita")
    assert haversine_km(toba.lat, toba.lon, ambarita.lat, ambarita.lon) < 100


def test_a_town_name_that_bursts_its_banks_is_a_river(coder):
    # geonames has Cachoeira, a town 250 km from Itabuna, but no river of the name
    text = "ITABUNA, Brazil, Dec 27 (Wire) - The Cachoeira burst its banks in Itabuna on Monday."
    place = _place(coder, text, "Cachoeira")
    assert place.feature == "sea" and place.country == "BRA"


@pytest.mark.parametrize("text, name", [
    ("Refugees from Congo entered Burundi through the Vurenka border post on Monday.", "Vurenka"),
    ("Aid workers in Sudan said the land crossing at Vurenka was overwhelmed on Friday.", "Vurenka"),
    ("Floods hit northern Brazil. Residents of Vurenka were told to leave their homes.", "Vurenka"),
    ("Floods hit northern Brazil. The mayor of Vurenka said the water had receded.", "Vurenka"),
    ("Buses took new arrivals from South Sudan to the Vurenka transit centre in Uganda.",
     "Vurenka"),
    # a town of the town file, which the words must make a small place
    ("Fires burned across southern Portugal, and the mayor of Barrancos said the town was safe.",
     "Barrancos"),
])
def test_a_towns_people_or_its_crossing_make_a_name_a_town(coder, text, name):
    place = _place(coder, text, name)
    assert place.feature == "city"
    countries = {"Vurenka": ("BDI", "COD", "SDN", "BRA", "UGA"), "Barrancos": ("PRT",)}[name]
    assert place.country in countries


def test_a_mayor_before_a_bare_name_is_a_person(coder):
    coded = coder.code_article(Article(id="t", text="Floods hit northern Brazil. Mayor Ana Vurenka "
                                                    "said the water had receded."))
    assert [m.span.text for m in coded.places] == ["Brazil"]


@pytest.mark.parametrize("text, name, feature", [
    ("The Varrow rose to its highest level in 40 years at Launceston, and 300 homes were "
     "evacuated.", "Varrow", "sea"),
    ("Officials in Manitoba expect the Varrow to crest next week.", "Varrow", "sea"),
    ("A ship ran aground in the Varrow estuary off the Dutch coast.", "Varrow", "sea"),
    ("Elephants from the Varrow park in Sri Lanka raided paddy fields.", "Varrow", "region"),
    ("Coal trucks from the Varrow deposit in Mongolia queued at the border.", "Varrow", "region"),
    ("Fire spread through forest below the Varrow peaks in Oregon.", "Varrow", "region"),
    ("Temperatures in the Varrow Canyon reached 39 C, officials in British Columbia said.",
     "Varrow Canyon", "region"),
    ("Heavy snow closed the Varrow Pass in Lesotho on Monday.", "Varrow Pass", "region"),
    ("Fishermen in Ghana said the catch in the Bight of Varrow had halved.", "Bight of Varrow",
     "sea"),
    # the parts of a landform or a river
    ("Smoke from fires in Algeria hid the peaks of the Varrowa for two days.", "Varrowa", "region"),
    ("Rangers in India tracked the herd along the floodplain of the Varrowa.", "Varrowa", "sea"),
    ("A balloon fell over the ruins of Varrowa in Mexico on Saturday.", "Varrowa", "region"),
])
def test_a_flood_a_crest_a_park_or_a_deposit_make_a_name_a_feature(coder, text, name, feature):
    assert _place(coder, text, name).feature == feature


def test_a_rise_with_no_flood_in_its_sentence_is_no_river(coder):
    coded = coder.code_article(Article(id="t", text="The Varrow rose to its highest level in 40 "
                                                    "years on Friday as exporters gained."))
    assert not coded.places


@pytest.mark.parametrize("text, name, country", [
    # the recogniser calls these a body (ORG) or a person: after a spatial preposition a
    # one-word name the gazetteer lacks is read as a place all the same
    ("Fighters in Iraq still move through villages around Hamdiya to the west.", "Hamdiya", "IRQ"),
    ("A fire in Cyprus destroyed 40 homes around Sorini.", "Sorini", "CYP"),
    ("Rescuers in Nepal reached villages around Bhotekoshi on Sunday.", "Bhotekoshi", "NPL"),
    # and a place beside one named
    ("Farmers in Valle de Bravo and neighbouring Amanalco blocked the road in Mexico.",
     "Amanalco", "MEX"),
])
def test_a_one_word_name_after_a_spatial_preposition_outweighs_the_recogniser(coder, text, name,
                                                                              country):
    assert _place(coder, text, name).country == country


def test_a_person_after_a_list_of_places_stays_a_person(coder):
    text = ("China's ambassador to Kenya, Wu Peng, praised what he called the positive momentum "
            "in relations.")
    coded = coder.code_article(Article(id="t", text=text))
    assert "Wu Peng" not in [m.span.text for m in coded.places]


def test_the_object_of_a_verb_of_arrival_is_a_place_the_recogniser_may_confirm(coder):
    # the recogniser gives Tazrouk no label here: the verb alone makes it a place
    text = "Thousands of refugees from Sudan reached Tazrouk in one week."
    assert _place(coder, text, "Tazrouk").feature == "city"


@pytest.mark.parametrize("text", [
    "MINDELO, Cape Verde, Sept 3 (Wire) - Coast guards towed a fishing canoe into port.",
    "\"Our river is grey now,\" a fisherman in Papua New Guinea said.",
    "A 60 km stretch of Interstate 90 in Ohio was closed for 18 hours.",
    "The river flooded the lower streets of the old Roman town in France.",
    "Drones were shot down over the Varrowean port city in Ukraine overnight.",
    "Analysts at Varrowcorp in Kenya said the shilling would fall.",
])
def test_a_service_a_pronoun_a_road_number_an_age_or_an_employer_is_no_place(coder, text):
    coded = coder.code_article(Article(id="t", text=text))
    words = {"Coast", "Our", "Interstate", "Roman", "Varrowean", "Varrowcorp"}
    assert not words & {m.span.text for m in coded.places}


def test_a_sentence_may_open_with_a_town_its_apposition_names(coder):
    text = "Floods hit Morocco on Sunday. Tazrouk, a desert town south of Zagora, was cut off."
    assert _place(coder, text, "Tazrouk").country == "MAR"
    # but not an adverb before a definite apposition, nor a person
    text = ("Floods hit Morocco on Sunday. Downstream, the village of Tazrouk was cut off. Hassan, "
            "a village elder, said the road was gone.")
    coded = coder.code_article(Article(id="t", text=text))
    assert not {"Downstream", "Hassan"} & {m.span.text for m in coded.places}


@pytest.mark.parametrize("text, name", [
    ("Water released from the dam on the Zeya flooded suburbs of Blagoveshchensk.", "Zeya"),
    ("Ice on the Varrow broke up early near Kazan this spring.", "Varrow"),
    # a river named bare, then where on it: not a modifier ("the Kabul government")
    ("KAZAN, Russia, March 2 (Wire) - A car fell through the ice on the Kama near Chistopol.",
     "Kama"),
])
def test_what_stands_on_a_river_names_it(coder, text, name):
    assert _place(coder, text, name).feature == "sea"


def test_the_island_a_town_stands_on_is_no_town_abroad(coder):
    # geonames' Skye is a suburb of Melbourne; Portree is a town on the Scottish island
    skye = _place(coder, "The ferry to Portree on Skye broke down.", "Skye")
    assert (skye.country, skye.feature) == ("GBR", "island")
    doha = Article(id="t", text="Talks resumed in Doha on Hamas demands.")
    assert [m.span.text for m in coder.code_article(doha).places] == ["Doha"]


def test_a_name_elided_at_an_apostrophe_is_one_word(coder):
    text = "Gunmen blocked the road east of Jérémie, in Haiti's Grand'Anse department."
    place = _place(coder, text, "Grand'Anse")
    assert (place.feature, place.country) == ("admin", "HTI")


def test_a_spanish_y_joins_the_words_of_one_name(coder):
    text = ("PINAR DEL RIO, Cuba, Nov 7 (Wire) - Wind flattened tobacco barns around San Juan y "
            "Martínez on Wednesday.")
    place = _place(coder, text, "San Juan y Martínez")
    assert (place.country, place.feature) == ("CUB", "city")


def test_a_name_the_gazetteer_lacks_lies_in_the_country_that_owns_it(coder):
    text = ("Fires that crossed from Russia's Zabaykalsky region burned grassland in Dornod "
            "province, officials in Choibalsan said.")
    place = _place(coder, text, "Zabaykalsky")
    assert (place.country, place.feature) == ("RUS", "admin")


@pytest.mark.parametrize("text, name, country", [
    # a count of days after the name is no road number ("Highway 20")
    ("DAKAR, Senegal, Jan 5 (Wire) - The pirogue left a beach near Gandiol three days earlier, "
     "the navy said.", "Gandiol", "SEN"),
    # one end of a stretch whose other end the gazetteer has
    ("KATHMANDU, Nepal, Jan 5 (Wire) - The road between Chaurjahari and Pokhara remains closed "
     "after a landslide.", "Chaurjahari", "NPL"),
    # a capital's dateline over a story of two places in one neighbour: that neighbour's
    ("NAIROBI, June 3 (Wire) - Fighters stormed a police post in Baardheere, in southern "
     "Somalia, on Monday, officials said. Fighting later spread to Wargaadhle village, "
     "residents said.", "Wargaadhle", "SOM"),
    # people sent "across to" it
    ("MALABA, Kenya, May 2 (Wire) - Police stopped 300 migrants on Tuesday, sending them "
     "back across to Ngerenya, officials said.", "Ngerenya", "KEN"),
    # the first of two names lies where the pair is said to
    ("GANJA, Azerbaijan, May 2 (Wire) - Shells struck homes in Qarvakhtun and Ardzavnik, "
     "near the town of Dilijan, residents said.", "Qarvakhtun", "ARM"),
])
def test_a_name_the_gazetteer_lacks_lies_in_the_country_the_words_give(coder, text, name, country):
    assert _place(coder, text, name).country == country


@pytest.mark.parametrize("text", [
    "Police stopped traffic near Bellwood 40 and Route 9 on Monday.",
    "The talks between Kurdish and Arab leaders ended without a deal.",
])
def test_a_road_number_or_a_people_is_no_unlisted_place(coder, text):
    coded = coder.code_article(Article(id="t", text=text))
    assert not any(m.place.source == "context" for m in coded.places)


def test_a_name_the_recogniser_calls_a_body_after_at_is_a_place_but_not_someones_employer(coder):
    # "landed at X": where boats land, though the recogniser says ORG
    text = "ZANZIBAR, Tanzania, Jan 5 (Wire) - Fishermen landed at Tumbatu late on Sunday."
    assert _place(coder, text, "Tumbatu").country == "TZA"
    # "a lawyer at X": where the lawyer works
    coded = coder.code_article(Article(id="t", text=(
        "ZANZIBAR, Tanzania, Jan 5 (Wire) - A lawyer at Tumbatu said the case would go ahead.")))
    assert "Tumbatu" not in {m.span.text for m in coded.places}


def test_a_two_word_name_headed_by_a_place_word_after_near_outweighs_the_recogniser(coder):
    text = "TETOUAN, Morocco, Aug 2 (Wire) - A smaller blaze near Bab Tlat was put out on Sunday."
    assert _place(coder, text, "Bab Tlat").country == "MAR"


@pytest.mark.parametrize("text, name, country, feature", [
    # "X's island": an island of that name the gazetteer lacks, not Saint-Martin in the Caribbean
    ("COX'S BAZAR, Bangladesh, Dec 10 (Wire) - Three fishing boats sank off Saint Martin's "
     "island on Sunday.", "Saint Martin's", "BGD", "island"),
    # but an owner's island, or its island something, leaves the owner a country
    ("Taiwan's island defences were tested on Monday.", "Taiwan", "TWN", "country"),
    ("Indonesia's islands were shaken by a quake.", "Indonesia", "IDN", "country"),
])
def test_an_island_named_with_a_possessive(coder, text, name, country, feature):
    place = _place(coder, text, name)
    assert (place.country, place.feature) == (country, feature)


@pytest.mark.parametrize(("text", "name"), [
    # a body of states the recogniser calls a building
    ("NEW DELHI, May 3 (Wire) - China voted against a resolution backed by India at the United "
     "Nations this week.", "United Nations"),
    # a dateline's credit in brackets
    ("BUNDIBUGYO, Uganda, May 2 (Fairview) - Mudslides buried houses near Bundibugyo on "
     "Tuesday, officials said.", "Fairview"),
])
def test_names_that_are_no_place(coder, text, name):
    coded = coder.code_article(Article(id="t", text=text))
    assert name not in {m.span.text for m in coded.places}


def test_a_stretch_between_two_unknown_names_that_ends_the_text_is_read(coder):
    # the second name of "between X and Y" once looked for a third name past the last word
    coded = coder.code_article(Article(id="t", text="Boats ran between Kestrelby and Marrowick"))
    assert coded.article.id == "t"


@pytest.mark.parametrize("text, name", [
    ("Shops in Tralee and Kilbrannan stayed shut.", "Kilbrannan"),
    ("Shops in Tralee, Dunmorrow and Listowel stayed shut.", "Dunmorrow"),
    ("Ferries between Tralee and Merriman were cut.", "Merriman"),
    ("Survivors walked to Tralee and Kilbrannan on Sunday.", "Kilbrannan"),
])
def test_a_name_the_gazetteer_lacks_listed_after_a_placed_town_is_a_town_beside_it(
        coder, text, name):
    # the recogniser calls these names people or things; the list makes them places
    place = _place(coder, text, name)
    assert (place.country, place.feature) == ("IRL", "city")


@pytest.mark.parametrize("text", [
    "In Nairobi, Interior Ministry spokesman Otieno said the roads were open.",
    "The ambassador to Kenya, Ole Sankok, said the talks went well.",
    "Moscow and Kestrel agreed on a truce.",
])
def test_a_comma_or_a_party_after_a_place_makes_no_list_of_places(coder, text):
    coded = coder.code_article(Article(id="t", text=text))
    assert all(m.place.source != "context" for m in coded.places)


@pytest.mark.parametrize("text, name", [
    ('KISUMU, Kenya - "The river rose overnight," a fisherman in Ndoro said.', "Ndoro"),
    ("KISUMU, Kenya - Helicopters were sent from Ndoro on Monday.", "Ndoro"),
    ("KISUMU, Kenya - The boat had left for Kagondo on Monday afternoon.", "Kagondo"),
])
def test_a_one_word_name_the_recogniser_calls_a_body_or_person_where_the_words_place_it(
        coder, text, name):
    # on short news sentences the recogniser calls most unknown towns ORG or PERSON
    place = _place(coder, text, name)
    assert (place.country, place.feature) == ("KEN", "city")


@pytest.mark.parametrize("text, name", [
    ("Israeli warplanes struck Hezbollah targets in southern Lebanon.", "Hezbollah"),
    ("Azerbaijan refused to let in monitors from the Organization of American States.",
     "Organization"),
    ("KAJIADO, Kenya - Police fired tear gas at Maasai herders near the park.", "Maasai"),
])
def test_a_group_a_body_or_a_people_is_no_unknown_place(coder, text, name):
    coded = coder.code_article(Article(id="t", text=text))
    assert name not in {m.span.text for m in coded.places}


def test_a_town_that_water_swamps_is_a_place(coder):
    text = "SYLHET, Bangladesh, July 2 (Wire) - The river rose overnight, swamping Kalabari."
    place = _place(coder, text, "Kalabari")
    assert (place.country, place.feature) == ("BGD", "city")


def test_a_groups_other_name_is_no_other_name_of_the_place_before_it(coder):
    coded = coder.code_article(Article(id="t", text=(
        "SOKOTO, Nigeria, Nov 9 (Wire) - Gunmen from a group known locally as Kestrawa killed "
        "15 farmers on Friday.")))
    assert "Kestrawa" not in {m.span.text for m in coded.places}


@pytest.mark.parametrize("text, name", [
    ("MOMBASA, Kenya, May 3 (Wire) - Police raided the Ndoro fishing village on Monday.", "Ndoro"),
    ("MOMBASA, Kenya, May 3 (Wire) - Tourists left the Kagondo folk village at dusk.", "Kagondo"),
])
def test_a_trade_between_a_name_and_its_settlement_word_keeps_the_name_a_town(coder, text, name):
    place = _place(coder, text, name)
    assert (place.country, place.feature) == ("KEN", "city")


def test_a_two_word_name_a_local_comes_from_is_a_place_though_the_recogniser_says_a_person(coder):
    text = 'SAIDA, Algeria, Aug 9 (Wire) - "The wind turned," said a farmer from Gor Kebir.'
    place = _place(coder, text, "Gor Kebir")
    assert (place.country, place.feature) == ("DZA", "city")


def test_a_name_a_demonym_placed_abroad_stays_there_when_named_again(coder):
    text = ("BISHKEK, May 2 (Wire) - Shells hit houses near the Tajik village of Qorabuloq on "
            "Tuesday, Kyrgyz officials said. Dushanbe said Kyrgyz troops had fired on homes "
            "around Qorabuloq.")
    coded = coder.code_article(Article(id="t", text=text))
    assert [m.place.country for m in coded.places if m.span.text == "Qorabuloq"] == ["TJK", "TJK"]


def test_a_datelines_name_in_a_list_of_divisions_is_the_division(coder):
    text = ("BAMYAN, Afghanistan, May 2 (Wire) - Floods swept away houses in Bamyan and Daykundi "
            "provinces on Tuesday, officials said.")
    coded = coder.code_article(Article(id="t", text=text))
    assert [m.place.feature for m in coded.places if m.span.text.lower() == "bamyan"] == ["city", "admin"]


def test_a_country_owning_a_new_clause_after_a_designated_town_is_no_second_town(coder):
    text = "Shells struck homes near the town of Dilijan, Armenia's defence ministry said on Tuesday."
    coded = coder.code_article(Article(id="t", text=text))
    armenia = next(m for m in coded.places if m.span.text == "Armenia")
    assert (armenia.place.country, armenia.place.feature, armenia.actor) == ("ARM", "country", True)


@pytest.mark.parametrize("text", [
    "Mudslides buried houses in villages including Tashbulak and Kyzylbel, officials in Naryn said.",
    "Mudslides buried houses in villages such as Tashbulak and Kyzylbel, officials in Naryn said.",
])
def test_names_a_plural_settlement_word_includes_are_places(coder, text):
    coded = coder.code_article(Article(id="t", text=text))
    assert {"Tashbulak", "Kyzylbel"} <= {m.span.text for m in coded.places}


@pytest.mark.parametrize("text", [
    "NASSAU, Sept 3 (Wire) - Airports on Eleuthera and Inagua reopened to relief flights, and "
    "Washington sent helicopters.",
    "NASSAU, Sept 3 (Wire) - Airports on Qarvalu and Inagua reopened to relief flights, and "
    "Washington sent helicopters.",
])
def test_islands_listed_after_a_facilitys_on_are_places_not_parties(coder, text):
    coded = coder.code_article(Article(id="t", text=text))
    inagua = next(m for m in coded.places if m.span.text == "Inagua")
    assert (inagua.place.country, inagua.actor) == ("BHS", False)


def test_a_name_the_recogniser_calls_a_people_under_in_with_no_noun_after_is_a_place(coder):
    text = ("LADYSMITH, South Africa, April 12 (Wire) - Homes collapsed into ravines in Ezakheni "
            "and Pinetown.")
    assert _place(coder, text, "Ezakheni").country == "ZAF"
    # but a people's word before a noun, or a language, is none
    for text in ("Clashes broke out in Sunni and Shia districts.",
                 "FORT SMITH, Canada, Aug 3 (Wire) - The town, known in Dene as Thebacha, was emptied."):
        coded = coder.code_article(Article(id="t", text=text))
        assert not {"Sunni", "Shia", "Dene"} & {m.span.text for m in coded.places}


def test_a_part_of_a_country_is_the_third_of_its_outline_on_that_side():
    from detente.places.country_parts import country_part

    north, south = country_part("BEN", "northern"), country_part("BEN", "southern")
    assert north.lat > 10.0 > 7.5 > south.lat
    assert country_part("BEN", "north-eastern").lon > north.lon - 0.5
    assert country_part("BEN", "upper") is None


def test_a_name_only_said_to_lie_in_a_part_of_a_country_stands_in_that_part(coder):
    text = ("Gunmen attacked a police post in Gbassikpa, a village in northern Benin, on "
            "Sunday, officials in Cotonou said.")
    place = _place(coder, text, "Gbassikpa")
    assert place.country == "BEN" and place.lat > 10.0


def test_a_datelines_name_before_a_division_word_is_the_division(coder):
    text = ("PENZA, Russia, May 12 (Wire) - Drones struck a fuel depot on Sunday. More than 200 "
            "homes in the Penza region lost power, the governor said.")
    coded = coder.code_article(Article(id="t", text=text))
    assert [m.place.feature for m in coded.places if m.span.text.lower() == "penza"] == ["city", "admin"]
