"""What a figure counts: the counted noun, its unit, and a short readable phrase.

"306 people have fallen victim to mines" counts *people* and says they *have
fallen victim to mines*; "hundreds of thousands of Azerbaijanis were forcibly
expelled" counts Azerbaijanis, which as a demonym is a count of people.  The
noun is read from the words right after the figure (more reliable than the
parser's attachment of numbers); the predicate from the dependency parse.
"""
from __future__ import annotations

from .lexicon import Lexicon
from .scan import Amount

_HYPHENS = {"-", "–", "—"}
_SUBJECT = {"nsubj", "nsubjpass"}
_OBJECT = {"dobj", "attr", "oprd", "dative", "npadvmod", "advmod", "pobj", "appos", "conj"}
_PREDICATE_PARTS = {"dobj", "prt", "attr", "acomp", "oprd", "xcomp", "agent", "dative", "prep", "ccomp"}
_VERB_LEFT = {"aux", "auxpass", "neg", "advmod"}
_MAX_PREDICATE = 9


def noun_after(doc, a: Amount, stop: int, lex: Lexicon) -> tuple[object | None, bool]:
    """(counted noun token or None, joined by a hyphen) for the words after the figure.

    Skips adjectives and nationalities ("5,000 Russian troops"), reads partitives
    ("two of the suspects", "hundreds of thousands of Azerbaijanis") and compound
    nouns ("40 aid trucks" -> trucks).  "12 dead" yields the word "dead".
    """
    k = a.end
    hyphen = k + 1 < stop and doc[k].text in _HYPHENS and not doc[k - 1].whitespace_ and not doc[k].whitespace_
    if hyphen:
        k += 1
    if k < stop and doc[k].lower_ in lex.people_heads and not (k + 1 < stop and doc[k + 1].pos_ == "NOUN"):
        return doc[k], hyphen
    skipped = 0
    while k < stop and skipped < 3 and _modifier(doc, k, stop, lex):
        k += 1
        skipped += 1
    if k < stop and doc[k].lower_ in ("of", "in") and not hyphen and (doc[k].lower_ == "of" or a.unit):
        k += 1  # "of voters", "38 of the 42 drones", "$5m in aid"
        while k < stop and (doc[k].pos_ in ("DET", "PRON", "NUM") or _modifier(doc, k, stop, lex)):
            k += 1
    if k >= stop or doc[k].lower_ in lex.time_deictics:
        return None, hyphen  # "fell by 837,000 last year": a date follows, not a counted noun
    while k + 1 < stop and doc[k].dep_ == "compound" and doc[k].head.i > k and doc[k + 1].pos_ in ("NOUN", "PROPN"):
        k += 1
    tok = doc[k]
    if tok.pos_ == "NOUN" or tok.pos_ == "PROPN" and (tok.tag_ == "NNPS" or is_people(tok, lex)):
        return tok, hyphen
    return None, hyphen


def _modifier(doc, k: int, stop: int, lex: Lexicon) -> bool:
    """Adjectives, nationality words and hyphens before a noun: "more", "wounded", "Russian", "first-time"."""
    tok = doc[k]
    if tok.lower_ in lex.time_deictics:
        return False
    nxt = doc[k + 1] if k + 1 < stop else None
    if tok.text in _HYPHENS and k > 0 and not doc[k - 1].whitespace_ and not tok.whitespace_:
        return nxt is not None and nxt.is_alpha
    if tok.pos_ == "ADJ" or tok.tag_ == "VBN" and tok.dep_ == "amod":
        return nxt is not None and (nxt.pos_ in ("NOUN", "PROPN", "ADJ", "VERB") or nxt.text in _HYPHENS)
    return tok.ent_type_ == "NORP" and nxt is not None and nxt.pos_ in ("NOUN", "PROPN")


def is_people(tok, lex: Lexicon) -> bool:
    """Person nouns, demonyms and nationality plurals ("troops", "Azerbaijanis", "Palestinians")."""
    word = tok.lower_
    return (word in lex.people_nouns or tok.lemma_.lower() in lex.people_nouns or word in lex.demonyms
            or tok.ent_type_ == "NORP" and tok.tag_ in ("NNPS", "NNS")
            or len(word) >= 7 and word.endswith(lex.people_suffixes))


def counts(noun, a: Amount, lex: Lexicon) -> bool:
    """Does the figure count this noun?  "306 people" yes; "a 6.1 quake", "the 2019 election" no:
    a number above one before a singular noun describes it rather than counting it."""
    if noun.lower_ in lex.anaphoric_nouns:
        return False
    return (noun.tag_ in ("NNS", "NNPS") or is_people(noun, lex) or a.low == 1 or noun.lower_ in lex.people_heads
            or noun.lower_ in lex.invariant_plurals)


def unit_of_noun(tok, lex: Lexicon) -> tuple[str, str]:
    """(unit, evidence): person words and demonyms are ``people``, anything else its lemma."""
    if is_people(tok, lex):
        return "people", f"people noun '{tok.lower_}'"
    return tok.lemma_.lower(), f"counted noun '{tok.lower_}'"


def people_by_role(root, lex: Lexicon) -> str | None:
    """Evidence when a bare number counts people by its role: "killed 12", "the death toll rose to 45",
    "a population of 1.2 million"."""
    tok = root
    for _ in range(3):
        head = tok.head
        if head.i == tok.i:
            return None
        if head.lemma_.lower() in lex.people_verbs and tok.dep_ in _SUBJECT | {"dobj", "conj", "attr"}:
            return f"people verb '{head.lemma_.lower()}'"
        if head.lower_ in lex.people_heads:
            return f"people word '{head.lower_}'"
        if head.pos_ in ("VERB", "AUX"):  # "the toll rose to 45", "put the crowd at 8,000"
            for arg in head.children:
                if arg.dep_ in _SUBJECT | {"dobj"} and arg.lower_ in lex.people_heads:
                    return f"people word '{arg.lower_}'"
            return None
        tok = head
    return None


def _clean(tokens) -> str:
    """The tokens' text as written, with one space where words were left out between them."""
    out, last = [], None
    for t in tokens:
        if t.is_space:
            continue
        if last is not None and (t.i != last.i + 1 or last.whitespace_):
            out.append(" ")
        out.append(t.text)
        last = t
    return "".join(out).strip()


def _verb_of(anchor):
    """The verb governing the figure, through a preposition if needed ("rose to 5%")."""
    tok = anchor
    for _ in range(3):
        head = tok.head
        if head.i == tok.i:
            return None
        if head.pos_ in ("VERB", "AUX"):
            return head
        if head.dep_ != "prep" and tok.dep_ not in ("pobj", "npadvmod", "nummod", "quantmod"):
            return None
        tok = head
    return None


def _subject_text(verb) -> str:
    subjects = [c for c in verb.children if c.dep_ in _SUBJECT]
    if not subjects:
        return ""
    subj = subjects[0]
    left = [t for t in subj.subtree if t.i <= subj.i and not t.is_punct]
    return _clean(left[-5:])


def _predicate(verb, anchor, exclude: set[int]) -> str:
    """The verb with its auxiliaries and complements, minus period phrases: "have fallen victim to mines"."""
    tokens = [c for c in verb.children if c.dep_ in _VERB_LEFT and anchor.i < c.i < verb.i]
    tokens.append(verb)
    for child in verb.children:
        if child.i < verb.i or child.dep_ not in _PREDICATE_PARTS:
            continue
        part = list(child.subtree)
        if any(t.i in exclude for t in part):
            break
        tokens.extend(part)
    words = [t for t in sorted(set(tokens), key=lambda t: t.i)]
    cut = next((n for n, t in enumerate(words) if t.is_punct and t.i > verb.i), len(words))
    words = words[:cut]
    text = _clean(words[:_MAX_PREDICATE])
    return text + (" ..." if len(words) > _MAX_PREDICATE else "")


def _noun_phrase(doc, a: Amount, noun, exclude: set[int]) -> str:
    """The counted noun with the words between it and the figure, and its short modifiers."""
    words = [t for t in doc[a.end:noun.i + 1]
             if t.lower_ not in ("of", "in", "the", "-") and t.pos_ not in ("DET",)]
    for child in noun.children:
        if child.i > noun.i and child.dep_ in ("acl", "relcl"):
            part = [t for t in child.subtree if t.i not in exclude]
            cut = next((n for n, t in enumerate(part) if t.is_punct), len(part))
            words.extend(part[:min(cut, _MAX_PREDICATE)])
            break
    return _clean(words)


def describe(doc, a: Amount, root, noun, exclude: set[int]) -> str | None:
    """A short phrase naming what the figure counts, e.g. "people (have fallen victim to mines)"."""
    anchor = noun if noun is not None and noun.pos_ in ("NOUN", "PROPN") else root
    phrase = _noun_phrase(doc, a, noun, exclude) if noun is not None else ""
    for subject in (anchor, root):  # "306 people have ...", "hundreds of thousands of X were ..."
        if subject.dep_ in _SUBJECT and subject.head.pos_ in ("VERB", "AUX"):
            predicate = _predicate(subject.head, subject, exclude)
            return f"{phrase} ({predicate})" if phrase else predicate
    verb = _verb_of(anchor) if anchor.dep_ in _OBJECT or anchor.dep_ == "nummod" else None
    if verb is not None:
        clause = " ".join(x for x in (_subject_text(verb), verb.text) if x)
        return f"{phrase} ({clause})" if phrase else clause
    return phrase or None
