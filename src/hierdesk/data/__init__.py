"""Data layer: SQLAlchemy only — engine, schema, migrations and repositories returning DTOs."""
