"""On PostgreSQL: what the desks' working role may never do, whatever it was granted.

``packaging/postgres/roles.sql`` lets the owner role's new tables grant SELECT, INSERT,
UPDATE and DELETE to the working role by default (``ALTER DEFAULT PRIVILEGES``), so that a
migration adding a table needs no manual step. That default also covers the audit trail
and Alembic's revision table; :func:`restrict_working_rights`, run by every
``hierdesk-cli init`` as the owner, takes back from every other role the rights to change
or delete audit entries (DOMAIN.md rule 12: the database refuses it, not only the trigger)
and to write the schema revision.
"""

from __future__ import annotations

from sqlalchemy import text

from hierdesk.data.database import Database

#: table → the privileges no role but the owner keeps on it.
OWNER_ONLY: dict[str, tuple[str, ...]] = {
    "audit_entry": ("UPDATE", "DELETE", "TRUNCATE"),
    "alembic_version": ("INSERT", "UPDATE", "DELETE", "TRUNCATE"),
}


def restrict_working_rights(db: Database) -> list[str]:
    """Revoke :data:`OWNER_ONLY` from every role that holds them, when the current login
    owns the tables (otherwise it could not, and changes nothing). Returns the statements
    run (empty on SQLite, where the audit triggers are the guarantee)."""
    if db.backend != "postgresql":
        return []
    done: list[str] = []
    with db.write() as session:
        for table, privileges in OWNER_ONLY.items():
            owner = session.execute(
                text(
                    "SELECT pg_get_userbyid(c.relowner) FROM pg_class c "
                    "WHERE c.oid = to_regclass(:table)"
                ),
                {"table": table},
            ).scalar_one_or_none()
            if owner is None or owner != session.execute(text("SELECT current_user")).scalar():
                continue
            grantees = session.execute(
                text(
                    "SELECT DISTINCT CASE WHEN a.grantee = 0 THEN 'PUBLIC' "
                    "ELSE quote_ident(pg_get_userbyid(a.grantee)) END "
                    "FROM pg_class c, aclexplode(c.relacl) a "
                    "WHERE c.oid = to_regclass(:table) AND a.grantee <> c.relowner "
                    "AND a.privilege_type = ANY(:privileges)"
                ),
                {"table": table, "privileges": list(privileges)},
            ).scalars()
            for grantee in list(grantees):
                statement = f"REVOKE {', '.join(privileges)} ON {table} FROM {grantee}"
                session.execute(text(statement))
                done.append(statement)
    return done
