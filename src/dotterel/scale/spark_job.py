"""Entry point of the Spark job, for ``dotterel spark`` and for ``spark-submit``.

    spark-submit src/dotterel/scale/spark_job.py --input docs.jsonl --output out/
    python -m dotterel.scale.spark_job --input docs.jsonl --output out/ --master 'local[*]'

Imports are absolute so the file also runs as a script, which is how ``spark-submit``
runs it; ``dotterel`` itself must be importable by the driver and executor Pythons
(see the README's "Running on Spark").
"""
from __future__ import annotations

import argparse
import json
import os
import sys

from dotterel.errors import DotterelError

DESCRIPTION = """\
Code documents on Apache Spark with one Coder per executor process and write Parquet
datasets with the embedded database's columns: documents/, entities/, events/,
event_actors/, quotes/, quantities/, plus errors/ for records that could not be coded
(empty, not text, malformed JSON). A rerun replaces the output directory whole.
Documents without an id are named FILE:N (the Nth line or row of FILE).
"""


def add_arguments(p: argparse.ArgumentParser, master: str | None = None) -> None:
    """The job's options; ``master`` is the default Spark master (None: spark-submit's)."""
    p.add_argument("--input", required=True, metavar="PATH",
                   help="a file, directory or glob of JSONL lines or Parquet rows "
                        "with id, text, published, title, source, url")
    p.add_argument("--output", required=True, metavar="PATH",
                   help="directory for the Parquet datasets (replaced if it holds an earlier run)")
    p.add_argument("--format", choices=("jsonl", "parquet"), default="jsonl", help="input format (default jsonl)")
    p.add_argument("--partitions", type=int, metavar="N",
                   help="number of coding tasks (default: the cluster's parallelism or the input's splits)")
    p.add_argument("--field", action="append", metavar="NAME=COLUMN",
                   help="read field NAME (id, text, title, published, source, url, author) from COLUMN; "
                        "a dotted COLUMN reaches into nested objects; repeatable")
    p.add_argument("--batch-size", type=int, default=32, metavar="N", help="documents per spaCy batch (default 32)")
    p.add_argument("--master", metavar="URL", default=master,
                   help=f"Spark master: 'local[*]' (all cores here), 'local[2]', 'spark://HOST:7077', 'yarn' "
                        f"(default: {master or 'what spark-submit or the Spark configuration sets'})")


def session(master: str | None = None, app: str = "dotterel"):
    """(SparkSession, whether this call started it); in local mode the Python workers run
    this very interpreter.  A session already running in this process (a notebook, a
    test) is used as it is and left running."""
    from pyspark.sql import SparkSession

    active = SparkSession.getActiveSession()
    if active is not None:
        return active, False
    builder = SparkSession.builder.appName(app).config("spark.ui.showConsoleProgress", str(sys.stderr.isatty()).lower())
    if master:
        builder = builder.master(master)
        if master.startswith("local"):
            os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    spark = builder.getOrCreate()
    spark.sparkContext.setLogLevel("WARN")
    return spark, True


def execute(args) -> int:
    """Run the job for parsed arguments; print the row counts as JSON on stdout."""
    from dotterel.ingest.tabular import Fields
    from dotterel.scale.job import run

    if args.partitions is not None and args.partitions < 1:
        raise DotterelError("--partitions must be at least 1")
    fields = Fields.parse(args.field)
    spark, started = session(args.master)
    try:
        counts = run(spark, args.input, args.output, fmt=args.format, partitions=args.partitions,
                     batch_size=args.batch_size, fields=fields)
    finally:
        if started:
            spark.stop()
    print(json.dumps({"output": args.output, "rows": counts}))
    if counts.get("errors"):
        print(f"{counts['errors']} record(s) could not be coded: see {args.output}/errors", file=sys.stderr)
    return 0


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="spark_job", description=DESCRIPTION,
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    add_arguments(p)
    args = p.parse_args(argv)
    try:
        return execute(args)
    except DotterelError as e:
        print(f"error: {e}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
