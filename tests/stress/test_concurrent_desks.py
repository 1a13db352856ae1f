"""Several desks deciding requests at the same moment (issue 8; DOMAIN.md rules 2–5, 10, 12).

Twelve ``hierdesk-cli`` processes work on one database at once — a SQLite file, or the
PostgreSQL server of ``HIERDESK_TEST_PG_URL``:

- eight desks approve requests of their own (partner sign-ups and users added to an
  existing hierarchy), several each;
- two desks race ``approve`` against ``reject`` on the same requests;
- two desks race ``approve`` against ``approve`` on the same requests, then each approves
  one of two requests that carry the same e-mail (rule 5).

Every process loads the CLI first and then waits, so that all of them start deciding at
the same instant; each call is ``hierdesk.cli.main`` with the argv ``hierdesk-cli`` gets,
its stdout and stderr captured. The desks use the default busy timeout, as a user's would.

Required: every call either succeeds or is refused by a business rule (exit 1 with a
rule's code) — never "database is locked", another database error or a traceback; each
request is decided exactly once; no customer account or hierarchy ID is issued twice;
the continuous customer-account sequence has no gap; every decision has its audit
entries and its notification. The figures are printed for the CI log.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

import pytest
from sqlalchemy import func, select

from hierdesk.data.schema import (
    AuditEntry,
    Customer,
    Hierarchy,
    Member,
    Notification,
    NumberSequence,
    Request,
    SequenceReference,
)
from hierdesk.domain.jp import corporate_number_from_base
from hierdesk.services import approval, operators, sequences
from hierdesk.services.context import Context
from hierdesk.services.intake import import_requests

pytestmark = pytest.mark.slow

#: Runs in each desk process: load the CLI, say "ready", wait for its commands (one JSON
#: line on stdin, the signal to start), run each through ``hierdesk.cli.main`` and print
#: one JSON list of what each call did and how long its longest statement waited.
WORKER = r"""
import contextlib, io, json, sys, time, traceback
from hierdesk.cli import main

from sqlalchemy import event
from sqlalchemy.engine import Engine

waits = []  # the longest statements: SQLite's BEGIN IMMEDIATE, PostgreSQL's FOR UPDATE


@event.listens_for(Engine, "before_cursor_execute")
def _before(conn, cursor, statement, parameters, context, executemany):
    conn.info["hierdesk_stress_t"] = time.monotonic()


@event.listens_for(Engine, "after_cursor_execute")
def _after(conn, cursor, statement, parameters, context, executemany):
    waits.append(time.monotonic() - conn.info.pop("hierdesk_stress_t", time.monotonic()))


print("ready", flush=True)
commands = json.loads(sys.stdin.readline())
results = []
for argv in commands:
    out, err = io.StringIO(), io.StringIO()
    started = time.monotonic()
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            status = main(argv)
    except BaseException:
        status = "crash"
        err.write(traceback.format_exc())
    results.append({
        "argv": argv, "status": status, "stdout": out.getvalue(), "stderr": err.getvalue(),
        "seconds": time.monotonic() - started, "longest_statement": max(waits, default=0.0),
    })
    waits.clear()
sys.__stdout__.write(json.dumps(results, ensure_ascii=False) + "\n")
"""

DESKS = 8  # desks approving requests of their own
PER_DESK = 5  # of which the last adds a user to the seed hierarchy
CONTESTED = 5  # requests each racing pair decides
SHARED_EMAILS = 3  # pairs of requests with the same e-mail, approved by different desks
PROCESSES = DESKS + 4  # and two racing pairs

#: Refusals by a business rule that a race may legitimately end in.
RULE_CODES = {"request_decided", "email_in_use"}
#: What must never reach a user of a desk.
RAW_ERRORS = ("database is locked", "traceback", "operationalerror", "deadlock", "psycopg")


@dataclass
class Call:
    desk: str
    action: str  # approve | reject
    request: int
    status: int | str
    data: Any
    stderr: str
    seconds: float
    longest_statement: float  # waiting for a lock, mostly

    @property
    def error_code(self) -> str | None:
        if isinstance(self.data, dict) and "error" in self.data:
            return str(self.data["error"].get("code"))
        return None


def _partner(n: int, *, email: str | None = None) -> dict[str, object]:
    number = corporate_number_from_base(f"{6002200 + n:07d}05901")
    return {
        "external_id": f"S-{n:04d}",
        "channel": "B2B-JP",
        "company_name": f"株式会社並行商事{n}",
        "company_name_kana": "ヘイコウショウジ"
        + "".join("アイウエオカキクケコ"[int(d)] for d in str(n)),
        "corporate_number": number,
        "invoice_registration_number": f"T{number}",
        "email": email or f"desk{n}@heikou{n}.example.jp",
        "last_name": "鈴木",
        "first_name": "一郎",
        "last_name_kana": "スズキ",
        "first_name_kana": "イチロウ",
        "phone": "03-1234-5678",
        "postal_code": "105-0011",
        "prefecture": "13",
        "city": "港区",
        "address_line1": "芝公園1-1-1",
        "language": "ja",
    }


def _add_user(n: int, hierarchy: str, admin_email: str) -> dict[str, object]:
    return {
        "external_id": f"S-{n:04d}",
        "channel": "B2B-JP",
        "kind": "add_user",
        "hierarchy_id": hierarchy,
        "requested_by": admin_email,
        "email": f"user{n}@seed.example.jp",
        "last_name": "佐藤",
        "first_name": f"花子{n}",
        "language": "ja",
    }


def _import(ctx: Context, rows: Sequence[dict[str, object]]) -> list[int]:
    """Import ``rows`` as the sites would send them; their request IDs, in order."""
    result = import_requests(ctx, json.dumps(list(rows), ensure_ascii=False).encode(), "s.json")
    assert (result.imported, result.errors) == (len(rows), ()), [e.english() for e in result.errors]
    with ctx.db.read() as session:
        ids = dict(session.execute(select(Request.external_id, Request.id)).all())
    return [ids[str(row["external_id"])] for row in rows]


def _spawn() -> subprocess.Popen[str]:
    env = dict(os.environ)
    env.pop("HIERDESK_BUSY_TIMEOUT_MS", None)  # the default a user's desk has
    return subprocess.Popen(
        [sys.executable, "-c", WORKER],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        encoding="utf-8",
        env=env,
    )


def _continuous_accounts(ctx: Context) -> tuple[str, int, int]:
    """Format, smallest and next of the sequence behind ``customer_account``."""
    with ctx.db.read() as session:
        seq = session.execute(
            select(NumberSequence)
            .join(SequenceReference, SequenceReference.sequence_id == NumberSequence.id)
            .where(SequenceReference.reference == "customer_account")
        ).scalar_one()
        assert seq.continuous
        return seq.format, seq.smallest, seq.next


@pytest.fixture
def desk_processes() -> Iterator[list[subprocess.Popen[str]]]:
    """The desk processes, started first so that they load while the database is prepared;
    any still running when the test ends are stopped."""
    procs = [_spawn() for _ in range(PROCESSES)]
    yield procs
    for proc in procs:
        if proc.poll() is None:
            proc.kill()
            proc.communicate()


def test_concurrent_desks_decide_each_request_once_without_raw_errors(
    b2b_workspace: Context,
    login_url: Any,
    desk_processes: list[subprocess.Popen[str]],
    capsys: pytest.CaptureFixture[str],
) -> None:
    ctx = b2b_workspace
    backend = ctx.db.backend
    assert sequences.get_sequence(ctx, "CUST").continuous

    # A hierarchy whose admin asks for users to be added.
    seed_row = _partner(0, email="admin@seed.example.jp")
    (seed_id,) = _import(ctx, [seed_row])
    seed = approval.approve(ctx, seed_id, deliver=False)
    assert seed.hierarchy is not None

    # The requests: each desk's own, the contested ones, and the e-mail twins.
    n = 1
    own: list[list[dict[str, object]]] = []
    for _desk in range(DESKS):
        rows = []
        for i in range(PER_DESK):
            if i == PER_DESK - 1:
                rows.append(_add_user(n, seed.hierarchy, "admin@seed.example.jp"))
            else:
                rows.append(_partner(n))
            n += 1
        own.append(rows)
    contested: dict[str, list[dict[str, object]]] = {"approve-reject": [], "approve-approve": []}
    for key in contested:
        for _i in range(CONTESTED):
            contested[key].append(_partner(n))
            n += 1
    twins: tuple[list[dict[str, object]], list[dict[str, object]]] = ([], [])
    for i in range(SHARED_EMAILS):
        email = f"shared{i}@twins.example.jp"
        twins[0].append(_partner(n, email=email))
        twins[1].append(_partner(n + 1, email=email.upper()))  # the same after case folding
        n += 2

    groups = [*own, *contested.values(), *twins]
    imported = iter(_import(ctx, [row for rows in groups for row in rows]))
    ids_of = [[next(imported) for _row in rows] for rows in groups]
    own_ids = ids_of[:DESKS]
    contested_ids = dict(zip(contested, ids_of[DESKS : DESKS + 2], strict=True))
    twin_ids = (ids_of[DESKS + 2], ids_of[DESKS + 3])
    _fmt, smallest, next_before = _continuous_accounts(ctx)

    # Desks: (name, [(action, request id)]); each desk works as its own operator.
    plan: list[tuple[str, list[tuple[str, int]]]] = []
    plan += [(f"desk{d + 1}", [("approve", r) for r in ids]) for d, ids in enumerate(own_ids)]
    ar = contested_ids["approve-reject"]
    aa = contested_ids["approve-approve"]
    plan += [("race-approve", [("approve", r) for r in ar])]
    plan += [("race-reject", [("reject", r) for r in ar])]
    # ... then each approves one of two requests with the same e-mail
    plan += [("race-a", [("approve", r) for r in aa + twin_ids[0]])]
    plan += [("race-b", [("approve", r) for r in aa + twin_ids[1]])]
    assert len(plan) == PROCESSES

    procs: list[tuple[str, subprocess.Popen[str]]] = []
    work_of: list[str] = []
    for (desk, work), proc in zip(plan, desk_processes, strict=True):
        login = f"clerk_{desk.replace('-', '_')}"
        operators.add_operator(ctx, login, "clerk")
        url = login_url(ctx, login)
        commands = []
        for action, rid in work:
            argv = ["--db", url, "--operator", login, "--locale", "en", "--json", "request"]
            argv += [action, str(rid)]
            if action == "reject":
                argv += ["--reason", "同時処理の確認 (race)"]
            commands.append(argv)
        procs.append((desk, proc))
        work_of.append(json.dumps(commands, ensure_ascii=False))
    for desk, proc in procs:
        assert proc.stdout is not None
        line = proc.stdout.readline()
        assert line.strip() == "ready", (desk, line, proc.stderr.read() if proc.stderr else "")

    started = time.monotonic()
    for (_desk, proc), commands_line in zip(procs, work_of, strict=True):
        assert proc.stdin is not None
        proc.stdin.write(commands_line + "\n")
        proc.stdin.flush()
    calls: list[Call] = []
    by_desk: dict[str, list[Call]] = {}
    for desk, proc in procs:
        out, err = proc.communicate(timeout=300)
        assert proc.returncode == 0, (desk, err)
        assert not err.strip(), (desk, err)
        for raw in json.loads(out):
            argv = raw["argv"]
            stdout = raw["stdout"]
            try:
                data = json.loads(stdout) if stdout.strip() else None
            except json.JSONDecodeError:
                data = stdout
            call = Call(
                desk,
                _action(argv),
                _request_of(argv),
                raw["status"],
                data,
                raw["stderr"],
                raw["seconds"],
                raw["longest_statement"],
            )
            calls.append(call)
            by_desk.setdefault(desk, []).append(call)
    wall = time.monotonic() - started

    # 1. Every call succeeded or was refused by a business rule; nothing raw reached a user.
    for call in calls:
        shown = f"{call.desk} {call.action} {call.request}: {call.status} {call.data} {call.stderr}"
        assert call.status in (0, 1), shown
        assert not any(word in call.stderr.lower() for word in RAW_ERRORS), shown
        if call.status == 0:
            assert isinstance(call.data, dict), shown
            assert call.data.get("request") == call.request, shown
            assert not call.stderr.strip(), shown
        else:
            assert call.error_code in RULE_CODES, shown
            assert call.stderr.strip(), shown

    # 2. Desks with requests of their own: every approval went through.
    for d in range(DESKS):
        assert [c.status for c in by_desk[f"desk{d + 1}"]] == [0] * PER_DESK

    # 3. Races: exactly one decision per contested request, the other refused by rule 4.
    winners: dict[int, Call] = {}
    for first, second in (("race-approve", "race-reject"), ("race-a", "race-b")):
        for a, b in zip(by_desk[first][:CONTESTED], by_desk[second][:CONTESTED], strict=True):
            assert a.request == b.request
            done = [c for c in (a, b) if c.status == 0]
            assert len(done) == 1, (a, b)
            loser = b if done[0] is a else a
            assert loser.error_code == "request_decided", loser
            winners[a.request] = done[0]
    # ... and of two requests with the same e-mail, exactly one was approved (rule 5).
    twin_calls = zip(by_desk["race-a"][CONTESTED:], by_desk["race-b"][CONTESTED:], strict=True)
    for a, b in twin_calls:
        done = [c for c in (a, b) if c.status == 0]
        assert len(done) == 1, (a, b)
        assert (b if done[0] is a else a).error_code == "email_in_use"

    decided = {c.request: c for c in calls if c.status == 0}
    approved = {rid: c for rid, c in decided.items() if c.action == "approve"}
    rejected = {rid: c for rid, c in decided.items() if c.action == "reject"}
    assert len(decided) == sum(1 for c in calls if c.status == 0)  # no request twice
    all_ids = {c.request for c in calls}

    with ctx.db.read() as session:
        requests = {
            r.id: r
            for r in session.execute(select(Request).where(Request.id.in_(all_ids))).scalars()
        }
        # 4. Each request decided exactly once, by the desk whose call went through.
        for rid, request in requests.items():
            if rid in decided:
                call = decided[rid]
                assert request.status == ("approved" if call.action == "approve" else "rejected")
                assert request.decided_by == f"clerk_{call.desk.replace('-', '_')}"
            else:
                assert request.status == "pending", rid  # the e-mail twins refused
        decisions = Counter(
            int(e.entity_id)
            for e in session.execute(
                select(AuditEntry).where(
                    AuditEntry.action.in_(("request.approve", "request.reject"))
                )
            ).scalars()
            if int(e.entity_id) in all_ids
        )
        assert decisions == Counter(decided.keys()), (
            "a decision without, or with two, audit entries"
        )

        # 5. No customer account and no hierarchy ID twice; the continuous sequence has no gap.
        accounts = list(session.execute(select(Customer.account)).scalars())
        codes = list(session.execute(select(Hierarchy.code)).scalars())
        assert len(accounts) == len(set(accounts))
        assert len(codes) == len(set(codes))
        new_hierarchies = [c for c in approved.values() if c.data["role"] == "admin"]
        into = [c for c in approved.values() if c.data["role"] == "user"]
        issued = 2 + 2 * len(new_hierarchies) + len(into)  # the seed's two, then the desks'
        assert len(accounts) == issued
        numbers = sorted(int("".join(ch for ch in a if ch.isdigit())) for a in accounts)
        assert numbers == list(range(smallest, smallest + issued))
        _fmt, _smallest, next_after = _continuous_accounts(ctx)
        assert next_after == next_before + issued - 2 == smallest + issued
        assert len(codes) == 1 + len(new_hierarchies)

        # 6. What each approval printed is what the database holds, with its audit trail.
        entries = Counter(
            (e.action, e.entity_id) for e in session.execute(select(AuditEntry)).scalars()
        )
        members = {
            (h, c)
            for h, c in session.execute(
                select(Hierarchy.code, Customer.account)
                .join(Member, Member.hierarchy_id == Hierarchy.id)
                .join(Customer, Customer.id == Member.customer_id)
            ).all()
        }
        for rid, call in approved.items():
            request = requests[rid]
            data = call.data
            assert request.created_hierarchy == data["hierarchy"]
            assert request.created_person == data["person"]
            assert entries[("customer.create", data["person"])] == 1
            assert (data["hierarchy"], data["person"]) in members
            if data["role"] == "admin":
                assert request.created_organization == data["organization"]
                assert entries[("customer.create", data["organization"])] == 1
                assert entries[("hierarchy.create", data["hierarchy"])] == 1
            else:
                assert data["hierarchy"] == seed.hierarchy
                assert entries[("member.add", seed.hierarchy)] == len(into)
        assert sum(v for (action, _e), v in entries.items() if action == "customer.create") == (
            issued
        )
        assert sum(v for (action, _e), v in entries.items() if action == "hierarchy.create") == (
            len(codes)
        )
        # ... and its notification, one per decision.
        notified = Counter(
            session.execute(
                select(Notification.request_id).where(Notification.request_id.in_(all_ids))
            ).scalars()
        )
        assert notified == Counter(decided.keys())
        queued = session.execute(
            select(func.count())
            .select_from(Notification)
            .where(Notification.request_id.in_(all_ids), Notification.status == "queued")
        ).scalar_one()

    refusals = Counter(c.error_code for c in calls if c.status == 1)
    slowest = max(c.seconds for c in calls)
    longest_wait = max(c.longest_statement for c in calls)
    with capsys.disabled():
        print(
            f"\n[concurrent desks · {backend}] {len(procs)} processes at once, "
            f"{len(calls)} operations in {wall:.1f} s (slowest call {slowest:.1f} s, longest "
            f"wait for a lock {longest_wait:.1f} s): "
            f"{len(approved)} approved ({len(new_hierarchies)} new hierarchies, "
            f"{len(into)} users added), {len(rejected)} rejected, "
            f"{sum(refusals.values())} refused by rule "
            f"({', '.join(f'{k} {v}' for k, v in sorted(refusals.items()))}); "
            f"{issued - 2} customer accounts issued without a gap, "
            f"{queued} notifications still queued"
        )


def _action(argv: Sequence[str]) -> str:
    return "reject" if "reject" in argv else "approve"


def _request_of(argv: Sequence[str]) -> int:
    i = list(argv).index("reject" if "reject" in argv else "approve")
    return int(argv[i + 1])
