"""Who acts and who is acted on: an event's arguments read off the dependency tree.

Active verbs take their subject as actor and object (or the object of a directed
preposition: against, on, with, to …) as recipient; passives take the "by" agent;
nominal events take a possessor ("Israel's attack"), "between X and Y", or a country
adjective; what is demanded or threatened can name the recipient ("threatened to shell
Iraqi towns"). A pronoun subject of a reported clause is the reporting subject.
"""
from __future__ import annotations

from spacy.tokens import Span, Token

from ..model import Entity
from . import syntax as sx
from .triggers import governor

VERBAL = {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "REQUEST", "ACCUSE", "REJECT", "THREATEN"}


class ArgumentReader:
    """Reads actors, recipients and reporters for the sentence coder (see ``Context``)."""

    def __init__(self, ctx):
        self.ctx = ctx
        self.lex = ctx.lexicon

    def resolve(self, tok: Token | None, speaker: Entity | None) -> list[Entity]:
        if tok is None:
            return []
        ents = self.ctx.entities_for(tok, speaker)
        if ents:
            return ents
        if tok.pos_ == "PRON" and tok.lower_ in ("it", "they", "he", "she"):
            # "Iraq announced that it is prepared to …": the reporting subject
            cur = tok.head
            for _ in range(4):
                if cur.dep_ in ("ccomp", "xcomp", "conj") and cur.head is not cur:
                    cur = cur.head
                    if cur.lemma_.lower() in self.lex.speech_verbs:
                        subj = sx.subject(cur)
                        if subj is not None and subj is not tok:
                            return self.ctx.entities_for(subj, speaker)
                        break
                else:
                    break
        # a non-actor noun may belong to one: "Armenia's provocations", "the attack by rebels"
        for c in tok.children:
            if c.dep_ == "poss":
                return self.ctx.entities_for(c, speaker)
        for prep, o in sx.prep_objects(tok, ("by", "of", "from")):
            ents = self.ctx.entities_for(o, speaker)
            if ents:
                return ents
        return []

    def arguments(self, tok: Token, verb: Token, event: str, sent: Span):
        speaker = self.ctx.speaker_at(tok.idx)
        ev: list[str] = []
        actor_tok = recip_tok = None
        if tok.pos_ in ("NOUN", "PROPN") and verb is tok:
            # a standalone nominal event: "Israel's attack on Gaza", "talks between X and Y"
            poss = sx.child(tok, "poss")
            between = [o for p, o in sx.prep_objects(tok, ("between", "among", "by"))]
            if poss is not None:
                actor_tok = poss
            elif between:
                actor_tok = between[0]
            else:
                actor_tok = next((c for c in tok.children if c.dep_ in ("amod", "compound", "nmod")
                                  and self.ctx.entities_for(c, speaker)), None)
            for p, o in sx.prep_objects(tok):
                if self.ctx.entities_for(o, speaker):
                    recip_tok = o
                    break
            if actor_tok is None and tok.dep_ in ("nsubj", "nsubjpass", "dobj") and tok.head.pos_ == "VERB":
                actor_tok = None
            ev.append("nominal event")
        else:
            described = verb.dep_ == "acl" and verb.tag_ == "VBN" and sx.agent(verb) is not None
            if described or sx.is_passive(verb) and not (verb is not tok and tok.dep_ == "pobj"):
                actor_tok = sx.agent(verb)
                recip_tok = sx.child(verb, "nsubjpass")
                if described:  # "arms delivered by Iran to Hezbollah", "homes destroyed by settlers"
                    recip_tok = next((o for p, o in sx.prep_objects(verb, ("to", "for"))), None) \
                        if event in ("AID", "COOPERATE") else verb.head
                if actor_tok is None and verb.dep_ == "xcomp":
                    actor_tok = sx.subject(verb.head)
                ev.append("passive")
            else:
                actor_tok = sx.subject(verb) or (sx.child(verb, "nsubjpass") if verb is not tok else None)
                recip_tok = sx.child(verb, "dobj", "dative")
                if event in ("AID", "COOPERATE"):  # what is given is the object; who gets it follows "to"
                    to = next((o for p, o in sx.prep_objects(verb, ("to", "for")) if self.resolve(o, speaker)), None)
                    recip_tok = to or recip_tok
                if verb is not tok and recip_tok is tok:
                    recip_tok = None  # the light verb's object is the event noun itself
                if recip_tok is not None:
                    own = self.resolve(recip_tok, speaker)
                    mine = self.resolve(actor_tok, speaker) if actor_tok is not None else []
                    if not own or {e.country for e in own} <= {e.country for e in mine} and sx.child(recip_tok, "poss"):
                        recip_tok = None  # not an actor, or the actor's own ("withdrew its troops")
                if recip_tok is None:
                    # "killed eight Palestinians waiting near …": the parser made the object the
                    # subject of the participle that follows it
                    for c in verb.children:
                        o = sx.child(c, "nsubj") if c.dep_ in ("advcl", "ccomp", "xcomp") and c.tag_ in ("VBG", "VBN") else None
                        if o is not None and verb.i < o.i < c.i and self.resolve(o, speaker):
                            recip_tok = o
                            break
                comp = sx.child(verb, "ccomp", "xcomp")
                if recip_tok is None and event in VERBAL and comp is not None:
                    other = sx.child(comp, "nsubj")  # "urged that Israel withdraw", "expect the UN to act"
                    if other is not None and self.resolve(other, speaker):
                        recip_tok = other
                if recip_tok is None:
                    for holder in ([tok, verb] if verb is not tok else [verb]):
                        for p, o in sx.prep_objects(holder):
                            if self.resolve(o, speaker):
                                recip_tok = o
                                break
                        if recip_tok is not None:
                            break
        actor = self.resolve(actor_tok, speaker)
        recipient = self.resolve(recip_tok, speaker)
        # reciprocal events: "X and Y met" keeps both as actor and no recipient (manual)
        if actor and recipient and {e.span for e in actor} >= {e.span for e in recipient}:
            recipient = []
        if actor:
            ev.append("actor: " + ", ".join(e.evidence or e.text for e in actor))
        return actor, recipient, actor_tok, recip_tok, ev

    def topic_recipient(self, topics: list[Token], actor: list[Entity], tok: Token, event: str):
        """The recipient named by what is threatened, demanded, agreed ("threatened to shell Iraqi
        towns", "agreed to lift embargoes on Iran"), or — for force used in a place — that place."""
        speaker = self.ctx.speaker_at(tok.idx)
        mine = {e.span for e in actor}
        holders = list(topics)
        # "declined to renew the U.S. military's lease": an untriggered complement names it too
        if event in VERBAL:
            holders += [c for c in tok.children if c.dep_ == "xcomp" and c.pos_ == "VERB" and c not in holders]
        for t in topics:  # a noun topic's light verb carries the arguments ("impose restrictions on X")
            gov = governor(t)
            if gov is not None and gov.pos_ == "VERB":
                holders.append(gov)
        for t in holders:
            options = [c for c in t.children if c.dep_ in ("dobj", "dative", "nsubj", "poss")]
            options += [o for _, o in sx.prep_objects(t)]
            for o in options:
                ents = [e for e in self.resolve(o, speaker) if e.span not in mine]
                if ents:
                    return ents, o
        if event in ("ASSAULT", "COERCE", "MOBILIZE"):
            for t in [tok] + holders:
                for _, o in sx.prep_objects(t, ("in", "into", "inside")):
                    ents = [e for e in self.ctx.entities_for(o, speaker) if e.span not in mine]
                    if ents:
                        return ents, o
        return [], None

    # --------------------------------------------------------------- speech
    def reporter(self, verb: Token, sent: Span) -> tuple[Entity | None, list[str]]:
        """Who reports this event: the speaker of a covering quote or of a speech verb above it."""
        lex = self.lex
        cur = verb
        for _ in range(6):
            if cur.dep_ in ("ccomp", "parataxis", "conj", "advcl", "xcomp") and cur.head is not cur:
                cur = cur.head
                if cur.lemma_.lower() in lex.speech_verbs:
                    subj = sx.subject(cur) or sx.agent(cur)
                    speaker = self.ctx.speaker_at(cur.idx)
                    if subj is not None:
                        ents = self.ctx.entities_for(subj, speaker)
                        if ents:
                            return ents[0], [f"reported by '{subj.text}' ({cur.text})"]
                    break
            else:
                break
        quoted = self.ctx.speaker_at(verb.idx)
        if quoted is not None:
            return quoted, [f"in a statement by {quoted.name or quoted.text}"]
        return None, []
