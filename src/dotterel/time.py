"""When things happened: publication dates, date phrases, periods, and sentence dates.

News dates are mostly relative to the publication date ("on Tuesday", "on 13
September", "last year"), so every resolver takes ``published``.  Common forms
are read by the regular expressions below, which are fast and predictable;
anything else falls back to dateparser (offline, English only, cached) because
it is slow and occasionally creative.  Durations ("30 years", "a 30-year
period") are not dates: they say how long, not when.

ISO strings carry the precision the text gives: ``YYYY-MM-DD``, ``YYYY-MM`` or
``YYYY``.  Without a publication date only dates that name their year resolve.
"""
from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache

from dotterel.model import Period

# How far after publication a yearless "13 September" may fall before we read
# it as last year's: news mostly reports the past, but announces the near future.
FUTURE_SLACK = timedelta(days=62)
# A sentence is historical when its date ends more than this before publication.
HISTORICAL_GAP = timedelta(days=365)

_MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
_MONTHS.update({abbr.lower(): i for i, abbr in enumerate(calendar.month_abbr) if abbr})
_MONTHS["sept"] = 9
_WEEKDAYS = {name.lower(): i for i, name in enumerate(calendar.day_name)}
_NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
            "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
            "fifteen": 15, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "hundred": 100}
_UNIT_YEARS = {"year": 1, "decade": 10, "century": 100}

_FULL_MONTH = "|".join(n for n in _MONTHS if len(n) > 3 or n == "may")
_ANY_MONTH = rf"\b(?:{_FULL_MONTH}|sept|jan|feb|mar|apr|jun|jul|aug|sep|oct|nov|dec)\b\.?"
_NUM = rf"(?:\d+|{'|'.join(_NUMBERS)})"
_UNIT = r"(?:day|week|month|year|decade|centur(?:y|ie))s?"
_YEAR = r"(?<![\d,.])(?:1[5-9]\d\d|20\d\d)(?![\d,])"
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?!\d)"

# One alternative per form, most specific first; group names say which form matched.
_FORMS = [
    ("iso", rf"(?<!\d)(?P<iy>\d{{4}})-(?P<im>\d\d)(?:-(?P<id>\d\d))?(?![\d])"),
    ("dmy", rf"(?P<dd>{_DAY})(?:\s+of)?\s+(?P<dm>{_ANY_MONTH}),?(?:\s+(?P<dy>{_YEAR}))?"),
    ("mdy", rf"(?P<mm>{_ANY_MONTH})\s+(?P<md>{_DAY})(?:,?\s+(?P<mdyy>{_YEAR}))?"),
    ("my", rf"(?P<ym>{_ANY_MONTH}),?\s+(?P<yy>{_YEAR})"),
    ("decade", r"(?:the\s+)?(?P<dec>1[5-9]\d0|20\d0)'?s\b"),
    ("century", r"(?:the\s+)?(?P<cent>1\d|[1-9])(?:st|nd|rd|th)[\s-]+century"),
    ("year", rf"(?P<yr>{_YEAR})"),
    ("dayword", r"\b(?P<dayword>the\s+day\s+before\s+yesterday|yesterday|today|tomorrow|tonight"
                r"|last\s+night|this\s+(?:morning|afternoon|evening))\b"),
    ("ago", rf"\b(?P<agon>{_NUM})[\s-]+(?P<agou>{_UNIT})\s+ago\b"),
    ("rel", r"\b(?P<rel>last|this|next|past|previous|earlier\s+this|later\s+this)\s+"
            r"(?P<relu>week|month|year)\b"),
    ("weekday", rf"\b(?:(?P<wdrel>last|next|this)\s+)?(?P<wd>{'|'.join(_WEEKDAYS)})\b"),
    ("month", rf"\b(?P<mon>{_FULL_MONTH})\b"),
]
_DATE = re.compile("|".join(f"(?P<form_{name}>{rx})" for name, rx in _FORMS), re.IGNORECASE)
_DURATION = re.compile(rf"\b{_NUM}[\s-]+(?:{_UNIT})\b(?!\s+ago)|\b(?:annual|daily|weekly|monthly)\b",
                       re.IGNORECASE)
_RANGE = re.compile(r"^\s*(?:from|between)?\s*(?P<a>.+?)(?:\s+(?:to|until|till|through|and|[-–—])\s+|\s*[–—]\s*)"
                    r"(?P<b>.+?)\s*$", re.IGNORECASE)
_YEAR_SPAN = re.compile(rf"(?P<a>{_YEAR})\s*[-–]\s*(?P<b>\d{{4}}|\d\d)(?!\d)")


@dataclass
class DateValue:
    """A resolved date phrase; ``end`` is set for ranges and for weeks, decades, centuries."""

    text: str
    span: tuple[int, int]
    start: str
    end: str | None
    granularity: str  # 'day' | 'month' | 'year'


def parse_published(value) -> date | None:
    """Read a document's publication date from metadata: ISO, "13 September 2023", "Sep 13, 2023"."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        text = value.strip()
        iso = re.match(r"(\d{4})-(\d\d)-(\d\d)(?:[T ][\d:.]+(?:Z|[+-]\d\d:?\d\d)?)?$", text)
        try:
            if iso:
                return date(*map(int, iso.groups()))
            m = _DATE.fullmatch(text.strip(" ,"))
            found = _value(m, None) if m else None
            if found and found[2] == "day":
                return date.fromisoformat(found[0])
            if re.search(_YEAR, text):  # a relative phrase ("yesterday") is no publication date
                import dateparser

                strict = {"STRICT_PARSING": True, "PREFER_DATES_FROM": "past"}
                parsed = dateparser.parse(text, languages=["en"], settings=strict)
                if parsed:
                    return parsed.date()
        except ValueError:
            pass
    raise ValueError(f"unreadable publication date '{value}'")


def resolve_date(text: str, published: date | None) -> DateValue | None:
    """Resolve one date phrase (a DATE entity's text, say) against the publication date."""
    if not text or not text.strip():
        return None
    span = (0, len(text))
    years = _YEAR_SPAN.fullmatch(text.strip())
    if years:
        return DateValue(text, span, years["a"], _full_year(years), "year")
    rng = _RANGE.match(text)
    if rng and _DATE.search(rng["a"]) and _DATE.search(rng["b"]):
        b = _first_date(rng["b"], published)
        a = _first_date(_borrow_year(rng["a"], rng["b"]), published)
        if a and b:
            return DateValue(text, span, a[0], b[1] or b[0], a[2])
    found = _first_date(text, published)
    if found:
        return DateValue(text, span, *found)
    if _DURATION.search(text):
        return None
    return _dateparser(text, published)


def _full_year(m: re.Match) -> str:
    """The end year of "1987-1991" or "1987-91"."""
    return m["b"] if len(m["b"]) == 4 else m["a"][:2] + m["b"]


def _borrow_year(first: str, second: str) -> str:
    """In "from May to July 2023" the first end shares the second's year."""
    if re.search(_YEAR, first) or not re.search(_ANY_MONTH, first, re.IGNORECASE):
        return first
    year = re.search(_YEAR, second)
    return f"{first} {year.group()}" if year else first


def _first_date(text: str, published: date | None, pos: int = 0):
    """(start, end, granularity) of the first date form in ``text`` that resolves, else None."""
    return _first_match(text, published, pos)[1]


def _first_match(text: str, published: date | None, pos: int = 0):
    """The first date form in ``text`` that resolves, and its (start, end, granularity)."""
    for m in _DATE.finditer(text, pos):
        value = _value(m, published)
        if value:
            return m, value
    return None, None


def _form(m: re.Match) -> str:
    return m.lastgroup.removeprefix("form_")


def _value(m: re.Match, published: date | None):
    """Turn one regex match into (start, end, granularity), or None when it does not resolve."""
    form = _form(m)
    g = m.groupdict()
    if form == "iso":
        if g["id"]:
            return _ok_day(int(g["iy"]), int(g["im"]), int(g["id"]))
        return (f"{g['iy']}-{g['im']}", None, "month") if 1 <= int(g["im"]) <= 12 else None
    if form in ("dmy", "mdy"):
        day, month, year = (g["dd"], g["dm"], g["dy"]) if form == "dmy" else (g["md"], g["mm"], g["mdyy"])
        month = _MONTHS[month.lower().rstrip(".")]
        day = int(re.match(r"\d+", day).group())
        if year:
            return _ok_day(int(year), month, day)
        if published is None:
            return None
        return _ok_day(_year_for(published, month, day), month, day)
    if form == "my":
        return f"{g['yy']}-{_MONTHS[g['ym'].lower().rstrip('.')]:02d}", None, "month"
    if form == "decade":
        return g["dec"], str(int(g["dec"]) + 9), "year"
    if form == "century":
        first = (int(g["cent"]) - 1) * 100
        return f"{first:04d}", f"{first + 99:04d}", "year"
    if form == "year":
        return g["yr"], None, "year"
    if form == "month":
        if published is None or not g["mon"][0].isupper():
            return None  # lower-case "may", "march" are verbs
        month = _MONTHS[g["mon"].lower()]
        return f"{_year_for(published, month, 1)}-{month:02d}", None, "month"
    if published is None:
        return None
    return _relative(form, g, published)


def _relative(form: str, g: dict, pub: date):
    if form == "dayword":
        word = " ".join(g["dayword"].lower().split())
        back = {"the day before yesterday": 2, "yesterday": 1, "last night": 1, "tomorrow": -1}.get(word, 0)
        return (pub - timedelta(days=back)).isoformat(), None, "day"
    if form == "ago":
        n = _number(g["agon"])
        unit = g["agou"].lower().rstrip("s").replace("centurie", "century")
        return _shift(pub, -n, unit)
    if form == "rel":
        step = {"last": -1, "past": -1, "previous": -1, "next": 1}.get(g["rel"].lower(), 0)
        return _shift(pub, step, g["relu"].lower())
    if form == "weekday":
        wd = _WEEKDAYS[g["wd"].lower()]
        if (g["wdrel"] or "").lower() == "next":
            return (pub + timedelta(days=(wd - pub.weekday() - 1) % 7 + 1)).isoformat(), None, "day"
        return (pub - timedelta(days=(pub.weekday() - wd) % 7)).isoformat(), None, "day"
    return None


def _shift(pub: date, n: int, unit: str):
    """The calendar unit ``n`` units away from publication: a week is Monday..Sunday."""
    if unit == "day":
        return (pub + timedelta(days=n)).isoformat(), None, "day"
    if unit == "week":
        monday = pub - timedelta(days=pub.weekday()) + timedelta(weeks=n)
        return monday.isoformat(), (monday + timedelta(days=6)).isoformat(), "day"
    if unit == "month":
        y, m = divmod(pub.year * 12 + pub.month - 1 + n, 12)
        return f"{y}-{m + 1:02d}", None, "month"
    return str(pub.year + n * _UNIT_YEARS[unit]), None, "year"


def _number(word: str) -> int:
    return int(word) if word.isdigit() else _NUMBERS[word.lower()]


def _ok_day(y: int, m: int, d: int):
    try:
        return date(y, m, d).isoformat(), None, "day"
    except ValueError:
        return None


def _year_for(pub: date, month: int, day: int) -> int:
    """Publication year, unless that puts the date well after publication: then the year before."""
    try:
        candidate = date(pub.year, month, day)
    except ValueError:  # 29 February
        candidate = date(pub.year, month, 28)
    return pub.year - 1 if candidate > pub + FUTURE_SLACK else pub.year


@lru_cache(maxsize=32)
def _parser(published: date | None):
    from dateparser.date import DateDataParser

    settings = {"PREFER_DATES_FROM": "past", "RETURN_TIME_AS_PERIOD": True}
    if published:
        settings["RELATIVE_BASE"] = datetime(published.year, published.month, published.day)
    return DateDataParser(languages=["en"], settings=settings)


@lru_cache(maxsize=4096)
def _dateparser(text: str, published: date | None) -> DateValue | None:
    """dateparser for the forms our patterns miss; only day/week/month/year answers are trusted."""
    if published is None:
        return None
    data = _parser(published).get_date_data(text)
    if data is None or data.date_obj is None:
        return None
    d = data.date_obj.date()
    span = (0, len(text))
    if data.period == "day":
        return DateValue(text, span, d.isoformat(), None, "day")
    if data.period == "week":
        monday = d - timedelta(days=d.weekday())
        return DateValue(text, span, monday.isoformat(), (monday + timedelta(days=6)).isoformat(), "day")
    if data.period == "month":
        return DateValue(text, span, f"{d.year}-{d.month:02d}", None, "month")
    if data.period == "year":
        return DateValue(text, span, str(d.year), None, "year")
    return None


# --------------------------------------------------------------------- periods

_SINCE = re.compile(r"\bsince\b", re.IGNORECASE)
_PAST_N = re.compile(rf"(?:\b(?:over|in|during|for|throughout|within)\s+)?\b(?:(?P<the>the)\s+)?(?:past|last|previous)\s+(?:(?P<n>{_NUM}|few|several|couple\s+of)\s+)?"
                     rf"(?P<unit>{_UNIT})\b", re.IGNORECASE)
_SPAN = re.compile(r"\b(?P<kw>from|between)\s+(?P<a>[^,;]+?)\s+(?:to|until|till|through|and)\s+(?P<b>[^,;]+)",
                   re.IGNORECASE)
_UNTIL = re.compile(r"\b(?:until|till|by)\b", re.IGNORECASE)
_IN = re.compile(r"\b(?:in|during|throughout|of|on)\s+$", re.IGNORECASE)
_CLAUSE_END = re.compile(r"[,;.!?]\s|$")


def period(text: str, published: date | None) -> Period | None:
    """The time span a phrase names: since X, the past N years, from X to Y, between, in X, last year."""
    for find in (_span_period, _since_period, _past_period, _until_period, _point_period):
        found = find(text, published)
        if found:
            return found
    return None


def _span_period(text, published):
    m = _SPAN.search(text)
    if m:
        b_match, b = _first_match(m["b"], published)
        if b:
            a = _first_date(_borrow_year(m["a"], m["b"][:b_match.end()]), published)
            if a:
                return Period(text[m.start(): m.start("b") + b_match.end()], a[0], b[1] or b[0])
    m = _YEAR_SPAN.search(text)
    if m and _full_year(m) > m["a"]:
        return Period(m.group(), m["a"], _full_year(m))
    return None


def _since_period(text, published):
    m = _SINCE.search(text)
    if not m:
        return None
    clause_end = _CLAUSE_END.search(text, m.end()).start()
    found, value = _first_match(text[:clause_end], published, m.end())
    if not found:
        return None
    return Period(text[m.start(): found.end()], value[0], None)


def _past_period(text, published):
    if published is None:
        return None
    m = next((m for m in _PAST_N.finditer(text) if m["the"] or m["n"]), None)  # bare "last year" is a point
    if not m:
        return None
    unit = m["unit"].lower().rstrip("s").replace("centurie", "century")
    words = m["n"] or "one"
    end = _shift(published, 0, unit)[0]
    if not re.fullmatch(_NUM, words, re.IGNORECASE):  # "the past few years": end known, start vague
        return Period(m.group(), None, end)
    return Period(m.group(), _shift(published, -_number(words), unit)[0], end)


def _until_period(text, published):
    m = _UNTIL.search(text)
    if not m:
        return None
    found, value = _first_match(text[:_CLAUSE_END.search(text, m.end()).start()], published, m.end())
    if not found or text[m.end():found.start()].strip():
        return None
    return Period(text[m.start(): found.end()], None, value[1] or value[0])


def _point_period(text, published):
    """A single date read as a period: "in 2019", "last year"; a bare number is a year only after a preposition."""
    for m in _DATE.finditer(text):
        value = _value(m, published)
        prep = _IN.search(text, 0, m.start())
        prep = prep if prep and prep.end() == m.start() else None
        if not value or _form(m) == "year" and not prep and text.strip() != m.group():
            continue  # "2000 troops" is a count
        return Period(text[(prep or m).start(): m.end()], value[0], value[1] or value[0])
    return None


# ------------------------------------------------------------------ sentences

# Prepositions whose date opens or bounds a span ("since November 2020", "over
# the past 30 years", "until 1991"): such a date is not when the event happened.
_OPEN_PREPS = frozenset({"since", "over", "for", "throughout", "within"})
_LIMIT_PREPS = frozenset({"until", "till", "by"})
# Nouns naming a bygone stretch of time; with a modifier ("the Soviet era",
# "the decolonization struggle") they place a sentence in the past.
_ERA_NOUNS = frozenset({"era", "epoch", "age", "times", "struggle", "reign", "dynasty"})
_PRESENT_MODIFIERS = frozenset({"recent", "modern", "current", "present", "this", "these", "our", "new",
                                "digital", "information", "coming", "next", "future"})
_ERA_PREPS = frozenset({"during", "in", "under", "throughout"})


def _date_role(ent) -> str:
    """How a DATE entity relates to its clause: 'event', 'open', 'limit' or 'attribute'."""
    root = ent.root
    head = root.head
    if root.dep_ in ("compound", "nmod", "amod") and head.ent_type_ not in ("DATE", "TIME") \
            and head.pos_ in ("NOUN", "PROPN"):
        return "attribute"  # "the November 2020 statement" names a thing, not when
    tok = root
    while tok.head.i != tok.i and tok.pos_ not in ("VERB", "AUX"):
        if tok.dep_ == "prep" or tok.pos_ == "ADP":
            lemma = tok.lower_
            if lemma in _OPEN_PREPS:
                return "open"
            if lemma in _LIMIT_PREPS:
                return "limit"
            if lemma == "of" and tok.head.pos_ in ("NOUN", "PROPN") and tok.head.ent_type_ not in ("DATE", "TIME"):
                return "attribute"
        tok = tok.head
    return "event"


def _sentence_dates(sent, published):
    """(entity, DateValue, role) for each resolvable DATE/TIME entity in the sentence."""
    for ent in sent.ents:
        if ent.label_ not in ("DATE", "TIME"):
            continue
        value = resolve_date(ent.text, published)
        if value:
            yield ent, value, _date_role(ent)


def _phrase(ent) -> str:
    """The date words with their preposition, as a reader would quote them: "on 13 September"."""
    doc = ent.doc
    prev = doc[ent.start - 1] if ent.start > ent.sent.start else None
    if prev is not None and prev.pos_ == "ADP":
        return doc[prev.i: ent.end].text
    return ent.text


def sentence_date(sent, published: date | None) -> tuple[str | None, str]:
    """The date of an event in this sentence, with the evidence for it."""
    if any(e.label_ in ("DATE", "TIME") for e in sent.ents):
        for ent, value, role in _sentence_dates(sent, published):
            if role == "event":
                how = (f"resolved against publication date {published.isoformat()}" if published
                       else "read without a publication date")
                return value.start, f"'{_phrase(ent)}' {how}"
    if published:
        return published.isoformat(), "publication date"
    return None, "no date"


def is_historical(sent, published: date | None) -> bool:
    """True when the sentence is about the past: dated over a year before publication, or a bygone era."""
    if published and any(e.label_ in ("DATE", "TIME") for e in sent.ents):
        cutoff = published - HISTORICAL_GAP
        for _ent, value, role in _sentence_dates(sent, published):
            if role in ("event", "limit") and _last_day(value.end or value.start) < cutoff:
                return True
    return any(_names_era(tok) for tok in sent)


def _names_era(tok) -> bool:
    if tok.lower_ not in _ERA_NOUNS or tok.dep_ != "pobj" or tok.head.lower_ not in _ERA_PREPS:
        return False
    mods = [c for c in tok.children if c.dep_ in ("amod", "compound", "nmod", "poss")]
    return bool(mods) and not any(c.lower_ in _PRESENT_MODIFIERS for c in mods)


def _last_day(iso: str) -> date:
    """The last day an ISO date of any precision covers."""
    parts = [int(p) for p in iso.split("-")]
    if len(parts) == 3:
        return date(*parts)
    if len(parts) == 2:
        return date(parts[0], parts[1], calendar.monthrange(parts[0], parts[1])[1])
    return date(parts[0], 12, 31)
