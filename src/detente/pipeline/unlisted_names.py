"""Words that make a name the gazetteer lacks a feature of a kind: a type word first ("the Gulf
of Paria", "Lake Kivu", "River Kwanza"), "river" or "island" after it ("the Bug river", "Delft
island"), and the run of capitalised words such a name is.

`toponyms.ToponymFinder` asks these; `places.py` stands the names where the words around them
say they lie.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from detente.model import Place
from detente.pipeline.division_words import ADMIN_WORDS
from detente.pipeline.name_words import TRAILING_ADJECTIVES
from detente.pipeline.place_words import (
    ARABIC_ARTICLES,
    CALENDAR,
    CONTINENTS,
    KIND_WORDS,
    LOCATIVES,
    NAME_PARTICLES,
    TITLES,
    demonyms,
    word_in_clause,
)
from detente.places.gazetteer import Gazetteer
from detente.places.names import ascii_fold, fold_name

# a type word before a name the gazetteer lacks, and the kind of place it makes: "the Gulf of
# Paria", "Lake Kivu", "Mount Ruang" (a lake is stored as a sea, as the curated list does).
# Those of the first line need "of": "the Gulf Cooperation Council", "the Bay Area" are not seas
_TYPE_OF = {"Gulf": "sea", "Bay": "sea", "Sea": "sea", "Strait": "sea", "Straits": "sea",
            "Channel": "sea", "Isle": "island", "Bight": "sea"}
_TYPE_FIRST = {**_TYPE_OF, "Lake": "sea", "Lac": "sea", "Lago": "sea", "Mount": "region",
               "Mt": "region", "Cape": "region", "River": "sea"}
# a type word in another language that a particle joins to the name: "Cabo de Gata", "the Massif
# de la Selle", "Golfo de Fonseca", "Banc d'Arguin" (with an elided article)
_TYPE_DE = {"Cabo": "region", "Cap": "region", "Massif": "region", "Sierra": "region",
            "Serranía": "region", "Serrania": "region",
            "Cordillera": "region",
            "Serra": "region", "Cerro": "region", "Monte": "region", "Mont": "region",
            "Banc": "region", "Golfo": "sea", "Bahía": "sea", "Bahia": "sea", "Baie": "sea",
            "Lago": "sea", "Lac": "sea", "Laguna": "sea", "Isla": "island", "Ilha": "island",
            "Île": "island", "Ile": "island", "Isola": "island"}
# a type word before or after a name, as `without_type_word` takes it off
_TYPE_WORD = re.compile(r"^(?:Lake|Lac|Mount|Mt\.?|Mont) |(?: (?:[Rr]iver|[Vv]alley|[Ll]ake|[Bb]ay))$")


def without_type_word(name: str) -> str:
    """The name a lake, mountain, river or valley is named after: "Lake Tefé" -> "Tefé",
    "Kasai River" -> "Kasai"; the name itself where no type word opens or ends it."""
    return _TYPE_WORD.sub("", name)


# lower-case words after a name that make it an island the gazetteer may lack: "Delft island"
ISLAND_WORDS = ("island", "islands", "atoll", "islet", "islets", "archipelago")


def type_first(doc: Doc, start: int) -> tuple[int, str] | None:
    """(end, kind) of a feature the gazetteer lacks, named by its type word first: "the Gulf of
    Paria", "Lake Kivu", "Mount Ruang" (`_TYPE_FIRST`); None where the token at `start` opens
    no such name. It stands where the story or its sentence is, as a name the gazetteer lacks
    does (`places.py`)."""
    if doc[start].text in _TYPE_DE and start + 1 < len(doc) and \
            doc[start + 1].text in TRAILING_ADJECTIVES:
        return capitalised_run(doc, start + 1), _TYPE_DE[doc[start].text]  # "Cordillera Central"
    if doc[start].text in _TYPE_DE and start + 1 < len(doc):
        particle = doc[start + 1].text
        name = start + 2 if particle in NAME_PARTICLES else \
            start + 1 if _ELIDED.match(particle) else 0
        if name and name < len(doc) and doc[name].text in ("la", "las", "los", "l'"):
            name += 1
        if name and name < len(doc) and (doc[name].is_title or _ELIDED.match(doc[name].text)) \
                and not doc[name].is_sent_start:
            return max(capitalised_run(doc, name), name + 1), _TYPE_DE[doc[start].text]
    if doc[start].text not in _TYPE_FIRST:
        return None
    of = start + 1 < len(doc) and doc[start + 1].lower_ == "of"
    if of != (doc[start].text in _TYPE_OF):
        return None
    name = start + 1 + of
    end = capitalised_run(doc, name)
    if end == name or doc[name].is_sent_start:
        return None
    return end, _TYPE_FIRST[doc[start].text]


def unlisted_feature_end(doc: Doc, start: int, end: int, candidates: tuple[Place, ...]) -> int:
    """Where the name from `start` ends when "river" or "island" follows it and the gazetteer
    has no river or island of that name (a name it lacks when `end` is 0); else 0."""
    if any(p.feature == "sea" for p in candidates):
        return 0  # "the Dnipro river", "the Naf River": the curated river
    if end and end + 1 < len(doc) and doc[end].text in ("'s", "’s") and \
            doc[end + 1].lower_ in ("island", "isle", "atoll", "islet") and \
            not _of_an_owner(doc, end + 2):
        return end + 1  # "off Saint Martin's island": an island of that name, not Saint-Martin
    run = capitalised_run(doc, start) if end else 0
    if run > end and run < len(doc) and doc[run].lower_ in ("river", *ISLAND_WORDS):
        return run  # "the Nysa Kłodzka river": one name, though Nysa is a Polish town
    if end and end < len(doc) and doc[end].lower_ in ISLAND_WORDS:
        # "Delft island" off Sri Lanka is no Dutch city; but "Cyprus island" is Cyprus
        return 0 if any(p.feature in ("island", "country") or p.source == "curated"
                        for p in candidates) else end
    if end:
        # "the Cagayan river" flows where Cagayan is (`FEATURE_WORDS`); "the Madeira river"
        # is not at Tabira, Brazil, one of whose other names is Madeira
        text = fold_name(doc[start:end].text)
        if any(fold_name(p.name) == text for p in candidates):
            return 0
    elif doc[start].is_sent_start or doc[start].text in TITLES or \
            doc[start].lower_ in CALENDAR or doc[start].lower_ == "the" or doc[start].is_stop or \
            doc[start].text in demonyms() or doc[start].text in CONTINENTS:
        return 0  # "the Italian island of X" names no island "Italian"; "Our river" no river
    else:
        end = capitalised_run(doc, start)
        end -= end - start > 1 and doc[end - 1].text == "River"
    return end if end < len(doc) and doc[end].lower_ in ("river", *ISLAND_WORDS) else 0


def _of_an_owner(doc: Doc, after: int) -> bool:
    """Whether the words after "X's island" make X its owner, or "island" a word of what X has:
    "Japan's island of Okinawa", "Greece's island Crete", "Taiwan's island defences"; not
    "off X's island on Sunday"."""
    return after < len(doc) and (doc[after].lower_ == "of" or doc[after].is_title or
                                 not (doc[after].is_punct or doc[after].is_stop))


def capitalised_run(doc: Doc, start: int) -> int:
    """Where the run of up to three capitalised words from `start` ends, within its sentence."""
    end = start
    joined = 0  # particles between the words ("Ciudad del Este"): no words of their own
    while end < len(doc) and end - start - joined < 3 and _titled(doc[end]) and \
            (doc[end].is_alpha or _ELIDED_WORD.fullmatch(doc[end].text) or
             doc[end].text in _ABBREVIATIONS and end + 1 < len(doc)
             and doc[end + 1].is_title) and (end == start or not doc[end].is_sent_start):
        end += 1
        # "Pont-Cassé", "Anse-à-Pitres", "Saut-d'Eau": a hyphen joins the words of one name
        while end + 1 < len(doc) and doc[end].text == "-" and not doc[end - 1].whitespace_ \
                and not doc[end].whitespace_:
            if doc[end + 1].is_title and doc[end + 1].is_alpha or _ELIDED.match(doc[end + 1].text):
                end += 2
            elif end + 3 < len(doc) and doc[end + 1].lower_ in _HYPHEN_PARTICLES and \
                    doc[end + 2].text == "-" and doc[end + 3].is_title:
                end += 4
            else:
                break
        # "Deir el-Zour", "Ras al-Ain": an Arabic article joined to the next word
        if end + 2 < len(doc) and doc[end].lower_ in ARABIC_ARTICLES and doc[end - 1].whitespace_ \
                and doc[end + 1].text == "-" and not doc[end].whitespace_ and \
                not doc[end + 1].whitespace_ and doc[end + 2].is_title and doc[end + 2].is_alpha:
            end += 3
            joined += 2  # the article and its hyphen are no words: "Hawsh al-Sayyed Ali"
        # "Cabo de Gata", "Massif de la Selle", "Ciudad del Este": a particle between two
        # capitalised words of one name
        if end + 1 < len(doc) and end > start and doc[end].text in NAME_PARTICLES:
            after = end + 1 + (doc[end].text == "de" and doc[end + 1].text in ("la", "las", "los"))
            if after < len(doc) and doc[after].is_title and doc[after].is_alpha and \
                    not doc[after].is_sent_start:
                joined += after - end
                end = after
    return end


_ABBREVIATIONS = frozenset({"St.", "Ste.", "Mt.", "Ft.", "Pt."})  # "St. Marys Bay"


def article_joined(doc: Doc, index: int) -> bool:
    """Whether the lower-case word at `index` is an Arabic article joined to a name ("al-Qaim",
    "el-Arish"): the name begins there."""
    return index + 2 < len(doc) and doc[index].lower_ in ARABIC_ARTICLES and \
        doc[index].text.islower() and doc[index + 1].text == "-" and \
        not doc[index].whitespace_ and not doc[index + 1].whitespace_ and doc[index + 2].is_title




# lower-case words inside hyphenated names ("Port-au-Prince", "Anse-à-Pitres") and an elided
# article before a capital ("Saut-d'Eau")
_HYPHEN_PARTICLES = frozenset({"à", "a", "au", "aux", "de", "du", "des", "la", "le", "les", "en",
                               "sur", "sous", "lès", "lez", "del", "di", "do", "da", "am", "an",
                               "im", "on", "upon", "el",
                               # the Persian and Urdu ezafe: "Koh-i-Noor", "Pul-e-Alam", "Dera-ul-X"
                               "i", "e", "ye", "ul", "ud"})
_ELIDED = re.compile(r"^[dlDL]['’][A-ZÀ-Ý]")
# one word of a name elided at an apostrophe: "Grand'Anse", "Sant'Antioco"
_ELIDED_WORD = re.compile(r"[^\W\d_]+['’][^\W\d_]+")


def _titled(token: Token) -> bool:
    """Whether a word is written as a name's: capitalised, or capitalised with an apostrophe
    inside it before lower-case letters ("Mota'ain", "M'hamid", which `str.istitle` refuses);
    not a glottal stop after one or two letters, as peoples' names write it ("K'iche",
    "Q'eqchi"), but the Maghreb's "M'" ("M'zab")."""
    text = token.text.replace("’", "'")
    head = text.split("'")[0]
    return token.is_title or bool(_ELIDED_WORD.fullmatch(text)) and text[:1].isupper() and \
        (len(head) >= 3 or head == "M") and text[1:].replace("'", "").islower()


# what a river does, after its name: "the Tapajós fell", "the Severn burst its banks"
RIVER_VERBS = frozenset({"rose", "rises", "fell", "falls", "burst", "bursts", "broke", "breaks",
                         "swept", "sweeps", "flows", "flowed", "runs", "ran", "swelled", "swells",
                         "overflowed", "overflows", "carried", "carries", "froze", "freezes",
                         "dried", "meets", "met", "crested", "peaked", "river", "estuary", "valley",
                         "basin", "delta"})


# what only a river in flood does, after "the" and a name the gazetteer lacks: "The Surma
# overflowed", "the Mahaweli broke its banks" (not "fell" or "rose" alone: "the Nikkei rose")
_FLOODS = frozenset({"overflowed", "overflows", "swelled", "swells", "crested", "crests", "crest"})
# a rise that is a river's where its sentence tells of a flood: "The Tamar rose to its highest
# level in 50 years, and 600 homes were evacuated" (but "the Nikkei rose to its highest level")
_RISES = frozenset({"rose", "rises", "rising", "risen", "peaked", "peaks"})
_FLOOD_WORDS = frozenset({"flood", "floods", "flooded", "flooding", "floodwaters", "inundated",
                          "submerged", "evacuated", "evacuation", "evacuations", "water",
                          "rain", "rains", "rainfall", "downpours", "dikes", "dykes", "levees",
                          # "the X river burst its stopbanks, and the Y also rose sharply"
                          "banks", "stopbanks"})
_OVER_BANKS = frozenset({"burst", "bursts", "broke", "breaks", "breached", "breaches", "topped",
                         "tops", "overtopped", "spilled", "spills", "rose", "rises", "over"})
_RIVER_LEVELS = frozenset({"banks", "bank", "danger", "flood", "metres", "meters", "feet",
                           "levees", "levee", "dikes", "dykes", "embankments", "embankment",
                           "bridge", "bridges"})


def river_words(doc: Doc, start: int, end: int) -> bool:
    """Whether the words around the name after "the" at `start` say it is a river: it floods
    (`in_flood`), it has banks, a mouth or waters ("the banks of the Kara Darya"), a dam,
    bridge or ferry stands on it ("the dam on the Zeya"), or levees line it."""
    if end < len(doc) and doc[end].lower_ in _COURSE or _river_apposed(doc, end):
        return True  # "The X flows east into", "The X, a dry bed for most of the year,"
    return in_flood(doc, end) or start >= 3 and (
        doc[start - 2].lower_ == "of" and doc[start - 3].lower_ in _RIVER_PARTS or
        doc[start - 2].lower_ in ("on", "over", "across") and doc[start - 3].lower_ in _ON_RIVERS or
        doc[start - 2].lower_ == "along" and doc[start - 3].lower_ in _LEVEES)


# what only a river does, right after "the" and its name: "The X flows east into the Y"
_COURSE = frozenset({"flows", "flowed", "drains", "drained", "meanders", "meandered", "empties",
                     "emptied", "loops", "looped"})
# an apposition's head that makes the name before it a river: "The X, a tributary of the Y,"
_RIVER_NOUNS = frozenset({"river", "tributary", "stream", "riverbed", "bed", "watercourse"})


def _river_apposed(doc: Doc, end: int) -> bool:
    """Whether an apposition after the name says it is a river: "The X, a dry bed for most of
    the year,", "the X, a tributary of the Y"."""
    return end + 1 < len(doc) and doc[end].text == "," and \
        word_in_clause(doc, end + 1, 5, _RIVER_NOUNS, names_stop=True)


# what stands on or crosses a river, or comes down it: "the dam on the X", "a bridge over the
# X", "a flood on the X"
_ON_RIVERS = frozenset({"dam", "dams", "barrage", "weir", "bridge", "bridges", "ferry", "ferries",
                        "ice", "flood", "floods", "flooding"})


# what is built along a river: "levees along the X"
_LEVEES = frozenset({"levee", "levees", "dyke", "dykes", "dike", "dikes", "embankment",
                     "embankments", "floodwalls", "stopbanks", "stopbank"})


_RIVER_PARTS = frozenset({"banks", "bank", "mouth", "source", "headwaters", "waters", "estuary",
                          "floodplain", "gorge", "valley", "basin"})


def in_flood(doc: Doc, end: int) -> bool:
    """Whether the words after a name say a river floods: "overflowed", "burst its banks",
    "rose above danger level", "rose to flood level", "rose two metres", "broke through levees",
    "(pushed the X) over its banks"; also after where it
    flows ("The Surma in north-eastern Bangladesh rose above danger level")."""
    for at in range(end, min(len(doc), end + _FLOOD_REACH)):
        if doc[at].is_punct and doc[at].text != "-":
            return False
        if doc[at].lower_ in _FLOODS:
            return True
        if doc[at].lower_ in _RISES and (_tells_of_flood(doc, at) or any(
                t.lower_ in _RIVER_HEIGHTS for t in doc[at + 1:min(len(doc), at + 6)])):
            return True  # (or rose by a height: "rose to within a metre of the bridge")
        if at == end and doc[at].lower_ == "flooded" and at + 1 < len(doc) and \
                doc[at + 1].lower_ in _FLOODED:
            return True  # "The Blies flooded the centre of X"
        if doc[at].lower_ in _OVER_BANKS:
            return any(t.lower_ in _RIVER_LEVELS for t in doc[at + 1:min(len(doc), at + 5)])
    return False


def _tells_of_flood(doc: Doc, at: int) -> bool:
    """Whether the sentence of doc[at], or the story's first, has a word of flooding in it (a
    flood story's later sentence: "The X was also rising fast at Y")."""
    start = at
    while start > 0 and not doc[start].is_sent_start:
        start -= 1
    end = at + 1
    while end < len(doc) and not doc[end].is_sent_start:
        end += 1
    lede = 1
    while lede < len(doc) and not doc[lede].is_sent_start:
        lede += 1
    return any(t.lower_ in _FLOOD_WORDS for t in (*doc[start:end], *doc[:lede]))


_FLOOD_REACH = 7  # tokens after the name in which the verb is sought
# a river's rise, measured: "rose two metres" (not "rose to its highest level": an index)
_RIVER_HEIGHTS = frozenset({"metre", "metres", "meter", "meters", "feet", "foot", "height"})
# what a river floods: "The X flooded the centre", "flooded homes"
_FLOODED = frozenset({"the", "homes", "houses", "streets", "villages", "towns", "farmland",
                      "fields", "parts", "much", "large", "hundreds", "thousands", "roads",
                      "low", "areas", "neighbourhoods", "neighborhoods", "farms", "crops"})


# where on a river, after its name: "the Kama near Chistopol", "the Tisza below Szeged"
_ALONG = frozenset({"below", "above", "upstream", "downstream", "between"})


def river_by_bare_name(gazetteer: Gazetteer, doc: Doc, start: int, end: int,
                       candidates: tuple[Place, ...]) -> tuple[int, tuple[Place, ...]]:
    """(end, candidates) of the name after "the" at `start`: "the Tapajós fell", "the Severn
    burst its banks" is the river the gazetteer has only with "River", not a town or state of
    the name (Severn, Maryland; "the Mississippi"), nor unknown; a name only towns have that
    floods is a river the gazetteer lacks (0, ()); else `end` and `candidates` as they were.
    The caller leaves countries and curated features their names ("the Gambia", "the
    Essequibo"); a name that modifies a noun is no river ("the Kabul government")."""
    after = doc[end] if end and end < len(doc) else None
    if after is not None and (after.text == "-" or after.is_lower and after.is_alpha and
                              not after.is_stop and after.lower_ not in RIVER_VERBS and
                              after.lower_ not in LOCATIVES and after.lower_ not in _ALONG and
                              not after.lower_.endswith("ed")):
        return end, candidates  # "the Kabul-Kandahar highway", "the Kabul government"
    for stop in range(capitalised_run(doc, start), max(start, end - 1), -1):
        if stop < len(doc) and KIND_WORDS.get(doc[stop].lower_, "sea") != "sea" or \
                stop < len(doc) and doc[stop].lower_ in ADMIN_WORDS:
            continue  # "the Cauca department"; but "the Madeira river"
        name = ascii_fold(" ".join(doc[start:stop].text.split()))
        rivers = tuple(p for form in (f"{name} River", f"River {name}")
                       for p in gazetteer.candidates(form) if p.feature == "sea")
        if rivers:
            return stop, rivers
    if end and all(p.feature == "city" for p in candidates) and capitalised_run(doc, start) == end \
            and river_words(doc, start, end):
        # "The Cachoeira burst its banks in Itabuna": a river the gazetteer lacks, not a town
        # of the name 250 km away
        return 0, ()
    return end, candidates
