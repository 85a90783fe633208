"""Reading inputs: every bad document becomes an InputError naming it, the rest still arrive."""
import io

from dotterel.errors import InputError
from dotterel.readers import read_inputs, read_jsonl


def test_jsonl_with_broken_line_keeps_the_good_ones():
    fh = io.StringIO('{"id": "a", "text": "Troops crossed the border."}\n'
                     '{"id": "b", "text": \n'
                     '["not", "an", "object"]\n'
                     '{"id": "c", "text": "Police arrested ten protesters.", "published": "2024-01-02"}\n')
    items = list(read_jsonl(fh, "feed.jsonl"))
    docs = [i for i in items if not isinstance(i, InputError)]
    errors = [i for i in items if isinstance(i, InputError)]
    assert [d.id for d in docs] == ["a", "c"]
    assert docs[1].published == "2024-01-02"
    assert [e.name for e in errors] == ["feed.jsonl:2", "feed.jsonl:3"]
    assert "malformed JSON" in errors[0].reason


def test_text_files_binary_latin1_and_missing(tmp_path):
    (tmp_path / "good.txt").write_text("Rebels attacked a convoy.", encoding="utf-8")
    (tmp_path / "latin1.txt").write_bytes("Le ministre a rencontré l'ambassadeur.".encode("latin-1"))
    (tmp_path / "blob.txt").write_bytes(b"\x00\x01\x02\xff" * 100)
    items = list(read_inputs([str(tmp_path / n) for n in ("good.txt", "latin1.txt", "blob.txt", "nope.txt")]))
    assert items[0].text == "Rebels attacked a convoy." and items[0].id == "good"
    assert "rencontré" in items[1].text
    assert isinstance(items[2], InputError) and "binary" in items[2].reason
    assert isinstance(items[3], InputError) and "no such file" in items[3].reason
