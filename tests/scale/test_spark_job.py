"""The Spark job on local[2]: its rows equal what Coder.code gives on the same documents,
bad records land in errors/, reruns replace the output and give the same files.

One SparkSession for the module; skipped where pyspark or Java is missing (``make test``
installs pyspark, ``.ci/run`` installs Java)."""
import json
import os
import shutil
import sys
from pathlib import Path

import pytest

from dotterel.errors import DotterelError, InputError
from dotterel.ingest.language import non_english_reason
from dotterel.store import rows

pytest.importorskip("pyspark")
if not (shutil.which("java") or os.environ.get("JAVA_HOME")):
    pytest.skip("no Java runtime (install openjdk-17-jre-headless)", allow_module_level=True)

from dotterel.scale.job import MARKER, run  # noqa: E402
from dotterel.scale.records import TABLES  # noqa: E402

DATA = Path(__file__).parent / "data" / "articles.jsonl"


@pytest.fixture(scope="module")
def spark():
    from pyspark.sql import SparkSession

    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    session = (SparkSession.builder.master("local[2]").appName("dotterel-tests")
               .config("spark.ui.enabled", "false").config("spark.ui.showConsoleProgress", "false")
               .config("spark.sql.shuffle.partitions", "2").config("spark.default.parallelism", "2")
               .getOrCreate())
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()


def _read(spark, out: Path, table: str) -> list[dict]:
    return [r.asDict() for r in spark.read.parquet(str(out / table)).collect()]


def _in_file_order(spark, out: Path, table: str) -> list[tuple]:
    """The rows of each part file, files by part number, rows as stored."""
    parts = sorted((out / table).glob("part-*.parquet"), key=lambda p: p.name.split("-")[1])
    return [tuple(r) for p in parts for r in spark.read.parquet(str(p)).collect()]


@pytest.fixture(scope="module")
def expected(coder):
    """Rows per table from Coder.code on every record of the file, and the bad lines."""
    expected = {table: [] for table in TABLES}
    bad = {}
    for n, line in enumerate(DATA.read_text(encoding="utf-8").splitlines(), 1):
        origin = f"{DATA.resolve()}:{n}"
        try:
            rec = json.loads(line)
        except json.JSONDecodeError:
            bad[origin] = "malformed JSON"
            continue
        if not isinstance(rec, dict) or not isinstance(rec.get("text"), str):
            bad[origin] = "not a record with text"
            continue
        try:
            result = coder.code(rec["text"], published=rec.get("published"), title=rec.get("title"),
                                source=rec.get("source"), url=rec.get("url"), doc_id=rec.get("id") or f"{DATA.name}:{n}")
        except InputError as e:
            bad[origin] = e.reason
            continue
        language, skip = non_english_reason(rec["text"])
        assert skip is None, "the test articles are English"
        for table, table_rows in rows.result_rows(result, origin=origin, language=language).items():
            expected[table].extend(table_rows)
    return expected, bad


@pytest.fixture(scope="module")
def first_run(spark, tmp_path_factory):
    out = tmp_path_factory.mktemp("spark") / "run"
    counts = run(spark, str(DATA), str(out), partitions=3)
    return out, counts


def _sorted(table_rows: list[dict]) -> list[dict]:
    return sorted(table_rows, key=lambda r: [str(v) for v in r.values()])


def test_rows_equal_coder_record_for_record(spark, first_run, expected):
    out, counts = first_run
    expected, _ = expected
    assert len(expected["documents"]) >= 50 and len(expected["events"]) >= 50
    for table, columns in rows.SCHEMA.items():
        assert spark.read.parquet(str(out / table)).columns == [name for name, _ in columns]
        assert _sorted(_read(spark, out, table)) == _sorted(expected[table]), table
        assert counts[table] == len(expected[table])


def test_bad_records_land_in_errors(spark, first_run, expected):
    out, counts = first_run
    _, bad = expected
    errors = {r["input"]: r["reason"] for r in _read(spark, out, "errors")}
    assert set(errors) == set(bad) and counts["errors"] == len(bad) >= 6
    for origin, reason in bad.items():
        assert errors[origin]
        if reason in ("empty text", "malformed JSON"):
            assert errors[origin].startswith(reason)
    coded = {r["origin"] for r in _read(spark, out, "documents")}
    assert not coded & set(errors)


def test_document_without_id_is_named_by_file_and_line(spark, first_run):
    out, _ = first_run
    unnamed = [n for n, line in enumerate(DATA.read_text(encoding="utf-8").splitlines(), 1)
               if line.startswith("{") and '"id"' not in line]
    assert unnamed
    ids = {r["doc_id"] for r in _read(spark, out, "documents")}
    assert {f"{DATA.name}:{n}" for n in unnamed} <= ids


def test_rerun_replaces_output_with_identical_files(spark, first_run, tmp_path):
    out, counts = first_run
    before = {table: _in_file_order(spark, out, table) for table in ("events", "documents", "errors")}
    (out / "stale.txt").write_text("left by hand")
    assert run(spark, str(DATA), str(out), partitions=3) == counts
    assert not (out / "stale.txt").exists()
    for table, stored in before.items():
        assert _in_file_order(spark, out, table) == stored, table
    assert sorted(p.name for p in out.parent.iterdir() if p.name.startswith(".")) == []
    assert json.loads((out / MARKER).read_text())["rows"] == counts


def test_parquet_input_gives_the_same_rows(spark, first_run, tmp_path):
    out, _ = first_run
    fields = ("id", "text", "published", "title", "source", "url")
    records = [json.loads(line) for line in DATA.read_text(encoding="utf-8").splitlines()[:14]]
    table = [tuple(r.get(f) for f in fields) for r in records
             if isinstance(r, dict) and isinstance(r.get("text"), str) and r.get("id")]
    table.append(("no-text", None, "2024-01-01", "A record without text", None, None))
    docs = tmp_path / "docs.parquet"
    spark.createDataFrame(table, ", ".join(f"{f} string" for f in fields)).coalesce(1).write.parquet(str(docs))

    counts = run(spark, str(docs), str(tmp_path / "out"), fmt="parquet", partitions=2)
    documents = _read(spark, tmp_path / "out", "documents")
    assert sorted(d["doc_id"] for d in documents) == sorted(r[0] for r in table[:-1] if r[1].strip())
    keys = {d["doc_key"] for d in documents}
    want = [e for e in _read(spark, out, "events") if e["doc_key"] in keys]
    assert want and _sorted(_read(spark, tmp_path / "out", "events")) == _sorted(want)
    errors = _read(spark, tmp_path / "out", "errors")
    no_text = [e for e in errors if e["input"].endswith(f".parquet:{len(table)}")]
    assert len(no_text) == 1 and "text" in no_text[0]["reason"]
    assert counts["errors"] == len(errors) and counts["documents"] == len(documents)


def test_import_stores_what_ingest_stores(first_run, coder, tmp_path):
    import duckdb

    from dotterel.ingest.pipeline import Ingest
    from dotterel.scale.importer import import_parquet

    out, _ = first_run
    imported, ingested = tmp_path / "imported.duckdb", tmp_path / "ingested.duckdb"
    assert import_parquet(out, imported).counts["coded"] >= 50
    Ingest(ingested, coder=coder, report=lambda message: None).run([str(DATA.resolve())])
    a, b = duckdb.connect(str(imported), read_only=True), duckdb.connect(str(ingested), read_only=True)
    for table in [*rows.SCHEMA, "errors", "doc_minhash", "doc_buckets"]:
        columns = [r[0] for r in a.execute(
            "SELECT column_name FROM information_schema.columns WHERE table_name = ? "
            "AND column_name NOT IN ('run_id', 'first_run', 'last_run') ORDER BY ordinal_position", [table]).fetchall()]
        query = f"SELECT {', '.join(columns)} FROM {table} ORDER BY ALL"
        assert a.execute(query).fetchall() == b.execute(query).fetchall(), table


def test_refuses_to_replace_a_directory_it_did_not_write(spark, tmp_path):
    keep = tmp_path / "mine"
    keep.mkdir()
    (keep / "notes.txt").write_text("precious")
    with pytest.raises(DotterelError, match="refusing"):
        run(spark, str(DATA), str(keep))
    assert (keep / "notes.txt").read_text() == "precious"
    with pytest.raises(DotterelError, match="must not contain"):
        run(spark, str(DATA), str(DATA.parent))
    with pytest.raises(DotterelError, match="no such file"):
        run(spark, str(tmp_path / "missing.jsonl"), str(tmp_path / "out"))


def test_cli_runs_the_job(spark, tmp_path, capsys):
    from dotterel.cli import main

    small = tmp_path / "small.jsonl"
    small.write_text("".join(DATA.read_text(encoding="utf-8").splitlines(keepends=True)[:8]), encoding="utf-8")
    status = main(["spark", "--input", str(small), "--output", str(tmp_path / "out"), "--partitions", "2"])
    report = json.loads(capsys.readouterr().out)
    assert status == 0 and report["rows"]["documents"] == 7 and report["rows"]["errors"] == 1
    assert spark.sparkContext._jsc is not None  # the test's session was used, not stopped
