"""Dependency-tree helpers: who is the subject, the object, the agent of a predicate.

Kept apart from the event logic so each rule there reads as one line of English.
"""
from __future__ import annotations

from spacy.tokens import Token

SUBJ = ("nsubj", "csubj", "expl")
PASSIVE_SUBJ = ("nsubjpass", "csubjpass")
# prepositions that introduce the party an act is directed at, best first
RECIPIENT_PREPS = ("against", "on", "upon", "with", "to", "toward", "towards", "into", "at", "from", "for", "over")
RELATIVE = ("which", "who", "that", "whom")
CLAUSAL = ("ccomp", "xcomp", "advcl", "conj", "relcl", "acl", "pcomp")


def child(tok: Token, *deps: str) -> Token | None:
    for c in tok.children:
        if c.dep_ in deps:
            return c
    return None


def children(tok: Token, *deps: str) -> list[Token]:
    return [c for c in tok.children if c.dep_ in deps]


def is_passive(verb: Token) -> bool:
    return any(c.dep_ in PASSIVE_SUBJ or c.dep_ == "auxpass" for c in verb.children)


def agent(verb: Token) -> Token | None:
    """The 'by X' of a passive verb (spaCy: agent → pobj)."""
    a = child(verb, "agent")
    return child(a, "pobj") if a is not None else None


def prep_objects(tok: Token, preps=RECIPIENT_PREPS) -> list[tuple[str, Token]]:
    """(preposition, object) pairs hanging off ``tok``, in the order of ``preps``."""
    found = []
    for c in tok.children:
        if c.dep_ in ("prep", "dative") and c.lemma_.lower() in preps:
            for o in c.children:
                if o.dep_ in ("pobj", "pcomp"):
                    found.append((c.lemma_.lower(), o))
    found.sort(key=lambda p: preps.index(p[0]))
    return found


def subject(verb: Token) -> Token | None:
    """The grammatical subject, climbing through coordinated and controlled verbs.

    "X met and praised Y": "praised" has no subject of its own and takes X's.
    "X decided to attack": "attack" (xcomp) takes the matrix subject.
    A relative clause's subject is the noun it modifies ("troops that crossed"), and so is
    an active participle's ("forces shelling the city").
    """
    seen = 0
    while verb is not None and seen < 6:
        s = child(verb, *SUBJ)
        if s is not None and s.dep_ != "expl":
            if s.lower_ in RELATIVE and verb.dep_ == "relcl":
                return verb.head  # "Azerbaijan, which is committed to …": Azerbaijan
            return s
        if verb.dep_ == "relcl" and child(verb, "nsubj", "nsubjpass") is None:
            return verb.head
        if verb.dep_ == "acl" and verb.tag_ in ("VBD", "VBN", "VBG") and verb.head.pos_ in ("NOUN", "PROPN") \
                and any(c.dep_ in ("dobj", "prt") for c in verb.children):
            # a participle with an object is active: "forces shelling the city", and the small
            # parser's "Jordanian intelligence handed over information" read as a modifier
            return verb.head
        if verb.dep_ == "pcomp" and verb.head.dep_ == "prep":  # "resorted to throwing stones"
            verb = verb.head.head
            seen += 1
            continue
        if verb.dep_ in ("conj", "xcomp", "advcl", "acomp", "oprd") and verb.head is not verb:
            if verb.dep_ == "xcomp":
                obj = child(verb.head, "dobj")
                if obj is not None:   # "urged Y to withdraw": Y withdraws
                    return obj
            verb = verb.head
            seen += 1
            continue
        return None
    return None


def clause_root(tok: Token) -> Token:
    """The verb heading the clause a token belongs to."""
    while tok.pos_ not in ("VERB", "AUX") and tok.head is not tok:
        tok = tok.head
    return tok


def negated(tok: Token) -> bool:
    """A 'not'/'never'/'no' on the token itself."""
    for c in tok.children:
        if c.dep_ == "neg" or c.lower_ in ("never",):
            return True
        if c.dep_ == "det" and c.lower_ == "no":
            return True
    return False


def modal_aux(verb: Token) -> set[str]:
    return {c.lower_ for c in verb.children if c.dep_ == "aux" and c.tag_ == "MD"} | \
           {c.lemma_.lower() for c in verb.children if c.dep_ == "aux" and c.tag_ == "MD"}


def in_subtree(tok: Token, root: Token) -> bool:
    return root.left_edge.i <= tok.i <= root.right_edge.i
