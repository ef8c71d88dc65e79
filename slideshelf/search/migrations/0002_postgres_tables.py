"""Tables of the PostgreSQL search engine (`search/engines/postgres.py`).

Plain SQL, not models: their tsvector columns and GIN indexes exist only on PostgreSQL, and
nothing but the engine reads them. On SQLite this migration does nothing.
"""

from django.db import migrations

CREATE = """
CREATE TABLE search_pg_deck (
    deck_id bigint PRIMARY KEY,
    language text NOT NULL,
    tags text[] NOT NULL,
    collection text NOT NULL,
    uploader text NOT NULL,
    year integer NOT NULL,
    created double precision NOT NULL,
    terms tsvector NOT NULL,
    summary tsvector NOT NULL
);
CREATE INDEX search_pg_deck_terms ON search_pg_deck USING gin (terms);
CREATE INDEX search_pg_deck_created ON search_pg_deck (created);
CREATE INDEX search_pg_deck_language ON search_pg_deck (language);
CREATE TABLE search_pg_slide (
    deck_id bigint NOT NULL,
    number integer NOT NULL,
    text text NOT NULL,
    terms tsvector NOT NULL,
    PRIMARY KEY (deck_id, number)
);
CREATE INDEX search_pg_slide_terms ON search_pg_slide USING gin (terms);
CREATE TABLE search_pg_term (
    term text PRIMARY KEY,
    decks integer NOT NULL
);
"""

DROP = "DROP TABLE IF EXISTS search_pg_deck, search_pg_slide, search_pg_term;"


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(CREATE)


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP)


class Migration(migrations.Migration):
    dependencies = [("search", "0001_initial")]

    operations = [migrations.RunPython(create, drop)]
