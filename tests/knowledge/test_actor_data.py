"""The actor knowledge files: they load, their codes are PLOVER's, and no name means two countries."""
from collections import defaultdict
from datetime import date

import pycountry
import pytest

from dotterel.knowledge import NON_STATE, SECTORS, load_actors, load_countries, load_roles

EXTRA_CODES = {"KOS"}          # PLOVER's code for Kosovo, which has no ISO alpha-3


@pytest.fixture(scope="module")
def countries():
    return load_countries()


@pytest.fixture(scope="module")
def actors():
    return load_actors()


@pytest.fixture(scope="module")
def roles():
    return load_roles()


def _valid_code(code):
    return code in EXTRA_CODES or pycountry.countries.get(alpha_3=code) is not None


def test_country_codes_are_iso_or_kosovo(countries):
    bad = [c.code for c in countries if not _valid_code(c.code)]
    assert not bad
    assert len({c.code for c in countries}) == len(countries)


def test_states_and_special_territories_are_present(countries):
    codes = {c.code for c in countries}
    # PLOVER: independent states (Holy See included), plus Hong Kong, Palestine, Kosovo, Antarctica
    for code in ("USA", "RUS", "CHN", "AZE", "ARM", "VAT", "HKG", "PSE", "KOS", "ATA", "TWN", "SSD"):
        assert code in codes
    assert len(codes) >= 195


def test_every_iso_entry_is_a_row_or_folded_into_one(countries, actors):
    """Dependencies have no row of their own but must be an alias of the state that controls them
    (or, like Western Sahara, a region entry of the actor file)."""
    known = {n for c in countries for n in (c.name, *c.aliases)}
    known |= {n for a in actors if a.kind == "region" and a.country for n in (a.name, *a.aliases)}
    codes = {c.code for c in countries}
    missing = []
    for entry in pycountry.countries:
        names = {entry.name, getattr(entry, "common_name", ""), getattr(entry, "official_name", "")}
        names |= {n.split(" (")[0].split(",")[0] for n in names}
        if entry.alpha_3 not in codes and not names & known and entry.alpha_3 != "UMI":
            missing.append(entry.alpha_3)
    assert not missing


def test_no_country_string_names_two_countries(countries):
    owners = defaultdict(set)
    for c in countries:
        for s in (c.name, *c.aliases, *c.adjectives, *c.demonyms, *c.capitals):
            owners[s].add(c.code)
    assert {s: o for s, o in owners.items() if len(o) > 1} == {}


def test_common_short_forms_are_known(countries):
    by_string = {s: c.code for c in countries for s in (c.name, *c.aliases, *c.adjectives, *c.demonyms)}
    for text, code in [("US", "USA"), ("U.S.", "USA"), ("United States of America", "USA"), ("America", "USA"),
                       ("Britain", "GBR"), ("UK", "GBR"), ("Great Britain", "GBR"), ("Russian Federation", "RUS"),
                       ("North Korea", "PRK"), ("DPRK", "PRK"), ("Burma", "MMR"), ("Ivory Coast", "CIV"),
                       ("Czech Republic", "CZE"), ("Azerbaijani", "AZE"), ("American", "USA"), ("British", "GBR"),
                       ("Israeli", "ISR"), ("Azerbaijanis", "AZE"), ("Palestinians", "PSE")]:
        assert by_string.get(text) == code, text


def test_actor_codes_and_sectors(actors):
    for a in actors:
        assert a.country is None or a.country in NON_STATE or _valid_code(a.country), a.name
        assert a.sector is None or a.sector in SECTORS, a.name
        assert all(s in SECTORS for s in a.other_sectors), a.name
        assert a.kind in ("organization", "person", "group", "region"), a.name
        assert a.country is not None or a.kind == "region", f"{a.name}: only regional constructs lack a country"


def test_actor_dates(actors):
    for a in actors:
        days = [date.fromisoformat(d) for d in (a.valid_from, a.valid_to) if d]
        assert days == sorted(days), a.name
        if a.kind == "person":
            assert a.valid_from and a.sector, f"{a.name}: people need the date their office began"


def test_actor_names_do_not_contradict(actors, countries):
    """One name, one country, except entries whose dates do not overlap (the Taliban before and after 2021)."""
    country_of = {s: c.code for c in countries for s in (c.name, *c.aliases, *c.adjectives, *c.demonyms)}
    seen = defaultdict(list)
    for a in actors:
        for s in (a.name, *a.aliases):
            assert country_of.get(s, a.country) == a.country, f"{s!r}: {a.country} vs countries.tsv {country_of[s]}"
            seen[s].append(a)
    for s, entries in seen.items():
        for i, x in enumerate(entries):
            for y in entries[i + 1:]:
                if x.country != y.country:
                    assert (x.valid_to and y.valid_from and x.valid_to < y.valid_from) or \
                           (y.valid_to and x.valid_from and y.valid_to < x.valid_from), s


def test_brief_actors(actors):
    by_name = {}
    for a in actors:
        for s in (a.name, *a.aliases):
            by_name.setdefault(s, a)
    expected = {"UN": ("UNO", None), "UN Security Council": ("UNO", "GOV"), "UNHCR": ("UNO", "REF"),
                "European Commission": ("EUR", "GOV"), "NATO": ("IGO", "MIL"), "ICC": ("IGO", "JUD"),
                "Amnesty International": ("NGO", "SOC"), "ISIS": ("IMG", "REB"), "al-Shabaab": ("IMG", "REB"),
                "Hamas": ("PSE", "REB"), "Hezbollah": ("LBN", "REB"), "Houthis": ("YEM", "REB"),
                "Kremlin": ("RUS", "GOV"), "Pentagon": ("USA", "MIL"), "Knesset": ("ISR", "LEG"),
                "Abkhazia": ("GEO", "PRE"), "Nagorno-Karabakh": ("AZE", "PRE"), "Transnistria": ("MDA", "PRE"),
                "Donetsk People's Republic": ("UKR", "PRE")}
    for name, (code, sector) in expected.items():
        assert (by_name[name].country, by_name[name].sector) == (code, sector), name
    turk = by_name["Volker Türk"]
    assert (turk.country, turk.kind, turk.valid_from) == ("UNO", "person", "2022-10-17")


def test_roles(roles):
    by_word = {r.word: r for r in roles}
    assert len(by_word) == len(roles)
    for word, sector in [("minister", "GOV"), ("troops", "MIL"), ("police", "COP"), ("security forces", "COP"),
                         ("court", "JUD"), ("lawmaker", "LEG"), ("rebel", "REB"), ("gunman", "UAF"),
                         ("protester", "CVL"), ("student", "EDU"), ("journalist", "JRN"), ("worker", "LAB"),
                         ("farmer", "AGR"), ("doctor", "MED"), ("refugee", "REF"), ("opposition", "OPP"),
                         ("party", "PTY"), ("cleric", "REL"), ("company", "BUS")]:
        assert by_word[word].sector == sector, word
    for title in ("foreign minister", "president", "prime minister", "high commissioner", "secretary-general",
                  "ambassador", "general", "senator", "high commissioner for human rights"):
        assert by_word[title].title, title
    assert not by_word["troops"].title
