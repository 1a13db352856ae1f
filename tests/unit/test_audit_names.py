"""Every action and record type the services write to the audit trail has a name that the
audit log shows in both languages (an unnamed one would show its raw code)."""

from __future__ import annotations

import re
from pathlib import Path

from hierdesk.domain.model import AUDIT_ACTIONS, ENTITY_TYPES

SERVICES = Path(__file__).resolve().parents[2] / "src" / "hierdesk" / "services"
#: audit actions are the services' only dotted lower-case string literals ("member.role")
ACTION = re.compile(r'"([a-z]+\.[a-z_]+)"')
#: the record type is the argument after the action in ``audit.record(session, login, …)``
ENTITY = re.compile(r'audit\.record\(\s*\w+,\s*[\w.]+,\s*[^,]+,\s*"(?P<entity>[a-z_]+)"')


def _written() -> tuple[set[str], set[str]]:
    actions: set[str] = set()
    entities: set[str] = set()
    for path in SERVICES.rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        actions.update(ACTION.findall(text))
        entities.update(m["entity"] for m in ENTITY.finditer(text))
    return actions, entities


def test_the_scan_finds_the_audit_calls() -> None:
    actions, entities = _written()
    # actions and record types of every issue so far: the patterns still match the calls
    assert {"request.approve", "member.role", "distribution.run", "catalog.assign"} <= actions
    assert {"customer", "hierarchy", "channel", "file"} <= entities


def test_every_audited_action_and_record_type_has_a_name() -> None:
    actions, entities = _written()
    assert sorted(actions - set(AUDIT_ACTIONS)) == []
    assert sorted(entities - set(ENTITY_TYPES)) == []
