"""Coding large corpora on Apache Spark, and loading a Spark run into the embedded database.

``records`` is what runs inside a Spark task (plain Python, testable without Spark);
``job`` reads the input, partitions it and writes the Parquet datasets; ``spark_job`` is
the entry point for ``dotterel spark`` and ``spark-submit``; ``importer`` loads a run's
Parquet output into a DuckDB store.  pyspark is an optional extra (``pip install
'dotterel[spark]'``) and is imported only when a job runs.
"""
