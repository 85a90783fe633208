"""Knowledge lives in data files, not code: this module only reads and checks them.

Files (all under ``knowledge/data/``, versioned with the package):

- ``countries.tsv``   code, name, aliases, adjectives, demonyms, capitals (``|``-separated lists)
- ``actors.yaml``     named actors: organisations, institutions, groups, people
- ``roles.yaml``      role nouns ("minister", "army", "protesters") and person titles → sector
- ``events.yaml``     event trigger lexicon (lemma, part of speech, category, mode, note)
- ``modes.yaml``      words elsewhere in the sentence that refine an event's mode
- ``categories.yaml`` per PLOVER category: quad class, score, per-mode scores, CAMEO codes
- ``contexts.yaml``   PLOVER context → keywords for document-level context tagging
- ``statements.yaml`` words that make a statement an event: wrongdoing nouns (an accusation),
  dismissive adjectives (a rejection), claim nouns, verbs that negate their complement

Users add their own actors with extra files in the ``actors.yaml`` format (or a
TSV with columns name, aliases, country, sector, valid_from, valid_to), passed
to ``Coder(actor_files=[...])`` or ``dotterel code --actors FILE``.
"""
from __future__ import annotations

import csv
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable

import yaml

DATA = Path(__file__).parent / "data"

CATEGORIES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)

SECTORS = (
    "COP", "GOV", "JUD", "LEG", "MIL", "PRM", "PTY", "REB", "SPY", "UAF", "UNK", "AGR", "BUS",
    "CRM", "CVL", "EDU", "ELI", "JRN", "LAB", "MED", "REF", "OPP", "PRE", "REL", "SOC",
)

NON_STATE = ("IGO", "UNO", "EUR", "NGO", "ISM", "IMG", "MNC")


class KnowledgeError(ValueError):
    """A knowledge file that does not follow its format; names the file and entry."""


def _split(cell: str | None) -> list[str]:
    return [x.strip() for x in (cell or "").split("|") if x.strip()]


@dataclass(frozen=True)
class Country:
    code: str
    name: str
    aliases: tuple[str, ...] = ()
    adjectives: tuple[str, ...] = ()
    demonyms: tuple[str, ...] = ()
    capitals: tuple[str, ...] = ()


@dataclass(frozen=True)
class ActorEntry:
    """A named actor: ``country`` is ISO alpha-3 or a PLOVER non-state code."""

    name: str
    country: str | None
    sector: str | None = None
    aliases: tuple[str, ...] = ()
    other_sectors: tuple[str, ...] = ()
    kind: str = "organization"
    valid_from: str | None = None
    valid_to: str | None = None
    note: str = ""


@dataclass(frozen=True)
class Role:
    """A role noun or title: the sector it implies, and whether it titles a person."""

    word: str
    sector: str
    other_sectors: tuple[str, ...] = ()
    title: bool = False
    country: str | None = None


def load_countries(path: Path | None = None) -> list[Country]:
    path = path or DATA / "countries.tsv"
    rows = []
    with open(path, encoding="utf-8") as fh:
        for n, row in enumerate(csv.DictReader((l for l in fh if not l.startswith("#")), delimiter="\t"), 2):
            code = (row.get("code") or "").strip()
            name = (row.get("name") or "").strip()
            if len(code) != 3 or not code.isupper() or not name:
                raise KnowledgeError(f"{path}:{n}: needs a 3-letter upper-case code and a name")
            rows.append(Country(code, name, *(tuple(_split(row.get(c))) for c in
                                              ("aliases", "adjectives", "demonyms", "capitals"))))
    return rows


def _actor_from(d: dict[str, Any], where: str) -> ActorEntry:
    if not d.get("name"):
        raise KnowledgeError(f"{where}: actor needs a name")
    sector = d.get("sector") or None
    if sector and sector not in SECTORS:
        raise KnowledgeError(f"{where}: unknown sector {sector!r}")
    aliases = d.get("aliases") or ()
    if isinstance(aliases, str):
        aliases = _split(aliases)
    others = d.get("other_sectors") or ()
    if isinstance(others, str):
        others = _split(others)
    return ActorEntry(
        name=str(d["name"]), country=d.get("country") or None, sector=sector,
        aliases=tuple(str(a) for a in aliases), other_sectors=tuple(others),
        kind=d.get("kind", "organization"),
        valid_from=str(d["valid_from"]) if d.get("valid_from") else None,
        valid_to=str(d["valid_to"]) if d.get("valid_to") else None,
        note=d.get("note", ""),
    )


def load_actors(path: Path | None = None) -> list[ActorEntry]:
    """Read an actors file: YAML list of mappings, or TSV with a header row."""
    path = Path(path or DATA / "actors.yaml")
    if path.suffix in (".tsv", ".txt", ".csv"):
        delim = "," if path.suffix == ".csv" else "\t"
        with open(path, encoding="utf-8") as fh:
            rows = list(csv.DictReader((l for l in fh if not l.startswith("#")), delimiter=delim))
        return [_actor_from(r, f"{path}:{i}") for i, r in enumerate(rows, 2)]
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or []
    if not isinstance(data, list):
        raise KnowledgeError(f"{path}: expected a list of actors")
    return [_actor_from(d, f"{path}: entry {i}") for i, d in enumerate(data, 1)]


def load_roles(path: Path | None = None) -> list[Role]:
    path = path or DATA / "roles.yaml"
    data = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or []
    roles = []
    for i, d in enumerate(data, 1):
        if d.get("sector") not in SECTORS:
            raise KnowledgeError(f"{path}: entry {i} ({d.get('word')!r}): unknown sector {d.get('sector')!r}")
        others = d.get("other_sectors") or ()
        roles.append(Role(str(d["word"]).lower(), d["sector"],
                          tuple(_split(others) if isinstance(others, str) else others),
                          bool(d.get("title", False)), d.get("country")))
    return roles


def load_yaml(name: str) -> Any:
    return yaml.safe_load((DATA / name).read_text(encoding="utf-8"))


@dataclass
class Knowledge:
    """All knowledge files, read once per process (see :func:`default`)."""

    countries: list[Country]
    actors: list[ActorEntry]
    roles: list[Role]
    events: dict[str, Any]
    modes: dict[str, Any]
    categories: dict[str, Any]
    contexts: dict[str, Any]
    statements: dict[str, Any]
    extra_actor_files: tuple[str, ...] = field(default=())

    @classmethod
    def load(cls, actor_files: Iterable[str | Path] = ()) -> "Knowledge":
        actor_files = tuple(str(p) for p in actor_files)
        actors = load_actors()
        for p in actor_files:
            actors = actors + load_actors(Path(p))
        return cls(
            countries=load_countries(), actors=actors, roles=load_roles(),
            events=load_yaml("events.yaml") or {}, modes=load_yaml("modes.yaml") or {},
            categories=load_yaml("categories.yaml") or {}, contexts=load_yaml("contexts.yaml") or {},
            statements=load_yaml("statements.yaml") or {},
            extra_actor_files=actor_files,
        )


@lru_cache(maxsize=8)
def default(actor_files: tuple[str, ...] = ()) -> Knowledge:
    """The packaged knowledge plus any user actor files, loaded once per process."""
    return Knowledge.load(actor_files)
