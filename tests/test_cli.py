"""The command line, driven as a user would: real files in, JSON or a table out, errors named."""
import json
import subprocess
import sys

from dotterel.cli import main


def test_code_jsonl_reports_bad_lines_and_codes_the_rest(tmp_path, capsys):
    feed = tmp_path / "feed.jsonl"
    feed.write_text(
        json.dumps({"id": "a1", "text": "Ethiopian troops withdrew from the Somali town of Baidoa on Monday.",
                    "published": "2024-02-07", "source": "Wire"}) + "\n"
        + '{"id": "broken", "text": \n'
        + json.dumps({"id": "empty", "text": "   "}) + "\n", encoding="utf-8")
    code = main(["code", str(feed), "-q"])
    out, err = capsys.readouterr()
    results = [json.loads(line) for line in out.splitlines()]
    assert code == 1
    assert [r["id"] for r in results] == ["a1"]
    assert results[0]["published"] == "2024-02-07"
    assert any(e["event"] == "RETREAT" for e in results[0]["events"])
    assert "feed.jsonl:2" in err and "malformed JSON" in err
    assert "empty: empty text" in err


def test_code_text_file_as_table(tmp_path, capsys):
    article = tmp_path / "article.txt"
    article.write_text("Kenya urged Uganda on Tuesday to reopen the border crossing at Malaba.", encoding="utf-8")
    assert main(["code", str(article), "--format", "table", "--published", "2024-05-02", "-q"]) == 0
    out = capsys.readouterr().out
    assert "REQUEST" in out and "KEN" in out and "2024-04-30" in out


def test_classify_jsonl(tmp_path, capsys):
    text = "Pakistan accused India of violating the ceasefire along the Line of Control."
    src = tmp_path / "pairs.jsonl"
    src.write_text(json.dumps({"id": "p1", "text": text, "actor": [0, 8], "recipient": [18, 23]}) + "\n"
                   + "not json\n", encoding="utf-8")
    assert main(["classify", str(src)]) == 1
    captured = capsys.readouterr()
    row = json.loads(captured.out.splitlines()[0])
    assert row == {"id": "p1", "event": "ACCUSE", "mode": row["mode"], "score": row["score"]}
    assert "line 2" in captured.err


def test_help_explains_commands():
    out = subprocess.run([sys.executable, "-m", "dotterel.cli", "--help"], capture_output=True, text=True).stdout
    for word in ("code", "classify", "evaluate", "who did what to whom"):
        assert word in out
