"""Run the coder in this process."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from detente.engines.guarded import code_guarded
from detente.model import Article, Rejection
from detente.pipeline.coder import CodedArticle, Coder

Result = CodedArticle | Rejection


def code_stream(items: Iterable[Article | Rejection], coder: Coder | None = None) -> Iterator[Result]:
    """Code articles in order, passing rejections through where they stood."""
    coder = coder or Coder()
    batch: list[Article] = []
    for item in items:
        if isinstance(item, Rejection):
            yield from code_guarded(coder, batch)
            batch = []
            yield item
            continue
        batch.append(item)
        if len(batch) >= 32:
            yield from code_guarded(coder, batch)
            batch = []
    yield from code_guarded(coder, batch)
