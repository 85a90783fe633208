"""The probe files under benchmarks/data/ parse, and their labels are the manual's.

A line the benchmark cannot read, a category or mode the manual does not define, or a marker
left unclosed would silently drop or mis-score a probe, so the format is pinned here.
"""

import importlib.util
from pathlib import Path

import pytest

from test_event_benchmark_data import MODES

ROOT = Path(__file__).resolve().parents[1]
spec = importlib.util.spec_from_file_location("probes", ROOT / "benchmarks" / "probes.py")
probes = importlib.util.module_from_spec(spec)
spec.loader.exec_module(probes)


@pytest.mark.parametrize("name", ["probes_pairs.txt", "probes_paragraphs.txt"])
def test_every_line_reads_with_a_manual_category_and_mode(name):
    rows = probes.read(probes.DATA / name)
    assert len(rows) >= 200
    for cat, mode, text in rows:
        assert cat in MODES, (cat, text[:60])
        assert mode is None or mode in MODES[cat], (cat, mode, text[:60])


def test_pair_probes_mark_one_actor_and_no_stray_markers():
    for cat, _, marked in probes.read(probes.DATA / "probes_pairs.txt"):
        text, actor, recipient = probes.unmark(marked)
        assert actor is not None, marked
        assert not any(m in text for m in ("[[", "]]", "{{", "}}")), marked
        assert marked.count("[[") == 1 and marked.count("{{") <= 1, marked


def test_unmark_gives_the_spans_of_the_marked_words():
    text, actor, recipient = probes.unmark("[[Kenya]] expelled two {{Ugandan}} diplomats.")
    assert text == "Kenya expelled two Ugandan diplomats."
    assert text[slice(*actor)] == "Kenya" and text[slice(*recipient)] == "Ugandan"
