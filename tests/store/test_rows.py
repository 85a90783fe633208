"""rows.py: the flat rows of a Result have exactly the SCHEMA columns and stable keys."""
from datetime import date

from dotterel.model import Document, Entity, Event, Location, TextSpan
from dotterel.store import rows as R
from ingest_samples import ARTICLES


def test_rows_have_the_schema_columns_in_order_and_consistent_keys(coder):
    a = ARTICLES[1]
    res = coder.code(a["text"], published=a["published"], title=a["title"], source=a["source"], url=a["url"],
                     doc_id=a["id"])
    tables = R.result_rows(res, origin="x.jsonl:2")
    assert set(tables) == set(R.SCHEMA)
    for table, rows in tables.items():
        for row in rows:
            assert list(row) == [c for c, _ in R.SCHEMA[table]], table
    doc = tables["documents"][0]
    assert doc["doc_key"] == R.document_key(res.document) and doc["origin"] == "x.jsonl:2"
    assert doc["published"] == date(2023, 9, 14) and doc["n_events"] == len(tables["events"])
    events = tables["events"]
    assert events and all(e["doc_key"] == doc["doc_key"] for e in events)
    assert [e["event_key"] for e in events] == [f"{doc['doc_key']}:{n}" for n in range(1, len(events) + 1)]
    assert sum(e["is_main"] for e in events) == 1
    links = {(x["event_key"], x["role"]) for x in tables["event_actors"]}
    meeting = next(e for e in events if e["event"] == "CONSULT")
    assert (meeting["event_key"], "actor") in links and (meeting["event_key"], "recipient") in links
    # coding the same document again gives the same rows
    again = R.result_rows(coder.code(a["text"], published=a["published"], title=a["title"], source=a["source"],
                                     url=a["url"], doc_id=a["id"]), origin="x.jsonl:2")
    assert again == tables


def test_keys_follow_content_not_location():
    d1 = Document(text="Troops crossed the border.", id="a", source="Wire")
    d2 = Document(text="Troops  crossed the BORDER.", id="b", source="Other")
    assert R.document_key(d1) != R.document_key(d2)
    assert R.text_hash(d1.text) == R.text_hash(d2.text)


def _event(date_=None, actor=("AZE",), recipient=("ARM",), place=None, negated=False):
    ents = lambda codes: [Entity(text=c, span=(0, 3), country=c) for c in codes]  # noqa: E731
    return Event(id="e1", event="ACCUSE", mode=None, trigger=TextSpan("accused", (0, 7)),
                 sentence=TextSpan("s", (0, 1)), actor=ents(actor), recipient=ents(recipient),
                 date=date_, negated=negated,
                 location=Location(text=place, span=(0, 1), name=place, country="AZE") if place else None)


def test_cluster_key_window_codes_place_and_fallbacks():
    key = R.cluster_key(_event("2023-09-12", place="Lachin"), "2023-09-13", "d1")
    assert key == "ACCUSE|AZE|ARM|AZE:lachin|2023-09-11"
    # same 3-day window, other article: same key; next window: another key
    assert R.cluster_key(_event("2023-09-13", place="Lachin"), None, "d2") == key
    assert R.cluster_key(_event("2023-09-14", place="Lachin"), None, "d2") != key
    # no event day: the publication day; partial dates do not count as days
    assert R.cluster_key(_event("2023-09", place="Lachin"), "2023-09-12", "d3") == key
    # actors are a set: order does not matter
    assert R.cluster_key(_event("2023-09-12", actor=("RUS", "AZE")), None, "x") == \
        R.cluster_key(_event("2023-09-12", actor=("AZE", "RUS")), None, "y")
    # nothing to match on, or no date: the cluster is the document's own
    assert R.cluster_key(_event("2023-09-12", actor=(), recipient=()), None, "d9").endswith("|d9")
    assert R.cluster_key(_event(None), None, "d8").endswith("|d8")
    assert R.cluster_key(_event("2023-09-12", negated=True), None, "d1") is None
