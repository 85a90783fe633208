"""The event database: schema and migrations, writing coded documents, queries and exports.

``rows`` (pure, no database) defines the tables' columns; ``db`` opens and migrates a
DuckDB file; ``writer`` stores documents batch by batch, one transaction each;
``query`` and ``export`` read events back as clusters.
"""
