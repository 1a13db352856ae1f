"""Operators: back-office logins and their roles (clerk, manager, administrator)."""

from __future__ import annotations

import re

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from hierdesk.data.schema import Operator, utcnow
from hierdesk.domain.dto import OperatorRow
from hierdesk.domain.errors import NotFoundError, RuleError, ValidationError
from hierdesk.domain.model import LOGIN_CHARACTER, LOGIN_MAX, OPERATOR_ROLES
from hierdesk.i18n.core import N_
from hierdesk.services import audit, stale
from hierdesk.services.context import Context

_LOGIN = re.compile(f"^{LOGIN_CHARACTER}{{1,{LOGIN_MAX}}}$")


def _row(op: Operator) -> OperatorRow:
    return OperatorRow(op.login, op.role, op.active, op.created_at, op.created_by, op.version)


def _check_role(role: str) -> None:
    if role not in OPERATOR_ROLES:
        raise ValidationError(
            "operator_role_unknown",
            N_("{field}: “{value}” is not a role; use clerk, manager or administrator."),
            field="role",
            value=role,
        )


def _get(session: Session, login: str, version: int | None = None) -> Operator:
    """The operator ``login``, refused if it changed since the caller read ``version``."""
    op = session.get(Operator, login)
    if op is None:
        raise NotFoundError("operator_not_found", N_("There is no operator {login}."), login=login)
    stale.check(
        session,
        op,
        version,
        stale.record(N_("The operator {login}"), login=login),
        audited=("operator", login),
    )
    return op


def _keep_an_administrator(session: Session, op: Operator) -> None:
    others = session.execute(
        select(func.count())
        .select_from(Operator)
        .where(
            Operator.role == "administrator",
            Operator.active.is_(True),
            Operator.login != op.login,
        )
    ).scalar_one()
    if op.role == "administrator" and op.active and not others:
        raise RuleError(
            "last_administrator",
            N_(
                "{login} is the last active administrator; make someone else an administrator "
                "first."
            ),
            login=op.login,
        )


def list_operators(ctx: Context) -> list[OperatorRow]:
    with ctx.db.read() as session:
        ctx.require(session, "clerk", N_("view operators"))
        return [
            _row(op) for op in session.execute(select(Operator).order_by(Operator.login)).scalars()
        ]


def add_operator(ctx: Context, login: str, role: str) -> OperatorRow:
    login = login.strip()
    if not _LOGIN.match(login):
        raise ValidationError(
            "operator_login_invalid",
            N_("{field}: a login has 1 to 80 letters, digits or . _ @ \\ -; got “{value}”."),
            field="login",
            value=login,
        )
    _check_role(role)
    with ctx.db.write() as session:
        ctx.require(session, "administrator", N_("change operators"))
        existing = session.get(Operator, login)
        if existing is not None:
            raise RuleError("operator_exists", N_("{login} is an operator already."), login=login)
        op = Operator(
            login=login, role=role, active=True, created_at=utcnow(), created_by=ctx.login
        )
        session.add(op)
        audit.record(
            session,
            ctx.login,
            "operator.add",
            "operator",
            login,
            after={"role": role, "active": True},
        )
        session.flush()
        return _row(op)


def set_role(ctx: Context, login: str, role: str, *, version: int | None = None) -> OperatorRow:
    _check_role(role)
    with ctx.db.write() as session:
        ctx.require(session, "administrator", N_("change operators"))
        op = _get(session, login, version)
        if op.role != role:
            if role != "administrator":
                _keep_an_administrator(session, op)
            audit.record(
                session,
                ctx.login,
                "operator.role",
                "operator",
                login,
                before={"role": op.role},
                after={"role": role},
            )
            op.role = role
        session.flush()
        return _row(op)


def set_active(
    ctx: Context, login: str, active: bool, *, version: int | None = None
) -> OperatorRow:
    with ctx.db.write() as session:
        ctx.require(session, "administrator", N_("change operators"))
        op = _get(session, login, version)
        if op.active != active:
            if not active:
                _keep_an_administrator(session, op)
            audit.record(
                session,
                ctx.login,
                "operator.enable" if active else "operator.disable",
                "operator",
                login,
                before={"active": op.active},
                after={"active": active},
            )
            op.active = active
        session.flush()
        return _row(op)
