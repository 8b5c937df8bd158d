"""Words in and beside a place name that shape how it is read: prefixes and suffixes that
leave it a place ("Northern Syria", "Kherson Oblast"), feature words ("the Kurram Valley"),
words that head longer names ("Puerto Williams"), seas' adjectives ("Caribbean leaders"), and
the words between a name and the place said to hold it ("X, a town in northern Mali", "X near
Aleppo"). `toponyms.ToponymFinder` reads them; they need no gazetteer.
"""

from __future__ import annotations

from detente.pipeline.small_place_words import SETTLEMENTS

# the Arabic article written apart and capitalised, before a name: "Al Haouz" is Haouz, and
# "the Al X governorate" no town "Al"
ARTICLE_WORDS = frozenset({"Al", "El", "Ad", "Ar", "As", "Ash", "Az", "An"})
# a capitalised word before a name that leaves it a place ("Northern Syria", "Greater Idlib")
PLACE_PREFIXES = ARTICLE_WORDS | frozenset({
    "Northern", "Southern", "Eastern", "Western", "Central", "North", "South", "East", "West",
    "Greater", "Upper", "Lower", "Inner", "Outer", "Old", "New", "Occupied", "Downtown", "In",
    "At", "Near", "From", "Across", "Outside", "The", "Off", "Along", "Inside"})
# a word after a name that makes it a natural feature the gazetteer may lack by that name: "the
# Kurram Valley" lies at Kurram, "the Kerkennah Islands" at Kerkennah
FEATURE_WORDS = {"Valley": "region", "Desert": "region", "Mountains": "region",
                 "Basin": "region", "Peninsula": "region", "Delta": "region",
                 "Plateau": "region", "Corridor": "region", "Strip": "region", "Gorge": "region",
                 "Hills": "region", "Highlands": "region", "Plains": "region", "Range": "region",
                 "Heights": "region", "Alps": "region", "Island": "island", "Islands": "island",
                 "Archipelago": "island", "Atoll": "island", "River": "sea", "river": "sea",
                 "valley": "region"}
# the last word of a name the gazetteer lacks that says what it is, where no other word does:
# "Farmland along Cobequid Bay", "a barge across King Sound", "the Kaghan Valley"
# the last words of a name that a town's name never carries as a feature of its own: "King
# Sound" is no King, Ontario; "the Liguasan Marsh" no village Liguasan
LANDMARK_ENDINGS = {**dict.fromkeys(("Bay", "Sound", "Lagoon", "Fjord", "Firth", "Inlet", "Gulf",
                                     "Strait", "Creek", "Reservoir", "Canal", "Lake", "Estuary",
                                     "Darya", "Channel", "Harbour", "Harbor", "Passage",
                                     "Narrows", "Bight"),
                                    "sea"),
                    **dict.fromkeys(("Forest", "Flats", "Marsh", "Marshes", "Beach", "Glacier",
                                     "Wetlands", "Steppe", "Oilfield", "Canyon", "Pass", "Park",
                                     "Triangle", "Prairie", "Plain"),
                                    "region"),
                    # "Hope Town", "Freedom Village": a town whatever its first word
                    "Town": "city", "Village": "city",
                    # "Half Moon Shoal", "Hogsty Reef": labelled as islands
                    **dict.fromkeys(("Shoal", "Shoals", "Reef", "Cay", "Cays", "Key", "Keys"),
                                    "island")}
NAME_ENDINGS = {**{word: kind for word, kind in FEATURE_WORDS.items() if word[0].isupper()},
                **LANDMARK_ENDINGS}
# a capitalised word after a name that leaves it a place
PLACE_SUFFIXES = frozenset({"City", "Province", "Region", "Oblast", "Governorate", "State",
                            "Prefecture", "District", "County", "Island", "Islands", "Valley",
                            "Bay", "Port", "Airport", "Strait", "Sea", "River", "Mountains",
                            "Square", "Street", "Oblast's", "Krai", "Territory", *FEATURE_WORDS})
# what a person is or does, in lower case: before a first name and a surname that is a place
# too ("Security Adviser Amara Ortega"), or before "at" and where the person works ("a lawyer
# at X")
ROLE_WORDS = frozenset({
    "adviser", "advisers", "advisor", "secretary", "chief", "commander", "governor", "mayor",
    "ambassador", "envoy", "spokesman", "spokeswoman", "spokesperson", "coach", "chairman",
    "chairwoman", "director", "directors", "minister", "president", "premier", "senator",
    "general", "lawmaker", "leader", "head", "striker", "captain", "manager", "managers",
    "economist", "analyst", "professor", "professors", "author", "activist", "lawyer", "lawyers",
    "researcher", "researchers", "scientist", "scientists", "partner", "partners", "fellow",
    "student", "students", "engineer", "engineers", "consultant", "consultants"})
# seas' names that are also their adjectives: a place only when no noun follows
ADJECTIVAL = frozenset({"Caribbean", "Arctic", "Antarctic", "Pacific", "Atlantic",
                        "Mediterranean", "Baltic", "Adriatic", "Aegean", "Balkan"})
# nouns after a sea's adjective that make it the sea's shore or waters: "the Adriatic coast"
SHORE_WORDS = frozenset({"coast", "coasts", "coastline", "shore", "shores", "seaboard", "waters",
                         "seabed", "rim", "littoral"})
# words between a name and the place that says where it lies: "X, a small town in northern
# Mali", "X, in Syria's Idlib province", "X near Aleppo", "X, some 20 km south of Y"
ANCHOR_WORDS = SETTLEMENTS | frozenset({
    ",", "in", "near", "the", "a", "an", "of", "'s", "outside", "just", "about", "some",
    "around", "km", "kilometres", "kilometers", "miles", "close", "to", "on", "located",
    "situated", "lies", "is", "which", "small", "tiny", "remote", "rural", "mountain",
    "mountainous", "coastal", "border", "frontline", "front-line", "farming", "fishing",
    "desert", "oasis", "province", "region", "state", "governorate", "oblast", "county", "area",
    "parish",
    "community", "north", "south", "east", "west", "northeast", "northwest", "southeast",
    "southwest", "north-east", "north-west", "south-east", "south-west", "northern",
    "southern", "eastern", "western", "central", "northeastern", "northwestern", "southeastern",
    "southwestern", "neighbouring", "neighboring", "nearby", "part", "outskirts", "capital",
    "island", "islands", "isle", "coast", "peninsula", "archipelago",  # "X on the island of Y"
    "off",  # "X, an island off the coast of Y"
    "shore", "shores", "bank", "banks", "slopes",  # "X on the shore of Lake Kivu"
    "at", "tip", "edge", "foot", "end", "head", "mouth",  # "X, at the tip of the Y peninsula"
    # "X, the commercial district of Y", "X, a suburb of Y"
    "district", "neighbourhood", "neighborhood", "quarter", "suburb", "commercial", "industrial",
    "residential", "busy",
    "-", "("})
# what a settlement's size is counted in, after the number: "X, a hamlet of about 160 people in
# northern Y" lies in Y (but "X, people in Y said" says nothing of where X is)
HEADCOUNT_WORDS = frozenset({"people", "residents", "inhabitants", "families", "households",
                             "souls"})
# Spanish, Portuguese and French adjectives of place written after the noun they end a name
# with ("Cordillera Central", "Sierra Madre Oriental", "Provincia Norte")
TRAILING_ADJECTIVES = frozenset({"Central", "Oriental", "Occidental", "Norte", "Sur",
                                 "Septentrional", "Meridional", "Centrale"})
# words that head place names and are none alone: "Puerto Williams", "San Luis", "Ras Tanura"
NAME_HEADS = frozenset({"Puerto", "Porto", "Port", "San", "Santa", "Santo", "São", "Ciudad",
                        "Villa", "Cabo", "Punta", "Isla", "Fort", "Mount", "Lake", "Cape",
                        "Saint", "Sainte", "Nueva", "Nuevo", "Bandar", "Kota", "Ras", "Kfar",
                        "Beit", "Bir", "Wadi", "Jebel", "Mont", "Monte", "Sidi", "Ain", "Tal",
                        "Tall", "Tel", "Tell", "Deir", "Dayr", "Umm", "Khan", "Qasr", "Marsa",
                        "Sheikh", "Bani", "Beni", "Hassi", "Bab", "Serra", "Sierra", "Barra",
                        "Vila"})
# the heads of `NAME_HEADS` that begin only towns' names: "Puerto Ordaz" is a town wherever it
# stands ("San Miguel" may be a beer, "Fort Knox" a vault, "Lake Placid" a film)
TOWN_HEADS = frozenset({"Puerto", "Porto", "Ciudad", "Nueva", "Nuevo", "Bandar", "Kota", "Kfar",
                        "Beit", "Marsa", "Hassi"})
# words between a name and its anchor that say it lies near the anchor, not in it
NEAR_WORDS = frozenset({"near", "outside", "km", "kilometres", "kilometers", "miles", "close",
                        "to", "just", "some", "about", "around"})
