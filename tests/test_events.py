"""The coder's constructions, one behaviour per test, on sentences written for these tests."""

from __future__ import annotations


def test_events_active_verb_subject_is_source_object_is_target(code):
    coded = code("Russian troops attacked Ukraine on Sunday.")
    assert [(s, c[:2] in ("18", "19"), t) for s, c, t in coded] == [("RUSMIL", True, "UKR")]


def test_events_passive_agent_becomes_source(code):
    coded = code("Ukrainian positions near the river were shelled by Russian forces overnight.")
    assert [(s, c[:2], t) for s, c, t in coded] == [("RUSMIL", "19", "UKRMIL")]


def test_events_prepositional_target_with_against_on(code):
    assert ("USAGOV", "163", "IRN") in code("The White House imposed new sanctions on Iran.")
    coded = code("Protesters in Nairobi demonstrated against the Kenyan government.")
    assert [(c[:2], t) for _, c, t in coded] == [("14", "KENGOV")]


def test_events_event_nouns_under_light_verbs(code):
    coded = code("Japan held talks with South Korea in Seoul on Tuesday.")
    assert ("JPN", "KOR") in [(s, t) for s, c, t in coded if c.startswith("04")]
    coded = code("Germany announced humanitarian assistance to Sudan.")
    assert [(s, c[:2], t) for s, c, t in coded] == [("DEU", "07", "SDN")]


def test_events_conjoined_actors_give_one_event_per_pair(code):
    coded = code("France and Germany condemned Russia over the cyberattack.")
    assert sorted((s, t) for s, c, t in coded if c.startswith("11")) == [("DEU", "RUS"), ("FRA", "RUS")]


def test_events_symmetric_events_give_both_directions(code):
    coded = code("India and Bangladesh signed a water-sharing agreement on Friday.")
    assert sorted((s, c, t) for s, c, t in coded) == [("BGD", "057", "IND"), ("IND", "057", "BGD")]
    coded = code("Chinese President Li Example met Brazilian President Ana Example in Beijing.")
    assert {(s, t) for s, c, t in coded if c.startswith("04")} == {("CHNGOV", "BRAGOV"), ("BRAGOV", "CHNGOV")}


def test_events_reported_speech_codes_the_reported_event_not_the_speaker(code):
    coded = code("The Kenyan foreign ministry said Somalia had threatened Ethiopia.")
    assert [(s, c[:2], t) for s, c, t in coded] == [("SOM", "13", "ETH")]


def test_events_accusation_codes_accuser_to_accused_only(code):
    coded = code("China accused the Philippine authorities of colluding with outside powers.")
    assert [(s, c[:2], t) for s, c, t in coded] == [("CHN", "11", "PHLGOV")]


def test_events_negation_drops_the_event(code):
    assert code("Serbia did not sign the agreement with Kosovo.") == []
    assert code("Argentina has never attacked Chile.") == []


def test_events_refusal_is_a_reject_event(code):
    coded = code("Iran refused to meet the IAEA inspectors.")
    assert [(s, c[:2], t) for s, c, t in coded] == [("IRN", "12", "IAEA")]


def test_events_speculation_is_not_an_event(code):
    assert code("Analysts said Venezuela could attack Guyana.") == []
    assert code("Brazil might impose tariffs on Argentina.") == []


def test_events_conditional_future_force_is_a_threat(code):
    coded = code("Beijing will take military action against Taiwan if it declares independence.")
    assert [(s, c[:2], t) for s, c, t in coded] == [("CHNGOV", "13", "TWN")]


def test_events_most_specific_code_from_context(code):
    coded = code("Washington threatened Moscow with new sanctions.")
    assert coded == [("USAGOV", "1312", "RUSGOV")]


def test_events_background_is_not_coded(code):
    assert code("Relations between the two neighbours have been strained for years.") == []
    assert code("The yen fell against the dollar as Japanese exporters reported weak sales.") == []


def test_events_date_from_clause_with_precision(events):
    found = events("In 2002, China and ASEAN signed a declaration on conduct in the sea.")
    assert {(e.source.code, e.code, e.target.code) for e in found} == {
        ("CHN", "057", "ASEAN"), ("ASEAN", "057", "CHN")}
    assert {(e.date.value, e.date.precision) for e in found} == {("2002", "year")}


def test_events_without_date_phrase_take_the_publication_date(events):
    found = events("Egypt expelled the Turkish ambassador.", date="2024-03-09")
    assert [(e.date.value, e.date.precision) for e in found] == [("2024-03-09", "day")]


def test_events_carry_their_evidence(events):
    text = "Greece and Turkey exchanged fire. Later, Athens accused Ankara of provocation."
    found = [e for e in events(text) if e.code.startswith("11")]
    assert len(found) == 1
    event = found[0]
    assert event.sentence_index == 1 and event.sentence.text.startswith("Later, Athens")
    assert text[event.trigger.start:event.trigger.end] == "accused"
    assert text[event.source.span.start:event.source.span.end] == "Athens"
    assert text[event.target.span.start:event.target.span.end] == "Ankara"
    assert event.pattern_id and 0 < event.confidence <= 1
    assert event.source.code == "GRCGOV" and event.target.code == "TURGOV"


def test_events_hard_wrapped_lines_do_not_split_sentences(code):
    text = ("The Chinese Foreign Ministry on Wednesday warned the\n"
            "Philippines of firm countermeasures.\n\nJapan Condemns Drills\n"
            "Japan condemned Chinese drills near Taiwan on Friday.")
    coded = code(text)
    assert ("CHNGOV", "PHL") in [(s, t) for s, _, t in coded]
    assert ("JPN", "11") in [(s, c[:2]) for s, c, _ in coded]


def test_events_future_deployment_is_not_a_threat(code):
    coded = code("Germany will send 2,000 troops to Lithuania next year, the defence ministry said.")
    assert [(s, c[:2], t) for s, c, t in coded] == [("DEU", "15", "LTU")]
