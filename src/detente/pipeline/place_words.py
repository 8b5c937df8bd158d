"""The words around a place name: whether they make it a place or a government, and the
country a demonym beside it names.

Read on tokens alone, before any parse (most sentences are never parsed). A country or capital
is a place after a locative preposition ("in eastern Ukraine"), as the object of a verb of
motion or attack ("troops entered Ukraine", "fled Sudan"), as a destination ("flew to Egypt",
"a visit to China", "from Libya to Italy", "bound for Ukraine"), when it owns a place
("Lithuania's airspace", "Lebanon's second city") or names a side of a border ("the
Belarus-Poland border"). It is a government when it owns an office ("Bavaria's interior
minister"), speaks or acts ("Texas sued") or is where pressure or envoys come from ("criticism
from Washington").
"""

from __future__ import annotations

import functools

from spacy.tokens import Doc

from detente.actors import ActorDictionary
from detente.pipeline.division_words import ADMIN_WORDS, PLURAL_ADMIN, after_list
from detente.pipeline.offsets import KM_PER

# words before a name that make it part of a person's name or title ("President Georgia ...",
# "the Prince of Wales bridge")
TITLES = frozenset({"Mr", "Mr.", "Mrs", "Mrs.", "Ms", "Ms.", "Dr", "Dr.", "President", "Prime",
                    "Minister", "Gen.", "General", "Sen.", "Senator", "Rep.", "King", "Queen",
                    "Prince", "Princess", "Sheikh", "Judge", "Justice", "Colonel", "Col.",
                    "Lt.", "Captain", "Capt.", "Pope", "Saint", "St", "Lord", "Lady", "Sir",
                    "Duke", "Duchess", "Earl", "Countess", "Archbishop", "Bishop"})
# prepositions that put something somewhere; "to", "towards" and "between" are left out: "an
# envoy to China", "policy towards China", "talks between China and Japan" name actors
LOCATIVES = frozenset({"in", "at", "near", "outside", "off", "across", "along", "from", "inside",
                       "into", "within", "throughout", "around", "over", "through", "beyond",
                       "past", "onto", "nearby", "via", "opposite"})
# before a name, a place beside one named: "Valle de Bravo and neighbouring Amanalco" ("nearby"
# is a locative already)
NEIGHBOURING = frozenset({"neighbouring", "neighboring"})
# words allowed between the preposition and the name: "in eastern Ukraine", "off the coast of"
_MODIFIERS = frozenset({"the", "eastern", "western", "northern", "southern", "central",
                        "north", "south", "east", "west", "northeastern", "northwestern",
                        "southeastern", "southwestern", "occupied", "rebel-held", "disputed",
                        "war-torn", "neighbouring", "neighboring", "nearby", "downtown",
                        "coastal", "frontline", "front-line", "besieged", "annexed", "of",
                        "coast", "outskirts", "city", "town", "village", "province", "region",
                        "capital", "port", "border", "northeast", "northwest", "southeast",
                        "southwest", "parts", "part", "counties", "provinces", "districts",
                        "states", "regions", "departments"})
# "south of Kyiv", "the outskirts of Kherson": a noun of place, then "of" and the name
_PLACE_NOUNS = frozenset({"north", "south", "east", "west", "northeast", "northwest", "southeast",
                          "southwest", "north-east", "north-west", "south-east", "south-west",
                          "coast", "coasts", "outskirts", "parts", "part", "city", "town",
                          "village", "region", "province", "capital", "centre", "center",
                          "border", "borders", "shore", "shores", "coastline", "slopes", "waters",
                          "island", "islands", "port", "emirate",
                          "streets", "heart", "suburbs", "territory", "area", "areas",
                          # "X, a suburb of Freetown": the capital's ground, not its government
                          "suburb", "neighbourhood", "neighborhood", "township",
                          "districts", "district", "edge", "edges", "fringes", "environs", "rest",
                          "much", "most", "swathes", "all", "highlands", "lowlands", "hills",
                          "interior", "heartland", "countryside",
                          "strip", "hub", "half", "corner", "tip", "point", "reaches", "stretch",
                          "stretches", "portion", "length", "breadth", "third", "thirds",
                          "two-thirds", "quarter", "quarters", "three-quarters", "fifth",
                          # "a drought gripped 90 percent of X": a share of its land
                          "percent", "cent",
                          # "a remote atoll of Kiribati", "the towns of Mexico"
                          "atoll", "atolls", "islet", "islets", "archipelago", "enclave",
                          "exclave", "towns", "villages", "cities", "regions", "provinces",
                          "ports",
                          # "the markets of Senegal", "the cocoa farms of X": its ground's trade
                          "markets", "farms", "fields", "plantations", "forests", "beaches",
                          # "the central plain of X", "the deserts of X": its landforms
                          "plain", "plains", "plateau", "valley", "valleys", "deserts",
                          "mountains", "lakes", "rivers", "wetlands", "grasslands", "savannah",
                          "jungles", "rainforests", "delta", "deltas"})
# Words that make a country or capital a place without a locative preposition, read on tokens
# (most sentences are never parsed). A verb whose object is a place: "troops entered Ukraine",
# "refugees fled Sudan", "shelling Kharkiv"
_PLACE_VERBS = frozenset({
    "enter", "enters", "entered", "entering", "invade", "invades", "invaded", "invading",
    "cross", "crosses", "crossed", "crossing", "flee", "flees", "fled", "fleeing", "leave",
    "leaves", "left", "leaving", "exit", "exited", "tour", "toured", "touring", "visit",
    "visits", "visited", "visiting", "reach", "reached", "reaching", "occupy", "occupies",
    "occupied", "occupying", "annex", "annexed", "annexing", "shell", "shelled", "shelling",
    "bomb", "bombed", "bombing", "bombard", "bombarded", "bombarding", "pound", "pounded",
    "pounding", "raid", "raided", "storm", "stormed", "overran", "overrun", "capture",
    "captured", "recapture", "recaptured", "retake", "retakes", "retook", "retaking",
    "seize", "seizes", "seized", "seizing",
    "liberate", "liberated", "evacuate", "evacuated",
    "blockade", "blockaded", "patrol", "patrolled", "patrolling", "roam", "traverse",
    "traversed", "infiltrate", "infiltrated", "rocked", "ravaged", "battered", "lashed",
    "devastated", "engulfed", "swept", "hit", "hits", "struck", "strike", "striking", "border",
    "borders", "bordering", "bordered",
    # what is kept from floods or fire: "water was diverted to protect X"
    "protect", "protects", "protected", "protecting", "shield", "shielded", "shielding",
    # what water and sieges do to a town: "swamping X", "besieged X"
    "swamped", "swamping", "flooded", "flooding", "inundated", "inundating", "submerged",
    "besieged", "besieging", "encircled", "encircling", "razed", "torched", "looted",
    # a town over the water from another: "Kinshasa faces X across the river"
    "faces", "facing", "overlooks", "overlooking",
    # storms, quakes and fires in headlines' present tense: "storm batters Faroe Islands"
    "batters", "battering", "lashes", "lashing", "ravages", "rocks", "rocking", "sweeps",
    "sweeping", "engulfs", "devastates", "pounds", "drenched", "drenches", "inundates",
    "scorched", "scorches", "shakes", "jolted", "jolts", "brushed", "brushing",
    "brushes", "skirted", "skirting", "skirts", "grazed", "grazing", "covered", "covering",
    "blanketed", "blanketing", "shrouded", "choked", "smothered",
    # what strikes and blackouts do to a city: "power cuts plunged X into darkness"
    "crippled", "crippling", "paralysed", "paralyzed", "paralysing", "paralyzing", "plunged",
    "plunging", "gripped", "gripping",
    # quakes and strikes: "the quake shook X", "drones targeted X"
    "shook", "shaking", "rattled", "rattling", "targeted", "targeting",
    # routes that go round a land: "goods bound for Europe avoided X", "a pipeline bypassing X"
    "avoid", "avoids", "avoided", "avoiding", "bypass", "bypasses", "bypassed", "bypassing"})
# "X was" and then one of these: what befell its land ("Turkey was hit by an earthquake",
# "Kathmandu was paralysed by a strike")
_SUFFERED = frozenset({"hit", "struck", "rocked", "shaken", "invaded", "occupied",
                       "battered", "devastated", "paralysed", "paralyzed", "crippled", "gripped",
                       "plunged", "flooded", "swamped", "inundated", "blanketed", "engulfed",
                       "lashed", "ravaged", "besieged", "shelled", "bombed", "pounded", "drenched",
                       "shrouded", "choked", "smothered", "scorched", "jolted", "swept",
                       "spared",  # "Kingston was spared the worst"
                       # "X is largely controlled by gangs" (but "cut off", "isolated" and
                       # "blockaded" are also what neighbours do to a government)
                       "controlled", "surrounded", "encircled", "emptied", "deserted"})
# a name and then one of these verbs: what happened there, not what its government did ("the
# Dominican Republic escaped with heavy rain", "Spain recorded its hottest day")
_PLACE_SUBJECT_VERBS = frozenset({"escaped", "recorded", "experienced", "suffered", "endured",
                                  "sweltered", "shivered", "baked", "froze", "flooded", "shook",
                                  "trembled", "registered", "logged",
                                  # a country as the economy on its land: "Congo produces most
                                  # of the world's cobalt", "Ivory Coast grows cocoa"
                                  "produces", "produced", "grows", "grew", "earns", "earned",
                                  "exports", "imports", "mines", "pumps", "pumped", "harvests",
                                  "harvested", "loses", "consumes", "accounts", "bore"})
# "X of" and then a place: "the invasion of Ukraine", "troops pulled out of Mali"
_EVENT_NOUNS = frozenset({"out", "invasion", "occupation", "annexation", "siege", "bombing",
                          "bombardment", "shelling", "liberation", "blockade", "tour",
                          "partition", "evacuation", "reconstruction", "map", "fall",
                          "capture", "recapture", "battle", "encirclement", "defence",
                          "defense", "surrender", "destruction", "streets", "residents",
                          "people", "population", "skies", "shores", "mainland", "rest",
                          "department", "county", "prefecture", "governorate", "state",
                          "oblast", "municipality", "peninsula", "coastline", "interior",
                          "countryside", "heartland", "hills", "mountains", "deserts",
                          "jungles", "island", "islands", "archipelago", "gulf", "bay",
                          # "low-lying neighbourhoods of Dili", "the slums of X"
                          "neighbourhoods", "neighborhoods", "neighbourhood", "neighborhood",
                          "suburbs", "outskirts", "slums", "quarters", "districts"})
# "between" after these names two places, not two parties: "the sea between Finland and
# Estonia", "the border between", "flights between"; "talks between China and Japan" are actors
_BETWEEN_PLACES = frozenset({"border", "borders", "frontier", "boundary", "sea", "strait", "gap",
                             "link", "links",  # "the only road link between X and Y"
                             "waters", "channel", "gulf", "route", "routes", "road", "roads",
                             "railway", "railways", "pipeline", "pipelines", "cable", "cables",
                             "bridge", "bridges", "ferry", "ferries", "flights", "line", "lines",
                             "highway", "highways", "zone", "corridor", "crossing", "passage", "tunnel",
                             "area", "region", "desert", "mountains", "river", "lake",
                             "situated", "lies", "located", "halfway", "midway",
                             # "a town between Bujumbura and the border", "fell between the
                             # peninsula and Japan", "lorries between Spain and Portugal"
                             "town", "towns", "village", "villages", "city", "fell", "landed",
                             "traffic", "lorries", "trucks", "pass", "passes",
                             # "the road freight between Russia and Iran", "the storm passed
                             # between Dominica and Marie-Galante"
                             "freight", "cargo", "caravans", "crossings", "shipping", "ships",
                             "trains", "buses", "passengers", "migrants", "passed", "passing",
                             "voyage", "journey", "smuggling", "causeway", "causeways",
                             "sailings", "services", "trips", "convoys",
                             # people who go to and fro: "fighters moved between X and Y"
                             "moved", "move", "moves", "moving", "travel", "travelled",
                             "traveled", "travelling", "traveling", "shuttled", "shuttling",
                             "commute", "commuted", "commuting", "roamed", "roaming",
                             # land shared out: "the town was split between X and Y in 1920"
                             "split", "divided", "partitioned", "carved"})
# a lower-case noun after a name that makes it the place of a facility: "Kabul airport"
_FACILITIES = frozenset({"airport", "port", "harbour", "harbor", "airbase", "seaport",
                         "province", "waterfront", "outskirts", "suburbs", "metro", "station",
                         "railway", "refinery", "dam", "prison", "camp", "hospital", "stadium",
                         "bridge", "shipyard", "docks", "airfield", "checkpoint", "crossing",
                         "resident", "residents", "streets", "sky", "skies", "skyline", "smog",
                         "hotel", "hotels", "market", "markets", "mosque", "cathedral"})
# "for" after these names a destination: "ships bound for Ukraine", "left for Beijing"
_FOR_WORDS = frozenset({"bound", "head", "heads", "headed", "heading", "destined", "left", "leave",
                        "leaves", "leaving", "departed", "depart", "departs", "sailed", "set", "flights",
                        "setting", "sets", "sailing", "boat", "boats", "ferry", "ferries",
                        # the weather where: "heavy rain is forecast for Jerusalem"
                        "forecast", "forecasts", "warning", "warnings", "alert", "alerts",
                        "watch",
                        # cargo where it goes: "a ship loading wheat for Egypt", "fuel
                        # shipments for Cuba"
                        "cargo", "cargoes", "shipment", "shipments", "consignment",
                        "consignments", "freight", "wheat", "grain", "maize", "fuel", "loading",
                        "loaded", "load", "ore", "coal", "crude", "oil", "lng", "timber", "logs",
                        "containers", "rice", "fertiliser", "fertilizer"})
# a form of "share" and what countries share as land or water: "X shares a border with Y",
# "the lake, which X shares with Y", "the basin is shared by X, Y and Z" (not "X shares Y's
# concerns": a party's)
_SHARE = frozenset({"share", "shares", "shared", "sharing"})
_SHARED_GROUND = frozenset({"border", "borders", "frontier", "boundary", "lake", "river", "coast",
                            "coastline", "island", "islands", "sea", "waters", "basin", "range",
                            "mountains", "peninsula", "forest", "delta", "gulf", "bay", "desert",
                            "plateau", "valley", "falls", "reservoir", "aquifer", "watershed",
                            "park", "islet", "reef", "estuary", "lagoon", "wetlands"})
# "deployed troops to Belarus": who or what is moved, between the verb and "to"
_MOVED = frozenset({"troops", "soldiers", "forces", "personnel", "warships", "ships", "jets",
                    "aircraft", "refugees", "migrants", "people", "reinforcements", "units",
                    "peacekeepers", "battalions", "brigades", "staff", "diplomats", "families",
                    "civilians", "children", "them", "him", "her", "it",
                    # "flew the wounded to X": the carried
                    "wounded", "injured", "survivors", "casualties", "passengers", "victims",
                    "evacuees", "patients", "detainees", "prisoners", "bodies", "residents"})
# verbs that carry people or goods somewhere: "took the injured to X", "airlifted survivors to
# X", "ferried food to X", "trucked water to X"
CARRIED = frozenset({"take", "takes", "took", "taken", "taking", "carry", "carried", "carrying",
                     "airlift", "airlifted", "airlifting", "ferried", "ferrying", "rushed",
                     "transported", "bused", "bussed", "brought", "bringing", "transferred",
                     "flown", "flew", "shipped", "shipping", "trucked", "trucking", "delivered",
                     "delivering", "evacuated", "moved"})
# (a verb of taking carries only people, read above: "took to the streets", "took his
# complaint to Paris" put something to a government)
_TAKING = frozenset({"take", "takes", "took", "taking"})
# people drawn somewhere to work or settle: "drew miners to X"
_WORKERS = frozenset({"workers", "labourers", "laborers", "miners", "diggers", "settlers",
                      "volunteers", "fighters", "traders", "students", "herders", "fishermen"})
# what draws them: "the boom has drawn thousands of diggers to X"
_DRAWS = frozenset({"draw", "draws", "drew", "drawn", "drawing", "attract", "attracts",
                    "attracted", "attracting", "lure", "lures", "lured", "luring", "bring",
                    "brings", "brought", "bringing"})
# the words of a count of people: "tens of thousands of", "hundreds more", "some 300"
_COUNTS = frozenset({"of", "tens", "hundreds", "thousands", "millions", "dozens", "scores",
                     "more", "some", "about", "around", "nearly", "many", "the", "a", "few",
                     "extra", "additional", "new", "young", "foreign", "migrant", "seasonal"})
# words between the move and "to" ("the highway north to X", "moved upcountry to X")
MOVE_ADVERBS = frozenset({"north", "south", "east", "west", "northeast", "northwest", "southeast",
                          "southwest", "north-east", "north-west", "south-east", "south-west",
                          "inland", "upstream", "downstream", "further", "farther", "upcountry",
                          "back", "home", "away", "out",
                          # "drove on to X", "flew straight to X"
                          "on", "onward", "onwards", "straight", "directly", "again",
                          # "fled down to X", "sailed up to X"
                          "down", "up"})
# "to" after these names a destination: "flew to Egypt", "a visit to China", "spread to Kingston"
_TO_WORDS = frozenset({
    "link", "links",  # "the only road link to X"
    "flocked", "flock", "flocking", "poured", "pouring", "streamed",  # "tourists flocked to X"
    "travel", "travels", "travelled", "traveled", "travelling", "traveling", "fly", "flies",
    "flew", "flying", "flown", "return", "returns", "returned", "returning", "go", "goes", "went",
    "going", "gone", "come", "comes", "came", "coming", "move", "moves", "moved", "moving",
    "head", "heads", "headed", "heading", "sail", "sailed", "sailing", "deploy", "deployed",
    "deploying", "redeployed", "dispatched", "relocated", "deported", "extradited", "evacuated",
    "fled", "flee", "fleeing", "escaped", "spread", "spreading", "spreads", "drove", "driven",
    "marched", "walked", "migrated", "emigrated", "rushed", "smuggled", "trafficked",
    "repatriated", "transferred", "sent", "visit", "visits", "trip", "trips", "journey",
    "journeys", "flight", "flights", "route", "routes", "road", "way", "voyage", "pilgrimage",
    "walking", "walk", "marching", "march", "driving", "streaming", "towed", "towing",
    "leading", "leads", "highway", "highways", "motorway", "expressway",
    "airlifted", "diverted", "rerouted", "ferried", "shuttled", "bused", "bussed", "trucked",
    "trekking", "advancing", "advanced", "pushing", "pushed",
    "deployment", "mission", "access", "gateway", "crossings", "crossing", "corridor", "back",
    "home", "roads", "railway", "train", "trains", "bus", "buses", "ferry", "ferries", "lines",
    # people who go there: "the festival drew visitors to Jerusalem"
    "visitors", "tourists", "pilgrims", "arrivals", "crowds"})
# words that make "the line to X" a railway's
_RAIL_WORDS = frozenset({"train", "trains", "railway", "railways", "rail", "railroad", "derailed",
                         "derailment", "locomotive", "freight", "tracks", "track"})
# goods that go somewhere: "to" a few words after them names where ("oil flowed ... to X")
_FLOWS = frozenset({"flow", "flows", "flowed", "flowing", "pipeline", "pipelines", "shipped",
                    "shipments", "exported", "exports"})
# a word beside a name the gazetteer lacks that says it is a place, and of what kind: "the
# village of X", "the port of X", "the X peninsula", "X refugee camp"
KIND_WORDS = {
    "village": "city", "villages": "city", "town": "city", "hamlet": "city", "city": "city",
    "port": "city", "settlement": "city", "outpost": "city", "camp": "city", "crossing": "city",
    "township": "city", "suburb": "city", "oasis": "city", "kibbutz": "city", "airport": "city",
    "airbase": "city", "harbour": "city", "harbor": "city", "neighbourhood": "city",
    "neighborhood": "city", "area": "city", "département": "admin", "plain": "region",
    "district": "admin", "province": "admin", "county": "admin", "governorate": "admin",
    "prefecture": "admin", "municipality": "admin", "state": "admin", "oblast": "admin",
    "island": "island", "islands": "island", "islet": "island", "islets": "island",
    "atoll": "island", "archipelago": "island", "peninsula": "region", "valley": "region",
    "desert": "region", "plateau": "region", "mountains": "region", "range": "region",
    "ranges": "region",
    "delta": "region", "basin": "region", "gap": "region", "river": "sea", "parish": "admin",
    "creek": "sea", "ravine": "sea", "lagoon": "sea", "volcano": "region", "canyon": "region",
    "gorge": "region", "forest": "region", "forests": "region", "glacier": "region",
    "plains": "region", "marshes": "region", "wetlands": "region", "steppe": "region",
    "oilfield": "region", "gasfield": "region", "enclave": "admin", "exclave": "admin",
    # where a name is a peak, a park or a deposit: "the X peaks", "the X park", "the X deposit"
    "peaks": "region", "park": "region", "sanctuary": "region",
    "quarry": "region", "deposit": "region", "estuary": "sea", "pass": "region", "lake": "sea",
    "reservoir": "sea", "dunes": "region", "mangroves": "region", "slopes": "region",
    "foothills": "region", "ruins": "region", "pyramids": "region",
    # after a list: "the X and Y crossings", "the X and Y camps"
    "crossings": "city", "camps": "city", "towns": "city", "settlements": "city",
    "rivers": "sea", "lakes": "sea",
    # "the X bridge" (a crossing), "the mountain resort of X"
    "bridge": "city", "resort": "city",
    # a town's landing named by it ("the X pier in Hoi An"): the town
    "pier": "city", "jetty": "city", "wharf": "city",
    # a mine's site ("the X mine", "the X gold mine")
    "mine": "region",
    # "the emirate of X"
    "emirate": "admin",
    # a sea's arms: "the X channel", "the X strait"
    "channel": "sea", "strait": "sea", "fjord": "sea", "inlet": "sea",
    # "the X commune"
    "commune": "admin"}
# what comes between a name and its kind word: "X refugee camp", "X border crossing"
_KIND_QUALIFIERS = frozenset({"refugee", "military", "border", "army"})
# divisions named before a list of them: "districts such as X and Y", "provinces including X"
_DIVISIONS = frozenset({"districts", "provinces", "counties", "municipalities", "regions"})
# a landform's or water's kind word, which ends the name of no party ("the Sinai peninsula",
# "the Abay gorge")
LANDFORM_WORDS = frozenset(word for word, kind in KIND_WORDS.items() if kind in ("region", "sea"))
# peoples, sects and faiths no country's demonym covers, never a place's name; the recogniser
# calls them bodies ("Houthi launch sites", "Maasai herders in Loliondo")
PEOPLES = frozenset({
    "Houthi", "Houthis", "Alawite", "Alawites", "Maasai", "Masai", "Uyghur", "Uyghurs", "Uighur",
    "Uighurs", "Kurd", "Kurds", "Kurdish", "Druze", "Yazidi", "Yazidis", "Rohingya", "Tuareg",
    "Tuaregs", "Pashtun", "Pashtuns", "Baloch", "Baluch", "Sunni", "Sunnis", "Shia", "Shiite",
    "Shiites", "Fulani", "Hausa", "Igbo", "Yoruba", "Oromo", "Bedouin", "Bedouins", "Mapuche",
    "Aymara", "Quechua", "Tatar", "Tatars", "Chechen", "Chechens", "Circassian", "Copt", "Copts",
    "Coptic", "Maronite", "Maronites", "Ahmadi", "Ahmadis", "Hindu", "Hindus", "Muslim",
    "Muslims", "Christian", "Christians", "Jewish", "Catholic", "Catholics", "Orthodox",
    "Evangelical", "Sikh", "Sikhs", "Buddhist", "Buddhists", "Mennonite", "Mennonites", "Amish",
    "Hasidic", "Sufi", "Sufis", "Amazigh", "Sami", "Inuit"})
# adjectives of an age or an empire, never a place's name: "the old Roman town"
ERAS = frozenset({"Roman", "Ottoman", "Byzantine", "Medieval", "Moorish", "Victorian", "Colonial",
                  "Mughal", "Hellenistic", "Crusader", "Napoleonic", "Tsarist", "Imperial"})
# languages that no demonym covers: "known in English as", "a broadcast in Swahili" (a town of
# the name, English, Indiana, is not meant after "in")
LANGUAGES = frozenset({"English", "Arabic", "Swahili", "Hindi", "Urdu", "Farsi", "Persian",
                       "Pashto", "Dari", "Mandarin", "Cantonese", "Hebrew", "Tagalog", "Bengali",
                       "Tamil", "Amharic", "Tigrinya", "Hausa", "Yoruba", "Igbo", "Zulu", "Xhosa",
                       "Creole", "Latin", "Sanskrit", "Quechua", "Guarani", "Aymara", "Kurmanji",
                       "Sorani", "Catalan", "Basque", "Galician", "Welsh", "Gaelic"})
# capitalised words that are never a place the gazetteer lacks ("in March in Kyiv")
# too large to place an event at, and never the name of a place the gazetteer lacks
CONTINENTS = frozenset({"Europe", "Asia", "Africa", "America", "Americas", "Oceania",
                        "Antarctica", "Eurasia", "Latin", "Arctic", "Antarctic"})
CALENDAR = frozenset({"january", "february", "march", "april", "may", "june", "july", "august",
                      "september", "october", "november", "december", "monday", "tuesday",
                      "wednesday", "thursday", "friday", "saturday", "sunday", "christmas",
                      "easter", "ramadan", "eid", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
                      "sep", "sept", "oct", "nov", "dec"})


# people and offices of a town, before "of": "residents of X", "the mayor of X" (not before a
# bare name: "mayor Ana Ruiz" is a person)
_TOWNS_PEOPLE = frozenset({"residents", "inhabitants", "villagers", "townspeople", "mayor",
                           "outskirts"})
# a facility before "at" that stands at a small place: "the land crossing at X", "the busy post
# at X", "the Zambian border at X"
_FACILITIES_AT = frozenset({"crossing", "crossings", "post", "checkpoint", "border", "frontier",
                            "port", "camp", "mine", "airport", "airfield", "terminal", "wharf",
                            "harbour", "harbor", "dam"})
# what a centre or camp for people on the move is for: "the X transit centre"
_SHELTERS = frozenset({"transit", "reception", "refugee", "detention", "evacuation", "displacement"})
# after "border" behind a name: "the X border post", "the X border checkpoint"
_BORDER_POSTS = frozenset({"post", "posts", "checkpoint", "checkpoints", "point", "gate"})


def town_by_its_people(doc: Doc, start: int, end: int) -> int | None:
    """Tokens after the name doc[start:end] taken when the words around make it a town, or
    None: "residents of X", "the mayor of X", "the land crossing at X", "the post of X" (0),
    "the X border post" (2)."""
    if start >= 2 and doc[start - 1].lower_ == "of" and doc[start - 2].lower_ in _TOWNS_PEOPLE:
        return 0
    if start >= 2 and doc[start - 1].lower_ in ("at", "of") and \
            doc[start - 2].lower_ in _FACILITIES_AT:
        return 0  # and "the border trade post of X"
    if end + 1 < len(doc) and doc[end].lower_ == "border" and doc[end + 1].lower_ in _BORDER_POSTS:
        return 2
    return None


# works a place's name is put before ("the X refinery", "the X tunnel", "the X post")
_WORKS = frozenset({"refinery", "tunnel", "barrage", "post"})
_WORKS_KINDS = frozenset({"launch", "generating", "power", "hydropower", "hydroelectric", "oil",
                          "gas"})
_WORKS_SITES = frozenset({"site", "station", "plant", "project", "terminal", "refinery", "field"})


def place_kind(doc: Doc, start: int, end: int) -> tuple[str, int]:
    """(kind, tokens after the name it takes) of the word that says the name doc[start:end]
    is a place: "the village of X" ("city", 0), "the X peninsula" ("region", 1), else ("",
    0)."""
    taken = town_by_its_people(doc, start, end)
    if taken is not None:
        return "city", taken
    before = start - 1
    if before >= 1 and doc[before].lower_ in ("of", "including"):
        before -= 1  # "the village of X", "districts including X"
    elif before >= 2 and doc[before].lower_ == "as" and doc[before - 1].lower_ == "such":
        before -= 2  # "inland districts such as X and Y"
    if before >= 0 and doc[before].lower_ in KIND_WORDS:
        return KIND_WORDS[doc[before].lower_], 0
    if before < start - 1 and doc[before].lower_ in _DIVISIONS:
        return "admin", 0  # "inland districts such as X and Y"
    # "the peaks of the X", "the slopes of the X": a landform's or water's part
    if start >= 3 and doc[start - 1].lower_ == "the" and doc[start - 2].lower_ == "of" and \
            doc[start - 3].lower_ in LANDFORM_WORDS:
        return KIND_WORDS[doc[start - 3].lower_], 0
    # but "X state media": "state" after a name is left to the gazetteer ("Borno state")
    if end < len(doc) and doc[end].lower_ in KIND_WORDS and not doc[end].is_title and \
            doc[end].lower_ != "state":
        return KIND_WORDS[doc[end].lower_], 1
    listed = after_list(doc, end)  # "close the X and Y crossings": the first of a list
    if end < listed < len(doc) - 1 and doc[listed].lower_ in _KIND_QUALIFIERS:
        listed += 1  # "its X and Y border crossings"
    if end < listed < len(doc) and KIND_WORDS.get(doc[listed].lower_) and \
            doc[listed].lower_.endswith("s") and not doc[listed].is_title:
        return KIND_WORDS[doc[listed].lower_], 0
    if end + 1 < len(doc) and doc[end].lower_ in _KIND_QUALIFIERS and \
            doc[end + 1].lower_ in KIND_WORDS:
        return KIND_WORDS[doc[end + 1].lower_], 2  # "X refugee camp", "X border crossing"
    if end + 1 < len(doc) and doc[end].lower_ in _TOWN_TRADES and \
            KIND_WORDS.get(doc[end + 1].lower_) == "city":
        return "city", 2  # "the X fishing village", "the X folk village", "the X mining town"
    if end + 1 < len(doc) and doc[end].lower_ in _PARK_QUALIFIERS and \
            doc[end + 1].lower_ in _PARK_WORDS and not doc[end + 1].is_title:
        return "region", 2  # "the X national park", "the X nature reserve"
    if end + 1 < len(doc) and doc[end].lower_ in _MINERALS and doc[end + 1].lower_ == "mine":
        return "region", 2  # "the X gold mine": the mine's site
    if end + 1 < len(doc) and doc[end].lower_ in _SHELTERS and \
            doc[end + 1].lower_ in ("centre", "center", "camp", "site", "settlement"):
        return "city", 2  # "the X transit centre", "the X reception site"
    if start >= 1 and doc[start - 1].lower_ == "the" and end < len(doc) and doc[end].is_lower:
        # "the X refinery", "the X launch site", "the X generating station": works named
        # after the place they stand at (a name the gazetteer lacks; but "the Huffington Post"
        # is a paper)
        if doc[end].lower_ in _WORKS:
            return "city", 1
        if end + 1 < len(doc) and doc[end].lower_ in _WORKS_KINDS and doc[end + 1].lower_ in _WORKS_SITES:
            return "city", 2
    return "", 0


# a protected area's words after its name, in lower case: "the X national park", "the X game
# reserve", "the X wildlife sanctuary", "the X marine reserve"
_PARK_QUALIFIERS = frozenset({"national", "nature", "wildlife", "game", "marine", "forest",
                              "biosphere", "natural", "regional"})
_PARK_WORDS = frozenset({"park", "parks", "reserve", "reserves", "sanctuary", "refuge", "forest",
                         "monument"})
_MINERALS = frozenset({"gold", "copper", "coal", "diamond", "iron", "uranium", "lithium",
                       "cobalt", "nickel", "zinc", "tin", "silver", "bauxite", "platinum",
                       "manganese", "potash", "phosphate", "salt", "emerald", "ruby", "jade"})
# what a village or town lives by or is, between its name and the settlement word
_TOWN_TRADES = frozenset({"fishing", "farming", "mining", "market", "folk", "frontier", "desert",
                          "mountain", "hill", "coastal", "oasis", "resort", "garrison", "trading",
                          "farm", "herding", "pilgrimage", "tourist", "holiday", "port"})
_BORDERS = frozenset({"border", "borders", "frontier", "boundary", "crossing", "crossings"})
# "X's" and then one of these: X is a place ("Lithuania's airspace", "Lebanon's second city")
_OWNED_PLACES = frozenset({
    "border", "borders", "airspace", "territory", "territories", "waters", "coast", "coasts",
    "coastline", "capital", "north", "south", "east", "west", "northeast", "northwest",
    "southeast", "southwest", "interior", "soil", "mainland", "frontier", "city", "cities",
    "town", "towns", "village", "villages", "countryside", "region", "regions", "province",
    "provinces", "port", "ports", "island", "islands", "shores", "heartland", "hinterland",
    "borderlands", "skies", "streets", "outskirts", "side", "oblast", "districts",
    # what its ground holds: "Pakistan's largest gas fields", "Chile's copper mines"
    "field", "fields", "oilfield", "oilfields", "mine", "mines", "deposits", "beaches", "resorts",
    # and what it yields: "Libya's oil should not pay for one man"
    "oil", "crude", "gas", "phosphate", "phosphates", "copper", "cobalt", "coal", "diamonds",
    "minerals", "cocoa", "coffee", "wheat", "grain",
    # and the economy on its land: "oil exports are Libya's main source of income"
    "economy", "income", "exports", "imports", "gdp", "population", "inflation", "unemployment",
    "currency", "poverty", "traffic", "grid", "infrastructure", "weather", "temperature", "rains",
    "temperatures", "rainfall", "pollution", "smog", "season", "seasons", "monsoon", "climate",
    "winter", "winters", "summer", "summers", "fjords",
    # what a city holds: "Kabul's airport", "X's Bakara market", "X's water supply"
    "airport", "airports", "suburb", "suburbs", "market", "markets", "neighbourhood",
    "neighbourhoods", "neighborhood", "neighborhoods", "quarter", "water",
    # parts of its land: "Greece's biggest farming area", "Chile's central valley"
    "area", "areas", "plain", "plains", "valley", "valleys", "belt", "highlands", "lowlands",
    "delta", "enclave", "exclave", "peninsula", "desert", "farmland", "farmlands", "lake", "lakes",
    "river", "rivers", "mountain", "mountains", "forest", "forests", "volcano", "volcanoes", "glacier",
    # its divisions: "Akkar, Lebanon's poorest governorate" (not "state": "Russia's state media")
    "governorate", "governorates", "district", "prefecture", "prefectures", "county", "counties",
    "municipality", "municipalities", "parish", "parishes", "canton", "cantons", "emirate",
    "emirates",
    # trades on its land and their own bodies, no government's: "X's sugar association warned"
    "association", "associations", "industry", "industries", "growers", "producers",
    "exporters", "manufacturers", "chamber", "federation"})
# superlatives of size or rank after "X's": what is largest in it, a place ("Nepal's busiest
# crossing"; not "China's latest warning", "Russia's closest ally")
_SIZES = frozenset({"biggest", "largest", "busiest", "smallest", "longest", "highest",
                    "tallest", "oldest", "deadliest", "poorest", "richest", "wealthiest",
                    "driest", "wettest", "hottest", "coldest", "densest", "northernmost",
                    "southernmost", "easternmost", "westernmost", "remotest", "populous"})
# what one state is to another, after "X's": "its largest trading partner", "closest ally"
_RELATIONS = frozenset({"partner", "partners", "ally", "allies", "creditor", "creditors",
                        "lender", "lenders", "donor", "donors", "supplier", "suppliers", "buyer",
                        "buyers", "customer", "customers", "investor", "investors", "rival",
                        "rivals", "enemy", "enemies", "backer", "backers", "friend", "friends"})
# "X's" and then one of these: X is the government ("Bavaria's interior minister")
_OFFICES = frozenset({
    "minister", "ministers", "ministry", "president", "presidency", "government", "army",
    "military", "navy", "officials", "force", "coastguard", "gendarmerie",  # "X's air force"
    "official", "leader", "leaders", "leadership", "ambassador", "envoy", "embassy",
    "authorities", "parliament", "governor", "governors", "mayors", "king", "queen", "police",
    "forces", "troops",
    "spokesman", "spokeswoman", "spokesperson", "regime", "cabinet", "delegation", "chancellor",
    "premier", "administration", "legislature", "senate", "congress", "diplomats", "diplomat",
    "intelligence", "guards", "guard", "mayor", "council", "attorney", "negotiators",
    "representative", "chief", "state-run", "state", "spy", "agency", "media", "envoys",
    # bodies named by their work: "Estonia's rescue board", "Nuevo León's civil protection
    # office", "Spain's sea rescue service", "Thailand's meteorological department"
    "board", "office", "service", "department", "commission", "watchdog", "regulator",
    "directorate", "court", "prosecutors", "prosecutor"})
# "pressure from Beijing": a place of origin that is the government acting or speaking
_FROM_ACTOR = frozenset({
    "pressure", "criticism", "support", "message", "messages", "call", "calls", "demand",
    "demands", "request", "requests", "response", "warning", "warnings", "reaction",
    "objections", "opposition", "aid", "funding", "backing", "approval", "invitation",
    "complaints", "signal", "signals", "assurances", "guarantees", "threats", "orders",
    "letter", "letters", "note", "proposal", "proposals", "offer", "offers", "statement",
    "protest", "protests", "complaint", "assurance"})
# "officials from Kyiv": people sent by a government a capital names; but "officials from
# Moldova and Ukraine met" are people from two countries, the places they come from
_FROM_PEOPLE = frozenset({
    "envoy", "envoys", "delegation", "delegations", "officials", "diplomats", "ambassador",
    "counterpart", "counterparts", "negotiators", "leaders", "ministers", "minister"})
# "the leaders of X": people who lead or govern a place, named by it
_OF_PEOPLE = frozenset({"leaders", "leader", "government", "governments", "people", "president",
                        "king", "queen", "parliament", "premier", "governor"})
# a place name and then one of these verbs: the government acting ("Texas sued", "Bavaria said")
ACTOR_VERBS = frozenset({
    "said", "says", "announced", "announces", "warned", "warns", "accused", "accuses", "urged",
    "urges", "demanded", "demands", "rejected", "rejects", "denied", "denies", "sued", "sues",
    "condemned", "condemns", "detained", "expelled", "summoned", "imposed", "vowed", "insisted",
    "responded", "retaliated", "threatened", "threatens", "signed", "agreed", "approved",
    "banned", "ordered", "recalled", "pledged", "offered", "asked", "called", "told",
    "confirmed", "dismissed", "protested", "criticised", "criticized", "welcomed", "praised",
    "blamed", "refused", "declared", "arrested", "filed", "appealed", "voted", "stated",
    "argued", "wants", "plans", "intends", "hopes", "insists", "claimed", "claims", "defied",
    "defies", "ignored", "challenged", "vetoed", "passed", "enacted", "adopted", "launched",
    "deployed", "sent", "recognised", "recognized", "froze", "suspended", "cut", "restored",
    "extended", "lifted", "reopened", "closed", "seized", "put", "placed", "raised", "lowered",
    "released", "calls", "requested", "requests", "asks", "sought", "seeks",
    # the present of headlines and quotes: "Brussels signs the deals"
    "signs", "sends", "backs", "blames", "orders", "accepts", "opposes", "supports", "decides",
    "agrees", "approves", "pays", "rules", "bans",
    # after a list of claimants: "a rock that both X and Y claim"
    "claim"})
# a body of a government that speaks under the name of its place ("Tamaulipas prosecutors
# said", "the Gaza health ministry said")
_BODIES = _OFFICES | frozenset({"prefecture", "prosecutors", "prosecutor", "defence", "defense", "department",
                                "office", "court", "courts", "lawmakers", "legislators",
                                "officers", "ministry", "authority", "service", "services"})
# bodies a place's name is put before as a label, not as their government: "Cumbria police",
# "Adamawa officials", "the Ravenna mayor" (but "Tamaulipas prosecutors", "the Jalisco government" act for it)
_LOCAL_BODIES = frozenset({"officials", "police", "council", "authorities", "officers"})
# a town's own officer, whose town's name is the place he serves: "the Ravenna mayor"
_MAYORS = frozenset({"mayor", "mayors", "chief", "chiefs", "sheriff", "sheriffs"})
# between an actor verb and the name: "Texas has sued", "Bavaria on Monday said"
_AUXILIARIES = frozenset({"has", "have", "had", "will", "would", "also", "has also", "again", "now",
                          "later", "then", "could", "may", "might", "must", "should", "did",
                          "long"})  # "Niger has long been", "Iran has long argued"
# "the Libyan capital Tripoli", "Tripoli, the Lebanese port": a demonym names the country
_DEMONYM_NOUNS = _PLACE_NOUNS | frozenset({"capital", "port", "town", "city", "resort",
                                           "enclave", "exclave", "state", "island", "stronghold",
                                           "hub", "seaport", "metropolis"})


def office_after(doc: Doc, end: int) -> bool:
    """Whether an office or body follows the name ending at `end`: "US authorities", "Kenyan
    police" (the name modifies who acts; it says nowhere that a place before it lies)."""
    return end < len(doc) and doc[end].lower_ in _OFFICES


def bound_for(doc: Doc, before: int) -> bool:
    """Whether the "for" at `before` names where something goes or the weather falls: "the boat
    left Alotau for X", "a flood warning for X"."""
    return any(t.lower_ in _FOR_WORDS for t in doc[max(0, before - 6):before])


def _shares_ground(doc: Doc, verb: int) -> bool:
    """Whether the word at `verb` is a form of "share" whose object is land or water: one of
    the few words after it ("shares a long border") or before it ("the lake, which X shares",
    "the basin is shared by") in its sentence."""
    if verb < 0 or verb >= len(doc) or doc[verb].lower_ not in _SHARE:
        return False
    sentence = doc[verb].sent
    near = [*doc[max(sentence.start, verb - 8):verb], *doc[verb + 1:min(sentence.end, verb + 5)]]
    return any(t.lower_ in _SHARED_GROUND for t in near)


# a name and then one of these: where it lies, not what it does ("Moldova lies between
# Romania and Ukraine")
_LIES = frozenset({"lies", "straddles", "borders", "bordering"})
# "is" and, before the clause's next comma, one of these: the name described as land ("Haiti is
# home to 11 million people", "Moscow is 600 km from the border", "Mali is a vast, mostly desert
# country"; not "Iran is a threat to the region")
_IS = frozenset({"is", "was", "remains", "sits", "sat", "been"})
_LAND_WORDS = frozenset({"home", "landlocked", "km", "kilometres", "kilometers", "miles", "metres",
                         "meters", "island", "islands", "archipelago", "mountainous", "desert",
                         "coastal", "located", "situated", "populous", "arid", "low-lying",
                         "prone", "poorest", "populated", "producer", "producers", "exporter",
                         "exporters", "grower", "growers", "country", "countries", "kingdom",
                         "nation",
                         # "X has long been a transit route", "X sits on two fault lines"
                         "route", "routes", "corridor", "hub", "crossroads", "fault", "faults",
                         "battlefield", "battleground",
                         # "X is a city of nine million", "X is the capital of Kenya", "X is
                         # sinking"
                         "city", "cities", "capital", "capitals", "town", "metropolis", "sinking"})
# "has" and then one of these: the name's land or its people ("Ethiopia has a population of",
# "Bolivia has the largest lithium reserves"; not "Kenya has sent home 300 workers")
_HAS = frozenset({"has", "had", "holds", "hold", "boasts", "possesses"})
_HAS_LAND_WORDS = frozenset({"population", "reserves", "deposits", "coastline", "coast"})


def _described_as_land(doc: Doc, verb: int) -> bool:
    """Whether the word at `verb`, after a name, says where the name lies or describes its land:
    "lies between", "is home to", "sits barely two metres above the sea"."""
    if verb >= len(doc) or doc[verb].is_sent_start:
        return False
    if doc[verb].lower_ in _LIES:
        return True
    # ("X has told fishermen on the coast": "has" is an auxiliary there, no possession; and
    # "X was asked to watch its islands" is a government asked)
    if verb + 1 < len(doc) and doc[verb + 1].lower_ in ACTOR_VERBS:
        return False
    return doc[verb].lower_ in _IS and word_in_clause(doc, verb + 1, 8, _LAND_WORDS) or \
        doc[verb].lower_ in _HAS and word_in_clause(doc, verb + 1, 6, _HAS_LAND_WORDS)


def _visited(doc: Doc, verb: int) -> bool:
    """Whether the verb at `verb` takes in visitors: "Thailand welcomed 30 million tourists"
    (its land, not a party's welcome)."""
    return verb < len(doc) and doc[verb].lower_ in _TAKES_IN and \
        word_in_clause(doc, verb + 1, 5, _VISITORS)


def _suffered(doc: Doc, at: int) -> bool:
    """Whether the words from `at` say what befell the land: "was hit", "is largely controlled
    by", "has been hit" (not "has been a strong supporter of": what its government has been)."""
    if at >= len(doc) or doc[at].lower_ not in ("was", "were", "is", "has", "have"):
        return False
    word = at + 1
    if word < len(doc) and doc[word].lower_ == "been":
        word += 1
    if word + 1 < len(doc) and doc[word].lower_.endswith("ly"):
        word += 1  # an adverb between: "X is largely controlled by gangs"
    return word < len(doc) and doc[word].lower_ in _SUFFERED


def _saw_its_worst(doc: Doc, verb: int) -> bool:
    """Whether the verb at `verb` says what the land went through at its worst: "Nepal saw its
    worst floods in decades", "Spain has seen the hottest June on record", "X has had its
    wettest spring"."""
    if verb + 2 >= len(doc) or doc[verb].lower_ not in ("saw", "sees", "seen", "had", "has") or \
            doc[verb + 1].lower_ not in ("its", "the"):
        return False
    return doc[verb + 2].lower_ in _SUPERLATIVES


# what a land goes through at its worst: "saw its heaviest rain"
_SUPERLATIVES = frozenset({"worst", "heaviest", "hottest", "coldest", "wettest", "driest",
                           "deadliest", "highest", "lowest", "biggest", "largest", "strongest",
                           "warmest", "longest", "most"})


_TAKES_IN = frozenset({"welcomed", "welcomes", "received", "receives", "attracted", "attracts",
                       "drew", "draws", "saw", "sees", "recorded", "hosted", "hosts"})
_VISITORS = frozenset({"tourists", "visitors", "arrivals", "pilgrims", "holidaymakers"})


def word_in_clause(doc: Doc, start: int, reach: int, words: frozenset[str],
                   names_stop: bool = False) -> bool:
    """Whether one of `words` stands in the `reach` tokens from `start` before a punctuation
    mark or a new sentence (or, with `names_stop`, a capitalised word) ends the clause."""
    for token in doc[start:min(len(doc), start + reach)]:
        # (a hyphen inside a word ends no clause: "the second-largest producer")
        if token.is_punct and token.text != "-" or token.is_sent_start or names_stop and token.is_title:
            return False
        if token.lower_ in words:
            return True
    return False


def _sharer(doc: Doc, first: int) -> bool:
    """Whether the list of names that starts at `first` shares land or water with another
    ("which X shares with Y": Y) or is who shares it ("shared by X, Y and Z")."""
    return first >= 2 and doc[first - 1].lower_ in ("with", "by") and \
        any(_shares_ground(doc, at) for at in range(max(0, first - 4), first - 1))


def _bounding(doc: Doc, first: int) -> bool:
    """Whether the list of names that starts at `first` is the land around another: "bordered
    by X", "surrounded by X and Y", "separated from the mainland by X", "cut off from the rest
    of the country by X"."""
    by = first - 1 - (first > 2 and doc[first - 1].lower_ == "the")  # "by the Emirates"
    if by < 1 or doc[by].lower_ != "by":
        return False
    for back in range(by - 1, max(-1, by - 8), -1):
        if doc[back].is_punct or doc[back + 1].is_sent_start:
            return False
        if doc[back].lower_ in _BOUNDING or \
                doc[back].lower_ == "off" and back > 0 and doc[back - 1].lower_ == "cut":
            return True  # ("cut off from the rest of the country by X", but not "cut by X")
    return False


# participles whose agent after "by" is land around a place, not a party that acts
_BOUNDING = frozenset({"bordered", "surrounded", "ringed", "separated", "flanked", "hemmed",
                       "enclosed"})


def after_place_verb(doc: Doc, start: int) -> bool:
    """Whether the name at `start` is the object of a verb whose object is a place: "reached X",
    "fled X", "shelled X"."""
    return start > 0 and doc[start - 1].lower_ in _PLACE_VERBS and not doc[start - 1].is_sent_start


def is_locative(doc: Doc, index: int, prepositions: frozenset[str] = LOCATIVES) -> bool:
    """Whether a locative preposition governs the name at `index`, on tokens alone (most
    sentences are never parsed): "in eastern Ukraine", "off the coast of Taiwan", "south of
    Kyiv"."""
    back, steps = index - 1, 0
    while back >= 0 and steps < 4:  # four words back, an owner counting as one
        if doc[back + 1].is_sent_start:
            return False  # "... across the province. Damascus blamed": a new sentence
        steps += 1
        word = doc[back].lower_
        if word in prepositions or word == "on" and back > 0 and (
                doc[back - 1].lower_ in _ON_AN_ISLAND or doc[back - 1].text == "," or
                doc[back - 1].lower_ in _ASSAULTS):
            # "in eastern Ukraine", "police on Mayotte", "at Betio, on Tarawa", "the attack on X"
            return True
        if word == "as" and back > 0 and (doc[back - 1].lower_ in ("far", "away") or
                                           back > 1 and doc[back - 2].lower_ == "far"):
            return True  # "felt as far away as Islamabad", "as far downstream as X"
        if word in ("'s", "’s") and back > 0 and doc[back - 1].is_title:
            # "in Nigeria's Katsina state": the owner is a modifier too
            back -= 1
            while back > 0 and doc[back - 1].is_title:
                back -= 1
            back -= 1
            continue
        if word == "of" and back > 0 and (doc[back - 1].lower_ in _PLACE_NOUNS or
                                           doc[back - 1].lower_ in _EVENT_NOUNS or
                                           doc[back - 1].lower_ in KM_PER):
            # "south of Kyiv", "pulled out of Mali", "the invasion of Ukraine", "within 10 km
            # of X"
            return True
        # "in the Libyan capital Tripoli", "in Russian-occupied Melitopol"
        if word not in _MODIFIERS and not doc[back].is_punct and doc[back].text not in demonyms():
            return False
        back -= 1
    return False


LINKING = frozenset({"linking", "links", "linked", "connecting", "connects", "connected",
                     "joining", "joins", "joined"})


# words that give a place another name: "Astana, which was called X"; "the town Russia calls X"
ALIAS_WORDS = frozenset({"called", "call", "calls", "names", "named", "renamed", "formerly",
                         "dubbed"})


def alias_before(doc: Doc, start: int) -> bool:
    """Whether the words before the name at `start` give another name of a place: "Astana,
    which was called X", "the city most people call X", "now officially named X", "known in
    Kazakh as the X", "formerly X"."""
    back = start - 1
    if back >= 0 and doc[back].lower_ == "the":
        back -= 1
    if back < 0:
        return False
    if doc[back].lower_ in ALIAS_WORDS:
        return True
    return doc[back].lower_ == "as" and any(t.lower_ == "known" for t in doc[max(0, back - 4):back])


def across_border(doc: Doc, start: int) -> bool:
    """Whether the name at `start` is the far side of a border or crossing: "its border with
    X", "the Y crossing with X", "the frontier post with X", "the main crossing into X"."""
    back = start - 1
    if back >= 1 and doc[back].lower_ == "from" and _crossed_before(doc, back):
        return True  # "smugglers crossing from X in the desert near Y": Y is on this side
    if back < 1 or doc[back].lower_ not in ("with", "into", "to"):
        return False
    if doc[back].lower_ == "into" and doc[back - 1].lower_ in _CROSSING_FROM:
        return True  # "troops who escaped crossed into X"
    return _border_words_before(doc, back)


def _first_listed(doc: Doc, start: int) -> int:
    """Where the list of names that the name at `start` stands in starts ("Senegal" of "from
    Senegal, India and Ecuador", for "India"; `_list_start` for a list's last name only)."""
    while start >= 2 and doc[start - 1].lower_ in (",", "and", "or") and doc[start - 2].is_title \
            and not doc[start - 1].is_sent_start:
        start = _name_start(doc, start - 2)
    return start


def _crossed_before(doc: Doc, at: int) -> bool:
    """Whether a word of crossing stands in the clause just before the "from" at `at`:
    "crossing from X", "walked across the frozen lake from X" (but "a town across the bridge
    from X" faces X, no move from it)."""
    for back in range(at - 1, max(-1, at - 7), -1):
        if doc[back].is_punct:
            return False
        if doc[back].lower_ in _CROSSING_FROM:
            return True
        if doc[back].lower_ == "across":
            return back > 0 and doc[back - 1].lower_ in _GONE_ACROSS
    return False


# ways of going across ("walked across the lake from X"), not of standing across from it
_GONE_ACROSS = frozenset({"walked", "walk", "walking", "swam", "swim", "swimming", "waded",
                          "sailed", "rowed", "paddled", "drove", "driven", "rode", "flew", "fled",
                          "came", "trekked", "skied", "ran", "escaped", "travelled", "traveled",
                          "moved", "crossing", "crossed"})


# people on the move, named by where they came from: "migrants from X"
MIGRANTS = frozenset({"migrants", "refugees", "asylum-seekers"})
# before "from", people named by where they came from: "migrants from X", "most of them from X"
_COME_FROM = MIGRANTS | frozenset({"seekers", "nationals", "arrivals", "deportees", "returnees",
                                   "them", "mostly", "most", "many"})


# people who come over a border from the country named after "from"
_CROSSING_FROM = frozenset({"crossing", "crossed", "cross", "crosses", "infiltrating",
                            "infiltrated", "entering", "entered", "slipping", "slipped"})


def _border_words_before(doc: Doc, at: int) -> bool:
    """Whether a border word ends one or two words before `at`: "border with", "crossing
    point with"."""
    return at > 0 and (doc[at - 1].lower_ in _BORDERS or at > 1 and doc[at - 2].lower_ in _BORDERS)


# "the main road link with Iran", "its busiest land port with India": a place across a border
_LINKS_WITH = frozenset({"link", "links", "port", "ports", "post", "posts", "connection",
                         "connections", "route", "routes", "crossing", "crossings"})


def _linked(doc: Doc, before: int) -> bool:
    """Whether the "with" or "to" at `before` ends what a road, cable or pipe links: "a cable
    linking the country with X", "the bridge connecting the mainland to X"."""
    words = [t.lower_ for t in doc[max(0, before - 7):before]]
    return any(w in LINKING for w in words) and any(w in _BETWEEN_PLACES for w in words)


def role(doc: Doc, start: int, end: int) -> str:
    """"place", "actor" or "" (the dictionary decides) for the name doc[start:end], from the
    words around it; "origin" where people are named by it ("officials from X"), "body" where
    a body it labels acts ("X police said")."""
    if start and doc[start - 1].lower_ in _COMPASS_ADJECTIVES | _LAND_ADJECTIVES:
        return "place"  # "eastern Cuba should expect the storm": a part of it is no party
    if end + 1 < len(doc) and doc[end].text == "-" and doc[end + 1].lower_ == "based":
        return "place"  # "the Algeria-based front said": where the body is, not who speaks
    if start and doc[start - 1].lower_ in ("a", "an") and doc[start:end].text not in _SEATS and \
            doc[start:end].text not in _country_names():
        # "said a Faro city official": where one of many officials serves (but "a US offer",
        # "a Kremlin spokesman": the government's)
        return "place"
    # "Rockets hit the capital, Kyiv, overnight": the words before "the capital" decide
    start = _apposition_head(doc, start)
    if _agent(doc, start):
        return "actor"  # "an oil town claimed by both Sudan and South Sudan"
    if start >= 2 and doc[start - 1].lower_ == "that" and \
            any(t.lower_ in _DEMANDS for t in doc[max(0, start - 5):start - 1]):
        return "actor"  # "demanded on Tuesday that X drop its plans": who is asked to act
    first = _list_start(doc, start)
    if first < start and _named_by_people(doc, first) or _came_from(doc, start):
        # "officials from Kyrgyzstan and Tajikistan could meet", "migrants from X and Y"
        return "origin"
    if first < start and is_locative(doc, first):  # `in_locative_list`, its list start known
        return "place"  # "officers in Chikwawa and Mulanje told families": the officers tell
    if 1 < first < start and doc[first - 1].lower_ == "between" and joins_places(doc, first - 1):
        return "place"  # "farmers in villages between Tikrit and X said": the farmers say
    if _sharer(doc, first) or _bounding(doc, first):
        return "place"  # "the lake is shared by Uganda, Kenya and X": their land, not a deed
    before = _word_before(doc, start)
    if before is not None:
        word = doc[before].lower_
        if word == "from" and before > 0 and (doc[before - 1].lower_ in _FROM_ACTOR or
                                              doc[before - 1].lower_ in _FROM_PEOPLE):
            # "pressure from Beijing", "envoys from Kyiv": the government the dictionary knows
            # by the name; but "officials from Florencia", a provincial capital, come from there
            return ""
        # "advances have left Myanmar's army holding little": its army acts, not a place left
        if word in _PLACE_VERBS and _owned(doc, end) != "actor" or \
                word in ("to", "toward", "towards") and _destination(doc, before) or \
                word in ("toward", "towards") and not _stance_before(doc, before) or \
                word == "for" and bound_for(doc, before) or \
                word == "on" and _advancing_on(doc, before) or \
                word == "with" and (_border_words_before(doc, before) or
                                    before > 0 and doc[before - 1].lower_ in _LINKS_WITH) or \
                word == "between" and joins_places(doc, before) or \
                word == "and" and _closes_a_stretch(doc, before) or \
                word in ("with", "to") and _linked(doc, before) or \
                word in LINKING and before > 0 and \
                any(t.lower_ in _BETWEEN_PLACES for t in doc[max(0, before - 4):before]):
            return "place"  # "the roads linking Port-au-Prince with the north"
    if start and doc[start - 1].text == "," and (_owned(doc, end) == "actor" or _owner_says(doc, end)):
        return "actor"  # "into the town, South Sudan's minister said": a new clause's body
    # "the capital of Georgia", "in eastern Ukraine": the modifiers may reach back to a comma
    if is_locative(doc, start) and not _over_its_plan(doc, start, end) or alias_before(doc, start):
        return "place"  # and "Astana, which was called Nur-Sultan": another name of a place
    if _division_says(doc, start, end):
        return "actor"  # ", X prefecture said": the division's government speaks
    if end < len(doc) and doc[end].lower_ in _FACILITIES and \
            not (doc[end].lower_ in ADMIN_WORDS and _owner_says(doc, end + 1)):
        # (but "X province's crisis office said" is the province's body, as "X state's" is)
        return "place"  # "Kabul airport", "the Odesa port": a place that holds something
    if end + 2 < len(doc) and doc[end].lower_ == "and" and doc[end + 1].lower_ in ("its", "their") \
            and doc[end + 2].lower_ in _PLACE_NOUNS:
        return "place"  # "Kathmandu and its suburbs were hit": a city and its parts
    if end + 1 < len(doc) and doc[end].lower_ in ("bank", "side", "shore") and (
            doc[end + 1].lower_ == "of" or start and doc[start - 1].lower_ == "the" and
            doc[end + 1].lower_ not in ACTOR_VERBS):
        return "place"  # "the Myanmar bank of the river", "fighting on the Myanmar side"
    owned = _owned(doc, end)
    if not owned and end < len(doc) and doc[end].lower_ in ADMIN_WORDS:
        # "Kogi state's emergency agency said", "the X district's disaster centre said": the
        # division's own body (but "21 of X state's 27 local government areas" are its land)
        # ("X state's governor asked": its officer, the word right after the possessive)
        officer = end + 2 < len(doc) and doc[end + 1].lower_ in ("'s", "’s") and \
            doc[end + 2].lower_ in _OFFICES
        owned = "actor" if _owner_says(doc, end + 1) or officer else \
            "place" if _owned(doc, end + 1) == "place" else ""
    if owned:
        return owned
    if end - start > 1 and doc[end - 1].text in ADMIN_WORDS and \
            not (end < len(doc) and doc[end].lower_ in _BODIES):
        # "X and Y provinces have declared": divisions named as such (but "the X state
        # government said" is the state's government)
        return "place"
    if _border_after(doc, end):
        return "place"  # "the Ukraine border", "the Belarus-Poland border"
    resumed = _past_apposition(doc, end)
    while end < resumed < len(doc) and doc[resumed].lower_ in _AUXILIARIES | {"now", "still"}:
        resumed += 1
    if end < resumed < len(doc) and doc[resumed].lower_ in _PLACE_SUBJECT_VERBS and \
            not _then_speaks(doc, resumed):
        return "place"  # "Tunisia, once a top producer, now imports fertiliser"
    if end < resumed and _suffered(doc, resumed):
        return "place"  # "Cuba, 150 km south of Florida, was hit by the storm"
    if end < resumed < len(doc) and word_in_clause(doc, end + 1, resumed - end - 1, _LAND_WORDS) \
            and doc[resumed].lower_ not in ACTOR_VERBS and not _then_speaks(doc, resumed):
        return "place"  # "Ghana, the second-largest cocoa grower, has lost old trees": its land
    if end < resumed < len(doc) and doc[resumed].lower_ in ACTOR_VERBS and doc[start].is_sent_start:
        # "Andhra Pradesh, to the south, closed its shelters" (but in "owners on X, the
        # island closest to Y, said" the owners speak)
        return "actor"
    after = end
    if _suffered(doc, after):
        return "place"  # "Turkey was hit by an earthquake"
    if after + 1 < len(doc) and doc[after].text == "," and doc[after + 1].lower_ == "where":
        return "place"  # "Iran, where protests erupted"
    # "Phoenix and Sacramento agreed": what the list does, each of its names does
    after = _list_end(doc, after)
    # "Texas sued", "Bavaria has said"; but in "the governor of Durango state asked" the
    # governor asks, and Durango is where he governs (and in "the police commander for
    # Mandera county said", where he commands)
    of = start > 0 and (doc[start - 1].lower_ in ("of", "for") or start > 1 and
                        doc[start - 1].lower_ == "the" and doc[start - 2].lower_ in ("of", "for"))
    # "Tamaulipas prosecutors said", "the Rio Grande do Sul civil defence said": its body speaks
    body = after
    if body + 1 < len(doc) and doc[body].lower_ in ADMIN_WORDS and doc[body + 1].lower_ in _BODIES:
        body += 1  # "the Tabasco state government said": the state's government
    own = body  # where a body the name labels stands ("X police", "X county police")
    while body < after + 2 and body < len(doc) and doc[body].is_lower and \
            doc[body].lower_ not in _BODIES:
        body += 1
    if body + 1 < len(doc) and doc[body].lower_ in _BODIES and doc[body + 1].lower_ in ACTOR_VERBS \
            and not (of and doc[body].lower_ in ADMIN_WORDS):
        # "Cumbria police declared", "Adamawa officials said": people named by a place, the
        # party only where the name is a government's (`PlaceResolver`: "Kenya police said")
        if doc[body].lower_ in _MAYORS and body <= own + 1:
            # "the Kyiv mayor said": the city's officer, even a capital's (and "the X County
            # fire chief said", "the X deputy mayor said": one word of his service between)
            return "place"
        return "body" if doc[body].lower_ in _LOCAL_BODIES and body == own else "actor"
    has = after  # "Ethiopia has a population of": "has" is the verb, no auxiliary
    while after < len(doc) and doc[after].lower_ in _AUXILIARIES:
        after += 1
    # ("X has had its wettest month": the verb is the last auxiliary's word)
    if _shares_ground(doc, after) or _visited(doc, after) or \
            any(_saw_its_worst(doc, at) for at in {has, after - 1, after}) or \
            any(_described_as_land(doc, at) for at in {has, after}):
        return "place"  # "Nepal shares a long open border with India": a country's ground
    if after < len(doc) and doc[after].lower_ in ACTOR_VERBS and not of:
        return "actor"
    if after < len(doc) and doc[after].lower_ in _PLACE_SUBJECT_VERBS and \
            not _then_speaks(doc, after):
        return "place"
    return ""


# buildings whose names stand for a government: "a Kremlin spokesman" speaks for it
_SEATS = frozenset({"Kremlin", "White House", "Pentagon", "Downing Street", "Élysée", "Elysee",
                    "Zhongnanhai"})


_SAYS = frozenset({"said", "says", "told", "announced", "reported", "added", "warned",
                   "confirmed", "stated", "noted"})


def _over_its_plan(doc: Doc, start: int, end: int) -> bool:
    """Whether "over" before the name is "about" its possession, not above its land: "a protest
    over Beijing's plan to build a dam" (but "drones over Kyiv's suburbs")."""
    return start > 0 and doc[start - 1].lower_ == "over" and end < len(doc) and \
        doc[end].lower_ in ("'s", "’s") and _owned(doc, end) != "place"


def _division_says(doc: Doc, start: int, end: int) -> bool:
    """Whether the name doc[start:end] and one division word (in the name or after it) speak
    as the subject of their clause: ", X prefecture said", "X province announced" (not "officials
    in X province said", nor "X and Y provinces said", a list)."""
    word = end - 1 if end - start > 1 and doc[end - 1].text in ADMIN_WORDS else end
    opens = start - (start > 0 and doc[start - 1].lower_ == "the")
    return word < len(doc) and doc[word].text in ADMIN_WORDS and \
        doc[word].text not in PLURAL_ADMIN and word + 1 < len(doc) and \
        doc[word + 1].lower_ in _SAYS and \
        (opens == 0 or doc[opens - 1].text in _CLAUSE_MARKS or doc[opens].is_sent_start)


# marks after which a new clause opens ("..., X province said"; not "Split-Dalmatia county")
_CLAUSE_MARKS = frozenset({",", ";", ":", '"', "“", "”", "(", "—", "–"})


def _owner_says(doc: Doc, end: int) -> bool:
    """Whether the name ending at `end` owns what speaks next: "..., Seoul's joint chiefs of
    staff said" (a body of its government)."""
    return end < len(doc) and doc[end].lower_ in ("'s", "'", "’s") and \
        word_in_clause(doc, end + 1, 7, _SAYS, names_stop=True)


def _named_by_people(doc: Doc, start: int) -> bool:
    """Whether people named by the place at `start` stand before it: "officials from X", "the
    leaders of X"."""
    before = start - 1 - (start >= 1 and doc[start - 1].lower_ == "the")
    return before >= 1 and (doc[before].lower_ == "from" and doc[before - 1].lower_ in _FROM_PEOPLE or
                            doc[before].lower_ == "of" and doc[before - 1].lower_ in _OF_PEOPLE)


def _came_from(doc: Doc, start: int) -> bool:
    """Whether people who came from the place at `start` are named by it: "migrants detained
    near Y, most of them from X, W and Z"."""
    back = _first_listed(doc, start) - 1
    # (through "countries including" or "countries such as": "from countries including X")
    if back >= 1 and doc[back].lower_ == "including":
        back -= 1
    elif back >= 2 and doc[back].lower_ == "as" and doc[back - 1].lower_ == "such":
        back -= 2
    if back >= 1 and doc[back].lower_ in ("countries", "nations", "places"):
        back -= 1
    return back >= 1 and doc[back].lower_ == "from" and doc[back - 1].lower_ in _COME_FROM


def joins_places(doc: Doc, between: int) -> bool:
    """Whether the "between" at `between` joins two places, not two parties: "the sea between",
    "the busiest crossing for goods between" (not "talks between")."""
    back = between - 1
    while back > 0 and doc[back].lower_.endswith("ly") and doc[back].is_lower:
        back -= 1  # "fighters moved freely between"
    if back >= 0 and doc[back].lower_ in _BETWEEN_PLACES:
        return True
    # "the crossing for goods between", "the route of migrants between"
    return back >= 2 and doc[back - 1].lower_ in ("for", "of") and doc[back].is_lower and \
        doc[back - 2].lower_ in _BETWEEN_PLACES


def _stance_before(doc: Doc, toward: int) -> bool:
    """Whether the "toward(s)" at `toward` follows a stance, not a way: "its policy toward
    China", "a drift towards Russia" (a party); "fled towards X", "the road towards X" (a
    place)."""
    return any(t.lower_ in _STANCES for t in doc[max(0, toward - 3):toward])


# what is held or moved towards a party, not a place: "hostility towards", "a tilt toward"
_STANCES = frozenset({"policy", "policies", "stance", "stances", "attitude", "attitudes",
                      "hostility", "aggression", "aggressive", "posture", "approach", "position",
                      "tilt", "tilted", "tilting", "pivot", "pivoted", "pivoting", "drift",
                      "drifted", "drifting", "lean", "leaned", "leaning", "leans", "shift",
                      "overture", "overtures", "gesture", "gestures", "goodwill", "hostile",
                      "friendly", "sympathy", "sympathetic", "outreach", "obligations",
                      "commitment", "commitments", "animosity", "distrust", "mistrust",
                      "suspicion", "openness", "warmth", "line", "rhetoric", "behaviour",
                      "behavior", "conduct", "actions", "intentions", "ambitions", "designs",
                      "respect", "loyalty", "gravitated", "gravitating", "turned", "turning",
                      "shifted", "shifting", "orientation", "oriented"})


def _past_apposition(doc: Doc, at: int) -> int:
    """Where the words after an apposition that opens at `at` resume ("Tunisia, once among the
    top producers, now imports": at "now"); `at` where no apposition opens there."""
    if at + 2 >= len(doc) or doc[at].text != "," or not (doc[at + 1].is_lower or doc[at + 1].like_num):
        return at  # ("Cuba, 150 km south of Florida, was hit": a number opens one too)
    for k in range(at + 2, min(len(doc), at + 16)):
        if doc[k].is_sent_start:
            return at
        if doc[k].text == ",":
            return k + 1
    return at


def _then_speaks(doc: Doc, verb: int) -> bool:
    """Whether the clause of the verb at `verb` goes on to an actor's verb: "Bolivia imports
    most of its diesel and says smuggling costs it millions" (it speaks: a government)."""
    for at in range(verb + 1, min(len(doc) - 1, verb + 12)):
        if doc[at].is_punct or doc[at + 1].is_sent_start:
            return False
        if doc[at].lower_ == "and" and doc[at + 1].lower_ in ACTOR_VERBS:
            return True
    return False


# what describes a country's land before its name: "landlocked Bhutan", "flood-hit Pakistan"
_LAND_ADJECTIVES = frozenset({"landlocked", "mountainous", "downtown", "greater", "drought-hit",
                              "flood-hit", "quake-hit", "cyclone-hit", "storm-hit",
                              "drought-stricken", "flood-stricken", "quake-stricken"})
_COMPASS_ADJECTIVES = frozenset({"eastern", "western", "northern", "southern", "central",
                                 "northeastern", "northwestern", "southeastern", "southwestern",
                                 "north-eastern", "north-western", "south-eastern", "south-western"})
# before a country's name: it is the other party ("a deal with Russia", "pressed by China")
# (and "de" of a name: "the Stade de France")
_PARTY_WORDS = frozenset({"with", "by", "against", "between", "among", "from", "on", "at",
                          "toward", "towards", "and", "or", "nor", "but", "of", "for", "de",
                          "du", "des", "del", "da", "do"})
# before a country's name: verbs whose object is a party ("would ask Kenya for more police")
_ASKED = frozenset({"ask", "asks", "asking", "urge", "urges", "urging", "tell", "tells",
                    "telling", "thank", "thanks", "invite", "invites", "persuade", "press",
                    "presses", "pressing", "warn", "warns", "accuse", "accuses", "blame", "blames",
                    "join", "joins", "help", "helps", "pay", "pays", "sue", "sues"})
# what falls on a town: "the attack on X", "a curfew on X" (but "sanctions imposed on X" fall
# on a party)
_ASSAULTS = frozenset({"attack", "attacks", "assault", "assaults", "raid", "raids", "offensive",
                       "curfew", "lockdown", "advance"})
# before "on" and a name: it is an island someone is or something happens on ("police on
# Mayotte", "erupted on St Vincent"), not the object of "sanctions on"
_ON_AN_ISLAND = frozenset({"erupted", "landed", "stranded", "arrived", "live", "lived", "living",
                           "based", "police", "troops", "tourists", "residents", "people",
                           "families", "workers", "migrants", "refugees", "soldiers", "ashore",
                           "holiday", "holidays", "elsewhere", "everywhere", "homes", "farms",
                           # what stands or lives on an island: "schools on X", "shops on X"
                           "schools", "houses", "shops", "gardens", "crops", "villages", "towns",
                           "islanders", "villagers", "inhabitants", "hospitals", "hotels",
                           "beaches", "fishermen", "communities",
                           # "its military base on X", "shells fell on X"
                           "base", "bases", "airbase", "airstrip", "runway", "station", "fell",
                           "falling", "rained", "dropped",
                           # "the airport terminal on X", "wells on X"
                           "airport", "terminal", "harbour", "harbor", "wharf", "jetty", "pier",
                           "lighthouse", "clinic", "church", "churches", "market", "wells",
                           "resort", "resorts", "airfield", "roads",
                           # and their plurals: "airports on X and Y reopened"
                           "airports", "terminals", "harbours", "harbors", "wharves", "jetties",
                           "piers", "lighthouses", "clinics", "markets", "airfields", "airstrips",
                           "runways", "stations"})


def island_on(doc: Doc, start: int) -> bool:
    """Whether an "on" before the name at `start` may be an island's ("the airport on X",
    "police on X"), or "the island of" is: not the "on" of an attack, an advance or a measure
    ("a curfew on X", "rebels closed in on X", "sanctions on X"), whose object is any place or
    party."""
    if start >= 2 and doc[start - 1].lower_ == "of" and \
            doc[start - 2].lower_ in ("island", "isle", "coast", "coasts", "coastline", "shores"):
        return True  # "to the island of X", "off the north coast of X"
    if start < 1 or doc[start - 1].lower_ != "on":
        return False
    back = start - 2 - (start >= 3 and doc[start - 2].lower_ == "in")  # "closed in on X"
    return back < 0 or doc[back].lower_ not in _NOT_AN_ISLANDS_ON


# what is imposed or brought to bear on a place or party: "sanctions on X", "a ban on X"
_MEASURES_ON = frozenset({"sanctions", "pressure", "ban", "bans", "embargo", "blockade", "siege",
                          "crackdown", "curfews", "tariffs", "tariff", "war", "fire", "strikes",
                          "demands"})

# after a country's name: verbs it does, beyond `ACTOR_VERBS`
_DOES = frozenset({"is", "was", "are", "were", "has", "had", "have", "will", "would", "can",
                   "could", "may", "might", "must", "should", "did", "does", "began", "begins",
                   "held", "holds", "made", "makes", "took", "takes", "gave", "gives", "won",
                   "lost", "kept", "keeps", "sought", "seeks", "led", "leads", "became",
                   "remains", "remained", "also", "to", "on", "in"})


def country_role(doc: Doc, start: int, end: int) -> str:
    """"place" for a country's name the words around it leave open (`role`) where nothing
    makes it a party that does or is done to ("Japan lodged a protest", "ties with Morocco",
    "pressed Israel", "Chile's emergency office"): where something is ("remittances to
    Honduras", "closer to Tunisia than to Sicily"); "origin" where people are named by it
    ("officials from X", "the leaders of X"); "" (the dictionary decides) otherwise."""
    if _named_by_people(doc, start):
        # "until officials from Kyrgyzstan and Tajikistan could meet", "the government of the
        # Falkland Islands awarded"
        return "origin"
    end = _list_end(doc, end)  # "El Salvador, Honduras and Nicaragua have disputed"
    if end < len(doc):
        after = doc[end]
        if after.text in ADMIN_WORDS and after.text.endswith("s"):
            # "X and Y provinces have declared": divisions named as such (not "U.S. state
            # media")
            return "place"
        if after.lower_ in ("'s", "'", "’s") or after.is_lower and (
                after.lower_ in _DOES or after.lower_.endswith("ed")):
            return ""
        if after.is_lower and after.lower_.endswith("s") and not after.lower_.endswith("ss") \
                and end + 1 < len(doc) and not doc[end + 1].is_punct:
            return ""  # "China holds talks", "the Philippines calls it ..."
    before = start - 1
    while before >= 0 and doc[before].lower_ in ("the", "a", "an"):
        before -= 1
    if before >= 0 and not doc[before].is_sent_start or before == 0:
        word = doc[before].lower_ if before >= 0 else ""
        if word in _PARTY_WORDS or word in _ASKED or doc[before].is_lower and word.endswith("ed"):
            return ""
    if start == 0 or doc[start].is_sent_start or before >= 0 and doc[before].is_punct:
        return ""  # a sentence or a clause it opens is about what it does
    return "place"


def in_locative_list(doc: Doc, start: int, prepositions: frozenset[str] = LOCATIVES) -> bool:
    """Whether the name at `start` continues a list a locative governs: "Nome" of "homes in
    Golovin and Nome"."""
    first = _list_start(doc, start)
    return first < start and is_locative(doc, first, prepositions)


def in_place_verb_list(doc: Doc, start: int) -> bool:
    """Whether the name at `start` continues a list that a verb whose object is a place opens:
    "Y" of "swamping X and Y"."""
    first = _list_start(doc, start)
    return first < start and after_place_verb(doc, first)


def _list_start(doc: Doc, start: int) -> int:
    """Where the list of capitalised names that the name at `start` closes or continues
    starts: "Chikwawa" of "in Chikwawa, Nsanje and Mulanje"; a name after a comma alone
    closes no list ("in the South China Sea, Manila said")."""
    if start < 2 or doc[start - 1].lower_ not in ("and", "or"):
        return start
    return _first_listed(doc, start)


def _name_start(doc: Doc, last: int) -> int:
    """Where the name whose last capitalised word is at `last` begins, across the lower-case
    words and hyphens inside one name: "Kafr" of "Kafr el-Zayat", "Ciudad" of "Ciudad del
    Este"."""
    start = last
    while start >= 1 and not doc[start].is_sent_start:
        back = start - 1
        while back >= 1 and (_joining(doc, back) and not doc[back].is_sent_start):
            back -= 1
        if not doc[back].is_title or doc[back + 1].is_sent_start:
            break
        start = back
    return start


def _joining(doc: Doc, at: int) -> bool:
    """Whether the token at `at` joins the words of one name: a hyphen with no space around
    it, an Arabic article hyphened to the next word ("el-"), a particle ("del")."""
    word = doc[at]
    if word.text == "-":
        return not word.whitespace_ and not doc[at - 1].whitespace_
    if word.lower_ in NAME_JOINERS and word.is_lower:
        return True
    return word.lower_ in ARABIC_ARTICLES and word.is_lower and not word.whitespace_ and \
        at + 1 < len(doc) and doc[at + 1].text == "-"


# a particle between two capitalised words of one name ("Ciudad del Este"; "y" is Spanish
# "and" inside a name: "San Juan y Martínez")
NAME_PARTICLES = frozenset({"de", "del", "da", "do", "dos", "das", "di", "della", "du", "des",
                            "y"})
# lower-case words inside one name ("Ciudad del Este", "Port-au-Prince")
NAME_JOINERS = NAME_PARTICLES | {"au", "aux", "la", "le", "les", "sur", "sous"}
ARABIC_ARTICLES = frozenset({"al", "el", "ad", "ed", "ar", "er", "as", "es", "ash", "esh", "at",
                             "et", "az", "ez", "an", "en"})


def _list_end(doc: Doc, end: int) -> int:
    """Where the list of capitalised names that the name ending at `end` opens ends: "Chile,
    Peru and Bolivia"."""
    start = end
    while end + 1 < len(doc) and (doc[end].text == "," or doc[end].lower_ in ("and", "or")) \
            and doc[end + 1].is_title and not doc[end + 1].is_sent_start:
        closing = doc[end].lower_ in ("and", "or")
        end += 1
        while end < len(doc) and doc[end].is_title and not doc[end].is_sent_start:
            end += 1
        if closing:  # "and" brings the last name
            return end
    # commas without a closing "and" make no list: "Brownsville, Texas, Tamaulipas prosecutors"
    return start


def _apposition_head(doc: Doc, start: int) -> int:
    """Where "the capital, " (or "the Haitian capital, ") before the name at `start` begins:
    the name stands in for the noun, so the words before the noun decide its role; `start`
    where no such noun is apposed."""
    if start < 3 or doc[start - 1].text != "," or doc[start - 2].lower_ not in _APPOSED_NOUNS:
        return start
    if any(t.text in ("'s", "’s") for t in doc[start:start + 4]):
        return start  # "flying food into the town, South Sudan's minister said": a new clause
    head = start - 3
    if head > 0 and doc[head].is_title and doc[head - 1].lower_ == "the":
        head -= 1  # "the Haitian capital"
    return head if doc[head].lower_ == "the" else start


_APPOSED_NOUNS = frozenset({"capital", "city", "port", "town"})


# past participles whose agent after "by" holds, rules or claims a place: a party
_AGENT_VERBS = frozenset({"claimed", "held", "controlled", "administered", "governed", "ruled",
                          "occupied", "annexed", "seized", "captured", "backed", "recognised",
                          "recognized", "contested", "disputed", "funded", "financed"})


def _agent(doc: Doc, start: int) -> bool:
    """Whether the name at `start` is the agent of a participle of holding or claiming, alone
    or in a list: "claimed by both Sudan and South Sudan", "a strip held by Israel"."""
    back = start - 1
    while back > 0 and start - back < 8 and (doc[back].lower_ in ("both", "either", "and", "or", ",")
                                              or doc[back].is_title):
        back -= 1
    return back > 0 and doc[back].lower_ == "by" and doc[back - 1].lower_ in _AGENT_VERBS


def _word_before(doc: Doc, start: int) -> int | None:
    """The nearest word before `start` in its sentence that is not a modifier ("the",
    "eastern", "parts of")."""
    for back in range(start - 1, max(-1, start - 6), -1):
        if doc[back + 1].is_sent_start or doc[back].is_punct:
            return None
        if doc[back].lower_ not in _MODIFIERS:
            return back
    return None


def after_destination_to(doc: Doc, start: int) -> bool:
    """Whether the name at `start` follows a "to" that leads to a destination: "flown to X",
    "the road to X", "the highway towards X"."""
    return start > 0 and doc[start - 1].lower_ in ("to", "towards", "toward") and \
        _destination(doc, start - 1)


def carried_before(doc: Doc, back: int, beside_to: bool = True,
                   but: frozenset[str] = frozenset()) -> bool:
    """Whether a verb that carries (`CARRIED`, less `but`) stands among the few lower-case words
    that end at `back`, the word before a "to": "lorries carrying dates", "then taken"; with
    `beside_to` false, only with something carried between it and the "to" ("ferried food")."""
    for at in range(back, max(-1, back - 4), -1):
        if not doc[at].is_lower or doc[at].is_punct:
            return False
        if (beside_to or at < back) and doc[at].lower_ in CARRIED and doc[at].lower_ not in but:
            return True
    return False


def _destination(doc: Doc, to: int) -> bool:
    """Whether the "to" at `to` leads to a destination: "flew to", "a visit to", "from Libya
    to"."""
    back = to - 1
    while back >= 0 and (doc[back].lower_ in MOVE_ADVERBS or doc[back].lower_.endswith("ly")):
        back -= 1
    if back >= 0 and doc[back].lower_ in _TO_WORDS:
        return True
    if back >= 0 and doc[back].lower_ == "line" and any(
            t.lower_ in _RAIL_WORDS for t in doc[doc[back].sent.start:back]):
        return True  # "a train derailed, blocking the line to X"; not "a direct line to X"
    if any(t.lower_ in _FLOWS for t in doc[max(0, to - 8):to]):
        return True  # "oil would flow through the pipeline across Sudan to Port Sudan"
    if doc[to].lower_ in ("toward", "towards") and \
            any(t.lower_ in _TO_WORDS for t in doc[max(0, to - 6):to]):
        return True  # "migrants walking through the Balkans toward Croatia"
    if back >= 1 and doc[back].lower_ in _MOVED:
        verb = back - 1
        while verb >= 0 and (doc[verb].lower_ in _COUNTS or doc[verb].like_num or
                             doc[verb].lower_ in ("its", "their", "his", "her", "injured")):
            verb -= 1  # "flew the wounded to X", "took 11 injured people to X"
        if verb >= 0 and (doc[verb].lower_ in _TO_WORDS or doc[verb].lower_ in CARRIED):
            return True  # "deployed troops to Belarus"
    if back >= 1 and doc[back].lower_ in _MOVED | _WORKERS and _brings_people(doc, back):
        return True  # "gold has drawn tens of thousands of workers to Senegal"
    # "then taken to X", "lorries carrying dates to X": what is carried between the verb and "to"
    if carried_before(doc, back, but=_TAKING):
        return True
    # "from Libya to Italy": a route, from a name to this one; "cross the Río de la Plata to X"
    for word in reversed(doc[max(0, to - 6):to]):
        if word.lower_ == "from" or word.lower_ in _CROSSES and word.i < to - 2:
            return True
        if not (word.is_title or word.lower_ in ("the", "'s", "-", "de", "la", "del", "of") or
                word.lower_ in _MODIFIERS):
            return False  # "from northern France to England" is a route too
    return False


def _closes_a_stretch(doc: Doc, conjunction: int) -> bool:
    """Whether the "and" at `conjunction` closes a "between" of places whose first end is a
    common noun phrase: "halfway between the Swedish mainland and X"."""
    for back in range(conjunction - 1, max(-1, conjunction - 6), -1):
        if doc[back].lower_ == "between":
            return joins_places(doc, back)
        if doc[back].is_punct or doc[back].lower_ in ("and", "or"):
            return False
    return False


def _advancing_on(doc: Doc, on: int) -> bool:
    """Whether the "on" at `on` ends an advance: "rebels marched on X", "closing in on X"."""
    back = on - 1 - (on >= 1 and doc[on - 1].lower_ == "in")
    return back >= 0 and doc[back].lower_ in _ADVANCES


# a crossing of water or land named before "to": "ferries cross the X to Y"
_CROSSES = frozenset({"cross", "crosses", "crossed", "crossing", "sail", "sails", "sailed",
                      "sailing", "swim", "swam", "traverse", "traversed"})
# what asks a party to act: "demanding that X drop its plans"
_DEMANDS = frozenset({"demanding", "demanded", "demand", "demands", "urging", "urged", "urge",
                      "urges", "insisting", "insisted", "insist", "insists", "asking", "asked",
                      "requested", "requesting", "proposed", "proposing", "recommended"})
# troops' moves towards a town they mean to take: "marched on", "closed in on"
_ADVANCES = frozenset({"march", "marched", "marching", "marches", "advance", "advanced",
                       "advancing", "advances", "closed", "closing", "closes", "converged",
                       "converging", "converge", "bore", "bearing"})
# the words before "on" whose object is any place or party, not an island (`island_on`)
_NOT_AN_ISLANDS_ON = _ASSAULTS | _ADVANCES | _MEASURES_ON


def _brings_people(doc: Doc, people: int) -> bool:
    """Whether a verb that moves or draws people stands a few words before the people at
    `people`, with only their count between: "drawn tens of thousands of workers", "sent 300
    more troops"."""
    for back in range(people - 1, max(-1, people - 7), -1):
        word = doc[back]
        if word.lower_ in _TO_WORDS or word.lower_ in _DRAWS:
            return True
        if not (word.like_num or word.lower_ in _COUNTS):
            return False
    return False


_ROADS = frozenset({"highway", "road", "railway", "rail", "route", "pipeline", "corridor",
                    "motorway", "expressway", "line", "flight", "flights", "bridge", "ferry"})


def _border_after(doc: Doc, end: int) -> bool:
    """"the Ukraine border", "the Belarus-Poland border": the name of a side of a border."""
    if end + 2 < len(doc) and doc[end].text in ("-", "\u2013") and doc[end + 1].is_title:
        end += 2
        # "the Kathmandu-Pokhara highway": the two ends of a road
        return end < len(doc) and (doc[end].lower_ in _BORDERS or doc[end].lower_ in _ROADS)
    return end < len(doc) and doc[end].lower_ in _BORDERS


def _owned(doc: Doc, end: int) -> str:
    """"Lithuania's airspace" makes the name a place, "Bavaria's interior minister" an actor."""
    if end >= len(doc) or doc[end].lower_ not in ("'s", "'", "’s"):
        return ""
    words = []
    for token in doc[end + 1:end + 6]:
        if token.is_punct and token.text != "-":
            break
        if token.is_title:
            # "Turkey's eastern Black Sea coast": a name may stand between; past it only a
            # place noun decides ("Nigeria's Katsina state" is left open)
            after = token.i
            while after < len(doc) and doc[after].is_title:
                after += 1
            if _COMPASS_ADJECTIVES.issuperset(words) and after < len(doc) and \
                    doc[after].lower_ in _OWNED_PLACES:
                return "place"
            break
        words.append(token.lower_)
    if not _OFFICES.isdisjoint(words):
        return "actor"  # (a possessive mayor too: "Parang's mayor suspended classes")
    if not _SIZES.isdisjoint(words) and _RELATIONS.isdisjoint(words):
        # "Nepal's busiest land route", "one of Georgia's biggest exporters", "the region, one
        # of Iran's poorest," (but "X is Ukraine's largest trading partner": a party's partner)
        return "place"
    return "place" if not _OWNED_PLACES.isdisjoint(words) else ""


# "across the river", "the other side": the far bank or side from a place named before
_FACING = (("across", "the", ("river", "border", "frontier", "bridge", "water", "lake")),
           ("the", "other", ("side", "bank", "shore")), ("the", "opposite", ("side", "bank", "shore")))


def beyond_the_border(doc: Doc, end: int) -> bool:
    """Whether an apposition right after the name puts it over the border: "the X camp,
    across the border, said"."""
    at = end + 1 if end < len(doc) and doc[end].lower_ in _FACILITIES_AT else end
    return at + 3 < len(doc) and doc[at].text == "," and doc[at + 1].lower_ == "across" and \
        doc[at + 2].lower_ == "the" and doc[at + 3].lower_ in ("border", "frontier")


def facing(doc: Doc, start: int, end: int) -> bool:
    """Whether the words beside the name at doc[start:end] put it across a river or border
    from a place named before it: "X, the Somali town across the river", "on the other side,
    at X"."""
    if _side_named(doc, end):
        return True  # "X, on the Turkmen side": across from the story's town on this side
    sentence_start, sentence_end = doc[start].sent.start, doc[start].sent.end
    words = [t.lower_ for t in doc[max(sentence_start, start - 8):min(sentence_end, end + 8)]]
    return any(words[i:i + 2] == list(first_two) and words[i + 2] in last
               for i in range(len(words) - 2) for *first_two, last in _FACING)


def demonym_beside(doc: Doc, start: int, end: int) -> str:
    """The country of a demonym that says where the name lies: "the Libyan capital Tripoli",
    "the Lebanese port city of Tripoli", "Alexandria, the Egyptian port"."""
    demonyms = _country_words()
    nouns = 0
    for back in range(start - 1, max(-1, start - 6), -1):
        word = doc[back]
        two = f"{doc[back - 1].text} {word.text}" if back else ""
        if two in _two_word_demonyms():  # "the North Korean town of X"
            return _two_word_demonyms()[two] if nouns else ""
        if word.text in demonyms:
            return demonyms[word.text] if nouns else ""
        if word.lower_ in _DEMONYM_NOUNS:
            nouns += 1
        elif word.lower_ not in ("of", "the", "main", "key", "coastal", "northern", "southern",
                                 "eastern", "western", "central", "border", "second",
                                 "largest", "biggest", "-"):
            break
    if end + 2 < len(doc) and doc[end].text == ",":
        first = end + 1 + (doc[end + 1].lower_ in ("the", "a", "an"))
        if first + 1 < len(doc) and doc[first].text in demonyms and \
                doc[first + 1].lower_ in _DEMONYM_NOUNS:
            return demonyms[doc[first].text]
    # "X on the Moldovan bank of the Dniester", "X, on the Afghan side": the side it stands on
    side = _side_named(doc, end)
    return demonyms[doc[side].text] if side else ""


def _side_named(doc: Doc, end: int) -> int:
    """Where the demonym of "on the Moldovan bank", "on the Afghan side" after the name ending
    at `end` stands; 0 where no such words follow."""
    at = end + (end < len(doc) and doc[end].text == ",")
    if at + 3 < len(doc) and doc[at].lower_ in ("on", "in") and doc[at + 1].lower_ == "the" and \
            doc[at + 2].text in _country_words() and doc[at + 3].lower_ in _SIDES:
        return at + 2
    return 0


_SIDES = frozenset({"bank", "side", "shore", "part", "half"})


@functools.cache
def demonyms() -> dict[str, str]:
    """Demonym (as written) -> country, from the built-in actor dictionary's adjectives."""
    return {e.phrase.lstrip("^"): e.country for e in ActorDictionary.builtin().entries
            if e.kind == "adjective" and " " not in e.phrase}


@functools.cache
def _two_word_demonyms() -> dict[str, str]:
    """Demonyms of two words -> country: "North Korean", "South Sudanese"."""
    return {e.phrase.lstrip("^"): e.country for e in ActorDictionary.builtin().entries
            if e.kind == "adjective" and e.phrase.count(" ") == 1}


@functools.cache
def demonym_phrases() -> frozenset[str]:
    """Every demonym the built-in actor dictionary knows, of one word or more ("South
    Korean")."""
    return frozenset(e.phrase.lstrip("^") for e in ActorDictionary.builtin().entries
                     if e.kind == "adjective")


@functools.cache
def _country_names() -> frozenset[str]:
    """Every name the actor dictionary knows a country by: "US", "U.S.", "Singapore"."""
    return frozenset(e.phrase.lstrip("^") for e in ActorDictionary.builtin().entries
                     if e.kind == "country")


@functools.cache
def capital_names() -> frozenset[str]:
    """Every capital the actor dictionary knows: "Suva", "Apia"."""
    return frozenset(e.phrase.lstrip("^") for e in ActorDictionary.builtin().entries
                     if e.kind == "capital")


@functools.cache
def _country_words() -> dict[str, str]:
    """Demonyms and one-word country names: "the Spanish city of Valencia", "the US state of
    Georgia"."""
    names = {e.phrase.lstrip("^"): e.country for e in ActorDictionary.builtin().entries
             if e.kind == "country" and " " not in e.phrase}
    return names | demonyms()
