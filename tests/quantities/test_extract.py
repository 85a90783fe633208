"""Claimed quantities on real news styles: wire copy, economics, casualty reports, the reference article."""
from __future__ import annotations

from datetime import date

import pytest

from dotterel import nlp
from dotterel.model import Entity
from dotterel.quantities import extract_quantities

PUBLISHED = date(2023, 9, 13)


@pytest.fixture(scope="module")
def parse():
    pipeline = nlp.load()
    return pipeline


def figures(parse, text, published=PUBLISHED, **kw):
    return extract_quantities(parse(text), published, **kw)


def by_text(found):
    return {q.text: q for q in found}


# ------------------------------------------------------------------ reference article

@pytest.fixture(scope="module")
def reference(parse, reference_text):
    return extract_quantities(parse(reference_text), PUBLISHED)


def test_reference_mine_victims_since_november_2020(reference):
    q = next(q for q in reference if q.value == 306)
    assert q.unit == "people" and q.qualifier == "="
    assert q.what.startswith("people (have fallen victim to mines")
    assert q.period is not None and q.period.start == "2020-11"


def test_reference_more_than_3300_over_30_years(reference):
    q = next(q for q in reference if q.value == 3300)
    assert q.text == "more than 3,300" and q.qualifier == ">"
    assert q.unit == "people"
    assert q.period is not None and (q.period.start, q.period.end) == ("1993", "2023")


def test_reference_expelled_azerbaijanis_1987_to_1991(reference):
    expelled = [q for q in reference if q.what and "expelled" in q.what]
    assert len(expelled) == 1
    q = expelled[0]
    assert (q.value, q.low, q.high) == (100000, 100000, 999999)
    assert q.unit == "people" and q.what.startswith("Azerbaijanis")
    assert (q.period.start, q.period.end) == ("1987", "1991")


def test_reference_hundreds_of_thousands_of_mines(reference):
    mines = [q for q in reference if q.unit == "mine"]
    assert len(mines) == 1 and mines[0].text == "hundreds of thousands"
    assert mines[0].what.startswith("mines laid by Armenia")


def test_reference_has_no_years_durations_or_dates(reference):
    texts = {q.text for q in reference}
    assert not texts & {"1987", "1991", "2020", "30", "13"}
    assert all(q.value is None or not 1900 <= q.value <= 2100 for q in reference)
    assert [q.id for q in reference] == [f"n{i}" for i in range(1, len(reference) + 1)]


# ------------------------------------------------------------------ what a figure is worth

def test_money_in_symbols_codes_and_words(parse):
    found = by_text(figures(parse, "The EU pledged €40m, Washington gave $2.5 billion, Baku spent "
                                   "AZN 10 million and Delhi set aside Rs 500 crore, or 5 million dollars."))
    assert (found["€40m"].value, found["€40m"].unit) == (40e6, "EUR")
    assert (found["$2.5 billion"].value, found["$2.5 billion"].unit) == (2.5e9, "USD")
    assert (found["AZN 10 million"].value, found["AZN 10 million"].unit) == (10e6, "AZN")
    assert (found["Rs 500 crore"].value, found["Rs 500 crore"].unit) == (5e9, "INR")
    assert found["5 million dollars"].unit == "USD"


def test_glued_suffixes(parse):
    found = by_text(figures(parse, "Exports rose to 1.1bn while the deficit hit HK$2bn, about 5pc of output."))
    assert found["1.1bn"].value == 1.1e9
    assert (found["HK$2bn"].value, found["HK$2bn"].unit) == (2e9, "HKD")
    assert (found["about 5pc"].value, found["about 5pc"].unit, found["about 5pc"].qualifier) == (5, "%", "~")


def test_number_words_and_vague_amounts(parse):
    found = by_text(figures(parse, "Half a million refugees and a dozen aid workers crossed, while tens of "
                                   "thousands of demonstrators and dozens of police officers gathered."))
    assert found["Half a million"].value == 500000 and found["Half a million"].unit == "people"
    assert found["a dozen"].value == 12
    tens = found["tens of thousands"]
    assert (tens.value, tens.low, tens.high, tens.unit) == (10000, 10000, 99999, "people")
    assert (found["dozens"].low, found["dozens"].high) == (24, 99)


def test_ranges_have_no_single_value(parse):
    found = by_text(figures(parse, "Between 20 and 30 militants were killed and 2 to 3 million people fled."))
    assert (found["Between 20 and 30"].value, found["Between 20 and 30"].low, found["Between 20 and 30"].high) \
        == (None, 20, 30)
    assert (found["2 to 3 million"].low, found["2 to 3 million"].high) == (2e6, 3e6)


def test_shares_and_ratios_are_percentages(parse):
    found = by_text(figures(parse, "More than half of voters backed the deal, and one in five children "
                                   "is malnourished."))
    assert (found["More than half"].value, found["More than half"].unit, found["More than half"].qualifier) \
        == (50, "%", ">")
    assert (found["one in five"].value, found["one in five"].unit) == (20, "%")


# ------------------------------------------------------------------ hedges and changes

@pytest.mark.parametrize("text, figure, qualifier", [
    ("At least 27 people were killed in the blast.", "At least 27", ">="),
    ("Some 3,000 people marched through the capital.", "Some 3,000", "~"),
    ("Nearly 6.3 million Ukrainians have fled the country.", "Nearly 6.3 million", "<"),
    ("As many as 300 people may have been on the boat.", "As many as 300", "<="),
    ("Police said 7,000 or more protesters had gathered.", "7,000 or more", ">="),
    ("The economy grew 0.3% in the third quarter.", "0.3%", "up"),
    ("Turnout was down 3.2 percentage points.", "down 3.2 percentage points", "down"),
    ("The government will cut emissions by 45% by 2030.", "45%", "down"),
    ("Inflation fell to 6.7 percent in August.", "6.7 percent", "="),
    ("Russia said its forces had shot down 23 drones.", "23", "="),
])
def test_qualifiers(parse, text, figure, qualifier):
    found = by_text(figures(parse, text))
    assert found[figure].qualifier == qualifier


def test_rise_from_one_level_to_another_is_two_levels(parse):
    found = figures(parse, "The World Bank cut its forecast for the region to 2.1% from 3.4%.")
    assert [(q.value, q.qualifier) for q in found] == [(2.1, "="), (3.4, "=")]


# ------------------------------------------------------------------ units and what is counted

def test_person_words_and_demonyms_count_people(parse):
    found = figures(parse, "Police arrested 45 protesters, and 2.6 million Ukrainians and 5,000 Russian troops moved.")
    assert [q.unit for q in found] == ["people", "people", "people"]


def test_other_nouns_give_their_lemma(parse):
    found = by_text(figures(parse, "The convoy of 40 trucks carried 600 tonnes of food to 14 districts."))
    assert found["40"].unit == "truck"
    assert found["600 tonnes"].unit == "tonnes"
    assert found["14"].unit == "district"


def test_casualty_verbs_and_tolls_count_people(parse):
    found = by_text(figures(parse, "Gunmen killed 12 on Sunday, and the death toll later rose to 45."))
    assert found["12"].unit == "people" and found["45"].unit == "people"


def test_singular_noun_after_number_is_described_not_counted(parse):
    found = by_text(figures(parse, "A magnitude 6.1 quake struck at a depth of 10 km."))
    assert found["6.1"].unit is None
    assert found["10 km"].unit == "km"


def test_what_names_subject_predicate(parse):
    found = figures(parse, "More than 2,000 firefighters are battling the blaze near the town.")
    assert found[0].what.startswith("firefighters (are battling the blaze")


# ------------------------------------------------------------------ not figures

@pytest.mark.parametrize("text", [
    "The 42-year-old suspect, arrested on 3 March, faces up to 15 years in prison.",
    "The two leaders agreed to meet again in three weeks, the first such meeting since 2019.",
    "Under Resolution 2334 and Article 5 of the treaty, the G20 met in 2020.",
    "The F-16 landed at 10:30 a.m. after a three-day visit, aged 25 years.",
    "One of the officials said the talks would resume in the second half of the year.",
    "She presented a five-member delegation's 10-point plan in the 2019 election.",
])
def test_not_figures(parse, text):
    assert figures(parse, text) == []


# ------------------------------------------------------------------ spans, ids and claimants

def test_spans_point_into_the_text_and_claimants_come_from_the_caller(parse):
    text = '"We have lost 40 percent of our harvest," she said, adding that 30 or 40 members had quit.'
    speaker = Entity(text="she", span=(42, 45), kind="pronoun")
    found = figures(parse, text, claimant_for=lambda off: speaker if off < 41 else None)
    assert [q.id for q in found] == ["n1", "n2"]
    for q in found:
        assert text[q.span[0]:q.span[1]] == q.text
        assert q.evidence
    assert found[0].claimant is speaker and found[1].claimant is None
    assert (found[1].low, found[1].high, found[1].unit) == (30, 40, "people")


def test_without_a_publication_date_relative_periods_stay_open(parse):
    found = figures(parse, "More than 3,300 people died over the past 30 years and 300 since 2020.", published=None)
    assert found[0].period.text == "over the past 30 years"
    assert (found[0].period.start, found[0].period.end) == (None, None)
    assert found[1].period.start == "2020"
