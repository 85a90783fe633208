"""Validate the project's own annotated event-coding evaluation data.

The files under benchmarks/data/ are hand-written held-out data for measuring
how well the coder generalises beyond the PLOVER gold-standard sentences. A
malformed line, a mode the manual does not define, or an actor span that is
not in the text would silently corrupt every score computed from them, so
this test pins the schema and the manual's code lists.
"""

import json
import re
from collections import Counter
from pathlib import Path

import pytest

DATA_DIR = Path(__file__).resolve().parents[1] / "benchmarks" / "data"
SENTENCES = DATA_DIR / "events_sentences.jsonl"
PARAGRAPHS = DATA_DIR / "events_paragraphs.jsonl"
CAMEO = DATA_DIR / "events_cameo.jsonl"
NEWS_PARAGRAPHS = DATA_DIR / "events_news_paragraphs.jsonl"
# more blind data, all of it dev: for finding gaps and training classify's fallback
CAMEO_MORE = DATA_DIR / "events_cameo_more.jsonl"
CAMEO_PLAIN = DATA_DIR / "events_cameo_plain.jsonl"  # a third batch in plain wire style, dev/test
NEWS_PARAGRAPHS_MORE = DATA_DIR / "events_news_paragraphs_more.jsonl"
# a fourth blind batch in the style of the gold-standard records, all of it held out
GSR_STYLE = DATA_DIR / "events_gsr_style.jsonl"
# and a blind batch of news paragraphs, written at the end of the third session, all held out
NEWS_PARAGRAPHS_BLIND = DATA_DIR / "events_news_paragraphs_blind.jsonl"
ALL_FILES = [SENTENCES, PARAGRAPHS, CAMEO, NEWS_PARAGRAPHS, CAMEO_MORE, NEWS_PARAGRAPHS_MORE, CAMEO_PLAIN, GSR_STYLE,
             NEWS_PARAGRAPHS_BLIND]

# Modes per category as tabulated in the PLOVER manual, chapter "Event
# Categories". An empty set means the manual defines no modes for it.
MODES = {
    "AGREE": set(),
    "CONSULT": {"visit", "third-party", "multilateral", "phone"},
    "SUPPORT": set(),
    "CONCEDE": set(),
    "COOPERATE": set(),
    "AID": set(),
    "RETREAT": {"withdraw", "release", "disarm", "ceasefire", "access", "resign"},
    "REQUEST": {"assist", "change", "yield", "meet"},
    "ACCUSE": {"disapprove", "investigate", "allege"},
    "REJECT": {"assist", "change", "yield", "meet"},
    "THREATEN": {"restrict", "arrest", "relations", "expel", "territory", "violence"},
    "PROTEST": {"demo", "riot", "strike", "hunger", "boycott", "obstruct", "vandalize"},
    "SANCTION": {"convict", "expel", "withdraw", "discontinue"},
    "MOBILIZE": {"troops", "weapons", "police", "militia"},
    "COERCE": {
        "seize", "restrict", "censor", "curfew", "martial-law", "arrest",
        "deport", "withhold", "misinformation", "cyber",
    },
    "ASSAULT": {
        "abduct", "beat", "torture", "sexual", "targeted", "destroy",
        "primitive", "firearms", "explosives", "suicide-attack", "aerial",
        "drone", "heavy-weapons", "crowd-control", "unconventional",
    },
}

# The manual marks these categories "Requires recipient: Yes".
NEEDS_RECIPIENT = {"COOPERATE", "AID", "SANCTION"}

# Sector codes from the manual's sector table.
SECTORS = {
    "COP", "GOV", "JUD", "LEG", "MIL", "PRM", "PTY", "REB", "SPY", "UAF", "UNK",
    "AGR", "BUS", "CRM", "CVL", "EDU", "ELI", "JRN", "LAB", "MED", "REF", "OPP",
    "PRE", "REL", "SOC",
}

# Country-field codes that are not ISO 3166 alpha-3: the manual's
# international non-state entities, plus its own code for Kosovo.
NON_ISO_COUNTRIES = {"IGO", "UNO", "EUR", "NGO", "ISM", "IMG", "MNC", "KOS"}

REQUIRED_KEYS = {"id", "text", "event", "mode", "actor", "recipient", "trigger", "note", "split"}
OPTIONAL_KEYS = {"cameo"}  # the CAMEO code a sentence illustrates (events_cameo.jsonl)
ENTITY_KEYS = {"text", "country", "sector"}

# A sentence ends at . ! or ? (optionally followed by a closing quote) when
# whitespace and an upper-case letter or opening quote follow.
SENTENCE_END = re.compile(r"[.!?][\"'\u201d]?\s+(?=[A-Z\"\u201c])")


def _load(path):
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


@pytest.fixture(scope="module", params=ALL_FILES, ids=[p.stem for p in ALL_FILES])
def records(request):
    return _load(request.param)


def _entities(record):
    return [record[key] for key in ("actor", "recipient") if record[key] is not None]


def test_every_record_has_the_schema_keys(records):
    for record in records:
        assert REQUIRED_KEYS <= set(record) <= REQUIRED_KEYS | OPTIONAL_KEYS, record["id"]
        assert isinstance(record["text"], str) and record["text"].strip(), record["id"]
        assert isinstance(record["note"], str) and record["note"].strip(), record["id"]
        for entity in _entities(record):
            assert set(entity) == ENTITY_KEYS, record["id"]


def test_ids_are_unique(records):
    duplicates = [key for key, n in Counter(r["id"] for r in records).items() if n > 1]
    assert not duplicates


def test_texts_are_unique(records):
    duplicates = [key for key, n in Counter(r["text"] for r in records).items() if n > 1]
    assert not duplicates


def test_categories_and_modes_follow_the_manual(records):
    for record in records:
        event, mode = record["event"], record["mode"]
        assert event in MODES, (record["id"], event)
        assert mode is None or mode in MODES[event], (record["id"], event, mode)


def test_categories_requiring_a_recipient_have_one(records):
    for record in records:
        if record["event"] in NEEDS_RECIPIENT:
            assert record["recipient"] is not None, record["id"]


def test_spans_are_substrings_of_the_text(records):
    for record in records:
        assert record["trigger"] and record["trigger"] in record["text"], record["id"]
        for entity in _entities(record):
            assert entity["text"] and entity["text"] in record["text"], (record["id"], entity["text"])


def test_sector_codes_are_from_the_manual(records):
    for record in records:
        for entity in _entities(record):
            assert entity["sector"] is None or entity["sector"] in SECTORS, (record["id"], entity)


def test_country_codes_are_iso3_or_manual_entities(records):
    pycountry = pytest.importorskip("pycountry")
    for record in records:
        for entity in _entities(record):
            code = entity["country"]
            if code is None:  # "gunmen", "foreign journalists": nobody knows whose
                continue
            assert code in NON_ISO_COUNTRIES or pycountry.countries.get(alpha_3=code), (record["id"], code)


DEV_ONLY = {CAMEO_MORE, NEWS_PARAGRAPHS_MORE}
TEST_ONLY = {GSR_STYLE, NEWS_PARAGRAPHS_BLIND}


@pytest.mark.parametrize("path", ALL_FILES, ids=[p.stem for p in ALL_FILES])
def test_splits_are_dev_and_test_or_one_of_them(path):
    records = _load(path)
    splits = Counter(r["split"] for r in records)
    if path in DEV_ONLY | TEST_ONLY:
        assert set(splits) == ({"dev"} if path in DEV_ONLY else {"test"})
        return
    assert set(splits) == {"dev", "test"}
    # Roughly half each, so the test part is big enough to report on.
    assert min(splits.values()) >= 0.4 * len(records)


def test_sentence_file_covers_every_category():
    records = _load(SENTENCES)
    assert len(records) >= 320
    per_category = Counter(r["event"] for r in records)
    assert set(per_category) == set(MODES)
    assert min(per_category.values()) >= 20, per_category
    for split in ("dev", "test"):
        in_split = {r["event"] for r in records if r["split"] == split}
        assert in_split == set(MODES), (split, set(MODES) - in_split)


@pytest.mark.parametrize("path", [CAMEO, CAMEO_PLAIN], ids=["cameo", "cameo_plain"])
def test_cameo_file_covers_every_mapped_code_twice(path):
    records = _load(path)
    per_code = Counter(r["cameo"] for r in records)
    assert len(per_code) >= 250 and set(per_code.values()) == {2}
    for code in per_code:
        assert {r["split"] for r in records if r["cameo"] == code} == {"dev", "test"}, code


def test_gsr_style_file_covers_every_mapped_code_once():
    per_code = Counter(r["cameo"] for r in _load(GSR_STYLE))
    assert len(per_code) >= 250 and set(per_code.values()) == {1}


@pytest.mark.parametrize("path", [PARAGRAPHS, NEWS_PARAGRAPHS], ids=["paragraphs", "news_paragraphs"])
def test_paragraph_file_has_multi_sentence_items(path):
    records = _load(path)
    assert len(records) >= 80
    lengths = {r["id"]: len(SENTENCE_END.findall(r["text"].strip())) + 1 for r in records}
    assert all(n <= 5 for n in lengths.values()), lengths
    single = [key for key, n in lengths.items() if n < 2]
    assert len(single) <= 0.35 * len(records), single  # a lead paragraph is often one long sentence
    for split in ("dev", "test"):
        in_split = {r["event"] for r in records if r["split"] == split}
        assert {"ASSAULT", "PROTEST", "COERCE"} <= in_split, split
