"""What a Spark task runs, without Spark: reading records, coding a partition, naming lines."""
from collections import Counter

from dotterel.ingest.language import non_english_reason
from dotterel.ingest.tabular import Fields
from dotterel.scale.job import _number_lines
from dotterel.scale.records import Record, TABLES, code_records, parse_json_line, parse_table_row
from dotterel.store import rows

STORY = ("Police in Lagos arrested dozens of protesters on Monday after a march against fuel prices. "
         "The governor said the demonstrators had blocked the main highway.")
TALKS = "The foreign ministers of Kenya and Ethiopia met in Addis Ababa on Friday to discuss the border."


def test_json_lines_become_records_or_errors():
    assert parse_json_line("  \n", "/data/f.jsonl", 1) is None
    bad = parse_json_line('{"id": "x", "text": "cut off', "/data/f.jsonl", 2)
    assert bad.error.startswith("malformed JSON") and bad.key == bad.origin == "/data/f.jsonl:2"
    assert parse_json_line('[1, 2]', "/data/f.jsonl", 3).error == "expected a JSON object, got list"
    assert parse_json_line('{"id": "n", "text": 7}', "/data/f.jsonl", 4).error.startswith("record has no 'text'")
    named = parse_json_line('{"id": "a1", "text": "Troops left.", "published": "2024-05-01", "author": "Ann Lee"}',
                            "/data/f.jsonl", 5)
    assert (named.key, named.id, named.error, named.published, named.author) == \
        ("a1", "a1", None, "2024-05-01", "Ann Lee")
    unnamed = parse_json_line('{"text": "Troops left."}', "/data/f.jsonl", 6)
    assert unnamed.key == unnamed.id == "f.jsonl:6" and unnamed.origin == "/data/f.jsonl:6"


def test_field_names_can_be_mapped():
    fields = Fields.parse(["text=body", "published=meta.date"])
    r = parse_json_line('{"id": "m", "body": "Talks resumed.", "meta": {"date": "2024-03-01"}}', "f.jsonl", 1, fields)
    assert (r.text, r.published, r.error) == ("Talks resumed.", "2024-03-01", None)


def test_table_rows_accept_utf8_bytes_and_name_bad_bytes():
    ok = parse_table_row({"id": "b", "text": "Talks resumed in Doha.".encode()}, "t.parquet", 1)
    assert ok.error is None and ok.text == "Talks resumed in Doha."
    assert parse_table_row({"id": "c", "text": b"\xff\xfe"}, "t.parquet", 2).error.startswith("not UTF-8")
    assert parse_table_row({"id": "d"}, "t.parquet", 3).error.startswith("record has no 'text'")


def test_lines_are_numbered_within_their_file_whatever_the_split_order():
    offsets = {("file:/c/a%20b.jsonl", 0): 0, ("file:/c/a%20b.jsonl", 500): 3, ("hdfs://n/x.jsonl", 0): 0}
    split_rows = [("l4", "file:/c/a%20b.jsonl", 500), ("l5", "file:/c/a%20b.jsonl", 500),
                  ("x1", "hdfs://n/x.jsonl", 0), ("l1", "file:/c/a%20b.jsonl", 0)]
    assert list(_number_lines(split_rows, offsets)) == [
        ("/c/a b.jsonl", 4, "l4"), ("/c/a b.jsonl", 5, "l5"), ("hdfs://n/x.jsonl", 1, "x1"), ("/c/a b.jsonl", 1, "l1")]


class FailsOn:
    """The real coder, except that it crashes on one text (as a coder bug would)."""

    def __init__(self, coder, text):
        self.coder, self.text = coder, text

    def code(self, text, **kw):
        if text == self.text:
            raise RuntimeError("boom")
        return self.coder.code(text, **kw)

    def code_documents(self, docs, batch_size=32):
        for d in docs:
            if d.text == self.text:
                raise RuntimeError("boom")
        return self.coder.code_documents(docs, batch_size=batch_size)


def test_a_crashing_document_becomes_an_error_and_the_rest_are_coded(coder):
    records = [Record("a", "f:1", None, "a", STORY, "2024-01-15"), Record("b", "f:2", None, "b", "Broken text."),
               Record("c", "f:3", None, "c", TALKS, "2024-02-02"), Record("f:4", "f:4", "malformed JSON (x)"),
               Record("d", "f:5", None, "d", "Talks ended.", "sometime soon")]
    out = list(code_records(records, coder_factory=lambda: FailsOn(coder, "Broken text.")))
    errors = sorted(row for table, row in out if table == "errors")
    assert errors[:2] == [("f:2", "coder failed (RuntimeError: boom)"), ("f:4", "malformed JSON (x)")]
    assert errors[2][0] == "f:5" and errors[2][1].startswith("publication date") and len(errors) == 3
    want = []
    for rec in (records[0], records[2]):
        result = coder.code(rec.text, published=rec.published, doc_id=rec.id)
        language = non_english_reason(rec.text)[0]
        for table, table_rows in rows.result_rows(result, origin=rec.origin, language=language).items():
            want += [(table, tuple(r[c] for c, _ in TABLES[table])) for r in table_rows]
    got = [(t, r) for t, r in out if t != "errors"]
    assert Counter(got) == Counter(want) and any(t == "events" for t, _ in got)


def test_other_languages_are_stored_but_not_coded():
    french = ("Le gouvernement a annoncé mardi de nouvelles mesures pour soutenir les agriculteurs "
              "après des semaines de manifestations dans tout le pays.")

    def no_coder():
        raise AssertionError("the coder was loaded")
    out = list(code_records([Record("fr", "f:1", None, "fr", french, "2024-02-06")], coder_factory=no_coder))
    assert [t for t, _ in out] == ["documents"]
    doc = dict(zip([c for c, _ in TABLES["documents"]], out[0][1]))
    assert (doc["status"], doc["language"], doc["doc_id"], doc["origin"]) == ("skipped", "fr", "fr", "f:1")
    assert doc["reason"].startswith("not English") and doc["n_events"] is None


def test_a_partition_of_bad_records_never_loads_a_coder():
    def no_coder():
        raise AssertionError("the coder was loaded")
    records = [Record("f:1", "f:1", "malformed JSON (x)"), Record("e", "f:2", None, "e", "  \n ")]
    out = list(code_records(records, coder_factory=no_coder))
    assert out == [("errors", ("f:1", "malformed JSON (x)")), ("errors", ("f:2", "empty text"))]
