"""The JSON API through the real app: every endpoint, filters, paging and errors.

Filter tests compare the API's answer with the same selection made in Python over the
unfiltered list, so they hold whatever the coder finds in the test articles."""
from __future__ import annotations

from datetime import date

import pytest

from webhelpers import ARTICLES, all_events


def codes(entities, field="country"):
    return {e[field] for e in entities if e.get(field)}


# ---------------------------------------------------------------- POST /api/code
def test_code_returns_the_coders_result_and_stores_nothing(fresh, web_coder):
    a = ARTICLES[1]
    r = fresh.post("/api/code", json={"text": a["text"], "published": a["published"]})
    assert r.status_code == 200, r.text
    got = r.json()
    expected = web_coder.code(a["text"], published=a["published"]).to_dict()
    assert got["events"] == expected["events"] and got["quotes"] == expected["quotes"]
    assert any(e["event"] == "CONSULT" and a["text"][slice(*e["trigger"]["span"])] == e["trigger"]["text"]
               for e in got["events"])
    assert fresh.get("/api/events").json()["total"] == 0
    assert fresh.get("/?format=json").json()["totals"]["documents"] == 0


@pytest.mark.parametrize("body, words", [
    ({"text": "   "}, "empty text"),
    ({"text": "Talks were held.", "published": "13/13/2023"}, "publication date"),
    ({"text": "x" * 200_001}, "200,000"),
    ({"text": "Talks were held.", "colour": "red"}, "colour"),
    ({"published": "2023-09-13"}, "text"),
])
def test_code_rejects_bad_input_with_a_clear_422(fresh, body, words):
    r = fresh.post("/api/code", json=body)
    assert r.status_code == 422
    assert words in r.json()["detail"]


def test_malformed_json_body_is_422(fresh):
    r = fresh.post("/api/code", content=b'{"text": "unterminated', headers={"content-type": "application/json"})
    assert r.status_code == 422


# ---------------------------------------------------------------- POST /api/documents
def test_store_reports_each_document_and_keeps_going_past_bad_ones(fresh):
    docs = [dict(ARTICLES[0]), {"text": ""}, {"text": "Leaders met.", "published": "someday"}, dict(ARTICLES[2])]
    r = fresh.post("/api/documents", json={"documents": docs})
    assert r.status_code == 200, r.text
    out = r.json()
    assert out["stored"] == 2
    statuses = [d["status"] for d in out["documents"]]
    assert statuses == ["coded", "error", "error", "coded"]
    assert "document 2" in out["documents"][1]["error"] and "empty" in out["documents"][1]["error"]
    assert "someday" in out["documents"][2]["error"]
    for d in (out["documents"][0], out["documents"][3]):
        doc = fresh.get(f"/api/documents/{d['key']}").json()
        assert len(doc["events"]) == d["events"] > 0

    # again: nothing new; a copy of a stored text under other metadata is a duplicate, not coded
    copy = dict(ARTICLES[0], id="copy", source="Other")
    again = fresh.post("/api/documents", json={"documents": [dict(ARTICLES[0]), copy]}).json()
    assert [d["status"] for d in again["documents"]] == ["already_stored", "duplicate"]
    assert again["documents"][1]["duplicate_of"] == out["documents"][0]["key"]
    assert again["stored"] == 0
    totals = fresh.get("/?format=json").json()["totals"]
    assert totals["documents"] == 2
    assert totals["events"] == out["documents"][0]["events"] + out["documents"][3]["events"]


def test_store_with_only_bad_documents_is_422(fresh):
    r = fresh.post("/api/documents", json={"documents": [{"text": "\x00\x01\x02\x03" * 50}]})
    assert r.status_code == 422
    assert "binary" in r.json()["documents"][0]["error"]


def test_store_refuses_too_many_documents(fresh):
    r = fresh.post("/api/documents", json={"documents": [{"text": f"Talk {i}."} for i in range(51)]})
    assert r.status_code == 422
    assert "50" in r.json()["detail"]


# ---------------------------------------------------------------- size limits
def test_oversize_body_is_413_before_it_is_read(fresh):
    big = b'{"text": "' + b"a" * (3 * 1024 * 1024) + b'"}'
    r = fresh.post("/api/code", content=big, headers={"content-type": "application/json"})
    assert r.status_code == 413
    assert "limit" in r.json()["detail"]


def test_oversize_streamed_body_without_length_is_413(fresh):
    def chunks():
        yield b'{"documents": [{"text": "'
        for _ in range(40):
            yield b"b" * 65536
        yield b'"}]}'
    r = fresh.post("/api/documents", content=chunks(), headers={"content-type": "application/json"})
    assert r.status_code == 413
    assert fresh.get("/api/events").json()["total"] == 0


# ---------------------------------------------------------------- GET /api/events
def test_events_list_has_documents_and_parties(loaded):
    client, outcomes = loaded
    events = all_events(client)
    assert len(events) == sum(o["events"] for o in outcomes.values())
    for ev in events:
        assert ev["document"]["key"] == ev["doc_key"]
        doc = client.get(f"/api/documents/{ev['doc_key']}").json()
        assert doc["text"][slice(*ev["trigger"]["span"])] == ev["trigger"]["text"]
        assert not ev["negated"]


@pytest.mark.parametrize("param, value, pick", [
    ("actor", "RUS", lambda e: "RUS" in codes(e["actor"])),
    ("actor", "UKRGOV", lambda e: "UKRGOV" in codes(e["actor"], "code")),
    ("actor", "volodymyr zelensky", lambda e: "Volodymyr Zelensky" in codes(e["actor"], "name")),
    ("recipient", "UKR", lambda e: "UKR" in codes(e["recipient"])),
    ("country", "DEU", lambda e: "DEU" in codes(e["actor"] + e["recipient"])
     or (e["location"] or {}).get("country") == "DEU"),
    ("event", "consult", lambda e: e["event"] == "CONSULT"),
    ("mode", "heavy-weapons", lambda e: e["mode"] == "heavy-weapons"),
    ("text", "energy", lambda e: "energy" in e["sentence"]["text"].lower()),
])
def test_event_filters_select_what_they_name(loaded, param, value, pick):
    client, _ = loaded
    everything = all_events(client)
    expected = {e["key"] for e in everything if pick(e)}
    assert expected, f"the test articles should give events for {param}={value}"
    got = {e["key"] for e in all_events(client, **{param: value})}
    assert got == expected


def test_context_filter(loaded):
    client, _ = loaded
    everything = all_events(client)
    contexts = {c for e in everything for c in e["context"]}
    if not contexts:
        pytest.skip("no contexts in the test articles")
    c = sorted(contexts)[0]
    assert {e["key"] for e in all_events(client, context=c)} == {e["key"] for e in everything if c in e["context"]}


def test_date_range_filter_is_inclusive(loaded):
    client, _ = loaded
    everything = all_events(client)
    got = all_events(client, date_from="2023-03-12", date_to="2023-05-08")
    expected = [e for e in everything if e["day"] and "2023-03-12" <= e["day"] <= "2023-05-08"]
    assert {e["key"] for e in got} == {e["key"] for e in expected}
    assert {e["doc_key"] for e in got} == {loaded[1]["tbilisi"]["key"], loaded[1]["berlin"]["key"]}


def test_paging_walks_every_event_once(loaded):
    client, _ = loaded
    total = client.get("/api/events").json()["total"]
    seen = []
    page = 1
    while True:
        r = client.get("/api/events", params={"per_page": 2, "page": page}).json()
        assert r["total"] == total and r["pages"] == -(-total // 2)
        if not r["items"]:
            break
        seen += [e["key"] for e in r["items"]]
        page += 1
    assert len(seen) == len(set(seen)) == total


def test_sorting(loaded):
    client, _ = loaded
    asc = [e["score"] for e in all_events(client, sort="score", order="asc") if e["score"] is not None]
    desc = [e["score"] for e in all_events(client, sort="score", order="desc") if e["score"] is not None]
    assert asc == sorted(asc) and desc == sorted(desc, reverse=True) and asc != desc
    days = [e["day"] for e in all_events(client) if e["day"]]
    assert days == sorted(days, reverse=True)


@pytest.mark.parametrize("params, words", [
    ({"date_from": "2023-13-01"}, "date_from: '2023-13-01' is not a date"),
    ({"date_to": "yesterday"}, "date_to"),
    ({"date_from": "2023-05-01", "date_to": "2023-01-01"}, "after"),
    ({"per_page": 201}, "per_page"),
    ({"page": 0}, "page"),
    ({"sort": "drop table"}, "sort"),
    ({"order": "sideways"}, "order"),
    ({"actor": "x" * 201}, "actor"),
])
def test_event_query_errors_are_422_naming_the_parameter(loaded, params, words):
    r = loaded[0].get("/api/events", params=params)
    assert r.status_code == 422
    assert words in r.json()["detail"]


def test_quotes_in_filters_are_data_not_sql(loaded):
    client, _ = loaded
    r = client.get("/api/events", params={"text": "'; DROP TABLE events; --", "actor": "x' OR '1'='1"})
    assert r.status_code == 200 and r.json()["total"] == 0
    assert client.get("/api/events").json()["total"] > 0
    # LIKE wildcards are literal
    assert client.get("/api/events", params={"text": "%"}).json()["total"] == 0


# ---------------------------------------------------------------- one event, one document
def test_event_detail_has_evidence_mentions_and_quotes(loaded):
    client, outcomes = loaded
    zelensky = all_events(client, actor="Volodymyr Zelensky")[0]
    ev = client.get(f"/api/events/{zelensky['key']}").json()
    assert ev["evidence"] and ev["sentence"]["text"]
    text = client.get(f"/api/documents/{ev['doc_key']}").json()["text"]
    assert ev["mentions"], "the actor is named in the text"
    assert all(m["name"] in {p["name"] for p in ev["actor"] + ev["recipient"]} for m in ev["mentions"])
    assert all(text[slice(*m["span"])] == m["text"] for m in ev["mentions"])
    killed = [e for e in all_events(client) if e["trigger"]["text"] == "killed"]
    if killed:
        detail = client.get(f"/api/events/{killed[0]['key']}").json()
        assert any(killed[0]["id"] in q["events"] for q in detail["quotes"])


def test_unknown_ids_are_404(loaded):
    client, _ = loaded
    for path in ("/api/events/nope:1", "/api/documents/nope"):
        r = client.get(path)
        assert r.status_code == 404 and "nope" in r.json()["detail"]


def test_document_has_text_and_every_annotation_at_its_span(loaded):
    client, outcomes = loaded
    doc = client.get(f"/api/documents/{outcomes['kharkiv']['key']}").json()
    assert doc["text"] == ARTICLES[0]["text"] and doc["published"] == "2022-03-02"
    text = doc["text"]
    assert doc["entities"] and doc["events"] and doc["quotes"] and doc["quantities"]
    for e in doc["entities"]:
        assert text[slice(*e["span"])] == e["text"]
    for q in doc["quotes"]:
        assert text[slice(*q["span"])] == q["text"]
    for x in doc["quantities"]:
        assert text[slice(*x["span"])] == x["text"]
    assert any(x["value"] == 21 for x in doc["quantities"])


# ---------------------------------------------------------------- actors, dyads
def test_actors_ranked_by_events(loaded):
    client, _ = loaded
    r = client.get("/api/actors").json()
    counts = [a["events"] for a in r["items"]]
    assert counts == sorted(counts, reverse=True)
    rus = next(a for a in r["items"] if a["code"] == "RUS")
    assert rus["as_actor"] == len(all_events(client, actor="RUS"))
    assert rus["as_recipient"] == len(all_events(client, recipient="RUS"))
    full = client.get("/api/actors", params={"level": "code", "q": "gov"}).json()["items"]
    assert full and all("GOV" in a["code"] or "gov" in (a["name"] or "").lower() for a in full)
    assert client.get("/api/actors", params={"level": "planet"}).status_code == 422


def test_dyad_series_counts_quads_categories_and_mean_score(loaded):
    client, _ = loaded
    d = client.get("/api/dyads/RUS/UKR").json()
    both = [e for e in all_events(client) if ("RUS" in codes(e["actor"]) and "UKR" in codes(e["recipient"]))
            or ("UKR" in codes(e["actor"]) and "RUS" in codes(e["recipient"]))]
    assert d["events"] == len(both) > 0
    assert sum(s["total"] for s in d["series"]) == len(both)
    assert sum(d["quads"].values()) == len(both)
    assert d["mean_score"] == pytest.approx(sum(e["score"] for e in both) / len(both), abs=1e-3)
    assert {c["event"] for c in d["categories"]} == {e["event"] for e in both}
    one_way = client.get("/api/dyads/rus/ukr", params={"direction": "ab"}).json()
    assert one_way["events"] == len([e for e in both if "RUS" in codes(e["actor"])])
    monthly = client.get("/api/dyads/RUS/UKR", params={"interval": "month"}).json()
    assert monthly["interval"] == "month" and all(len(s["period"]) == 7 for s in monthly["series"])


def test_reference_dyad_is_azerbaijan_accusing_armenia(loaded, reference_key):
    d = loaded[0].get("/api/dyads/AZE/ARM").json()
    assert d["categories"][0]["event"] == "ACCUSE" and d["quads"]["3"] >= 1
    assert d["series"][0]["period"] == "2023-09-13" and d["mean_score"] < 0


@pytest.mark.parametrize("path, words", [
    ("/api/dyads/AZE/A1", "actor code"),
    ("/api/dyads/AZE/ARM?interval=hourly", "interval"),
    ("/api/dyads/AZE/ARM?direction=up", "direction"),
    ("/api/dyads/AZE/ARM?date_from=2023-02-30", "not a date"),
])
def test_dyad_errors(loaded, path, words):
    r = loaded[0].get(path)
    assert r.status_code == 422 and words in r.json()["detail"]


# ---------------------------------------------------------------- quotes, quantities
def test_quotes_filters(loaded):
    client, _ = loaded
    everything = client.get("/api/quotes", params={"per_page": 200}).json()["items"]
    assert everything
    direct = client.get("/api/quotes", params={"kind": "direct", "per_page": 200}).json()["items"]
    assert {q["key"] for q in direct} == {q["key"] for q in everything if q["kind"] == "direct"}
    ukr = client.get("/api/quotes", params={"speaker": "UKR", "per_page": 200}).json()["items"]
    assert ukr and {q["key"] for q in ukr} == {q["key"] for q in everything
                                             if (q["speaker"] or {}).get("country") == "UKR"}
    words = client.get("/api/quotes", params={"text": "give up"}).json()["items"]
    assert [q["document"]["key"] for q in words] == [loaded[1]["tbilisi"]["key"]]
    dated = client.get("/api/quotes", params={"date_from": "2023-01-01", "per_page": 200}).json()["items"]
    assert all(q["document"]["published"] >= "2023-01-01" for q in dated)
    assert client.get("/api/quotes", params={"kind": "shouted"}).status_code == 422


def test_quantities_filters(loaded):
    client, outcomes = loaded
    everything = client.get("/api/quantities", params={"per_page": 200}).json()["items"]
    assert everything
    civilians = client.get("/api/quantities", params={"text": "civilians"}).json()["items"]
    assert civilians and all("civilians" in (x["what"] or "") + x["text"] for x in civilians)
    by_doc = client.get("/api/quantities", params={"doc": outcomes["kharkiv"]["key"]}).json()
    assert by_doc["total"] == outcomes["kharkiv"]["quantities"]
    claimed = client.get("/api/quantities", params={"claimant": "Volodymyr Zelensky"}).json()["items"]
    assert claimed and all(x["claimant"]["name"] == "Volodymyr Zelensky" for x in claimed)
    assert client.get("/api/quantities", params={"date_to": "2022-12-31"}).json()["total"] == \
        sum(1 for x in everything if x["document"]["published"] <= "2022-12-31")


# ---------------------------------------------------------------- schema and docs
def test_openapi_lists_every_endpoint_and_docs_page_needs_no_cdn(loaded):
    client, _ = loaded
    spec = client.get("/openapi.json").json()
    paths = spec["paths"]
    for path, method in [("/api/code", "post"), ("/api/documents", "post"), ("/api/events", "get"),
                         ("/api/events/{key}", "get"), ("/api/documents/{key}", "get"), ("/api/actors", "get"),
                         ("/api/dyads/{a}/{b}", "get"), ("/api/quotes", "get"), ("/api/quantities", "get")]:
        assert method in paths[path], path
    page = client.get("/docs")
    assert page.status_code == 200
    for path in paths:
        assert path in page.text
    assert "cdn" not in page.text.lower() and "<script src=\"http" not in page.text


def test_today_is_a_valid_filter_date(loaded):
    r = loaded[0].get("/api/events", params={"date_to": date.today().isoformat()})
    assert r.status_code == 200
