"""Import actor and agent dictionaries written in the PETRARCH/TABARI text format.

Written from the public format description (PETRARCH's docs/source/dictionaries.rst and the
TABARI manual), not from their code. What detente takes from each file:

* comments: `#` and the legacy `;` to the end of the line, `<!-- ... -->` (also over several
  lines); other lines that begin with `<` are skipped; `---STOP---` ends the file.
* actors: a primary phrase `JOHN_SMITH_ [USAGOV]`, synonyms `+SMITH_`, and code lines
  `[CODE]`, `[CODE >YYMMDD]`, `[CODE <YYMMDD]`, `[CODE YYMMDD-YYMMDD]` (also inline on the
  phrase line, several per line). Dates are YYMMDD (00-30 -> 20YY, else 19YY) or YYYYMMDD, and
  inclusive. An undated code is the default: it applies on the days no dated code covers.
* agents: `PHRASE {PLURAL} [~SEC]` or `[SEC~]`; regular plurals are made, `{}` makes none;
  `!MARKER! = A, B` defines a substitution used as `CONGRESS!PERSON!`.

Underscores become spaces and phrases match as consecutive words (detente has no stems or
gaps). What cannot be imported is skipped and reported, never fatal: both loaders return a
`PetrarchImport(dictionary, problems)`, one "file:line: why" string per skipped line.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import NamedTuple

from detente.actors.dictionary import (
    SECTORS,
    ActorDictionary,
    ActorEntry,
    SectorWord,
    country_of,
    default_kind,
    normalise,
)
from detente.errors import DictionaryError

_BRACKETS = re.compile(r"\[([^\]]*)\]")
_CODE = re.compile(r"[A-Z0-9]+")
_DAY = dt.timedelta(days=1)
_AGENT = re.compile(r"(?P<phrase>[^\[{]+?)\s*(?:\{(?P<plural>[^}]*)\})?\s*\[(?P<code>[^\]]*)\]")
_MARKER_DEFINITION = re.compile(r"!(\w+)!\s*=\s*(.+)")
_MARKER = re.compile(r"!(\w+)!")
# The two substitution sets the PETRARCH documentation describes; a file may redefine them.
_DEFAULT_MARKERS = {
    "PERSON": ["MAN", "MEN", "WOMAN", "WOMEN", "PERSON"],
    "MINIST": ["MINISTER", "MINISTERS", "MINISTRY", "MINISTRIES"],
}


class PetrarchImport(NamedTuple):
    """What an import produced, and the lines it skipped ("file:line: why; line skipped")."""

    dictionary: ActorDictionary
    problems: tuple[str, ...]


_Span = tuple[dt.date | None, dt.date | None]  # inclusive; None is open-ended


class _Code(NamedTuple):
    code: str
    start: dt.date | None
    end: dt.date | None
    dated: bool


@dataclass
class _Record:
    line: int
    phrases: list[str] = field(default_factory=list)
    codes: list[_Code] = field(default_factory=list)


class _Problems(list[str]):
    def __init__(self, name: str):
        super().__init__()
        self.name = name

    def add(self, line: int, why: str) -> None:
        self.append(f"{self.name}:{line}: {why}; line skipped")


def load_petrarch_actors(path: str | os.PathLike[str]) -> PetrarchImport:
    """Import a PETRARCH/TABARI `.actors` file.

    >>> found, problems = load_petrarch_actors("Example.actors.txt")  # doctest: +SKIP
    """
    name = os.fspath(path)
    problems = _Problems(name)
    entries: list[ActorEntry] = []
    record: _Record | None = None
    for number, line in _lines(_read(path, name, problems)):
        text = line.strip()
        if text.startswith("~"):
            problems.add(number, "'~' line has no actor")
        elif text.startswith("[") or text.startswith("+"):
            if record is None:
                problems.add(number, "code or synonym line before any actor phrase")
            elif text.startswith("+"):
                _add_phrase(record, text[1:], number, problems)
            else:
                record.codes.extend(_codes(text, number, problems))
        else:
            entries.extend(_record_entries(record, problems))
            record = _Record(number)
            _add_phrase(record, text, number, problems)
    entries.extend(_record_entries(record, problems))
    return PetrarchImport(ActorDictionary(tuple(entries)), tuple(problems))


def load_petrarch_agents(path: str | os.PathLike[str]) -> PetrarchImport:
    """Import a PETRARCH/TABARI `.agents` file as sector words (the result has no entries).

    >>> found, problems = load_petrarch_agents("Example.agents.txt")  # doctest: +SKIP
    """
    name = os.fspath(path)
    problems = _Problems(name)
    markers = {key: list(values) for key, values in _DEFAULT_MARKERS.items()}
    words: list[SectorWord] = []
    for number, line in _lines(_read(path, name, problems)):
        text = line.strip()
        definition = _MARKER_DEFINITION.fullmatch(text)
        if definition:
            values = [value.strip() for value in definition[2].split(",")]
            markers[definition[1].upper()] = [value for value in values if value]
            continue
        words.extend(_agent_words(text, number, markers, problems))
    return PetrarchImport(ActorDictionary(sectors=tuple(words)), tuple(problems))


# -- reading ---------------------------------------------------------------------------------

def _read(path: str | os.PathLike[str], name: str, problems: _Problems) -> str:
    try:
        with open(path, "rb") as file:
            data = file.read()
    except OSError as error:
        raise DictionaryError(
            f"{name}: cannot read the file ({error.strerror}); check the path"
        ) from error
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        # older dictionaries are Latin-1; every byte decodes, so nothing is lost
        problems.append(f"{name}: not UTF-8, read as Latin-1")
        return data.decode("latin-1")


def _lines(text: str) -> Iterator[tuple[int, str]]:
    """(line number, text) of each line that is not blank once comments are removed."""
    in_comment = False
    for number, line in enumerate(text.splitlines(), start=1):
        if in_comment:
            if "-->" not in line:
                continue
            line, in_comment = line.split("-->", 1)[1], False
        while "<!--" in line:
            before, _, after = line.partition("<!--")
            in_comment = "-->" not in after
            line = before if in_comment else before + after.split("-->", 1)[1]
        line = re.split(r"[#;]", line, maxsplit=1)[0]
        if "---STOP---" in line:
            return
        if line.strip() and not line.lstrip().startswith("<"):
            yield number, line


# -- actors ----------------------------------------------------------------------------------

def _clean(raw: str) -> str:
    # a final "_" in TABARI means "no stem"; detente never stems, so it is dropped
    return normalise(raw.replace("_", " "))


def _add_phrase(record: _Record, text: str, number: int, problems: _Problems) -> None:
    if text.count("[") != text.count("]"):
        problems.add(number, "unbalanced '[' ']'")
        return
    phrase = _clean(text.split("[", 1)[0])
    if not phrase:
        problems.add(number, "no phrase before the code")
        return
    record.phrases.append(phrase)
    record.codes.extend(_codes(text, number, problems))


def _codes(text: str, number: int, problems: _Problems) -> Iterator[_Code]:
    for inside in _BRACKETS.findall(text):
        try:
            yield _code(inside)
        except ValueError as error:
            problems.add(number, f"[{inside}]: {error}")


def _code(inside: str) -> _Code:
    code, _, restriction = inside.strip().partition(" ")
    code, restriction = code.upper(), restriction.strip()
    if code == "---":
        raise ValueError("null code, nothing to import")
    if not _CODE.fullmatch(code):
        raise ValueError(f"'{code}' is not a code (letters and digits)")
    if not restriction:
        return _Code(code, None, None, dated=False)
    if restriction[0] == "<":
        return _Code(code, None, _petrarch_date(restriction[1:]), dated=True)
    if restriction[0] == ">":
        return _Code(code, _petrarch_date(restriction[1:]), None, dated=True)
    first, dash, second = restriction.partition("-")
    if not dash:
        raise ValueError(f"date restriction '{restriction}' is not <DATE, >DATE or DATE-DATE")
    start, end = _petrarch_date(first), _petrarch_date(second)
    if end < start:
        raise ValueError(f"end date {end} is before start date {start}")
    return _Code(code, start, end, dated=True)


def _petrarch_date(text: str) -> dt.date:
    text = text.strip()
    if not text.isdigit() or len(text) not in (6, 8):
        raise ValueError(f"'{text}' is not a date (YYMMDD or YYYYMMDD)")
    if len(text) == 6:  # the KEDS/TABARI rule: 00-30 is this century
        text = ("20" if int(text[:2]) <= 30 else "19") + text
    try:
        return dt.date(int(text[:4]), int(text[4:6]), int(text[6:]))
    except ValueError as error:
        raise ValueError(f"'{text}' is not a date ({error})") from None


def _gaps(spans: list[_Span]) -> list[_Span]:
    """The stretches of time no span covers (None = open-ended), where a default code applies."""
    gaps: list[_Span] = []
    cursor: dt.date | None = dt.date.min  # first day not yet covered; None once time runs out
    for start, end in sorted(spans, key=lambda s: s[0] or dt.date.min):
        first = start or dt.date.min
        if cursor is not None and first > cursor:
            gaps.append((cursor, first - _DAY))
        if end is None or end == dt.date.max:
            cursor = None
        elif cursor is not None:
            cursor = max(cursor, end + _DAY)
    if cursor is not None:
        gaps.append((cursor, dt.date.max))
    return [(s if s != dt.date.min else None, e if e != dt.date.max else None) for s, e in gaps]


def _record_entries(record: _Record | None, problems: _Problems) -> list[ActorEntry]:
    if record is None or not record.phrases:
        return []
    if not record.codes:
        problems.add(record.line, f"'{record.phrases[0]}' has no valid code")
        return []
    dated = [c for c in record.codes if c.dated]
    gaps = _gaps([(c.start, c.end) for c in dated])
    spans = [(c.code, c.start, c.end) for c in dated]
    spans += [(c.code, start, end) for c in record.codes if not c.dated for start, end in gaps]
    return [
        ActorEntry(phrase, code, country_of(code), default_kind(code), _looks_like_acronym(phrase),
                   start, end)
        for phrase in record.phrases for code, start, end in spans
    ]


def _looks_like_acronym(phrase: str) -> bool:
    # PETRARCH files are all capitals, so case says nothing; a lone 2-3 letter word ("US",
    # "UN", "WHO") is taken as an acronym that must match its capitals
    letters = phrase.replace(".", "")
    return " " not in phrase and letters.isalpha() and 2 <= len(letters) <= 3


# -- agents ----------------------------------------------------------------------------------

def _agent_words(text: str, number: int, markers: dict[str, list[str]],
                 problems: _Problems) -> list[SectorWord]:
    match = _AGENT.fullmatch(text)
    if match is None:
        problems.add(number, "expected 'PHRASE {PLURAL} [~CODE]'")
        return []
    sector, why = _sector(match["code"])
    if sector is None:
        problems.add(number, why)
        return []
    phrase = match["phrase"]
    if _MARKER.search(phrase):
        try:
            forms = _expand(phrase, markers)
        except KeyError as error:
            problems.add(number, f"substitution marker !{error.args[0]}! is not defined")
            return []
    elif match["plural"] is not None:
        forms = [phrase, match["plural"]]
    else:
        forms = [phrase, _plural(_clean(phrase).lower())]
    words = dict.fromkeys(_clean(form).lower() for form in forms)  # ordered, no repeats
    return [SectorWord(word, sector) for word in words if word]


def _sector(code: str) -> tuple[str | None, str]:
    bare = code.strip().upper()
    if bare.startswith("~"):
        bare = bare[1:]
    elif bare.endswith("~"):
        bare = bare[:-1]
    else:
        return None, f"agent code '{code}' has no '~'"
    # PETRARCH stacks sub-codes ("~GOVFRM"); detente keeps one sector, the first
    for candidate in (bare, bare[:3]):
        if candidate in SECTORS:
            return candidate, ""
    known = ", ".join(sorted(SECTORS))
    return None, f"agent code '{code}' is not one of detente's sectors ({known})"


def _expand(phrase: str, markers: dict[str, list[str]]) -> list[str]:
    found = _MARKER.search(phrase)
    if found is None:
        return [phrase]
    values = markers[found[1].upper()]  # KeyError names the undefined marker
    head, tail = phrase[: found.start()], phrase[found.end():]
    return [form for value in values for form in _expand(head + value + tail, markers)]


def _plural(phrase: str) -> str:
    if re.search(r"[^aeiou]y$", phrase):
        return phrase[:-1] + "ies"
    if re.search(r"(s|x|z|ch|sh)$", phrase):
        return phrase + "es"
    return phrase + "s"
