"""Turn each candidate's speaker token into an Entity, in text order.

The actor resolver (``doc_actors.entities_for``) is asked first; a person or
named organisation it gives wins.  Otherwise rules that only look backwards
fill in:

- a pronoun ("he said") is the latest of the previous speaker of its kind and
  the nearest preceding subject name (this or the previous paragraph);
- a description named in apposition ("a spokesman, Igor Sokolov,") is that name;
- "the minister" is the last person named with that title, "the group" the last
  organisation named, "the 45-year-old" the last person speaking;
- a mouthpiece ("the ministry's press service", "a spokesman for X") speaks for
  its owner, "the statement" for whoever made the statement just mentioned;
- a document ("according to the report") is nobody;
- a quote with no cue continues the speaker of the quote just before it, or
  the only person named just before it;
- a person known by surname only gets the full name the text gave earlier.

A speaker is never guessed beyond that: where the rules run out the speaker is
``None`` and ``speaker_reason`` says why.
"""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from dotterel.model import Entity

from .lexicon import Lexicon
from .syntax import Candidate, Spans, ent_span

_ENTITY_KIND = {"PERSON": "person", "ORG": "organization", "GPE": "country", "NORP": "group"}
_NP_LEFT = ("det", "compound", "amod", "poss", "nmod", "nummod", "case", "punct")
_OWNER_PREPS = ("of", "for", "from", "at")
_DEFINITE = ("the", "this", "that")
_GROUP_LABELS = ("ORG", "GPE", "NORP")
_SUBJECT_DEPS = ("nsubj", "nsubjpass")
EVIDENCE = "speech: speaker phrase as written (not resolved to an actor)"
_LITERAL = 2   # recursion depth at which entity() stops rewriting a phrase into another one


def _owner(head: Token) -> Token | None:
    """The organisation a mouthpiece speaks for: its possessor or its of/for/from object."""
    for c in head.children:
        if c.dep_ == "poss":
            return c
    for c in head.children:
        if c.dep_ == "prep" and c.lower_ in _OWNER_PREPS:
            obj = next((g for g in c.children if g.dep_ == "pobj"), None)
            if obj is not None:
                return obj
    for c in head.children:  # "Foreign Ministry spokesman": a named compound
        if c.dep_ == "compound" and c.ent_type_ in _ENTITY_KIND:
            return c
    return None


def _phrase(head: Token) -> Span:
    """The noun phrase a head names, without relative clauses or appositions."""
    doc = head.doc
    ent = ent_span(head)
    if ent is not None:
        start, end = ent.start, ent.end
    else:
        start, end = head.i, head.i + 1
    for c in head.lefts:
        if c.dep_ in _NP_LEFT:
            start = min(start, c.left_edge.i)
    for c in head.rights:
        if c.dep_ == "prep" and c.lower_ in _OWNER_PREPS:
            end = max(end, c.right_edge.i + 1)
    while start < head.i and (doc[start].is_punct or doc[start].ent_type_ in ("DATE", "TIME")):
        start += 1
    while end > start + 1 and (doc[end - 1].dep_ == "case" or doc[end - 1].is_punct):
        end -= 1
    return doc[start:end]


def _definite(head: Token) -> bool:
    """"the minister", "this group": a phrase that refers back, without an owner of its own."""
    return any(c.dep_ == "det" and c.lower_ in _DEFINITE for c in head.children) \
        and not any(c.dep_ == "poss" for c in head.children)


def _clean_name(text: str) -> str:
    text = text.removesuffix("'s").removesuffix("\u2019s")
    return text[4:] if text.lower().startswith("the ") else text


def phrase_entity(head: Token, full_name: str | None = None) -> Entity:
    """An Entity holding the speaker's words as written, for when no actor matches.

    A lone surname ("Castillo said") is a person, named with the ``full_name``
    given earlier in the text when there is one.
    """
    np = _phrase(head)
    ent = ent_span(head)
    name = None
    kind = "pronoun" if head.pos_ == "PRON" else "group"
    if ent is not None and ent.label_ in _ENTITY_KIND:
        kind = _ENTITY_KIND[ent.label_]
        name = _clean_name(ent.text)
    if full_name is not None:
        kind, name = "person", full_name
    return Entity(text=np.text, span=(np.start_char, np.end_char), name=name, kind=kind, evidence=EVIDENCE)


class Attributor:
    """Resolves candidates' speakers in text order, remembering who spoke."""

    def __init__(self, doc: Doc, doc_actors, lex: Lexicon, paras: list[tuple[int, int]],
                 quoted: list[tuple[int, int]], titles: frozenset[str], title_words: frozenset[str]):
        self.doc, self.actors, self.lex = doc, doc_actors, lex
        self._para_starts = [p[0] for p in paras]
        self.quoted = Spans(quoted)
        self.titles = titles
        self.title_words = title_words
        self.done: list[tuple[Candidate, Entity | None]] = []
        self.names = [e for e in doc.ents if e.label_ in _ENTITY_KIND and not self._in_quote(e.start_char)]
        self._name_ends = [e.end_char for e in self.names]
        self._propn: dict[str, list[int]] = {}
        for t in doc:
            if t.pos_ == "PROPN":
                self._propn.setdefault(t.text, []).append(t.i)

    # -- helpers ---------------------------------------------------------------
    def para(self, char: int) -> int:
        return bisect_right(self._para_starts, char) - 1

    def _in_quote(self, char: int) -> bool:
        return self.quoted.covers(char)

    def _ask(self, tok: Token) -> list[Entity]:
        if self.actors is None:
            return []
        return list(self.actors.entities_for(tok) or [])

    def _named_before(self, char: int, labels: tuple[str, ...], paragraphs: int) -> list[Span]:
        """Names of these labels before ``char``, nearest first, within a few paragraphs."""
        return list(self._iter_named_before(char, labels, paragraphs))

    def _iter_named_before(self, char: int, labels: tuple[str, ...], paragraphs: int):
        first = self.para(char) - paragraphs
        for k in range(bisect_right(self._name_ends, char) - 1, -1, -1):
            e = self.names[k]
            if self.para(e.start_char) < first:
                return
            if e.label_ in labels:
                yield e

    # -- rules -----------------------------------------------------------------
    def entity(self, head: Token, depth: int = 0) -> tuple[Entity | None, str]:
        """The Entity a speaker phrase head stands for, and the rule that gave it.

        The resolver's person or named organisation wins; a role-level group it
        gives ("the minister" as AZE GOV) yields to a person the text names for
        that phrase (an apposition, the last holder of that title).
        """
        found = self._ask(head)
        low = head.lower_
        if low in self.lex.person_pronouns or low in self.lex.group_pronouns:
            # Speech's own antecedent first: it knows who spoke last.
            ent, how = self._antecedent(head)
            if ent is None and found:
                return found[0], f"{how}; actor resolver"
            return ent, how
        if low in self.lex.first_person:
            return None, f"first-person speaker '{head.text}' (the author)"
        named_appos = self._named_apposition(head)
        if depth < _LITERAL and named_appos is not None:
            ent, how = self.entity(named_appos, depth + 1)
            if ent is not None and ent.kind != "person" and ent.sector is None \
                    and head.lemma_.lower() in self.title_words:
                # "the UN's top official, X": X is a person, whatever the entity recogniser said
                ent = replace(ent, kind="person", evidence=f"{ent.evidence}; a person: named as '{head.text}'")
            return ent, f"named in apposition ('{head.text}, {named_appos.text}'); {how}"
        definite = next((e for e in found if e.kind != "group"), None)
        if definite is not None:
            return definite, "actor resolver"
        lemma = head.lemma_.lower()
        if depth < _LITERAL and head.pos_ == "NOUN" and lemma in self.titles and _definite(head):
            person = self._titled_person(head)
            if person is not None:
                ent, _ = self.entity(person.root, depth + 1)
                return ent, f"'the {head.text}': last person named with that title ({person.text})"
        if depth < _LITERAL and head.pos_ == "NOUN" and lemma in self.lex.organisation_nouns \
                and not any(e.country for e in found) and _definite(head):
            found_org = self._organisation(head, depth)
            if found_org is not None:
                return found_org
        if found:
            return found[0], "actor resolver"
        phrase = _phrase(head).text.lower()
        if depth < _LITERAL and any(d in phrase for d in self.lex.person_descriptors) and phrase.startswith("the "):
            ent, how = self._antecedent(head, person=True)
            if ent is not None:
                return ent, how.replace("pronoun", "descriptor", 1)
        if depth < _LITERAL and self._mouthpiece(head):
            owner = _owner(head)
            if owner is not None:
                ent, how = self.entity(owner, depth + 1)
                return ent, f"'{head.text}' speaks for its owner; {how}"
            earlier = self._earlier_mention(head)
            if earlier is not None:
                return earlier[1], f"'{_phrase(head).text}' is the one in {earlier[0]}'s earlier quote"
        if lemma in self.lex.document_nouns and head.ent_iob_ == "O":
            return None, f"attributed to a document or source ('{_phrase(head).text}'), not a speaker"
        ent = ent_span(head)
        lone = head.pos_ == "PROPN" and (ent is None or len(ent) == 1)
        return phrase_entity(head, self._full_name(head.text, head.i) if lone else None), "speaker phrase as written"

    def _organisation(self, head: Token, depth: int) -> tuple[Entity, str] | None:
        """"the agency said": the last organisation that spoke (two paragraphs back at
        most), else the last organisation named."""
        here = self.para(head.idx)
        for cand, ent in reversed(self.done):
            if self.para(cand.span[1] - 1) < here - 2:
                break
            if ent is not None and ent.kind in ("organization", "group"):
                return ent, f"'the {head.text}': last organisation speaking ({ent.name or ent.text})"
        org = next(self._iter_named_before(head.idx, ("ORG",), paragraphs=2), None)
        if org is not None:
            ent, _ = self.entity(org.root, depth + 1)
            return ent, f"'the {head.text}': last organisation named ({org.text})"
        return None

    def _named_apposition(self, head: Token) -> Token | None:
        """The name given to a description: "a spokesman for the ministry, Igor Sokolov,",
        "Health Minister Dr. Amina Yusuf" (a title the parser made the head)."""
        if head.pos_ not in ("NOUN", "NUM") and head.lower_ not in self.title_words:
            return None
        for t in head.subtree:
            if t.dep_ == "appos" and t.pos_ == "PROPN" and t.left_edge.i > 0 \
                    and (head.doc[t.left_edge.i - 1].text == "," or t.ent_type_ == "PERSON") \
                    and all(a.pos_ not in ("VERB", "AUX") for a in t.ancestors if a.i != head.i and head in a.ancestors):
                return t
        return None

    def _earlier_mention(self, head: Token) -> tuple[str, Entity] | None:
        """For "the statement said": the recent quote whose sentence mentions a statement."""
        if not _definite(head):
            return None
        lemma = head.lemma_.lower()
        here = self.para(head.idx)
        for cand, ent in reversed(self.done):
            if self.para(cand.span[0]) < here - 2:
                break
            if ent is None or cand.cue is None:
                continue
            cue = self.doc.char_span(*cand.cue[1], alignment_mode="expand")
            if cue is not None and any(t.lemma_.lower() == lemma for t in cue.sent if t.i != head.i):
                return ent.name or ent.text, ent
        return None

    def _mouthpiece(self, head: Token) -> bool:
        phrase = _phrase(head)
        ent = ent_span(head)
        if ent is not None and len(ent) > 1:
            return False  # "the Embassy of Japan" is a name, not a mouthpiece of Japan
        words = tuple(t.lower_ for t in phrase if t.i <= head.i)
        lemma_words = words[:-1] + (head.lemma_.lower(),)
        return any(lemma_words[-len(m):] == m for m in self.lex.mouthpieces if len(lemma_words) >= len(m))

    def _titled_person(self, head: Token) -> Span | None:
        """The most recent person whose name carries ``head``'s title ("Minister X", "X, the minister")."""
        lemma = head.lemma_.lower()
        for e in self._iter_named_before(head.idx, ("PERSON",), paragraphs=len(self._para_starts)):
            root = e.root
            near = [c for c in root.children if c.dep_ in ("compound", "nmod", "appos", "amod")]
            if root.dep_ in ("appos", "compound"):
                near.append(root.head)
            if any(t.lemma_.lower() == lemma for t in near):
                return e
        return None

    def _antecedent(self, head: Token, person: bool | None = None) -> tuple[Entity | None, str]:
        """A pronoun speaker: the latest of the previous speaker of its kind and the
        nearest preceding subject name, within this and the previous paragraph;
        then any preceding name, then a titled subject ("the finance minister")."""
        if person is None:
            person = head.lower_ in self.lex.person_pronouns
        here = self.para(head.idx)
        previous, previous_para = None, here
        for cand, ent in reversed(self.done):
            if self.para(cand.span[1] - 1) < here - 1:
                break
            if ent is not None and (ent.kind == "person") == person:
                previous, previous_para = ent, self.para(cand.span[1] - 1)
                break
        names = self._named_before(head.idx, ("PERSON",) if person else _GROUP_LABELS, paragraphs=1)
        subject = next((e for e in names if e.root.dep_ in _SUBJECT_DEPS
                        or (e.root.dep_ == "appos" and e.root.head.dep_ in _SUBJECT_DEPS)), None)
        if subject is not None and (previous is None or subject.start_char > previous.span[0]):
            ent, _ = self.entity(subject.root, depth=_LITERAL)
            return ent, f"pronoun '{head.text}': nearest preceding subject ({subject.text})"
        # A person introduced in this paragraph, after the last speaker's quote in an earlier one.
        newcomer = next((e for e in names if self.para(e.start_char) == here), None)
        if newcomer is not None and previous is not None and previous_para < here \
                and newcomer.start_char > previous.span[0]:
            ent, _ = self.entity(newcomer.root, depth=_LITERAL)
            return ent, f"pronoun '{head.text}': person introduced in this paragraph ({newcomer.text})"
        if previous is not None:
            return previous, f"pronoun '{head.text}': previous speaker"
        if names:
            ent, _ = self.entity(names[0].root, depth=_LITERAL)
            return ent, f"pronoun '{head.text}': nearest preceding name ({names[0].text})"
        if person:
            first = self._para_starts[max(0, here - 1)]
            for t in reversed(self.doc[:head.i]):
                if t.idx < first:
                    break
                if t.dep_ in _SUBJECT_DEPS and t.pos_ == "NOUN" and t.lemma_.lower() in self.titles \
                        and not self._in_quote(t.idx):
                    ent, _ = self.entity(t, depth=_LITERAL)
                    return ent, f"pronoun '{head.text}': nearest preceding titled subject ('{t.text}')"
        return None, f"pronoun '{head.text}' without antecedent"

    def _carry(self, cand: Candidate) -> tuple[Entity | None, str]:
        """A quote with no cue: the speaker it plainly continues, else nobody.

        Nearest first: a quote earlier in the same paragraph, the one person
        named earlier in the paragraph, a quote in the previous paragraph, the
        one person named in the previous paragraph.
        """
        start = cand.span[0]
        here = self.para(start)
        prev = self.done[-1] if self.done else None
        prev_para = self.para(prev[0].span[1] - 1) if prev else -2
        for paragraphs in (0, 1):
            if prev and prev_para >= here - paragraphs:
                if prev[1] is None:
                    return None, "no cue: continues the previous quote, whose speaker is unknown"
                return prev[1], "no cue: continues the previous quote's speaker"
            people = self._named_before(start, ("PERSON",), paragraphs=paragraphs)
            if people and len({p.root.lower_ for p in people}) == 1:
                ent, _ = self.entity(people[0].root, depth=_LITERAL)
                return ent, f"no cue: the only person named just before ({people[0].text})"
            if people:
                break
        return None, "no cue and no single speaker nearby"

    def _full_name(self, surname: str, at: int) -> str | None:
        """The latest longer name ending in ``surname`` up to token ``at``: "Ilze Ozola"
        for a later "Minister Ozola"; titles are not part of it."""
        doc = self.doc
        for i in reversed(self._propn.get(surname, ())):
            if i > at:
                continue
            j = i
            while j > 0 and i - j < 3 and doc[j - 1].pos_ == "PROPN" and doc[j - 1].text[:1].isupper() \
                    and doc[j - 1].lower_ not in self.title_words \
                    and (doc[j - 1].ent_type_ not in _GROUP_LABELS or doc[j].ent_iob_ == "I") \
                    and (j < 2 or doc[j - 2].text != "-"):
                j -= 1
            if j < i:
                return doc[j:i + 1].text
        return None

    def _complete(self, ent: Entity | None) -> Entity | None:
        """A person the resolver knows by surname only gets the full name the text gave."""
        if ent is None or ent.kind != "person" or not ent.name or " " in ent.name.strip():
            return ent
        mention = self.doc.char_span(*ent.span, alignment_mode="expand")
        full = self._full_name(ent.name, mention.start) if mention is not None else None
        if full is None:
            return ent
        return replace(ent, name=full, evidence=f"{ent.evidence}; full name from earlier mention '{full}'")

    def resolve(self, cand: Candidate) -> tuple[Entity | None, str]:
        if cand.passive:
            ent, reason = None, cand.rule
        elif cand.speaker_head is not None:
            # A label ("Moderator:") is its own speaker: no apposition or title rewriting.
            ent, how = self.entity(cand.speaker_head, depth=_LITERAL if cand.literal else 0)
            reason = f"{cand.rule}; {how}"
        elif cand.carried:
            ent, reason = self._carry(cand)
        else:
            ent, reason = None, f"{cand.rule}; no speaker phrase"
        ent = self._complete(ent)
        self.done.append((cand, ent))
        return ent, reason
