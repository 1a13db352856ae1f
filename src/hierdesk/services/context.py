"""Who is working on which database: passed to every service call.

Built only by the composition roots (``app.py`` and ``cli.py``) through :func:`connect`.
"""

from __future__ import annotations

import getpass
import os
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from hierdesk.data.database import Database, DatabaseLocation, resolve_url
from hierdesk.data.schema import Operator
from hierdesk.domain.dto import DatabaseInfo, OperatorInfo
from hierdesk.domain.errors import PermissionDeniedError, Translated
from hierdesk.domain.model import LABELS, role_rank
from hierdesk.i18n.core import N_, _


def default_login() -> str:
    """``HIERDESK_OPERATOR``, else the OS login."""
    env = os.environ.get("HIERDESK_OPERATOR", "").strip()
    if env:
        return env
    try:
        return getpass.getuser()
    except Exception:
        return "unknown"


@dataclass(frozen=True)
class Context:
    """An open database and the operator working on it."""

    db: Database
    login: str

    @property
    def database(self) -> DatabaseInfo:
        return DatabaseInfo(self.db.location.display, self.db.backend)

    def operator(self, session: Session | None = None) -> OperatorInfo:
        if session is None:
            with self.db.read() as s:
                return self.operator(s)
        row = session.execute(
            select(Operator.role, Operator.active).where(Operator.login == self.login)
        ).first()
        if row is None:
            return OperatorInfo(self.login, None, False)
        return OperatorInfo(self.login, row.role if row.active else None, bool(row.active))

    def require_operator(self) -> OperatorInfo:
        """Refuse (exit 3) a login that is not an active operator of this database."""
        with self.db.read() as session:
            return self.require(session, "clerk", N_("open hierdesk"))

    def require(self, session: Session, role: str, action: str) -> OperatorInfo:
        """Refuse (exit 3) unless the operator holds ``role`` or a stronger one.

        ``action`` is a translatable description of what was attempted."""
        info = self.operator(session)
        if info.role is None:
            raise PermissionDeniedError(
                "operator_unknown",
                N_(
                    "{login} is not an active operator of this database, so “{action}” is "
                    "not allowed. Ask an administrator to add you."
                ),
                login=self.login,
                action=Translated(action),
            )
        if role_rank(info.role) < role_rank(role):
            raise PermissionDeniedError(
                "permission_denied",
                N_("“{action}” needs the role {needed}; {login} is {role}."),
                action=Translated(action),
                needed=_Label(role),
                login=self.login,
                role=_Label(info.role),
            )
        return info


class _Label(str):
    __slots__ = ()

    def __format__(self, spec: str) -> str:
        return format(_(LABELS.get(str(self), str(self))), spec)


def open_location(value: str) -> DatabaseLocation:
    return resolve_url(value)


def connect(
    location: DatabaseLocation | str,
    login: str | None = None,
    *,
    create: bool = False,
) -> Context:
    """Open the database and settle who the operator is.

    On PostgreSQL the operator is the database login: a different ``login`` is refused."""
    db = Database(location, create=create)
    requested = login or default_login()
    if db.backend == "postgresql":
        current = db.current_user()
        assert current is not None
        if login and login != current:
            db.dispose()
            raise PermissionDeniedError(
                "operator_mismatch",
                N_(
                    "On PostgreSQL the operator is the database login ({current}); "
                    "acting as {login} is not allowed."
                ),
                current=current,
                login=login,
            )
        requested = current
    return Context(db, requested)
