"""``initialize`` (``hierdesk-cli init``): schema, seeds, first administrator, idempotence."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import select, update

from hierdesk.data.schema import (
    Feature,
    LookupValue,
    NumberSequence,
    Operator,
    SequenceReference,
)
from hierdesk.domain.errors import PermissionDeniedError
from hierdesk.domain.lookups import CODED_PROPERTIES, LOOKUP_SEEDS
from hierdesk.domain.model import FEATURES
from hierdesk.services import audit, numbering
from hierdesk.services.context import Context
from hierdesk.services.setup import initialize, open_workspace

JAPANESE = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")


def test_initialize_on_an_empty_database_creates_and_reports(db_url: str) -> None:
    ctx, result = initialize(db_url)
    try:
        assert result.created is True
        assert result.upgraded is False
        assert result.administrator == ctx.login
        # the database can now be opened for work
        reopened = open_workspace(db_url)
        reopened.db.dispose()
    finally:
        ctx.db.dispose()


def test_lookups_are_seeded_with_japanese_and_english_names(workspace: Context) -> None:
    with workspace.db.read() as session:
        rows = session.execute(
            select(
                LookupValue.kind,
                LookupValue.code,
                LookupValue.name_ja,
                LookupValue.name_en,
                LookupValue.is_default,
                LookupValue.active,
            )
        ).all()
    seeded = {(r.kind, r.code): r for r in rows}
    assert set(seeded) == {(s.kind, s.code) for s in LOOKUP_SEEDS}
    for row in rows:
        assert JAPANESE.search(row.name_ja), row
        assert row.name_en, row
        assert row.name_en.isascii(), row
        assert row.active
    # every coded property offers values and exactly one default for new partners
    for prop in CODED_PROPERTIES:
        kinds = [r for r in rows if r.kind == prop]
        assert kinds, prop
        assert sum(1 for r in kinds if r.is_default) == 1, prop


def test_features_exist_and_are_all_off(workspace: Context) -> None:
    with workspace.db.read() as session:
        rows = dict(session.execute(select(Feature.key, Feature.enabled)).all())
    assert rows == {f.key: False for f in FEATURES}
    assert set(rows) == {"b2b", "auto_link", "channel_restriction", "catalogs"}


def test_default_sequences_are_assigned_to_their_references(workspace: Context) -> None:
    with workspace.db.read() as session:
        rows = session.execute(
            select(
                SequenceReference.reference,
                NumberSequence.code,
                NumberSequence.format,
                NumberSequence.smallest,
                NumberSequence.largest,
                NumberSequence.next,
                NumberSequence.stopped,
            ).join(NumberSequence, NumberSequence.id == SequenceReference.sequence_id)
        ).all()
        by_ref = {r.reference: r for r in rows}
        assert set(by_ref) == {"hierarchy_id", "customer_account"}
        assert (by_ref["hierarchy_id"].code, by_ref["hierarchy_id"].format) == ("HIER", "CH-######")
        assert (by_ref["customer_account"].code, by_ref["customer_account"].format) == (
            "CUST",
            "C######",
        )
        for row in rows:
            assert (row.smallest, row.largest, row.next, row.stopped) == (1, 999_999, 1, False)
        assert numbering.peek(session, "hierarchy_id") == "CH-000001"
        assert numbering.peek(session, "customer_account") == "C000001"


def test_the_operator_who_initialises_becomes_administrator(workspace: Context) -> None:
    assert workspace.operator().role == "administrator"
    with workspace.db.read() as session:
        operators = session.execute(select(Operator.login, Operator.role, Operator.active)).all()
    assert [tuple(o) for o in operators] == [(workspace.login, "administrator", True)]


def test_initialisation_is_audited(workspace: Context) -> None:
    entries = audit.list_entries(workspace)
    assert len(entries) == 1
    entry = entries[0]
    assert entry.action == "database.init"
    assert entry.operator == workspace.login
    assert entry.after["schema"] == "created"
    assert entry.after["administrator"] == workspace.login
    assert entry.at.tzinfo is not None


def test_initialising_again_changes_nothing(workspace: Context, db_url: str) -> None:
    entries_before = audit.count_entries(workspace)
    with workspace.db.read() as session:
        lookups_before = session.execute(select(LookupValue.id)).scalars().all()
        sequences_before = session.execute(select(NumberSequence.id)).scalars().all()
    ctx, result = initialize(db_url)
    try:
        assert result.created is False
        assert result.upgraded is False
        assert result.administrator is None
        assert audit.count_entries(ctx) == entries_before
        with ctx.db.read() as session:
            assert session.execute(select(LookupValue.id)).scalars().all() == lookups_before
            assert session.execute(select(NumberSequence.id)).scalars().all() == sequences_before
            assert len(session.execute(select(Operator.login)).all()) == 1
    finally:
        ctx.db.dispose()


def test_initialising_again_keeps_changed_values(workspace: Context, db_url: str) -> None:
    """A re-run of init must not reset what administrators changed since."""
    with workspace.db.write() as session:
        session.execute(update(Feature).where(Feature.key == "b2b").values(enabled=True))
        seq = session.execute(
            select(NumberSequence).where(NumberSequence.code == "HIER")
        ).scalar_one()
        seq.next = 57
    ctx, _result = initialize(db_url)
    try:
        with ctx.db.read() as session:
            assert session.get(Feature, "b2b").enabled is True  # type: ignore[union-attr]
            assert numbering.peek(session, "hierarchy_id") == "CH-000057"
    finally:
        ctx.db.dispose()


def test_only_an_administrator_may_initialise_an_existing_database(
    workspace: Context, db_url: str
) -> None:
    # demote the only operator (on PostgreSQL the operator is always the database login)
    with workspace.db.write() as session:
        session.execute(
            update(Operator).where(Operator.login == workspace.login).values(role="clerk")
        )
    entries = audit.count_entries(workspace)
    with pytest.raises(PermissionDeniedError) as info:
        initialize(db_url)
    assert info.value.exit_status == 3
    assert info.value.code == "permission_denied"
    assert audit.count_entries(workspace) == entries


def test_sqlite_database_is_in_wal_mode_after_init(tmp_path: Path) -> None:
    path = tmp_path / "wal.sqlite3"
    ctx, _result = initialize(str(path))
    ctx.db.dispose()
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    finally:
        conn.close()


def test_zero_byte_sqlite_file_is_initialised(tmp_path: Path) -> None:
    path = tmp_path / "empty.sqlite3"
    path.touch()
    ctx, result = initialize(str(path))
    try:
        assert result.created is True
        assert ctx.operator().role == "administrator"
    finally:
        ctx.db.dispose()
