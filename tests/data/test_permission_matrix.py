"""Every service operation × every kind of operator (README "Roles", DOMAIN.md Operator).

:data:`OPERATIONS` names each public service function that takes a :class:`Context`, the
role it needs, and how to make a valid call. Each is called as a clerk, a manager, an
administrator, a login that is no operator and a disabled administrator: it must work
exactly when the operator's role ranks at least the one needed, and a refusal is a
PermissionDeniedError that writes nothing. A new service function without an entry here
(or in :data:`NO_ROLE_CHECK`, with the reason) fails :func:`test_every_operation_is_in_the_matrix`.

One prepared database (the demo dataset, scale 1) serves the whole module; each call gets
objects of its own where it changes something."""

from __future__ import annotations

import ast
import contextlib
import itertools
import json
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from hierdesk.data.schema import AuditEntry, Base
from hierdesk.domain.errors import HierdeskError, PermissionDeniedError, RuleError
from hierdesk.domain.jp import corporate_number_from_base
from hierdesk.domain.model import role_rank
from hierdesk.services import (
    access,
    approval,
    audit,
    backup,
    catalogs,
    channels,
    demo,
    distribution,
    export,
    features,
    hierarchies,
    intake,
    jobs,
    lookups,
    members,
    notices,
    notifications,
    operators,
    orders,
    properties,
    requests,
    sequences,
    setup,
    signins,
)
from hierdesk.services.context import Context

SERVICES = Path(__file__).resolve().parents[2] / "src" / "hierdesk" / "services"

#: Public functions taking a Context that check no role, and why that is right.
NO_ROLE_CHECK: dict[str, str] = {
    "access.restriction_on": "whether a feature is on; features are listed to every reader",
    "demo.is_loaded": "whether the demo dataset is loaded (a number), as the demo database opens",
    "distribution.folder": "this desk's folder setting (a path), no customer data",
    "notices.queued_ids": "IDs only, for deliver()/retry(), which check the role",
    "notices.count_queued": "a count shown beside Send now, which checks the role",
    "notifications.deliver": "sends an already built message; get_transport checks the role",
}

_counter = itertools.count(1)


@dataclass
class World:
    admin: Context  # who set the database up
    hierarchy: str
    role_member: str  # a user member whose role is switched
    status_member: str  # a user member who is disabled and enabled
    property_member: str
    pending: list[int]  # requests waiting for a decision
    files: Path

    def principal(self, who: str) -> Context:
        return Context(self.admin.db, PRINCIPALS[who])


#: who → the login (demo operators, plus ``stranger`` and ``retired`` added below)
PRINCIPALS = {
    "clerk": "tanaka",
    "manager": "suzuki",
    "administrator": "admin",
    "unknown": "stranger",
    "disabled": "retired",
}


def _rank(who: str) -> int:
    return role_rank(who) if who in ("clerk", "manager", "administrator") else -1


def _tolerant(call: Callable[[], object]) -> None:
    """A preparation that may find things already as wanted."""
    with contextlib.suppress(HierdeskError):
        call()


def _request(n: int) -> dict[str, object]:
    number = corporate_number_from_base(f"{7005000 + n:07d}05901")
    return {
        "external_id": f"PM-{n:05d}",
        "channel": "B2B-JP",
        "company_name": f"株式会社権限表{n}",
        "company_name_kana": f"けんげんひょう{'イ' * (n % 40 + 1)}",
        "corporate_number": number,
        "invoice_registration_number": f"T{number}",
        "email": f"jiro{n}@kengen{n}.example.jp",
        "last_name": "鈴木",
        "first_name": "次郎",
        "department": "購買部",
        "phone": "03-1234-5678",
        "postal_code": "105-0011",
        "prefecture": "13",
        "city": "港区",
        "address_line1": "芝公園1-1-1",
        "language": "ja",
    }


def _new_request(world: World) -> int:
    n = next(_counter)
    data = json.dumps([_request(n)], ensure_ascii=False).encode()
    result = intake.import_requests(world.admin, data, "requests.json")
    assert (result.imported, result.errors) == (1, ()), result
    rows = requests.list_requests(world.admin, status="pending", search=f"jiro{n}@")
    return rows[0].id


def _module_database(tmp: Path) -> tuple[str, Callable[[], None]]:
    """A database for this module: a SQLite file, or a new PostgreSQL database."""
    import os

    pg_url = os.environ.get("HIERDESK_TEST_PG_URL", "").strip()
    if not pg_url:
        return str(tmp / "matrix.sqlite3"), lambda: None
    import psycopg

    name = f"hd_matrix_{uuid.uuid4().hex[:12]}"
    admin_url = pg_url.replace("postgresql+psycopg://", "postgresql://")
    with psycopg.connect(admin_url, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')

    def drop() -> None:
        with psycopg.connect(admin_url, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    return f"{pg_url.rpartition('/')[0]}/{name}", drop


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[World]:
    files = tmp_path_factory.mktemp("matrix")
    url, drop = _module_database(files)
    # on PostgreSQL the operator is the database login
    ctx, _result = setup.initialize(url, None if url.startswith("postgresql") else "boss")
    try:
        demo.load_demo(ctx, 1)
        features.set_enabled(ctx, "catalogs", True)
        operators.add_operator(ctx, "retired", "administrator")
        operators.set_active(ctx, "retired", False)
        operators.add_operator(ctx, "target-role", "clerk")
        operators.add_operator(ctx, "target-active", "clerk")
        sequences.create_sequence(ctx, "SMX", "SMX-####")
        code = hierarchies.list_hierarchies(ctx)[0].code
        catalogs.create_catalog(ctx, "CAT-PM", "権限表の基本カタログ", ["B2B-JP"])
        catalogs.assign(ctx, code, "CAT-PM")
        added = [
            members.add_member(
                ctx, code, email=f"{who}@matrix.example.jp", last_name="試験", first_name=who
            ).account
            for who in ("role", "status", "property")
        ]
        world = World(ctx, code, *added, pending=[], files=files)
        yield world
    finally:
        ctx.db.dispose()
        drop()


@dataclass(frozen=True)
class Op:
    needs: str
    #: ``make(world, tag)`` prepares (as the administrator who set up the database) and
    #: returns the call to make as the operator under test.
    make: Callable[[World, str], Callable[[Context], object]]


def _same(call: Callable[[Context], object]) -> Callable[[World, str], Callable[[Context], Any]]:
    return lambda _world, _tag: call


def _h(call: Callable[[Context, World, str], object]) -> Callable[[World, str], Any]:
    return lambda world, tag: lambda ctx: call(ctx, world, tag)


def _toggle(
    prepare: Callable[[World], object], call: Callable[[Context, World], object]
) -> Callable[[World, str], Any]:
    def make(world: World, _tag: str) -> Callable[[Context], object]:
        _tolerant(lambda: prepare(world))
        return lambda ctx: call(ctx, world)

    return make


def _approve(world: World, _tag: str) -> Callable[[Context], object]:
    request_id = _new_request(world)
    return lambda ctx: approval.approve(ctx, request_id)


def _reject(world: World, _tag: str) -> Callable[[Context], object]:
    request_id = _new_request(world)
    return lambda ctx: approval.reject(ctx, request_id, "重複のため", deliver=False)


def _review(world: World, _tag: str) -> Callable[[Context], object]:
    request_id = requests.list_requests(world.admin, status="pending", limit=1)[0].id
    return lambda ctx: approval.review(ctx, request_id)


def _detail(world: World, _tag: str) -> Callable[[Context], object]:
    request_id = requests.list_requests(world.admin, limit=1)[0].id
    return lambda ctx: requests.request_detail(ctx, request_id)


def _sqlite_only(call: Callable[[Context], object]) -> Callable[[Context], object]:
    """Backups are of SQLite files: on PostgreSQL an allowed call is refused as a rule."""

    def run(ctx: Context) -> object:
        if ctx.db.backend == "sqlite":
            return call(ctx)
        with pytest.raises(RuleError):
            call(ctx)
        return None

    return run


def _backup(world: World, tag: str) -> Callable[[Context], object]:
    return _sqlite_only(lambda ctx: backup.backup(ctx, world.files / f"backup-{tag}.sqlite3"))


def _restore(world: World, tag: str) -> Callable[[Context], object]:
    copy = world.files / f"restore-{tag}.sqlite3"
    if world.admin.db.backend == "sqlite":
        backup.backup_sqlite(world.admin.db, copy)
    return _sqlite_only(lambda ctx: backup.restore(ctx, copy))


def _orders(world: World, tag: str) -> Callable[[Context], object]:
    row = {
        "order_id": f"PM-{tag}",
        "channel": "B2B-JP",
        "customer": world.property_member,
        "ordered_at": "2026-11-02T10:00:00+09:00",
        "status": "open",
        "total": 12000,
        "currency": "JPY",
    }
    data = json.dumps([row]).encode()
    return lambda ctx: orders.import_orders(ctx, data, "orders.json")


def _signins(world: World, tag: str) -> Callable[[Context], object]:
    row = {
        "identity_id": f"pm-{tag}",
        "email": "property@matrix.example.jp",
        "channel": "B2B-JP",
        "signed_in_at": "2026-11-02T10:00:00+09:00",
    }
    data = json.dumps([row]).encode()
    return lambda ctx: signins.import_signins(ctx, data, "signins.json")


def _import_requests(world: World, _tag: str) -> Callable[[Context], object]:
    data = json.dumps([_request(next(_counter))], ensure_ascii=False).encode()
    return lambda ctx: intake.import_requests(ctx, data, "requests.json")


def _credit(ctx: Context, world: World, tag: str) -> object:
    return properties.set_property(ctx, world.property_member, "credit_limit", 1000 + int(tag))


OPERATIONS: dict[str, Op] = {
    # access
    "access.list_grants": Op("clerk", _h(lambda c, w, t: access.list_grants(c, w.hierarchy))),
    "access.check": Op("clerk", _h(lambda c, w, t: access.check(c, w.property_member, "B2B-JP"))),
    "access.grant": Op(
        "manager",
        _toggle(
            lambda w: access.revoke(w.admin, w.hierarchy, "B2B-PRO"),
            lambda c, w: access.grant(c, w.hierarchy, "B2B-PRO"),
        ),
    ),
    "access.revoke": Op(
        "manager",
        _toggle(
            lambda w: access.grant(w.admin, w.hierarchy, "B2B-EN"),
            lambda c, w: access.revoke(c, w.hierarchy, "B2B-EN"),
        ),
    ),
    # approval
    "approval.review": Op("clerk", _review),
    "approval.hierarchy_choices": Op(
        "clerk", _h(lambda c, w, t: approval.hierarchy_choices(c, [w.hierarchy]))
    ),
    "approval.approve": Op("clerk", _approve),
    "approval.reject": Op("clerk", _reject),
    # audit
    "audit.list_entries": Op("clerk", _same(lambda c: audit.list_entries(c, limit=5))),
    "audit.count_entries": Op("clerk", _same(audit.count_entries)),
    "audit.export_csv": Op(
        "clerk", _h(lambda c, w, t: audit.export_csv(c, w.files / f"audit-{t}.csv"))
    ),
    # backup
    "backup.backup": Op("administrator", _backup),
    "backup.restore": Op("administrator", _restore),
    # catalogs
    "catalogs.list_catalogs": Op("clerk", _same(catalogs.list_catalogs)),
    "catalogs.view": Op("clerk", _h(lambda c, w, t: catalogs.view(c, w.hierarchy))),
    "catalogs.without_catalog": Op("clerk", _same(catalogs.without_catalog)),
    "catalogs.create_catalog": Op(
        "administrator",
        _h(lambda c, w, t: catalogs.create_catalog(c, f"CATPM{t}", "権限表カタログ", ["B2B-JP"])),
    ),
    "catalogs.update_catalog": Op(
        "administrator",
        _h(lambda c, w, t: catalogs.update_catalog(c, "CAT-OUTLET", name=f"アウトレット {t}")),
    ),
    "catalogs.assign": Op(
        "manager",
        _toggle(
            lambda w: catalogs.unassign(w.admin, w.hierarchy, "CAT-OUTLET"),
            lambda c, w: catalogs.assign(c, w.hierarchy, "CAT-OUTLET"),
        ),
    ),
    "catalogs.unassign": Op(
        "manager",
        _toggle(
            lambda w: catalogs.assign(w.admin, w.hierarchy, "CAT-OUTLET"),
            lambda c, w: catalogs.unassign(c, w.hierarchy, "CAT-OUTLET"),
        ),
    ),
    # channels
    "channels.list_channels": Op("clerk", _same(channels.list_channels)),
    "channels.create_channel": Op(
        "administrator", _h(lambda c, w, t: channels.create_channel(c, f"PM-{t}", "権限表サイト"))
    ),
    # demo and setup
    "demo.load_demo": Op("administrator", _same(lambda c: demo.load_demo(c, 1))),
    "setup.initialize": Op("administrator", _same(lambda c: setup._initialize(c))),
    # distribution and jobs
    "distribution.overview": Op("clerk", _same(distribution.overview)),
    "distribution.set_folder": Op(
        "administrator",
        _h(lambda c, w, t: distribution.set_folder(c, w.files / f"folder-{t}")),
    ),
    "distribution.distribute": Op(
        "clerk", _h(lambda c, w, t: distribution.distribute(c, w.files / f"out-{t}"))
    ),
    "jobs.list_runs": Op("clerk", _same(jobs.list_runs)),
    # export
    "export.export_hierarchies": Op(
        "clerk",
        _h(lambda c, w, t: export.export_hierarchies(c, w.files / f"h-{t}.csv", code=w.hierarchy)),
    ),
    "export.export_orders": Op(
        "clerk",
        _h(lambda c, w, t: export.export_orders(c, w.files / f"o-{t}.csv", orders.OrderFilter())),
    ),
    # features
    "features.list_features": Op("clerk", _same(features.list_features)),
    "features.set_enabled": Op(
        "administrator",
        _toggle(
            lambda w: features.set_enabled(w.admin, "auto_link", False),
            lambda c, w: features.set_enabled(c, "auto_link", True),
        ),
    ),
    # hierarchies
    "hierarchies.list_hierarchies": Op("clerk", _same(hierarchies.list_hierarchies)),
    "hierarchies.count_hierarchies": Op("clerk", _same(hierarchies.count_hierarchies)),
    "hierarchies.list_members": Op(
        "clerk", _h(lambda c, w, t: hierarchies.list_members(c, w.hierarchy))
    ),
    "hierarchies.get_hierarchy": Op(
        "clerk", _h(lambda c, w, t: hierarchies.get_hierarchy(c, w.hierarchy))
    ),
    # intake
    "intake.import_requests": Op("clerk", _import_requests),
    # lookups
    "lookups.list_lookups": Op("clerk", _same(lookups.list_lookups)),
    "lookups.partner_defaults": Op("clerk", _same(lookups.partner_defaults)),
    "lookups.create_lookup": Op(
        "administrator",
        _h(lambda c, w, t: lookups.create_lookup(c, "customer_group", f"PM{t}", "権限", "Perm")),
    ),
    "lookups.update_lookup": Op(
        "administrator",
        _h(
            lambda c, w, t: lookups.update_lookup(
                c, "customer_group", "WHOLESALE", name_en=f"Wholesalers {t}"
            )
        ),
    ),
    "lookups.set_partner_default": Op(
        "administrator",
        _h(lambda c, w, t: lookups.set_partner_default(c, "credit_limit", 5000 + int(t))),
    ),
    # members
    "members.list_members": Op("clerk", _h(lambda c, w, t: members.list_members(c, w.hierarchy))),
    "members.hierarchy_version": Op(
        "clerk", _h(lambda c, w, t: members.hierarchy_version(c, w.hierarchy))
    ),
    "members.add_member": Op(
        "manager",
        _h(
            lambda c, w, t: members.add_member(
                c, w.hierarchy, email=f"add{t}@matrix.example.jp", last_name="追加", first_name=t
            )
        ),
    ),
    "members.set_role": Op(
        "manager",
        _toggle(
            lambda w: members.set_role(w.admin, w.hierarchy, w.role_member, "user"),
            lambda c, w: members.set_role(c, w.hierarchy, w.role_member, "admin"),
        ),
    ),
    "members.disable_member": Op(
        "manager",
        _toggle(
            lambda w: members.enable_member(w.admin, w.hierarchy, w.status_member),
            lambda c, w: members.disable_member(c, w.hierarchy, w.status_member, "異動"),
        ),
    ),
    "members.enable_member": Op(
        "manager",
        _toggle(
            lambda w: members.disable_member(w.admin, w.hierarchy, w.status_member, "異動"),
            lambda c, w: members.enable_member(c, w.hierarchy, w.status_member),
        ),
    ),
    "members.rename_hierarchy": Op(
        "manager", _h(lambda c, w, t: members.rename_hierarchy(c, w.hierarchy, f"東洋商事 {t}"))
    ),
    # notifications
    "notices.retry": Op("clerk", _same(notices.retry)),
    "notices.deliver": Op("clerk", _same(lambda c: notices.deliver(c, [0]))),
    "notices.list_notifications": Op("clerk", _same(notices.list_notifications)),
    "notifications.get_transport": Op("clerk", _same(notifications.get_transport)),
    "notifications.set_transport": Op(
        "administrator",
        _h(
            lambda c, w, t: notifications.set_transport(
                c, mode="outbox", outbox=str(w.files / f"outbox-{t}")
            )
        ),
    ),
    "notifications.send_test_message": Op(
        "administrator",
        _same(lambda c: notifications.send_test_message(c, "test@matrix.example.jp")),
    ),
    # operators
    "operators.list_operators": Op("clerk", _same(operators.list_operators)),
    "operators.add_operator": Op(
        "administrator", _h(lambda c, w, t: operators.add_operator(c, f"pm-{t}", "clerk"))
    ),
    "operators.set_role": Op(
        "administrator",
        _toggle(
            lambda w: operators.set_role(w.admin, "target-role", "clerk"),
            lambda c, w: operators.set_role(c, "target-role", "manager"),
        ),
    ),
    "operators.set_active": Op(
        "administrator",
        _toggle(
            lambda w: operators.set_active(w.admin, "target-active", True),
            lambda c, w: operators.set_active(c, "target-active", False),
        ),
    ),
    # orders
    "orders.import_orders": Op("clerk", _orders),
    "orders.list_orders": Op("clerk", _same(orders.list_orders)),
    "orders.count_orders": Op("clerk", _same(orders.count_orders)),
    "orders.totals": Op("clerk", _same(orders.totals)),
    "orders.volume": Op("clerk", _same(orders.volume)),
    # properties
    "properties.compare": Op("clerk", _h(lambda c, w, t: properties.compare(c, w.hierarchy))),
    "properties.preview_override": Op(
        "clerk", _h(lambda c, w, t: properties.preview_override(c, w.hierarchy))
    ),
    "properties.override": Op("manager", _h(lambda c, w, t: properties.override(c, w.hierarchy))),
    "properties.apply_changes": Op(
        "manager", _h(lambda c, w, t: properties.apply_changes(c, w.hierarchy, [], {}))
    ),
    "properties.set_property": Op("manager", _h(_credit)),
    "properties.customer_detail": Op(
        "clerk", _h(lambda c, w, t: properties.customer_detail(c, w.property_member))
    ),
    # requests
    "requests.list_requests": Op("clerk", _same(requests.list_requests)),
    "requests.count_requests": Op("clerk", _same(requests.count_requests)),
    "requests.request_detail": Op("clerk", _detail),
    "requests.request_warnings": Op("clerk", _same(lambda c: requests.request_warnings(c, [1]))),
    # number sequences
    "sequences.list_sequences": Op("clerk", _same(sequences.list_sequences)),
    "sequences.get_sequence": Op("clerk", _same(lambda c: sequences.get_sequence(c, "SMX"))),
    "sequences.peek": Op("clerk", _same(lambda c: sequences.peek(c, "hierarchy_id"))),
    "sequences.create_sequence": Op(
        "administrator", _h(lambda c, w, t: sequences.create_sequence(c, f"PM{t}", "PM-####"))
    ),
    "sequences.update_sequence": Op(
        "administrator", _h(lambda c, w, t: sequences.update_sequence(c, "SMX", name=f"SMX {t}"))
    ),
    "sequences.assign": Op(
        "administrator", _same(lambda c: sequences.assign(c, "hierarchy_id", "HIER"))
    ),
    # sign-ins
    "signins.import_signins": Op("clerk", _signins),
    "signins.link_pending": Op("clerk", _same(signins.link_pending)),
    "signins.list_signins": Op("clerk", _same(signins.list_signins)),
    "signins.count_signins": Op("clerk", _same(signins.count_signins)),
    "signins.outcome_counts": Op("clerk", _same(signins.outcome_counts)),
}


def _public_operations() -> dict[str, bool]:
    """``module.function`` of every public function in services/ whose first parameter
    is ``ctx`` → whether its own body calls ``ctx.require(``."""
    found: dict[str, bool] = {}
    for path in sorted(SERVICES.glob("*.py")):
        source = path.read_text(encoding="utf-8")
        for node in ast.parse(source).body:
            if not isinstance(node, ast.FunctionDef) or node.name.startswith("_"):
                continue
            if not node.args.args or node.args.args[0].arg != "ctx":
                continue
            body = ast.get_source_segment(source, node) or ""
            found[f"{path.stem}.{node.name}"] = "ctx.require(" in body
    return found


def test_every_operation_is_in_the_matrix() -> None:
    found = _public_operations()
    # setup's public functions take a location; its _initialize takes the Context
    found["setup.initialize"] = True
    missing = sorted(set(found) - set(OPERATIONS) - set(NO_ROLE_CHECK))
    assert not missing, f"service operations without a row in OPERATIONS: {missing}"
    stale = sorted((set(OPERATIONS) | set(NO_ROLE_CHECK)) - set(found))
    assert not stale, f"rows for operations that no longer exist: {stale}"
    unchecked = sorted(k for k in NO_ROLE_CHECK if found[k])
    assert not unchecked, f"these do check a role now; move them to OPERATIONS: {unchecked}"
    checked = {k for k, v in found.items() if v}
    assert checked <= set(OPERATIONS)


def test_the_roles_are_ordered() -> None:
    assert role_rank("clerk") < role_rank("manager") < role_rank("administrator")


def _footprint(ctx: Context) -> tuple[int, int]:
    """The number of audit entries and of rows in all tables."""
    with ctx.db.read() as session:
        entries = int(session.execute(select(func.count(AuditEntry.id))).scalar_one())
        rows = sum(
            int(session.execute(select(func.count()).select_from(table)).scalar_one())
            for table in Base.metadata.sorted_tables
        )
    return entries, rows


_tags = itertools.count(100)


@pytest.mark.parametrize("who", list(PRINCIPALS))
@pytest.mark.parametrize("name", sorted(OPERATIONS))
def test_operation_as(world: World, name: str, who: str) -> None:
    op = OPERATIONS[name]
    call = op.make(world, str(next(_tags)))
    ctx = world.principal(who)
    if _rank(who) >= role_rank(op.needs):
        call(ctx)  # done, nothing refused
        return
    before = _footprint(world.admin)
    with pytest.raises(PermissionDeniedError) as refused:
        call(ctx)
    assert refused.value.exit_status == 3
    expected = "permission_denied" if _rank(who) >= 0 else "operator_unknown"
    assert refused.value.code == expected
    assert PRINCIPALS[who] in refused.value.localized()
    assert _footprint(world.admin) == before, "a refused call wrote something"
