"""Actor dictionaries: built-in data, user TOML files, PETRARCH/TABARI imports."""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
from collections import defaultdict
from importlib.resources import files
from pathlib import Path

import pytest

import detente.actors
from detente.actors import (
    SECTORS,
    ActorDictionary,
    ActorEntry,
    SectorWord,
    load_petrarch_actors,
    load_petrarch_agents,
    load_user_dictionary,
)
from detente.errors import DetenteError, DictionaryError

BUILTIN = ActorDictionary.builtin()
# docs/conventions.md: the organisations coded by their acronym
IGO_CODES = {
    "UN", "NATO", "EU", "ASEAN", "AU", "OPEC", "IAEA", "WHO", "WTO", "IMF", "WB", "ICC", "ICJ",
    "OSCE", "GCC", "ARL", "SCO", "ECOWAS", "OAS", "CARICOM", "SADC", "ICRC", "G7", "G20",
}


def codes(phrase: str, on: dt.date | None = None,
          dictionary: ActorDictionary = BUILTIN) -> list[str]:
    return [entry.code for entry in dictionary.lookup(phrase, on)]


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


# -- built-in data ---------------------------------------------------------------------------

def test_builtin_has_every_country_including_disputed_ones():
    countries = {e.code for e in BUILTIN.entries if e.kind == "country"}
    assert len(countries) >= 190
    assert {"KSV", "PSE", "TWN", "VAT", "COD", "COG", "PRK", "KOR", "USA", "GBR"} <= countries
    assert all(len(code) == 3 and code.isalpha() and code.isupper() for code in countries)


def test_builtin_is_cached():
    assert ActorDictionary.builtin() is BUILTIN


def test_builtin_phrase_never_names_two_actors():
    by_phrase: dict[str, set[str]] = defaultdict(set)
    seen: set[tuple[str, str]] = set()
    for entry in BUILTIN.entries:
        key = (entry.phrase.casefold(), entry.code)
        assert key not in seen, f"duplicate phrase {entry.phrase!r} for {entry.code}"
        seen.add(key)
        by_phrase[entry.phrase.casefold()].add(entry.code)
    assert {p: c for p, c in by_phrase.items() if len(c) > 1} == {}


def test_builtin_organisation_codes_follow_conventions():
    named = [e for e in BUILTIN.entries if e.kind in ("organisation", "group")]
    assert {e.code for e in named if e.country == e.code} == IGO_CODES
    national = {e.code for e in named if e.country != e.code}
    assert all(code[3:] in SECTORS for code in national)


def test_builtin_sector_words_use_every_sector_once_per_phrase():
    phrases = [w.phrase for w in BUILTIN.sectors]
    assert len(phrases) == len(set(phrases))
    assert all(p == p.lower() for p in phrases)
    assert {w.sector for w in BUILTIN.sectors} == SECTORS


def test_builtin_data_files_have_their_documented_columns():
    data = files("detente.actors") / "data"
    for name, header in [("countries.csv", "code,name,aliases,adjectives,capitals"),
                         ("historical.csv", "code,name,aliases,adjectives,capitals"),
                         ("organisations.csv", "code,names"), ("sectors.csv", "phrase,sector")]:
        rows = list(csv.reader((data / name).read_text(encoding="utf-8").splitlines()))
        assert ",".join(rows[0]) == header
        assert all(len(row) == len(rows[0]) for row in rows), name


@pytest.mark.parametrize("phrase, code", [
    ("Kremlin", "RUSGOV"), ("the Kremlin", "RUSGOV"), ("Moscow", "RUSGOV"),
    ("Kyiv", "UKRGOV"), ("Kiev", "UKRGOV"), ("White House", "USAGOV"),
    ("the White House", "USAGOV"), ("Washington", "USAGOV"), ("Beijing", "CHNGOV"),
    ("Zhongnanhai", "CHNGOV"), ("Downing Street", "GBRGOV"), ("Manila", "PHLGOV"),
    ("Malacañang", "PHLGOV"), ("Élysée", "FRAGOV"), ("Jerusalem", "ISRGOV"),
    ("Teheran", "IRNGOV"), ("New Delhi", "INDGOV"), ("Pentagon", "USAMIL"),
])
def test_seat_of_power_codes_to_the_government(phrase, code):
    assert codes(phrase) == [code]


def test_capital_entry_keeps_the_country_and_says_it_is_a_capital():
    [entry] = BUILTIN.lookup("Kremlin")
    assert (entry.country, entry.kind) == ("RUS", "capital")


@pytest.mark.parametrize("phrase, code", [
    ("Filipino", "PHL"), ("Filipinos", "PHL"), ("Philippine", "PHL"), ("Chinese", "CHN"),
    ("American", "USA"), ("British", "GBR"), ("Britons", "GBR"), ("Ukrainian", "UKR"),
    ("Russians", "RUS"), ("Soviet", "USR"),
])
def test_adjectives_and_demonyms_give_the_bare_country(phrase, code):
    [entry] = BUILTIN.lookup(phrase)
    assert (entry.code, entry.kind) == (code, "adjective")


@pytest.mark.parametrize("phrase, code", [
    ("the Philippines", "PHL"), ("United States", "USA"), ("U.S.", "USA"), ("America", "USA"),
    ("Ivory Coast", "CIV"), ("Cote d'Ivoire", "CIV"), ("Côte d’Ivoire", "CIV"), ("Burma", "MMR"),
    ("North Korea", "PRK"), ("DPRK", "PRK"), ("ROK", "KOR"), ("Britain", "GBR"), ("UK", "GBR"),
    ("Holland", "NLD"), ("the Netherlands", "NLD"), ("Turkiye", "TUR"), ("Czechia", "CZE"),
    ("Swaziland", "SWZ"), ("Kosovo", "KSV"), ("Palestine", "PSE"), ("Taiwan", "TWN"),
    ("Holy See", "VAT"), ("DR Congo", "COD"), ("Congo-Brazzaville", "COG"),
])
def test_country_names_and_aliases(phrase, code):
    assert codes(phrase) == [code]


@pytest.mark.parametrize("phrase, code", [
    ("Soviet Union", "USR"), ("USSR", "USR"), ("Yugoslavia", "YUG"), ("Czechoslovakia", "CSK"),
    ("East Germany", "DDR"), ("West Germany", "BRD"),
])
def test_historical_states(phrase, code):
    [entry] = BUILTIN.lookup(phrase)
    assert (entry.code, entry.kind) == (code, "historical")


@pytest.mark.parametrize("phrase, code", [
    ("NATO", "NATO"), ("Nato", "NATO"), ("ASEAN", "ASEAN"), ("United Nations", "UN"),
    ("UN Security Council", "UN"), ("UNHCR", "UN"), ("European Commission", "EU"),
    ("African Union", "AU"), ("IAEA", "IAEA"), ("World Bank", "WB"), ("Arab League", "ARL"),
    ("Red Cross", "ICRC"), ("G7", "G7"), ("G20", "G20"),
])
def test_international_organisations_are_their_own_country(phrase, code):
    [entry] = BUILTIN.lookup(phrase)
    assert (entry.code, entry.country, entry.kind) == (code, code, "organisation")


@pytest.mark.parametrize("phrase, code", [
    ("Hamas", "PSEREB"), ("Hezbollah", "LBNREB"), ("Taliban", "AFGREB"), ("the Taliban", "AFGREB"),
    ("Houthis", "YEMREB"), ("Houthi rebels", "YEMREB"),
])
def test_named_movements_are_groups_of_their_country(phrase, code):
    [entry] = BUILTIN.lookup(phrase)
    assert (entry.code, entry.country, entry.kind) == (code, code[:3], "group")


@pytest.mark.parametrize("phrase, sector", [
    ("foreign ministry", "GOV"), ("Foreign Ministry", "GOV"), ("defence minister", "GOV"),
    ("troops", "MIL"), ("coast guard", "MIL"), ("police", "COP"), ("security forces", "COP"),
    ("Supreme Court", "JUD"), ("lawmakers", "LEG"), ("opposition leader", "OPP"),
    ("rebels", "REB"), ("spy agency", "SPY"), ("state media", "MED"), ("companies", "BUS"),
    ("protesters", "CVL"), ("university", "EDU"), ("health workers", "HLH"),
    ("refugees", "REF"), ("trade union", "LAB"), ("ruling party", "PTY"),
    ("human rights group", "NGO"), ("junta", "GOV"),
])
def test_role_words_give_their_sector(phrase, sector):
    assert BUILTIN.sector_of(phrase) == sector


def test_unknown_role_word_has_no_sector():
    assert BUILTIN.sector_of("teapot") is None


@pytest.mark.parametrize("exact, other", [
    ("US", "us"), ("WHO", "who"), ("Turkey", "turkey"), ("China", "china"), ("Polish", "polish"),
])
def test_case_sensitive_phrases_match_only_their_capitals(exact, other):
    assert BUILTIN.lookup(exact)[0].match_case
    assert BUILTIN.lookup(other) == []


def test_ordinary_names_match_in_any_case():
    assert codes("KREMLIN") == codes("kremlin") == ["RUSGOV"]
    assert codes("the  philippines") == ["PHL"]


# -- the value types -------------------------------------------------------------------------

def test_entry_is_valid_between_its_dates_inclusive():
    entry = ActorEntry("Jane Example", "USAGOV", "USA", "person", False,
                       dt.date(2021, 1, 20), dt.date(2025, 1, 20))
    assert entry.valid_on(dt.date(2021, 1, 20)) and entry.valid_on(dt.date(2025, 1, 20))
    assert not entry.valid_on(dt.date(2021, 1, 19)) and not entry.valid_on(dt.date(2025, 1, 21))
    assert entry.valid_on(None)


def test_dictionary_values_are_immutable():
    with pytest.raises(dataclasses.FrozenInstanceError):
        BUILTIN.entries = ()  # type: ignore[misc]
    assert hash(BUILTIN.entries[0]) == hash(dataclasses.replace(BUILTIN.entries[0]))


def test_package_exports_are_importable():
    assert all(hasattr(detente.actors, name) for name in detente.actors.__all__)


# -- user TOML files -------------------------------------------------------------------------

ROLES = """
[[actor]]
code = "USAGOV"
names = ["Jane Example", "President Example"]
from = "2021-01-20"
until = "2025-01-20"

[[actor]]
code = "USAOPP"
names = ["Jane Example"]
from = 2025-01-21

[[actor]]
code = "USA"
names = ["Uncle Sam"]

[[sector]]
phrase = "ministry of truth"
sector = "GOV"
"""


def test_user_roles_apply_only_on_their_dates(tmp_path):
    mine = load_user_dictionary(write(tmp_path, "actors.toml", ROLES))
    assert codes("Jane Example", dt.date(2022, 5, 1), mine) == ["USAGOV"]
    assert codes("jane example", dt.date(2026, 1, 1), mine) == ["USAOPP"]
    assert codes("Jane Example", dt.date(2020, 1, 1), mine) == []
    assert codes("Jane Example", None, mine) == ["USAGOV", "USAOPP"]
    assert codes("President Example", dt.date(2026, 1, 1), mine) == []


def test_user_entries_get_country_and_kind_from_their_code(tmp_path):
    mine = load_user_dictionary(write(tmp_path, "actors.toml", ROLES))
    [person] = mine.lookup("Jane Example", dt.date(2022, 1, 1))
    [plain] = mine.lookup("Uncle Sam")
    assert (person.country, person.kind) == ("USA", "person")
    assert (plain.country, plain.kind) == ("USA", "country")
    assert mine.sector_of("Ministry of Truth") == "GOV"


def test_user_dictionary_overrides_builtin_phrases_in_any_case(tmp_path):
    path = write(tmp_path, "actors.toml", """
[[actor]]
code = "RUSSPY"
names = ["kremlin"]
[[sector]]
phrase = "Spokesman"
sector = "MED"
""")
    combined = BUILTIN.merged(load_user_dictionary(path))
    assert codes("the Kremlin", dictionary=combined) == ["RUSGOV"]
    assert codes("Kremlin", dictionary=combined) == ["RUSSPY"]
    assert combined.sector_of("spokesman") == "MED"
    assert combined.sector_of("troops") == "MIL"
    assert len(combined.entries) == len(BUILTIN.entries)


def test_user_acronyms_match_case_unless_told(tmp_path):
    mine = load_user_dictionary(write(tmp_path, "actors.toml", """
[[actor]]
code = "PHLMIL"
names = ["AFP"]
[[actor]]
code = "PHLGOV"
names = ["palace"]
match_case = true
"""))
    assert codes("AFP", dictionary=mine) == ["PHLMIL"] and codes("afp", dictionary=mine) == []
    assert codes("Palace", dictionary=mine) == []


@pytest.mark.parametrize("text, message", [
    ('[[actor]]\ncode = "USA"\nnames = ["A"]\nfrom = "2021-13-01"\n',
     "actors.toml: actor #1: 'from' is not a date (YYYY-MM-DD): '2021-13-01'"),
    ('[[actor]]\ncode = "USA"\nnames = ["A"]\n'
     '[[actor]]\ncode = "USA"\nnames = ["B"]\nuntil = "soon"\n',
     "actors.toml: actor #2: 'until' is not a date"),
    ('[[actor]]\ncode = "USA"\nnames = ["A"]\nfrom = 2021-01-02\nuntil = 2020-01-01\n',
     "actor #1: 'until' (2020-01-01) is before 'from' (2021-01-02); swap them"),
    ('[[actor]]\ncode = "usa gov"\nnames = ["A"]\n',
     "actor #1: 'code' must be an upper-case actor code"),
    ('[[actor]]\ncode = "USA"\n', "actor #1: 'names' must be a list of non-empty strings"),
    ('[[actor]]\ncode = "USA"\nnames = "A"\n', "actor #1: 'names' must be a list"),
    ('[[actor]]\ncode = "USA"\nnames = ["A"]\nform = "2021-01-01"\n',
     "actor #1: unknown field 'form'"),
    ('[[actor]]\ncode = "USA"\nnames = ["A"]\nkind = "alien"\n', "actor #1: 'kind' must be one of"),
    ('[[sector]]\nphrase = "x"\nsector = "XYZ"\n', "sector #1: 'sector' must be one of"),
    ('[actor]\ncode = "USA"\nnames = ["A"]\n', "write [[actor]], not [actor]"),
    ('[[actors]]\ncode = "USA"\n', "unknown table 'actors'"),
    ('[[actor]]\ncode = "USA"\nnames = ["A"\n', "actors.toml: not valid TOML"),
])
def test_user_file_mistakes_are_reported_with_where_and_how(tmp_path, text, message):
    path = write(tmp_path, "actors.toml", text)
    with pytest.raises(DictionaryError) as caught:
        load_user_dictionary(path)
    assert message in str(caught.value)
    assert str(path) in str(caught.value)
    assert "\n" not in str(caught.value)
    assert isinstance(caught.value, DetenteError)


def test_user_toml_syntax_error_names_the_line(tmp_path):
    path = write(tmp_path, "actors.toml", '[[actor]]\ncode = USA\n')
    with pytest.raises(DictionaryError, match="at line 2"):
        load_user_dictionary(path)


def test_missing_user_file_says_to_check_the_path(tmp_path):
    with pytest.raises(DictionaryError, match="check the path"):
        load_user_dictionary(tmp_path / "nowhere.toml")


# -- PETRARCH / TABARI imports ---------------------------------------------------------------

ACTORS = """\
# invented test actors
<!-- a comment
over two lines -->
JANE_EXAMPLE_  [XYZGOV]   ; legacy comment
+PRESIDENT_EXAMPLE_
\t[XYZELI 900101-001231]
\t[XYZGOV 010101-101231]
\t[XYZOPP >110101]
JOHN_SMITH_ [USAGOV 900101-101231]
US_ [USA]
~IGNORED_PHRASE
ORPHAN_WITHOUT_CODE
\t[XYZGOV 991301-000101]
+SYNONYM_ALONE
---STOP---
AFTER_STOP_ [ABC]
"""


def test_petrarch_actors_become_dated_entries(tmp_path):
    found, problems = load_petrarch_actors(write(tmp_path, "Example.actors.txt", ACTORS))
    assert codes("Jane Example", dt.date(1995, 6, 1), found) == ["XYZELI"]
    assert codes("President Example", dt.date(2005, 6, 1), found) == ["XYZGOV"]
    assert codes("jane example", dt.date(2012, 1, 1), found) == ["XYZOPP"]
    assert codes("John Smith", dt.date(2010, 12, 31), found) == ["USAGOV"]
    assert codes("John Smith", dt.date(2011, 1, 1), found) == []
    assert codes("After Stop", dictionary=found) == []
    [smith] = found.lookup("JOHN SMITH")
    assert (smith.country, smith.kind, smith.valid_from) == ("USA", "person", dt.date(1990, 1, 1))


def test_petrarch_default_code_applies_where_no_dated_code_does(tmp_path):
    found, _ = load_petrarch_actors(write(tmp_path, "Example.actors.txt", ACTORS))
    # XYZGOV is undated on the phrase line: it fills the time before 1990 and the gap in
    # 2011-01-01 only, because the dated codes cover 1990-2010 and from 2011 on.
    assert codes("Jane Example", dt.date(1980, 1, 1), found) == ["XYZGOV"]
    assert codes("Jane Example", dt.date(2011, 1, 1), found) == ["XYZOPP"]
    assert len(codes("Jane Example", None, found)) == 4


def test_petrarch_short_acronyms_must_match_their_capitals(tmp_path):
    found, _ = load_petrarch_actors(write(tmp_path, "Example.actors.txt", ACTORS))
    assert codes("US", dictionary=found) == ["USA"]
    assert codes("us", dictionary=found) == []


def test_petrarch_bad_actor_lines_are_reported_not_fatal(tmp_path):
    _, problems = load_petrarch_actors(write(tmp_path, "Example.actors.txt", ACTORS))
    assert [problem.split("Example.actors.txt:", 1)[1] for problem in problems] == [
        "11: '~' line has no actor; line skipped",
        "13: [XYZGOV 991301-000101]: '19991301' is not a date (month must be in 1..12); "
        "line skipped",
        "12: 'ORPHAN WITHOUT CODE' has no valid code; line skipped",
    ]


def test_petrarch_synonym_before_any_phrase_is_reported(tmp_path):
    path = write(tmp_path, "x.actors", "+LONELY_SYNONYM\n")
    _, problems = load_petrarch_actors(path)
    assert problems == (f"{path}:1: code or synonym line before any actor phrase; line skipped",)


AGENTS = """\
!OFFICER! = OFFICER, OFFICERS, OFFICIAL
SOLDIER [~MIL]
POLICE {} [~COP]
ATTORNEY_GENERAL {ATTORNEYS_GENERAL} [~JUD]
!minist!  [~GOV]
CONGRESS!PERSON! [~LEG]
ARMY_!OFFICER! [~MIL]
AID_AGENCY [NGO~]
FOREIGN_SECRETARY [~GOVFRM]
COPTIC_CHRISTIAN [~CHRCPT]
WIZARD
!SPELL!_CASTER [~CVL]
"""


def test_petrarch_agents_become_sector_words_with_plurals(tmp_path):
    found, _ = load_petrarch_agents(write(tmp_path, "Example.agents.txt", AGENTS))
    assert found.entries == ()
    expected = {
        "soldier": "MIL", "soldiers": "MIL", "police": "COP", "attorney general": "JUD",
        "attorneys general": "JUD", "minister": "GOV", "ministries": "GOV", "congressman": "LEG",
        "congresswomen": "LEG", "army officer": "MIL", "army official": "MIL",
        "aid agency": "NGO", "aid agencies": "NGO", "foreign secretary": "GOV",
        "foreign secretaries": "GOV",
    }
    assert {word: found.sector_of(word) for word in expected} == expected
    assert SectorWord("polices", "COP") not in found.sectors


def test_petrarch_agents_that_cannot_be_imported_are_counted(tmp_path):
    _, problems = load_petrarch_agents(write(tmp_path, "Example.agents.txt", AGENTS))
    path = tmp_path / "Example.agents.txt"
    assert [p.split(": ", 1)[0] for p in problems] == [f"{path}:10", f"{path}:11", f"{path}:12"]
    assert "CHRCPT" in problems[0] and "!SPELL!" in problems[2]


def test_petrarch_missing_file_raises(tmp_path):
    with pytest.raises(DictionaryError, match="nowhere.actors"):
        load_petrarch_actors(tmp_path / "nowhere.actors")


def test_petrarch_latin1_file_is_read_with_a_note(tmp_path):
    path = tmp_path / "old.actors"
    path.write_bytes("CAF\xc9_DU_COMMERCE_ [FRABUS]\n".encode("latin-1"))
    found, problems = load_petrarch_actors(path)
    assert codes("Café du Commerce", dictionary=found) == ["FRABUS"]
    assert problems == (f"{path}: not UTF-8, read as Latin-1",)


def test_imports_merge_over_the_builtin_dictionary(tmp_path):
    actors, _ = load_petrarch_actors(write(tmp_path, "a.actors", "JANE_EXAMPLE_ [PHLGOV]\n"))
    agents, _ = load_petrarch_agents(write(tmp_path, "a.agents", "SOLDIER [~COP]\n"))
    combined = BUILTIN.merged(actors).merged(agents)
    assert codes("Jane Example", dictionary=combined) == ["PHLGOV"]
    assert combined.sector_of("soldiers") == "COP"
    assert codes("Kremlin", dictionary=combined) == ["RUSGOV"]


def test_petrarch_inline_codes_until_dates_and_null_codes(tmp_path):
    path = write(tmp_path, "b.actors", "JANE_EXAMPLE_ [XYZGOV <991231][XYZOPP 000101-050101]\n"
                                       "NOBODY_ [---]\n")
    found, problems = load_petrarch_actors(path)
    assert codes("Jane Example", dt.date(1950, 1, 1), found) == ["XYZGOV"]
    assert codes("Jane Example", dt.date(2003, 1, 1), found) == ["XYZOPP"]
    assert codes("Jane Example", dt.date(2006, 1, 1), found) == []
    assert [p.split(": ", 1)[1] for p in problems] == [
        "[---]: null code, nothing to import; line skipped",
        "'NOBODY' has no valid code; line skipped",
    ]
