"""Importing a Spark run into the database: duplicates across documents, reruns, errors.

The run is written here with pyarrow from the rows a Spark task produces
(``records.code_records``), so these tests need neither Spark nor Java."""
import json

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from dotterel.errors import DotterelError
from dotterel.scale.importer import import_parquet
from dotterel.scale.job import MARKER
from dotterel.scale.records import TABLES, Record, code_records
from dotterel.store.schema import connect
from dotterel.store.writer import arrow_schema

WIRE = ("Police in Lagos arrested dozens of protesters on Monday after a march against fuel prices turned "
        "violent near the state parliament. The governor said the demonstrators had blocked the main highway "
        "for six hours and attacked two police vehicles. Labour unions accused the security forces of using "
        "excessive force and called for a general strike on Thursday if the detained marchers were not released. "
        "Nigeria's president urged calm and promised to review the price increase.")
TALKS = ("The foreign ministers of Kenya and Ethiopia met in Addis Ababa on Friday to discuss the border. "
         "They agreed to reopen two crossings closed since March.")
FRENCH = ("Le gouvernement a annoncé mardi de nouvelles mesures pour soutenir les agriculteurs après des "
          "semaines de manifestations dans tout le pays.")


def write_run(folder, records, coder):
    """What `dotterel spark` writes for these records, one Parquet file per dataset."""
    produced = list(code_records(records, coder_factory=lambda: coder))
    for table, columns in TABLES.items():
        names = [c for c, _ in columns]
        schema = arrow_schema(table) if table != "errors" else pa.schema([(c, pa.string()) for c in names])
        data = [dict(zip(names, row)) for t, row in produced if t == table]
        (folder / table).mkdir(parents=True)
        pq.write_table(pa.Table.from_pylist(data, schema=schema), folder / table / "part-00000.parquet")
    (folder / MARKER).write_text("{}")
    return folder


def _docs(con):
    return {r[0]: r[1:] for r in con.execute(
        "SELECT doc_id, status, duplicate_of, reason, doc_key FROM documents").fetchall()}


def test_duplicates_across_the_run_are_stored_without_events(tmp_path, coder):
    # the copy published first is the one coded, whatever the order of the run's files
    records = [
        Record("a-wire", "in.jsonl:1", None, "a-wire", WIRE, "2024-01-15", source="Wire"),
        Record("b-copy", "in.jsonl:2", None, "b-copy", WIRE, "2024-01-14", source="Daily"),
        Record("c-edit", "in.jsonl:3", None, "c-edit", WIRE.replace("six hours", "seven hours"), "2024-01-16"),
        Record("d-talks", "in.jsonl:4", None, "d-talks", TALKS, "2024-03-01"),
        Record("e-fr", "in.jsonl:5", None, "e-fr", FRENCH, "2024-02-06"),
        Record("in.jsonl:6", "in.jsonl:6", "malformed JSON (Expecting value at column 1)"),
    ]
    run = write_run(tmp_path / "run", records, coder)
    db = tmp_path / "events.duckdb"
    summary = import_parquet(run, db)
    c = summary.counts
    assert (c["records"], c["coded"], c["duplicates"], c["skipped"], c["errors"]) == (5, 2, 2, 1, 1)

    con = connect(db)
    docs = _docs(con)
    original = docs["b-copy"][3]
    assert docs["b-copy"][0] == docs["d-talks"][0] == "coded"
    assert docs["a-wire"][:3] == ("duplicate", original, "exact duplicate")
    assert docs["c-edit"][:3] == ("duplicate", original, "near duplicate")
    assert docs["e-fr"][0] == "skipped"
    with_events = {r[0] for r in con.execute("SELECT DISTINCT d.doc_id FROM events e JOIN documents d USING (doc_key)").fetchall()}
    assert with_events == {"b-copy", "d-talks"}
    stored = con.execute("SELECT count(*) FROM events WHERE NOT negated").fetchone()[0]
    assert stored == c["events"] > 0
    assert con.execute("SELECT input, reason FROM errors").fetchall() == [("in.jsonl:6", records[-1].error)]
    assert con.execute("SELECT count(*) FROM doc_minhash").fetchone()[0] == 2
    con.close()

    again = import_parquet(run, db)
    assert again.counts["already_stored"] == 5 and again.counts["coded"] == again.counts["duplicates"] == 0
    con = connect(db)
    assert con.execute("SELECT count(*) FROM events WHERE NOT negated").fetchone()[0] == stored
    assert con.execute("SELECT count(*) FROM documents").fetchone()[0] == 5
    assert con.execute("SELECT count(*) FROM errors").fetchone()[0] == 1


def test_a_second_run_with_a_copy_of_a_stored_document_adds_only_the_duplicate(tmp_path, coder):
    db = tmp_path / "events.duckdb"
    import_parquet(write_run(tmp_path / "one", [Record("w1", "a:1", None, "w1", WIRE, "2024-01-15")], coder), db)
    later = write_run(tmp_path / "two", [Record("w2", "b:1", None, "w2", WIRE, "2024-01-20", source="Other"),
                                         Record("t", "b:2", None, "t", TALKS, "2024-03-01")], coder)
    c = import_parquet(later, db).counts
    assert (c["coded"], c["duplicates"]) == (1, 1)
    con = connect(db)
    assert _docs(con)["w2"][:2] == ("duplicate", _docs(con)["w1"][3])


def test_refuses_what_is_not_a_finished_run(tmp_path):
    (tmp_path / "half" / "events").mkdir(parents=True)
    with pytest.raises(DotterelError, match="not the output of `dotterel spark`"):
        import_parquet(tmp_path / "half", tmp_path / "x.duckdb")
    (tmp_path / "half" / MARKER).write_text(json.dumps({}))
    with pytest.raises(DotterelError, match="missing"):
        import_parquet(tmp_path / "half", tmp_path / "x.duckdb")
    assert not (tmp_path / "x.duckdb").exists()
