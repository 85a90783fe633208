"""The Spark job: read documents, code each partition in its executor, write Parquet datasets.

Flow: read the input (JSONL lines or Parquet rows, each named ``FILE:N``) → parse into
records → hash-partition by document id and sort within partitions → ``mapPartitions``
with the executor's one Coder → one Parquet dataset per store table plus ``errors/``.

Output is deterministic for a given input and partition count (same partitioning, same
order, content-hash keys), and a rerun replaces the previous output whole: everything is
written to a hidden directory beside the output and renamed into place at the end, so a
failed run leaves the previous output as it was.
"""
from __future__ import annotations

import json
import uuid
from functools import partial

from .. import __version__
from ..errors import DotterelError
from . import records as rec

MARKER = "_dotterel.json"  # written last; marks a directory as a complete run of this job
INPUT_FORMATS = ("jsonl", "parquet")

_SPARK_TYPES = {"VARCHAR": "StringType", "INTEGER": "IntegerType", "BIGINT": "LongType",
                "DOUBLE": "DoubleType", "BOOLEAN": "BooleanType", "DATE": "DateType"}


def spark_schema(columns: list[tuple[str, str]]):
    """The Spark schema of a table from its (column, SQL type) list."""
    from pyspark.sql import types as T
    return T.StructType([T.StructField(name, getattr(T, _SPARK_TYPES[sql_type])(), True)
                         for name, sql_type in columns])


def _number_lines(rows, offsets):
    """(path, line number, line) for the rows of Spark's text source, numbering lines
    within each file.  A partition holds whole file splits, each in order; ``offsets``
    gives the number of lines in the file before each split."""
    seen: dict[tuple[str, int], int] = {}
    for value, path, block in rows:
        n = seen.get((path, block), 0)
        seen[(path, block)] = n + 1
        yield rec.display_path(path), offsets[(path, block)] + n + 1, value


def _jsonl_records(spark, path: str, fields):
    from pyspark.sql import functions as F

    lines = spark.read.text(path).select(
        "value", F.col("_metadata.file_path").alias("file"), F.col("_metadata.file_block_start").alias("block"))
    splits = sorted((r["file"], r["block"], r["count"]) for r in lines.groupBy("file", "block").count().collect())
    offsets, before, current = {}, 0, None
    for file, block, count in splits:
        before = 0 if file != current else before
        offsets[(file, block)], before, current = before, before + count, file
    table = spark.sparkContext.broadcast(offsets)

    def parse(rows):
        for file, n, line in _number_lines(rows, table.value):
            record = rec.parse_json_line(line, file, n, fields)
            if record is not None:
                yield record
    return lines.rdd.mapPartitions(parse)


def _parquet_records(spark, path: str, fields):
    from pyspark.sql import functions as F

    table = spark.read.parquet(path)
    if fields["text"].split(".")[0] not in table.columns:
        raise DotterelError(f"{path}: no {fields['text']!r} column (found: {', '.join(table.columns)}); "
                            "name the text column with --field text=NAME")
    columns = sorted({name.split(".")[0] for name in fields.values()} & set(table.columns))
    rows = table.select(*columns, F.col("_metadata.file_path").alias("_file"),
                        F.col("_metadata.row_index").alias("_row"))

    def parse(batch):
        for row in batch:
            d = row.asDict(recursive=True)
            yield rec.parse_table_row(d, rec.display_path(d.pop("_file")), d.pop("_row") + 1, fields)
    return rows.rdd.mapPartitions(parse)


def read_records(spark, path: str, fmt: str = "jsonl", fields=rec.FIELDS):
    """The input as a DataFrame of records (columns of ``records.Record``)."""
    if fmt not in INPUT_FORMATS:
        raise DotterelError(f"unknown input format {fmt!r} (use {' or '.join(INPUT_FORMATS)})")
    read = _jsonl_records if fmt == "jsonl" else _parquet_records
    parsed = read(spark, path, fields)
    schema = spark_schema([(name, "VARCHAR") for name in rec.RECORD_FIELDS])
    return spark.createDataFrame(parsed, schema)


class _Files:
    """The few file-system operations the job needs, through Hadoop's FileSystem API so
    they work the same on local disk, HDFS and object stores."""

    def __init__(self, spark, path: str):
        jvm = spark.sparkContext._jvm
        self._Path = jvm.org.apache.hadoop.fs.Path
        conf = spark.sparkContext._jsc.hadoopConfiguration()
        raw = self._Path(path.rstrip("/") or "/")
        self.fs = raw.getFileSystem(conf)
        self.path = self.fs.makeQualified(raw)

    def sibling(self, label: str):
        return self._Path(self.path.getParent(), f".{self.path.getName()}.{label}-{uuid.uuid4().hex[:12]}")

    def child(self, base, name: str):
        return self._Path(base, name)

    def write_text(self, path, text: str) -> None:
        out = self.fs.create(path, True)
        try:
            out.write(bytearray(text.encode("utf-8")))
        finally:
            out.close()

    def matches(self) -> bool:
        """The path (a glob pattern, perhaps) names something that exists."""
        return bool(self.fs.globStatus(self.path))

    def is_replaceable(self) -> bool:
        """Missing, empty, or a previous run of this job (never someone's other directory)."""
        if not self.fs.exists(self.path):
            return True
        if not self.fs.getFileStatus(self.path).isDirectory():
            return False
        return len(self.fs.listStatus(self.path)) == 0 or self.fs.exists(self.child(self.path, MARKER))


def _check_paths(spark, input_path: str, output_path: str) -> _Files:
    out, given = _Files(spark, output_path), _Files(spark, input_path)
    if not given.matches():
        raise DotterelError(f"{input_path}: no such file or directory")
    source = str(given.path).rstrip("/") + "/"
    target = str(out.path).rstrip("/") + "/"
    if source.startswith(target) or target.startswith(source):
        raise DotterelError(f"{output_path}: the output must not contain the input or lie inside it")
    if not out.is_replaceable():
        raise DotterelError(f"{output_path}: exists and is not the output of an earlier run "
                            f"(no {MARKER}); refusing to replace it — choose another --output")
    return out


def run(spark, input_path: str, output_path: str, fmt: str = "jsonl", partitions: int | None = None,
        batch_size: int = 32, fields=rec.FIELDS) -> dict[str, int]:
    """Code every document under ``input_path``; write the datasets to ``output_path``.
    ``fields`` maps the record fields to the input's names (``ingest.tabular.Fields``).

    Returns the number of rows written per dataset (``documents`` counts the documents
    coded or skipped as not English, ``errors`` the records that could not be coded)."""
    from pyspark import StorageLevel

    out = _check_paths(spark, input_path, output_path)
    records = read_records(spark, input_path, fmt, fields)
    n = partitions or max(spark.sparkContext.defaultParallelism, records.rdd.getNumPartitions())
    ordered = records.repartition(n, "key").sortWithinPartitions("key", "origin")
    coded = ordered.rdd.mapPartitions(partial(rec.code_records, batch_size=batch_size))
    coded = coded.persist(StorageLevel.MEMORY_AND_DISK)  # coded once, read once per dataset
    tmp = out.sibling("tmp")
    try:
        counts = {table: 0 for table in rec.TABLES} | dict(coded.map(lambda t: (t[0], 1)).countByKey())
        for table, columns in rec.TABLES.items():
            rows = coded.filter(lambda t, table=table: t[0] == table).map(lambda t: t[1])
            spark.createDataFrame(rows, spark_schema(columns)).write.parquet(str(out.child(tmp, table)))
        manifest = {"dotterel": __version__, "input": input_path, "format": fmt, "partitions": n,
                    "rows": counts}
        out.write_text(out.child(tmp, MARKER), json.dumps(manifest, indent=2) + "\n")
        old = out.sibling("old")
        had_output = out.fs.exists(out.path)
        if had_output and not out.fs.rename(out.path, old):
            raise DotterelError(f"{output_path}: cannot move the previous output aside")
        if not out.fs.rename(tmp, out.path):
            if had_output:
                out.fs.rename(old, out.path)
            raise DotterelError(f"{output_path}: cannot move the new output into place")
        if had_output:
            out.fs.delete(old, True)
    finally:
        out.fs.delete(tmp, True)  # no-op after a successful rename
        coded.unpersist()
    return counts
