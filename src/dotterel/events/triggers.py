"""Finding triggers in a sentence, and the verb that carries each one.

A trigger is a lexicon word (or one of a few rules that act like one: "willing to",
"expect X to", "said X must"). Names and dates are not triggers, nor nouns that only
name a kind of actor ("riot police"), nor participles that describe someone ("jailed
former prime minister").
"""
from __future__ import annotations

from spacy.tokens import Span, Token

from . import syntax as sx
from .lexicon import Lexicon, Trigger, is_one_of

WILLING = Trigger("*willing*", "AGREE", control="own", note="being willing or ready to act is intent to cooperate")
WANTING = Trigger("*want*", "REQUEST", "VERB", control="own", note="wanting someone else to act is a request")
OBLIGING = Trigger("*must*", "REQUEST", "VERB", control="own", note="saying someone else must act is a demand")
TELLING = Trigger("*tell-to*", "REQUEST", "VERB", control="own", note="telling someone to act is a demand")
PHONING = Trigger("*phone*", "CONSULT", "VERB", mode="phone", note="calling or ringing a named person is a phone call")
BRANDING = Trigger("*brand-as*", "ACCUSE", "VERB", mode="disapprove", control="own",
                   note="calling something a crime, provocative or unacceptable is condemning it")
PRONOUNS = {"PRON"}
NAME_TYPES = {"DATE", "TIME", "PERSON", "ORG", "GPE", "FAC", "WORK_OF_ART", "LAW", "PRODUCT", "EVENT", "NORP", "LOC"}
CONTROLLING = {"ACCUSE", "REJECT", "REQUEST", "THREATEN", "AGREE"}
NO_COMMENT = {"comment", "elaborate", "discuss", "answer", "respond", "speak", "specify", "identify", "confirm"}


def _directive(tok: Token, lex: Lexicon) -> Trigger | None:
    """'X expects Y to act' and 'X said Y must act' are requests by X to Y."""
    lemma = tok.lemma_.lower()
    copular = tok.dep_ in ("acomp", "oprd") or any(c.dep_ in ("auxpass", "cop") for c in tok.children)
    if (lemma in lex.willingness or tok.lower_ in lex.willingness) and (copular or tok.pos_ != "VERB" or lemma not in lex.readiness) \
            and (sx.child(tok, "xcomp") is not None or any(c.dep_ == "prep" and c.lower_ == "to" for c in tok.children)):
        return WILLING  # "is prepared to", "willing to"; but "the army prepared to attack" is readiness
    if tok.pos_ == "NOUN" and lemma in lex.admonishing_nouns:
        return _admonition(tok, lex)  # "issued a stern reminder to Iraq that it must cooperate"
    if tok.pos_ != "VERB" or lemma not in lex.wanting_verbs | lex.speech_verbs | lex.admonishing_verbs | lex.proposing_verbs:
        return None
    comp = sx.child(tok, "ccomp", "xcomp")
    if comp is None:
        return None
    other = sx.child(comp, "nsubj") or (sx.child(tok, "dobj") if comp.dep_ == "xcomp" else None)
    if other is None:
        return None
    if lemma in lex.wanting_verbs:
        return WANTING
    if comp.dep_ == "xcomp" and other.dep_ == "dobj" and not is_one_of(other, lex.press_nouns):
        return TELLING  # "told Israel to withdraw"
    modals = sx.modal_aux(comp) | {c.lower_ for c in comp.children if c.dep_ == "aux"}
    if comp.tag_ == "VB" and not modals and other.pos_ not in PRONOUNS:
        return OBLIGING  # "insisted that Israel withdraw", "proposed that the Council send …": a subjunctive
    addressee = sx.child(tok, "dobj")
    addressed = addressee is not None and not is_one_of(addressee, lex.press_nouns)
    if _anothers_duty(other, addressed) and (
            modals & lex.obligation_modals or comp.lemma_ in ("have", "need") and sx.child(comp, "xcomp") is not None):
        return OBLIGING
    return None


def _anothers_duty(subject: Token, addressed: bool) -> bool:
    """Whether "… must act" is laid on someone other than the speaker: "said it must act" is the
    speaker's own duty, "warned Belgrade that it must" (someone addressed) is Belgrade's."""
    return subject.pos_ not in PRONOUNS or addressed and subject.lower_ in ("it", "they")


def _phoning(tok: Token, lex: Lexicon) -> Trigger | None:
    """"Bush called Putin on Monday": calling a person (not "called him a liar", "called X to act")."""
    if tok.pos_ != "VERB" or tok.lemma_.lower() not in lex.phoning_verbs \
            or any(c.dep_ in ("oprd", "xcomp", "ccomp", "prt") for c in tok.children):
        return None
    obj = sx.child(tok, "dobj")
    person = obj is not None and (obj.ent_type_ == "PERSON" or obj.lemma_.lower() in lex.counterpart_nouns)
    return PHONING if person else None


def _branding(tok: Token, lex: Lexicon) -> Trigger | None:
    """"described the remarks as provocative", "called the arrests an attack on democracy",
    "branded the strikes illegal": a labelling verb whose label is a censure."""
    if tok.pos_ != "VERB" or tok.lemma_.lower() not in lex.labelling_verbs \
            or any(c.dep_ == "dobj" and c.tag_ in ("WP", "WDT") for c in tok.children):
        return None  # "in what the Pentagon called a provocative show of strength": the show is the event
    holders = [tok] + [c for c in tok.children if c.dep_ == "dobj"]
    labels = [c for c in tok.children if c.dep_ in ("oprd", "ccomp", "xcomp", "acomp") and c.pos_ in ("NOUN", "ADJ")]
    labels += [o for h in holders for p in h.children if p.dep_ == "prep" and p.lower_ == "as"
               for o in p.children if o.dep_ in ("pobj", "amod")]
    words = {w.lemma_.lower() for lab in labels for w in [lab] + [c for c in lab.children if c.dep_ == "amod"]}
    return BRANDING if words & (lex.wrongdoing | lex.dismissals | lex.censure_words) else None


def _admonition(noun: Token, lex: Lexicon) -> Trigger | None:
    """A warning or reminder, given to someone, that they must act: a demand."""
    comp = sx.child(noun, "acl", "ccomp")
    other = sx.child(comp, "nsubj") if comp is not None else None
    given_to = any(c.dep_ in ("dative", "prep") and c.lower_ == "to" for c in noun.head.children)
    if other is None or not _anothers_duty(other, given_to):
        return None
    return OBLIGING if sx.modal_aux(comp) & lex.obligation_modals else None


def find_triggers(sent: Span, lex: Lexicon) -> dict[int, Trigger]:
    """Lexicon matches, less nouns that only name a kind of actor ("riot police", "aid workers")."""
    found = {}
    for tok in sent:
        if tok.ent_type_ in NAME_TYPES and (tok.is_title or tok.is_upper):
            continue  # part of a name or date: "Asia-Pacific Economic Cooperation", "March 20"
        if tok.dep_ == "amod" and tok.tag_ in ("VBN", "VBD", "VBG"):
            continue  # a participle describing someone ("jailed former prime minister", "striking workers")
        if tok.dep_ == "acl" and tok.tag_ == "VBN" and sx.agent(tok) is None \
                and not any(c.dep_ == "dobj" for c in tok.children):
            continue  # "homes destroyed in the war": a description (with an object it is active:
            # the small parser's "X condemned on Monday the raid" hangs the verb under X)
        if tok.dep_ == "compound" and tok.pos_ in ("NOUN", "PROPN") and (
                is_one_of(tok.head, lex.role_nouns) or is_one_of(tok.head, lex.wrongdoing)):
            continue
        if tok.is_alpha and not tok.is_stop or tok.lemma_.lower() in lex.triggers:
            entry, directive = lex.lookup(tok), _branding(tok, lex) or _directive(tok, lex) or _phoning(tok, lex)
            if entry is None or directive in (OBLIGING, BRANDING):  # "warned X that it must …": a demand
                entry = directive
            if entry is not None:
                found[tok.i] = entry
    for i in [i for i in found if sent.doc[i].dep_ == "compound" and sent.doc[i].head.i in found]:
        del found[i]  # "war crimes trial": the head noun is the event
    for i in [i for i in found if sent.doc[i].dep_ == "acl" and sent.doc[i].head.i not in found
              and not is_one_of(sent.doc[i].head, lex.attempt_nouns | lex.intent_nouns)
              and any(c.dep_ == "aux" and c.lower_ == "to" for c in sent.doc[i].children)]:
        del found[i]  # "the right of IDPs to return", "efforts to overthrow": a purpose, not an act
    return found


def is_attribution(tok: Token, lex: Lexicon, triggers: dict[int, Trigger]) -> bool:
    """A reporting verb used as attribution ("said", "reports", "noted that")."""
    if tok.lemma_.lower() not in lex.speech_verbs or tok.pos_ not in ("VERB", "AUX"):
        return False  # "a protest note" is no attribution
    if any(c.dep_ == "dobj" and c.i in triggers for c in tok.children):
        return False  # "declared a ceasefire", "announced sanctions": the noun is the event
    entry = triggers.get(tok.i)
    return entry is None or entry.control != "own" or entry is WANTING


ARGUMENT_PREPS = {"of", "in", "for", "to", "into", "on", "against", "with", "over", "by"}


def governor(tok: Token) -> Token | None:
    """The word a noun trigger is an argument of: its verb, or the noun it completes
    ("tons of aid"); never through a preposition of time or circumstance ("during the war")."""
    if tok.dep_ in ("dobj", "nsubj", "nsubjpass", "attr", "oprd", "xcomp", "dative", "conj"):
        return tok.head
    if tok.dep_ == "pobj" and tok.head.dep_ in ("prep", "agent") and tok.head.lower_ in ARGUMENT_PREPS:
        gov = tok.head.head
        if gov.pos_ in ("NOUN", "PROPN", "NUM") and tok.head.lower_ != "of":
            return None
        return gov
    return None


def noun_governor(tok: Token, triggers: dict[int, Trigger]) -> Token | None:
    """The governor of a noun trigger, climbing plain nouns ("tons of aid", "a wave of attacks")."""
    gov = governor(tok)
    while gov is not None and gov.pos_ in ("NOUN", "PROPN", "NUM") and gov.i not in triggers:
        gov = governor(gov)
    return gov



def carrier(tok: Token, triggers: dict[int, Trigger], lex: Lexicon) -> Token:
    """The verb that carries a trigger's subject and modality."""
    if tok.pos_ in ("NOUN", "PROPN"):
        gov = noun_governor(tok, triggers)
        if gov is not None and (is_one_of(gov, lex.light_verbs) or tok.dep_ == "dobj" and is_one_of(
                gov, lex.drawing_verbs)) and gov.pos_ in ("VERB", "AUX") and gov.i not in triggers \
                and not (tok.dep_ == "pobj" and any(c.dep_ == "dobj" and c.i in triggers for c in gov.children)):
            return gov  # "held talks"; "drew criticism from …" (but in "launched a hunger strike against
            # administrative detention" the light verb carries the strike; the detention is its target)
        prep = tok.head
        if tok.dep_ == "pobj" and prep.dep_ == "prep" and prep.head.pos_ in ("VERB", "AUX") \
                and prep.head.i not in triggers:
            v = prep.head
            if prep.lower_ in ("in", "on", "at", "into", "for") and is_one_of(v, lex.participation):
                return v
            if prep.lower_ == "under" and is_one_of(v, lex.undergoing):
                return v
            if prep.lower_ == "to" and is_one_of(v, lex.subjecting_verbs):
                return v  # "were subjected to beatings"
    if tok.dep_ in ("acomp", "oprd") and tok.pos_ == "ADJ":
        return tok.head  # "Syria is willing to withdraw": the copula carries the subject
    return tok
