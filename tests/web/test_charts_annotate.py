"""Server-drawn charts and text highlighting, without the app."""
from __future__ import annotations

import pytest

from dotterel.web import annotate, charts

TEXT = "Minister Jeyhun Bayramov said \"306 people were killed by mines\" in Baku."


def _doc():
    speaker = {"text": "Minister Jeyhun Bayramov", "span": [0, 24], "name": "Jeyhun Bayramov", "kind": "person",
               "country": "AZE", "sector": "GOV"}
    return {
        "text": TEXT,
        "entities": [speaker, {"text": "306 people", "span": [31, 41], "name": None, "kind": "group",
                               "country": None, "sector": "CVL"}],
        "events": [{"event": "ASSAULT", "mode": None, "actor": [], "recipient": [], "date": "2023-09-13",
                    "trigger": {"text": "killed", "span": [47, 53]}, "cameo": "18", "score": -9.0}],
        "quotes": [{"kind": "direct", "span": [30, 63], "speaker": speaker, "cue": {"text": "said", "span": [25, 29]}}],
        "quantities": [{"text": "306 people", "span": [31, 41], "value": 306, "unit": "people", "qualifier": "="}],
    }


def test_segments_rebuild_the_text_and_carry_every_overlapping_annotation():
    notes = annotate.annotations(_doc())
    segs = annotate.segments(TEXT, notes)
    assert "".join(s.text for s in segs) == TEXT
    by_text = {s.text: s for s in segs}
    assert set(by_text["306 people"].kinds) == {"ent", "qty", "quote"}
    assert set(by_text["killed"].kinds) == {"trg", "quote"}
    assert by_text["said"].kinds == ["cue"]
    assert by_text[" in Baku."].kinds == []
    assert "ASSAULT" in by_text["killed"].title and "-9" in by_text["killed"].title
    assert "direct quote by Jeyhun Bayramov [AZE/GOV]" in by_text["killed"].title
    # every annotation's pieces join into exactly its span
    for a in notes:
        assert "".join(s.text for s in segs if a.id in s.ids) == TEXT[a.start:a.end]


def test_spans_outside_the_text_are_clipped_not_fatal():
    notes = [annotate.Annotation("x-1", "qty", 70, 500, "past the end"),
             annotate.Annotation("x-2", "qty", 5, 5, "empty")]
    segs = annotate.segments(TEXT, notes)
    assert "".join(s.text for s in segs) == TEXT
    assert [s.text for s in segs if s.ids] == [TEXT[70:]]


def _series(pairs):
    return [{"period": p, "total": sum(q.values()), "quad": q, "mean_score": m} for p, q, m in pairs]


def test_timeline_bars_stack_to_the_totals_and_fill_missing_periods():
    series = _series([("2023-01", {1: 2, 4: 2}, 1.0), ("2023-04", {3: 1}, -4.0)])
    chart = charts.timeline(series, "month", "test")
    rects = [s for s in chart.shapes if s.kind == "rect"]
    assert len(rects) == 3
    heights = {r.cls: r.h for r in rects}
    assert heights["bar q1"] == pytest.approx(heights["bar q4"])
    assert heights["bar q3"] == pytest.approx(heights["bar q1"] / 2)
    labels = [s.text for s in chart.shapes if s.kind == "text" and s.text.startswith("2023")]
    assert labels == ["2023-01", "2023-02", "2023-03", "2023-04"]
    dots = [s for s in chart.shapes if s.kind == "circle"]
    assert len(dots) == 2 and dots[0].y < dots[1].y  # +1 is drawn above -4
    assert not charts.timeline([], "day", "none").shapes and charts.timeline([], "day", "none").empty


def test_weekly_gaps_and_long_series_are_merged():
    filled = charts.fill_gaps(_series([("2023-01-02", {1: 1}, 2.0), ("2023-01-23", {1: 1}, 2.0)]), "week")
    assert [s["period"] for s in filled] == ["2023-01-02", "2023-01-09", "2023-01-16", "2023-01-23"]
    days = _series([(f"2020-01-01", {2: 1}, 5.0)])
    days += _series([("2023-12-31", {4: 3}, -9.0)])
    chart = charts.timeline(days, "day", "long")
    bars = [s for s in chart.shapes if s.kind == "rect"]
    assert 0 < len(bars) <= charts.MAX_BARS
    assert sum(round(b.h * 1000) for b in bars) > 0


def test_network_puts_partners_around_the_actor():
    chart = charts.network("AZE", [{"code": "ARM", "name": "Armenia", "events": 4, "mean_score": -3.5},
                                   {"code": "UNO", "name": "UN", "events": 2, "mean_score": 2.0}], "net")
    edges = [s for s in chart.shapes if s.kind == "line"]
    assert [e.cls for e in edges] == ["edge conflict", "edge coop"]
    assert edges[0].stroke_width > edges[1].stroke_width
    assert charts.network("AZE", [], "net").empty
