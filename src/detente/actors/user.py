"""A user's own actor file (TOML): extra or overriding names, dated roles, sector words.

The format is documented in docs/actors.md. Every mistake raises `DictionaryError` with the
file, the table and the field, so a user can fix it without reading this code.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import tomllib
from typing import Any

from detente.actors.dictionary import (
    KINDS,
    SECTORS,
    ActorDictionary,
    ActorEntry,
    SectorWord,
    country_of,
    default_kind,
    looks_like_acronym,
    normalise,
)
from detente.errors import DictionaryError

_ACTOR_FIELDS = ("code", "names", "from", "until", "kind", "match_case")
_SECTOR_FIELDS = ("phrase", "sector")
_CODE = re.compile(r"[A-Z][A-Z0-9]{1,15}")
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def load_user_dictionary(path: str | os.PathLike[str]) -> ActorDictionary:
    """Read a user actor file; lay it over the built-in one with `merged()`.

    >>> mine = load_user_dictionary("actors.toml")  # doctest: +SKIP
    >>> ActorDictionary.builtin().merged(mine).lookup("Jane Example")  # doctest: +SKIP
    """
    name = os.fspath(path)
    data = _read_toml(path, name)
    for key in data:
        if key not in ("actor", "sector"):
            raise DictionaryError(
                f"{name}: unknown table '{key}'; use [[actor]] or [[sector]] (see docs/actors.md)"
            )
    entries = [
        entry
        for number, table in enumerate(_tables(data, "actor", name), start=1)
        for entry in _actor_entries(table, f"{name}: actor #{number}")
    ]
    sectors = [
        _sector_word(table, f"{name}: sector #{number}")
        for number, table in enumerate(_tables(data, "sector", name), start=1)
    ]
    return ActorDictionary(tuple(entries), tuple(sectors))


def _read_toml(path: str | os.PathLike[str], name: str) -> dict[str, Any]:
    try:
        with open(path, "rb") as file:
            return tomllib.load(file)
    except OSError as error:
        raise DictionaryError(
            f"{name}: cannot read the file ({error.strerror}); check the path"
        ) from error
    except tomllib.TOMLDecodeError as error:
        raise DictionaryError(f"{name}: not valid TOML: {error}; fix the syntax there") from error
    except UnicodeDecodeError as error:
        raise DictionaryError(f"{name}: not UTF-8 text; save the file as UTF-8") from error


def _tables(data: dict[str, Any], key: str, name: str) -> list[dict[str, Any]]:
    tables = data.get(key, [])
    if not isinstance(tables, list) or not all(isinstance(t, dict) for t in tables):
        raise DictionaryError(
            f"{name}: '{key}' must be a list of tables; write [[{key}]], not [{key}]"
        )
    return tables


def _check_fields(table: dict[str, Any], allowed: tuple[str, ...], where: str) -> None:
    for field in table:
        if field not in allowed:
            raise DictionaryError(
                f"{where}: unknown field '{field}'; expected one of {', '.join(allowed)}"
            )


def _actor_entries(table: dict[str, Any], where: str) -> list[ActorEntry]:
    _check_fields(table, _ACTOR_FIELDS, where)
    code = table.get("code")
    if not isinstance(code, str) or not _CODE.fullmatch(code):
        raise DictionaryError(
            f"{where}: 'code' must be an upper-case actor code like \"USAGOV\" or \"UN\": {code!r}"
        )
    names = table.get("names")
    if not isinstance(names, list) or not names or \
            not all(isinstance(n, str) and n.strip() for n in names):
        raise DictionaryError(
            f"{where}: 'names' must be a list of non-empty strings, e.g. names = [\"Jane Example\"]"
        )
    start, end = _date(table, "from", where), _date(table, "until", where)
    if start and end and end < start:
        raise DictionaryError(f"{where}: 'until' ({end}) is before 'from' ({start}); swap them")
    kind = table.get("kind", default_kind(code))
    if kind not in KINDS:
        raise DictionaryError(
            f"{where}: 'kind' must be one of {', '.join(sorted(KINDS))}: {kind!r}"
        )
    match_case = table.get("match_case")
    if match_case is not None and not isinstance(match_case, bool):
        raise DictionaryError(f"{where}: 'match_case' must be true or false: {match_case!r}")
    country = country_of(code)
    return [
        ActorEntry(phrase, code, country, kind,
                   looks_like_acronym(phrase) if match_case is None else match_case, start, end)
        for phrase in map(normalise, names)
    ]


def _date(table: dict[str, Any], field: str, where: str) -> dt.date | None:
    value = table.get(field)
    if value is None:
        return None
    if isinstance(value, dt.datetime):  # a TOML date-time: the day is all a role needs
        return value.date()
    if isinstance(value, dt.date):  # a bare TOML date: from = 2021-01-20
        return value
    if isinstance(value, str) and _DATE.fullmatch(value):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:  # well formed but impossible: 2021-13-01
            pass
    raise DictionaryError(f"{where}: '{field}' is not a date (YYYY-MM-DD): {value!r}")


def _sector_word(table: dict[str, Any], where: str) -> SectorWord:
    _check_fields(table, _SECTOR_FIELDS, where)
    phrase, sector = table.get("phrase"), table.get("sector")
    if not isinstance(phrase, str) or not phrase.strip():
        raise DictionaryError(
            f"{where}: 'phrase' must be a non-empty string, e.g. phrase = \"ministry of truth\""
        )
    if sector not in SECTORS:
        raise DictionaryError(
            f"{where}: 'sector' must be one of {', '.join(sorted(SECTORS))}: {sector!r}"
        )
    return SectorWord(normalise(phrase), sector)
