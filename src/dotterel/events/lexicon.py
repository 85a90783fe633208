"""The event trigger lexicon and category tables, indexed for fast look-up.

Built once per process from ``events.yaml``, ``modes.yaml`` and ``categories.yaml``.
A trigger entry says: this lemma, in this part of speech, optionally with this
particle/preposition (``with``) or direct object (``object``), denotes this PLOVER
category and mode.  More specific entries beat plain ones for the same lemma.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, fields
from typing import Any

from spacy.tokens import Token

from ..knowledge import Knowledge

PARTICLES = {"down", "out", "off", "up", "back", "over", "aside", "away", "in"}
# Word-list fields read from a data key of another name (the others use their own name).
LIST_KEYS = {"wrongdoing": "wrongdoing_nouns", "dismissals": "dismissal_adjectives", "willingness": "willingness_words",
             "participation": "participation_verbs", "readiness": "readiness_verbs", "undergoing": "undergoing_verbs"}
CIRCUMSTANCE = {"after", "before", "during", "following", "since", "until", "despite", "amid", "amidst", "because",
                "like", "as", "ahead", "within"}
POS_TAGS = {"VERB": {"VERB"}, "NOUN": {"NOUN", "PROPN"}, "ADJ": {"ADJ"}}
# spaCy's small tagger calls some predicate verbs AUX or nouns ADJ; accept close misses
POS_FALLBACK = {"VERB": {"AUX"}, "NOUN": {"X"}, "ADJ": {"VERB"}}


@dataclass(frozen=True)
class Trigger:
    lemma: str
    event: str
    pos: str | None = None
    mode: str | None = None
    with_: tuple[str, ...] = ()
    object: tuple[str, ...] = ()
    not_object: tuple[str, ...] = ()
    modifier: tuple[str, ...] = ()
    via: tuple[str, ...] = ()
    control: str | None = None
    cameo: str | None = None
    note: str = ""

    @property
    def specificity(self) -> int:
        return (2 if self.object or self.modifier or self.via else 0) + (1 if self.with_ or self.not_object else 0) + \
            (1 if self.pos else 0)

    def describe(self) -> str:
        if self.lemma.startswith("*"):
            return f"rule: {self.note} → {self.event}"
        extra = "".join(f" +{w}" for w in self.with_) + (f" obj={'|'.join(self.object)}" if self.object else "")
        return f"events.yaml {self.lemma}/{self.pos or '*'}{extra} → {self.event}" + (f" {self.mode}" if self.mode else "")


@dataclass
class Lexicon:
    """Triggers by lemma, the word lists the rules consult (each a field read from the data key
    of the same name, or the one LIST_KEYS names), and the category, mode and context tables."""

    triggers: dict[str, list[Trigger]]
    light_verbs: frozenset[str]
    passthrough_verbs: frozenset[str]
    future_verbs: frozenset[str]
    speech_verbs: frozenset[str]
    wrongdoing: frozenset[str]
    dismissals: frozenset[str]
    claim_nouns: frozenset[str]
    negating_verbs: frozenset[str]
    wanting_verbs: frozenset[str]
    obligation_modals: frozenset[str]
    admonishing_verbs: frozenset[str]
    admonishing_nouns: frozenset[str]
    press_nouns: frozenset[str]
    proposing_verbs: frozenset[str]
    communication_verbs: frozenset[str]
    sentence_words: frozenset[str]
    raiding_verbs: frozenset[str]
    occupying_verbs: frozenset[str]
    reaction_verbs: frozenset[str]
    police_words: frozenset[str]
    background_adverbs: frozenset[str]
    labelling_verbs: frozenset[str]
    phoning_verbs: frozenset[str]
    counterpart_nouns: frozenset[str]
    defied_nouns: frozenset[str]
    censure_words: frozenset[str]
    armed_sectors: frozenset[str]
    exercise_nouns: frozenset[str]
    assembly_verbs: frozenset[str]
    departure_verbs: frozenset[str]
    effect_verbs: frozenset[str]
    excluding_verbs: frozenset[str]
    willingness: frozenset[str]
    role_nouns: frozenset[str]
    participation: frozenset[str]
    command_verbs: frozenset[str]
    protest_words: frozenset[str]
    attempt_nouns: frozenset[str]
    intent_nouns: frozenset[str]
    drawing_verbs: frozenset[str]
    readiness: frozenset[str]
    civilian_sectors: frozenset[str]
    undergoing: frozenset[str]
    obstruction_verbs: frozenset[str]
    yielding_verbs: frozenset[str]
    reaction_nouns: frozenset[str]
    response_nouns: frozenset[str]
    stopping_verbs: frozenset[str]
    subjecting_verbs: frozenset[str]
    pressure_nouns: frozenset[str]
    modes: dict[str, list[tuple[str, list[tuple[str, ...]]]]]
    categories: dict[str, Any]
    contexts: dict[str, list[tuple[str, ...]]] = field(default_factory=dict)

    @classmethod
    def from_knowledge(cls, k: Knowledge) -> "Lexicon":
        ev = k.events or {}
        index: dict[str, list[Trigger]] = {}
        for d in ev.get("triggers", []):
            t = Trigger(
                lemma=str(d["lemma"]).lower(), event=d["event"], pos=d.get("pos"), mode=d.get("mode"),
                with_=tuple(_word(x) for x in d.get("with", []) or []),
                object=tuple(_word(x) for x in d.get("object", []) or []),
                not_object=tuple(_word(x) for x in d.get("not_object", []) or []),
                modifier=tuple(_word(x) for x in d.get("modifier", []) or []),
                via=tuple(_word(x) for x in d.get("via", []) or []),
                control=d.get("control"), cameo=str(d["cameo"]) if d.get("cameo") else None,
                note=d.get("note", ""),
            )
            index.setdefault(t.lemma, []).append(t)
        for lst in index.values():
            lst.sort(key=lambda t: -t.specificity)

        vocab = {**ev, **(k.statements or {})}

        def words(key: str) -> frozenset[str]:
            return frozenset(str(w).lower() for w in vocab.get(key, []) or [])

        modes = {cat: _mode_cues(table or {}) for cat, table in (k.modes or {}).items()}
        contexts = {c: [tuple(_norm(p).split()) for p in phrases] for c, phrases in (k.contexts or {}).items()}
        lists = {f.name: words(LIST_KEYS.get(f.name, f.name)) for f in fields(cls)
                 if f.type == "frozenset[str]" and f.name != "role_nouns" and not f.name.endswith("_sectors")}
        sectors = {f.name: frozenset(w.upper() for w in words(f.name)) for f in fields(cls) if f.name.endswith("_sectors")}
        return cls(
            triggers=index, **lists, role_nouns=frozenset(r.word for r in k.roles if " " not in r.word),
            **sectors,
            modes=modes, categories=k.categories or {}, contexts=contexts,
        )

    def lookup(self, tok: Token) -> Trigger | None:
        """The most specific entry this token satisfies, or None."""
        cands = None
        for base in lemmas(tok):
            cands = self.triggers.get(base)
            if cands:
                break
        if not cands:
            return None
        # particles: spaCy sometimes reads "stepped down", "walked out" as adverbs
        # ("called Yeltsin on Tuesday" has no "call on": a preposition of a date is no particle)
        child_lemmas = {c.lemma_.lower() for c in tok.children if c.dep_ in ("prt", "prep", "agent")
                        and not any(o.ent_type_ in ("DATE", "TIME") for o in c.children)
                        or c.dep_ == "advmod" and c.lower_ in PARTICLES}
        # "called for the UN to intervene": spaCy reads "for" as the mark of the clause
        for_clauses = [c for c in tok.children if c.dep_ == "advcl"
                       and any(m.dep_ == "mark" and m.lower_ == "for" for m in c.children)]
        if for_clauses:
            child_lemmas.add("for")
        objs = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass", "attr", "oprd")]  # oprd: "taken hostage"
        # "arms delivered by Iran": a passive participle's noun is its object; "handed in their
        # weapons": spaCy may hang the object under the particle
        objs += [tok.head] if tok.dep_ == "acl" and tok.tag_ == "VBN" else []
        objs += [o for p in tok.children if p.dep_ == "prt" for o in p.children if o.dep_ == "pobj"]
        # "cancelled 1 billion euros of debt", "blocked access to websites": the noun after "of"/"to" counts too
        objs += [o for c in objs for p in c.children if p.dep_ == "prep" and p.lower_ in ("of", "to")
                 for o in p.children if o.dep_ == "pobj"]
        # "walked out of the talks", "placed X under investigation": a preposition's object counts
        # too, but not one of time or circumstance ("suspended aid following the execution")
        preps = [p for p in tok.children if p.dep_ == "prep" and p.lower_ not in CIRCUMSTANCE
                 and not (objs and p.lower_ in ("in", "at"))  # "ended aid in protest at …"
                 and not (p.lower_ in ("in", "with") and tok.lemma_.lower() in self.stopping_verbs)]  # "ended in arrests"
        # "walked out of the talks": spaCy hangs "of" under the particle "out"
        preps += [q for p in tok.children if p.lower_ in PARTICLES for q in p.children if q.dep_ == "prep"]
        objs += [o for p in preps for o in p.children if o.dep_ == "pobj"]
        # "allowed aid agencies to enter": the one let, asked or made to act counts as the object
        objs += [s for c in tok.children if c.dep_ in ("ccomp", "xcomp") or c in for_clauses
                 for s in c.children if s.dep_ == "nsubj"]
        # "deployed peacekeeping troops": a noun compounded with the object says what kind it is
        objects = {c.lemma_.lower() for c in objs} | {m.lemma_.lower() for c in objs for m in c.children
                                                      if m.dep_ == "compound" and m.pos_ == "NOUN"}
        modifiers = {w for c in tok.children if c.dep_ in ("amod", "compound", "nmod", "npadvmod", "advmod")
                     for w in (c.lemma_.lower(), c.lower_)}  # "coordinated" is lemmatised "coordinate"
        for strict in (True, False):
            for t in cands:
                allowed = POS_TAGS.get(t.pos or "", None)
                if allowed is not None:
                    ok = tok.pos_ in allowed or (not strict and tok.pos_ in POS_FALLBACK.get(t.pos, ()))
                    if not ok:
                        continue
                if t.with_ and not child_lemmas.intersection(t.with_):
                    continue
                if t.object and not objects.intersection(t.object):
                    continue
                if t.not_object and objects.intersection(t.not_object):
                    continue
                if t.modifier and not modifiers.intersection(t.modifier):
                    continue
                if t.via and not (tok.dep_ == "pobj" and tok.head.lower_ in t.via):
                    continue
                return t
        return None

    def entry_for(self, lemma: str, objects: set[str]) -> Trigger | None:
        """The entry a verb would match with these objects and no particle or modifier
        ("ordered the diplomats to leave" reads as "expelled the diplomats")."""
        plain = [t for t in self.triggers.get(lemma, []) if not (t.with_ or t.modifier or t.via or t.not_object)]
        return next((t for t in plain if t.object and objects & set(t.object)), None) \
            or next((t for t in plain if not t.object), None)

    # --- category tables -------------------------------------------------
    def category(self, event: str) -> dict[str, Any]:
        return self.categories.get(event, {})

    def score(self, event: str, mode: str | None) -> float | None:
        cat = self.category(event)
        m = (cat.get("modes") or {}).get(mode or "", {}) or {}
        return m.get("score", cat.get("score"))

    def cameo(self, event: str, mode: str | None) -> str | None:
        cat = self.category(event)
        m = (cat.get("modes") or {}).get(mode or "", {}) or {}
        return m.get("cameo") or cat.get("cameo")

    def quad(self, event: str) -> int | None:
        return self.category(event).get("quad")

    def mode_from_words(self, event: str, keys: tuple[str, ...]) -> str | None:
        """The first mode of ``event`` whose cue phrase occurs in the sentence, not counting a
        cue found only inside a longer cue of another mode ("petrol bomb" is no "bomb")."""
        for mode, cues in self.modes.get(event, []):
            for phrase, longer in cues:
                if has_phrase(keys, phrase) and not any(has_phrase(keys, q) for q in longer):
                    return mode
        return None

    def narrower_mode(self, event: str, mode: str, keys: tuple[str, ...]) -> str | None:
        """A mode the sentence's words name that modes.yaml lists before ``mode`` (narrower)."""
        order = [m for m, _ in self.modes.get(event, [])]
        found = self.mode_from_words(event, keys)
        if found and mode in order and order.index(found) < order.index(mode):
            return found
        return None

    def valid_mode(self, event: str, mode: str | None) -> bool:
        return bool(mode) and mode in (self.category(event).get("modes") or {})


def _mode_cues(table: dict) -> list[tuple[str, list[tuple[tuple[str, ...], list[tuple[str, ...]]]]]]:
    """Each mode's cue phrases, each with the longer cues of other modes that contain it."""
    phrases = {mode: [tuple(_norm(p).split()) for p in ps] for mode, ps in table.items()}
    padded = lambda p: " " + " ".join(p) + " "  # noqa: E731
    return [(mode, [(p, [q for other, qs in phrases.items() if other != mode for q in qs
                         if len(q) > len(p) and padded(p) in padded(q)]) for p in ps])
            for mode, ps in phrases.items()]


def lemmas(tok: Token) -> list[str]:
    """spaCy's lemma, then base forms guessed from the word ("staged" is lemmatised "stag")."""
    lemma, w = tok.lemma_.lower(), tok.lower_
    out = [lemma, w]
    if tok.pos_ in ("VERB", "NOUN", "AUX"):
        for suffix, repl in (("ied", "y"), ("ies", "y"), ("ed", ""), ("ed", "e"), ("ing", ""), ("ing", "e"),
                             ("es", ""), ("s", "")):
            if w.endswith(suffix) and len(w) - len(suffix) >= 3:
                stem = w[: len(w) - len(suffix)]
                out.append(stem + repl)
                if suffix in ("ed", "ing") and len(stem) > 3 and stem[-1] == stem[-2]:
                    out.append(stem[:-1])  # "shelled" → "shell" is covered; "stopped" → "stop"
    return out


def is_one_of(tok: Token, words: frozenset[str]) -> bool:
    return any(b in words for b in lemmas(tok))


def _word(x) -> str:
    """YAML 1.1 reads unquoted on/off as booleans; they are particles here."""
    return {True: "on", False: "off"}.get(x, x).lower() if isinstance(x, bool) else str(x).lower()


def _norm(s: str) -> str:
    """Lower-case, hyphens as spaces: "air-strike" and "air strike" read the same."""
    return re.sub(r"\s+", " ", str(s).lower().replace("-", " ")).strip()


def sentence_keys(tokens) -> tuple[str, str, str]:
    """A sentence as ' word word … ', ' lemma lemma … ' and singular strings for phrase look-up."""
    toks = [t for t in tokens if not t.is_punct and not t.is_space]
    words = [t.lower_ for t in toks]
    return (" " + " ".join(words) + " ", " " + " ".join(t.lemma_.lower() for t in toks) + " ",
            # a plain singular too: a capitalised "Drones" opening a sentence is lemmatised "drones"
            " " + " ".join(w[:-1] if w.endswith("s") and len(w) > 3 else w for w in words) + " ")


def has_phrase(keys: tuple[str, ...], phrase: tuple[str, ...]) -> bool:
    needle = " " + " ".join(phrase) + " "
    return any(needle in k for k in keys)
