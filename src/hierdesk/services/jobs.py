"""The Jobs area: runs of the customers distribution job (1010)."""

from __future__ import annotations

from sqlalchemy import select

from hierdesk.data.schema import DistributionRun
from hierdesk.domain.dto import DistributionRunRow
from hierdesk.i18n.core import N_
from hierdesk.services.context import Context


def list_runs(ctx: Context, *, offset: int = 0, limit: int = 200) -> list[DistributionRunRow]:
    """Newest first."""
    stmt = (
        select(
            DistributionRun.id,
            DistributionRun.channel_code,
            DistributionRun.run_at,
            DistributionRun.run_by,
            DistributionRun.customers,
            DistributionRun.hierarchies,
            DistributionRun.changed,
        )
        .order_by(DistributionRun.run_at.desc(), DistributionRun.id.desc())
        .offset(offset)
        .limit(limit)
    )
    with ctx.db.read() as session:
        ctx.require(session, "clerk", N_("view jobs"))
        return [DistributionRunRow(*row) for row in session.execute(stmt)]
