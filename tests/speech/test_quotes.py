"""Quotes and speakers on real-looking news text in several styles.

The texts are written for these tests (wire copy, press release, interview,
transcript, op-ed); the reference article is read from ../shared when present.
"""
from __future__ import annotations

import pytest

from dotterel import knowledge, nlp
from dotterel.actors import ActorResolver
from dotterel.speech import find_quotes, speaker_at
from dotterel.speech.marks import find_runs


@pytest.fixture(scope="module")
def extract():
    pipeline = nlp.load()
    resolver = ActorResolver(knowledge.default(), pipeline)

    def run(text, with_actors=True):
        doc = pipeline(text)
        return find_quotes(doc, resolver.resolve(doc) if with_actors else None)
    return run


def speaker_name(q):
    return (q.speaker.name or q.speaker.text) if q.speaker else None


def by_text(quotes, words):
    found = [q for q in quotes if words in q.text]
    assert found, f"no quote contains {words!r}: {[q.text for q in quotes]}"
    return found[0]


# --- quote marks --------------------------------------------------------------------------

def test_runs_follow_both_paragraph_conventions():
    reopened = '"First paragraph of the quote.\n\n"Second paragraph," she said.'
    run_on = '"First paragraph of the quote.\n\nSecond paragraph," she said.'
    unclosed = '"A quote never closed.\n\nA plain paragraph follows.'
    for text in (reopened, run_on):
        runs = find_runs(text)
        assert len(runs) == 1 and len(runs[0].pieces) == 2
        assert text[runs[0].span[0]] == '"' and text[runs[0].span[1] - 1] == '"'
    runs = find_runs(unclosed)
    assert len(runs) == 1 and runs[0].span == (0, unclosed.index("\n"))


# --- wire copy ----------------------------------------------------------------------------

WIRE = """KYIV, March 4 - Ukraine's defence minister said on Tuesday that his forces had pushed Russian troops back from two villages.

"Our units have regained control of both villages after three days of fighting," Oleksandr Kravets told reporters in Kyiv. "The enemy suffered heavy losses."

A spokesman for Russia's defence ministry, Igor Sokolov, said Russian forces were "steadily advancing" along the whole front line.

"We will not comment on Ukrainian fantasies," he added."""


def test_wire_copy(extract):
    quotes = extract(WIRE)
    assert [q.kind for q in quotes] == ["indirect", "direct", "indirect", "direct"]
    first = quotes[0]
    assert first.text == "his forces had pushed Russian troops back from two villages"
    assert "minister" in first.speaker.text          # not the dateline "KYIV"
    # a quote interrupted only by its attribution is one quote, text without the attribution
    kravets = quotes[1]
    assert kravets.text.endswith("fighting, The enemy suffered heavy losses.")
    assert WIRE[kravets.span[0]] == '"' and WIRE[kravets.span[1] - 1] == '"'
    assert speaker_name(kravets).endswith("Kravets") and kravets.cue.text == "told"
    # an apposition names the spokesman; the quoted fragment is part of the reported clause
    sokolov = quotes[2]
    assert speaker_name(sokolov) == "Igor Sokolov" and '"steadily advancing"' in sokolov.text
    # "he added" is the spokesman who spoke last
    assert speaker_name(quotes[3]) == "Igor Sokolov" and "pronoun" in quotes[3].speaker_reason


def test_interrupted_quote_is_one_quote(extract):
    text = '"We will rebuild every school," the mayor said, "and we will do it this year."'
    (q,) = extract(text)
    assert q.text == "We will rebuild every school, and we will do it this year."
    assert q.span == (0, len(text)) and q.cue.text == "said"


def test_according_to_and_colon_cue(extract):
    text = ("According to Kenyan envoy Samuel Otieno, the committee will meet in Mekelle this month.\n\n"
            "Speaking after the talks, Otieno said:\n\n"
            "\"Both sides have shown a genuine will to move forward. But trust takes time.\"")
    quotes = extract(text)
    assert [q.kind for q in quotes] == ["indirect", "direct"]
    assert quotes[0].text == "the committee will meet in Mekelle this month"
    assert quotes[0].cue.text == "According to" and "Otieno" in speaker_name(quotes[0])
    assert "Otieno" in speaker_name(quotes[1]) and quotes[1].cue.text == "said"


def test_what_was_not_said_is_no_quote(extract):
    text = ("The minister did not say whether the talks would resume. "
            "The ministry is expected to announce that the border will reopen.")
    assert extract(text) == []


def test_no_cue_and_nobody_nearby_leaves_speaker_empty(extract):
    text = "The talks ended late on Friday.\n\n\"Nothing was agreed and nothing will be agreed soon.\""
    (q,) = extract(text)
    assert q.speaker is None and q.speaker_reason.startswith("no cue")


def test_quote_without_cue_continues_previous_speaker(extract):
    text = ('"The border will stay closed," Interior Minister Peter Mwangi said on Monday.\n\n'
            '"We have no other choice while the attacks continue."')
    quotes = extract(text)
    assert len(quotes) == 2
    assert speaker_name(quotes[1]) == speaker_name(quotes[0]) == "Peter Mwangi"
    assert "previous quote" in quotes[1].speaker_reason


# --- press release -------------------------------------------------------------------------

PRESS = """On 21 May, Deputy Foreign Minister Elmira Suleymanova received a delegation of the Organization of Islamic Cooperation.

Deputy Minister Suleymanova noted that more than 400 civilians had been killed or injured by landmines since 2020. She emphasized that the support for demining was highly appreciated.

It was stressed that regular consultations between the two sides should continue."""


def test_press_release(extract):
    quotes = extract(PRESS)
    assert [q.kind for q in quotes] == ["indirect"] * 3
    assert [speaker_name(q) for q in quotes[:2]] == ["Elmira Suleymanova"] * 2
    passive = quotes[2]
    assert passive.text == "regular consultations between the two sides should continue"
    assert passive.speaker is None and passive.speaker_reason == "passive, no agent"


# --- interviews ----------------------------------------------------------------------------

INTERVIEW = """Ahead of the donor conference, the Daily Courier spoke to Social Affairs Minister Rana Khoury about the refugee crisis.

Q: How many refugees does Lebanon host today?

A: We estimate about 1.5 million Syrians. No country of our size could carry this burden alone.

Q: What do you expect from the conference?

A: Concrete pledges, not promises."""


def test_question_and_answer_interview(extract):
    quotes = extract(INTERVIEW)
    assert [q.text for q in quotes] == [
        "We estimate about 1.5 million Syrians. No country of our size could carry this burden alone.",
        "Concrete pledges, not promises."]
    assert all(speaker_name(q) == "Rana Khoury" and q.kind == "direct" for q in quotes)


def test_transcript_with_name_labels(extract):
    text = ("The following is an edited transcript of the debate.\n\n"
            "Moderator: Mr Petrov, how will you pay for the tax cuts?\n\n"
            "Petrov: By ending the waste on projects that are never finished.\n\n"
            "Ilieva: My opponent has said the same thing for ten years.\n\n"
            "Petrov: Because I have never been in government.")
    quotes = extract(text, with_actors=False)
    assert [q.speaker.text for q in quotes] == ["Moderator", "Petrov", "Ilieva", "Petrov"]
    assert quotes[1].text == "By ending the waste on projects that are never finished."


def test_one_off_label_is_not_a_speaker(extract):
    text = "Note: This article was updated to correct the date of the meeting in Geneva."
    assert extract(text) == []


# --- op-ed with scare quotes --------------------------------------------------------------

OPED = """For months the government has promised "reforms" to the judiciary. What we have seen is a so-called "modernisation" that hands the minister the power to appoint every court president.

Judges disagree. "This law turns judges into civil servants who wait for instructions," the president of the Judges' Association, Marta Nowicka, told a parliamentary committee.

The "efficiency" argument does not survive contact with the numbers."""


def test_scare_quotes_are_not_quotes(extract):
    quotes = extract(OPED)
    assert len(quotes) == 1
    assert quotes[0].text == "This law turns judges into civil servants who wait for instructions"
    assert speaker_name(quotes[0]) == "Marta Nowicka"


def test_speaker_at_gives_innermost_speaker(extract):
    quotes = extract(WIRE)
    kravets = quotes[1]
    inside = kravets.span[0] + 5
    assert speaker_at(quotes, inside) is kravets.speaker
    assert speaker_at(quotes, len(WIRE) + 10) is None


# --- the reference article ------------------------------------------------------------------

def test_reference_article(extract, reference_text):
    quotes = extract(reference_text)
    direct = [q for q in quotes if q.kind == "direct"]
    starts = ("From 1987 to 1991", "During 30 years of occupation", "Mines make it difficult")
    assert len(direct) == 3 and all(q.text.startswith(s) for q, s in zip(direct, starts))
    long_quote = direct[0]
    assert long_quote.text.endswith("an incentive for real reconciliation")
    assert reference_text[long_quote.span[1] - 2:long_quote.span[1]] == ',"'
    for q in direct:
        assert q.speaker.name == "Jeyhun Bayramov" and (q.speaker.country, q.speaker.sector) == ("AZE", "GOV")
    # "..., the minister added." is the same Bayramov
    assert by_text(quotes, "During 30 years").cue.text == "added"
    # no scare quote became a quote
    assert not any(q.text in ("humanitarian situation", "blockade") for q in quotes)
    said = [by_text(quotes, w) for w in ("our country actively cooperates", "Azerbaijan, which is fully committed",
                                         "despite the end of the conflict")]
    assert all(q.kind == "indirect" and q.speaker.name == "Jeyhun Bayramov" for q in said)
    press = by_text(quotes, "exchanged information")
    assert (press.speaker.country, press.speaker.sector) == ("AZE", "GOV")
    crimes = by_text(quotes, "Armenia has committed war crimes")
    assert crimes.speaker is None and crimes.speaker_reason == "passive, no agent"
