"""Creating, upgrading and seeding a hierdesk database (``hierdesk-cli init``)."""

from __future__ import annotations

from sqlalchemy import func, select

from hierdesk.data.database import Database, DatabaseLocation, SchemaState
from hierdesk.data.migrate import upgrade
from hierdesk.data.pg_rights import restrict_working_rights
from hierdesk.data.schema import (
    AppSetting,
    Feature,
    LookupValue,
    NumberSequence,
    Operator,
    SequenceReference,
    utcnow,
)
from hierdesk.domain.dto import InitResult
from hierdesk.domain.lookups import LOOKUP_SEEDS, default_properties
from hierdesk.domain.model import FEATURES
from hierdesk.domain.numbering import parse_format
from hierdesk.i18n.core import N_
from hierdesk.services import audit
from hierdesk.services.context import Context, connect
from hierdesk.services.numbering import DEFAULT_SEQUENCES


def open_workspace(location: DatabaseLocation | str, login: str | None = None) -> Context:
    """Open an existing hierdesk database for work; refuses anything but a current schema
    and never creates or changes a file."""
    ctx = connect(location, login)
    try:
        ctx.db.require_current_schema()
    except Exception:
        ctx.db.dispose()
        raise
    return ctx


def initialize(
    location: DatabaseLocation | str, login: str | None = None
) -> tuple[Context, InitResult]:
    """Create or upgrade the schema and seed what a new database needs (idempotent)."""
    ctx = connect(location, login, create=True)
    try:
        result = _initialize(ctx)
        restrict_working_rights(ctx.db)  # PostgreSQL, as the owner: see roles.sql
    except Exception:
        ctx.db.dispose()
        raise
    return ctx, result


def _initialize(ctx: Context) -> InitResult:
    db: Database = ctx.db
    state = db.schema_state()
    if state in (SchemaState.NEWER, SchemaState.FOREIGN):
        db.require_current_schema()  # raises with the right message; nothing is touched
    if state is not SchemaState.EMPTY:
        with db.read() as session:
            if session.execute(select(func.count()).select_from(Operator)).scalar_one():
                ctx.require(session, "administrator", N_("set up or upgrade the database"))
    backup = None
    if state in (SchemaState.EMPTY, SchemaState.OLDER):
        backup = upgrade(db)

    administrator: str | None = None
    with db.write() as session:
        now = utcnow()
        new: list[object] = []
        have_lookups = {
            (k, c) for k, c in session.execute(select(LookupValue.kind, LookupValue.code))
        }
        new += [
            LookupValue(
                kind=seed.kind,
                code=seed.code,
                name_ja=seed.name_ja,
                name_en=seed.name_en,
                is_default=seed.is_default,
                active=True,
            )
            for seed in LOOKUP_SEEDS
            if (seed.kind, seed.code) not in have_lookups
        ]
        have_features = set(session.execute(select(Feature.key)).scalars())
        new += [Feature(key=f.key, enabled=False) for f in FEATURES if f.key not in have_features]
        have_sequences = set(session.execute(select(NumberSequence.code)).scalars())
        have_refs = set(session.execute(select(SequenceReference.reference)).scalars())
        for code, name, fmt, reference, continuous in DEFAULT_SEQUENCES:
            if code in have_sequences:
                continue
            seq = NumberSequence(
                code=code,
                name=name,
                format=fmt,
                smallest=1,
                largest=parse_format(fmt).capacity,
                next=1,
                continuous=continuous,
                stopped=False,
            )
            session.add(seq)
            session.flush()
            new.append(seq)
            if reference not in have_refs:
                new.append(SequenceReference(reference=reference, sequence_id=seq.id))
        if session.get(AppSetting, "partner_defaults") is None:
            new.append(
                AppSetting(
                    key="partner_defaults",
                    value=default_properties(),
                    changed_by=ctx.login,
                    changed_at=now,
                )
            )
        if not session.execute(select(func.count()).select_from(Operator)).scalar_one():
            new.append(
                Operator(
                    login=ctx.login,
                    role="administrator",
                    active=True,
                    created_at=now,
                    created_by=ctx.login,
                )
            )
            administrator = ctx.login
        session.add_all(new)
        if new or state is not SchemaState.CURRENT:
            audit.record(
                session,
                ctx.login,
                "database.init",
                "database",
                db.location.display,
                after={
                    "schema": "created"
                    if state is SchemaState.EMPTY
                    else "upgraded"
                    if state is SchemaState.OLDER
                    else "current",
                    "seeded": len(new),
                    "administrator": administrator,
                    **({"backup": str(backup)} if backup else {}),
                },
            )
    return InitResult(
        created=state is SchemaState.EMPTY,
        upgraded=state is SchemaState.OLDER,
        administrator=administrator,
        backup=str(backup) if backup else None,
    )
