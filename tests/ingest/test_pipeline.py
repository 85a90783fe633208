"""Ingesting into a database: good documents stored and coded, bad ones recorded, runs
idempotent, a killed run resumed to the same database as an uninterrupted one."""
import io
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest

from dotterel.ingest.pipeline import Ingest
from ingest_samples import ARTICLES, LATIN1, gzipped, html_page, jsonl

DATA_TABLES = {
    "documents": "doc_key", "entities": "doc_key, n", "events": "event_key",
    "event_actors": "event_key, role, position", "quotes": "quote_key", "quantities": "quantity_key",
    "doc_minhash": "doc_key", "doc_buckets": "doc_key, bucket",
}


def snapshot(db: Path) -> dict[str, list]:
    """Every stored row, run bookkeeping left out, in key order."""
    con = duckdb.connect(str(db), read_only=True)
    try:
        out = {}
        for table, key in DATA_TABLES.items():
            cols = [c for (c,) in con.execute(f"SELECT column_name FROM information_schema.columns WHERE "
                                              f"table_name = '{table}' ORDER BY ordinal_position").fetchall()
                    if c != "run_id"]
            out[table] = con.execute(f"SELECT {', '.join(cols)} FROM {table} ORDER BY {key}").fetchall()
        out["errors"] = con.execute("SELECT input, reason FROM errors ORDER BY input, reason").fetchall()
        return out
    finally:
        con.close()


def consistent(db: Path) -> None:
    """Nothing half-written: every coded document has exactly its rows."""
    con = duckdb.connect(str(db), read_only=True)
    try:
        bad = con.execute("""
            SELECT d.doc_key FROM documents d WHERE d.status = 'coded' AND (
                d.n_events <> (SELECT count(*) FROM events e WHERE e.doc_key = d.doc_key)
             OR d.n_quotes <> (SELECT count(*) FROM quotes q WHERE q.doc_key = d.doc_key)
             OR d.n_quantities <> (SELECT count(*) FROM quantities q WHERE q.doc_key = d.doc_key)
             OR NOT EXISTS (SELECT 1 FROM doc_minhash m WHERE m.doc_key = d.doc_key))""").fetchall()
        assert not bad
        orphans = con.execute("SELECT count(*) FROM events WHERE doc_key NOT IN (SELECT doc_key FROM documents)")
        assert orphans.fetchone()[0] == 0
        dangling = con.execute("SELECT count(*) FROM documents WHERE status = 'duplicate' AND duplicate_of NOT IN "
                               "(SELECT doc_key FROM documents WHERE status = 'coded')").fetchone()[0]
        assert dangling == 0
    finally:
        con.close()


def mixed_folder(root: Path) -> Path:
    folder = root / "mixed"
    folder.mkdir()
    (folder / "page.html").write_text(html_page(ARTICLES[0]), encoding="utf-8")
    (folder / "good.jsonl").write_text(jsonl(ARTICLES[1:3]), encoding="utf-8")
    (folder / "broken.jsonl").write_text(jsonl(ARTICLES[3:4]) + '{"id": "cut", "text": "Unfinished\n'
                                         + jsonl(ARTICLES[4:5]), encoding="utf-8")
    whole = gzipped(ARTICLES[5]["text"].encode() * 30)
    (folder / "story.txt.gz").write_bytes(whole[: len(whole) // 2])
    (folder / "photo.bin").write_bytes(bytes(range(256)) * 8)
    (folder / "empty.txt").write_bytes(b"")
    (folder / "latin1.txt").write_bytes(LATIN1.encode("latin-1"))
    return folder


def test_mixed_folder_stores_every_good_document_and_records_every_bad_one(tmp_path, coder):
    db = tmp_path / "m.duckdb"
    messages = []
    summary = Ingest(db, coder=coder, batch_size=3, report=messages.append).run([str(mixed_folder(tmp_path))])
    con = duckdb.connect(str(db), read_only=True)
    docs = dict(con.execute("SELECT doc_id, status FROM documents").fetchall())
    assert docs == {"page": "coded", "meet-1": "coded", "arrest-1": "coded", "trade-1": "coded",
                    "expel-1": "coded", "latin1": "coded"}
    latin = con.execute("SELECT text FROM documents WHERE doc_id = 'latin1'").fetchone()[0]
    assert latin == LATIN1  # decoded, not mangled
    assert con.execute("SELECT title, published, source FROM documents WHERE doc_id = 'page'").fetchone() == \
        (ARTICLES[0]["title"], __import__("datetime").date(2023, 9, 13), ARTICLES[0]["source"])
    errors = {Path(i).name: r for i, r in con.execute("SELECT input, reason FROM errors").fetchall()}
    assert set(errors) == {"broken.jsonl:2", "story.txt.gz", "photo.bin", "empty.txt"}
    assert "malformed JSON" in errors["broken.jsonl:2"] and "truncated" in errors["story.txt.gz"]
    assert "binary" in errors["photo.bin"] and "empty" in errors["empty.txt"]
    # one printed line per error, naming the input
    assert sorted(Path(m.split(": ")[1]).name for m in messages) == sorted(errors)
    assert summary.counts["errors"] == 4 and summary.counts["coded"] == 6
    events = con.execute("SELECT count(*) FROM events WHERE NOT negated").fetchone()[0]
    assert events == summary.counts["events"] > 6
    run = con.execute("SELECT status, coded, errors FROM ingest_runs").fetchall()
    assert run == [("finished", 6, 4)]
    con.close()
    consistent(db)


def test_reingest_adds_nothing(tmp_path, coder):
    folder = mixed_folder(tmp_path)
    db = tmp_path / "r.duckdb"
    Ingest(db, coder=coder).run([str(folder)])
    before = snapshot(db)
    again = Ingest(db, coder=coder).run([str(folder), str(folder / "good.jsonl")])
    assert again.counts["coded"] == 0 and again.counts["already_stored"] == 6
    assert snapshot(db) == before
    con = duckdb.connect(str(db), read_only=True)
    assert con.execute("SELECT DISTINCT last_run FROM errors").fetchall() == [(2,)]
    con.close()


def test_duplicates_are_stored_not_coded_and_repeats_within_a_run_are_one(tmp_path, coder):
    from ingest_samples import near_copy
    a = ARTICLES[0]
    records = [a, {**a, "id": "copy", "source": "Other", "text": near_copy(a["text"])},
               {**a, "id": "exact", "source": "Third", "text": a["text"].upper()}, a]
    (tmp_path / "d.jsonl").write_text(jsonl(records), encoding="utf-8")
    db = tmp_path / "d.duckdb"
    summary = Ingest(db, coder=coder, batch_size=2).run([str(tmp_path / "d.jsonl")])
    con = duckdb.connect(str(db), read_only=True)
    rows = con.execute("SELECT doc_id, status, reason, duplicate_of = (SELECT doc_key FROM documents "
                       "WHERE doc_id = 'acc-1'), n_events FROM documents ORDER BY doc_id").fetchall()
    assert rows == [("acc-1", "coded", None, None, rows[0][4]), ("copy", "duplicate", "near duplicate", True, None),
                    ("exact", "duplicate", "exact duplicate", True, None)]
    assert summary.counts["already_stored"] == 1  # the repeated record
    assert con.execute("SELECT count(DISTINCT doc_key) FROM events").fetchone()[0] == 1
    con.close()


def test_non_english_documents_are_stored_as_skipped_with_the_reason(tmp_path, coder):
    from ingest_samples import FRENCH
    (tmp_path / "fr.txt").write_text(FRENCH, encoding="utf-8")
    db = tmp_path / "f.duckdb"
    summary = Ingest(db, coder=coder).run([str(tmp_path / "fr.txt")])
    con = duckdb.connect(str(db), read_only=True)
    assert con.execute("SELECT status, language, reason FROM documents").fetchall() == \
        [("skipped", "fr", "not English: language 'fr' (probability 1.00)")]
    assert con.execute("SELECT count(*) FROM events").fetchone()[0] == 0
    assert summary.counts["skipped"] == 1 and summary.counts["errors"] == 0
    con.close()


def test_bad_publication_date_is_an_error_for_that_record_only(tmp_path, coder):
    recs = [{**ARTICLES[1], "published": "the day after tomorrow-ish"}, ARTICLES[2]]
    (tmp_path / "p.jsonl").write_text(jsonl(recs), encoding="utf-8")
    db = tmp_path / "p.duckdb"
    summary = Ingest(db, coder=coder).run([str(tmp_path / "p.jsonl")])
    con = duckdb.connect(str(db), read_only=True)
    assert [r[0] for r in con.execute("SELECT doc_id FROM documents").fetchall()] == ["arrest-1"]
    ((name, reason),) = con.execute("SELECT input, reason FROM errors").fetchall()
    assert name.endswith("p.jsonl:1") and "publication date" in reason
    assert summary.counts["errors"] == 1
    con.close()


def _kill_corpus(folder: Path, n: int = 40) -> Path:
    """``n`` distinct two-article documents, after an empty file whose error line, printed
    once the first batch is committed, tells the test the run is under way."""
    import random
    rng = random.Random(7)
    folder.mkdir()
    (folder / "000-empty.txt").write_bytes(b"")
    for i in range(n):
        first, second = rng.sample(ARTICLES, 2)
        text = f"{first['text']}\n\n{second['text']}\n\nThis is report number {i} of the day."
        (folder / f"doc-{i:03d}.txt").write_text(text, encoding="utf-8")
    return folder


def test_run_killed_midway_and_resumed_equals_an_uninterrupted_run(tmp_path, coder):
    folder = _kill_corpus(tmp_path / "kill")
    killed = tmp_path / "killed.duckdb"
    cmd = [sys.executable, "-m", "dotterel.cli", "ingest", str(folder), "--db", str(killed), "--batch-size", "2", "-q"]
    proc = subprocess.Popen(cmd, stderr=subprocess.PIPE, text=True, env={**os.environ, "PYTHONUNBUFFERED": "1"})
    deadline = time.monotonic() + 120
    lines = []  # wait for "error: …000-empty.txt: empty file", printed after the first commit
    while not lines or "000-empty.txt" not in lines[-1]:
        lines.append(proc.stderr.readline())
        assert lines[-1] and time.monotonic() < deadline, "".join(lines)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    proc.stderr.close()
    assert proc.returncode == -signal.SIGKILL

    con = duckdb.connect(str(killed), read_only=True)
    stored = con.execute("SELECT count(*) FROM documents").fetchone()[0]
    status = con.execute("SELECT status FROM ingest_runs").fetchall()
    con.close()
    assert 0 < stored < 40, "the kill should land mid-way"
    assert status == [("running",)]
    consistent(killed)

    resumed = Ingest(killed, coder=coder, batch_size=2).run([str(folder)])
    assert resumed.counts["already_stored"] == stored
    whole = tmp_path / "whole.duckdb"
    Ingest(whole, coder=coder, batch_size=2).run([str(folder)])
    assert snapshot(killed) == snapshot(whole)
    con = duckdb.connect(str(killed), read_only=True)
    assert con.execute("SELECT status FROM ingest_runs ORDER BY run_id").fetchall() == [("interrupted",), ("finished",)]
    con.close()


@pytest.mark.parametrize("workers", [2])
def test_worker_processes_give_the_same_database(tmp_path, coder, workers):
    folder = mixed_folder(tmp_path)
    one, many = tmp_path / "one.duckdb", tmp_path / "many.duckdb"
    Ingest(one, coder=coder, batch_size=2).run([str(folder)])
    summary = Ingest(many, workers=workers, batch_size=2).run([str(folder)])
    assert summary.counts["coded"] == 6 and summary.counts["errors"] == 4
    assert snapshot(one) == snapshot(many)


def test_cli_ingest_exit_status_and_summary(tmp_path, capsys, coder, monkeypatch):
    from dotterel import cli
    from dotterel.ingest import pipeline

    monkeypatch.setattr(pipeline, "_coders", lambda workers, c, actors: pipeline._Inline(coder, actors))
    good = tmp_path / "good.jsonl"
    good.write_text(jsonl(ARTICLES[:1]), encoding="utf-8")
    db = str(tmp_path / "c.duckdb")
    assert cli.main(["ingest", str(good), "--db", db, "-q"]) == 0
    assert "1 coded" in capsys.readouterr().err
    assert cli.main(["ingest", str(good), str(tmp_path / "missing.txt"), "--db", db, "-q"]) == 1
    err = capsys.readouterr().err
    assert "missing.txt: no such file or folder" in err and "1 already stored" in err and "1 error " in err


def test_stdin_jsonl(tmp_path, coder):
    stdin = io.BytesIO((json.dumps(ARTICLES[1]) + "\nnot json\n").encode())
    summary = Ingest(tmp_path / "s.duckdb", coder=coder, report=lambda m: None).run(["-"], stdin=stdin)
    assert summary.counts["coded"] == 1 and summary.counts["errors"] == 1
