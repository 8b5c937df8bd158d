"""One exception tree for detente. Messages say what went wrong, where, and how to fix it."""

from __future__ import annotations


class DetenteError(Exception):
    """Root of every error detente raises on purpose."""


class ModelMissingError(DetenteError):
    """The spaCy English pipeline is not installed."""


class InputError(DetenteError):
    """A record, file or field that cannot be read; the message names where."""


class UnknownCodeError(DetenteError, KeyError):
    """A CAMEO code that is not in the codebook."""

    def __str__(self) -> str:  # KeyError would quote the message
        return str(self.args[0]) if self.args else ""


class DictionaryError(DetenteError):
    """An actor or pattern dictionary file that cannot be loaded."""


class PatternError(DictionaryError):
    """A line of the pattern lexicon that does not follow docs/patterns.md."""


class StoreError(DetenteError):
    """The event store cannot do what was asked: a bad query, a refused write, a newer schema."""


class StoreLockedError(StoreError):
    """The store's file is held by another process; DuckDB lets one process open a file."""
