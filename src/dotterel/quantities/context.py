"""Reading a number in its context: is it a figure at all, how hedged, a level or a change.

A number is not a figure when the words around it make it a year ("in 2020"),
a date ("13 September"), a duration or age ("30 years", "aged 25", "a
25-year-old"), a clock time ("10 am"), a label ("Resolution 2334", "Article
5"), part of a name ("iPhone 15", "Boeing 737", or inside an entity such as
ORG or PRODUCT), a reference to things already named ("the two countries"), a
pronoun-like "one" ("one of the", "one day"), a compound adjective ("a
five-member delegation"), a multiple ("four times"), a currency conversion note
("$1 = 0.93 euros") or part of a digit string (phone numbers, codes).
"""
from __future__ import annotations

import calendar

from .counted import counts, is_people
from .lexicon import Lexicon, match_after, match_before
from .scan import Amount, year_like

_MONTHS = {m for m in calendar.month_name if m} | {m for m in calendar.month_abbr if m} | {"Sept"}
_NAME_LABELS = {"ORG", "PRODUCT", "LAW", "EVENT", "WORK_OF_ART", "FAC", "PERSON", "GPE", "LOC", "NORP", "LANGUAGE"}
_HYPHENS = {"-", "–", "—"}


def _month(tok) -> bool:
    return tok.text.rstrip(".") in _MONTHS and tok.text[0].isupper()


def _bare_digits(tok) -> bool:
    return tok.text.isdigit()


def _phone_group(tok) -> bool:
    """A digit group that only a phone number or code has: a leading zero or four digits ("0199", "1234")."""
    return tok.text.isdigit() and (tok.text.startswith("0") or len(tok.text) >= 4)


def _in_name(doc, a: Amount) -> bool:
    """Inside a named entity that has words in it ("Resolution 2334", "Boeing 737"); an entity of
    digits alone ("68-32" tagged PRODUCT) is the tagger's noise, not a name."""
    for tok in doc[a.start:a.end]:
        if tok.ent_type_ in _NAME_LABELS:
            ent = next(e for e in doc.ents if e.start <= tok.i < e.end)
            return any(t.is_alpha for t in ent)
    return False


def _names_number(prev, number) -> bool:
    """A proper noun right before the number, the two forming one name: the number hangs on the
    noun ("iPhone 15") or both modify the same word ("Boeing 737 jets"); not "the Senate 68-32"."""
    if prev.pos_ != "PROPN" or prev.is_sent_start or _month(prev):
        return False
    return number.head.i == prev.i or prev.head.i == number.head.i and prev.dep_ in ("nmod", "compound")


def rejection(doc, a: Amount, noun, hyphen: bool, lex: Lexicon, floor: int, stop: int) -> str | None:
    """Why the number at ``a`` is not a claimed figure, or None when it is one."""
    prev = doc[a.start - 1] if a.start > floor else None
    prev2 = doc[a.start - 2] if a.start - 1 > floor else None
    nxt = doc[a.end] if a.end < stop else None
    if prev is not None and prev.text == "=" or nxt is not None and nxt.text == "=":
        return "conversion note ('$1 = 0.93 euros')"
    if a.unit is None and _in_name(doc, a):
        return f"part of a name ({doc[a.start].ent_type_})"
    if a.words and not a.vague and (a.value or 0) < 100 and prev is not None \
            and prev.lower_ in lex.reference_determiners:
        return "reference ('the two ...', 'the second half')"
    if a.unit is not None:
        return None
    noun_word = noun.lower_ if noun is not None else ""
    if year_like(doc, a) and (noun is None or not counts(noun, a, lex) or noun_word in lex.time_nouns
                              or prev is not None and prev.lower_ in lex.time_prepositions | {"the"}):
        return "year"
    if prev is not None and prev.text in _HYPHENS and not prev.whitespace_ and prev2 is not None \
            and not prev2.whitespace_ and (prev2.is_alpha or len(prev2.text) == 4 and prev2.text.isdigit()):
        return "name or year span"  # "Su-25", "2020-21"
    if prev is not None and _month(prev) or nxt is not None and _month(nxt) \
            or nxt is not None and nxt.lower_ == "of" and a.end + 1 < stop and _month(doc[a.end + 1]):
        return "date"
    if noun_word in lex.time_nouns or noun is not None and noun.lemma_.lower() in lex.time_nouns:
        return "duration or age"
    if noun_word in lex.multiple_nouns:
        return "a multiple ('four times')"
    if prev is not None and prev.lower_ in lex.age_words or \
            prev2 is not None and prev2.lower_ in lex.age_words and prev.lower_ in ("between", "of"):
        return "age"
    if match_after(doc, a.end, lex.clock_words, stop):
        return "time of day"
    if prev is not None and prev.lower_ in lex.label_nouns:
        return f"label ('{prev.text} ...')"
    if prev is not None and _names_number(prev, doc[a.start:a.end].root):
        return f"name ('{prev.text} ...')"  # "iPhone 15", "Boeing 737 jets"
    if prev is not None and _bare_digits(prev) or nxt is not None and _bare_digits(nxt) or \
            nxt is not None and nxt.text in _HYPHENS and a.end + 1 < stop and _phone_group(doc[a.end + 1]):
        return "digit string"  # phone numbers, codes: "555-0199", "0800 123 456"
    if a.kind == "words" and a.value == 1 and (
            noun is None or not is_people(noun, lex) or nxt is not None and nxt.lower_ == "of"):
        return "the word 'one'"
    if hyphen and noun is not None and nxt is not None and a.end + 1 < stop and doc[a.end + 1].lower_ != "strong":
        return "compound adjective"
    return None


def qualifier(doc, a: Amount, lex: Lexicon, floor: int, stop: int) -> tuple[str, int, int, str]:
    """(symbol, new start, new end, the phrase) from hedges before or after the figure."""
    before = match_before(doc, a.start, lex.qualifiers, floor)
    if before and doc[before[1]].dep_ == "prt":
        before = None  # "edged up to 3.9%": the verb's particle, not "up to"
    after = match_after(doc, a.end, lex.post_qualifiers, stop)
    start = before[1] if before else a.start
    end = after[1] if after else a.end
    if before:
        return before[0], start, end, doc[start:a.start].text
    if after:
        return after[0], start, end, doc[a.end:end].text
    return "=", start, end, ""


def change(doc, start: int, root, lex: Lexicon, floor: int) -> tuple[str, str, int] | None:
    """("up"/"down", the word, start of the figure) when the figure is a change: "rose 5%", "cut by 2
    million", "a 3% drop".  An adverb right before it ("up 5%") joins the figure's words."""
    prev = doc[start - 1] if start > floor else None
    if prev is not None and prev.lower_ in lex.change_adverbs and (
            prev.dep_ != "prt" or prev.head.lemma_.lower() in lex.change_particle_verbs):
        return lex.change_adverbs[prev.lower_], prev.lower_, prev.i  # "up 5%", not "shot down 23"
    verb = prev.head if prev is not None and prev.lower_ == "by" else prev
    if verb is not None and verb.pos_ == "VERB" and verb.i < start:
        lemma = verb.lemma_.lower()
        found = lex.change_verbs.get(lemma) or (prev.lower_ == "by" and lex.change_verbs_by.get(lemma))
        if found:
            return found, lemma, start  # "rose 4.4% year on year", "cut by 45%"
    head = root.head
    if head.i == root.i:
        return None
    lemma = head.lemma_.lower()
    if head.lower_ == "by" and head.head.i != head.i:
        verb = head.head.lemma_.lower()
        found = lex.change_verbs.get(verb) or lex.change_verbs_by.get(verb) or lex.change_nouns.get(verb)
        return (found, verb, start) if found else None
    if head.lower_ == "of" and head.head.lemma_.lower() in lex.change_nouns:
        word = head.head.lemma_.lower()
        return lex.change_nouns[word], word, start
    if root.dep_ in ("npadvmod", "dobj", "advmod") and lemma in lex.change_verbs:
        return lex.change_verbs[lemma], lemma, start
    if root.dep_ in ("npadvmod", "advmod") and head.lower_ in lex.change_adverbs:
        return lex.change_adverbs[head.lower_], head.lower_, start
    if root.dep_ in ("compound", "nummod", "amod", "npadvmod") and head.i > root.i and lemma in lex.change_nouns:
        return lex.change_nouns[lemma], lemma, start
    return None
