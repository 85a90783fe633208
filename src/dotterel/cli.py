"""dotterel's command line: a thin layer over Coder and the evaluation functions."""
from __future__ import annotations

import argparse
import json
import sys
from typing import IO

from .errors import DotterelError, InputError

DESCRIPTION = """\
dotterel turns news text into political event data: who did what to whom, when and
where (PLOVER categories with CAMEO codes), who said what, and which figures were claimed.
"""


def _open_out(path: str | None) -> IO[str]:
    return open(path, "w", encoding="utf-8") if path and path != "-" else sys.stdout


def _progress(iterable, enabled: bool, unit: str):
    if not enabled:
        return iterable
    from tqdm import tqdm
    return tqdm(iterable, unit=unit, file=sys.stderr, dynamic_ncols=True)


def cmd_code(args) -> int:
    from .coder import Coder
    from .readers import read_inputs
    from .report import render

    coder = Coder(actor_files=args.actors or ())
    out = _open_out(args.output)
    failures = 0
    collected = []

    def documents():
        nonlocal failures
        for item in read_inputs(args.inputs or ["-"]):
            if isinstance(item, InputError):
                failures += 1
                print(f"error: {item}", file=sys.stderr)
                continue
            if args.published and not item.published:
                item.published = args.published
            yield item

    show = sys.stderr.isatty() and not args.quiet
    for res in _progress(coder.code_documents(documents()), show, "doc"):
        if isinstance(res, InputError):
            failures += 1
            print(f"error: {res}", file=sys.stderr)
            continue
        if args.format == "table":
            out.write(render(res, include_negated=args.include_negated))
        elif args.format == "json":
            collected.append(res.to_dict(include_negated=args.include_negated))
        else:
            out.write(json.dumps(res.to_dict(include_negated=args.include_negated), ensure_ascii=False) + "\n")
    if args.format == "json":
        json.dump(collected if len(collected) != 1 else collected[0], out, ensure_ascii=False, indent=2)
        out.write("\n")
    if out is not sys.stdout:
        out.close()
    return 1 if failures else 0


def cmd_classify(args) -> int:
    from .coder import Coder

    coder = Coder(actor_files=args.actors or ())
    src = sys.stdin if args.input in (None, "-") else open(args.input, encoding="utf-8")
    out = _open_out(args.output)
    failures = 0
    import json as _json
    for n, line in enumerate(src, 1):
        if not line.strip():
            continue
        try:
            rec = _json.loads(line)
            actor = tuple(rec["actor"])
            recipient = tuple(rec["recipient"]) if rec.get("recipient") else None
            res = coder.classify(rec["text"], actor, recipient)
        except (ValueError, KeyError, TypeError, DotterelError) as e:
            failures += 1
            print(f"error: line {n}: {e}", file=sys.stderr)
            continue
        out.write(_json.dumps({"id": rec.get("id"), **res}) + "\n")
    return 1 if failures else 0


def cmd_evaluate(args) -> int:
    from .evaluate import evaluate_gsr, format_report

    report = evaluate_gsr(args.path, limit=args.limit, show_progress=sys.stderr.isatty())
    if not args.errors:
        report.pop("mistakes")
    if args.json:
        print(json.dumps(report, indent=2))
    else:
        for m in report.get("mistakes", []):
            print(f"{m['id']}: gold {m['gold']}, predicted {m['predicted']}: {m['text']}")
        print(format_report(report))
    return 0


def cmd_spark(args) -> int:
    from .scale.spark_job import execute

    return execute(args)


def cmd_import(args) -> int:
    from .scale.importer import import_parquet

    summary = import_parquet(args.from_parquet, args.db, progress=sys.stderr.isatty() and not args.quiet)
    print(summary.line(), file=sys.stderr)
    return 0


def cmd_ingest(args) -> int:
    from .ingest.pipeline import Ingest
    from .ingest.sources import ReadOptions
    from .ingest.tabular import Fields

    options = ReadOptions(fields=Fields.parse(args.field), max_bytes=int(args.max_file_mb * 2**20))
    run = Ingest(args.db, workers=args.workers, options=options, batch_size=args.batch_size,
                 actor_files=args.actors or (), progress=sys.stderr.isatty() and not args.quiet)
    summary = run.run(args.sources)
    print(summary.line(), file=sys.stderr)
    return 1 if summary.counts["errors"] else 0


def cmd_events(args) -> int:
    from .store import export, query
    from .store.schema import connect

    con = connect(args.db, read_only=True)
    found = query.clusters(con, query.filters_from_args(args), mentions=args.format == "jsonl")
    write = {"table": export.write_table, "jsonl": export.write_jsonl, "csv": export.write_csv}[args.format]
    export.to_stdout(write, found)
    return 0


def cmd_export(args) -> int:
    from .store import export, query
    from .store.schema import connect

    if args.format == "parquet" and args.out in (None, "-"):
        raise DotterelError("--format parquet needs --out PATH (Parquet is not written to a terminal or pipe)")
    con = connect(args.db, read_only=True)
    found = query.clusters(con, query.filters_from_args(args), mentions=args.format == "plover-jsonl")
    if args.format == "parquet":
        n = export.write_parquet(args.out, found)
    else:
        write = {"plover-jsonl": export.write_jsonl, "csv": export.write_csv, "gdelt": export.write_gdelt}[args.format]
        if args.out in (None, "-"):
            n = export.to_stdout(write, found)
        else:
            with open(args.out, "w", encoding="utf-8", newline="") as out:
                n = write(out, found)
    print(f"exported {n} event clusters ({args.format}) to {args.out or 'standard output'}", file=sys.stderr)
    return 0


def cmd_stats(args) -> int:
    from .store.schema import connect
    from .store.stats import stats, write_stats

    s = stats(connect(args.db, read_only=True))
    if args.format == "json":
        print(json.dumps(s, indent=2, default=str))
    else:
        write_stats(sys.stdout, s)
    return 0


def cmd_serve(args) -> int:
    from .web.serve import serve

    serve(args.db, host=args.host, port=args.port, token=args.token)
    return 0


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="dotterel", description=DESCRIPTION,
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = p.add_subparsers(dest="command", required=True, metavar="COMMAND")

    c = sub.add_parser("code", help="code articles into events, quotes and quantities",
                       description="Code articles. Inputs: .txt files (one article each), .jsonl files "
                                   "(one JSON object per line with id, text, published, title, source, url), "
                                   "or '-' for JSONL on standard input. One result per document.")
    c.add_argument("inputs", nargs="*", metavar="FILE", help="article files; '-' or nothing reads JSONL from stdin")
    c.add_argument("--published", metavar="YYYY-MM-DD",
                   help="publication date for documents that have none (resolves 'on Tuesday', '13 September')")
    c.add_argument("--format", choices=("jsonl", "json", "table"), default="jsonl",
                   help="jsonl: one result per line (default); json: indented; table: a summary for people")
    c.add_argument("-o", "--output", metavar="PATH", help="write here instead of standard output")
    c.add_argument("--actors", action="append", metavar="FILE",
                   help="extra actors file (YAML or TSV: name, aliases, country, sector, valid_from, valid_to); repeatable")
    c.add_argument("--include-negated", action="store_true", help="also output negated events (flagged)")
    c.add_argument("-q", "--quiet", action="store_true", help="no progress bar")
    c.set_defaults(func=cmd_code)

    k = sub.add_parser("classify", help="PLOVER category for given actor/recipient spans",
                       description="Read JSONL lines {id, text, actor: [start, end], recipient: [start, end] | null} "
                                   "and write {id, event, mode, score} per line.")
    k.add_argument("input", nargs="?", metavar="FILE", help="JSONL file, or '-'/nothing for stdin")
    k.add_argument("-o", "--output", metavar="PATH")
    k.add_argument("--actors", action="append", metavar="FILE")
    k.set_defaults(func=cmd_classify)

    e = sub.add_parser("evaluate", help="score the coder on PLOVER gold-standard records",
                       description="Evaluate on a PLOVER GSR JSON file: event category accuracy, per-category "
                                   "precision/recall/F1, macro-F1, a confusion table, and actor/recipient country and "
                                   "sector accuracy, both given-pair (classify) and end-to-end (code).")
    e.add_argument("path", help="PLOVER_GSR_CAMEO.json or a file in the same format")
    e.add_argument("--json", action="store_true", help="machine-readable output")
    e.add_argument("--limit", type=int, help="only the first N records")
    e.add_argument("--errors", action="store_true", help="also list every record coded wrongly (given pair)")
    e.set_defaults(func=cmd_evaluate)

    from .scale.spark_job import DESCRIPTION as SPARK_DESCRIPTION, add_arguments as spark_arguments
    sp = sub.add_parser("spark", help="code a large corpus on Apache Spark into Parquet datasets",
                        description=SPARK_DESCRIPTION, formatter_class=argparse.RawDescriptionHelpFormatter)
    spark_arguments(sp, master="local[*]")
    sp.set_defaults(func=cmd_spark)

    from .store.query import add_filter_arguments
    from .store.schema import DEFAULT_DB
    db_help = f"the database file (default: {DEFAULT_DB} in the current folder)"
    i = sub.add_parser("ingest", help="read a corpus, code it and store events in a database",
                       formatter_class=argparse.RawDescriptionHelpFormatter,
                       description="Read articles into an event database (DuckDB), coding each new one.\n\n"
                                   "SOURCES are files, folders (read recursively), glob patterns or '-' (JSON Lines on "
                                   "standard input). Formats, by extension or content, each optionally gzipped: .txt; "
                                   ".html/.htm (main text and metadata via trafilatura); .jsonl/.json/.csv/.tsv "
                                   "(fields id, text, title, published, source, url, author; rename with --field); "
                                   "WARC .warc/.warc.gz (HTML responses, e.g. CC-News); RSS/Atom feeds.\n\n"
                                   "Documents already in the database are skipped, exact and near duplicates of "
                                   "coded ones are stored as duplicates without coding, non-English ones are stored "
                                   "as skipped. Each bad file or record prints one error line and is recorded in the "
                                   "errors table; the exit status is 1 when there was any. An interrupted run "
                                   "(even kill -9) is finished by running the same command again.")
    i.add_argument("sources", nargs="+", metavar="SOURCE", help="file, folder, glob pattern or '-'")
    i.add_argument("--db", default=DEFAULT_DB, metavar="PATH", help=db_help)
    i.add_argument("--workers", type=int, default=1, metavar="N",
                   help="coding processes (each loads the model once, ~0.5 GB); default 1")
    i.add_argument("--field", action="append", metavar="NAME=COLUMN",
                   help="read field NAME (id, text, title, published, source, url, author) from COLUMN in "
                        "JSON/CSV records; a dotted COLUMN reaches into nested JSON (meta.date); repeatable")
    i.add_argument("--batch-size", type=int, default=32, metavar="N",
                   help="documents per transaction (default 32)")
    i.add_argument("--max-file-mb", type=float, default=50, metavar="MB",
                   help="largest single-document file (text, HTML, JSON, feed) to read; default 50")
    i.add_argument("--actors", action="append", metavar="FILE", help="extra actors file, as for `code`; repeatable")
    i.add_argument("-q", "--quiet", action="store_true", help="no progress bar")
    i.set_defaults(func=cmd_ingest)

    ev = sub.add_parser("events", help="list event clusters from a database",
                        description="List events from the database, one per event cluster: the same happening "
                                    "reported by many articles is one event with its counts of mentions, articles "
                                    "and sources, earliest first.")
    ev.add_argument("--db", default=DEFAULT_DB, metavar="PATH", help=db_help)
    ev.add_argument("--format", choices=("table", "jsonl", "csv"), default="table",
                    help="table: for people (default); jsonl: PLOVER-style records with mentions; csv: flat rows")
    add_filter_arguments(ev)
    ev.set_defaults(func=cmd_events)

    x = sub.add_parser("export", help="export event clusters: PLOVER JSONL, CSV, Parquet or GDELT 2.0",
                       description="Export event clusters. plover-jsonl: one PLOVER-style record per event with "
                                   "its mentions; csv and parquet: flat typed rows; gdelt: the 61 columns of the "
                                   "GDELT 2.0 event table, tab-separated without header, one row per event "
                                   "cluster (NumMentions/NumSources/NumArticles count its reports).")
    x.add_argument("--format", choices=("plover-jsonl", "csv", "parquet", "gdelt"), required=True)
    x.add_argument("--out", metavar="PATH", help="output file (default: standard output; required for parquet)")
    x.add_argument("--db", default=DEFAULT_DB, metavar="PATH", help=db_help)
    add_filter_arguments(x)
    x.set_defaults(func=cmd_export)

    st = sub.add_parser("stats", help="counts in a database by category, country and month")
    st.add_argument("--db", default=DEFAULT_DB, metavar="PATH", help=db_help)
    st.add_argument("--format", choices=("text", "json"), default="text")
    st.set_defaults(func=cmd_stats)

    im = sub.add_parser("import", help="load the Parquet output of `dotterel spark` into a database",
                        description="Load a `dotterel spark` run into the event database, as `ingest` stores "
                                    "documents: earliest published first, documents already stored are left alone, "
                                    "exact and near duplicates of earlier documents are stored as duplicates without "
                                    "their events, and the run's errors go to the errors table. Importing the same "
                                    "run again adds nothing.")
    im.add_argument("--from-parquet", required=True, metavar="PATH",
                    help="the --output directory of a finished `dotterel spark` run (local or mounted)")
    im.add_argument("--db", default=DEFAULT_DB, metavar="PATH", help=db_help)
    im.add_argument("-q", "--quiet", action="store_true", help="no progress bar")
    im.set_defaults(func=cmd_import)

    sv = sub.add_parser("serve", help="web app and JSON API over a database",
                        description="Serve the web app on a database (created when missing): dashboard, event "
                                    "explorer, document, dyad and actor views, 'Code an article', and the JSON API "
                                    "(reference at /docs, schema at /openapi.json). POST requests (coding, storing) "
                                    "need the token when one is set; a non-loopback --host requires one. DuckDB lets "
                                    "one process write a file: stop the server before `dotterel ingest` on it.")
    sv.add_argument("--db", default=DEFAULT_DB, metavar="PATH", help=db_help)
    sv.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1, this machine only)")
    sv.add_argument("--port", type=int, default=8000, help="port (default 8000)")
    sv.add_argument("--token", metavar="TOKEN",
                    help="secret that POST requests must carry (Authorization: Bearer TOKEN); default: the "
                         "DOTTEREL_TOKEN environment variable")
    sv.set_defaults(func=cmd_serve)
    return p


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except DotterelError as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
