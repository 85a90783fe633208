"""The store: batch lookups (stored keys, exact copies, LSH candidates) and failed commits."""
import duckdb
import pytest

from dotterel.ingest.dedupe import signature
from dotterel.store.rows import CODED, DUPLICATE, SCHEMA
from dotterel.store.schema import connect
from dotterel.store.writer import COUNTERS, Store
from ingest_samples import ARTICLES, near_copy


def _document(key: str, text: str, status: str = CODED) -> dict:
    row = dict.fromkeys(name for name, _ in SCHEMA["documents"])
    return {**row, "doc_key": key, "text_hash": signature(text).text_hash, "status": status, "text": text}


def test_batch_lookups_find_stored_keys_exact_copies_and_bucket_candidates_in_stored_order(tmp_path):
    con = connect(tmp_path / "w.duckdb")
    store = Store(con)
    run = store.start_run(["test"], 1)
    text = ARTICLES[0]["text"]
    first, second, other = signature(text), signature(near_copy(text)), signature(ARTICLES[1]["text"])
    counters = dict.fromkeys(COUNTERS, 0)
    # stored in two batches: "b" (a near copy) before "a", then an unrelated "c" and a duplicate "d"
    store.write_batch(run, {"documents": [_document("b", near_copy(text))]}, [("b", second.blob(), second.buckets)],
                      [], counters)
    store.write_batch(run, {"documents": [_document("a", text), _document("c", ARTICLES[1]["text"]),
                                          _document("d", text.upper(), DUPLICATE)]},
                      [("a", first.blob(), first.buckets), ("c", other.blob(), other.buckets)], [], counters)

    assert store.stored_keys(["a", "x", "d", "y"]) == {"a", "d"}
    copies = store.copies([first.text_hash, signature("no such text").text_hash], first.buckets + other.buckets)
    assert copies.coded_with_text(first.text_hash) == "a"  # not "d": duplicates are not coded
    assert copies.coded_with_text(signature("no such text").text_hash) is None
    assert [k for k, _ in copies.bucket_candidates(first.buckets)] == ["b", "a"]
    assert copies.bucket_candidates(other.buckets) == [("c", other.blob())]
    # the one-document forms answer the same
    assert store.has_document("c") and not store.has_document("x")
    assert store.coded_with_text(first.text_hash) == "a"
    assert store.bucket_candidates(first.buckets) == copies.bucket_candidates(first.buckets)
    con.close()


def test_a_commit_that_fails_raises_its_own_error_and_writes_nothing(big_index_db):
    con = connect(big_index_db)
    store = Store(con)
    run = store.start_run(["test"], 1)
    con.execute("SET memory_limit = '24MB'")  # less than the bucket index (~43 MB)
    sig = signature(ARTICLES[0]["text"])
    buckets = sig.buckets + list(range(-2**62, 2**62, 2**49))  # entries all over the index: commit loads it
    with pytest.raises(duckdb.Error, match="Failed to commit"):
        store.write_batch(run, {"documents": [_document("a", ARTICLES[0]["text"])]},
                          [("a", sig.blob(), buckets)], [], dict.fromkeys(COUNTERS, 0))
    con.execute("SET memory_limit = '1GB'")
    assert not store.stored_keys(["a"]) and store.bucket_candidates(sig.buckets) == []
    con.close()
