"""The ingest connection's DuckDB memory limit: room for the whole index, little cache."""
from dotterel.store.memory import CACHE_BYTES, MemoryLimit
from dotterel.store.schema import connect


def _art_bytes(con) -> int:
    return con.execute("SELECT coalesce(sum(memory_usage_bytes), 0) FROM duckdb_memory() "
                       "WHERE tag = 'ART_INDEX'").fetchone()[0]


def test_limit_makes_room_for_an_index_larger_than_the_cache_before_it_is_loaded(big_index_db):
    con = connect(big_index_db)
    limit = MemoryLimit(con)
    assert _art_bytes(con) == 0  # nothing loaded yet: the size comes from the file
    assert limit.index_bytes > CACHE_BYTES and limit.limit == limit.index_bytes + CACHE_BYTES
    # inserting keys all over the index loads all of it (DuckDB cannot evict index nodes); it fits
    con.execute("INSERT INTO doc_buckets SELECT (hash(i + 5000000) >> 1)::BIGINT, 'k' FROM range(20000) t(i)")
    assert 0.9 * limit.index_bytes < _art_bytes(con) <= limit.index_bytes + 2**20
    limit.update()
    assert limit.limit >= _art_bytes(con) + CACHE_BYTES
    con.close()


def test_limit_follows_a_growing_index_and_is_never_lowered(tmp_path):
    con = connect(tmp_path / "grow.duckdb")
    limit = MemoryLimit(con)
    start = limit.limit
    assert start < 2 * CACHE_BYTES  # a new database: a few blocks of catalog
    con.execute("INSERT INTO doc_buckets SELECT (hash(i) >> 1)::BIGINT, 'k' FROM range(300000) t(i)")
    limit.update()
    grown = limit.limit
    assert grown >= _art_bytes(con) + CACHE_BYTES > start
    con.execute("CHECKPOINT")  # the index is now measured in the file
    limit.update()
    assert limit.limit >= grown
    con.close()
