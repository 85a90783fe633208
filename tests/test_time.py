"""Dates, periods and sentence dates, resolved against a publication date."""
from datetime import date, datetime
from pathlib import Path

import pytest

from dotterel import nlp
from dotterel.time import is_historical, parse_published, period, resolve_date, sentence_date

PUBLISHED = date(2023, 9, 13)  # a Wednesday: the reference article's publication date
SHARED = Path(__file__).resolve().parents[1] / "../shared"


@pytest.fixture(scope="module")
def parse():
    pipeline = nlp.load()
    return lambda text: next(pipeline(text).sents)


@pytest.mark.parametrize("value", ["2023-09-13", "2023-09-13T10:00:00Z", "13 September 2023", "Sep 13, 2023",
                                   "Wednesday, 13 September 2023", date(2023, 9, 13), datetime(2023, 9, 13, 8)])
def test_publication_date_formats(value):
    assert parse_published(value) == PUBLISHED


def test_publication_date_missing_or_unreadable():
    assert parse_published(None) is None
    for junk in ("garbage", "yesterday", "2023-02-30"):
        with pytest.raises(ValueError, match=f"unreadable publication date '{junk}'"):
            parse_published(junk)


@pytest.mark.parametrize("text, start, end, granularity", [
    ("13 September", "2023-09-13", None, "day"),
    ("Sept. 13", "2023-09-13", None, "day"),
    ("20 December", "2022-12-20", None, "day"),  # four months ahead: news means last December
    ("November", "2023-11", None, "month"),  # seven weeks ahead: an announced event
    ("November 2020", "2020-11", None, "month"),
    ("Tuesday", "2023-09-12", None, "day"),
    ("Wednesday", "2023-09-13", None, "day"),
    ("next Monday", "2023-09-18", None, "day"),
    ("yesterday", "2023-09-12", None, "day"),
    ("last night", "2023-09-12", None, "day"),
    ("last week", "2023-09-04", "2023-09-10", "day"),
    ("last month", "2023-08", None, "month"),
    ("last year", "2022", None, "year"),
    ("10 years ago", "2013", None, "year"),
    ("1987 to 1991", "1987", "1991", "year"),
    ("1987-91", "1987", "1991", "year"),
    ("from May to July 2023", "2023-05", "2023-07", "month"),
    ("the 1990s", "1990", "1999", "year"),
    ("mid-September", "2023-09", None, "month"),
])
def test_resolve_date(text, start, end, granularity):
    value = resolve_date(text, PUBLISHED)
    assert (value.start, value.end, value.granularity) == (start, end, granularity)
    assert value.span == (0, len(text))


@pytest.mark.parametrize("text", ["30 years", "the nearly 30-year period", "the past 30 years", "annual",
                                  "recent years", "Omar 12"])
def test_durations_and_non_dates_do_not_resolve(text):
    assert resolve_date(text, PUBLISHED) is None


def test_without_publication_date_only_dated_text_resolves():
    assert resolve_date("13 September", None) is None
    assert resolve_date("yesterday", None) is None
    assert resolve_date("13 September 2023", None).start == "2023-09-13"


@pytest.mark.parametrize("text, start, end", [
    ("since November 2020", "2020-11", None),
    ("since the signing of the tripartite statement in November 2020", "2020-11", None),
    ("over the past 30 years", "1993", "2023"),
    ("the past two decades", "2003", "2023"),
    ("in the past 6 months", "2023-03", "2023-09"),
    ("From 1987 to 1991, hundreds of thousands were expelled", "1987", "1991"),
    ("between 2010 and 2015", "2010", "2015"),
    ("in 2019", "2019", "2019"),
    ("last year", "2022", "2022"),
    ("until 1991", None, "1991"),
])
def test_period(text, start, end):
    found = period(text, PUBLISHED)
    assert (found.start, found.end) == (start, end)
    assert found.text in text


def test_period_needs_a_date():
    assert period("2000 troops crossed the border", PUBLISHED) is None
    assert period("over the past 30 years", None) is None


def test_sentence_date_resolves_the_events_date(parse):
    sent = parse("Ukrainian troops shelled positions near Donetsk on Tuesday.")
    assert sentence_date(sent, PUBLISHED) == (
        "2023-09-12", "'on Tuesday' resolved against publication date 2023-09-13")


def test_sentence_without_date_falls_back_to_publication(parse):
    sent = parse("The minister criticised the decision.")
    assert sentence_date(sent, PUBLISHED) == ("2023-09-13", "publication date")
    assert sentence_date(sent, None) == (None, "no date")


def test_date_opening_a_span_is_not_the_event_date(parse):
    sent = parse("306 people have fallen victim to mines since the signing of the statement in November 2020.")
    assert sentence_date(sent, PUBLISHED) == ("2023-09-13", "publication date")
    assert not is_historical(sent, PUBLISHED)


def test_date_naming_a_thing_is_not_the_event_date(parse):
    sent = parse("Azerbaijan accused Armenia of violating the November 2020 statement yesterday.")
    assert sentence_date(sent, PUBLISHED)[0] == "2023-09-12"


@pytest.mark.parametrize("text", [
    "During the decolonization struggle, the party was banned by the colonial authorities.",
    "In the Soviet era, the region was autonomous.",
    "Troops withdrew from the city in 1991.",
    "From 1987 to 1991, hundreds of thousands of people were expelled from their homes.",
])
def test_historical_sentences(parse, text):
    assert is_historical(parse(text), PUBLISHED)


@pytest.mark.parametrize("text", [
    "Protesters gathered in the square on Tuesday night.",
    "Over the past 30 years, more than 3,300 people have been killed by mines.",
    "During the meeting, the sides discussed cooperation.",
    "The ministers met last year and in recent times.",
])
def test_current_sentences(parse, text):
    assert not is_historical(parse(text), PUBLISHED)


def test_reference_article_dates():
    path = SHARED / "corpus" / "azernews-bayramov-turk.txt"
    if not path.exists():
        pytest.skip("shared reference corpus not available")
    sents = [s for s in nlp.load()(path.read_text(encoding="utf-8")).sents if s.text.strip()]
    assert sentence_date(sents[0], PUBLISHED) == (
        "2023-09-13", "'on 13 September' resolved against publication date 2023-09-13")
    expelled = next(s for s in sents if "expelled from their homelands" in s.text)
    assert sentence_date(expelled, PUBLISHED)[0] == "1987"
    assert is_historical(expelled, PUBLISHED)
    assert not is_historical(sents[0], PUBLISHED)
    mines = next(s for s in sents if "fallen victim to mines" in s.text)
    assert period(mines.text, PUBLISHED).start == "2020-11"
    assert period(mines.text[mines.text.index("over the past"):], PUBLISHED).start == "1993"


def test_sentences_without_dates_are_fast(parse):
    import time

    doc = nlp.load()("The minister met his counterpart and discussed cooperation in the field of energy. " * 40)
    sents = list(doc.sents)
    began = time.perf_counter()
    for sent in sents:
        sentence_date(sent, PUBLISHED)
        is_historical(sent, PUBLISHED)
    assert (time.perf_counter() - began) / len(sents) < 0.001
