"""The actors of one article, and who each argument of a sentence stands for.

``mentions`` are the atomic findings (a country word, a role noun, a named
person or organisation).  ``entities_for`` composes them along the dependency
parse of one noun phrase: "Senior Hungarian and Romanian officials" is a role
noun with two country modifiers, hence two entities, HUN GOV and ROU GOV.
"""
from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Token

from dotterel.actors.lexicon import Lexicon, is_state
from dotterel.actors.matching import Hit
from dotterel.actors.people import PersonMention
from dotterel.knowledge import Role
from dotterel.model import Entity

# Closed-class words: pronouns by the antecedent they take, and nouns that mean "the country".
FIRST_SINGULAR = {"i", "me", "my", "mine", "myself"}
FIRST_PLURAL = {"we", "us", "our", "ours", "ourselves"}
PERSON_PRONOUNS = {"he", "him", "his", "himself", "she", "her", "hers", "herself"}
GROUP_PRONOUNS = {"they", "them", "their", "theirs", "themselves"}
THING_PRONOUNS = {"it", "its", "itself"}
COUNTRY_NOUNS = {"country", "nation", "state", "republic", "homeland", "motherland"}
# "the two sides", "both neighbours": the last two countries named before
PAIR_NOUNS = {"side", "neighbour", "neighbor", "government", "party"}
INDEFINITE = {"a", "an", "another", "any", "some", "each", "every", "no"}
# Heads that only count or select from the actor named by their "of" phrase ("hundreds of Azerbaijanis").
PARTITIVES = {"member", "part", "majority", "minority", "rest", "number", "hundred", "thousand", "dozen", "million",
              "score", "ten", "some", "many", "most", "all", "several", "both", "none", "each", "one", "few"}

MODIFIER_DEPS = {"amod", "compound", "nmod", "poss", "npadvmod"}
BELONG_PREPS = {"of", "from"}                       # "officials of Hungary": who they belong to
PLACE_PREPS = {"in", "at", "throughout", "across", "inside", "near"}   # "rebels in Darfur": where they are
SUBJECT_DEPS = {"nsubj", "nsubjpass"}
ARGUMENT_DEPS = SUBJECT_DEPS | {"dobj", "pobj", "iobj", "dative", "conj", "appos", "attr", "poss", "ROOT", "agent"}
# A modifying role narrows the head's sector, except these, which only say whose side it is.
NON_NARROWING = {"GOV", "CVL"}
STATE_OFFICES = {"GOV", "MIL", "JUD", "LEG", "COP", "SPY"}


@dataclass(frozen=True)
class Mention:
    """An actor mention: tokens ``[start, end)`` of the document and what they resolve to."""

    start: int
    end: int
    entity: Entity


@dataclass(eq=False)
class Found:
    """A mention with what produced it (internal).

    ``how`` is ``person``, ``role``, ``org`` (NER organisation), ``place``
    (gazetteer), an entry type of :class:`~dotterel.actors.lexicon.Sense`, or
    ``ethnic`` / ``stance`` for a country word after "ethnic" or "anti-"/"pro-",
    which names no owner.
    """

    start: int
    end: int
    how: str
    entity: Entity | None
    role: Role | None = None
    person: PersonMention | None = None


class DocActors:
    """Actors of one document; built by :meth:`ActorResolver.resolve`."""

    def __init__(self, doc: Doc, found: list[Found], role_at: list[Hit | None], lexicon: Lexicon,
                 sent_of: list[int]):
        self.doc = doc
        self._found = found
        self._role_at = role_at
        self._lexicon = lexicon
        self._sent_of = sent_of
        self._depth = 0
        self._at: list[Found | None] = [None] * len(doc)
        for f in found:
            self._at[f.start:f.end] = [f] * (f.end - f.start)
        for f in found:
            if f.how in ("adjective", "demonym") and f.start and doc[f.start - 1].lower_ == "ethnic":
                f.how = "ethnic"                # "ethnic Albanians": a people, not Albania's nationals
            elif f.start >= 2 and doc[f.start - 1].text == "-" and doc[f.start - 2].lower_ in ("anti", "pro"):
                f.how = "stance"                # "anti-Syria": against, not of, Syria
        self._sent_codes: dict[int, set[str]] = {}
        for f in found:
            if f.entity is not None and is_state(f.entity.country) and f.how not in ("ethnic", "stance"):
                self._sent_codes.setdefault(sent_of[f.start], set()).add(f.entity.country)
        self._doc_codes = set().union(*self._sent_codes.values()) if self._sent_codes else set()
        self._people = [f for f in found if f.person is not None]
        self._finish_people()
        self.mentions = [Mention(f.start, f.end, f.entity) for f in found]
        # Sorting "the minister" into people or groups resolves phrases, which may hold pronouns:
        # those see no antecedents while the lists are being built.
        self._person_ante = self._thing_ante = ([], [])
        self._thing_ante = self._antecedents(persons=False)
        self._person_ante = self._antecedents(persons=True)

    # --- public interface -------------------------------------------------------------

    def mention_at(self, i: int) -> Mention | None:
        f = self._at[i] if 0 <= i < len(self._at) else None
        return Mention(f.start, f.end, f.entity) if f else None

    def entities_for(self, token: Token, speaker: Entity | None = None) -> list[Entity]:
        """Entities of the noun phrase ``token`` heads (and its coordinated conjuncts), most specific first."""
        heads, stack = [token], [token]
        while stack:
            for c in stack.pop().children:
                if c.dep_ == "conj" and c not in heads:
                    heads.append(c)
                    stack.append(c)
        out: list[Entity] = []
        shared: list[Entity] = []
        for n, h in enumerate(heads):
            ents = self._phrase(h, speaker)
            if n and shared and ents and all(e.country is None and e.kind == "group" for e in ents) \
                    and not any(c.dep_ in MODIFIER_DEPS | {"det"} for c in h.children):
                ents = [replace(e, country=s.country, name=s.name,
                                evidence=f"{e.evidence}; country shared with '{s.text}'") for e in ents for s in shared]
            if n == 0:
                shared = [e for e in ents if e.country]
            for e in ents:
                if not any((o.kind, o.name, o.country, o.sector) == (e.kind, e.name, e.country, e.sector) for o in out):
                    out.append(e)
        return out

    # --- one phrase -------------------------------------------------------------------

    def _phrase(self, h: Token, speaker: Entity | None) -> list[Entity]:
        f = self._at[h.i]
        ours = next((c for c in h.children if c.dep_ == "poss" and c.lower_ in FIRST_PLURAL | FIRST_SINGULAR), None)
        if ours is not None and (f is None or f.how == "role"):
            return self._ours(h, f, speaker)
        if f is None:
            if h.pos_ == "PRON" and h.lower_ not in PARTITIVES:
                return self._pronoun(h, speaker)
            if h.lemma_.lower() in PARTITIVES or h.pos_ == "NUM":
                return [e for p in self._modifiers(h, {"of"}) if p.dep_ == "pobj" for e in self._phrase(p, speaker)]
            if h.lemma_.lower() in COUNTRY_NOUNS | PAIR_NOUNS and h.tag_ == "NNS" and any(
                    c.lower_ in ("two", "both") for c in h.children):
                return self._last_two_countries(h)
            if h.lower_ in COUNTRY_NOUNS:
                owners = self._belongs(h, None)
                if owners:
                    text, span = self._text(h, None)
                    return [Entity(text, span, self._lexicon.country_name(owners[0].country), "country",
                                   owners[0].country, None, [], f"'{h.text}' of '{owners[0].text}' ({owners[0].evidence})")]
                if any(c.lower_ == "the" for c in h.children):
                    return self._antecedent(h, persons=False, countries_only=True)
            if h.ent_type_ == "NORP" and h.tag_ in ("NNS", "NNPS"):     # "Iraqi Kurds": a people of a country
                return [self._group(h, o, "CVL", [], "people's name") for o in self._belongs(h, None)]
            if h.pos_ in ("NOUN", "PROPN"):    # "Israeli strikes", "UN peacekeeping mission": the modifier's actor
                owners = [e for c in h.children if c.dep_ in ("amod", "compound") for e in self._owner(c)]
                return [self._group(h, o, None, [], f"'{h.text}' of") for o in owners]
            return []
        if f.how == "person":
            return [f.entity]
        if f.how == "role":
            return self._role_phrase(h, f)
        if f.how == "adjective":
            return [self._adjective(h, f)]
        if f.how == "ethnic":
            return [self._ethnic(h, f)]
        if f.how == "demonym":                  # "Bosnian Serbs": the outer country is where they belong
            outer = self._belongs(h, f)
            if outer:
                return [self._group(h, o, "CVL", [], f.entity.evidence) for o in outer]
        if f.how in ("org", "organization") and f.entity.country is None:
            outer = self._belongs(h, f)
            if outer:
                return [replace(f.entity, country=outer[0].country,
                                evidence=f"{f.entity.evidence}; country from '{outer[0].text}' ({outer[0].evidence})")]
        return [f.entity]

    def _adjective(self, h: Token, f: Found) -> Entity:
        """A country adjective on its own; modifying a role noun, it takes that noun's sector."""
        t = h
        while t.dep_ == "conj" and t.head is not t:
            t = t.head
        hit = self._role_at[t.head.i] if t.dep_ in MODIFIER_DEPS else None
        if hit is None:
            return f.entity
        sector, others, evidence = self._sector(t.head, hit)
        return replace(f.entity, kind="group", sector=sector, other_sectors=others,
                       evidence=f"{f.entity.evidence} + {evidence}")

    def _ethnic(self, h: Token, f: Found) -> Entity:
        """"ethnic Albanians in south Serbia": an ethnic group belongs to the country it lives in."""
        places = self._places(h)
        code, why = (places[0].country, f"where they are: '{places[0].text}'") if places else self._context_country(h)
        text, span = self._text(h, f)
        if code is None:
            code, why = f.entity.country, "no other country named, so the people's own"
        return Entity(text, span, self._lexicon.country_name(code), "group", code, "CVL", [],
                      f"ethnic group ({f.entity.evidence}); country {code} from {why}")

    def _sector(self, h: Token, hit: Hit) -> tuple[str, list[str], str]:
        """The sector of role noun ``h``, narrowed by a role word modifying it ("rebel leaders" → REB)."""
        role = hit.role
        sector, others, evidence = role.sector, list(role.other_sectors), f"roles.yaml '{role.word}' ({role.sector})"
        for m in self._modifiers(h, set()):
            r = self._role_at[m.i]
            if r is not None and r is not hit and r.role.sector not in NON_NARROWING:
                others, sector = others + [sector], r.role.sector
                evidence += f" narrowed by '{r.role.word}' ({sector})"
        return sector, others, evidence

    def _modifiers(self, h: Token, preps: set[str]) -> list[Token]:
        """Direct modifiers of ``h`` and objects of its prepositions in ``preps``, with their conjuncts."""
        out = []
        for c in h.children:
            if c.dep_ in MODIFIER_DEPS:
                out.append(c)
            elif c.dep_ == "prep" and c.lower_ in preps:
                out += [p for p in c.children if p.dep_ == "pobj"]
        for t in list(out):
            out += [c for c in t.conjuncts if c.i > t.i]
        return out

    def _owner(self, m: Token) -> list[Entity]:
        """What the modifier token ``m`` says the phrase belongs to: a named actor, or a possessive pronoun's referent."""
        g = self._at[m.i]
        if g is None:
            return self._pronoun(m, None) if m.dep_ == "poss" and m.pos_ == "PRON" else []
        if g.how in ("role", "ethnic", "stance") or not g.entity.country:
            return []
        return [g.entity]

    def _belongs(self, h: Token, own: Found | None, depth: int = 2) -> list[Entity]:
        """Who a phrase belongs to, from its modifiers ("Israel's", "of Hungary", "UN", "their")."""
        out = []
        for m in self._modifiers(h, BELONG_PREPS):
            if own is not None and own.start <= m.i < own.end:
                continue
            found = self._owner(m)
            g = self._at[m.i]
            if found:
                out += [e for e in found if e.country]
            elif depth > 1 and (g is None or g.how == "role"):
                out += self._belongs(m, g, depth - 1)
        return out

    def _places(self, h: Token) -> list[Entity]:
        """Where a group is ("rebels in Darfur", "a group based in Trinidad"): its country, when nothing else says."""
        preps = [c for c in h.children if c.dep_ == "prep" and c.lower_ in PLACE_PREPS]
        preps += [p for a in h.children if a.dep_ == "acl" for p in a.children
                  if p.dep_ == "prep" and p.lower_ in PLACE_PREPS]
        out = []
        for o in (o for p in preps for o in p.children if o.dep_ == "pobj"):
            out += self._owner(o) or self._belongs(o, self._at[o.i], 1)
        return out

    def _role_phrase(self, h: Token, f: Found) -> list[Entity]:
        """A role noun with whatever names its owner: countries, organisations, a person, or context."""
        role = f.role
        sector, others, evidence = self._sector(h, self._role_at[h.i])
        appos = next((self._at[c.i] for c in h.children if c.dep_ == "appos" and self._at[c.i] is not None
                      and self._at[c.i].how == "person"), None)
        if appos is not None:
            return [appos.entity]
        owners = self._belongs(h, f) or self._places(h)
        codes = list(dict.fromkeys(o.country for o in owners))
        singular = h.tag_ in ("NN", "NNP") and not any(c.dep_ == "det" and c.lower_ in INDEFINITE for c in h.children)
        text, span = self._text(h, f)
        if role.title and singular and len(codes) <= 1:
            person = self._titled_person(role.word, h.i, codes[0] if codes else None)
            if person is not None:
                titles = "/".join(person.person.person.titles)
                return [replace(person.entity, text=text, span=span,
                                evidence=f"'{text}' → {person.entity.name} (registered as '{titles}')")]
        out = []
        for owner in owners:
            if any(e.country == owner.country for e in out):
                continue
            s, o = sector, list(others)
            if owner.kind == "organization" and owner.sector and s == "GOV":
                s, o = owner.sector, o + ["GOV"]   # "Hamas officials" are Hamas's (REB), not a government
            if "PRE" in (owner.sector, *owner.other_sectors) and s != "PRE":
                o.append("PRE")
            out.append(self._group(h, owner, s, o, evidence))
        if out:
            return out
        code, why = role.country, "roles.yaml"
        if code is None:
            code, why = self._context_country(h)
        if code is None:
            ethnic = [self._at[m.i] for m in self._modifiers(h, set()) if self._at[m.i] and self._at[m.i].how == "ethnic"]
            if ethnic:
                code, why = ethnic[0].entity.country, f"'{ethnic[0].entity.text}', no other country named"
        return [Entity(text, span, self._lexicon.country_name(code), "group", code, sector, others,
                       evidence + (f"; country {code} from {why}" if code else ""))]

    def _group(self, h: Token, owner: Entity, sector: str | None, others: list[str], evidence: str) -> Entity:
        text, span = self._text(h, None)
        name = owner.name if owner.kind == "organization" else self._lexicon.country_name(owner.country)
        return Entity(text, span, name, "group", owner.country, sector, others,
                      f"{evidence} + '{owner.text}' ({owner.evidence})")

    def _text(self, h: Token, f: Found | None) -> tuple[str, tuple[int, int]]:
        """The noun phrase as written: from its left edge to its head (and a trailing "of X")."""
        lo = h.left_edge.i
        hi = max(h.i + 1, f.end if f else 0)
        for c in h.rights:
            if (c.dep_ == "prep" and c.lower_ in BELONG_PREPS | PLACE_PREPS) or c.dep_ == "compound":
                hi = max(hi, c.right_edge.i + 1)
        span = self.doc[lo:hi]
        return span.text, (span.start_char, span.end_char)

    # --- people -----------------------------------------------------------------------

    def _finish_people(self) -> None:
        """Build person entities once the registry knows all it will (a later title counts too).

        A state office with no country named ("President Suharto") is taken to be
        the office of the one country the sentence or article names, if there is one.
        """
        for f in self._people:
            p = f.person.person
            if p.country is None and p.sector in STATE_OFFICES and p.titles:
                code, why = self._context_country(self.doc[f.start])
                if code:
                    p.country = code
                    p.evidence.append(f"country {code} from {why}")
        for f in self._people:
            m, p = f.person, f.person.person
            span = self.doc[m.start:m.end]
            evidence = m.how + (f"; {'; '.join(p.evidence)}" if p.evidence else "")
            f.entity = Entity(span.text, (span.start_char, span.end_char), p.name, "person", p.country,
                              m.sector or p.sector, list(p.other_sectors) + ([p.sector] if m.sector and p.sector else []),
                              evidence)

    def _titled_person(self, word: str, i: int, code: str | None) -> Found | None:
        """The registered person "the minister" refers to: the latest before ``i``, else the first after."""
        fits = [f for f in self._people if (code is None or f.person.person.country == code)
                and any(word in t or t in word for t in f.person.person.titles)]
        before = [f for f in fits if f.start < i]
        return before[-1] if before else (fits[0] if fits else None)

    # --- context, pronouns, speakers -----------------------------------------------------

    def _context_country(self, tok: Token) -> tuple[str | None, str]:
        codes = self._sent_codes.get(self._sent_of[tok.i], set())
        if len(codes) == 1:
            return next(iter(codes)), "document context (the only country named in the sentence)"
        if len(self._doc_codes) == 1:
            return next(iter(self._doc_codes)), "document context (the only country named in the article)"
        return None, ""

    def _last_two_countries(self, h: Token) -> list[Entity]:
        """"The two countries", "both sides": the last pair of countries named together before
        ``h`` ("Russia and Ukraine"), else the last two distinct countries named before it."""
        before = sorted((f for f in self._found if f.end <= h.i and f.entity.country), key=lambda f: -f.start)
        for f in before:
            root = self.doc[f.start:f.end].root
            partners = [root.head] if root.dep_ == "conj" else [c for c in root.children if c.dep_ == "conj"]
            other = next((self._at[p.i] for p in partners if self._at[p.i] is not None and self._at[p.i].entity.country
                          and self._at[p.i].entity.country != f.entity.country), None)
            if other is not None:
                found = [f.entity, other.entity]
                break
        else:
            found = []
            for f in before:
                if all(e.country != f.entity.country for e in found):
                    found.append(f.entity)
                if len(found) == 2:
                    break
        if len(found) < 2:
            return []
        text, span = self._text(h, None)
        return [Entity(text, span, e.name, "country", e.country, None, [], f"'{h.text}': '{e.text}', named before")
                for e in reversed(found)]

    def _antecedents(self, persons: bool) -> tuple[list[tuple[int, bool, Found]], list[int]]:
        """Candidate antecedents in text order, (head token index, is a subject, finding), and their indices."""
        out = []
        for f in self._found:
            if f.person is not None:
                root = self.doc[f.person.name_start:f.person.name_end].root
                if persons:
                    out.append((root.i, root.dep_ in SUBJECT_DEPS, f))
                continue
            root = self.doc[f.start:f.end].root
            if root.dep_ not in ARGUMENT_DEPS:
                continue
            if f.how == "role" and f.role.title:
                ents = self._role_phrase(root, f)
                if ents and ents[0].kind == "person":
                    if persons:
                        out.append((root.i, root.dep_ in SUBJECT_DEPS, f))
                    continue
            if not persons and f.how != "adjective":
                out.append((root.i, root.dep_ in SUBJECT_DEPS, f))
        out.sort(key=lambda c: c[0])
        return out, [c[0] for c in out]

    def _antecedent(self, tok: Token, persons: bool, plural: bool = True,
                    countries_only: bool = False) -> list[Entity]:
        """Most recent compatible actor, preferring grammatical subjects of this or the previous sentence."""
        if self._depth > 2:                     # an antecedent's own possessive pronoun, and so on: stop early
            return []
        self._depth += 1
        try:
            return self._find_antecedent(tok, persons, plural, countries_only)
        finally:
            self._depth -= 1

    def _find_antecedent(self, tok: Token, persons: bool, plural: bool, countries_only: bool) -> list[Entity]:
        cands, where = self._person_ante if persons else self._thing_ante
        n = bisect_left(where, tok.i)
        sent = self._sent_of[tok.i]
        found: list[Entity] = []
        for window in (sent, sent - 1):
            subject: list[Entity] = []
            latest: list[Entity] = []
            for i, is_subject, f in reversed(cands[:n]):
                if self._sent_of[i] > window:
                    continue
                if self._sent_of[i] < window:
                    break
                ent = self._phrase(self.doc[i], None) if persons else self.entities_for(self.doc[i])
                if not ent or (countries_only and ent[0].kind != "country"):
                    continue
                if not persons and (ent[0].kind == "person" or not plural and self.doc[i].tag_ in ("NNS", "NNPS")):
                    continue
                latest = latest or ent
                if is_subject:
                    subject = ent
                    break
            found = subject or latest
            if found:
                break
        if not found and persons and n:       # people stay in focus longer than two sentences
            found = self._phrase(self.doc[cands[n - 1][0]], None)
        return [replace(e, text=tok.text, span=(tok.idx, tok.idx + len(tok.text)),
                        evidence=f"pronoun '{tok.text}' → {e.name or e.text}") for e in found]

    def _pronoun(self, tok: Token, speaker: Entity | None) -> list[Entity]:
        low = tok.lower_
        if low in FIRST_SINGULAR:
            return [replace(speaker, text=tok.text, span=(tok.idx, tok.idx + len(tok.text)),
                            evidence=f"first person '{tok.text}' → speaker")] if speaker else []
        if low in FIRST_PLURAL:
            return self._speaker_country(tok.text, (tok.idx, tok.idx + len(tok.text)), speaker, None)
        if low in PERSON_PRONOUNS:
            return self._antecedent(tok, persons=True)
        if low in GROUP_PRONOUNS:
            return self._antecedent(tok, persons=False, plural=True)
        if low in THING_PRONOUNS and not _expletive(tok):
            return self._antecedent(tok, persons=False, plural=False)
        return []

    def _ours(self, h: Token, f: Found | None, speaker: Entity | None) -> list[Entity]:
        """"our country" → the speaker's country; "our government" → its government."""
        text, span = self._text(h, f)
        if h.lower_ in COUNTRY_NOUNS or h.lemma_.lower() in COUNTRY_NOUNS:
            return self._speaker_country(text, span, speaker, None)
        if f is not None:
            return self._speaker_country(text, span, speaker, f.role)
        return []

    def _speaker_country(self, text: str, span: tuple[int, int], speaker: Entity | None,
                         role: Role | None) -> list[Entity]:
        if speaker is None:
            return []
        sector = role.sector if role else None
        how = f"first person plural '{text}' → speaker's " + ("country" if role is None else f"{role.word}")
        if speaker.kind in ("organization", "country") and not (speaker.kind == "country" and role):
            return [replace(speaker, text=text, span=span, evidence=how)]
        if not speaker.country:
            return []
        return [Entity(text, span, self._lexicon.country_name(speaker.country), "country", speaker.country,
                       sector, [], f"{how} ({speaker.name or speaker.text})")]


def _expletive(tok: Token) -> bool:
    """"It was noted that ...", "it is important to ...": an "it" that stands for no actor."""
    if tok.dep_ == "expl":
        return True
    if tok.dep_ not in SUBJECT_DEPS:
        return False
    head = tok.head
    if any(c.dep_ in ("ccomp", "csubj", "csubjpass") for c in head.children) and head.lemma_ != "say":
        return True
    return any(c.dep_ in ("acomp", "attr") and any(g.dep_ in ("xcomp", "ccomp") for g in c.children)
               for c in head.children) or (head.lemma_ == "be" and any(c.dep_ == "xcomp" for c in head.children))
