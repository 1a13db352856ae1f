"""Feature management (機能管理): switches with dependencies, administrators only, audited."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from hierdesk.data.schema import Feature, Operator, utcnow
from hierdesk.domain.errors import NotFoundError, PermissionDeniedError, RuleError
from hierdesk.services import audit, features
from hierdesk.services.context import Context


def _enabled(ctx: Context) -> dict[str, bool]:
    with ctx.db.read() as session:
        return {k: bool(v) for k, v in session.execute(select(Feature.key, Feature.enabled))}


def _add_operator(ctx: Context, login: str, role: str) -> Context:
    with ctx.db.write() as session:
        session.add(
            Operator(login=login, role=role, active=True, created_at=utcnow(), created_by=ctx.login)
        )
    return Context(ctx.db, login)


def test_list_shows_every_feature_with_its_requirements(workspace: Context) -> None:
    rows = features.list_features(workspace)
    assert [f.key for f in rows] == ["b2b", "auto_link", "channel_restriction", "catalogs"]
    assert all(f.enabled is False for f in rows)
    requires = {f.key: f.requires for f in rows}
    assert requires == {
        "b2b": (),
        "auto_link": ("b2b",),
        "channel_restriction": ("b2b",),
        "catalogs": ("b2b",),
    }


def test_enabling_records_who_and_when_and_audits(workspace: Context) -> None:
    state = features.set_enabled(workspace, "b2b", True)
    assert state.enabled is True
    assert state.changed_by == workspace.login
    assert state.changed_at is not None
    assert _enabled(workspace)["b2b"] is True
    entry = audit.list_entries(workspace, limit=1)[0]
    assert (entry.action, entry.entity_type, entry.entity_id) == (
        "feature.enable",
        "feature",
        "b2b",
    )
    assert entry.before == {"enabled": False}
    assert entry.after == {"enabled": True}
    assert entry.operator == workspace.login


def test_disabling_is_audited_with_before_and_after(workspace: Context) -> None:
    features.set_enabled(workspace, "b2b", True)
    features.set_enabled(workspace, "b2b", False)
    entry = audit.list_entries(workspace, limit=1)[0]
    assert entry.action == "feature.disable"
    assert (entry.before, entry.after) == ({"enabled": True}, {"enabled": False})
    assert _enabled(workspace)["b2b"] is False


def test_switching_to_the_current_state_writes_no_audit_entry(workspace: Context) -> None:
    features.set_enabled(workspace, "b2b", True)
    count = audit.count_entries(workspace)
    assert features.set_enabled(workspace, "b2b", True).enabled is True
    assert audit.count_entries(workspace) == count


@pytest.mark.parametrize("key", ["auto_link", "channel_restriction", "catalogs"])
def test_enabling_a_feature_whose_requirement_is_off_is_refused(
    workspace: Context, key: str
) -> None:
    count = audit.count_entries(workspace)
    with pytest.raises(RuleError) as info:
        features.set_enabled(workspace, key, True)
    assert info.value.code == "feature_requires"
    assert info.value.exit_status == 1
    assert "b2b" in info.value.localized()
    assert _enabled(workspace)[key] is False
    assert audit.count_entries(workspace) == count


def test_disabling_a_feature_others_need_is_refused_naming_them(workspace: Context) -> None:
    features.set_enabled(workspace, "b2b", True)
    features.set_enabled(workspace, "channel_restriction", True)
    features.set_enabled(workspace, "auto_link", True)
    count = audit.count_entries(workspace)
    with pytest.raises(RuleError) as info:
        features.set_enabled(workspace, "b2b", False)
    assert info.value.code == "feature_needed_by"
    message = info.value.localized()
    assert "channel_restriction" in message
    assert "auto_link" in message
    assert "catalogs" not in message  # off, so not in the way
    assert _enabled(workspace)["b2b"] is True
    assert audit.count_entries(workspace) == count
    # once the dependants are off, b2b can go
    features.set_enabled(workspace, "channel_restriction", False)
    features.set_enabled(workspace, "auto_link", False)
    assert features.set_enabled(workspace, "b2b", False).enabled is False


def test_unknown_feature_is_refused(workspace: Context) -> None:
    with pytest.raises(NotFoundError) as info:
        features.set_enabled(workspace, "b2c", True)
    assert info.value.code == "feature_unknown"
    assert "b2b" in info.value.localized()  # lists the features there are


@pytest.mark.parametrize("role", ["clerk", "manager"])
def test_only_administrators_change_features(workspace: Context, role: str) -> None:
    other = _add_operator(workspace, f"desk-{role}", role)
    count = audit.count_entries(workspace)
    with pytest.raises(PermissionDeniedError) as info:
        features.set_enabled(other, "b2b", True)
    assert info.value.code == "permission_denied"
    assert info.value.exit_status == 3
    assert f"desk-{role}" in info.value.localized()
    assert _enabled(workspace)["b2b"] is False
    assert audit.count_entries(workspace) == count
