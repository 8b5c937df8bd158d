"""Words for administrative divisions around a place name: the division word after a name
("the Kherson region", "Borno state"), a plural one before or after a list of names
("counties Galway and Mayo", "across Gobi-Altai and Uvs provinces"), and the lower-case type
words after a name of compass words alone ("North West province").

`toponyms.ToponymFinder` and `unlisted_names.py` ask these; they need no gazetteer.
"""

from __future__ import annotations

from spacy.tokens import Doc

# "Donetsk region", "Kherson Oblast": the name of a city, then a first-level division word
ADMIN_WORDS = frozenset({"region", "province", "oblast", "governorate", "state", "prefecture",
                         "krai", "territory", "district", "county", "regions", "provinces",
                         "oblasts", "states", "governorates", "parish", "department",
                         "departments", "districts", "counties"})
# type words written in lower case after a name of compass words alone: "North West province"
# is indexed as "North West Province" (`divisions.compass_only`)
COMPASS_TYPES = frozenset({"province", "region", "state", "district", "county", "governorate"})
# "counties X and Y": a plural division word before names makes them divisions of that kind
PLURAL_ADMIN = {"counties": "county", "provinces": "province", "states": "state",
                "districts": "district", "regions": "region", "departments": "department",
                "governorates": "governorate", "oblasts": "oblast", "prefectures": "prefecture",
                "parishes": "parish"}


def after_list(doc: Doc, end: int) -> int:
    """Where the list of capitalised names that the name ending at `end` opens ends: "X and
    Uvs" of "X and Uvs provinces"; `end` where it opens none."""
    while end + 1 < len(doc) and (doc[end].text == "," or doc[end].lower_ in ("and", "or")) \
            and doc[end + 1].is_title:
        end += 1
        while end < len(doc) and (doc[end].is_title or doc[end].text == "-" and
                                  end + 1 < len(doc) and doc[end + 1].is_title):
            end += 1  # "Raja-Jooseppi": a hyphen joins one name
    return end


# division words read only after a name the gazetteer lacks ("in X zone", "in X and Y
# regencies"): after a name it has, they would make it the division of a town elsewhere ("the
# Schengen zone" is no division of Schengen)
UNLISTED_DIVISION_WORDS = frozenset({"zone", "zones", "regency", "regencies"})


def division_word_after(doc: Doc, end: int) -> bool:
    """Whether a division word follows the name ending at `end`, or the list of names it
    opens: "X province", "X and Uvs provinces"."""
    end = after_list(doc, end)
    return end < len(doc) and doc[end].lower_ in ADMIN_WORDS



def admin_before(doc: Doc, index: int) -> str:
    """The division word a plural before the name at `index` gives it: "counties Galway",
    "the provinces of Aurora"."""
    back = index - 1
    of = back >= 1 and doc[back].lower_ == "of"
    back -= of
    word = PLURAL_ADMIN.get(doc[back].lower_, "") if back >= 0 else ""
    if of and word:
        end = index
        while end < len(doc) and doc[end].is_title:
            end += 1
        if after_list(doc, end) == end:
            return ""  # "the low-lying districts of X": the parts of one place, not its name
    return word
