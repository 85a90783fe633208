"""People: a title or an apposition anywhere in an article registers a person for the whole article.

News names a person in full once, with a title ("Foreign Minister of the Republic
of Azerbaijan Jeyhun Bayramov"), then says "Minister Jeyhun Bayramov",
"Bayramov" or "the minister".  The registry built here lets every later mention
inherit the country and sector the first one established.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc

from dotterel.actors.matching import Hit, Pieces

# Words allowed between a title, the country it belongs to and the name
# ("Minister *of the* Republic of Azerbaijan", "Jordan*'s* King Abdullah").
CONNECTORS = {"of", "for", "the", "'s", "\u2019s", "-"}
MAX_GAP = 4


@dataclass(eq=False)
class Person:
    """One person of the article, whatever the form of each mention."""

    name: str
    country: str | None = None
    sector: str | None = None
    other_sectors: tuple[str, ...] = ()
    titles: list[str] = field(default_factory=list)
    evidence: list[str] = field(default_factory=list)


@dataclass(eq=False)
class PersonMention:
    """Where a person is named: the whole mention (title included) and the name inside it."""

    start: int
    end: int
    name_start: int
    name_end: int
    person: Person
    sector: str | None = None      # this mention's own sector ("former President X" is ELI)
    how: str = ""                  # how this mention was recognised


@dataclass
class _Chain:
    start: int
    titles: list[Hit]
    country: Hit | None
    former: bool


def _candidates(doc: Doc, pieces: Pieces) -> list[tuple[int, int, Hit | None]]:
    """Name spans: dictionary people, NER people, and capitalised names right after a title or role word."""
    out = [(h.start, h.end, h) for h in pieces.proper if h.sense.how == "person"]
    out += [(s, e, None) for s, e in pieces.names]
    taken = {i for s, e, _ in out for i in range(s, e)} | {i for h in pieces.orgs for i in range(h.start, h.end)}
    for r in pieces.roles:
        j = r.end
        while r.role.title and j < len(doc) and (doc[j].lower_ in ("of", "for", "the") or pieces.proper_at[j]):
            j = pieces.proper_at[j].end if pieces.proper_at[j] else j + 1   # "Minister of the Republic of X" Name
        k = j
        while (k < len(doc) and doc[k].pos_ == "PROPN" and (doc[k].is_title or doc[k].is_upper)
               and doc[k].ent_type_ in ("", "PERSON") and k not in taken
               and not pieces.proper_at[k] and not pieces.role_at[k]):
            k += 1
        if k > j:
            out.append((j, k, None))
    return sorted(out, key=lambda c: c[0])


def _chain(doc: Doc, s: int, pieces: Pieces, sent_lo: int, name_at: set[int]) -> _Chain | None:
    """Walk left from a name over its titles, qualifiers and country ("Israeli Prime Minister")."""
    titles: list[Hit] = []
    country: Hit | None = None
    former = False
    start, j, gap = s, s - 1, 0
    while j >= sent_lo and gap <= MAX_GAP and j not in name_at:
        r, p, t = pieces.role_at[j], pieces.proper_at[j], doc[j]
        if r is not None:
            if r.role.sector == "ELI":
                former = True
            elif r.role.title and titles and gap:
                break                           # a second, separate title: another person's
            elif r.role.title or titles or (r.end == s):
                titles.append(r)                # any role right before a name describes it ("U.S. negotiator X")
            else:
                break
            start, j, gap = r.start, r.start - 1, 0
        elif p is not None:
            if country is not None or not p.sense.code or p.sense.how == "person":
                break
            country, start, j, gap = p, p.start, p.start - 1, 0
        elif (t.text in CONNECTORS or t.pos_ == "ADJ" or t.tag_ in ("VBG", "VBN")
              or (t.pos_ == "PROPN" and t.is_title)):
            j, gap = j - 1, gap + 1
        else:
            break
    if not titles:
        if country is None or any(doc[k].text not in ("'s", "\u2019s") for k in range(country.end, s)):
            return None
        start = country.start
    return _Chain(start, titles, country, former)


def _of_country(doc: Doc, e: int, pieces: Pieces) -> Hit | None:
    """"King Hassan *of Morocco*": a country named right after the name."""
    if e < len(doc) and doc[e].lower_ == "of":
        k = e + 1 + (e + 1 < len(doc) and doc[e + 1].lower_ == "the")
        p = pieces.proper_at[k] if k < len(doc) else None
        if p is not None and p.start == k and p.sense.code and p.sense.how != "person":
            return p
    return None


def _apposition(doc: Doc, s: int, e: int, pieces: Pieces) -> tuple[Hit, Hit | None] | None:
    """"Jeyhun Bayramov, Azerbaijan's foreign minister," or "the foreign minister, Jeyhun Bayramov"."""
    root = doc[s:e].root
    links = [c for c in root.children if c.dep_ == "appos"]
    if root.dep_ == "appos":
        links.append(root.head)
    for other in links:
        role = pieces.role_at[other.i]
        if role is None or not role.role.title:
            continue
        lo, hi = (other.left_edge.i, other.right_edge.i + 1) if other.head.i == root.i else (other.left_edge.i, other.i + 1)
        country = next((pieces.proper_at[k] for k in range(lo, hi)
                        if pieces.proper_at[k] is not None and pieces.proper_at[k].sense.code
                        and not s <= k < e), None)
        return role, country
    return None


def find_people(doc: Doc, pieces: Pieces, sent_start: list[int]) -> list[PersonMention]:
    """Every person mention of the article, with the registry's merged knowledge of each person."""
    for org in [o for o in pieces.orgs if _apposition(doc, o.start, o.end, pieces)]:
        pieces.orgs.remove(org)                 # "X, Azerbaijan's foreign minister": only people have titles
        pieces.names.append((org.start, org.end))
    candidates = _candidates(doc, pieces)
    name_at = {i for s, e, _ in candidates for i in range(s, e)}
    by_name: dict[str, Person] = {}
    by_surname: dict[str, Person] = {}
    mentions: list[PersonMention] = []
    for s, e, hit in candidates:
        if mentions and s < mentions[-1].end:
            continue
        while e > s and doc[e - 1].text in ("'s", "\u2019s"):
            e -= 1
        sense = hit.sense if hit else None
        key = sense.name if sense else doc[s:e].text
        person = by_name.get(key) or (by_surname.get(key) if e - s == 1 else None)
        if person is None:
            person = by_name[key] = Person(key)
            by_surname.setdefault(doc[e - 1].text, person)
        if sense and person.country is None:
            person.country, person.sector, person.other_sectors = sense.code, sense.sector, sense.other_sectors
            person.evidence.append(sense.evidence)
        mentions.append(_describe(doc, s, e, person, pieces, sent_start[s], name_at - set(range(s, e)),
                                  "name in actor file" if sense else "name"))
    mentions += _surnames(doc, pieces, by_surname, {i for m in mentions for i in range(m.start, m.end)})
    return sorted(mentions, key=lambda m: m.start)


def _describe(doc: Doc, s: int, e: int, person: Person, pieces: Pieces, sent_lo: int, name_at: set[int],
              how: str) -> PersonMention:
    """One mention of ``person``: its title and country words, which the registry learns from."""
    chain = _chain(doc, s, pieces, sent_lo, name_at)
    end, country = e, chain.country if chain else None
    after = _of_country(doc, e, pieces)
    if after is not None and country is None:
        country, end = after, after.end
    title = chain.titles[0] if chain and chain.titles else None
    if title is not None:
        how = f"title '{title.role.word}' + name"
    elif country is None and (appos := _apposition(doc, s, e, pieces)):
        (title, country), how = appos, f"apposition '{appos[0].role.word}'"
    if title is not None:
        role = title.role
        if role.word not in person.titles:
            person.titles.append(role.word)
        if person.sector is None:
            person.sector, person.other_sectors = role.sector, role.other_sectors
            person.evidence.append(f"sector from title '{role.word}'")
        if person.country is None and country is None and role.country:
            person.country = role.country
            person.evidence.append(f"country from title '{role.word}'")
    if country is not None and person.country is None:
        person.country = country.sense.code
        person.evidence.append(f"country from '{doc[country.start:country.end].text}' ({country.sense.evidence})")
    return PersonMention(chain.start if chain else s, end, s, e, person,
                         "ELI" if chain and chain.former else None, how)


def _surnames(doc: Doc, pieces: Pieces, by_surname: dict[str, Person], taken: set[int]) -> list[PersonMention]:
    """Later bare mentions of a registered person ("Bayramov") that the NER did not tag."""
    out = []
    for tok in doc:
        person = by_surname.get(tok.text) if tok.pos_ == "PROPN" and tok.i not in taken else None
        if person is None or pieces.proper_at[tok.i] or any(h.start <= tok.i < h.end for h in pieces.orgs):
            continue
        width = len(person.name.split())
        start = tok.i - width + 1
        if start < 0 or doc[start:tok.i + 1].text != person.name or any(i in taken for i in range(start, tok.i)):
            start = tok.i
        out.append(PersonMention(start, tok.i + 1, start, tok.i + 1, person, None, f"registered person '{person.name}'"))
    return out
