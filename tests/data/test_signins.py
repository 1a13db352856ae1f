"""Sign-ins from the sites linked to customers by e-mail (INTERFACES.md §6, DOMAIN.md rules 5,
9, 11): every outcome through ``import_signins``, rows that wait for automatic linking or
a distribution and are linked later by ``link_pending`` or the next import, the file
formats, refused rows, cancel, audit and who may do it."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select, update

from hierdesk.data.schema import (
    AuditEntry,
    Channel,
    Customer,
    Hierarchy,
    IdentityRecord,
    Member,
    utcnow,
)
from hierdesk.domain.distribution import OUTCOMES, next_step
from hierdesk.domain.errors import (
    HierdeskError,
    PermissionDeniedError,
    RuleError,
    ValidationError,
)
from hierdesk.domain.jp import normalize_email
from hierdesk.services import (
    access,
    approval,
    distribution,
    features,
    members,
    operators,
    signins,
)
from hierdesk.services.context import Context

Submit = Callable[..., int]
Desk = Callable[..., Context]
FIELDS = ("identity_id", "email", "channel", "signed_in_at")


@dataclass(frozen=True)
class Partners:
    """B2B, channel restriction and automatic linking on; the sites B2B-JP and B2B-EN.

    ``minato`` (admin taro@, user hanako@) may use B2B-JP only; ``kita`` (admin jiro@) has
    no grants, so it may use both sites. Nothing has been distributed yet."""

    ctx: Context
    out: Path
    minato: str
    taro: str
    hanako: str
    kita: str
    jiro: str

    def distribute(self) -> None:
        distribution.distribute(self.ctx, self.out)


@pytest.fixture
def partners(b2b_workspace: Context, submit_request: Submit, tmp_path: Path) -> Partners:
    ctx = b2b_workspace
    features.set_enabled(ctx, "channel_restriction", True)
    features.set_enabled(ctx, "auto_link", True)
    minato = approval.approve(
        ctx, submit_request(ctx, email="taro@minato.example.jp"), grants=("B2B-JP",)
    )
    hanako = members.add_member(
        ctx,
        str(minato.hierarchy),
        email="hanako@minato.example.jp",
        last_name="佐藤",
        first_name="花子",
    )
    kita = approval.approve(ctx, submit_request(ctx, email="jiro@kita.example.jp"))
    return Partners(
        ctx,
        tmp_path / "sites",
        str(minato.hierarchy),
        str(minato.person),
        hanako.account,
        str(kita.hierarchy),
        str(kita.person),
    )


def signin(identity: str, email: str, channel: str = "B2B-JP", **more: str) -> dict[str, str]:
    return {"identity_id": identity, "email": email, "channel": channel, **more}


def as_json(rows: Sequence[dict[str, Any]]) -> bytes:
    return json.dumps(list(rows), ensure_ascii=False).encode("utf-8")


def as_csv(rows: Sequence[dict[str, Any]], encoding: str = "utf-8") -> bytes:
    lines = [",".join(FIELDS)] + [",".join(str(r.get(f, "")) for f in FIELDS) for r in rows]
    return ("\r\n".join(lines) + "\r\n").encode(encoding)


def import_rows(
    ctx: Context, rows: Sequence[dict[str, Any]], name: str = "signins.json"
) -> signins.SigninResult:
    return signins.import_signins(ctx, as_json(rows), name)


def outcomes(result: signins.SigninResult) -> dict[str, tuple[str, str | None]]:
    """identity → (outcome, customer) of the rows an import or link decided."""
    return {r.identity_id: (r.outcome, r.customer) for r in result.rows}


def stored(ctx: Context) -> dict[str, tuple[str, str | None, bool]]:
    """identity → (outcome, customer account, linked) as kept in the database."""
    with ctx.db.read() as session:
        return {
            identity: (outcome, account, linked_at is not None)
            for identity, outcome, account, linked_at in session.execute(
                select(
                    IdentityRecord.identity_id,
                    IdentityRecord.outcome,
                    Customer.account,
                    IdentityRecord.linked_at,
                ).outerjoin(Customer, Customer.id == IdentityRecord.customer_id)
            )
        }


def _count(ctx: Context, entity: Any) -> int:
    with ctx.db.read() as session:
        return int(session.execute(select(func.count()).select_from(entity)).scalar_one())


def second_person_with(ctx: Context, email: str, hierarchy: str, account: str) -> None:
    """An active B2B person sharing ``email`` with another: the services refuse to make one
    (rule 5), but a database filled by other means may hold one."""
    with ctx.db.write() as session:
        hierarchy_id = session.execute(
            select(Hierarchy.id).where(Hierarchy.code == hierarchy)
        ).scalar_one()
        person = Customer(
            account=account,
            type="person",
            is_b2b=True,
            name="重複 太郎",
            last_name="重複",
            first_name="太郎",
            email=email.upper(),
            email_key=normalize_email(email),
        )
        session.add(person)
        session.flush()
        session.add(
            Member(hierarchy_id=hierarchy_id, customer_id=person.id, role="user", status="active")
        )


# --- every outcome -----------------------------------------------------------------------------


def test_every_outcome_of_a_sign_in(partners: Partners) -> None:
    p, ctx = partners, partners.ctx
    # before any distribution the site does not have the person yet
    first = import_rows(ctx, [signin("id-taro", "taro@minato.example.jp")])
    assert outcomes(first) == {"id-taro": ("not_distributed", p.taro)}
    assert first.count("not_distributed") == 1

    p.distribute()
    saburo = members.add_member(
        ctx, p.minato, email="saburo@minato.example.jp", last_name="鈴木", first_name="三郎"
    ).account  # after the distribution: not on the site yet
    members.disable_member(ctx, p.minato, p.hanako, "退職")
    second_person_with(ctx, "jiro@kita.example.jp", p.minato, "C900001")
    result = import_rows(
        ctx,
        [
            signin("id-taro", "taro@minato.example.jp"),
            signin("id-nobody", "nobody@example.jp"),
            signin("id-hanako", "hanako@minato.example.jp"),
            signin("id-jiro", "jiro@kita.example.jp"),
            signin("id-taro-en", "taro@minato.example.jp", "B2B-EN"),
            signin("id-saburo", "saburo@minato.example.jp"),
            # one of the two may not use B2B-EN: still several accounts first
            signin("id-jiro-en", "jiro@kita.example.jp", "B2B-EN"),
        ],
    )
    assert outcomes(result) == {
        "id-taro": ("linked", p.taro),
        "id-nobody": ("identity_not_found", None),
        "id-hanako": ("identity_not_found", None),  # disabled members are not linked
        "id-jiro": ("multiple_accounts", None),
        "id-taro-en": ("channel_denied", p.taro),
        "id-saburo": ("not_distributed", saburo),
        "id-jiro-en": ("multiple_accounts", None),
    }
    assert dict(result.counts) == {
        "linked": 1,
        "already_linked": 0,
        "auto_link_disabled": 0,
        "identity_not_found": 2,
        "multiple_accounts": 2,
        "channel_denied": 1,
        "not_distributed": 1,
    }
    assert [r.row for r in result.rows] == [1, 2, 3, 4, 5, 6, 7]
    by_id = {r.identity_id: r for r in result.rows}
    assert by_id["id-hanako"].detail["disabled"] == p.hanako
    assert by_id["id-jiro"].detail["customers"] == sorted([p.jiro, "C900001"])
    assert by_id["id-taro-en"].hierarchy == p.minato
    assert by_id["id-taro"].linked_at is not None
    assert stored(ctx)["id-taro"] == ("linked", p.taro, True)
    assert stored(ctx)["id-taro-en"] == ("channel_denied", p.taro, False)

    # the same sign-in again
    again = import_rows(ctx, [signin("id-taro", "taro@minato.example.jp")])
    assert outcomes(again) == {"id-taro": ("already_linked", p.taro)}
    assert _count(ctx, IdentityRecord) == 7


def test_automatic_linking_off_outweighs_every_other_problem(partners: Partners) -> None:
    ctx = partners.ctx
    features.set_enabled(ctx, "auto_link", False)
    result = import_rows(
        ctx,
        [
            signin("a", "nobody@example.jp"),
            signin("b", "taro@minato.example.jp", "B2B-EN"),
            signin("c", "taro@minato.example.jp"),
        ],
    )
    assert result.count("auto_link_disabled") == 3
    assert sum(result.counts.values()) == 3
    assert {o for o, _c, _l in stored(ctx).values()} == {"auto_link_disabled"}


# --- rows that wait ----------------------------------------------------------------------------


@pytest.mark.parametrize("how", ["link_pending", "import_again"])
def test_rows_waiting_for_automatic_linking_are_linked_once_it_is_on(
    partners: Partners, how: str
) -> None:
    p, ctx = partners, partners.ctx
    features.set_enabled(ctx, "auto_link", False)
    p.distribute()
    rows = [signin("id-taro", "taro@minato.example.jp"), signin("id-jiro", "jiro@kita.example.jp")]
    assert import_rows(ctx, rows).count("auto_link_disabled") == 2
    # still off: Link pending changes nothing
    assert signins.link_pending(ctx).count("auto_link_disabled") == 2
    features.set_enabled(ctx, "auto_link", True)
    result = signins.link_pending(ctx) if how == "link_pending" else import_rows(ctx, rows)
    assert outcomes(result) == {"id-taro": ("linked", p.taro), "id-jiro": ("linked", p.jiro)}
    assert stored(ctx) == {"id-taro": ("linked", p.taro, True), "id-jiro": ("linked", p.jiro, True)}
    # nothing left to link
    assert signins.link_pending(ctx).rows == ()


def test_link_pending_picks_up_a_distribution_and_a_grant(partners: Partners) -> None:
    p, ctx = partners, partners.ctx
    import_rows(
        ctx,
        [
            signin("jp", "taro@minato.example.jp"),
            signin("en", "taro@minato.example.jp", "B2B-EN"),
            signin("shared", "jiro@kita.example.jp"),
        ],
    )
    second_person_with(ctx, "jiro@kita.example.jp", p.minato, "C900001")
    assert {k: v[0] for k, v in stored(ctx).items()} == {
        "jp": "not_distributed",
        "en": "channel_denied",
        "shared": "not_distributed",
    }
    p.distribute()
    result = signins.link_pending(ctx)
    assert outcomes(result) == {
        "jp": ("linked", p.taro),
        "en": ("channel_denied", p.taro),
        "shared": ("multiple_accounts", None),
    }
    with ctx.db.read() as session:
        linked_at = session.execute(
            select(IdentityRecord.linked_at).where(IdentityRecord.identity_id == "jp")
        ).scalar_one()

    access.grant(ctx, p.minato, "B2B-EN")
    assert outcomes(signins.link_pending(ctx))["en"] == ("not_distributed", p.taro)
    p.distribute()
    result = signins.link_pending(ctx)
    assert outcomes(result) == {
        "en": ("linked", p.taro),
        "shared": ("multiple_accounts", None),
    }  # a linked row is not decided again
    with ctx.db.read() as session:
        assert (
            session.execute(
                select(IdentityRecord.linked_at).where(IdentityRecord.identity_id == "jp")
            ).scalar_one()
            == linked_at
        )
        # one of the two people with the e-mail leaves: the other is linked
        other_id = session.execute(
            select(Customer.id).where(Customer.account == "C900001")
        ).scalar_one()
    with ctx.db.write() as session:
        member = session.execute(select(Member).where(Member.customer_id == other_id)).scalar_one()
        member.status = "disabled"
    assert outcomes(signins.link_pending(ctx)) == {"shared": ("linked", p.jiro)}
    assert signins.outcome_counts(ctx)["linked"] == 3


def test_a_disabled_member_is_not_linked_any_more(partners: Partners) -> None:
    p, ctx = partners, partners.ctx
    p.distribute()
    assert outcomes(import_rows(ctx, [signin("h", "hanako@minato.example.jp")])) == {
        "h": ("linked", p.hanako)
    }
    members.disable_member(ctx, p.minato, p.hanako, "退職")
    again = import_rows(ctx, [signin("h", "hanako@minato.example.jp")])
    assert outcomes(again) == {"h": ("identity_not_found", None)}
    assert stored(ctx)["h"] == ("identity_not_found", None, False)
    # enabled again but not yet distributed again (it was withdrawn): wait for the job
    p.distribute()
    members.enable_member(ctx, p.minato, p.hanako)
    assert outcomes(signins.link_pending(ctx)) == {"h": ("not_distributed", p.hanako)}
    p.distribute()
    assert outcomes(signins.link_pending(ctx)) == {"h": ("linked", p.hanako)}


# --- e-mails and files ---------------------------------------------------------------------------


def test_the_e_mail_is_matched_after_nfkc_and_case_folding(partners: Partners) -> None:
    p = partners
    p.distribute()
    result = import_rows(
        p.ctx,
        [
            signin("full-width", "ＴＡＲＯ＠ＭＩＮＡＴＯ.example.jp"),
            signin("upper", "Jiro@Kita.Example.JP"),
        ],
    )
    assert outcomes(result) == {"full-width": ("linked", p.taro), "upper": ("linked", p.jiro)}
    assert {r.identity_id: r.email for r in result.rows}["upper"] == "Jiro@Kita.Example.JP"


@pytest.mark.parametrize(
    ("name", "encoding", "make"),
    [
        ("signins.csv", "utf-8", lambda rows: b"\xef\xbb\xbf" + as_csv(rows)),
        ("signins.csv", "utf-8", as_csv),
        ("signins.csv", "cp932", lambda rows: as_csv(rows, "cp932")),
        ("signins.json", "utf-8", as_json),
        (
            "signins.jsonl",
            "utf-8",
            lambda rows: "\n".join(json.dumps(r, ensure_ascii=False) for r in rows).encode(),
        ),
    ],
    ids=["csv-bom", "csv", "csv-cp932", "json", "jsonl"],
)
def test_every_file_format(
    partners: Partners, name: str, encoding: str, make: Callable[[list[dict[str, str]]], bytes]
) -> None:
    p = partners
    p.distribute()
    rows = [
        signin("山田太郎-001", "taro@minato.example.jp", signed_in_at="2026-11-26T09:30:00+09:00"),
        signin("ｊｉｒｏ-002", "jiro@kita.example.jp", "B2B-EN"),
    ]
    result = signins.import_signins(p.ctx, make(rows), name, encoding=encoding)
    assert result.errors == ()
    assert outcomes(result) == {
        "山田太郎-001": ("linked", p.taro),
        "ｊｉｒｏ-002": ("linked", p.jiro),
    }
    listed = {r.identity_id: r for r in signins.list_signins(p.ctx)}
    assert listed["山田太郎-001"].signed_in_at is not None
    assert listed["山田太郎-001"].signed_in_at.isoformat() == "2026-11-26T00:30:00+00:00"
    assert listed["ｊｉｒｏ-002"].channel == "B2B-EN"


def test_a_file_that_does_not_decode_is_refused_with_its_position(partners: Partners) -> None:
    data = as_csv([signin("山田", "taro@minato.example.jp")], "cp932")
    with pytest.raises(ValidationError) as refused:
        signins.import_signins(partners.ctx, data, "signins.csv")
    assert refused.value.code == "file_not_decodable"
    assert refused.value.params["line"] == 2
    assert _count(partners.ctx, IdentityRecord) == 0


def test_bad_rows_are_named_and_the_good_rows_kept(partners: Partners) -> None:
    p = partners
    p.distribute()
    rows = [
        signin("ok-1", "taro@minato.example.jp"),
        {"identity_id": "no-mail", "channel": "B2B-JP"},
        signin("bad-date", "jiro@kita.example.jp", signed_in_at="26/11/2026"),
        signin("bad-site", "jiro@kita.example.jp", "B2B-XX"),
        signin("", "not-an-address"),
        signin("ok-2", "jiro@kita.example.jp"),
    ]
    result = signins.import_signins(p.ctx, as_csv(rows), "signins.csv")
    assert sorted((e.row, e.field, e.code) for e in result.errors) == [
        (2, "email", "field_required"),
        (3, "signed_in_at", "date_invalid"),
        (4, "channel", "channel_unknown"),
        (5, "email", "email_invalid"),
        (5, "identity_id", "field_required"),
    ]
    unknown = next(e for e in result.errors if e.code == "channel_unknown")
    assert "B2B-XX" in unknown.english()
    assert "B2B-JP" in unknown.english()  # the sites that exist
    assert outcomes(result) == {"ok-1": ("linked", p.taro), "ok-2": ("linked", p.jiro)}
    assert [r.row for r in result.rows] == [1, 6]
    assert set(stored(p.ctx)) == {"ok-1", "ok-2"}


def test_json_lines_rows_are_numbered_by_line(partners: Partners) -> None:
    text = "\n".join(
        [
            json.dumps(signin("a", "taro@minato.example.jp")),
            "",
            json.dumps({"identity_id": "b", "channel": "B2B-JP"}),
            json.dumps(signin("c", "jiro@kita.example.jp")),
        ]
    )
    result = signins.import_signins(partners.ctx, text.encode(), "signins.jsonl")
    assert [(e.row, e.field) for e in result.errors] == [(3, "email")]
    assert [r.row for r in result.rows] == [1, 4]


# --- cancel, audit, permissions ----------------------------------------------------------------


def test_a_cancelled_import_keeps_nothing(partners: Partners) -> None:
    p, ctx = partners, partners.ctx
    p.distribute()
    audit_before = _count(ctx, AuditEntry)
    rows = [signin(f"id-{n}", "taro@minato.example.jp") for n in range(60)]
    seen: list[tuple[int, int]] = []

    def progress(done: int, total: int) -> bool:
        seen.append((done, total))
        return done < 25

    with pytest.raises(RuleError) as cancelled:
        signins.import_signins(ctx, as_json(rows), "signins.json", progress=progress)
    assert cancelled.value.code == "import_cancelled"
    assert "signins.json" in cancelled.value.english()
    assert seen[-1] == (25, 60)
    assert _count(ctx, IdentityRecord) == 0
    assert _count(ctx, AuditEntry) == audit_before


def test_links_and_imports_are_audited(partners: Partners) -> None:
    p, ctx = partners, partners.ctx
    p.distribute()
    import_rows(
        ctx,
        [
            signin("t", "taro@minato.example.jp"),
            signin("j", "jiro@kita.example.jp"),
            signin("x", "nobody@example.jp"),
            {"identity_id": "bad", "channel": "B2B-JP"},
        ],
        name="daily-signins.json",
    )
    with ctx.db.read() as session:
        entries = session.execute(
            select(
                AuditEntry.action,
                AuditEntry.entity_type,
                AuditEntry.entity_id,
                AuditEntry.hierarchy_code,
                AuditEntry.after,
                AuditEntry.operator,
            )
            .where(AuditEntry.action.in_(("identity.link", "signin.import")))
            .order_by(AuditEntry.id)
        ).all()
    links = [e for e in entries if e.action == "identity.link"]
    assert {(e.entity_type, e.entity_id, e.hierarchy_code) for e in links} == {
        ("customer", p.taro, p.minato),
        ("customer", p.jiro, p.kita),
    }
    assert {e.after["identity_id"]: e.after["channel"] for e in links} == {
        "t": "B2B-JP",
        "j": "B2B-JP",
    }
    (summary,) = [e for e in entries if e.action == "signin.import"]
    assert summary.entity_id == "daily-signins.json"
    assert summary.after["linked"] == 2
    assert summary.after["identity_not_found"] == 1
    assert summary.after["refused_rows"] == 1
    assert {e.operator for e in entries} == {ctx.login}
    # re-importing links nobody new: no identity.link entry
    import_rows(ctx, [signin("t", "taro@minato.example.jp")])
    with ctx.db.read() as session:
        assert (
            session.execute(
                select(func.count()).where(AuditEntry.action == "identity.link")
            ).scalar_one()
            == 2
        )


def test_a_clerk_may_import_and_link_an_unknown_login_may_not(partners: Partners) -> None:
    ctx = partners.ctx
    partners.distribute()
    stranger = Context(ctx.db, "stranger")
    rows = [signin("t", "taro@minato.example.jp")]
    for attempt in (
        lambda: import_rows(stranger, rows),
        lambda: signins.link_pending(stranger),
        lambda: signins.list_signins(stranger),
        lambda: signins.count_signins(stranger, search="taro@minato.example.jp"),
        lambda: signins.outcome_counts(stranger),
    ):
        with pytest.raises(PermissionDeniedError) as denied:
            attempt()
        assert denied.value.code == "operator_unknown"
    assert _count(ctx, IdentityRecord) == 0
    operators.add_operator(ctx, "clerk1", "clerk")
    clerk = Context(ctx.db, "clerk1")
    assert import_rows(clerk, rows).count("linked") == 1
    assert signins.count_signins(clerk) == 1
    with ctx.db.read() as session:
        assert (
            session.execute(
                select(AuditEntry.operator).where(AuditEntry.action == "identity.link")
            ).scalar_one()
            == "clerk1"
        )


def test_b2b_off_is_refused(partners: Partners) -> None:
    ctx = partners.ctx
    for key in ("auto_link", "channel_restriction", "b2b"):
        features.set_enabled(ctx, key, False)
    with pytest.raises(RuleError) as off:
        import_rows(ctx, [signin("t", "taro@minato.example.jp")])
    assert off.value.code == "feature_off"
    with pytest.raises(RuleError):
        signins.link_pending(ctx)
    assert _count(ctx, IdentityRecord) == 0


# --- the Sign-ins view -------------------------------------------------------------------------


def test_list_filter_search_and_count(partners: Partners) -> None:
    p, ctx = partners, partners.ctx
    p.distribute()
    import_rows(
        ctx,
        [
            signin("t", "taro@minato.example.jp"),
            signin("t-en", "taro@minato.example.jp", "B2B-EN"),
            signin("x", "nobody@example.jp"),
        ],
    )
    import_rows(ctx, [signin("j", "jiro@kita.example.jp")])
    newest_first = [r.identity_id for r in signins.list_signins(ctx)]
    assert newest_first[0] == "j"
    assert sorted(newest_first) == ["j", "t", "t-en", "x"]
    problems = signins.list_signins(ctx, outcome="problems")
    assert sorted(r.identity_id for r in problems) == ["t-en", "x"]
    assert [r.identity_id for r in signins.list_signins(ctx, outcome="linked")] == ["j", "t"]
    assert signins.count_signins(ctx, outcome="problems") == 2
    assert sorted(r.identity_id for r in signins.list_signins(ctx, search="ＴＡＲＯ")) == [
        "t",
        "t-en",
    ]
    assert [r.identity_id for r in signins.list_signins(ctx, search=p.jiro)] == ["j"]
    assert signins.count_signins(ctx, search="minato") == 2
    assert len(signins.list_signins(ctx, limit=2)) == 2
    assert len(signins.list_signins(ctx, offset=3)) == 1
    counts = signins.outcome_counts(ctx)
    assert list(counts) == list(OUTCOMES)
    assert (counts["linked"], counts["channel_denied"], counts["identity_not_found"]) == (2, 1, 1)
    row = next(r for r in signins.list_signins(ctx) if r.identity_id == "t")
    assert (row.customer, row.customer_name, row.hierarchy) == (p.taro, "山田 太郎", p.minato)
    assert row.linked_at is not None
    assert row.imported_at <= utcnow()


# --- two desks at once -------------------------------------------------------------------------


@pytest.mark.parametrize("first", ["import", "link_pending"])
def test_two_desks_deciding_sign_ins_at_once_both_succeed(
    partners: Partners, desk: Desk, monkeypatch: pytest.MonkeyPatch, first: str
) -> None:
    """The scheduled task imports the site's sign-ins while a clerk imports the same file or
    chooses Link pending: neither fails, each sign-in is kept and linked once, as if one
    had run after the other."""
    p = partners
    rows = [signin(f"id-{n}", "taro@minato.example.jp") for n in range(10)]
    rows.append(signin("id-jiro", "jiro@kita.example.jp"))
    if first == "link_pending":
        import_rows(p.ctx, rows)  # waiting for the distribution
    p.distribute()
    monkeypatch.setenv("HIERDESK_BUSY_TIMEOUT_MS", "20000")  # wait for the other desk
    desks = [desk("tanaka", role="clerk"), desk()]
    inside, go = threading.Event(), threading.Event()
    outcomes: list[Any] = [None, None]

    def hold(done: int, total: int) -> bool:
        inside.set()
        go.wait(20)
        return True

    def one() -> None:
        try:
            if first == "import":
                outcomes[0] = signins.import_signins(
                    desks[0], as_json(rows), "a.json", progress=hold
                )
            else:
                outcomes[0] = signins.link_pending(desks[0], progress=hold)
        except HierdeskError as exc:
            outcomes[0] = exc
            inside.set()

    def other() -> None:
        try:
            outcomes[1] = signins.import_signins(desks[1], as_json(rows), "b.json")
        except HierdeskError as exc:
            outcomes[1] = exc

    threads = [threading.Thread(target=one), threading.Thread(target=other)]
    threads[0].start()
    assert inside.wait(20)
    threads[1].start()
    time.sleep(0.5)  # the other desk has certainly started its import meanwhile
    go.set()
    for thread in threads:
        thread.join(60)
    assert not any(thread.is_alive() for thread in threads)
    assert [o.english() for o in outcomes if isinstance(o, HierdeskError)] == []
    assert outcomes[0].count("linked") == 11
    assert outcomes[1].count("already_linked") == 11
    assert _count(p.ctx, IdentityRecord) == 11
    assert set(stored(p.ctx).values()) == {  # linked once, and seen again: still linked
        ("linked", p.taro, True),
        ("linked", p.jiro, True),
    }
    with p.ctx.db.read() as session:
        links = session.execute(
            select(func.count()).where(AuditEntry.action == "identity.link")
        ).scalar_one()
    assert links == 11


def test_a_sign_in_seen_again_stays_listed_as_linked(partners: Partners) -> None:
    p = partners
    p.distribute()
    import_rows(p.ctx, [signin("id-taro", "taro@minato.example.jp")])
    again = import_rows(p.ctx, [signin("id-taro", "taro@minato.example.jp")])
    assert outcomes(again) == {"id-taro": ("already_linked", p.taro)}
    listed = signins.list_signins(p.ctx, outcome="linked")
    assert [(r.identity_id, r.outcome) for r in listed] == [("id-taro", "linked")]
    assert signins.outcome_counts(p.ctx)["linked"] == 1


def test_search_takes_underscores_and_percent_signs_literally(partners: Partners) -> None:
    p = partners
    import_rows(
        p.ctx,
        [
            signin("id_1", "taro@minato.example.jp"),
            signin("idX1", "jiro@kita.example.jp"),
            signin("id%2", "hanako@minato.example.jp"),
        ],
    )
    assert [r.identity_id for r in signins.list_signins(p.ctx, search="id_1")] == ["id_1"]
    assert [r.identity_id for r in signins.list_signins(p.ctx, search="id%")] == ["id%2"]
    assert signins.count_signins(p.ctx, search="d_") == 1


def test_a_sign_in_on_a_switched_off_site_says_so(partners: Partners) -> None:
    p = partners
    p.distribute()
    with p.ctx.db.write() as session:
        session.execute(update(Channel).where(Channel.code == "B2B-EN").values(active=False))
    result = import_rows(p.ctx, [signin("id-jiro", "jiro@kita.example.jp", "B2B-EN")])
    row = result.rows[0]
    assert row.outcome == "channel_denied"
    step = next_step(row.outcome, row.detail, channel=row.channel, customer=row.customer)
    assert "B2B-EN is not an active B2B site" in step
    assert "grant the site" not in step
