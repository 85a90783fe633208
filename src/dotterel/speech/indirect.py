"""Indirect (reported) speech, from the dependency parse.

A verb of saying with a clause complement ("X said (that) ...", "he underlined
that ...", "..., the minister said") reports that clause; "According to X, ..."
reports the rest of its sentence; "it was noted that ..." reports a clause with
no agent.  The quote's text and span are the reported clause alone.
"""
from __future__ import annotations

from spacy.tokens import Doc, Token

from .direct import source_phrase
from .lexicon import Lexicon
from .marks import MARKS
from .syntax import Candidate, Spans, cue_of, dateline_end, passive, subject_of

_CLAUSE_START_DROP = ("mark", "punct", "cc")


def _trim(tokens: list[Token]) -> list[Token]:
    """Drop "that"/"whether", punctuation and a leading date at the clause edges.

    "said on Sunday she would ..." often parses with "on Sunday" inside the
    clause; the date is when it was said, not what was said.
    """
    while tokens:
        t = tokens[0]
        if t.dep_ in _CLAUSE_START_DROP or t.is_space:
            tokens = tokens[1:]
        elif t.dep_ in ("prep", "npadvmod") and all(
                x.ent_type_ in ("DATE", "TIME") for x in t.subtree if x is not t or t.dep_ == "npadvmod"):
            dropped = {x.i for x in t.subtree}
            tokens = [x for x in tokens if x.i not in dropped]
        else:
            break
    while tokens and ((tokens[-1].is_punct and tokens[-1].text not in "\"\u201d") or tokens[-1].is_space):
        tokens = tokens[:-1]
    return tokens


def _balance(tokens: list[Token]) -> list[Token]:
    """Take in the closing mark of a quoted fragment the parse left outside the clause."""
    if tokens and sum(t.text in MARKS for t in tokens) % 2:
        doc = tokens[-1].doc
        for t in doc[tokens[-1].i + 1:tokens[-1].i + 3]:
            if t.text in MARKS:
                return tokens + list(doc[tokens[-1].i + 1:t.i + 1])
    return tokens


def _range(tokens: list[Token]) -> tuple[int, int] | None:
    if not tokens:
        return None
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)


def _starts_quoted(rng: tuple[int, int], quoted: Spans) -> bool:
    """A clause that begins inside a direct quote is that quote: its verb is the quote's cue."""
    return quoted.covers(rng[0])


def _outer_cue(verb: Token, lex: Lexicon) -> Token | None:
    """For "X said 43 were arrested and warned that ...": the parser hangs "warned"
    inside the first clause; it is really a second verb of X's."""
    head = verb.head
    if verb.dep_ == "conj" and head.dep_ == "ccomp" and lex.cue(head.head):
        return head.head
    return None


def _clause_tokens(comp: Token, lex: Lexicon, verb: Token) -> list[Token]:
    """The reported clause under ``comp``, cut before what is not the speaker's content:
    a second verb of saying in the cue's tense, coordinated into it without a subject
    of its own ("said the law was needed and accused ...", see :func:`_outer_cue`),
    and a trailing comma clause describing the act of speaking ("..., accusing X of
    fraud", "..., after clashes left two dead")."""
    doc = comp.doc
    cut = comp.right_edge.i + 1
    for c in comp.subtree:
        if c.i <= comp.i:
            continue
        if c.dep_ == "conj" and c.tag_ == verb.tag_ and lex.cue(c) \
                and not any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children):
            cut = min(cut, c.left_edge.i)
        elif c.dep_ == "advcl" and c.right_edge.i == comp.right_edge.i and c.left_edge.i > comp.i \
                and doc[c.left_edge.i - 1].text == "," \
                and (c.tag_ == "VBG" or any(m.dep_ == "mark" and m.lower_ in lex.trailing_clause_marks
                                            for m in c.children)):
            cut = min(cut, c.left_edge.i)
    tokens = [t for t in doc[comp.left_edge.i:cut]]
    while tokens and tokens[-1].dep_ in ("cc", "punct") and tokens[-1].text not in "\"\u201d":
        tokens = tokens[:-1]
    return tokens


def _misattached_clause(verb: Token) -> Token | None:
    """"said in a statement that ...": the clause hangs off "statement" in the parse."""
    for c in verb.children:
        objs = [g for g in c.children if g.dep_ == "pobj"] if c.dep_ == "prep" else [c] if c.dep_ == "dobj" else []
        for obj in objs:
            for g in obj.children:
                if g.dep_ in ("acl", "relcl") and any(m.dep_ == "mark" and m.lower_ == "that" for m in g.children):
                    return g
    return None


def _complement(verb: Token, lex: Lexicon) -> tuple[list[Token], str] | None:
    """The reported clause of a verb of saying, and how it was found."""
    # "made it clear that ...": the clause is not the phrasal cue's second word
    # ("clear") but hangs off it or off the verb beside it.
    lemma = verb.lemma_.lower()
    comps = [c for c in verb.children if c.dep_ == "ccomp"]
    comps += [g for c in comps if (lemma, c.lower_) in lex.cue_phrasal for g in c.children
              if g.dep_ in ("ccomp", "advcl")]
    comp = next((c for c in comps if (lemma, c.lower_) not in lex.cue_phrasal), None)
    if comp is not None:
        obj = next((c for c in verb.children if c.dep_ == "dobj" and c.i < comp.i), None)
        if obj is not None and any(t.text == "," for t in verb.doc[obj.right_edge.i + 1:comp.left_edge.i + 1]):
            return None  # 'promise "control", they demand ...': the clause is not the object of saying
        return _clause_tokens(comp, lex, verb), "clause complement"
    comp = _misattached_clause(verb)
    if comp is not None:
        return _clause_tokens(comp, lex, verb), "clause complement"
    # "The army will withdraw, the minister said": the parser often hangs the cue
    # off the clause instead; only a finite verb with its own subject that closes
    # the sentence after a comma is read that way.
    head, doc = verb.head, verb.doc
    if (verb.dep_ in ("parataxis", "ccomp", "advcl") and head.i < verb.i and head.pos_ in ("VERB", "AUX")
            and verb.tag_ in ("VBD", "VBZ", "VBP") and not lex.cue(head)
            and any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)
            and verb.left_edge.i > 0 and doc[verb.left_edge.i - 1].text == ","
            and all(t.is_punct or t.is_space for t in doc[verb.right_edge.i + 1:verb.sent.end])):
        mine = {t.i for t in verb.subtree}
        return [t for t in head.subtree if t.i not in mine and t.i < verb.left_edge.i], "clause before the cue"
    return _sentence_before(verb)


def _sentence_before(verb: Token) -> tuple[list[Token], str] | None:
    """"<clause>, police sources said." when the parse lost the link: the words from
    the sentence start to the comma before the subject, if the cue ends the sentence."""
    doc, sent = verb.doc, verb.sent
    subj = subject_of(verb)
    if subj is None or subj.i > verb.i or verb.tag_ not in ("VBD", "VBZ", "VBP"):
        return None
    comma = subj.left_edge.i - 1
    tail = doc[verb.i + 1:sent.end]
    if comma <= sent.start or doc[comma].text != "," or any(t.pos_ in ("VERB", "AUX") for t in tail) \
            or any(not t.is_punct and not t.is_space and t.right_edge.i > verb.right_edge.i for t in tail):
        return None
    skip = dateline_end(doc)
    clause = [t for t in doc[sent.start:comma] if t.idx >= skip]
    last = next((t for t in reversed(sent) if not t.is_space), None)
    if not any(t.tag_ in ("VBD", "VBZ", "VBP", "VBN", "MD") for t in clause) or last is None or last.text not in (".", "!"):
        return None
    return clause, "clause before the cue, sentence order"


def _unsaid(verb: Token, lex: Lexicon) -> bool:
    """"did not say whether", "will announce", "is expected to announce", an imperative
    ("Note: ..."): nothing was said."""
    if any(c.dep_ == "neg" or (c.dep_ == "aux" and c.tag_ == "MD") for c in verb.children):
        return True
    if verb.tag_ == "VB" and verb.dep_ == "ROOT" and subject_of(verb) is None:
        return True
    return verb.dep_ == "xcomp" and verb.head.lemma_.lower() in lex.unsaid_heads


def _speech_verb(verb: Token, words: str, lex: Lexicon, quoted: Spans) -> Candidate | None:
    if _unsaid(verb, lex):
        return None
    found = _complement(verb, lex)
    if found is None:
        return None
    tokens, how = found
    tokens = _balance(_trim(tokens))
    rng = _range(tokens)
    if rng is None or _starts_quoted(rng, quoted):
        return None
    if verb.lemma_.lower() in lex.byline_verbs and verb.tag_ == "VBZ" and rng[1] <= verb.idx:
        return None
    cand = Candidate("indirect", [rng], rng, rule="", cue=cue_of(verb, words))
    if passive(verb):
        subj = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
        agent = next((g for c in verb.children if c.dep_ == "agent" and c.lower_ == lex.agent_preposition
                      for g in c.children if g.dep_ == "pobj"), None)
        if agent is not None:
            cand.speaker_head, cand.rule = agent, f"agent of passive '{words}'"
        elif subj is None or subj.lower_ in lex.expletive_subjects:
            cand.passive, cand.rule = True, "passive, no agent"
        else:
            # "Smith was told that ...": the subject heard it; who spoke is unsaid.
            cand.passive, cand.rule = True, f"passive, no agent ('{subj.text}' is addressed)"
        return cand
    quoting = _quoted_as_saying(verb)
    if quoting is not None:
        cand.speaker_head, cand.rule = quoting, f"quoted as '{words}' ({how})"
        return cand
    cand.speaker_head = subject_of(_outer_cue(verb, lex) or verb)
    if tokens[-1].i < verb.i and cand.speaker_head is not None \
            and any(t.lemma_.lower() in lex.claim_nouns for t in cand.speaker_head.subtree):
        return None  # "..., a charge Kigali denies": what is denied is the charge, the clause is the reporter's
    cand.rule = f"subject of '{words}' ({how})"
    return cand


def _quoted_as_saying(verb: Token) -> Token | None:
    """"The newspaper quoted a senior official as saying ...": the official speaks."""
    prep = verb.head
    if verb.dep_ == "pcomp" and prep.lower_ == "as" and prep.head.lemma_.lower() == "quote":
        return next((c for c in prep.head.children if c.dep_ == "dobj"), None)
    return None


def _according_to(tok: Token, lex: Lexicon) -> Candidate | None:
    """"According to X, ...": the rest of the sentence is X's claim."""
    found = source_phrase(tok, lex)
    if found is None:
        return None
    words, source = found
    skip = {t.i for t in tok.subtree} | {t.i for t in source.subtree} | set(range(words.start, words.end))
    sent = tok.sent
    before = _trim([t for t in sent if t.i < tok.i and t.i not in skip])
    after = _trim([t for t in sent if t.i > tok.i and t.i not in skip])
    pieces = [r for r in (_range(before), _range(after)) if r]
    if not pieces:
        return None
    return Candidate("indirect", pieces, (pieces[0][0], pieces[-1][1]),
                     rule=f"'{words.text}' source", cue=(words.text, (words.start_char, words.end_char)),
                     speaker_head=source)


def indirect_candidates(doc: Doc, lex: Lexicon, quoted: list[tuple[int, int]]) -> list[Candidate]:
    """Reported speech outside the direct quotes ``quoted`` (their own speech is theirs)."""
    starts = {p[0] for p in lex.source_prepositions}
    inside = Spans(quoted)
    out = []
    for tok in doc:
        if inside.covers(tok.idx):
            continue
        words = lex.cue(tok)
        cand = None
        if words:
            cand = _speech_verb(tok, words, lex, inside)
        elif tok.lower_ in starts:
            cand = _according_to(tok, lex)
            if cand is not None and _starts_quoted(cand.span, inside):
                cand = None
        if cand is not None:
            out.append(cand)
    return out
