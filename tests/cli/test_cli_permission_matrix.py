"""Every ``hierdesk-cli`` command that changes something × every kind of operator
(INTERFACES.md §3: exit status 3 is permission denied).

:data:`CHANGES` gives each such command the role it needs and a valid command line; run
as a clerk, a manager, an administrator, a login that is no operator and a disabled
administrator, it ends 0 exactly when the role ranks high enough, and 3 otherwise with
nothing written. The reading commands (:data:`READS`) are refused (3) to a login that is
no operator and a disabled one, and work for a clerk. A command of the parser in neither
table fails :func:`test_every_command_is_in_the_matrix`. On PostgreSQL each operator is
its own database login, as on a real shared database.

One prepared database (the demo dataset, scale 1) serves the whole module."""

from __future__ import annotations

import argparse
import contextlib
import itertools
import json
import os
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from clihelp import run
from sqlalchemy import func, select
from sqlalchemy.engine import make_url

from hierdesk.cli import build_parser
from hierdesk.data.schema import AuditEntry
from hierdesk.domain.errors import HierdeskError
from hierdesk.domain.jp import corporate_number_from_base
from hierdesk.domain.model import role_rank
from hierdesk.services import (
    access,
    catalogs,
    demo,
    features,
    hierarchies,
    intake,
    members,
    operators,
    requests,
    setup,
)
from hierdesk.services.context import Context

PG_URL = os.environ.get("HIERDESK_TEST_PG_URL", "").strip()

#: PostgreSQL roles are cluster-wide: the logins of this run are its own
RUN = uuid.uuid4().hex[:6]
#: who → (login, role it is given; None: no operator)
PRINCIPALS: dict[str, tuple[str, str | None]] = {
    "clerk": (f"pm-clerk-{RUN}", "clerk"),
    "manager": (f"pm-manager-{RUN}", "manager"),
    "administrator": (f"pm-admin-{RUN}", "administrator"),
    "unknown": (f"pm-stranger-{RUN}", None),
    "disabled": (f"pm-retired-{RUN}", "administrator"),
}
_tags = itertools.count(100)


@dataclass
class World:
    admin: Context
    hierarchy: str
    role_member: str
    status_member: str
    files: Path
    options: dict[str, list[str]]  # who → the options that open the database as them


def _rank(who: str) -> int:
    return role_rank(who) if who in ("clerk", "manager", "administrator") else -1


def _desk_url(ctx: Context, login: str) -> str:
    """On PostgreSQL a database login with rights on hierdesk's tables (as a desk of
    packaging/postgres/roles.sql would have); on SQLite the same file."""
    url = ctx.db.location.url
    if ctx.db.backend != "postgresql":
        return url
    import psycopg

    plain = url.replace("postgresql+psycopg://", "postgresql://")
    with psycopg.connect(plain, autocommit=True) as conn:
        if not conn.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (login,)).fetchone():
            conn.execute(f'CREATE ROLE "{login}" LOGIN')
        conn.execute(
            f'GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO "{login}"'
        )
        conn.execute(f'GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO "{login}"')
    return make_url(url).set(username=login).render_as_string(hide_password=False)


def _database(tmp: Path) -> tuple[str, Callable[[], None]]:
    if not PG_URL:
        return str(tmp / "cli-matrix.sqlite3"), lambda: None
    import psycopg

    name = f"hd_climatrix_{uuid.uuid4().hex[:12]}"
    admin_url = PG_URL.replace("postgresql+psycopg://", "postgresql://")
    with psycopg.connect(admin_url, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')

    def drop() -> None:
        with psycopg.connect(admin_url, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            for login, _role in PRINCIPALS.values():  # roles are cluster-wide
                conn.execute(f'DROP ROLE IF EXISTS "{login}"')

    return f"{PG_URL.rpartition('/')[0]}/{name}", drop


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[World]:
    files = tmp_path_factory.mktemp("cli-matrix")
    url, drop = _database(files)
    ctx, _result = setup.initialize(url, None if PG_URL else "boss")
    try:
        demo.load_demo(ctx, 1)
        features.set_enabled(ctx, "catalogs", True)
        code = hierarchies.list_hierarchies(ctx)[0].code
        catalogs.create_catalog(ctx, "CAT-PM", "権限表の基本カタログ", ["B2B-JP"])
        catalogs.assign(ctx, code, "CAT-PM")
        role_member, status_member = (
            members.add_member(
                ctx, code, email=f"{who}@cli-matrix.example.jp", last_name="試験", first_name=who
            ).account
            for who in ("role", "status")
        )
        for login in ("pm-target-role", "pm-target-active"):
            operators.add_operator(ctx, login, "clerk")
        options = {}
        for who, (login, role) in PRINCIPALS.items():
            if role is not None:
                operators.add_operator(ctx, login, role)
            options[who] = ["--db", _desk_url(ctx, login), "--operator", login]
        operators.set_active(ctx, PRINCIPALS["disabled"][0], False)
        yield World(ctx, code, role_member, status_member, files, options)
    finally:
        ctx.db.dispose()
        drop()


def _tolerant(call: Callable[[], object]) -> None:
    with contextlib.suppress(HierdeskError):
        call()


def _request(n: int) -> dict[str, object]:
    number = corporate_number_from_base(f"{7006000 + n:07d}05901")
    return {
        "external_id": f"CLI-PM-{n:05d}",
        "channel": "B2B-JP",
        "company_name": f"株式会社コマンド権限{n}",
        "company_name_kana": f"こまんどけんげん{'ウ' * (n % 40 + 1)}",
        "corporate_number": number,
        "invoice_registration_number": f"T{number}",
        "email": f"saburo{n}@cli-kengen{n}.example.jp",
        "last_name": "高橋",
        "first_name": "三郎",
        "phone": "03-1234-5678",
        "postal_code": "105-0011",
        "prefecture": "13",
        "city": "港区",
        "address_line1": "芝公園1-1-1",
        "language": "ja",
    }


def _pending(w: World, tag: str) -> int:
    n = int(tag)
    data = json.dumps([_request(n)], ensure_ascii=False).encode()
    result = intake.import_requests(w.admin, data, "requests.json")
    assert result.imported == 1, result
    return requests.list_requests(w.admin, status="pending", search=f"saburo{n}@")[0].id


def _file(w: World, tag: str, name: str, rows: list[dict[str, object]]) -> Path:
    path = w.files / f"{tag}-{name}"
    path.write_text(json.dumps(rows, ensure_ascii=False), encoding="utf-8")
    return path


@dataclass(frozen=True)
class Change:
    needs: str
    #: ``make(world, tag)``: prepares (as who set the database up) and returns the command
    make: Callable[[World, str], str]
    #: the exit status of an allowed run (backups of PostgreSQL are refused as a rule: 1)
    ok: Callable[[World], int] = lambda _w: 0


def _toggle(prepare: Callable[[World], object], command: str) -> Callable[[World, str], str]:
    def make(w: World, _tag: str) -> str:
        _tolerant(lambda: prepare(w))
        return command.format(h=w.hierarchy, role=w.role_member, status=w.status_member)

    return make


def _cmd(command: str) -> Callable[[World, str], str]:
    return lambda w, tag: command.format(
        h=w.hierarchy, tag=tag, files=w.files, role=w.role_member, status=w.status_member
    )


def _orders(w: World, tag: str) -> str:
    account = w.role_member
    row = {
        "order_id": f"CLI-{tag}",
        "channel": "B2B-JP",
        "customer": account,
        "ordered_at": "2026-11-02T10:00:00+09:00",
        "status": "open",
        "total": 5400,
        "currency": "JPY",
    }
    return f"order import {_file(w, tag, 'orders.json', [row])}"


def _signins(w: World, tag: str) -> str:
    row = {
        "identity_id": f"cli-{tag}",
        "email": "role@cli-matrix.example.jp",
        "channel": "B2B-JP",
        "signed_in_at": "2026-11-02T10:00:00+09:00",
    }
    return f"signin import {_file(w, tag, 'signins.json', [row])}"


CHANGES: dict[str, Change] = {
    "init": Change("administrator", _cmd("init")),
    "demo": Change("administrator", _cmd("demo --scale 1")),
    "hierarchy rename": Change("manager", _cmd("hierarchy rename {h} '東洋商事 {tag}'")),
    "customer set": Change("manager", _cmd("customer set {status} credit_limit 1{tag}")),
    "member add": Change(
        "manager",
        _cmd(
            "member add {h} --email add{tag}@cli-matrix.example.jp"
            " --last-name 追加 --first-name 花子"
        ),
    ),
    "member role": Change(
        "manager",
        _toggle(
            lambda w: members.set_role(w.admin, w.hierarchy, w.role_member, "user"),
            "member role {h} {role} admin",
        ),
    ),
    "member disable": Change(
        "manager",
        _toggle(
            lambda w: members.enable_member(w.admin, w.hierarchy, w.status_member),
            "member disable {h} {status} --reason 異動",
        ),
    ),
    "member enable": Change(
        "manager",
        _toggle(
            lambda w: members.disable_member(w.admin, w.hierarchy, w.status_member, "異動"),
            "member enable {h} {status}",
        ),
    ),
    "property override": Change("manager", _cmd("property override {h}")),
    "feature enable": Change(
        "administrator",
        _toggle(
            lambda w: features.set_enabled(w.admin, "auto_link", False), "feature enable auto_link"
        ),
    ),
    "feature disable": Change(
        "administrator",
        _toggle(
            lambda w: features.set_enabled(w.admin, "auto_link", True), "feature disable auto_link"
        ),
    ),
    "sequence create": Change("administrator", _cmd("sequence create PM{tag} --format PM-####")),
    "sequence assign": Change("administrator", _cmd("sequence assign hierarchy_id HIER")),
    "channel create": Change("administrator", _cmd("channel create PM-{tag} --name 権限表サイト")),
    "channel grant": Change(
        "manager",
        _toggle(
            lambda w: access.revoke(w.admin, w.hierarchy, "B2B-PRO"), "channel grant {h} B2B-PRO"
        ),
    ),
    "channel revoke": Change(
        "manager",
        _toggle(
            lambda w: access.grant(w.admin, w.hierarchy, "B2B-EN"), "channel revoke {h} B2B-EN"
        ),
    ),
    "catalog create": Change(
        "administrator", _cmd("catalog create CATPM{tag} --name 権限表 --channel B2B-JP")
    ),
    "catalog assign": Change(
        "manager",
        _toggle(
            lambda w: catalogs.unassign(w.admin, w.hierarchy, "CAT-OUTLET"),
            "catalog assign {h} CAT-OUTLET",
        ),
    ),
    "catalog unassign": Change(
        "manager",
        _toggle(
            lambda w: catalogs.assign(w.admin, w.hierarchy, "CAT-OUTLET"),
            "catalog unassign {h} CAT-OUTLET",
        ),
    ),
    "operator add": Change("administrator", _cmd("operator add pm-new-{tag} --role clerk")),
    "operator role": Change(
        "administrator",
        _toggle(
            lambda w: operators.set_role(w.admin, "pm-target-role", "clerk"),
            "operator role pm-target-role manager",
        ),
    ),
    "operator disable": Change(
        "administrator",
        _toggle(
            lambda w: operators.set_active(w.admin, "pm-target-active", True),
            "operator disable pm-target-active",
        ),
    ),
    "operator enable": Change(
        "administrator",
        _toggle(
            lambda w: operators.set_active(w.admin, "pm-target-active", False),
            "operator enable pm-target-active",
        ),
    ),
    "request import": Change(
        "clerk",
        lambda w, tag: (
            f"request import {_file(w, tag, 'requests.json', [_request(int(tag) + 5000)])}"
        ),
    ),
    "request approve": Change("clerk", lambda w, tag: f"request approve {_pending(w, tag)}"),
    "request reject": Change(
        "clerk", lambda w, tag: f"request reject {_pending(w, tag)} --reason 重複のため"
    ),
    "notification retry": Change("clerk", _cmd("notification retry")),
    "order import": Change("clerk", _orders),
    "signin import": Change("clerk", _signins),
    "signin link": Change("clerk", _cmd("signin link")),
    "distribute": Change("clerk", _cmd("distribute --out {files}/out-{tag}")),
    "audit export": Change("clerk", _cmd("audit export {files}/audit-{tag}.csv")),
    "backup": Change(
        "administrator",
        _cmd("backup {files}/backup-{tag}.sqlite3"),
        ok=lambda w: 0 if w.admin.db.backend == "sqlite" else 1,
    ),
}

#: the commands that only read, with a valid command line
READS: dict[str, Callable[[World], str]] = {
    "hierarchy list": lambda w: "hierarchy list",
    "hierarchy show": lambda w: f"hierarchy show {w.hierarchy}",
    "customer show": lambda w: f"customer show {w.role_member}",
    "property compare": lambda w: f"property compare {w.hierarchy}",
    "feature list": lambda w: "feature list",
    "sequence list": lambda w: "sequence list",
    "sequence show": lambda w: "sequence show HIER",
    "sequence peek": lambda w: "sequence peek hierarchy_id",
    "channel list": lambda w: "channel list",
    "access check": lambda w: f"access check {w.role_member} B2B-JP",
    "operator list": lambda w: "operator list",
    "audit list": lambda w: "audit list --limit 3",
    "request list": lambda w: "request list",
    "request show": lambda w: f"request show {requests.list_requests(w.admin, limit=1)[0].id}",
    "notification list": lambda w: "notification list",
    "catalog list": lambda w: "catalog list",
    "order list": lambda w: f"order list --hierarchy {w.hierarchy}",
    "signin list": lambda w: "signin list",
}


#: Commands that do not open the database named by ``--db``, and why.
NO_DATABASE: dict[str, str] = {
    "bench": "generates a database of its own in a temporary folder (tests/cli/test_cli_bench.py)",
}


def _commands() -> set[str]:
    """Every command of the parser: ``group action`` or ``command``."""
    found: set[str] = set()

    def walk(parser: argparse.ArgumentParser, prefix: str) -> None:
        subs = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
        if not subs:
            found.add(prefix)
            return
        for name, child in subs[0].choices.items():
            walk(child, f"{prefix} {name}".strip())

    walk(build_parser(), "")
    return found


def test_every_command_is_in_the_matrix() -> None:
    commands = _commands()
    missing = sorted(commands - set(CHANGES) - set(READS) - set(NO_DATABASE))
    assert not missing, f"commands without a row in CHANGES, READS or NO_DATABASE: {missing}"
    stale = sorted((set(CHANGES) | set(READS) | set(NO_DATABASE)) - commands)
    assert not stale, f"rows for commands that no longer exist: {stale}"


def _audit_count(ctx: Context) -> int:
    with ctx.db.read() as session:
        return int(session.execute(select(func.count(AuditEntry.id))).scalar_one())


@pytest.mark.parametrize("who", list(PRINCIPALS))
@pytest.mark.parametrize("command", sorted(CHANGES))
def test_change_as(
    capsys: pytest.CaptureFixture[str], world: World, command: str, who: str
) -> None:
    change = CHANGES[command]
    line = change.make(world, str(next(_tags)))
    before = _audit_count(world.admin)
    status, data, err = run(capsys, world.options[who], line)
    if _rank(who) >= role_rank(change.needs):
        assert status == change.ok(world), (line, data, err)
        return
    assert status == 3, (line, data, err)
    expected = "permission_denied" if _rank(who) >= 0 else "operator_unknown"
    assert data["error"]["code"] == expected
    assert PRINCIPALS[who][0] in err
    assert _audit_count(world.admin) == before, "a refused command wrote something"


@pytest.mark.parametrize("who", ["clerk", "unknown", "disabled"])
@pytest.mark.parametrize("command", sorted(READS))
def test_read_as(capsys: pytest.CaptureFixture[str], world: World, command: str, who: str) -> None:
    line = READS[command](world)
    status, data, err = run(capsys, world.options[who], line)
    if who == "clerk":
        assert status == 0, (line, data, err)
    else:
        assert (status, data["error"]["code"]) == (3, "operator_unknown"), (line, data, err)
