"""Users add their own actors in a data file; validity dates decide when an entry applies."""
from dotterel import Coder
from dotterel.cli import main

TEXT = "Mara Quillfeather accused the Ruritanian army of shelling Zenda."


def test_yaml_actor_file_with_dates(tmp_path):
    f = tmp_path / "mine.yaml"
    f.write_text("- name: Mara Quillfeather\n  aliases: [Quillfeather]\n  country: FRA\n  sector: GOV\n"
                 "  kind: person\n  valid_from: 2024-01-01\n", encoding="utf-8")
    coder = Coder(actor_files=[str(f)])
    later = [e for e in coder.code(TEXT, published="2024-06-01").events if e.event == "ACCUSE"]
    assert later and later[0].actor[0].country == "FRA" and later[0].actor[0].sector == "GOV"
    before = [e for e in coder.code(TEXT, published="2023-06-01").events if e.event == "ACCUSE"]
    assert not any(a.country == "FRA" for e in before for a in e.actor)


def test_tsv_actor_file_through_the_cli(tmp_path, capsys):
    f = tmp_path / "mine.tsv"
    f.write_text("name\taliases\tcountry\tsector\tvalid_from\tvalid_to\n"
                 "Mara Quillfeather\tQuillfeather\tBEL\tGOV\t\t\n", encoding="utf-8")
    article = tmp_path / "a.txt"
    article.write_text(TEXT, encoding="utf-8")
    assert main(["code", str(article), "--actors", str(f), "-q"]) == 0
    out = capsys.readouterr().out
    assert '"country": "BEL"' in out
