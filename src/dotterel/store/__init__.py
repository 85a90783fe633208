"""The event database: schema and migrations, writing coded documents, queries and exports.

``rows`` (pure, no database) defines the tables' columns; ``schema`` opens a DuckDB file
offline and migrates it; ``writer`` stores documents batch by batch, one transaction
each; ``query`` reads events back as clusters; ``export`` and ``gdelt`` write them out;
``stats`` counts them.
"""
