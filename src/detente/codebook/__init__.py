"""The CAMEO 1.1b3 event codebook: labels, Goldstein scores, quad classes, PLOVER equivalents.

The table is package data (`cameo.csv`); `PROVENANCE.md` says where each column comes from.

>>> codebook = load_codebook()
>>> code = codebook.get("1312")
>>> code.label, code.goldstein, QUAD_CLASS_NAMES[code.quad_class], code.plover_event
('Threaten with sanctions, boycott, embargo', -5.8, 'verbal conflict', 'THREATEN')
"""

from __future__ import annotations

import csv
import functools
import io
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from importlib import resources
from types import MappingProxyType

from detente.errors import UnknownCodeError

__all__ = ["QUAD_CLASS_NAMES", "CameoCode", "Codebook", "load_codebook"]

QUAD_CLASS_NAMES = MappingProxyType(
    {
        1: "verbal cooperation",
        2: "material cooperation",
        3: "verbal conflict",
        4: "material conflict",
    }
)

_WORD = re.compile(r"[a-z0-9]+")


@dataclass(frozen=True, slots=True)
class CameoCode:
    """One CAMEO event code, e.g. "1312" Threaten with sanctions, boycott, embargo.

    `quad_class` is 1-4 (see `QUAD_CLASS_NAMES`); `plover_mode` is "" where no PLOVER mode fits.
    """

    code: str
    label: str
    goldstein: float
    quad_class: int
    plover_event: str
    plover_mode: str

    @property
    def root(self) -> str:
        """The two-digit cue category: "13" for "1312"."""
        return self.code[:2]


class Codebook:
    """All CAMEO codes, iterated in code order ("01", "010", ..., "2042"). Immutable.

    >>> [c.code for c in load_codebook().children("138")]
    ['1381', '1382', '1383', '1384', '1385']
    """

    __slots__ = ("_by_code",)
    _by_code: MappingProxyType[str, CameoCode]

    def __init__(self, codes: Iterable[CameoCode]) -> None:
        # Digit strings sort parent-first ("13" < "130" < "1301"), which is CAMEO's own order.
        by_code = {c.code: c for c in sorted(codes, key=lambda c: c.code)}
        object.__setattr__(self, "_by_code", MappingProxyType(by_code))

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"Codebook is immutable; cannot set {name!r}")

    def __repr__(self) -> str:
        return f"<Codebook: {len(self)} CAMEO codes>"

    def __contains__(self, code: object) -> bool:
        return isinstance(code, str) and code in self._by_code

    def __iter__(self) -> Iterator[CameoCode]:
        return iter(self._by_code.values())

    def __len__(self) -> int:
        return len(self._by_code)

    def get(self, code: str) -> CameoCode:
        """The entry for `code`; raises `UnknownCodeError` (a `KeyError`) saying what exists."""
        if code in self:
            return self._by_code[code]
        raise UnknownCodeError(self._unknown_message(code))

    def search(self, query: str) -> list[CameoCode]:
        """Codes starting with `query` if it is digits, else codes whose label, PLOVER event or
        mode has every word of `query` as a word prefix (case-insensitive).

        >>> [c.code for c in load_codebook().search("14")][:3]
        ['14', '140', '141']
        >>> [c.code for c in load_codebook().search("Hunger strike")]
        ['142', '1421', '1422', '1423', '1424']
        """
        query = query.strip()
        if query.isascii() and query.isdigit():
            return [c for c in self if c.code.startswith(query)]
        words = _WORD.findall(query.lower())
        if not words:
            return []
        return [c for c in self if _has_words(c, words)]

    def children(self, code: str) -> list[CameoCode]:
        """The codes one level below `code`: "13" gives 130-139; a four-digit code has none."""
        parent = self.get(code).code
        return [c for c in self if len(c.code) == len(parent) + 1 and c.code.startswith(parent)]

    def _unknown_message(self, code: object) -> str:
        text = str(code)
        if f"0{text}" in self:
            hint = f"Did you mean '0{text}'? Codes are strings and keep their leading zero."
        elif len(text) > 2 and text[:-1] in self:
            below = ", ".join(c.code for c in self.children(text[:-1])) or "none"
            hint = f"Codes under '{text[:-1]}' are: {below}."
        else:
            hint = "Codes are 2-4 digits under roots 01-20, e.g. '010', '138', '1312'."
        return f"{code!r} is not a CAMEO 1.1b3 event code. {hint} search() finds codes by word."


def _has_words(code: CameoCode, words: list[str]) -> bool:
    tokens = _WORD.findall(f"{code.label} {code.plover_event} {code.plover_mode}".lower())
    return all(any(token.startswith(word) for token in tokens) for word in words)


def _parse_row(row: dict[str, str]) -> CameoCode:
    return CameoCode(
        code=row["code"],
        label=row["label"],
        goldstein=float(row["goldstein"]),
        quad_class=int(row["quad_class"]),
        plover_event=row["plover_event"],
        plover_mode=row["plover_mode"],
    )


@functools.cache
def load_codebook() -> Codebook:
    """The codebook shipped with detente, read once per process.

    >>> len(load_codebook())
    311
    """
    text = resources.files(__name__).joinpath("cameo.csv").read_text(encoding="utf-8")
    return Codebook(_parse_row(row) for row in csv.DictReader(io.StringIO(text)))
