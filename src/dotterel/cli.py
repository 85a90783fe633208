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
