"""Finding the number words of a sentence and what they add up to.

spaCy's entity labels are too unreliable to define a figure (it tags "one and a
half million" as a DATE and misses "1.1bn"), so figures are read from the tokens
themselves: digits ("3,300", "1.1bn", "HK$2bn"), number words ("two hundred and
fifty thousand", "a dozen", "half a million") and vague amounts ("hundreds of
thousands", "several hundred"), with the currency, percent or measure words
written next to them, and joined into ranges ("10 to 15", "between 2 and 3
million").  Context (is it a year? a law number? a change?) is judged later.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace

from .lexicon import Lexicon, match_after

# Digits with an optional glued currency ("US$5") and suffix ("1.1bn", "5pc", "40km").
# Thousands separators may group by two after the first three (Indian "1,00,000").
_NUMBER = r"\d{1,3}(?:,\d{2,3})*,\d{3}(?:\.\d+)?|\d+(?:\.\d+)?"
_DIGITS = re.compile(rf"^(?P<cur>\D*?)(?P<num>{_NUMBER})(?P<suf>[^\d\s]*)$")
# A range written as one token: "5.25%-5.5", "10-15" when the tokenizer keeps it whole.
_JOINED_RANGE = re.compile(rf"^(?P<a>{_NUMBER})(?P<pct>%?)[-–](?P<b>{_NUMBER})$")
_HYPHENS = {"-", "–", "—"}
# Multipliers that only count when glued to digits or a currency: "€40m", "$5b", "50k".
_SHORT_MULTIPLIERS = {"m", "b", "k", "mn", "bn", "tn"}


@dataclass
class Amount:
    """Number words at tokens [start, end) and what they are worth.

    ``low``/``high`` are the stated spread: equal to ``value`` for one number,
    the ends of a range, or the bounds of a vague amount ("hundreds" = 100..999).
    """

    start: int
    end: int
    value: float | None
    low: float
    high: float
    unit: str | None = None
    unit_word: str = ""
    multiplier: float = 1.0
    words: bool = False      # written out in words, no digits
    vague: bool = False
    kind: str = "digits"     # digits | words | vague | range | ratio | share

    @property
    def base(self) -> float:
        return self.low / self.multiplier


def _glued(doc, i: int) -> bool:
    """True when token ``i`` is written straight after the previous token, no space."""
    return i > 0 and not doc[i - 1].whitespace_


def _digits_at(doc, i: int, lex: Lexicon) -> Amount | None:
    m = _DIGITS.match(doc[i].text)
    if not m or re.match(r"0\d", m["num"]):
        return None  # "0199": a code or phone number, not an amount
    cur, suf = m["cur"].lower(), m["suf"].lower()
    unit = unit_word = None
    if cur:
        unit = lex.currency_symbols.get(cur)
        if not unit:
            return None
        unit_word = cur
    value = float(m["num"].replace(",", ""))
    mult = 1.0
    if suf:
        if suf in lex.multipliers:
            mult = lex.multipliers[suf]
        elif suf in lex.percent_words and not suf.startswith("point") and unit is None:
            unit, unit_word = lex.percent_words[suf], suf
        elif suf in lex.measures and unit is None:
            unit, unit_word = lex.measures[suf], suf
        else:
            return None  # "3rd", "1990s", "10am", "F16"
    end = i + 1
    while end < len(doc):
        word = doc[end].lower_
        short = word in _SHORT_MULTIPLIERS
        if word in lex.multipliers and (not short or _glued(doc, end)) and word != "dozen":
            mult *= lex.multipliers[word]
            end += 1
        else:
            break
    value *= mult
    return Amount(i, end, value, value, value, unit, unit_word or "", mult)


def _joined_range_at(doc, i: int, lex: Lexicon) -> Amount | None:
    m = _JOINED_RANGE.match(doc[i].text)
    if not m:
        return None
    low, high = float(m["a"].replace(",", "")), float(m["b"].replace(",", ""))
    if not low < high:
        return None  # "68-32" is a tally, "2020-21" a season
    unit = "%" if m["pct"] else None
    return Amount(i, i + 1, None, low, high, unit, m["pct"], kind="range")


def _words_at(doc, i: int, lex: Lexicon, stop: int) -> Amount | None:
    """Written-out numbers: "two hundred and fifty thousand", "a dozen", "one and a half million"."""
    taken: list[tuple[str, int]] = []
    k = i
    while k < stop:
        w = doc[k].lower_
        nxt = doc[k + 1].lower_ if k + 1 < stop else ""
        last = taken[-1][0] if taken else None
        before_last = [t for t, _ in taken[-2:]]
        word_multiplier = w in lex.multipliers and w not in _SHORT_MULTIPLIERS
        if w in lex.numbers or (word_multiplier and taken):
            taken.append((w, k))
        elif w in lex.fractions and (before_last == ["and", "a"] or last in (None, "a")
                                     and _multiplier_follows(doc, k + 1, lex, stop)):
            taken.append((w, k))  # "half a million", "a quarter of a million", "one and a half"
        elif w in ("a", "an") and (nxt in lex.fractions or (nxt in lex.multipliers and nxt not in _SHORT_MULTIPLIERS)):
            taken.append(("a", k))
        elif w == "of" and last in lex.fractions:
            taken.append((w, k))
        elif w == "and" and (last in lex.multipliers and nxt in lex.numbers
                             or last is not None and nxt == "a" and k + 2 < stop and doc[k + 2].lower_ in lex.fractions):
            taken.append((w, k))  # "two hundred and fifty", "one and a half"
        elif not (w in _HYPHENS and last in lex.numbers and nxt in lex.numbers
                  and _glued(doc, k) and _glued(doc, k + 1)):  # "twenty-five"
            break
        k += 1
    while taken and taken[-1][0] in ("and", "a", "of"):
        taken.pop()
    words = [w for w, _ in taken]
    if not any(w in lex.numbers or w in lex.multipliers for w in words):
        return None
    value, mult = _word_value(words, lex)
    return Amount(i, taken[-1][1] + 1, value, value, value, multiplier=mult, words=True, kind="words")


def _multiplier_follows(doc, k: int, lex: Lexicon, stop: int) -> bool:
    """After "half"/"quarter": is there "a million" / "of a million" ahead?"""
    while k < stop and doc[k].lower_ in ("a", "an", "of"):
        k += 1
    return k < stop and doc[k].lower_ in lex.multipliers and doc[k].lower_ not in _SHORT_MULTIPLIERS


def _word_value(words: list[str], lex: Lexicon) -> tuple[float, float]:
    """(value, largest multiplier) of number words, e.g. two hundred and fifty thousand -> (250000, 1000)."""
    total = current = 0.0
    mult = 1.0
    for n, w in enumerate(words):
        nxt = words[n + 1] if n + 1 < len(words) else ""
        if w in lex.numbers:
            current += lex.numbers[w]
        elif w in lex.fractions:
            current += lex.fractions[w]
        elif w == "a" and nxt not in lex.fractions and current == 0:
            current = 1
        elif w in lex.multipliers:
            m = lex.multipliers[w]
            mult = max(mult, m)
            if m == 100:
                current = (current or 1) * 100
            else:
                total += (current or 1) * m
                current = 0
    return total + current, mult


def _vague_at(doc, i: int, lex: Lexicon, stop: int) -> Amount | None:
    """ "hundreds of thousands", "tens of millions", "dozens", "several hundred", "a few thousand"."""
    factor = match_after(doc, i, lex.vague_factors, stop)
    if factor:
        (lo, hi), k = factor
        mult = 1.0
        while k < stop and doc[k].lower_ in lex.multipliers and doc[k].lower_ not in _SHORT_MULTIPLIERS:
            mult *= lex.multipliers[doc[k].lower_]
            k += 1
        if mult == 1.0:
            return None
        return Amount(i, k, lo * mult, lo * mult, hi * mult, multiplier=mult, words=True, vague=True,
                      kind="vague")
    w = doc[i].lower_
    if w not in lex.vague:
        return None
    has_of = i + 1 < stop and doc[i + 1].lower_ == "of"
    if w in lex.vague_needs_of and not has_of:
        return None
    lo, hi = lex.vague[w]
    k = i + 1
    mult = 1.0
    while k + 1 < stop and doc[k].lower_ == "of" and doc[k + 1].lower_ in lex.vague \
            and lex.vague[doc[k + 1].lower_][0] >= 1000:
        m = lex.vague[doc[k + 1].lower_][0]
        lo, hi, mult = lo * m, (hi + 1) * m - 1, mult * m
        k += 2
    return Amount(i, k, lo, lo, hi, multiplier=mult, words=True, vague=True, kind="vague")


_SHARE_FOLLOWERS = {"of", "the", "its", "their", "his", "her", "our", "these", "those", "all"}


def _share_at(doc, i: int, lex: Lexicon, stop: int) -> Amount | None:
    """ "half of voters", "a third of", "two-thirds of the city": a share, as a percentage."""
    k, n = i, 1.0
    if doc[k].lower_ in ("a", "an"):
        k += 1
    elif doc[k].lower_ in lex.numbers and lex.numbers[doc[k].lower_] < 10:
        n = lex.numbers[doc[k].lower_]
        k += 1
        if k < stop and doc[k].text in _HYPHENS and _glued(doc, k):
            k += 1
    if k + 1 >= stop or doc[k].lower_ not in lex.fractions or doc[k + 1].lower_ not in _SHARE_FOLLOWERS:
        return None
    if _multiplier_follows(doc, k + 1, lex, stop):
        return None  # "a quarter of a million" is a number
    share = round(100 * n * lex.fractions[doc[k].lower_], 1)
    return Amount(i, k + 1, share, share, share, "%", "", 1.0, True, False, "share")


def _currency_before(doc, i: int, lex: Lexicon, stop: int) -> tuple[str, str, int] | None:
    """A currency written before the figure: "$", "US $", "Rs", "USD", "AZN"."""
    found = match_after(doc, i, lex.currency_symbols, min(stop, i + 2))
    if found:
        return found[0], doc[i:found[1]].text, found[1]
    tok = doc[i]
    if len(tok.text) == 3 and tok.text.isupper() and tok.text in lex.currency_codes:
        return tok.text, tok.text, i + 1
    return None


def _unit_after(doc, amount: Amount, lex: Lexicon, stop: int) -> Amount:
    """Currency, percent or measure words written after the figure ("5 million dollars", "12.5 per cent")."""
    k = amount.end
    if k < stop and doc[k].text in _HYPHENS and _glued(doc, k) and k + 1 < stop and _glued(doc, k + 1):
        k += 1  # "a 40-km stretch", "a $5-million deal"
    if amount.vague and k + 1 < stop and doc[k].lower_ == "of":  # "millions of dollars"
        found = match_after(doc, k + 1, lex.currency_after, stop) or match_after(doc, k + 1, lex.measures, stop)
        if found:
            return replace(amount, end=found[1], unit=found[0], unit_word=doc[k + 1:found[1]].text)
    hyphenated = k > amount.end
    for table in (lex.percent_words, lex.currency_after, lex.measures):
        found = match_after(doc, k, table, stop)
        if not found:
            continue
        word = doc[k:found[1]].text
        if table is lex.percent_words and word.lower().startswith("point") and (amount.words or hyphenated):
            continue  # "at one point" is an argument, a "10-point plan" a list, not scores
        if amount.unit and amount.unit != found[0]:
            break  # "$5 million euros" is not one figure; "5.25%-5.5 %" and "$5 million dollars" are
        return replace(amount, end=found[1], unit=found[0], unit_word=word)
    if amount.unit is None and k < stop and len(doc[k].text) == 3 and doc[k].text.isupper() \
            and doc[k].text in lex.currency_codes:
        return replace(amount, end=k + 1, unit=doc[k].text, unit_word=doc[k].text)
    return amount


def amount_at(doc, i: int, lex: Lexicon, stop: int) -> Amount | None:
    """The figure starting at token ``i`` (currency, number, unit), or None."""
    currency = _currency_before(doc, i, lex, stop)
    j = currency[2] if currency else i
    if j >= stop:
        return None
    amount = (_digits_at(doc, j, lex) or _joined_range_at(doc, j, lex) or _vague_at(doc, j, lex, stop) or _share_at(doc, j, lex, stop)
              or _words_at(doc, j, lex, stop))
    if amount is None:
        return None
    if currency:
        if amount.unit and amount.unit != currency[0]:
            return None
        amount = replace(amount, start=i, unit=currency[0], unit_word=currency[1])
    return _unit_after(doc, amount, lex, stop)


_RANGE_WORDS = {"to", "and", "or"} | _HYPHENS


def year_like(doc, a: Amount) -> bool:
    """Four bare digits that could be a year: "1987", not "1,987" or "$2000"."""
    text = doc[a.start].text
    return (a.kind == "digits" and a.unit is None and a.end == a.start + 1 and len(text) == 4
            and text.isdigit() and 1000 <= int(text) <= 2100)


def _range(doc, a: Amount, lex: Lexicon, stop: int, floor: int) -> Amount | None:
    """ "10 to 15", "10-15%", "between 2 and 3 million", "two or three" as one figure."""
    k = a.end
    if k + 1 >= stop or doc[k].lower_ not in _RANGE_WORDS:
        return None
    before = doc[a.start - 1].lower_ if a.start > floor else ""
    link = doc[k].lower_
    if link == "and" and before != "between" or link == "to" and before == "from":
        return None  # "from 3% to 5%" are two levels, not one uncertain figure
    b = amount_at(doc, k + 1, lex, stop)
    if b is None or (a.unit and b.unit and a.unit != b.unit) or year_like(doc, a):
        return None
    low = a.low
    if b.multiplier > a.multiplier and a.base < b.base:
        low = a.base * b.multiplier  # "2 to 3 million": the million is shared
    if not low < b.high:
        return None  # "won 52-48", "120 to 8": two counts, not a range
    start = a.start - 1 if before == "between" else a.start
    return Amount(start, b.end, None, low, b.high, a.unit or b.unit, a.unit_word or b.unit_word,
                  b.multiplier, a.words and b.words, a.vague or b.vague, "range")


def _ratio(doc, a: Amount, lex: Lexicon, stop: int) -> Amount | None:
    """ "one in five", "3 out of 10": a share, given as a percentage."""
    k = a.end
    if a.unit or a.vague or k >= stop:
        return None
    if doc[k].lower_ == "in":
        k += 1
    elif doc[k].lower_ == "out" and k + 1 < stop and doc[k + 1].lower_ == "of":
        k += 2
    else:
        return None
    b = amount_at(doc, k, lex, stop) if k < stop else None
    if b is None or b.unit or b.vague or b.multiplier != 1 or not 0 < a.value < b.value <= 1000:
        return None
    if b.end < stop and doc[b.end].lower_ in lex.time_nouns:
        return None  # "5 in 10 days"
    share = round(100 * a.value / b.value, 1)
    return Amount(a.start, b.end, share, share, share, "%", "", 1.0, a.words and b.words, False, "ratio")


def scan(doc, start: int, stop: int, lex: Lexicon) -> list[Amount]:
    """All figures in tokens [start, stop) in text order, ranges and ratios joined."""
    found: list[Amount] = []
    i = start
    while i < stop:
        a = amount_at(doc, i, lex, stop)
        if a is None:
            i += 1
            continue
        a = _range(doc, a, lex, stop, start) or _ratio(doc, a, lex, stop) or a
        found.append(a)
        i = a.end
    return found
