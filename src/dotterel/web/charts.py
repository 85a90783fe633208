"""Charts as SVG drawn on the server, so pages need no JavaScript library and no internet.

The functions here only compute geometry: they return a :class:`Chart`, a list of
plain shapes (rectangles, lines, polylines, circles, texts).  One Jinja macro
(``templates/_chart.html``) turns any Chart into SVG markup, with every label
escaped by Jinja's autoescaping like the rest of the page.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import date, timedelta

# PLOVER quad classes, in stacking order (cooperation at the bottom).
QUADS = {1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict"}
SCORE_RANGE = (-10.0, 10.0)  # the PLOVER conflict-cooperation score scale
MAX_BARS = 400               # more buckets than this are merged so that bars stay visible


@dataclass
class Shape:
    kind: str                 # rect | line | polyline | circle | text
    cls: str = ""
    title: str | None = None  # hover text
    x: float = 0
    y: float = 0
    w: float = 0
    h: float = 0
    x2: float = 0
    y2: float = 0
    r: float = 0
    points: str = ""
    text: str = ""
    anchor: str = "start"
    stroke_width: float | None = None


@dataclass
class Chart:
    width: int
    height: int
    label: str                # accessible name of the whole chart
    kind: str                 # css hook: timeline | network
    shapes: list[Shape] = field(default_factory=list)
    legend: list[tuple[str, str]] = field(default_factory=list)  # (css class, label)
    empty: bool = False


def _period_start(label: str, interval: str) -> date:
    if interval == "month":
        return date.fromisoformat(label + "-01") if len(label) == 7 else date.fromisoformat(label[:8] + "01")
    return date.fromisoformat(label[:10])


def _next(d: date, interval: str) -> date:
    if interval == "month":
        return date(d.year + d.month // 12, d.month % 12 + 1, 1)
    return d + timedelta(days=7 if interval == "week" else 1)


def fill_gaps(series: list[dict], interval: str) -> list[dict]:
    """The series with an empty bucket for every period between the first and the last,
    so that time runs evenly along the axis."""
    if not series:
        return []
    have = {s["period"]: s for s in series}
    out, d = [], _period_start(series[0]["period"], interval)
    end = _period_start(series[-1]["period"], interval)
    if (end - d).days / {"day": 1, "week": 7}.get(interval, 28) > 20 * MAX_BARS:
        return series  # too long to draw evenly; the buckets are merged instead
    while d <= end:
        key = d.isoformat()[:7] if interval == "month" else d.isoformat()
        out.append(have.get(key) or {"period": key, "total": 0, "quad": {}, "mean_score": None})
        d = _next(d, interval)
    return out


def _merge(series: list[dict]) -> list[dict]:
    """Merge neighbouring buckets until there are at most MAX_BARS of them."""
    k = math.ceil(len(series) / MAX_BARS)
    merged = []
    for i in range(0, len(series), k):
        group = series[i:i + k]
        total = sum(s["total"] for s in group)
        quad = {q: sum(s["quad"].get(q, 0) for s in group) for q in QUADS}
        scored = [(s["mean_score"], s["total"]) for s in group if s["mean_score"] is not None]
        weight = sum(n for _, n in scored)
        mean = sum(m * n for m, n in scored) / weight if weight else None
        merged.append({"period": f"{group[0]['period']}…{group[-1]['period']}" if k > 1 else group[0]["period"],
                       "total": total, "quad": quad, "mean_score": mean})
    return merged


def timeline(series: list[dict], interval: str, label: str, width: int = 1000, height: int = 280) -> Chart:
    """Stacked bars of events per quad class for each period, and the mean score as a line
    on a second axis (-10 conflict … +10 cooperation).

    ``series`` items: ``{"period": "2023-09" | "2023-09-11", "total": n, "quad": {1: n, ...},
    "mean_score": x | None}``, in time order, as :func:`queries.timeline` returns them.
    """
    chart = Chart(width, height, label, "timeline",
                  legend=[(f"q{q}", name) for q, name in QUADS.items()] + [("score", "mean score")])
    series = fill_gaps(series, interval)
    if len(series) > MAX_BARS:
        series = _merge(series)
    if not series:
        chart.empty = True
        return chart
    left, right, top, bottom = 44, 44, 26, 34
    pw, ph = width - left - right, height - top - bottom
    peak = max(s["total"] for s in series) or 1
    step = _nice_step(peak)
    ymax = step * math.ceil(peak / step)
    slot = pw / len(series)
    bar = min(48.0, max(1.0, slot * 0.8))
    S = chart.shapes

    def y_count(v: float) -> float:
        return top + ph - ph * v / ymax

    def y_score(v: float) -> float:
        lo, hi = SCORE_RANGE
        return top + ph - ph * (v - lo) / (hi - lo)

    for v in range(0, int(ymax) + 1, int(step)):
        S.append(Shape("line", "grid", x=left, y=y_count(v), x2=left + pw, y2=y_count(v)))
        S.append(Shape("text", "axis", x=left - 6, y=y_count(v) + 4, text=str(v), anchor="end"))
    for v in (-10, -5, 0, 5, 10):
        S.append(Shape("text", "axis score-axis", x=left + pw + 6, y=y_score(v) + 4, text=f"{v:+d}" if v else "0"))
    S.append(Shape("line", "zero", x=left, y=y_score(0), x2=left + pw, y2=y_score(0)))
    points = []
    every = max(1, math.ceil(len(series) / 8))
    for i, s in enumerate(series):
        x = left + i * slot + (slot - bar) / 2
        base = 0
        for q in QUADS:
            n = s["quad"].get(q, 0) or s["quad"].get(str(q), 0)
            if n:
                S.append(Shape("rect", f"bar q{q}", x=x, y=y_count(base + n), w=bar, h=ph * n / ymax,
                               title=f"{s['period']}: {n} {QUADS[q]}"))
                base += n
        if s["mean_score"] is not None:
            points.append((x + bar / 2, y_score(s["mean_score"]), s))
        if i % every == 0:
            S.append(Shape("text", "axis", x=x + bar / 2, y=top + ph + 16, text=s["period"], anchor="middle"))
    if len(points) > 1:
        S.append(Shape("polyline", "score", points=" ".join(f"{x:.1f},{y:.1f}" for x, y, _ in points)))
    for x, y, s in points:
        S.append(Shape("circle", "score-dot", x=x, y=y, r=3,
                       title=f"{s['period']}: mean score {s['mean_score']:+.2f} over {s['total']} events"))
    S.append(Shape("text", "axis-title", x=4, y=12, text="events"))
    S.append(Shape("text", "axis-title", x=width - 4, y=12, text="mean score", anchor="end"))
    return chart


def _nice_step(peak: float) -> float:
    """A round grid step giving about four grid lines up to ``peak``."""
    raw = max(1.0, peak / 4)
    mag = 10 ** math.floor(math.log10(raw))
    for m in (1, 2, 5, 10):
        if raw <= m * mag:
            return m * mag
    return 10 * mag


def network(center: str, partners: list[dict], label: str, size: int = 360) -> Chart:
    """The actor in the middle and its partners around it; a line's width grows with the
    number of events between them, its colour says whether they cooperate or conflict.

    ``partners`` items: ``{"code", "name", "events", "mean_score"}``, most active first.
    """
    chart = Chart(size, size, label, "network",
                  legend=[("edge coop", "mostly cooperation"), ("edge conflict", "mostly conflict")])
    if not partners:
        chart.empty = True
        return chart
    c, radius = size / 2, size / 2 - 52
    most = max(p["events"] for p in partners) or 1
    S = chart.shapes
    nodes = []
    for i, p in enumerate(partners):
        angle = 2 * math.pi * i / len(partners) - math.pi / 2
        x, y = c + radius * math.cos(angle), c + radius * math.sin(angle)
        score = p.get("mean_score")
        tone = "neutral" if score is None or score == 0 else "coop" if score > 0 else "conflict"
        shown = "n/a" if score is None else f"{score:+.2f}"
        S.append(Shape("line", f"edge {tone}", x=c, y=c, x2=x, y2=y, stroke_width=1 + 7 * p["events"] / most,
                       title=f"{center} – {p['code']}: {p['events']} events, mean score {shown}"))
        nodes.append((x, y, p, angle))
    for x, y, p, angle in nodes:
        S.append(Shape("circle", "node", x=x, y=y, r=6, title=p.get("name") or p["code"]))
        anchor = "start" if math.cos(angle) > 0.3 else "end" if math.cos(angle) < -0.3 else "middle"
        dx = 9 if anchor == "start" else -9 if anchor == "end" else 0
        dy = 4 if anchor != "middle" else (16 if math.sin(angle) > 0 else -10)
        S.append(Shape("text", "node-label", x=x + dx, y=y + dy, text=p["code"], anchor=anchor))
    S.append(Shape("circle", "node center", x=c, y=c, r=11, title=center))
    S.append(Shape("text", "node-label center", x=c, y=c + 26, text=center, anchor="middle"))
    return chart
