"""Actor dictionaries: the phrases that name actors, and the role words that give their sector.

An `ActorDictionary` is an immutable value. The built-in one is read from the package's data
files (`data/*.csv`, see `data/PROVENANCE.md`); `user.py` and `petrarch.py` load other files
into the same type, and `merged()` lays one dictionary over another.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache, cached_property
from importlib.resources import files

from detente.errors import DictionaryError

KINDS = frozenset(
    {"country", "adjective", "capital", "organisation", "group", "person", "historical"}
)

# The sector table of docs/conventions.md: an actor code carries at most one of these.
SECTORS = frozenset({
    "GOV", "MIL", "COP", "JUD", "LEG", "OPP", "REB", "SPY", "MED", "BUS", "CVL", "EDU", "HLH",
    "REF", "LAB", "PTY", "NGO",
})

# In the data files a leading "^" marks a phrase that must match with its exact capitals
# ("^Turkey" must not match the bird); acronyms are detected without a mark.
CASE_MARK = "^"
_NON_STATE = frozenset({"REB", "OPP", "PTY"})


@dataclass(frozen=True, slots=True)
class ActorEntry:
    """One surface form of an actor.

    >>> ActorEntry("the Kremlin", "RUSGOV", "RUS", "capital", False).valid_on(None)
    True
    """

    phrase: str
    code: str
    country: str
    kind: str
    match_case: bool
    valid_from: dt.date | None = None
    valid_until: dt.date | None = None

    def valid_on(self, day: dt.date | None) -> bool:
        """Whether the entry applies on `day` (bounds inclusive); an unknown day fits all."""
        if day is None:
            return True
        if self.valid_from is not None and day < self.valid_from:
            return False
        return self.valid_until is None or day <= self.valid_until


@dataclass(frozen=True, slots=True)
class SectorWord:
    """A role word and the sector it gives: `SectorWord("foreign ministry", "GOV")`."""

    phrase: str
    sector: str


def normalise(phrase: str) -> str:
    """The form phrases are compared in: single spaces, straight apostrophes.

    >>> normalise("Cote  d’Ivoire")
    "Cote d'Ivoire"
    """
    return " ".join(phrase.replace("\u2019", "'").split())


def _key(phrase: str) -> str:
    return normalise(phrase).casefold()


def looks_like_acronym(phrase: str) -> bool:
    """True when a word of `phrase` is an acronym ("US", "U.N.", "G7"), which must match its case.

    >>> looks_like_acronym("UN Security Council"), looks_like_acronym("Nato")
    (True, False)
    """
    # hyphens and apostrophes join words, not letters of one acronym: "Timor-Leste", "N'Djamena"
    for word in re.split(r"[\s'-]+", phrase):
        capitals = sum(c.isupper() for c in word)
        if capitals >= 2 or (capitals and any(c.isdigit() for c in word)):
            return True
    return False


def country_of(code: str) -> str:
    """The country part of an actor code, or the whole code for an organisation.

    >>> country_of("RUSGOV"), country_of("PHL"), country_of("ASEAN")
    ('RUS', 'PHL', 'ASEAN')
    """
    return code[:3] if len(code) >= 6 and code[3:6] in SECTORS else code


@dataclass(frozen=True)
class ActorDictionary:
    """Actor phrases and sector words, looked up case-insensitively unless an entry says not.

    >>> kremlin = ActorDictionary.builtin().lookup("the Kremlin")[0]
    >>> kremlin.code, kremlin.kind
    ('RUSGOV', 'capital')
    """

    entries: tuple[ActorEntry, ...] = ()
    sectors: tuple[SectorWord, ...] = ()

    @cached_property
    def _entries_by_key(self) -> dict[str, list[ActorEntry]]:
        index: dict[str, list[ActorEntry]] = {}
        for entry in self.entries:
            index.setdefault(_key(entry.phrase), []).append(entry)
        return index

    @cached_property
    def _sectors_by_key(self) -> dict[str, str]:
        # later words win, so a dictionary's own order decides between duplicates
        return {_key(word.phrase): word.sector for word in self.sectors}

    def lookup(self, phrase: str, on: dt.date | None = None) -> list[ActorEntry]:
        """The entries for `phrase` that apply on day `on` (every entry when `on` is None)."""
        text = normalise(phrase)
        return [
            entry for entry in self._entries_by_key.get(text.casefold(), [])
            if (not entry.match_case or normalise(entry.phrase) == text) and entry.valid_on(on)
        ]

    def sector_of(self, phrase: str) -> str | None:
        """The sector a role word gives: `sector_of("Foreign Ministry") == "GOV"`."""
        return self._sectors_by_key.get(_key(phrase))

    def merged(self, other: ActorDictionary) -> ActorDictionary:
        """This dictionary with `other` laid over it: a phrase `other` defines (in any case)
        keeps only `other`'s entries; the same holds for sector words."""
        replaced = {_key(entry.phrase) for entry in other.entries}
        reworded = {_key(word.phrase) for word in other.sectors}
        return ActorDictionary(
            tuple(e for e in self.entries if _key(e.phrase) not in replaced) + other.entries,
            tuple(w for w in self.sectors if _key(w.phrase) not in reworded) + other.sectors,
        )

    @classmethod
    def builtin(cls) -> ActorDictionary:
        """The dictionary shipped with detente (read once, then cached)."""
        return _builtin()


def default_kind(code: str) -> str:
    """The kind a user or imported entry gets when its file does not say: a bare country code
    is a country, a built-in organisation code an organisation, anything else a person."""
    if code in _builtin_codes("country", "historical"):
        return "country"
    if code in _builtin_codes("organisation", "group"):
        return "organisation"
    return "person"


@cache
def _builtin_codes(*kinds: str) -> frozenset[str]:
    return frozenset(e.code for e in _builtin().entries if e.kind in kinds)


@cache
def country_names() -> dict[str, str]:
    """Country code -> its English name, for the built-in countries and historical states.

    >>> country_names()["UKR"]
    'Ukraine'
    """
    return {row["code"]: row["name"] for name in ("countries.csv", "historical.csv")
            for row in _read_csv(name, _COUNTRY_COLUMNS)}


# -- the built-in data files ---------------------------------------------------------------

_COUNTRY_COLUMNS = ["code", "name", "aliases", "adjectives", "capitals"]


@cache
def _builtin() -> ActorDictionary:
    entries: list[ActorEntry] = []
    for row in _read_csv("countries.csv", _COUNTRY_COLUMNS):
        entries.extend(_country_entries(row, "country"))
    for row in _read_csv("historical.csv", _COUNTRY_COLUMNS):
        entries.extend(_country_entries(row, "historical"))
    for row in _read_csv("organisations.csv", ["code", "names"]):
        entries.extend(_organisation_entries(row))
    rows = _read_csv("sectors.csv", ["phrase", "sector"])
    sectors = [SectorWord(row["phrase"], row["sector"]) for row in rows]
    return ActorDictionary(tuple(entries), tuple(sectors))


def _read_csv(name: str, columns: list[str]) -> list[dict[str, str]]:
    text = (files("detente.actors") / "data" / name).read_text(encoding="utf-8")
    reader = csv.DictReader(io.StringIO(text))
    if reader.fieldnames != columns:
        raise DictionaryError(
            f"{name}: columns are {reader.fieldnames}, expected {columns}; "
            "fix the package data file"
        )
    return list(reader)


def _phrases(cell: str, code: str, country: str, kind: str) -> Iterator[ActorEntry]:
    for raw in cell.split("|"):
        phrase = normalise(raw)
        if not phrase:
            continue
        marked = phrase.startswith(CASE_MARK)
        phrase = phrase.removeprefix(CASE_MARK)
        yield ActorEntry(phrase, code, country, kind, marked or looks_like_acronym(phrase))


def _country_entries(row: dict[str, str], name_kind: str) -> Iterator[ActorEntry]:
    code = row["code"]
    yield from _phrases(f"{row['name']}|{row['aliases']}", code, code, name_kind)
    yield from _phrases(row["adjectives"], code, code, "adjective")
    # a capital or seat of power used as an actor is the government (docs/conventions.md)
    yield from _phrases(row["capitals"], code + "GOV", code, "capital")


def _organisation_entries(row: dict[str, str]) -> Iterator[ActorEntry]:
    code = row["code"]
    country = country_of(code)
    kind = "group" if code[3:] in _NON_STATE and country != code else "organisation"
    yield from _phrases(row["names"], code, country, kind)
