"""One small database for the store tests, built once per session with the shared Coder.

It holds the six sample articles (JSONL), an independent report of the Geneva meeting
from another outlet (HTML), a near-duplicate wire copy of the shelling story from
another outlet a day later, an exact copy of the Tbilisi story, and a French article.
"""
import pytest

from dotterel.ingest.pipeline import Ingest
from ingest_samples import ARTICLES, FRENCH, html_page, jsonl, near_copy

GENEVA_REPORT = {
    "id": "geneva-2", "title": "Bayramov and Turk discuss humanitarian issues", "source": "Lakeside Post",
    "url": "https://lakeside.example.net/bayramov-turk", "published": "2023-09-15",
    "text": "Azerbaijan's foreign minister Jeyhun Bayramov held talks with Volker Turk, the UN human rights chief, "
            "in Geneva on Wednesday. They discussed the humanitarian situation in the region, the ministry said "
            "in a statement.",
}
WIRE_COPY = {**ARTICLES[0], "id": "acc-1-copy", "source": "Mountain Courier",
             "url": "https://courier.example.com/shelling-claim", "published": "2023-09-14",
             "text": near_copy(ARTICLES[0]["text"])}
EXACT_COPY = {**ARTICLES[2], "id": "arrest-1-copy", "source": "Caucasus Digest",
              "url": "https://digest.example.org/tbilisi"}
FRENCH_DOC = {"id": "fr-1", "text": FRENCH, "published": "2023-09-13", "source": "Journal"}


def write_corpus(folder):
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "a-articles.jsonl").write_text(jsonl(ARTICLES), encoding="utf-8")
    (folder / "b-geneva.html").write_text(html_page(GENEVA_REPORT), encoding="utf-8")
    (folder / "c-copies.jsonl").write_text(jsonl([WIRE_COPY, EXACT_COPY, FRENCH_DOC]), encoding="utf-8")
    return folder


@pytest.fixture(scope="session")
def corpus_db(tmp_path_factory, coder):
    root = tmp_path_factory.mktemp("store")
    folder = write_corpus(root / "corpus")
    db = root / "events.duckdb"
    summary = Ingest(db, coder=coder, batch_size=4).run([str(folder)])
    assert summary.counts["errors"] == 0
    return db


@pytest.fixture()
def con(corpus_db):
    from dotterel.store.schema import connect
    c = connect(corpus_db, read_only=True)
    yield c
    c.close()


@pytest.fixture
def big_index_db(tmp_path):
    """A database whose LSH bucket index (~1.2 million rows, ~86,000 documents' worth, ~43 MB)
    outgrows the ingest connection's cache."""
    from dotterel.store.schema import connect

    db = tmp_path / "big.duckdb"
    con = connect(db)
    con.execute("INSERT INTO doc_buckets SELECT (hash(i) >> 1)::BIGINT, 'k' FROM range(1200000) t(i)")
    con.close()
    return db
