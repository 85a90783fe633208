"""Event clusters, filters, and every export format read back and compared."""
import csv
import io
import json
from datetime import date

import pyarrow.parquet as pq

from dotterel import cli
from dotterel.store import export, query
from dotterel.store.gdelt import COLUMNS
from dotterel.store.query import Filters, cluster_id
from dotterel.store.stats import stats


def _clusters(con, **filters):
    return list(query.clusters(con, Filters(**filters), mentions=True))


def test_the_same_event_from_many_articles_is_one_cluster(con):
    meetings = _clusters(con, event="CONSULT", actor="AZE", recipient="UNO")
    assert len(meetings) == 1
    m = meetings[0]
    # the Geneva meeting: coded from two independently written articles
    assert (m["num_articles"], m["num_sources"]) == (2, 2)
    assert {x["doc_id"] for x in m["mentions"]} == {"meet-1", "b-geneva"}
    assert (m["first_seen"], m["last_seen"]) == (date(2023, 9, 14), date(2023, 9, 15))
    assert m["location_name"] == "Geneva" and m["day"] == date(2023, 9, 13)
    # the representative is the earliest article's event
    assert m["doc_id"] == "meet-1" and m["source"] == "Alpine Wire"


def test_duplicates_count_as_articles_of_the_events_they_repeat(con):
    (accuse,) = _clusters(con, event="ACCUSE", actor="AZE", recipient="ARM")
    assert accuse["num_articles"] == 2 and accuse["num_sources"] == 2  # the wire copy from another outlet
    assert [x["doc_id"] for x in accuse["mentions"]] == ["acc-1", "acc-1-copy"]
    assert accuse["last_seen"] == date(2023, 9, 14)
    (arrest,) = _clusters(con, event="COERCE", actor="GEO", recipient="GEO")
    assert arrest["num_articles"] == 2 and arrest["num_sources"] == 2  # the exact copy
    assert arrest["num_mentions"] == 2


def test_filters(con):
    everything = _clusters(con)
    assert len({c["cluster_key"] for c in everything}) == len(everything) > 10
    assert [c["day"] for c in everything if c["day"]] == sorted(c["day"] for c in everything if c["day"])
    for c in _clusters(con, actor="LTU"):
        assert "LTU" in (c["actor_codes"] or "")
    assert {c["event"] for c in _clusters(con, event="accuse,sanction")} == {"ACCUSE", "SANCTION"}
    sept_14 = _clusters(con, since="2023-09-14", until="2023-09-14")
    assert sept_14 and all(c["day"] == date(2023, 9, 14) for c in sept_14)
    assert all(c["day"] >= date(2023, 9, 14) for c in _clusters(con, since="2023-09-14"))
    assert len(_clusters(con, since="2023-09", until="2023")) == len([c for c in everything if c["day"]])
    assert {c["doc_id"] for c in _clusters(con, text="TEAR GAS")} == {"arrest-1"}
    assert len(_clusters(con, limit=2)) == 2


def test_plover_jsonl_round_trip(con, tmp_path, capsys):
    want = _clusters(con)
    out = tmp_path / "events.jsonl"
    assert cli.main(["export", "--db", str(con_path(con)), "--format", "plover-jsonl", "--out", str(out)]) == 0
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert lines == [json.loads(json.dumps(export.plover(c), default=export._json)) for c in want]
    first = lines[0]
    assert {"id", "event", "mode", "actor", "recipient", "location", "cameo", "quad", "num_articles",
            "mentions"} <= set(first)
    assert first["id"] == cluster_id(first["cluster_key"])


def test_csv_round_trip(con, tmp_path):
    want = [export.flat(c) for c in _clusters(con)]
    out = tmp_path / "events.csv"
    assert cli.main(["export", "--db", str(con_path(con)), "--format", "csv", "--out", str(out)]) == 0
    with open(out, newline="", encoding="utf-8") as fh:
        got = list(csv.DictReader(fh))
    assert got == [{k: "" if v is None else str(v) for k, v in row.items()} for row in want]


def test_parquet_round_trip(con, tmp_path):
    want = [export.flat(c) for c in _clusters(con)]
    out = tmp_path / "events.parquet"
    assert cli.main(["export", "--db", str(con_path(con)), "--format", "parquet", "--out", str(out)]) == 0
    table = pq.read_table(out)
    assert table.schema.names == [name for name, _ in export.FLAT]
    assert table.to_pylist() == want


def test_gdelt_rows_have_61_fields_in_order(con, tmp_path):
    clusters = _clusters(con)
    out = tmp_path / "events.tsv"
    assert cli.main(["export", "--db", str(con_path(con)), "--format", "gdelt", "--out", str(out)]) == 0
    rows = [line.split("\t") for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(COLUMNS) == 61 and all(len(r) == 61 for r in rows) and len(rows) == len(clusters)
    assert COLUMNS[:5] == ["GlobalEventID", "Day", "MonthYear", "Year", "FractionDate"]
    assert COLUMNS[25:35] == ["IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass",
                              "GoldsteinScale", "NumMentions", "NumSources", "NumArticles", "AvgTone"]
    assert COLUMNS[-2:] == ["DATEADDED", "SOURCEURL"] and COLUMNS[51] == "ActionGeo_Type"
    by_id = {int(r[0]): dict(zip(COLUMNS, r)) for r in rows}
    (meeting,) = _clusters(con, event="CONSULT", actor="AZE", recipient="UNO")
    g = by_id[meeting["id"]]
    assert (g["Day"], g["MonthYear"], g["Year"], g["FractionDate"]) == ("20230913", "202309", "2023", "2023.6932")
    assert g["Actor1CountryCode"] == "AZE" and g["Actor1Name"] == "JEYHUN BAYRAMOV" and g["Actor1Type1Code"] == "GOV"
    assert g["Actor2KnownGroupCode"] == "UNO" and g["Actor2CountryCode"] == ""
    assert (g["EventCode"], g["EventRootCode"], g["QuadClass"]) == (meeting["cameo"], meeting["cameo"][:2], "1")
    assert (g["NumMentions"], g["NumSources"], g["NumArticles"]) == ("2", "2", "2")
    assert g["ActionGeo_Type"] == "4" and g["ActionGeo_FullName"] == "Geneva, Switzerland"
    assert g["ActionGeo_CountryCode"] == "SZ"  # FIPS 10-4, as GDELT uses
    assert g["SOURCEURL"] == "https://alpine.example.com/geneva-talks" and len(g["DATEADDED"]) == 14


def test_events_command_table_and_filters(con, capsys):
    assert cli.main(["events", "--db", str(con_path(con)), "--actor", "AZE", "--recipient", "UNO"]) == 0
    out = capsys.readouterr().out
    assert "CONSULT" in out and "Geneva" in out and "2 articles, 2 sources" in out
    assert cli.main(["events", "--db", str(con_path(con)), "--event", "NOSUCH"]) == 0
    assert capsys.readouterr().out == "no events match\n"
    assert cli.main(["events", "--db", str(con_path(con)), "--format", "csv", "--event", "AID"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert rows and {r["event"] for r in rows} == {"AID"}
    assert cli.main(["events", "--db", str(con_path(con)), "--since", "September"]) == 2
    assert "expected a date" in capsys.readouterr().err


def test_stats(con, capsys):
    s = stats(con)
    t = s["totals"]
    assert (t["documents"], t["coded"], t["duplicates"], t["skipped"]) == (10, 7, 2, 1)
    assert t["clusters"] == len(_clusters(con))
    by_cat = {r["category"]: r for r in s["by_category"]}
    assert by_cat["CONSULT"]["events"] >= 2 and sum(r["clusters"] for r in s["by_category"]) == t["clusters"]
    countries = {r["country"]: r for r in s["by_country"]}
    assert countries["AZE"]["as_actor"] >= 2 and countries["UNO"]["as_recipient"] >= 1
    assert [r["month"] for r in s["by_month"]] == ["2023-09"]
    assert cli.main(["stats", "--db", str(con_path(con))]) == 0
    assert "BY CATEGORY" in capsys.readouterr().out


def con_path(con):
    return con.execute("SELECT path FROM duckdb_databases() WHERE NOT internal").fetchone()[0]
