"""The HTML pages and their JSON twins, through the real app; untrusted text stays inert."""
from __future__ import annotations

import json
import re
from html.parser import HTMLParser

import pytest
from webhelpers import ARTICLES, all_events


class Tags(HTMLParser):
    """Every start tag with its attributes, as a browser's parser sees the page."""

    def __init__(self, html: str):
        super().__init__()
        self.tags: list[tuple[str, dict]] = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


def page(client, path, status=200):
    r = client.get(path)
    assert r.status_code == status, (path, r.text[:500])
    assert r.headers["content-type"].startswith("text/html")
    return r.text


def test_every_page_renders_and_has_a_json_twin(loaded):
    client, outcomes = loaded
    key = outcomes["kharkiv"]["key"]
    for path in ["/", "/events", "/events?actor=RUS&sort=score&order=asc", f"/documents/{key}", "/dyads/RUS/UKR",
                 "/actors", "/actors?level=code&q=gov", "/actors/RUS", "/code", "/docs"]:
        html = page(client, path)
        assert "<title>" in html and "/static/style.css" in html
        twin = client.get(path + ("&" if "?" in path else "?") + "format=json")
        assert twin.status_code == 200 and twin.headers["content-type"] == "application/json", path


def test_dashboard_shows_totals_latest_events_dyads_and_a_chart(loaded):
    client, outcomes = loaded
    data = client.get("/?format=json").json()
    assert data["totals"]["documents"] == len(outcomes)
    assert data["totals"]["events"] == sum(o["events"] for o in outcomes.values())
    assert data["top_dyads"] and all(d["a"] != d["b"] for d in data["top_dyads"])
    assert sum(s["total"] for s in data["timeline"]["series"]) == data["totals"]["events"]
    html = page(client, "/")
    svg = html[html.index("<svg"):html.index("</svg>")]
    assert svg.count('class="bar q') == sum(len(s["quad"]) for s in data["timeline"]["series"])
    for d in data["top_dyads"]:
        assert f'href="/dyads/{d["a"]}/{d["b"]}"' in html


def test_empty_database_dashboard_invites_coding(fresh):
    html = page(fresh, "/")
    assert "The database is empty" in html and 'href="/code"' in html
    assert "No dated events yet" in html


def test_event_explorer_filters_sorts_and_links_documents(loaded):
    client, outcomes = loaded
    html = page(client, "/events?event=CONSULT")
    data = client.get("/events?event=CONSULT&format=json").json()
    assert data["total"] == len(all_events(client, event="CONSULT")) > 0
    assert html.count('<span class="cat') == data["total"]
    for ev in data["items"]:
        assert f'href="/documents/{ev["doc_key"]}#{ev["key"]}"' in html
    # sort links keep the filter and flip the order of the current key
    assert "event=CONSULT" in html and "sort=score" in html
    bad = client.get("/events?date_from=2023-02-31")
    assert bad.status_code == 422 and "date_from" in bad.text and bad.headers["content-type"].startswith("text/html")


def test_event_page_redirects_into_its_document(loaded):
    client, _ = loaded
    ev = all_events(client)[0]
    r = client.get(f"/events/{ev['key']}", follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"] == f"/documents/{ev['doc_key']}#{ev['key']}"
    assert client.get(f"/events/{ev['key']}?format=json").json()["key"] == ev["key"]
    assert page(client, "/events/none:1", 404)


def test_document_view_highlights_each_kind_at_its_text(loaded):
    client, outcomes = loaded
    doc = client.get(f"/api/documents/{outcomes['kharkiv']['key']}").json()
    html = page(client, f"/documents/{doc['key']}")
    spans = [(attrs["class"].split(), attrs["title"]) for tag, attrs in Tags(html).tags
             if tag == "span" and "data-ids" in attrs]
    kinds = {k for classes, _ in spans for k in classes}
    assert {"ent", "trg", "quote", "qty"} <= kinds
    for ev in doc["events"]:
        assert any("trg" in c and ev["event"] in t for c, t in spans), ev["event"]
    assert re.search(r'class="[^"]*\bqty\b[^"]*"[^>]*>21<', html)
    # the article's text is all there, in order, once the markup is taken away
    article = html[html.index('<article class="text"'):html.index("</article>")]
    plain = re.sub(r"<[^>]+>", "", article)
    import html as h
    assert h.unescape(plain) == doc["text"]
    # the side list names each event once, with an anchor the explorer links to
    for ev in doc["events"]:
        assert f'id="{ev["key"]}"' in html


def test_reference_document_view(loaded, reference_key):
    html = page(loaded[0], f"/documents/{reference_key}")
    assert re.search(r'<span class="[^"]*\btrg\b[^"]*"[^>]*title="[^"]*CONSULT[^"]*">met<', html)
    assert re.search(r'title="[^"]*quote by Jeyhun Bayramov', html)
    assert re.search(r'class="[^"]*\bqty\b[^"]*"[^>]*>306', html)


def test_dyad_and_actor_views(loaded):
    client, _ = loaded
    html = page(client, "/dyads/RUS/UKR")
    data = client.get("/dyads/RUS/UKR?format=json").json()
    assert data["events"] > 0 and len(data["latest_events"]) == data["events"]
    assert '<svg' in html and 'class="bar q4"' in html
    assert page(client, "/dyads?a=rus&b=ukr") == html  # the header form lands on the same view
    actor = client.get("/actors/UKR?format=json").json()
    assert {p["code"] for p in actor["acted_on_by"]} >= {"RUS"}
    assert actor["quotes"] and all(q["speaker"]["country"] == "UKR" for q in actor["quotes"])
    html = page(client, "/actors/UKR")
    assert 'class="edge' in html and "RUS" in html
    assert page(client, "/actors/ZZZ", 404)
    assert page(client, "/actors/12", 422)


def test_code_form_previews_without_storing_then_stores(fresh):
    a = ARTICLES[2]
    form = {"text": a["text"], "published": a["published"], "source": a["source"], "title": a["title"]}
    html = fresh.post("/code", data={**form, "action": "preview"}).text
    assert "not stored yet" in html and re.search(r'class="[^"]*\btrg\b', html)
    assert fresh.get("/api/events").json()["total"] == 0
    r = fresh.post("/code", data={**form, "action": "store"}, follow_redirects=False)
    assert r.status_code == 303
    key = r.headers["location"].split("/documents/")[1].split("?")[0]
    doc = fresh.get(f"/api/documents/{key}").json()
    assert doc["title"] == a["title"] and doc["published"] == "2023-03-12" and doc["events"]


@pytest.mark.parametrize("form, words", [
    ({"text": "", "published": ""}, "empty text"),
    ({"text": "Talks were held.", "published": "2023-99-01"}, "published"),
])
def test_code_form_errors_are_shown_on_the_form(fresh, form, words):
    r = fresh.post("/code", data={**form, "action": "preview"})
    assert r.status_code == 422 and words in r.text and "<textarea" in r.text


PAYLOAD = ('Talks in Geneva. <script>alert("x")</script> The minister said "<img src=x onerror=alert(1)>" '
           'and <a href="javascript:alert(2)">click</a> Russia attacked Ukraine on Monday. '
           '</textarea><svg onload=alert(3)>')


def test_untrusted_article_text_is_inert_in_every_page(fresh):
    doc = {"text": PAYLOAD, "title": "<script>alert('title')</script>", "source": "<b onmouseover=alert(4)>s</b>",
           "url": "javascript:alert(5)", "published": "2024-01-08"}
    r = fresh.post("/api/documents", json={"documents": [doc]})
    key = r.json()["documents"][0]["key"]
    pages = {path: page(fresh, path) for path in [f"/documents/{key}", "/", "/events", "/actors/RUS",
                                                   "/dyads/RUS/UKR"]}
    preview = fresh.post("/code", data={"text": PAYLOAD, "action": "preview"})
    pages["preview"] = preview.text
    for path, html in pages.items():
        tags = Tags(html).tags
        scripts = [a for t, a in tags if t == "script"]
        assert all(a.get("src") == "/static/app.js" or a.get("type") == "application/json" for a in scripts), path
        assert not [t for t, _ in tags if t == "img"], path
        for tag, attrs in tags:
            assert not any(name.startswith("on") for name in attrs), (path, tag, attrs)
            assert not any((v or "").strip().lower().startswith("javascript:") for v in attrs.values()), (path, tag)
        assert "Content-Security-Policy".lower() in {k.lower() for k in fresh.get(path if path != "preview"
                                                                                  else "/code").headers}
    text_page = pages[f"/documents/{key}"]
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;" in text_page
    assert "onerror=alert(1)" in text_page  # shown as text ...
    assert "<img" not in text_page          # ... never as a tag
    # the notes embedded for the page script hold no "<", so they cannot end their script element
    notes = text_page.split('id="notes">')[1].split("</script>")[0]
    assert "<" not in notes and isinstance(json.loads(notes), dict)
