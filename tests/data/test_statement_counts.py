"""Speed guarded without timing: the reads behind the screens issue a fixed number of SQL
statements, whatever the size of the page or of the hierarchy (one query per page, never
one per row: no N+1). The benchmark (``hierdesk-cli bench``) gives the times.

Each read is counted twice, on a small and on a large case (a page of one row against a
page of every row, a hierarchy with one member against one with thirty more), and the two
counts must be equal and small."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event

from hierdesk.domain.dto import AuditFilter
from hierdesk.services import (
    access,
    approval,
    audit,
    catalogs,
    distribution,
    hierarchies,
    jobs,
    lookups,
    members,
    notices,
    orders,
    properties,
    requests,
    signins,
)
from hierdesk.services.context import Context

#: the most statements one read may take (the role check, the page, a query for each
#: kind of detail shown beside it)
MOST = 12


@contextmanager
def _counting(ctx: Context) -> Iterator[list[str]]:
    seen: list[str] = []

    def count(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        if not statement.lstrip().upper().startswith(("PRAGMA", "BEGIN", "SET ")):
            seen.append(statement)

    engines = {id(e): e for e in (ctx.db.engine, ctx.db._write_engine)}.values()
    for engine in engines:
        event.listen(engine, "before_cursor_execute", count)
    try:
        yield seen
    finally:
        for engine in engines:
            event.remove(engine, "before_cursor_execute", count)


def _statements(ctx: Context, call: Callable[[], object]) -> tuple[int, object]:
    with _counting(ctx) as seen:
        result = call()
    print(f"{len(seen)} statements:", *(" ".join(s.split())[:150] for s in seen), sep="\n  ")
    return len(seen), result


def _sizes(result: object) -> int:
    if isinstance(result, list | tuple):
        return len(result)
    rows = getattr(result, "rows", None) or getattr(result, "assigned", None)
    return len(rows) if rows is not None else 1


def _more_rows(ctx: Context, folder: Path) -> None:
    """Rows for the lists the demo leaves empty: runs, sign-ins, notifications."""
    distribution.distribute(ctx, out=folder)
    people = [
        m for h in hierarchies.list_hierarchies(ctx) for m in hierarchies.list_members(ctx, h.code)
    ]
    lines = [
        {
            "identity_id": f"id-{n}",
            "email": person.email or f"nobody{n}@example.jp",
            "channel": "B2B-JP",
            "signed_in_at": "2026-11-27T09:00:00+09:00",
        }
        for n, person in enumerate(people[:8])
    ]
    signins.import_signins(ctx, json.dumps(lines).encode(), "signins.json")
    for pending in requests.list_requests(ctx, status="pending", limit=3):
        approval.reject(ctx, pending.id, "Not a business customer", deliver=False)


PAGED: dict[str, Callable[[Context, int], object]] = {
    "hierarchy list": lambda c, n: hierarchies.list_hierarchies(c, limit=n),
    "hierarchy search": lambda c, n: hierarchies.list_hierarchies(c, search="株式会社", limit=n),
    "hierarchy list by order volume": lambda c, n: hierarchies.list_hierarchies(
        c, sort="volume", limit=n
    ),
    "request inbox": lambda c, n: requests.list_requests(c, limit=n, with_warnings=True),
    "request search": lambda c, n: requests.list_requests(c, search="株式会社", limit=n),
    "audit log": lambda c, n: audit.list_entries(c, limit=n),
    "audit search": lambda c, n: audit.list_entries(
        c, limit=n, filter=AuditFilter(operator=c.login)
    ),
    "orders": lambda c, n: orders.list_orders(c, limit=n),
    "sign-ins": lambda c, n: signins.list_signins(c, limit=n),
    "distribution runs": lambda c, n: jobs.list_runs(c, limit=n),
    "notifications": lambda c, n: notices.list_notifications(c, limit=n),
}


@pytest.mark.parametrize("name", list(PAGED))
def test_a_page_is_read_with_the_same_statements_whatever_its_size(
    demo_workspace: Context, name: str, tmp_path: Path
) -> None:
    ctx = demo_workspace
    _more_rows(ctx, tmp_path)
    read = PAGED[name]
    one, small = _statements(ctx, lambda: read(ctx, 1))
    many, large = _statements(ctx, lambda: read(ctx, 10_000))
    assert _sizes(large) > _sizes(small) >= 1, "the case is not larger"
    # a page of every row takes no more statements than a page of one (at most the few
    # that a page of one could leave out, such as a check with nothing to look up)
    assert one <= MOST
    assert many <= MOST


def _hierarchy_sizes(ctx: Context) -> tuple[str, str]:
    """The hierarchy with the fewest and the one with the most members, after giving the
    largest thirty more."""
    rows = sorted(hierarchies.list_hierarchies(ctx), key=lambda h: h.members)
    small, large = rows[0].code, rows[-1].code
    for n in range(30):
        members.add_member(
            ctx, large, email=f"extra{n}@big.example.jp", last_name="増員", first_name=f"{n}"
        )
    return small, large


PER_HIERARCHY: dict[str, Callable[[Context, str], object]] = {
    "tree: organization and members": lambda c, code: hierarchies.list_members(c, code),
    "members tab": lambda c, code: members.list_members(c, code),
    "compare grid": lambda c, code: properties.compare(c, code),
    "catalogs tab": lambda c, code: catalogs.view(c, code),
    "channels tab": lambda c, code: access.list_grants(c, code),
    "hierarchy detail": lambda c, code: hierarchies.get_hierarchy(c, code),
    "orders tab": lambda c, code: orders.list_orders(c, orders.OrderFilter(hierarchy=code)),
}


@pytest.mark.parametrize("name", list(PER_HIERARCHY))
def test_a_hierarchy_is_read_with_the_same_statements_whatever_its_size(
    demo_workspace: Context, name: str
) -> None:
    ctx = demo_workspace
    small, large = _hierarchy_sizes(ctx)
    read = PER_HIERARCHY[name]
    few, _small = _statements(ctx, lambda: read(ctx, small))
    many, _large = _statements(ctx, lambda: read(ctx, large))
    assert few == many <= MOST


def test_whole_lists_are_one_query(demo_workspace: Context) -> None:
    ctx = demo_workspace
    for read in (lambda: lookups.list_lookups(ctx), lambda: catalogs.list_catalogs(ctx)):
        count, result = _statements(ctx, read)
        assert _sizes(result) > 1
        assert count <= MOST


def test_the_distribution_overview_does_not_grow_with_the_hierarchies(
    demo_workspace: Context,
) -> None:
    """The Jobs area reads every hierarchy to say what the next run would publish: a few
    statements per site, whatever the number of hierarchies and members."""
    ctx = demo_workspace
    before, sites = _statements(ctx, lambda: distribution.overview(ctx))
    _hierarchy_sizes(ctx)
    after, _sites = _statements(ctx, lambda: distribution.overview(ctx))
    assert before == after <= 5 * _sizes(sites)
