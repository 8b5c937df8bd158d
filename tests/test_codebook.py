from __future__ import annotations

import dataclasses
from collections import Counter

import pytest

from detente.codebook import QUAD_CLASS_NAMES, CameoCode, Codebook, load_codebook
from detente.errors import DetenteError, UnknownCodeError

# PLOVER event types and their modes, from the PLOVER manual (see codebook/PROVENANCE.md).
_MODES = {
    "AGREE": "",
    "CONSULT": "visit third-party multilateral phone",
    "SUPPORT": "",
    "CONCEDE": "",
    "COOPERATE": "",
    "AID": "",
    "RETREAT": "withdraw release return disarm ceasefire access resign",
    "REQUEST": "assist change yield meet",
    "ACCUSE": "disapprove investigate allege",
    "REJECT": "assist change yield meet",
    "THREATEN": "restrict ban arrest relations expel territory violence",
    "PROTEST": "demo riot general strike hunger boycott obstruct",
    "SANCTION": "convict expel withdraw discontinue",
    "MOBILIZE": "troops weapons police militia",
    "COERCE": "confiscate restrict ban censor curfew martial-law arrest deport withhold",
    "ASSAULT": "abduct beat torture execute sexual assassinate destroy primitive firearms"
    " explosives suicide-attack heavy-weapons cleansing massacre unconventional sideAB",
}
PLOVER_MODES = {event: frozenset(modes.split()) for event, modes in _MODES.items()}


def codes(found: list[CameoCode]) -> list[str]:
    return [c.code for c in found]


def test_codebook_has_20_roots_147_three_digit_and_144_four_digit_codes():
    lengths = Counter(len(c.code) for c in load_codebook())
    assert lengths == {2: 20, 3: 147, 4: 144}
    assert len(load_codebook()) == 311


def test_roots_run_from_01_to_20_with_leading_zero():
    roots = [c.code for c in load_codebook() if len(c.code) == 2]
    assert roots == [f"{n:02d}" for n in range(1, 21)]


def test_every_three_and_four_digit_code_has_its_parent():
    codebook = load_codebook()
    orphans = [c.code for c in codebook if len(c.code) > 2 and c.code[:-1] not in codebook]
    assert orphans == []


def test_codes_iterate_in_code_order():
    listed = [c.code for c in load_codebook()]
    assert listed == sorted(listed)
    assert listed[:3] == ["01", "010", "011"]
    assert listed[-1] == "2042"


def test_every_code_has_a_label():
    assert all(c.label.strip() == c.label and c.label for c in load_codebook())


def test_goldstein_scores_lie_between_minus_10_and_10():
    assert all(-10.0 <= c.goldstein <= 10.0 for c in load_codebook())


@pytest.mark.parametrize(
    ("code", "goldstein"),
    [
        ("010", 0.0), ("020", 3.0), ("036", 4.0), ("040", 1.0), ("042", 1.9), ("043", 2.8),
        ("057", 8.0), ("0334", 6.0), ("0874", 10.0), ("110", -2.0), ("112", -2.0),
        ("120", -4.0), ("130", -4.4), ("138", -7.0), ("163", -8.0), ("173", -5.0),
        ("182", -9.5), ("1823", -10.0), ("190", -10.0), ("195", -10.0), ("200", -10.0),
    ],
)
def test_goldstein_score_matches_gdelt_table(code, goldstein):
    assert load_codebook().get(code).goldstein == goldstein


@pytest.mark.parametrize(
    ("root", "quad_class"),
    [(f"{n:02d}", 1 if n <= 5 else 2 if n <= 9 else 3 if n <= 14 else 4) for n in range(1, 21)],
)
def test_quad_class_follows_root(root, quad_class):
    family = load_codebook().search(root)
    assert family and {c.quad_class for c in family} == {quad_class}


def test_quad_class_names_cover_the_four_classes():
    assert QUAD_CLASS_NAMES == {
        1: "verbal cooperation",
        2: "material cooperation",
        3: "verbal conflict",
        4: "material conflict",
    }


def test_root_is_the_first_two_digits():
    codebook = load_codebook()
    assert codebook.get("1312").root == "13"
    assert codebook.get("0211").root == "02"
    assert codebook.get("19").root == "19"


def test_search_by_code_prefix_returns_the_family():
    found = codes(load_codebook().search("13"))
    assert found[:3] == ["13", "130", "131"]
    assert found[-1] == "139"
    assert all(code.startswith("13") for code in found)
    assert codes(load_codebook().search("138")) == ["138", "1381", "1382", "1383", "1384", "1385"]


def test_search_by_words_is_case_insensitive_and_needs_every_word():
    assert codes(load_codebook().search("HUNGER Strike")) == ["142", "1421", "1422", "1423", "1424"]
    assert "1385" in codes(load_codebook().search("threaten weapons"))


def test_search_matches_word_prefixes():
    assert "163" in codes(load_codebook().search("sanction"))
    assert "057" in codes(load_codebook().search("agree"))  # PLOVER event of no, word of yes


def test_search_matches_plover_event():
    found = load_codebook().search("retreat")
    assert {c.plover_event for c in found} == {"RETREAT"}
    assert "0871" in codes(found)


def test_search_without_a_match_returns_nothing():
    assert load_codebook().search("teleport") == []
    assert load_codebook().search("   ") == []
    assert load_codebook().search("99") == []


def test_children_are_one_level_down():
    codebook = load_codebook()
    assert codes(codebook.children("13")) == [f"13{n}" for n in range(10)]
    assert codes(codebook.children("138")) == ["1381", "1382", "1383", "1384", "1385"]
    assert codebook.children("1381") == []
    assert codebook.children("057") == []


def test_unknown_code_raises_a_key_error_that_is_a_detente_error():
    with pytest.raises(UnknownCodeError) as caught:
        load_codebook().get("999")
    assert isinstance(caught.value, KeyError)
    assert isinstance(caught.value, DetenteError)
    assert "'999' is not a CAMEO 1.1b3 event code" in str(caught.value)


def test_unknown_code_without_leading_zero_suggests_the_padded_code():
    with pytest.raises(UnknownCodeError, match="Did you mean '042'"):
        load_codebook().get("42")


def test_unknown_sub_code_lists_its_siblings():
    with pytest.raises(UnknownCodeError, match="Codes under '138' are: 1381, 1382"):
        load_codebook().get("1389")


def test_children_of_an_unknown_code_raise():
    with pytest.raises(UnknownCodeError):
        load_codebook().children("21")


def test_contains_takes_codes_as_strings_only():
    codebook = load_codebook()
    assert "0211" in codebook
    assert "211" not in codebook
    assert 211 not in codebook


def test_every_code_has_a_plover_event():
    events = {c.plover_event for c in load_codebook()}
    assert "" not in events
    assert events <= set(PLOVER_MODES)


def test_plover_modes_belong_to_their_event():
    wrong = [
        (c.code, c.plover_event, c.plover_mode)
        for c in load_codebook()
        if c.plover_mode and c.plover_mode not in PLOVER_MODES[c.plover_event]
    ]
    assert wrong == []


@pytest.mark.parametrize(
    ("code", "event", "mode"),
    [
        ("0211", "REQUEST", "assist"), ("042", "CONSULT", "visit"), ("057", "SUPPORT", ""),
        ("0871", "RETREAT", "ceasefire"), ("1121", "ACCUSE", "allege"),
        ("1312", "THREATEN", "restrict"), ("1382", "THREATEN", "territory"),
        ("173", "COERCE", "arrest"), ("193", "ASSAULT", "firearms"),
    ],
)
def test_plover_crosswalk_examples(code, event, mode):
    entry = load_codebook().get(code)
    assert (entry.plover_event, entry.plover_mode) == (event, mode)


def test_codebook_and_codes_are_immutable():
    codebook = load_codebook()
    with pytest.raises(AttributeError):
        codebook._by_code = {}
    with pytest.raises(dataclasses.FrozenInstanceError):
        codebook.get("010").goldstein = 1.0  # type: ignore[misc]


def test_load_codebook_is_cached():
    assert load_codebook() is load_codebook()


def test_codebook_can_be_built_from_other_codes():
    small = Codebook([CameoCode("01", "Make public statement", 0.0, 1, "SUPPORT", "")])
    assert len(small) == 1
    assert "01" in small
    assert "010" not in small
