"""The embedded DuckDB event store: schema and migrations, idempotent writes, reads, exports.

This package is the only code that writes SQL.

    >>> from detente.store import Store
    >>> with Store.open(":memory:") as store:
    ...     store.counts()["events"]
    0
"""

from detente.store.db import DEFAULT_PATH, Store
from detente.store.export import FORMATS, export_events
from detente.store.schema import MIGRATIONS
from detente.store.writer import AddResult

__all__ = ["DEFAULT_PATH", "FORMATS", "MIGRATIONS", "AddResult", "Store", "export_events"]
