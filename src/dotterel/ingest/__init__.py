"""Reading corpora into the event database.

``sources`` expands command-line sources (files, folders, globs, '-') and picks a reader
by content; ``text``, ``html``, ``tabular``, ``warc`` and ``feeds`` read one format each
into ``Record``s; ``language`` keeps English; ``dedupe`` finds exact and near
duplicates; ``pipeline`` runs it all, coding in worker processes and writing one
transaction per batch.
"""
