"""The database: tables match rows.SCHEMA, migrations are versioned, DuckDB stays offline."""
import duckdb
import pytest

from dotterel.errors import DotterelError
from dotterel.store import schema
from dotterel.store.rows import SCHEMA


def test_tables_match_rows_schema(tmp_path):
    con = schema.connect(tmp_path / "s.duckdb")
    for table, columns in SCHEMA.items():
        found = con.execute("SELECT column_name, data_type FROM information_schema.columns "
                            "WHERE table_name = ? ORDER BY ordinal_position", [table]).fetchall()
        assert found == columns, table


def test_migrations_are_recorded_once_and_a_newer_database_is_refused(tmp_path):
    path = tmp_path / "m.duckdb"
    schema.connect(path).close()
    con = schema.connect(path)  # reopening applies nothing twice
    assert con.execute("SELECT version FROM schema_version").fetchall() == [(v,) for v in range(1, schema.VERSION + 1)]
    con.execute("INSERT INTO schema_version (version, description) VALUES (?, 'from the future')", [schema.VERSION + 1])
    con.close()
    with pytest.raises(DotterelError, match="newer"):
        schema.connect(path)


def test_read_only_open_of_missing_or_unmigrated_database(tmp_path):
    with pytest.raises(DotterelError, match="no database here"):
        schema.connect(tmp_path / "none.duckdb", read_only=True)
    duckdb.connect(str(tmp_path / "bare.duckdb")).close()
    with pytest.raises(DotterelError, match="schema version 0"):
        schema.connect(tmp_path / "bare.duckdb", read_only=True)


def test_duckdb_may_not_install_or_load_extensions(tmp_path):
    con = schema.connect(tmp_path / "o.duckdb")
    settings = dict(con.execute("SELECT name, value FROM duckdb_settings() WHERE name IN "
                                "('autoinstall_known_extensions', 'autoload_known_extensions')").fetchall())
    assert settings == {"autoinstall_known_extensions": "false", "autoload_known_extensions": "false"}
