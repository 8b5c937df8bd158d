"""The actor dictionary a run uses: the built-in one with the user's files laid over it."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from detente.actors.dictionary import ActorDictionary
from detente.actors.petrarch import load_petrarch_actors, load_petrarch_agents
from detente.actors.user import load_user_dictionary


def build_dictionary(
    actors: Sequence[Path] = (), petrarch_actors: Sequence[Path] = (),
    petrarch_agents: Sequence[Path] = (),
) -> tuple[ActorDictionary, list[str]]:
    """(dictionary, problems): later files override earlier ones and the built-in entries.

    `problems` lists the PETRARCH lines that were skipped, each naming its file and line.
    """
    dictionary = ActorDictionary.builtin()
    problems: list[str] = []
    for path in petrarch_agents:
        imported, skipped = load_petrarch_agents(path)
        dictionary, problems = dictionary.merged(imported), problems + list(skipped)
    for path in petrarch_actors:
        imported, skipped = load_petrarch_actors(path)
        dictionary, problems = dictionary.merged(imported), problems + list(skipped)
    for path in actors:
        dictionary = dictionary.merged(load_user_dictionary(path))
    return dictionary, problems
