"""Sentence → PLOVER event candidates: triggers, arguments, modality, reported speech.

The rules, each in one line:

- a lexicon lemma is a trigger; the most specific entry it satisfies gives category and mode;
- a noun trigger that is the subject or object of a verb trigger is that verb's topic, not
  a second event ("condemned the attack" is one ACCUSE); it refines the verb's mode;
- a light verb lends its subject to its object noun ("held talks", "carried out airstrikes");
- a verb that controls its complement ("agreed to", "refused to", "urged … to") codes as
  itself; a pass-through verb ("decided to", "began to") codes as its complement;
- a speech verb is attribution, not an event: what it reports keeps its own actor and gets
  ``reported_by`` the speaker ("X said Y attacked Z" → ASSAULT Y→Z reported by X);
- what an accusation accuses of is not asserted: "accused Y of attacking" is one ACCUSE;
- negation, modals, "if", future and past time set ``negated`` and ``aux``; stated intent
  to cooperate or to yield (future CONSULT, SUPPORT, COOPERATE, AID, RETREAT, CONCEDE) is
  AGREE, as CAMEO's "express intent" codes 03x map to AGREE and the gold-standard records
  code them (the manual would keep future RETREAT/CONCEDE as CONCEDE); future force is
  THREATEN;
- doing something "bowing to" or "yielding to" pressure is a concession (CONCEDE);
- who acts decides some categories (events.by_actor): civilians blocking roads protest,
  state forces coerce, armed groups raiding attack, a state "protesting" accuses;
- what is asked, refused or said decides others: telling someone to act, a subjunctive
  that-clause or "must" is a demand; "decided not to", "would not" are refusals; not ruling
  out force is a threat; ordering someone to leave expels them; a label of censure
  ("described … as provocative") condemns; an act done "despite protests from X" also rejects X;
- for a given pair, classify also weighs the act a reaction judges ("the expulsion of X by Y
  was condemned");
- confidence ranks a document's events: an asserted, material, main-clause event with both
  parties ranks above a verbal reaction ("condemned the attack"), a relative clause, an
  announced plan or a habitual act ("has repeatedly threatened"); later sentences rank lower.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Callable

from spacy.tokens import Span, Token

from ..model import Entity
from . import syntax as sx
from .arguments import VERBAL, ArgumentReader
from .by_actor import by_actor
from .lexicon import Lexicon, Trigger, is_one_of, sentence_keys
from .triggers import (CONTROLLING, NO_COMMENT, WILLING, carrier, find_triggers, is_attribution,
                       noun_governor)

COOPERATIVE_TO_AGREE = {"CONSULT", "SUPPORT", "COOPERATE", "AID"}
FORCE_TO_THREAT = {"ASSAULT": "violence", "COERCE": "restrict", "SANCTION": "relations"}
COERCE_THREAT_MODES = {"arrest": "arrest", "deport": "expel"}
NEEDS_NO_ACTOR = {"ASSAULT", "PROTEST", "COERCE", "MOBILIZE"}
# the mode a verbal demand/refusal takes from what is demanded or refused
DEMAND_MODES = {"CONSULT": "meet", "AGREE": "meet", "AID": "assist", "COOPERATE": "assist",
                "SUPPORT": "assist", "RETREAT": "yield", "CONCEDE": "yield", "SANCTION": "yield"}
THREAT_MODES = {"ASSAULT": "violence", "SANCTION": "relations", "MOBILIZE": "violence",
                "COERCE": "restrict", "REJECT": "relations", "PROTEST": "restrict"}
# subordinate clauses of time or cause: told beside an act, never what it is about
CIRCUMSTANCE_MARKS = {"after", "before", "when", "while", "whilst", "since", "because", "as", "although", "though",
                      "until", "once", "whereas"}
# the weapon a verb usually implies ("fire": firearms), which a narrower word in the sentence refines
USUAL_WEAPONS = {"firearms", "explosives", "heavy-weapons"}
# verbs that judge an act told in their object or subject ("condemned the expulsion of …")
JUDGING = {"ACCUSE", "SUPPORT", "REJECT"}
HYPOTHETICAL_MODALS = {"would", "could", "might", "may", "should", "'d", "must"}
FUTURE_MODALS = {"will", "shall", "'ll", "wo"}
SUBORDINATE_IF = {"if", "unless", "whether"}
# what stopping an act amounts to ("stopped supplying arms", "ceased shelling", "ended their strike")
STOPPED = {"AID": ("SANCTION", "discontinue"), "COOPERATE": ("SANCTION", "discontinue"),
           "SUPPORT": ("SANCTION", "discontinue"), "CONSULT": ("SANCTION", "withdraw"),
           "ASSAULT": ("RETREAT", "ceasefire"), "PROTEST": ("CONCEDE", None)}


@dataclass
class Context:
    """What the sentence coder needs from the rest of the document."""

    lexicon: Lexicon
    entities_for: Callable[[Token, Entity | None], list[Entity]]
    speaker_at: Callable[[int], Entity | None]
    historical: Callable[[Span], bool] = lambda s: False


@dataclass
class Candidate:
    event: str
    mode: str | None
    head: Token
    trigger_tokens: list[Token]
    sent: Span
    actor: list[Entity] = field(default_factory=list)
    recipient: list[Entity] = field(default_factory=list)
    aux: str | None = None
    negated: bool = False
    reported_by: Entity | None = None
    confidence: float = 0.5
    evidence: list[str] = field(default_factory=list)
    entry: Trigger | None = None
    actor_tok: Token | None = None
    recip_tok: Token | None = None

    @property
    def trigger_span(self) -> tuple[int, int]:
        toks = sorted(self.trigger_tokens, key=lambda t: t.i)
        return toks[0].idx, toks[-1].idx + len(toks[-1].text)


class SentenceCoder:
    """Codes one sentence at a time; ``keep_actorless`` keeps verbal events with no actor
    found, and the acts reactions are about (``classify`` is told the pair, so it needs every
    candidate)."""

    def __init__(self, ctx: Context, keep_actorless: bool = False):
        self.ctx = ctx
        self.lex = ctx.lexicon
        self.keep_actorless = keep_actorless
        self.args = ArgumentReader(ctx)

    # ------------------------------------------------------------------ main
    def code(self, sent: Span) -> list[Candidate]:
        lex = self.lex
        triggers = find_triggers(sent, lex)
        doc = sent.doc
        keys = sentence_keys(sent)
        absorbed: dict[int, list[int]] = {}  # verb trigger index -> topic noun trigger indices
        skip: set[int] = set()

        for i, entry in triggers.items():
            tok = doc[i]
            if is_attribution(tok, lex, triggers):
                skip.add(i)
        # nouns that are topics of verb triggers; complements controlled by their matrix verb
        for i, entry in triggers.items():
            tok = doc[i]
            if i in skip:
                continue
            if tok.pos_ in ("NOUN", "PROPN"):
                gov = noun_governor(tok, triggers)
                if tok.dep_ == "nsubj" and gov is not None and gov.i == tok.head.i and gov.i in triggers \
                        and entry.event != triggers[gov.i].event:
                    continue  # "a general strike shut down shops": the subject is the event, the verb its effect
                if gov is not None and gov.i in triggers and gov.i not in skip and gov.i != i:
                    absorbed.setdefault(gov.i, []).append(i)
                    skip.add(i)
        for i, entry in triggers.items():
            tok = doc[i]
            comp = sx.child(tok, "xcomp")
            if entry.event == "REJECT" and comp is not None and comp.lemma_.lower() in lex.speech_verbs | NO_COMMENT \
                    and not any(c.dep_ in ("dobj", "prep", "ccomp") for c in comp.children):
                skip.add(i)  # "declined to comment" refuses nothing; "refused to answer a demand" does
        # what a report or allegation says happened is not asserted ("investigating reports that
        # soldiers fired on …"): events in a claim noun's clause are left out
        for i in triggers:
            v = carrier(doc[i], triggers, lex)
            if v.dep_ in ("acl", "ccomp", "relcl") and v.head.pos_ == "NOUN" and is_one_of(v.head, lex.claim_nouns) \
                    and v.head.i not in triggers:
                skip.add(i)
        # where each trigger sits as a predicate: a noun's light verb ("issued a demand"), else itself
        carriers = {i: carrier(doc[i], triggers, lex) for i in triggers}
        owner = {v.i: i for i, v in carriers.items() if i not in skip}
        owner.update({i: i for i in triggers if i not in skip})
        for i, entry in triggers.items():
            if i in skip:
                continue
            v = carriers[i]
            while v.dep_ == "xcomp" and v.head.i not in owner and v.head.dep_ == "xcomp" \
                    and v.head.lemma_.lower() in lex.passthrough_verbs | lex.stopping_verbs:
                v = v.head  # "threatened to stop cooperating": the threat is about the stopping
            head = v.head
            if v.dep_ == "pcomp" and head.dep_ == "prep" and head.head.i in owner:
                # "accused Y of attacking", "warned against intervening"
                m = owner[head.head.i]
            elif v.dep_ in ("xcomp", "ccomp", "pcomp", "advcl", "acl") and head.i in owner and owner[head.i] != i \
                    and not any(m.dep_ == "mark" and m.lower_ in CIRCUMSTANCE_MARKS for m in v.children):
                # ("ordered a curfew after protesters set fire to …": the fire is no part of the order)
                m = owner[head.i]
            elif v.dep_ == "ccomp" and any(c.dep_ == "dobj" and c.i in owner for c in head.children):
                # "reiterated its demand that Israel ease …": the clause completes the noun
                m = owner[next(c.i for c in head.children if c.dep_ == "dobj" and c.i in owner)]
            else:
                continue
            matrix = triggers[m]
            if (matrix.control == "own" or matrix.event in CONTROLLING
                    or matrix.event == "PROTEST" and entry.event == "REQUEST"):  # a protest's demand is its topic
                absorbed.setdefault(m, []).append(i)
                skip.add(i)

        out = []
        for i, entry in sorted(triggers.items()):
            if i in skip:
                continue
            cand = self._candidate(doc[i], entry, sent, keys, [doc[j] for j in absorbed.get(i, [])], triggers)
            if cand is not None:
                out.append(cand)
        out.extend(self._defiances(out, triggers))
        if self.keep_actorless:
            out.extend(self._judged_acts(sent, keys, triggers, absorbed))
        return out

    def _defiances(self, cands: list[Candidate], triggers: dict[int, Trigger]) -> list[Candidate]:
        """An act done "despite protests from Australia" or "in violation of UN resolutions" also
        rejects whoever objected (CAMEO 12); the act itself stays, for its own parties."""
        out = []
        for c in cands:
            if c.negated or c.event in VERBAL or not c.actor:
                continue
            defied = self._defied(carrier(c.head, triggers, self.lex), c.head)
            if defied is None:
                continue
            # whose protest or resolution: "protests from Australia", "UN Security Council resolutions"
            owner = next((o for _, o in sx.prep_objects(defied, ("from", "by", "of"))), defied)
            found = self.args.resolve(owner, self.ctx.speaker_at(c.head.idx))
            if found:
                out.append(replace(c, event="REJECT", mode=None, recipient=found, recip_tok=owner,
                                   confidence=c.confidence - 0.1,
                                   evidence=c.evidence + [f"done despite '{defied.text}' → REJECT"]))
        return out

    def _judged_acts(self, sent: Span, keys, triggers: dict[int, Trigger], absorbed) -> list[Candidate]:
        """For a given pair only: the act a reaction is about ("the expulsion of X by Y was
        condemned"), with its own actor and recipient, ranked below the reaction itself."""
        out = []
        for m, topics in absorbed.items():
            if triggers[m].event not in JUDGING or sent.doc[m].pos_ != "VERB":
                continue
            for j in topics:
                tok = sent.doc[j]
                if tok.pos_ in ("NOUN", "PROPN") and triggers[j].event != triggers[m].event:
                    cand = self._candidate(tok, triggers[j], sent, keys, [], triggers)
                    if cand is not None and cand.actor:
                        cand.confidence /= 2
                        out.append(cand)
        return out

    # ------------------------------------------------------------ candidate
    def _candidate(self, tok: Token, entry: Trigger, sent: Span, keys, topics: list[Token],
                   triggers: dict[int, Trigger]) -> Candidate | None:
        lex = self.lex
        event, mode = entry.event, entry.mode
        evidence = [entry.describe()]
        trigger_tokens = [tok] + [c for c in tok.children if c.dep_ == "prt"]
        verb = carrier(tok, triggers, lex)  # "held talks": held; "is willing": is; "went on strike": went
        undergoer = False
        if verb is not tok and tok.pos_ in ("NOUN", "PROPN"):
            trigger_tokens.insert(0, verb)
            undergoer = tok.dep_ == "pobj" and tok.head.lower_ == "under" \
                or tok.dep_ == "dobj" and is_one_of(verb, lex.drawing_verbs)  # "drew criticism from the EU"
            evidence.append(f"{'undergoing' if undergoer else 'light'} verb '{verb.text}'")
        # pass-through and future matrix verbs ("decided to attack", "plans to visit")
        aux = None
        neg = willing = failed = decided = False
        while verb.dep_ == "xcomp" and verb.head.lemma_.lower() in (lex.passthrough_verbs | lex.negating_verbs
                                                                     | lex.willingness):
            if verb.head.lemma_.lower() in lex.future_verbs | lex.willingness:
                aux = "future"
            willing = willing or verb.head.lemma_.lower() in lex.willingness
            if event == "ASSAULT" and verb.head.pos_ == "VERB" and verb.head.lemma_ in lex.readiness:
                event, mode, aux = "MOBILIZE", None, None  # "the army prepared to attack": readiness, not force
                evidence.append("preparing to use force → MOBILIZE")
                verb = verb.head
                break
            if verb.head.lemma_.lower() in lex.negating_verbs:
                neg = failed = True
            decided = True
            evidence.append(f"complement of '{verb.head.text}'")
            verb = verb.head

        if aux is None and self._purpose_of_intent(verb):
            aux, willing = "future", True  # "willing to send troops to help defend X": defending is intended too
            evidence.append("purpose of an intended act")
        if verb.dep_ == "xcomp" and verb.head.lemma_.lower() in lex.stopping_verbs and event in STOPPED:
            event, mode = STOPPED[event]  # "stopped supplying weapons": the help is cut off
            evidence.append(f"stopping it → {event}")
            trigger_tokens.insert(0, verb.head)
        departure = sx.child(tok, "xcomp") if entry.event == "REQUEST" else None
        if departure is not None and departure.lemma_.lower() in lex.departure_verbs and is_one_of(tok, lex.command_verbs):
            expel = lex.entry_for("expel", {c.lemma_.lower() for c in tok.children if c.dep_ in ("dobj", "nsubjpass")})
            if expel is not None:  # "ordered two diplomats to leave the country"
                event, mode = expel.event, expel.mode
                evidence.append(f"ordered to leave → {event} {mode}")
        # mode from what is demanded/refused/threatened, then from cue words in the sentence
        for t in topics:
            sub = triggers.get(t.i)
            if sub is None:
                continue
            if is_one_of(tok, lex.command_verbs) and entry.event == "REQUEST" and lex.quad(sub.event) in (2, 4):
                event, mode = sub.event, sub.mode  # "ordered the arrest of", "ordered troops to withdraw"
                evidence.append(f"ordered {sub.event}")
            elif (entry is WILLING or entry.lemma in lex.intent_nouns) and sub.event in THREAT_MODES \
                    and not (tok.pos_ == "VERB" and tok.lemma_ in lex.readiness):
                event, mode = "THREATEN", THREAT_MODES[sub.event]
                evidence.append(f"ready to {sub.event} → THREATEN")
            elif event in ("REQUEST", "REJECT") and not mode:
                # calls for an official to go are "change" (manual), other retreats "yield"
                mode = "change" if sub.mode == "resign" else DEMAND_MODES.get(sub.event, "change")
            elif event == "THREATEN" and not mode:
                mode = THREAT_MODES.get(sub.event)
            elif event == sub.event and not mode and sub.mode:
                mode = lex.mode_from_words(event, keys) or sub.mode  # "a suicide car bomb exploded"
        if not mode or not lex.valid_mode(event, mode):
            mode = lex.mode_from_words(event, keys) or (mode if lex.valid_mode(event, mode) else None)
        elif event == "ASSAULT" and mode in USUAL_WEAPONS:
            # a weapon named in the sentence is narrower than the verb's usual one ("fired pellet guns")
            mode = lex.narrower_mode(event, mode, keys) or mode

        actor, recipient, actor_tok, recip_tok, arg_ev = self.args.arguments(tok, verb, event, sent)
        if not recipient:
            recipient, recip_tok = self.args.topic_recipient(topics, actor, tok, event)
        actor, recipient, actor_tok, recip_tok = self._shift_roles(tok, verb, undergoer, actor, recipient,
                                                                   actor_tok, recip_tok)
        event, mode = by_actor(lex, event, mode, tok, actor, actor_tok, recipient, keys, evidence)
        if (entry is WILLING or event == "AGREE") and not actor:  # "which is committed to …": passive in form only
            subj = sx.child(verb, "nsubjpass")
            if subj is not None and subj.lower_ in sx.RELATIVE and verb.dep_ == "relcl":
                subj = verb.head
            actor, actor_tok = self.args.resolve(subj, self.ctx.speaker_at(tok.idx)), subj
            recipient = [] if actor and recipient and {e.span for e in actor} >= {e.span for e in recipient} else recipient
        evidence.extend(arg_ev)

        # modality
        neg = neg or sx.negated(tok) or sx.negated(verb) or (tok is not verb and sx.negated(tok.head))
        if neg and event == "REJECT" and is_one_of(tok, lex.excluding_verbs):
            forceful = [triggers[t.i].event for t in topics if t.i in triggers and triggers[t.i].event in FORCE_TO_THREAT]
            if forceful:  # "did not rule out military action"
                event, mode, neg = "THREATEN", FORCE_TO_THREAT[forceful[0]], False
                evidence.append("not ruling out force → THREATEN")
        modals = sx.modal_aux(verb)
        reported_by, speech_ev = self.args.reporter(verb, sent)
        if modals & FUTURE_MODALS or self._going_to(verb):
            aux = "future"
        elif modals & {"would", "'d"} and verb.dep_ == "ccomp" and (reported_by is not None or self._in_report(verb)):
            aux = "future"  # "said it would withdraw": the future seen from the past
        elif modals & HYPOTHETICAL_MODALS:
            aux = "hypothetical"
        if self._conditional(verb):
            aux = "hypothetical"  # inside an if/unless clause: a condition, not an act
        conditional = any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in SUBORDINATE_IF
                                                    for m in c.children) for c in verb.children)
        if aux is None and verb.dep_ == "acl" and is_one_of(verb.head, lex.intent_nouns):
            aux = "future"  # "announced plans to resume talks", "its decision to withdraw"
        if aux is None and tok.pos_ in ("NOUN", "PROPN") and any(
                c.lower_ in ("upcoming", "planned", "proposed", "future", "next", "expected") for c in tok.children):
            aux = "future"
        if aux is None and self.ctx.historical(sent):
            aux = "historical"

        # category changes the manual asks for
        if event in ("AGREE", "SUPPORT", "COOPERATE") and self._yielding(verb, triggers):
            event, mode = "CONCEDE", None  # "bowing to pressure / in response to demands, X agreed to …"
            evidence.append("done yielding to pressure or demands → CONCEDE")
        intent = aux == "future" or (aux == "hypothetical" and conditional)
        # "decided not to lift", "would not admit": a refusal, as "will not" is
        refused = decided or bool(modals & {"would", "could", "can", "ca"}) and not conditional
        if (intent or failed or refused) and neg and event in COOPERATIVE_TO_AGREE | {"RETREAT", "CONCEDE", "AGREE"}:
            evidence.append(f"says it will not {event} → REJECT")
            event, mode, aux, neg = "REJECT", DEMAND_MODES.get(event, "change"), None, False
        elif intent and not neg:
            unless = any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "unless" for m in c.children)
                         for c in verb.children)
            if (event in COOPERATIVE_TO_AGREE or event in ("RETREAT", "CONCEDE") and not unless) and aux == "future" \
                    or willing and event in ("RETREAT", "CONCEDE"):
                # intent to cooperate or to yield is AGREE (CAMEO 03x), an offer with "if" too;
                # yielding "unless …" is a threat
                evidence.append(f"intended {event} → AGREE")
                event, mode, aux = "AGREE", None, None
            elif event in FORCE_TO_THREAT or event == "PROTEST" and mode in ("boycott", "strike", "obstruct") \
                    or conditional and event not in VERBAL | COOPERATIVE_TO_AGREE:
                tm = THREAT_MODES.get(event, "violence")
                if event == "COERCE":
                    tm = COERCE_THREAT_MODES.get(mode or "", "restrict")
                evidence.append(f"stated intent of {event} → THREATEN")
                event, mode, aux = "THREATEN", tm, None

        if not self.keep_actorless:
            if not actor and event not in NEEDS_NO_ACTOR and reported_by is None \
                    and not (recipient and sx.is_passive(verb)):  # "the envoy was expelled": the act, by someone
                return None
            if not actor and not recipient and verb is tok and tok.pos_ in ("NOUN", "PROPN") and not (
                    event in NEEDS_NO_ACTOR and tok.dep_ in ("nsubj", "nsubjpass", "ROOT")) \
                    and not (tok.dep_ == "nsubj" and is_one_of(tok.head, lex.effect_verbs)):
                return None  # a bare noun with nobody attached ("since the signing", "during the war");
                # but "a ceasefire came into force", "the truce took effect" happen
        conf = 0.45
        conf += 0.2 if actor else (0.1 if event in NEEDS_NO_ACTOR else 0)  # "gunmen", "a bomb": often unnamed
        conf += 0.1 if recipient else 0
        conf += 0.1 if tok.pos_ == "VERB" or verb is not tok else 0
        conf += 0.1 if verb.dep_ == "ROOT" or (verb.head.lemma_.lower() in lex.speech_verbs and verb.head.dep_ == "ROOT") else 0
        conf -= 0.1 if reported_by is not None and event in VERBAL else 0
        conf -= 0.2 if aux in ("hypothetical", "historical") else (0.1 if aux == "future" else 0)
        if any(c.dep_ == "advmod" and c.lower_ in lex.background_adverbs for c in verb.children):
            conf -= 0.15  # "NATO has repeatedly threatened …": background to the news
            evidence.append("background (habitual or earlier)")
        conf -= 0.15 if self._subordinate(verb, triggers) or verb.dep_ in ("relcl", "acl") else 0
        conf += 0.05 if actor and lex.quad(event) in (2, 4) else 0  # a material act by someone is the news
        objects = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")] + topics
        reaction = lex.reaction_nouns if tok.pos_ == "NOUN" else lex.reaction_verbs  # "struck a deal" is no reaction
        if lex.quad(event) in (1, 3) and (tok.lemma_.lower() in reaction or any(
                o.lemma_.lower() in lex.response_nouns or o.lemma_.lower() in lex.reaction_nouns
                and any(d.lower_ in ("the", "this", "these", "that") for d in o.children) for o in objects)):
            conf -= 0.2  # "condemned the attack", "blamed the militia": a reaction to an event told elsewhere
            evidence.append("reaction to an event told elsewhere")
        conf += 0.002 * abs(lex.score(event, mode) or 0)  # among equals, the graver act leads
        evidence.extend(speech_ev)
        return Candidate(event, mode, tok, sorted(trigger_tokens, key=lambda t: t.i), sent, actor, recipient, aux,
                         neg, reported_by, max(0.05, min(conf, 0.99)), evidence, entry, actor_tok, recip_tok)

    # ------------------------------------------------------------- arguments
    @staticmethod
    def _subordinate(verb: Token, triggers: dict[int, Trigger]) -> bool:
        """A purpose or manner clause of another event ("staged protests to demand …")."""
        cur = verb
        for _ in range(3):
            if cur.dep_ in ("advcl", "xcomp", "acl", "relcl", "pcomp", "pobj", "prep") and cur.head is not cur:
                cur = cur.head
                if cur.i in triggers or any(c.i in triggers for c in cur.children if c.dep_ in ("dobj", "nsubj")):
                    return True
            else:
                return False
        return False

    def _shift_roles(self, tok: Token, verb: Token, undergoer: bool, actor: list[Entity], recipient: list[Entity],
                     actor_tok: Token | None, recip_tok: Token | None):
        """Roles the plain subject/object reading gets wrong: the subject of "came under attack"
        or "drew criticism from Y" suffers the act (Y does it); "detainees were subjected to
        torture by guards"; "X announced plans to resume talks" (X is who intends)."""
        lex, speaker = self.lex, self.ctx.speaker_at(tok.idx)
        if undergoer:
            source = next((o for h in (tok, verb) for p, o in sx.prep_objects(h, ("from", "by"))), None)
            return self.args.resolve(source, speaker), actor, source, actor_tok
        if verb is not tok and tok.dep_ == "pobj" and tok.head.lower_ == "to" and sx.is_passive(verb) \
                and is_one_of(verb, lex.subjecting_verbs):
            by = next((o for p, o in sx.prep_objects(tok, ("by",))), None)  # "torture by guards"
            actor_tok, recip_tok = sx.agent(verb) or by, sx.child(verb, "nsubjpass") or actor_tok
            return self.args.resolve(actor_tok, speaker), self.args.resolve(recip_tok, speaker), actor_tok, recip_tok
        if not actor and verb.dep_ == "acl" and is_one_of(verb.head, lex.intent_nouns) \
                and verb.head.dep_ in ("dobj", "attr"):
            actor_tok = sx.subject(verb.head.head)
            return self.args.resolve(actor_tok, speaker), recipient, actor_tok, recip_tok
        return actor, recipient, actor_tok, recip_tok

    def _defied(self, verb: Token, tok: Token) -> Token | None:
        """The protest, call or resolution an act is done in spite of ("despite protests from …",
        "in defiance of …", "in violation of UN resolutions"), if any."""
        gov = noun_governor(tok, {}) if tok.pos_ in ("NOUN", "PROPN") else None  # "went ahead with its tests"
        heads = [verb, tok] + ([gov] if gov is not None and gov.pos_ == "VERB" else [])
        for head in {h.i: h for h in heads}.values():
            for p in head.children:
                if p.dep_ != "prep":
                    continue
                nouns = [o for o in p.children if o.dep_ == "pobj"]
                if p.lower_ == "in":  # "in defiance/violation of X": X
                    nouns = [x for o in nouns if o.lemma_.lower() in ("defiance", "violation")
                             for _, x in sx.prep_objects(o, ("of",))]
                elif p.lower_ not in ("despite", "notwithstanding"):
                    continue
                for o in nouns:
                    if o.lemma_.lower() in self.lex.defied_nouns:
                        return o
        return None

    def _yielding(self, verb: Token, triggers: dict[int, Trigger]) -> bool:
        """Done "bowing to pressure", "in response to demands", "after months of calls from …":
        a modifier (not itself an event) that names the pressure being yielded to."""
        for c in verb.children:
            if c.dep_ == "advcl" and c.lemma_.lower() in self.lex.yielding_verbs:
                return True
            if c.dep_ in ("prep", "advcl") and c.i not in triggers \
                    and any(t.pos_ == "NOUN" and t.lemma_.lower() in self.lex.pressure_nouns
                            and not self._conversation(t) for t in c.subtree):
                return True
        return False

    @staticmethod
    def _conversation(noun: Token) -> bool:
        """"in a telephone call", "during a call with …": a conversation, not pressure."""
        return noun.head.lower_ in ("in", "during", "by") or any(
            c.lower_ in ("telephone", "phone", "video") for c in noun.children)

    def _in_report(self, verb: Token) -> bool:
        """A clause under a speech verb, also through a statement noun ("said in a statement
        delivered on Monday that it would free …")."""
        cur = verb.head
        for _ in range(4):
            if cur.lemma_.lower() in self.lex.speech_verbs or is_one_of(cur, self.lex.claim_nouns):
                return True
            if cur.head is cur:
                return False
            cur = cur.head
        return False

    def _purpose_of_intent(self, verb: Token) -> bool:
        """A to-clause of purpose ("to help defend X") under an act someone is willing or
        plans to do: the purpose is no more done than the act."""
        cur, purpose = verb, False
        for _ in range(4):
            to = any(c.dep_ == "aux" and c.lower_ == "to" for c in cur.children)
            if cur.dep_ == "advcl" and to:
                purpose = True
            elif cur.dep_ != "xcomp":
                return False
            cur = cur.head
            if purpose and (cur.lemma_.lower() in self.lex.future_verbs | self.lex.willingness
                            or cur.dep_ == "acomp" and cur.lower_ in self.lex.willingness):
                return True
        return False

    @staticmethod
    def _going_to(verb: Token) -> bool:
        h = verb.head
        return verb.dep_ == "xcomp" and h.lemma_ == "go" and h.tag_ == "VBG"

    @staticmethod
    def _conditional(verb: Token) -> bool:
        cur = verb
        for _ in range(3):
            if any(c.dep_ == "mark" and c.lower_ in SUBORDINATE_IF for c in cur.children):
                return True
            if cur.dep_ in ("conj", "xcomp") and cur.head is not cur:
                cur = cur.head
            else:
                break
        return False
