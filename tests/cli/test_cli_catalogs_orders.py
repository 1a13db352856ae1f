"""Catalogs and orders from the command line (INTERFACES.md §3, §7): ``catalog list|create|
assign|unassign`` and ``order import|list`` — the documented JSON, the words people read in
both languages, and the exit statuses 0/1/2/3."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from clihelp import as_operator, ok, refused, text
from sqlalchemy import func, select

from hierdesk.data.schema import AuditEntry, CatalogAssignment, SalesOrder
from hierdesk.services import approval, members
from hierdesk.services.context import Context

Submit = Callable[..., int]
ORDER_KEYS = {"order", "channel", "customer", "invoice_account", "ordered_at", "status", "total"}


@dataclass(frozen=True)
class Partner:
    ctx: Context
    db: str
    hierarchy: str
    organization: str
    admin: str
    user: str


@pytest.fixture
def partner(b2b_workspace: Context, submit_request: Submit) -> Partner:
    """A partner (organization, admin taro@…, user hanako@…) on a database with B2B on and
    the sites B2B-JP and B2B-EN."""
    ctx = b2b_workspace
    result = approval.approve(ctx, submit_request(ctx, email="taro@minato.example.jp"))
    assert result.hierarchy
    assert result.organization
    assert result.person
    user = members.add_member(
        ctx, result.hierarchy, email="hanako@minato.example.jp", last_name="佐藤", first_name="花子"
    )
    return Partner(
        ctx,
        ctx.db.location.url,
        result.hierarchy,
        result.organization,
        result.person,
        user.account,
    )


def _count(ctx: Context, column: Any) -> int:
    with ctx.db.read() as session:
        return int(session.execute(select(func.count(column))).scalar_one())


# --- catalogs ------------------------------------------------------------------------------------


def test_catalog_create_and_list_print_the_catalogs_and_their_sites(
    capsys: pytest.CaptureFixture[str], partner: Partner
) -> None:
    db = partner.db
    created = ok(
        capsys, db, "catalog create CAT-STD --name 標準カタログ --channel B2B-JP --channel B2B-EN"
    )
    assert created == {
        "code": "CAT-STD",
        "name": "標準カタログ",
        "active": True,
        "channels": ["B2B-EN", "B2B-JP"],
        "hierarchies": 0,
    }
    ok(capsys, db, "catalog create CAT-DRAFT --name '準備中 のカタログ'")
    listed = ok(capsys, db, "catalog list")
    assert [(c["code"], c["name"], c["channels"]) for c in listed] == [
        ("CAT-DRAFT", "準備中 のカタログ", []),
        ("CAT-STD", "標準カタログ", ["B2B-EN", "B2B-JP"]),
    ]
    shown = text(capsys, db, "catalog list")
    line = next(line for line in shown.splitlines() if line.startswith("CAT-STD"))
    assert "標準カタログ" in line
    assert "B2B-EN, B2B-JP" in line


def test_catalog_create_refusals(
    capsys: pytest.CaptureFixture[str], partner: Partner, login_url: Callable[[Context, str], str]
) -> None:
    db = partner.db
    ok(capsys, db, "catalog create CAT-STD --name 標準カタログ --channel B2B-JP")
    message = refused(
        capsys, 1, "channel_unknown", db, "catalog create CAT-X --name X --channel B2B-XX"
    )
    assert "B2B-XX" in message
    refused(capsys, 1, "catalog_exists", db, "catalog create CAT-STD --name もう一つ")
    refused(capsys, 1, "catalog_code_invalid", db, "catalog create 'CAT X' --name X")
    refused(capsys, 2, "usage", db, "catalog create CAT-Y")  # --name is required
    manager = as_operator(partner.ctx, login_url, "suzuki", "manager")
    refused(capsys, 3, "permission_denied", manager, "catalog create CAT-Z --name Z")
    assert [c["code"] for c in ok(capsys, db, "catalog list")] == ["CAT-STD"]


def test_catalog_assign_and_unassign(capsys: pytest.CaptureFixture[str], partner: Partner) -> None:
    db, h = partner.db, partner.hierarchy
    ok(capsys, db, "catalog create CAT-STD --name 標準カタログ --channel B2B-JP --channel B2B-EN")
    ok(capsys, db, "catalog create CAT-EN --name 'Export Catalog' --channel B2B-EN")

    message = refused(capsys, 1, "feature_off", db, f"catalog assign {h} CAT-STD")
    assert "(catalogs)" in message
    assert _count(partner.ctx, CatalogAssignment.catalog_id) == 0

    ok(capsys, db, "feature enable catalogs")
    assert ok(capsys, db, f"catalog assign {h} CAT-EN") == {
        "hierarchy": h,
        "catalogs": ["CAT-EN"],
        "sites": {"B2B-EN": ["CAT-EN"], "B2B-JP": []},
        "problem": False,
    }
    shown = text(capsys, db, f"catalog assign {h} CAT-STD")
    assert "B2B-EN: CAT-EN, CAT-STD" in shown
    assert "B2B-JP: CAT-STD" in shown
    assert ok(capsys, db, "catalog list")[1]["hierarchies"] == 1

    ok(capsys, db, f"catalog unassign {h} CAT-STD")
    shown = text(capsys, db, f"catalog unassign {h} CAT-EN")
    assert "No catalogs found" in shown
    assert "held back" in shown
    assert ok(capsys, db, f"catalog unassign {h} CAT-EN")["problem"] is True
    with partner.ctx.db.read() as session:
        actions = list(
            session.execute(
                select(AuditEntry.action)
                .where(AuditEntry.hierarchy_code == h, AuditEntry.action.like("catalog.%"))
                .order_by(AuditEntry.id)
            ).scalars()
        )
    assert actions == ["catalog.assign", "catalog.assign", "catalog.unassign", "catalog.unassign"]


def test_catalog_unassign_with_the_feature_off_does_not_claim_members_see_nothing(
    capsys: pytest.CaptureFixture[str], partner: Partner
) -> None:
    db, h = partner.db, partner.hierarchy
    ok(capsys, db, "catalog create CAT-STD --name 標準カタログ --channel B2B-JP")
    ok(capsys, db, "feature enable catalogs")
    ok(capsys, db, f"catalog assign {h} CAT-STD")
    ok(capsys, db, "feature disable catalogs")
    shown = text(capsys, db, f"catalog unassign {h} CAT-STD")
    assert "B2B-JP: —" in shown
    assert "No catalogs found" not in shown
    assert "held back" not in shown
    assert ok(capsys, db, "catalog list")[0]["hierarchies"] == 0


def test_catalog_assign_refusals(
    capsys: pytest.CaptureFixture[str], partner: Partner, login_url: Callable[[Context, str], str]
) -> None:
    db, h = partner.db, partner.hierarchy
    ok(capsys, db, "feature enable catalogs")
    ok(capsys, db, "feature enable channel_restriction")
    ok(capsys, db, "catalog create CAT-JP --name 国内カタログ --channel B2B-JP")
    ok(capsys, db, f"channel grant {h} B2B-EN")

    assert "CAT-NONE" in refused(capsys, 1, "catalog_not_found", db, f"catalog assign {h} CAT-NONE")
    refused(capsys, 1, "hierarchy_not_found", db, "catalog assign CH-999999 CAT-JP")
    message = refused(capsys, 1, "catalog_not_usable", db, f"catalog assign {h} CAT-JP")
    assert "B2B-JP" in message
    assert "B2B-EN" in message
    refused(capsys, 2, "usage", db, f"catalog assign {h}")
    clerk = as_operator(partner.ctx, login_url, "tanaka", "clerk")
    ok(capsys, db, f"channel grant {h} B2B-JP")
    refused(capsys, 3, "permission_denied", clerk, f"catalog assign {h} CAT-JP")
    assert _count(partner.ctx, CatalogAssignment.catalog_id) == 0
    assert ok(capsys, clerk, "catalog list")[0]["hierarchies"] == 0
    manager = as_operator(partner.ctx, login_url, "suzuki", "manager")
    assert ok(capsys, manager, f"catalog assign {h} CAT-JP")["sites"] == {
        "B2B-EN": [],
        "B2B-JP": ["CAT-JP"],
    }


# --- orders --------------------------------------------------------------------------------------


def _orders_file(tmp_path: Path, name: str, rows: list[dict[str, object]]) -> Path:
    path = tmp_path / name
    if name.endswith(".csv"):
        fields = list(rows[0])
        lines = [",".join(fields)] + [",".join(f'"{r.get(f, "")}"' for f in fields) for r in rows]
        path.write_bytes(("\r\n".join(lines) + "\r\n").encode("cp932"))
    else:
        path.write_text(json.dumps(rows, ensure_ascii=False), encoding="utf-8")
    return path


def _order(
    order_id: str, customer: str, total: int, status: str = "open", when: str = "2026-11-20"
) -> dict[str, object]:
    return {
        "order_id": order_id,
        "channel": "B2B-JP",
        "customer": customer,
        "ordered_at": f"{when}T12:00:00+09:00",
        "status": status,
        "total": total,
        "currency": "JPY",
    }


def test_order_import_prints_what_it_did_and_the_refused_rows(
    capsys: pytest.CaptureFixture[str], partner: Partner, tmp_path: Path
) -> None:
    db, p = partner.db, partner
    first = _orders_file(
        tmp_path,
        "monday.json",
        [_order("SO-1", p.admin, 128_000), _order("SO-2", "C-NOBODY", 5_000)],
    )
    data = ok(capsys, db, f"order import {first}")
    assert set(data) == {"imported", "updated", "duplicates", "errors"}
    assert (data["imported"], data["updated"], data["duplicates"]) == (1, 0, 0)
    (error,) = data["errors"]
    assert set(error) == {"row", "field", "code", "message"}
    assert (error["row"], error["field"], error["code"]) == (2, "customer", "customer_unknown")
    assert "C-NOBODY" in error["message"]

    again = ok(capsys, db, f"order import {first}")
    assert (again["imported"], again["updated"], again["duplicates"]) == (0, 0, 1)
    later = _orders_file(tmp_path, "tuesday.json", [_order("SO-1", p.admin, 128_000, "shipped")])
    shown = text(capsys, db, f"order import {later}")
    assert "Imported 0 orders; 1 changed their status; 0 were known already." in shown
    assert _count(partner.ctx, SalesOrder.id) == 1


def test_order_import_reads_cp932_only_when_told(
    capsys: pytest.CaptureFixture[str], partner: Partner, tmp_path: Path
) -> None:
    db = partner.db
    path = _orders_file(
        tmp_path, "受注.csv", [_order("受注-1", partner.user, 0) | {"total": "98,000円"}]
    )
    message = refused(capsys, 1, "file_not_decodable", db, f"order import {path}")
    assert "cp932" in message
    assert _count(partner.ctx, SalesOrder.id) == 0
    refused(capsys, 2, "usage", db, f"order import {path} --encoding latin-1")
    data = ok(capsys, db, f"order import {path} --encoding cp932")
    assert (data["imported"], data["errors"]) == (1, [])
    (listed,) = ok(capsys, db, "order list")
    assert (listed["order"], listed["total"]) == ("受注-1", 98_000)
    missing = tmp_path / "none.csv"
    assert "none.csv" in refused(capsys, 1, "file_unreadable", db, f"order import {missing}")


def test_order_import_by_a_clerk_and_not_by_a_stranger(
    capsys: pytest.CaptureFixture[str],
    partner: Partner,
    tmp_path: Path,
    login_url: Callable[[Context, str], str],
) -> None:
    path = _orders_file(tmp_path, "orders.json", [_order("SO-1", partner.admin, 1_000)])
    clerk = as_operator(partner.ctx, login_url, "tanaka", "clerk")
    assert ok(capsys, clerk, f"order import {path}")["imported"] == 1
    if partner.ctx.db.backend == "postgresql":
        stranger = ["--db", login_url(partner.ctx, "stranger")]
    else:
        stranger = ["--db", partner.db, "--operator", "stranger"]
    refused(capsys, 3, "operator_unknown", stranger, "order list")
    refused(capsys, 3, "operator_unknown", stranger, f"order import {path}")


@pytest.fixture
def history(partner: Partner, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Partner:
    p = partner
    path = _orders_file(
        tmp_path,
        "orders.json",
        [
            _order("SO-1", p.admin, 128_000, "invoiced", "2026-10-15"),
            _order("SO-2", p.user, 12_000, "shipped", "2026-11-20"),
            _order("SO-3", p.user, 1_000_000, "cancelled", "2026-11-21"),
            _order("SO-4", p.admin, 3_500, "open", "2026-11-22"),
        ],
    )
    assert ok(capsys, p.db, f"order import {path}")["imported"] == 4
    return p


def test_order_list_prints_the_orders_newest_first(
    capsys: pytest.CaptureFixture[str], history: Partner
) -> None:
    db, p = history.db, history
    listed = ok(capsys, db, "order list")
    assert [o["order"] for o in listed] == ["SO-4", "SO-3", "SO-2", "SO-1"]
    assert all(set(o) == ORDER_KEYS for o in listed)
    assert listed[3] == {
        "order": "SO-1",
        "channel": "B2B-JP",
        "customer": p.admin,
        "invoice_account": p.organization,
        "ordered_at": "2026-10-15T03:00:00+00:00",
        "status": "invoiced",
        "total": 128_000,
    }
    assert [o["order"] for o in ok(capsys, db, f"order list --member {p.user}")] == ["SO-3", "SO-2"]
    assert [o["order"] for o in ok(capsys, db, "order list --status cancelled")] == ["SO-3"]
    assert [o["order"] for o in ok(capsys, db, "order list --since 2026-11-01")] == [
        "SO-4",
        "SO-3",
        "SO-2",
    ]
    assert ok(capsys, db, "order list --member C-NOBODY") == []


def test_order_list_for_a_hierarchy_adds_the_totals(
    capsys: pytest.CaptureFixture[str], history: Partner, tmp_path: Path
) -> None:
    db, p = history.db, history
    data = ok(capsys, db, f"order list --hierarchy {p.hierarchy}")
    assert set(data) == {"orders", "totals"}
    assert [o["order"] for o in data["orders"]] == ["SO-4", "SO-3", "SO-2", "SO-1"]
    assert data["totals"] == {
        "members": [
            {"customer": p.admin, "orders": 2, "total": 131_500},
            {"customer": p.user, "orders": 1, "total": 12_000},
        ],
        "invoice_accounts": [{"invoice_account": p.organization, "orders": 3, "total": 143_500}],
        "total": 143_500,
    }
    # the user's invoices now go to the user: new orders are totalled there, old ones not
    ok(capsys, db, f"customer set {p.user} invoice_account {p.user}")
    later = _orders_file(tmp_path, "later.json", [_order("SO-5", p.user, 7_000, when="2026-11-23")])
    ok(capsys, db, f"order import {later}")
    data = ok(capsys, db, f"order list --hierarchy {p.hierarchy} --since 2026-11-01")
    assert [o["invoice_account"] for o in data["orders"]] == [p.user] + [p.organization] * 3
    assert data["totals"]["invoice_accounts"] == [
        {"invoice_account": p.organization, "orders": 2, "total": 15_500},
        {"invoice_account": p.user, "orders": 1, "total": 7_000},
    ]
    assert data["totals"]["members"] == [
        {"customer": p.user, "orders": 2, "total": 19_000},
        {"customer": p.admin, "orders": 1, "total": 3_500},
    ]


def test_order_list_refusals(capsys: pytest.CaptureFixture[str], history: Partner) -> None:
    db = history.db
    message = refused(capsys, 2, "date_invalid", db, "order list --since 1.11.2026")
    assert "1.11.2026" in message
    refused(capsys, 2, "usage", db, "order list --status delivered")
    refused(capsys, 1, "hierarchy_not_found", db, "order list --hierarchy CH-999999")


def test_order_list_shows_yen_in_both_languages(
    capsys: pytest.CaptureFixture[str], history: Partner
) -> None:
    db, p = history.db, history
    for locale in ("ja", "en"):
        shown = text(capsys, db, f"--locale {locale} order list --hierarchy {p.hierarchy}")
        assert "¥128,000" in shown
        assert "¥1,000,000" in shown  # the cancelled order is listed …
        assert "¥131,500" in shown  # … but not counted
        assert "¥143,500" in shown
        assert "128000" not in shown
        assert "1000000" not in shown
