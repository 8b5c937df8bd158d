"""Run the coder in N local processes; each loads the pipeline once."""

from __future__ import annotations

import itertools
import multiprocessing
from collections.abc import Iterable, Iterator

from detente.actors import ActorDictionary
from detente.engines.guarded import code_guarded
from detente.model import Article, Rejection
from detente.pipeline.coder import CodedArticle, Coder

_WORKER_CODER: Coder | None = None
CHUNK = 16


def _init_worker(dictionary: ActorDictionary | None) -> None:
    global _WORKER_CODER
    _WORKER_CODER = Coder(dictionary=dictionary)
    _WORKER_CODER.setup()


def _code_chunk(chunk: list[Article | Rejection]) -> list[CodedArticle | Rejection]:
    assert _WORKER_CODER is not None
    articles = [a for a in chunk if isinstance(a, Article)]
    coded = iter(code_guarded(_WORKER_CODER, articles))
    return [item if isinstance(item, Rejection) else next(coded) for item in chunk]


def _chunks(items: Iterable[Article | Rejection], size: int) -> Iterator[list[Article | Rejection]]:
    iterator = iter(items)
    while chunk := list(itertools.islice(iterator, size)):
        yield chunk


def code_stream_parallel(
    items: Iterable[Article | Rejection], processes: int, dictionary: ActorDictionary | None = None,
) -> Iterator[CodedArticle | Rejection]:
    """Like `code_stream`, over a process pool; results keep the input order."""
    # fork is cheap here: the parent never loads the model, each worker does once
    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
    context = multiprocessing.get_context(method)
    with context.Pool(processes, initializer=_init_worker, initargs=(dictionary,)) as pool:
        for results in pool.imap(_code_chunk, _chunks(items, CHUNK)):
            yield from results
