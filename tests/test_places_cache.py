"""The gazetteer's cache files when several processes build them at once (workers of
`detente ingest -j`, Dask workers sharing a cache folder, two commands started together)."""

from __future__ import annotations

import multiprocessing
import os
import sqlite3
import time

from detente.places.spellings import Spellings, write_spellings

_TOWNS = 3_000


def _rows(tag: str):
    for number in range(_TOWNS):
        town = (f"{tag}town{number}", "Region", 1.0, 2.0, 100, "")
        yield town, [("AAA", f"={tag}{number}", f"{tag}{number}")]


def _write(path, tag, start):
    start.wait()  # both writers begin together
    write_spellings(path, _rows(tag))


def test_two_processes_writing_the_spellings_file_at_once_each_leave_it_whole(tmp_path):
    path = tmp_path / "gazetteer-test.spellings.sqlite"
    context = multiprocessing.get_context("spawn")
    start = context.Barrier(2)
    writers = [context.Process(target=_write, args=(path, tag, start)) for tag in ("a", "b")]
    for writer in writers:
        writer.start()
    for writer in writers:
        writer.join(timeout=120)
    # each writer finished (none tripped over the other's half-written file) ...
    assert [writer.exitcode for writer in writers] == [0, 0]
    # ... and the file is one writer's whole file, not a mix or a part
    with sqlite3.connect(path) as db:
        towns = db.execute("SELECT name FROM towns").fetchall()
    tags = {name[0][0] for name in towns}
    assert len(towns) == _TOWNS and len(tags) == 1
    assert Spellings(path).towns("AAA", f"={tags.pop()}7")[0][1][0].endswith("town7")
    assert not list(tmp_path.glob("*.partial"))


def test_a_new_build_clears_older_indexes_and_what_a_killed_builder_left(tmp_path):
    from detente.places.build import _remove_older_indexes

    path = tmp_path / "gazetteer-new.pickle"
    older = tmp_path / "gazetteer-old.pickle"
    killed = tmp_path / "gazetteer-new.123.partial"  # a builder killed two hours ago
    writing = tmp_path / "gazetteer-new.456.partial"  # another builder at work now
    for file in (path, older, killed, writing):
        file.write_bytes(b"x")
    two_hours_ago = time.time() - 7200
    os.utime(killed, (two_hours_ago, two_hours_ago))
    _remove_older_indexes(path)
    assert sorted(p.name for p in tmp_path.iterdir()) == [writing.name, path.name]
