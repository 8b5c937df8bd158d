"""Actors in running text: metonyms, sectors, within-article coreference, user dictionaries."""

from __future__ import annotations

import datetime as dt

from detente.actors import ActorDictionary, load_petrarch_actors, load_user_dictionary
from detente.pipeline.coder import Coder


def _pairs(events):
    return [(e.source.code, e.target.code) for e in events]


def test_resolve_capitals_and_seats_of_power_are_governments(code):
    coded = code("The Kremlin condemned Kyiv, and the White House criticised Beijing.")
    assert {(s, t) for s, _, t in coded} == {("RUSGOV", "UKRGOV"), ("USAGOV", "CHNGOV")}
    assert {(s, t) for s, _, t in code("Kiev accused Moscow of shelling.")} == {("UKRGOV", "RUSGOV")}


def test_resolve_role_words_give_sectors(code):
    coded = code("The Russian Foreign Ministry criticised Japanese authorities.")
    assert [(s, t) for s, _, t in coded] == [("RUSGOV", "JPNGOV")]
    coded = code("Indian police arrested Nepalese students.")
    assert [(s, t) for s, _, t in coded] == [("INDCOP", "NPLCVL")]


def test_resolve_sector_without_country_takes_the_dateline_country(code):
    coded = code("ABUJA, June 2 (Detente Wire) - The army attacked Cameroonian fishermen.")
    assert [(s, t) for s, _, t in coded] == [("NGAMIL", "CMRCVL")]


def test_resolve_the_ministry_and_it_refer_back(events):
    text = ("The Chinese Foreign Ministry summoned the Japanese ambassador on Monday. "
            "The ministry also accused Tokyo of provocations. "
            "It warned Japan against further drills.")
    found = events(text)
    assert ("CHNGOV", "JPNGOV") in _pairs(found)
    later = [e for e in found if e.sentence_index > 0]
    assert {e.source.code for e in later} == {"CHNGOV"}
    assert {e.source.how for e in later} == {"coreference"}


def test_resolve_the_side_and_the_countrys_leadership(code):
    coded = code("Russia said on Friday that the Russian side had rejected the Ukrainian proposal. "
                 "The country's leadership also condemned Poland.")
    assert ("RUSGOV", "POL") in [(s, t) for s, _, t in coded]


def test_resolve_person_named_once_is_known_by_surname(code):
    coded = code("Brazilian President Joana Example arrived in Lima on Monday. "
                 "Example later criticised Argentina over trade.")
    assert ("BRAGOV", "ARG") in [(s, t) for s, _, t in coded]


def test_resolve_user_dictionary_dated_roles(tmp_path):
    path = tmp_path / "actors.toml"
    path.write_text(
        '[[actor]]\ncode = "USAGOV"\nnames = ["Jane Example"]\nfrom = "2021-01-20"\nuntil = "2025-01-20"\n'
        '[[actor]]\ncode = "USAOPP"\nnames = ["Jane Example"]\nfrom = "2025-01-21"\n', "utf-8")
    dictionary = ActorDictionary.builtin().merged(load_user_dictionary(path))
    coder = Coder(dictionary=dictionary)
    text = "Jane Example criticised Russia."
    early = coder.code_text(text, date=dt.date(2022, 6, 1))
    late = coder.code_text(text, date=dt.date(2026, 6, 1))
    assert _pairs(early) == [("USAGOV", "RUS")]
    assert _pairs(late) == [("USAOPP", "RUS")]


def test_resolve_petrarch_dictionary_is_used_for_coding(tmp_path):
    path = tmp_path / "actors.txt"
    path.write_text("RIVERLAND_PEOPLES_FRONT_ [CMRREB]\n+RPF_REBELS\n", "utf-8")
    imported, problems = load_petrarch_actors(path)
    assert not problems
    coder = Coder(dictionary=ActorDictionary.builtin().merged(imported))
    found = coder.code_text("The Riverland Peoples Front attacked Nigerian troops.",
                            date=dt.date(2025, 1, 1))
    assert [(e.source.code, e.target.code) for e in found] == [("CMRREB", "NGAMIL")]


def test_resolve_rejecting_the_accusation_answers_the_accuser(events):
    text = ("Kenyan President Amara Example on Thursday accused Uganda of supporting rebels. "
            "The Ugandan foreign ministry rejected the accusation.")
    found = [e for e in events(text) if e.sentence_index == 1]
    assert [(e.source.code, e.code[:2], e.target.code) for e in found] == [("UGAGOV", "12", "KENGOV")]
    assert found[0].target.how == "coreference"
