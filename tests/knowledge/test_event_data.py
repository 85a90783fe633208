"""The event knowledge files: well-formed, mutually consistent, and faithful to the manual.

The event engine trusts these files without re-checking them, so a typo here (an unknown mode,
a YAML ``on`` read as ``True``, a lemma spaCy never produces) would silently lose events.
Checks against the PLOVER manual and the CAMEO table need ``../shared`` and skip without it.
"""
from __future__ import annotations

import csv
import importlib.util
import re
from collections import Counter
from pathlib import Path

import pytest
import yaml

from dotterel import knowledge
from dotterel.knowledge import CATEGORIES, DATA

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT / "../shared"
TRIGGER_FIELDS = {"lemma", "pos", "event", "mode", "with", "object", "not_object", "modifier", "via", "control", "cameo", "note"}
WORD_LISTS = ("light_verbs", "passthrough_verbs", "future_verbs", "speech_verbs")


@pytest.fixture(scope="module")
def k():
    return knowledge.default()


@pytest.fixture(scope="module")
def triggers(k):
    return k.events["triggers"]


@pytest.fixture(scope="module")
def cameo_rows():
    with open(DATA / "cameo.tsv", encoding="utf-8") as fh:
        return list(csv.DictReader(fh, delimiter="\t"))


@pytest.fixture(scope="module")
def manual() -> str:
    path = SHARED / "reference/PLOVER_MANUAL.tex"
    if not path.exists():
        pytest.skip("../shared (PLOVER manual) not available")
    # LaTeX comments hold superseded tables and rows: drop them before reading any table
    lines = path.read_text(encoding="utf-8").splitlines()
    return "\n".join(line for line in lines if not line.lstrip().startswith("%"))


def modes_of(k, event: str) -> dict:
    return k.categories[event]["modes"] or {}


class _StrictLoader(yaml.SafeLoader):
    """A YAML loader that refuses a repeated mapping key instead of keeping the last one."""

    def construct_mapping(self, node, deep=False):
        keys = [self.construct_object(k, deep=deep) for k, _ in node.value]
        repeated = {k for k in keys if keys.count(k) > 1}
        if repeated:
            raise yaml.constructor.ConstructorError(None, None, f"repeated keys {repeated}", node.start_mark)
        return super().construct_mapping(node, deep=deep)


@pytest.mark.parametrize("name", ["events.yaml", "modes.yaml", "categories.yaml", "contexts.yaml"])
def test_no_repeated_yaml_keys(name):
    yaml.load((DATA / name).read_text(encoding="utf-8"), Loader=_StrictLoader)


# ------------------------------------------------------------------ events.yaml
def test_events_file_has_triggers_and_word_lists(k):
    assert isinstance(k.events["triggers"], list) and k.events["triggers"]
    for key in WORD_LISTS:
        words = k.events[key]
        assert words and all(isinstance(w, str) and w == w.lower() and " " not in w for w in words), key
        assert len(words) == len(set(words)), f"{key} repeats a word"


def test_every_trigger_is_well_formed(k, triggers):
    for t in triggers:
        where = f"trigger {t!r}"
        assert set(t) <= TRIGGER_FIELDS, where
        lemma = t.get("lemma")
        assert isinstance(lemma, str) and lemma == lemma.lower() and re.fullmatch(r"[a-z][a-z'-]*", lemma), where
        assert t["event"] in CATEGORIES, where
        assert isinstance(t.get("note"), str) and t["note"].strip(), where
        assert t.get("pos", "VERB") in ("VERB", "NOUN", "ADJ"), where
        assert t.get("control", "own") == "own", where
        if "mode" in t:
            assert t["mode"] in modes_of(k, t["event"]), where
        for key in ("with", "object"):
            if key in t:
                # YAML reads bare on/off/yes/no as booleans: every item must still be a word
                assert isinstance(t[key], list) and t[key], where
                assert all(isinstance(w, str) and w == w.lower() for w in t[key]), where


def test_trigger_cameo_codes_exist(triggers, cameo_rows):
    codes = {r["code"] for r in cameo_rows}
    for t in triggers:
        if "cameo" in t:
            assert t["cameo"] in codes, t


def test_no_conflicting_or_repeated_entries(triggers):
    """Same lemma, part of speech and particle: object lists may not claim a word twice."""
    claimed: dict[tuple, dict[str, str]] = {}
    plain: dict[tuple, str] = {}
    for t in triggers:
        key = (t["lemma"], t.get("pos"), tuple(sorted(t.get("with", []))),
               tuple(sorted(t.get("modifier", []))), tuple(sorted(t.get("not_object", []))),
               tuple(sorted(t.get("via", []))))
        if "object" not in t:
            assert key not in plain, f"{key} listed twice ({plain.get(key)} and {t['event']})"
            plain[key] = t["event"]
            continue
        seen = claimed.setdefault(key, {})
        for obj in t["object"]:
            assert obj not in seen, f"{key} object {obj!r} coded both {seen.get(obj)} and {t['event']}"
            seen[obj] = t["event"]


def test_every_category_has_triggers(triggers):
    counts = Counter(t["event"] for t in triggers)
    thin = {c: counts[c] for c in CATEGORIES if counts[c] < 8}
    assert not thin, f"categories with fewer than 8 triggers: {thin}"
    # both verbs and nouns, so "held talks" and "met" are both found
    for c in CATEGORIES:
        assert {"VERB", "NOUN"} <= {t.get("pos") for t in triggers if t["event"] == c}, c


def test_word_lists_agree_with_each_other_and_with_triggers(k, triggers):
    ev = k.events
    assert set(ev["future_verbs"]) <= set(ev["passthrough_verbs"])
    # a speech verb with a non-controlling entry is read as attribution, so the entry would never fire
    speech_entries = [t for t in triggers if t["lemma"] in ev["speech_verbs"] and t.get("control") != "own"
                      and t.get("pos") != "NOUN"]
    assert not speech_entries, speech_entries
    # a pass-through verb hands its category to the complement; one that keeps its own contradicts it
    own = {t["lemma"] for t in triggers if t.get("control") == "own"}
    assert not own & set(ev["passthrough_verbs"])


def test_trigger_lemmas_are_single_spacy_tokens(triggers):
    from dotterel import nlp

    tokenizer = nlp.load().tokenizer
    split = [t["lemma"] for t in triggers if len(tokenizer(t["lemma"])) != 1]
    assert not split, f"the tokenizer splits these lemmas, so they never match: {split}"


@pytest.mark.parametrize("sentence, word, event", [
    ("The two sides held talks in Geneva.", "talks", "CONSULT"),
    ("Washington imposed sanctions on three banks.", "sanctions", "SANCTION"),
    ("Warplanes carried out airstrikes overnight.", "airstrikes", "ASSAULT"),
    ("The ministry criticised the decision.", "criticised", "ACCUSE"),
    ("Soldiers raped women in the village.", "raped", "ASSAULT"),
    ("The company was fined by the regulator.", "fined", "SANCTION"),
    ("Police cordoned off the square.", "cordoned", "COERCE"),
    ("The rebels freed the hostages.", "freed", "RETREAT"),
    ("Demonstrators rallied outside parliament.", "rallied", "PROTEST"),
    ("The government mobilised reservists.", "mobilised", "MOBILIZE"),
    ("He apologized for the remarks.", "apologized", "SUPPORT"),
    ("Officials denied the report.", "denied", "REJECT"),
    ("The army shelled the town.", "shelled", "ASSAULT"),
    ("Clashes erupted near the border.", "Clashes", "ASSAULT"),
])
def test_inflected_words_reach_their_trigger(triggers, sentence, word, event):
    """The first base form the engine tries for an inflected word (spaCy's lemma, then guessed
    ones: events.lexicon.lemmas) that the lexicon lists must carry that category."""
    from dotterel import nlp
    from dotterel.events.lexicon import lemmas

    tok = next(t for t in nlp.load()(sentence) if t.text == word)
    listed = {t["lemma"] for t in triggers}
    base = next((b for b in lemmas(tok) if b in listed), None)
    events = {t["event"] for t in triggers if t["lemma"] == base}
    assert event in events, f"{word!r} → {lemmas(tok)} → {events or 'no trigger'}"


# ------------------------------------------------------------------ categories.yaml
def test_categories_cover_all_sixteen(k):
    assert set(k.categories) == set(CATEGORIES)
    for name, c in k.categories.items():
        assert c["quad"] in (1, 2, 3, 4), name
        assert isinstance(c["requires_recipient"], bool), name
        assert isinstance(c["modes"], dict), name
        # cooperation scores are positive, conflict scores are not (catches the manual's ACCUSE misprint)
        assert (c["score"] > 0) if c["quad"] <= 2 else (c["score"] <= 0), name
        for mode, m in c["modes"].items():
            assert -10 <= m["score"] <= 10 and isinstance(m["cameo"], str), (name, mode)


def test_category_cameo_codes_exist_and_follow_the_table(k, cameo_rows):
    codes = {r["code"] for r in cameo_rows}
    first: dict[tuple[str, str], str] = {}
    for r in cameo_rows:
        first.setdefault((r["category"], r["mode"]), r["code"])
    for name, c in k.categories.items():
        assert c["cameo"] in codes, name
        for mode, m in c["modes"].items():
            assert m["cameo"] in codes, (name, mode)
            # where the table has rows for this category and mode, the first one is used
            if (name, mode) in first:
                assert m["cameo"] == first[(name, mode)], (name, mode)


def test_scores_match_the_manual_table(k, manual):
    table = manual[manual.index(r"\caption{PLOVER conflict--cooperation scores}"):]
    table = table[:table.index(r"\end{tabular}")]
    rows = 0
    for line in table.splitlines():
        cells = [re.sub(r"\\cellcolor\{[^}]*\}", "", c).strip(" \\\t") for c in line.split("&")]
        for name, score in zip(cells[::2], cells[1::2]):
            if not re.fullmatch(r"-?\d+(\.\d+)?", score):
                continue
            rows += 1
            category, _, mode = name.partition(":")
            cat = k.categories[category.strip()]
            if mode:
                assert cat["modes"][mode.strip().lower()]["score"] == float(score), name
            else:
                assert abs(cat["score"]) == abs(float(score)), name  # ACCUSE's sign is a misprint
    assert rows > 60


def test_modes_match_the_manual_mode_tables(k, manual):
    """Each ``<CAT> modes`` table in the manual lists exactly the modes categories.yaml has."""
    for cat in CATEGORIES:
        m = re.search(r"\\caption\{(?:\\plcat\{)?" + cat + r"\}? modes[^}]*\}(.*?)\\end\{tabular\}", manual, re.S)
        if m is None:
            assert not k.categories[cat]["modes"], f"{cat} has modes the manual does not table"
            continue
        names = set()
        for line in m.group(1).splitlines():
            line = line.strip()
            if "&" in line and not line.startswith("Name"):
                names.add(line.split("&")[0].strip())
        names.discard("")
        assert names == set(k.categories[cat]["modes"]), cat


# ------------------------------------------------------------------ modes.yaml
def test_mode_cues_cover_every_mode(k):
    with_modes = {c for c in CATEGORIES if k.categories[c]["modes"]}
    assert set(k.modes) == with_modes
    for cat, table in k.modes.items():
        assert set(table) == set(k.categories[cat]["modes"]), cat
        for mode, phrases in table.items():
            assert phrases and all(isinstance(p, str) and p.strip() for p in phrases), (cat, mode)


# ------------------------------------------------------------------ contexts.yaml
def test_contexts_are_keyword_lists(k):
    assert len(k.contexts) >= 30
    for name, words in k.contexts.items():
        assert re.fullmatch(r"[a-z_]+", name), name
        assert words and all(isinstance(w, str) and w.strip() for w in words), name


def test_contexts_are_the_manuals_general_contexts(k, manual):
    table = manual[manual.index(r"\label{tab:general-contexts}"):]
    table = table[table.index(r"\endlastfoot"):table.index(r"\end{longtable}")]
    names = set()
    for line in table.splitlines():
        if "&" in line:
            cell = line.split("&")[0].strip()
            m = re.fullmatch(r"\\hyperref\[[^\]]*\]\{(.*)\}", cell)
            names.add((m.group(1) if m else cell).replace("\\_", "_"))
    assert names == set(k.contexts)


# ------------------------------------------------------------------ cameo.tsv
def test_cameo_table_is_well_formed(cameo_rows):
    codes = [r["code"] for r in cameo_rows]
    assert len(codes) == len(set(codes))
    for r in cameo_rows:
        assert re.fullmatch(r"\d{2,4}", r["code"]), r
        assert r["category"] in CATEGORIES, r


def test_cameo_table_regenerates_from_the_reference():
    source = SHARED / "reference/CAMEO2PLOVER-2021.txt"
    if not source.exists():
        pytest.skip("../shared (CAMEO table) not available")
    spec = importlib.util.spec_from_file_location("make_cameo_table", ROOT / "tools/make_cameo_table.py")
    tool = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(tool)
    shipped = (DATA / "cameo.tsv").read_text(encoding="utf-8")
    assert tool.render(source.read_text(encoding="utf-8")) == shipped


def test_every_word_list_the_rules_consult_is_in_the_data(k):
    """A field whose data key is misspelt would read as an empty list and silently turn its rule off."""
    import dataclasses

    from dotterel.events.lexicon import Lexicon

    lex = Lexicon.from_knowledge(k)
    empty = [f.name for f in dataclasses.fields(lex) if isinstance(getattr(lex, f.name), frozenset)
             and not getattr(lex, f.name)]
    assert not empty
