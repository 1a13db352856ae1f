"""Opening a database: URL rules, engine set-up, units of work and the schema check.

SQLite is the embedded default; PostgreSQL (psycopg 3) is the shared server. Both get
the same code paths: ``Database.read()`` and ``Database.write()`` yield a Session in one
transaction. On SQLite a write begins with ``BEGIN IMMEDIATE`` (a plain ``BEGIN`` upgrades
to a write lock late and fails with "database is locked" under concurrent writers), which
needs SQLAlchemy's begin-event recipe for pysqlite.
"""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from enum import Enum
from pathlib import Path
from typing import Any, Final

from sqlalchemy import Engine, create_engine, event, inspect, text
from sqlalchemy import inspect as sa_inspect
from sqlalchemy.engine import URL, Connection, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, OperationalError
from sqlalchemy.exc import DatabaseError as SADatabaseError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.orm.exc import StaleDataError
from sqlalchemy.pool import QueuePool

from hierdesk.domain.errors import ConflictError, DatabaseError, UsageError
from hierdesk.i18n.core import N_

#: How long a writer waits for another desk's write to finish before giving up.
DEFAULT_BUSY_TIMEOUT_MS: Final = 15_000
#: How long to wait for a PostgreSQL server to answer.
CONNECT_TIMEOUT_S: Final = 5


def _json_dumps(value: Any) -> str:
    """JSON columns keep Japanese readable (and searchable) in the database."""
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def _remember_dirty(session: Session, _context: object, _instances: object) -> None:
    """Note the version each changed row had when it was loaded, to name a conflict."""
    noted = session.info.setdefault("hierdesk_dirty", [])
    for obj in session.dirty:
        state = sa_inspect(obj)
        version_col = state.mapper.version_id_col
        if version_col is None or state.identity is None:
            continue
        attr = state.mapper.get_property_by_column(version_col).key
        history = state.attrs[attr].history
        loaded = history.deleted[0] if history.deleted else getattr(obj, attr)
        noted.append((type(obj), state.identity, loaded))


def _begin_immediate(conn: Connection) -> None:
    """Take SQLite's write lock, waiting as long as other desks keep committing.

    SQLite's busy handler polls, so a desk that has waited long polls least often and
    loses the lock to newcomers: with a dozen desks approving at once one of them could
    wait past the busy timeout while the others made progress, and its user was told the
    database was locked. The timeout is meant for a lock that nobody releases, so after a
    timed-out wait this tries again when another connection committed meanwhile (``PRAGMA
    data_version`` moved) and gives up only after a whole timeout without any commit."""
    seen = conn.exec_driver_sql("PRAGMA data_version").scalar()
    while True:
        try:
            conn.exec_driver_sql("BEGIN IMMEDIATE")
            return
        except OperationalError as exc:
            if "locked" not in str(exc.orig).lower():
                raise
            now = conn.exec_driver_sql("PRAGMA data_version").scalar()
            if now == seen:
                raise
            seen = now


class When(str):
    """A UTC timestamp for a message, shown in the reader's language and time zone."""

    __slots__ = ()

    def __format__(self, spec: str) -> str:
        from hierdesk.i18n.formatting import format_datetime

        return format(format_datetime(datetime.fromisoformat(str(self))), spec)


class _Seconds(float):
    """Seconds for a message: whole numbers without a decimal point (1.5 stays 1.5)."""

    def __format__(self, spec: str) -> str:
        return format(int(self) if self.is_integer() else float(self), spec)


class SchemaState(Enum):
    EMPTY = "empty"  # no tables at all: init may create the schema
    CURRENT = "current"
    OLDER = "older"  # a hierdesk schema that init can upgrade
    NEWER = "newer"  # written by a newer hierdesk: refused, left untouched
    FOREIGN = "foreign"  # tables, but not hierdesk's


@dataclass(frozen=True, slots=True)
class DatabaseLocation:
    """Where a database lives, for the status bar and messages (never shows a password)."""

    url: str
    backend: str  # "sqlite" | "postgresql"
    path: Path | None  # SQLite file, None for memory and servers
    display: str


def resolve_url(value: str) -> DatabaseLocation:
    """Turn what the user gave (``--db``, ``HIERDESK_DB``, settings) into a location.

    A plain path means a SQLite file. ``postgresql://`` and ``postgres://`` use psycopg 3.
    A password in the URL is refused: it would end up in shell history and process lists.
    """
    raw = value.strip()
    if not raw:
        raise UsageError("db_url_empty", N_("The database URL is empty."))
    if "://" not in raw:
        path = Path(raw).expanduser().resolve()
        return DatabaseLocation(f"sqlite:///{path}", "sqlite", path, str(path))
    try:
        url = make_url(raw)
    except ArgumentError:
        raise UsageError(
            "db_url_invalid",
            N_(
                "“{url}” is not a database URL. Use a file path, sqlite:///PATH or "
                "postgresql+psycopg://USER@HOST/DATABASE."
            ),
            url=raw,
        ) from None
    backend, _plus, driver = url.drivername.partition("+")
    if backend == "sqlite" and driver in ("pysqlite", ""):
        database = url.database or ""
        if database in ("", ":memory:"):
            return DatabaseLocation("sqlite://", "sqlite", None, ":memory:")
        path = Path(database).expanduser().resolve()
        return DatabaseLocation(f"sqlite:///{path}", "sqlite", path, str(path))
    if backend in ("postgresql", "postgres") and driver in ("psycopg", "psycopg2", ""):
        if url.password or any(k.lower() == "password" for k in url.query):
            raise UsageError(
                "db_password_in_url",
                N_(
                    "Do not put the password in the database URL. Use the PostgreSQL "
                    "password file (PGPASSFILE) or service file (PGSERVICEFILE) instead."
                ),
            )
        url = url.set(drivername="postgresql+psycopg")
        host = url.host or "localhost"
        port = f":{url.port}" if url.port else ""
        display = f"PostgreSQL {url.username + '@' if url.username else ''}{host}{port}/"
        display += url.database or ""
        return DatabaseLocation(
            url.render_as_string(hide_password=False), "postgresql", None, display
        )
    raise UsageError(
        "db_url_unsupported",
        N_(
            "The database type “{scheme}” is not supported. Use SQLite (a file path or "
            "sqlite:///PATH) or PostgreSQL (postgresql+psycopg://USER@HOST/DATABASE)."
        ),
        scheme=url.drivername,
    )


class Database:
    """An open database: engine, units of work, schema state."""

    def __init__(
        self,
        location: DatabaseLocation | str,
        *,
        create: bool = False,
        busy_timeout_ms: int | None = None,
    ) -> None:
        self.location = (
            location if isinstance(location, DatabaseLocation) else resolve_url(location)
        )
        self.busy_timeout_ms = busy_timeout_ms or int(
            os.environ.get("HIERDESK_BUSY_TIMEOUT_MS", DEFAULT_BUSY_TIMEOUT_MS)
        )
        if self.location.backend == "sqlite":
            self.engine = self._sqlite_engine(create)
        else:
            self.engine = create_engine(
                self.location.url,
                json_serializer=_json_dumps,
                connect_args={
                    "connect_timeout": CONNECT_TIMEOUT_S,
                    "application_name": "hierdesk",
                    # a write blocked by another desk's lock gives up like SQLite's busy wait
                    "options": f"-c lock_timeout={int(self.busy_timeout_ms)}",
                },
                pool_pre_ping=True,
            )
        self._write_engine = self.engine.execution_options(hierdesk_write=True)
        self._read_sessions = sessionmaker(self.engine, expire_on_commit=False)
        self._write_sessions = sessionmaker(self._write_engine, expire_on_commit=False)
        event.listen(self._write_sessions, "before_flush", _remember_dirty)

    # --- engines -------------------------------------------------------------------------

    def _sqlite_engine(self, create: bool) -> Engine:
        path = self.location.path
        timeout_s = self.busy_timeout_ms / 1000
        if path is None:
            from sqlalchemy.pool import StaticPool

            engine = create_engine(
                "sqlite://",
                connect_args={"check_same_thread": False},
                poolclass=StaticPool,
                json_serializer=_json_dumps,
            )
        else:
            if not create and not path.exists():
                raise DatabaseError(
                    "db_not_found",
                    N_(
                        "The database file {path} does not exist. Create it with "
                        "“hierdesk-cli --db {path} init”, or choose another file."
                    ),
                    path=str(path),
                )
            if create and not path.parent.exists():
                raise DatabaseError(
                    "db_folder_missing",
                    N_(
                        "The folder {folder} does not exist, so the database cannot be "
                        "created there."
                    ),
                    folder=str(path.parent),
                )
            uri = path.as_uri() + ("?mode=rwc" if create else "?mode=rw")

            def connect() -> sqlite3.Connection:
                return sqlite3.connect(
                    uri,
                    uri=True,
                    timeout=timeout_s,
                    check_same_thread=False,
                    isolation_level=None,
                )

            # A URL without a path would make SQLAlchemy treat the file as ":memory:" and
            # keep one connection per thread (SingletonThreadPool), which closes other
            # threads' connections under load: the GUI thread and the worker each check a
            # connection out of a queue instead.
            engine = create_engine(
                "sqlite+pysqlite://",
                creator=connect,
                json_serializer=_json_dumps,
                poolclass=QueuePool,
                pool_size=4,
                max_overflow=4,
            )

        busy_ms = self.busy_timeout_ms

        @event.listens_for(engine, "connect")
        def _on_connect(dbapi_connection: Any, _record: Any) -> None:
            # Autocommit at the driver level; SQLAlchemy's begin event below issues BEGIN.
            dbapi_connection.isolation_level = None
            cursor = dbapi_connection.cursor()
            cursor.execute("PRAGMA foreign_keys=ON")
            cursor.execute(f"PRAGMA busy_timeout={int(busy_ms)}")
            cursor.execute("PRAGMA synchronous=FULL")
            cursor.close()

        @event.listens_for(engine, "begin")
        def _on_begin(conn: Connection) -> None:
            if conn.get_execution_options().get("hierdesk_write"):
                _begin_immediate(conn)
            else:
                conn.exec_driver_sql("BEGIN")

        return engine

    @property
    def backend(self) -> str:
        return self.location.backend

    def dispose(self) -> None:
        self.engine.dispose()

    # --- units of work -------------------------------------------------------------------

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A read-only unit of work (rolled back at the end)."""
        with self._translate_errors(), self._read_sessions() as session:
            try:
                yield session
            finally:
                session.rollback()

    @contextmanager
    def write(self) -> Iterator[Session]:
        """One transaction: committed when the block ends, rolled back on any error.

        A save of a row that another desk changed meanwhile (its version moved on) is
        refused with a ConflictError naming who changed it and when (DOMAIN.md rule 13)."""
        with self._translate_errors(), self._write_sessions() as session:
            try:
                with session.begin():
                    yield session
            except StaleDataError:
                raise self._conflict(session.info.get("hierdesk_dirty", [])) from None

    def _conflict(self, dirty: list[tuple[type[Any], Any, Any]]) -> ConflictError:
        """Find the row that moved on and say who moved it."""
        for cls, identity, version in dirty:
            with self._read_sessions() as fresh_session:
                fresh = fresh_session.get(cls, identity)
                if fresh is None:
                    return ConflictError(
                        "conflict",
                        N_(
                            "Another desk deleted this record while you were editing it. "
                            "Nothing was saved."
                        ),
                    )
                if getattr(fresh, "version", version) != version:
                    who = getattr(fresh, "changed_by", None)
                    when = getattr(fresh, "changed_at", None)
                    if who and when:
                        return ConflictError(
                            "conflict",
                            N_(
                                "Changed by {who} at {when} on another desk. Nothing was "
                                "saved; reload and try again."
                            ),
                            who=who,
                            when=When(when.isoformat()),
                        )
        return ConflictError(
            "conflict",
            N_(
                "Another desk changed this record while you were editing it. "
                "Nothing was saved; reload and try again."
            ),
        )

    @contextmanager
    def _translate_errors(self) -> Iterator[None]:
        try:
            yield
        except StaleDataError:
            raise ConflictError(
                "conflict",
                N_(
                    "Another desk changed this record while you were editing it. "
                    "Nothing was saved; reload and try again."
                ),
            ) from None
        except DBAPIError as exc:
            raise self.translate(exc) from exc

    def translate(self, exc: DBAPIError) -> DatabaseError:
        """Map a driver error to a clear, localisable message (exit status 4)."""
        text_ = str(exc.orig) if exc.orig is not None else str(exc)
        lowered = text_.lower()
        where = self.location.display
        sqlstate = getattr(exc.orig, "sqlstate", None)
        if (
            "database is locked" in lowered
            or "database table is locked" in lowered
            or sqlstate in ("55P03", "40P01")  # lock_not_available, deadlock_detected
        ):
            return DatabaseError(
                "db_locked",
                N_(
                    "The database {db} is busy: another program kept it locked for more "
                    "than {seconds} seconds. Try again in a moment."
                ),
                db=where,
                seconds=_Seconds(self.busy_timeout_ms / 1000),
            )
        if "file is not a database" in lowered or "malformed" in lowered:
            return DatabaseError(
                "db_damaged",
                N_(
                    "{db} is not a readable hierdesk database (the file is damaged or of "
                    "another kind). Restore it from a backup or choose another file."
                ),
                db=where,
            )
        if "unable to open database" in lowered or "readonly" in lowered:
            return DatabaseError(
                "db_cannot_open",
                N_(
                    "The database {db} cannot be opened for writing: check that the file "
                    "and its folder are writable."
                ),
                db=where,
            )
        if "disk is full" in lowered or "database or disk is full" in lowered:
            return DatabaseError(
                "disk_full",
                N_(
                    "The disk holding {db} is full. Nothing was saved; free some space "
                    "and try again."
                ),
                db=where,
            )
        if (
            isinstance(exc, OperationalError)
            and self.backend == "postgresql"
            and (sqlstate is None or sqlstate.startswith(("08", "57P", "53")))
        ):
            return DatabaseError(
                "db_unreachable",
                N_("Cannot connect to the database server {db}: {detail}"),
                db=where,
                detail=text_.strip().splitlines()[0] if text_.strip() else "",
            )
        return DatabaseError(
            "db_error",
            N_("The database {db} reported an error: {detail}"),
            db=where,
            detail=text_.strip().splitlines()[0] if text_.strip() else "",
        )

    # --- schema ----------------------------------------------------------------------------

    def schema_state(self) -> SchemaState:
        from hierdesk.data.migrate import SCHEMA_HEAD, known_revisions

        try:
            with self.engine.connect() as conn:
                tables = set(inspect(conn).get_table_names())
                if not tables:
                    return SchemaState.EMPTY
                if "alembic_version" not in tables:
                    return SchemaState.FOREIGN
                revisions = {
                    row[0] for row in conn.execute(text("SELECT version_num FROM alembic_version"))
                }
        except (DBAPIError, SADatabaseError) as exc:
            if isinstance(exc, DBAPIError):
                raise self.translate(exc) from exc
            raise
        if not revisions:
            return SchemaState.FOREIGN
        if revisions == {SCHEMA_HEAD}:
            return SchemaState.CURRENT
        if revisions <= known_revisions():
            return SchemaState.OLDER
        return SchemaState.NEWER

    def require_current_schema(self) -> None:
        """Refuse to work on anything but a current hierdesk schema (leaving it untouched)."""
        state = self.schema_state()
        if state is SchemaState.CURRENT:
            return
        where = self.location.display
        if state is SchemaState.EMPTY:
            raise DatabaseError(
                "db_not_initialized",
                N_("The database {db} is empty. Set it up with “hierdesk-cli init”."),
                db=where,
            )
        if state is SchemaState.OLDER:
            raise DatabaseError(
                "db_schema_older",
                N_(
                    "The database {db} was made by an older hierdesk. Upgrade it with "
                    "“hierdesk-cli init” (a backup is taken first)."
                ),
                db=where,
            )
        if state is SchemaState.NEWER:
            raise DatabaseError(
                "db_schema_newer",
                N_(
                    "The database {db} was made by a newer version of hierdesk. It was not "
                    "changed. Install the newer hierdesk to work with it."
                ),
                db=where,
            )
        raise DatabaseError(
            "db_foreign",
            N_(
                "{db} is not a hierdesk database. It was not changed. Choose a hierdesk "
                "database or a new file."
            ),
            db=where,
        )

    def current_user(self) -> str | None:
        """The database login on PostgreSQL; None on SQLite."""
        if self.backend != "postgresql":
            return None
        with self.read() as session:
            return str(session.execute(text("SELECT current_user")).scalar_one())


def sqlite_url_for(path: Path) -> str:
    return URL.create("sqlite", database=str(path)).render_as_string()
