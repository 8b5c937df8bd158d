"""Actor dictionaries: built-in countries, organisations and role words; user and PETRARCH files.

>>> from detente.actors import ActorDictionary
>>> [e.code for e in ActorDictionary.builtin().lookup("Kyiv")]
['UKRGOV']
"""

from detente.actors.dictionary import (
    KINDS,
    SECTORS,
    ActorDictionary,
    ActorEntry,
    SectorWord,
    country_names,
    country_of,
)
from detente.actors.petrarch import PetrarchImport, load_petrarch_actors, load_petrarch_agents
from detente.actors.user import load_user_dictionary

__all__ = [
    "KINDS",
    "SECTORS",
    "ActorDictionary",
    "ActorEntry",
    "PetrarchImport",
    "SectorWord",
    "country_names",
    "country_of",
    "load_petrarch_actors",
    "load_petrarch_agents",
    "load_user_dictionary",
]
