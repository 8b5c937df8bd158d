"""detente: political event data from news text, with the evidence for every event.

>>> import detente
>>> events = detente.code("China accused the Philippines of provocations.")  # doctest: +SKIP
>>> events[0].source.code, events[0].code, events[0].target.code  # doctest: +SKIP
('CHN', '112', 'PHL')
"""

from __future__ import annotations

import datetime as dt
import functools

from detente.errors import DetenteError
from detente.model import Actor, Article, Event, EventDate, Rejection, Span

TYPE_CHECKING = False
if TYPE_CHECKING:
    from detente.pipeline.coder import CodedArticle, Coder

__all__ = [
    "Actor", "Article", "CodedArticle", "Coder", "DetenteError", "Event", "EventDate",
    "Rejection", "Span", "code",
]
__version__ = "0.1.0"


def __getattr__(name: str) -> object:
    # spaCy loads only when the coder is asked for, so `import detente` stays light
    if name in ("Coder", "CodedArticle"):
        from detente.pipeline import coder

        return getattr(coder, name)
    raise AttributeError(f"module 'detente' has no attribute {name!r}")


@functools.cache
def _default_coder() -> Coder:
    from detente.pipeline.coder import Coder

    coder = Coder()
    coder.setup()
    return coder


def code(text: str, date: dt.date | str | None = None) -> list[Event]:
    """Code one text; `date` is its publication date (a date or an ISO string)."""
    if isinstance(date, str):
        date = dt.date.fromisoformat(date)
    return _default_coder().code_text(text, date=date)
