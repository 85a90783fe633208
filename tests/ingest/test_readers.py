"""Reading every input format into Records; every bad input becomes an error naming it."""
import gzip

import pytest

from dotterel.errors import InputError
from dotterel.ingest.sources import ReadOptions, read_sources
from dotterel.ingest.tabular import Fields
from ingest_samples import ARTICLES, LATIN1, gzipped, html_page, jsonl, rss, warc_bytes


def read(*paths, **options):
    items = list(read_sources([str(p) for p in paths], ReadOptions(**options)))
    return [i for i in items if not isinstance(i, InputError)], [i for i in items if isinstance(i, InputError)]


def test_html_page_main_text_and_metadata(tmp_path):
    a = ARTICLES[0]
    (tmp_path / "page.html").write_text(html_page(a), encoding="utf-8")
    (rec,), errors = read(tmp_path / "page.html")
    assert not errors
    doc = rec.doc
    assert doc.title == a["title"] and doc.published == a["published"] and doc.url == a["url"]
    assert doc.source == a["source"] and rec.author == "Staff Reporter" and rec.site == "caspian.example.org"
    assert doc.text.startswith("Azerbaijan accused Armenia on Tuesday")
    # navigation, related links and footer are not article text; the headline is not repeated
    for junk in ("Subscribe", "Celebrity chef", "All rights reserved", a["title"]):
        assert junk not in doc.text


def test_jsonl_field_names_and_nested_fields(tmp_path):
    recs = [{"uid": "x1", "body": ARTICLES[1]["text"], "meta": {"date": "14 September 2023", "outlet": "Wire"}}]
    (tmp_path / "dump.jsonl").write_text(jsonl(recs), encoding="utf-8")
    fields = Fields.parse(["id=uid", "text=body", "published=meta.date", "source=meta.outlet"])
    (rec,), errors = read(tmp_path / "dump.jsonl", fields=fields)
    assert not errors
    assert (rec.doc.id, rec.doc.published, rec.doc.source) == ("x1", "14 September 2023", "Wire")
    assert rec.doc.text == ARTICLES[1]["text"] and rec.origin.endswith("dump.jsonl:1")


def test_jsonl_without_text_field_names_the_missing_field(tmp_path):
    (tmp_path / "d.jsonl").write_text('{"id": "a", "body": "text here"}\n', encoding="utf-8")
    docs, (err,) = read(tmp_path / "d.jsonl")
    assert not docs and err.name.endswith("d.jsonl:1") and "'text'" in err.reason and "--field" in err.reason


def test_csv_with_custom_text_column_and_a_short_row(tmp_path):
    (tmp_path / "a.csv").write_text('id,headline,story\nc1,Talks,"Ministers met, and talked."\nc2,Short\n',
                                    encoding="utf-8")
    docs, errors = read(tmp_path / "a.csv", fields=Fields.parse(["text=story", "title=headline"]))
    assert [(d.doc.id, d.doc.title, d.doc.text) for d in docs] == [("c1", "Talks", "Ministers met, and talked.")]
    # the short row has no story: its text is missing, and that is its own error
    assert len(errors) == 1 and errors[0].name.endswith("a.csv:3")


def test_csv_without_the_text_column_is_one_error(tmp_path):
    (tmp_path / "b.csv").write_text("id,body\n1,hello\n", encoding="utf-8")
    docs, (err,) = read(tmp_path / "b.csv")
    assert not docs and "no 'text' column" in err.reason and "id, body" in err.reason


def test_json_list_and_single_object(tmp_path):
    (tmp_path / "list.json").write_text('[{"text": "One."}, 7, {"text": "Two."}]', encoding="utf-8")
    (tmp_path / "one.json").write_text('{"id": "solo", "text": "Alone."}', encoding="utf-8")
    docs, errors = read(tmp_path / "list.json", tmp_path / "one.json")
    assert [d.doc.text for d in docs] == ["One.", "Two.", "Alone."]
    assert docs[0].doc.id == "list.json[0]" and docs[2].doc.id == "solo"
    assert [e.name.rsplit("/", 1)[-1] for e in errors] == ["list.json[1]"]


def test_warc_responses_become_articles(tmp_path):
    (tmp_path / "crawl.warc.gz").write_bytes(warc_bytes(ARTICLES[:2]))
    docs, errors = read(tmp_path / "crawl.warc.gz")
    assert not errors  # the warcinfo, the requests and the PNG response are not articles
    assert [d.doc.url for d in docs] == [ARTICLES[0]["url"], ARTICLES[1]["url"]]
    assert docs[1].doc.text.startswith("Foreign Minister Jeyhun Bayramov met")
    assert docs[0].doc.published == ARTICLES[0]["published"] and docs[0].doc.id.startswith("urn:uuid:")


def test_truncated_warc_keeps_earlier_pages_and_reports_the_damage(tmp_path):
    data = warc_bytes(ARTICLES[:3], gz=False)
    cut = data.index(b"Police arrested ten protesters")  # inside the third page
    (tmp_path / "cut.warc").write_bytes(data[:cut])
    docs, errors = read(tmp_path / "cut.warc")
    assert [d.doc.url for d in docs][:2] == [ARTICLES[0]["url"], ARTICLES[1]["url"]]
    assert len(errors) == 1 and errors[0].name.endswith("cut.warc")


def test_rss_items_from_summary_or_full_content(tmp_path):
    (tmp_path / "feed.xml").write_text(rss(ARTICLES[2:4]), encoding="utf-8")
    (tmp_path / "full.rss").write_text(rss(ARTICLES[4:5], full_content=True), encoding="utf-8")
    docs, errors = read(tmp_path / "feed.xml", tmp_path / "full.rss")
    assert not errors
    assert [d.doc.id for d in docs] == ["arrest-1", "trade-1", "expel-1"]
    assert docs[0].doc.source == "Regional Wire" and docs[0].doc.published == "2023-09-12"
    assert docs[0].doc.text.startswith("Police arrested ten protesters in Tbilisi")
    assert "Short teaser" not in docs[2].doc.text and docs[2].doc.text.startswith("Lithuania expelled")


def test_atom_feed(tmp_path):
    a = ARTICLES[1]
    (tmp_path / "news.atom").write_text(
        '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Lake Wire</title>'
        f'<entry><id>tag:lake,2023:{a["id"]}</id><title>{a["title"]}</title><link href="{a["url"]}"/>'
        f'<updated>{a["published"]}T07:00:00Z</updated><content type="html">&lt;p&gt;{a["text"]}&lt;/p&gt;</content>'
        "</entry></feed>", encoding="utf-8")
    (rec,), errors = read(tmp_path / "news.atom")
    assert not errors
    assert (rec.doc.id, rec.doc.source, rec.doc.url, rec.doc.published) == \
        (f"tag:lake,2023:{a['id']}", "Lake Wire", a["url"], a["published"])
    assert rec.doc.text == a["text"]


def test_broken_feed_is_one_error(tmp_path):
    (tmp_path / "bad.rss").write_text('<?xml version="1.0"?><rss><channel><item><title>x</ti', encoding="utf-8")
    docs, (err,) = read(tmp_path / "bad.rss")
    assert not docs and "malformed feed" in err.reason


def test_gzip_of_any_format_and_truncated_gzip(tmp_path):
    (tmp_path / "a.jsonl.gz").write_bytes(gzipped(jsonl([{"id": "g1", "text": "Rebels attacked a convoy."}]).encode()))
    whole = gzipped(ARTICLES[0]["text"].encode() * 20)
    (tmp_path / "story.txt.gz").write_bytes(whole[: len(whole) // 2])
    docs, errors = read(tmp_path / "a.jsonl.gz", tmp_path / "story.txt.gz")
    assert [d.doc.id for d in docs] == ["g1"]
    assert len(errors) == 1 and errors[0].name.endswith("story.txt.gz") and "truncated" in errors[0].reason


def test_encodings_binary_empty_oversize_and_missing(tmp_path):
    (tmp_path / "latin1.txt").write_bytes(LATIN1.encode("latin-1"))
    (tmp_path / "utf16.txt").write_bytes(LATIN1.encode("utf-16"))
    (tmp_path / "image.jpg").write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(range(256)) * 4)
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.html").write_bytes(b"   \n")
    (tmp_path / "big.txt").write_bytes(b"word " * 300_000)
    docs, errors = read(*(tmp_path / n for n in ("latin1.txt", "utf16.txt", "image.jpg", "empty.txt", "blank.html",
                                                 "big.txt", "missing.txt")), max_bytes=1_000_000)
    assert [d.doc.text for d in docs] == [LATIN1, LATIN1]
    reasons = {e.name.rsplit("/", 1)[-1]: e.reason for e in errors}
    assert "binary" in reasons["image.jpg"]
    assert "empty" in reasons["empty.txt"] and "empty" in reasons["blank.html"]
    assert "larger than the limit" in reasons["big.txt"]
    assert "no such file" in reasons["missing.txt"]


def test_folders_recursive_globs_and_hidden_files(tmp_path):
    (tmp_path / "sub" / "deeper").mkdir(parents=True)
    (tmp_path / "a.txt").write_text("First article text.", encoding="utf-8")
    (tmp_path / "sub" / "deeper" / "b.txt").write_text("Second article text.", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text("Not read.", encoding="utf-8")
    docs, _ = read(tmp_path)
    assert [d.doc.id for d in docs] == ["a", "b"]
    docs, errors = read(f"{tmp_path}/**/*.txt", f"{tmp_path}/*.nothing", tmp_path / "a.txt")
    assert [d.doc.id for d in docs] == ["a", "b"]  # a.txt named twice is read once
    assert len(errors) == 1 and "no file matches" in errors[0].reason


def test_content_sniffing_without_extension(tmp_path):
    (tmp_path / "page").write_text(html_page(ARTICLES[3]), encoding="utf-8")
    (tmp_path / "records").write_text(jsonl([{"id": "r", "text": "Troops crossed the border."}]), encoding="utf-8")
    with gzip.open(tmp_path / "feed.gz", "wt", encoding="utf-8") as fh:
        fh.write(rss(ARTICLES[:1]))
    docs, errors = read(tmp_path / "page", tmp_path / "records", tmp_path / "feed.gz")
    assert not errors
    assert [d.doc.id for d in docs] == ["page", "r", "acc-1"]


def test_bad_field_option_is_refused():
    from dotterel.errors import DotterelError
    with pytest.raises(DotterelError, match="NAME=COLUMN"):
        Fields.parse(["body"])
