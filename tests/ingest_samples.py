"""Small news-like articles (written for these tests) and builders for every input format.

Imported by tests under tests/ingest and tests/store (pytest puts tests/ on sys.path
through tests/conftest.py).
"""
from __future__ import annotations

import gzip
import io
import json
from html import escape

ARTICLES = [
    {"id": "acc-1", "title": "Baku accuses Yerevan over border shelling", "source": "Caspian Herald",
     "url": "https://caspian.example.org/2023/09/13/shelling", "published": "2023-09-13",
     "text": "Azerbaijan accused Armenia on Tuesday of shelling villages near Lachin, the defence ministry said. "
             "The ministry said two houses were damaged and a tractor driver was wounded in the attack. "
             "Armenian officials rejected the claim and said their troops had not opened fire. "
             "Local residents told reporters they spent the night in basements as the firing continued."},
    {"id": "meet-1", "title": "Ministers hold talks in Geneva", "source": "Alpine Wire",
     "url": "https://alpine.example.com/geneva-talks", "published": "2023-09-14",
     "text": "Foreign Minister Jeyhun Bayramov met UN High Commissioner Volker Turk in Geneva on Wednesday. "
             "The two men discussed humanitarian access to the region and the return of displaced families. "
             "Bayramov said his government was ready to continue the dialogue with international partners. "
             "A spokesman for the commissioner described the meeting as frank and useful."},
    {"id": "arrest-1", "title": "Police detain protesters in Tbilisi", "source": "Kura Daily",
     "url": "https://kura.example.net/news/4411", "published": "2023-09-12",
     "text": "Police arrested ten protesters in Tbilisi on Monday after clashes outside parliament. "
             "Demonstrators had gathered to oppose a draft law on foreign funding of civic groups. "
             "The interior ministry said officers used tear gas after protesters threw stones. "
             "Opposition leaders called for the release of those detained and promised new rallies."},
    {"id": "trade-1", "title": "Neighbours sign transit agreement", "source": "Steppe Business",
     "url": "https://steppe.example.org/transit", "published": "2023-09-15",
     "text": "Kazakhstan and Uzbekistan signed an agreement on Thursday to expand rail transit between the two "
             "countries. The deal was signed in Tashkent by the transport ministers of both governments. "
             "Officials said freight volumes could double within five years under the new arrangement. "
             "Business groups welcomed the agreement and urged faster customs procedures at the border."},
    {"id": "expel-1", "title": "Government expels two diplomats", "source": "Baltic Review",
     "url": "https://baltic.example.com/expulsion", "published": "2023-09-16",
     "text": "Lithuania expelled two Russian diplomats on Friday, accusing them of activities incompatible "
             "with their status. The foreign ministry in Vilnius gave the diplomats five days to leave the "
             "country. Moscow condemned the decision and promised a response. Analysts said relations "
             "between the two countries had reached their lowest point in decades."},
    {"id": "aid-1", "title": "Aid convoy reaches flooded district", "source": "Delta Times",
     "url": "https://delta.example.org/aid", "published": "2023-09-17",
     "text": "The World Food Programme delivered food and clean water to flooded villages in southern Pakistan "
             "on Saturday. The agency said its trucks reached more than 3,000 families cut off by the rising "
             "river. Provincial officials thanked donors and asked for more tents before the cold season. "
             "Engineers were still working to repair a damaged bridge on the main road."},
]

FRENCH = ("Le ministre des Affaires étrangères a rencontré mardi à Genève l'envoyé des Nations unies pour discuter "
          "de l'accès humanitaire à la région, selon des responsables. Les deux parties ont convenu de poursuivre "
          "les discussions le mois prochain.")

LATIN1 = ("Swiss police detained two men in Zürich on Tuesday after a café owner reported a robbery. "
          "The owner, José Müller, said the men threatened his staff and took the day's takings.")


def near_copy(text: str) -> str:
    """A wire copy republished with small edits: a word changed and a credit added."""
    return text.replace(" said.", " stated.", 1) + " (Regional desk)"


def html_page(a: dict) -> str:
    """A full web page: navigation, the article, a related-links box and a footer."""
    paragraphs = "".join(f"<p>{escape(s.strip())}.</p>" for s in a["text"].split(". ") if s.strip())
    paragraphs = paragraphs.replace("..</p>", ".</p>")
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{escape(a['title'])} | {escape(a['source'])}</title>
<meta property="og:site_name" content="{escape(a['source'])}">
<meta name="author" content="Staff Reporter">
<meta property="article:published_time" content="{a['published']}T08:30:00Z">
<link rel="canonical" href="{a['url']}"></head>
<body><nav><a href="/">Home</a> | <a href="/world">World</a> | <a href="/sport">Sport</a> | Subscribe now</nav>
<article><h1>{escape(a['title'])}</h1>{paragraphs}</article>
<aside><h3>Most read</h3><ul><li><a href="/x">Celebrity chef opens new restaurant</a></li>
<li><a href="/y">Ten tips for a better night's sleep</a></li></ul></aside>
<footer>Copyright 2023 {escape(a['source'])}. All rights reserved. Cookie settings.</footer></body></html>"""


def jsonl(records: list[dict]) -> str:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)


def warc_bytes(articles: list[dict], gz: bool = True) -> bytes:
    """A WARC file as a crawler writes it: a warcinfo record, then a request and a
    response per page, plus one non-HTML response that is not an article."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    out = io.BytesIO()
    writer = WARCWriter(out, gzip=gz)
    writer.write_record(writer.create_warcinfo_record("test.warc", {"software": "tests"}))
    for a in articles:
        body = html_page(a).encode("utf-8")
        http = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(a["url"], "request", payload=io.BytesIO(b"GET / HTTP/1.1\r\n\r\n")))
        writer.write_record(writer.create_warc_record(a["url"], "response", payload=io.BytesIO(body),
                                                      http_headers=http,
                                                      warc_headers_dict={"WARC-Date": f"{a['published']}T09:00:00Z"}))
    logo = StatusAndHeaders("200 OK", [("Content-Type", "image/png")], protocol="HTTP/1.1")
    writer.write_record(writer.create_warc_record("https://example.org/logo.png", "response",
                                                  payload=io.BytesIO(b"\x89PNG\r\n\x1a\n" + b"\x00" * 64),
                                                  http_headers=logo))
    return out.getvalue()


def rss(articles: list[dict], full_content: bool = False) -> str:
    """An RSS 2.0 feed; items carry the article as HTML in <description> (or in
    <content:encoded> when ``full_content``)."""
    items = []
    for a in articles:
        body = "".join(f"<p>{escape(s.strip())}.</p>" for s in a["text"].split(". ") if s.strip()).replace("..</p>", ".</p>")
        field = (f"<content:encoded><![CDATA[{body}]]></content:encoded><description>Short teaser.</description>"
                 if full_content else f"<description><![CDATA[{body}]]></description>")
        items.append(f"<item><title>{escape(a['title'])}</title><link>{a['url']}</link><guid>{a['id']}</guid>"
                     f"<pubDate>{_rfc822(a['published'])}</pubDate>{field}</item>")
    return ('<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0" '
            'xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Regional Wire</title>'
            '<link>https://wire.example.org/</link><description>News</description>'
            + "".join(items) + "</channel></rss>")


def _rfc822(day: str) -> str:
    from datetime import date
    d = date.fromisoformat(day)
    return d.strftime("%a, %d %b %Y 10:00:00 GMT")


def gzipped(data: bytes) -> bytes:
    return gzip.compress(data, mtime=0)
