"""What the gazetteer's builders and readers share: the row and town tuples, ASCII folding,
name comparison, ISO codes and great-circle distance.

`build.py` makes the cities', towns', countries' and curated rows, `divisions.py` the
divisions'; both read names through `ascii_fold` and countries through `alpha3_by_alpha2`.
"""

from __future__ import annotations

import math
import re
import unicodedata

# name, country, admin1, lat, lon, feature, countries, population, source
Row = tuple[str, str, str, float, float, str, tuple[str, ...], int, str]

# lat, lon, country (alpha-3), admin-1 name, name, admin-2 name as the file writes it ("" none)
Town = tuple[float, float, str, str, str, str]

# a place of one file this close to a place of its name and country in another is that place
SAME_PLACE_KM = 10

_WESTERN_SAHARA = 27.667  # the parallel of 27°40' N: Morocco's border with Western Sahara


def recognised_country(country: str, lat: float) -> str:
    """A place's state as international recognition has it (PROVENANCE.md): GeoNames files
    Western Sahara's towns under Morocco, which holds most of it; they are Western Sahara's (ESH),
    with Morocco concerned."""
    return "ESH" if country == "MAR" and lat < _WESTERN_SAHARA else country


# letters NFKD leaves whole, which an ASCII fold would drop ("Bakı" -> "Bak")
_UNDECOMPOSED = str.maketrans({"ı": "i", "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d",
                               "Đ": "D", "ß": "ss", "æ": "ae", "Æ": "AE", "œ": "oe", "þ": "th",
                               "ð": "d", "ħ": "h", "Ħ": "H"})


def ascii_fold(text: str) -> str:
    """'Herāt' -> 'Herat': news copy writes names without diacritics."""
    text = text.replace("\u2019", "'").replace("\u02bb", "'").translate(_UNDECOMPOSED)
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")


def alpha3_by_alpha2() -> dict[str, str]:
    import pycountry

    table = {c.alpha_2: c.alpha_3 for c in pycountry.countries}
    table["XK"] = "XKX"  # Kosovo has no ISO code; XKX is the one the EU and the IMF use
    return table


def fold_name(text: str) -> str:
    """A name as names are compared: ASCII, lower case, single spaces ("São  Tomé" -> "sao tome")."""
    return ascii_fold(" ".join(text.split())).lower()


def same_name(name: str, text: str) -> bool:
    """Whether two folded names (`fold_name`) are one name written short or long: "marawi" and
    "marawi city", "st helier" and "saint helier", "washington" and "washington, d.c."."""
    name, text = (n.replace("saint ", "st ").replace(".", "") for n in (name, text))
    return name.startswith(text) or text.startswith(name) or name.endswith(" " + text)


# words a place name keeps in lower case inside it ("Port-au-Prince", "Viña del Mar",
# "Dar es Salaam", "Boulogne-sur-Mer")
_PARTICLES = frozenset({"de", "del", "la", "las", "los", "le", "les", "du", "des", "da", "do", "dos",
                        "das", "di", "of", "the", "and", "sur", "en", "es", "el", "au", "aux", "y",
                        "upon", "on", "am", "an", "der", "im",
                        "e", "i"})  # the Persian linking vowel: "Mazar-i-Sharif", "Pul-e-Khumri"


def dateline_case(text: str) -> str:
    """A name written in capitals, as it is written in mixed case: each word capitalised after a
    space or a hyphen only, particles inside it in lower case.

    >>> dateline_case("ST. JOHN'S"), dateline_case("BOULOGNE-SUR-MER"), dateline_case("VIÑA DEL MAR")
    ("St. John's", 'Boulogne-sur-Mer', 'Viña del Mar')
    """
    out = []
    for number, part in enumerate(re.split(r"([ -])", text.lower())):
        out.append(part if part in (" ", "-") or number and part in _PARTICLES
                   else part[:1].upper() + part[1:])
    return "".join(out)


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in km.

    >>> round(haversine_km(48.8534, 2.3488, 51.5085, -0.1257))
    344
    """
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(min(1.0, a)))
