"""DuckDB memory on an ingest connection: its indexes plus a fixed cache, nothing more.

Left alone, two things grow in DuckDB as documents go in (measured with DuckDB 2.0):

- Cached table blocks.  DuckDB keeps every block it has read or written until it
  reaches ``memory_limit``, so memory creeps up to whatever limit is set (about 2 MB
  per 1,000 documents).  Index (ART) nodes are different: once loaded they stay in
  memory, cannot be evicted, and grow with the corpus (about 0.6 MB per 1,000
  documents, three quarters of it the LSH bucket index); a query that must load more
  of them than the limit allows fails.  So the limit is kept at the indexes' full size
  plus ``CACHE_BYTES``, and raised as they grow.  Indexes are loaded lazily, so their
  full size is read from the file — the blocks in use that no table's storage lists
  (an index takes as much on disk as in memory) — again after each checkpoint; what
  was added since the last checkpoint (a few MB at most) comes out of the cache.
- DuckDB's own heap, with every query whose IN list its ``in_clause`` optimizer turns
  into a join (about 40 MB over the first 50,000 such queries, then level).  That
  rewrite is switched off: the lookups' IN lists then use the indexes directly, as
  fast or faster.
"""
from __future__ import annotations

import duckdb

CACHE_BYTES = 32 * 2**20


class MemoryLimit:
    """Holds a writing connection's DuckDB memory to its indexes plus ``CACHE_BYTES``;
    call ``update`` after each committed batch."""

    def __init__(self, con: duckdb.DuckDBPyConnection):
        self.con = con
        self.used_blocks = -1
        self.index_bytes = 0
        self.limit = 0
        con.execute("SET disabled_optimizers = 'in_clause'")
        self.update()

    def update(self) -> None:
        con = self.con
        used = con.execute("SELECT used_blocks FROM pragma_database_size() "
                           "WHERE database_name = current_database()").fetchone()[0]
        if used != self.used_blocks:  # a checkpoint wrote the indexes (or this is the first call)
            self.used_blocks, self.index_bytes = used, _index_bytes_on_disk(con)
        loaded = con.execute("SELECT coalesce(sum(memory_usage_bytes), 0) FROM duckdb_memory() "
                             "WHERE tag = 'ART_INDEX'").fetchone()[0]
        limit = max(self.index_bytes, loaded) + CACHE_BYTES
        if limit > self.limit:  # never lowered: indexes only grow
            con.execute(f"SET memory_limit = '{limit}B'")
            self.limit = limit


def _index_bytes_on_disk(con: duckdb.DuckDBPyConnection) -> int:
    """Bytes of the database file's blocks in use by no table: its indexes' (and a few
    blocks of catalog metadata)."""
    size, used = con.execute("SELECT block_size, used_blocks FROM pragma_database_size() "
                             "WHERE database_name = current_database()").fetchone()
    blocks: set[int] = set()
    for (table,) in con.execute("SELECT table_name FROM duckdb_tables() "
                                "WHERE database_name = current_database()").fetchall():
        blocks.update(b for (b,) in con.execute("SELECT DISTINCT block_id FROM pragma_storage_info(?) "
                                                "WHERE block_id >= 0", [table]).fetchall())
    return max(0, used - len(blocks)) * size
