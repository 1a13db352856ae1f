"""Channel grants of a hierarchy and the access they give (DOMAIN.md rule 9)."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from hierdesk.data.schema import Channel, ChannelGrant, Customer, Hierarchy, Member, utcnow
from hierdesk.domain import access
from hierdesk.domain.dto import AccessDecision
from hierdesk.domain.errors import NotFoundError
from hierdesk.i18n.core import N_
from hierdesk.services import audit, stale
from hierdesk.services.context import Context
from hierdesk.services.features import is_enabled
from hierdesk.services.members import hierarchy_row, require_b2b


def _channel(session: Session, code: str) -> Channel:
    row = session.execute(select(Channel).where(Channel.code == code)).scalar_one_or_none()
    if row is None:
        raise NotFoundError("channel_not_found", N_("There is no B2B site {code}."), code=code)
    return row


def grants(session: Session, hierarchy: Hierarchy) -> tuple[str, ...]:
    return tuple(
        session.execute(
            select(Channel.code)
            .join(ChannelGrant, ChannelGrant.channel_id == Channel.id)
            .where(ChannelGrant.hierarchy_id == hierarchy.id)
            .order_by(Channel.code)
        ).scalars()
    )


def list_grants(ctx: Context, code: str) -> tuple[str, ...]:
    with ctx.db.read() as session:
        ctx.require(session, "clerk", N_("view customer hierarchies"))
        return grants(session, hierarchy_row(session, code))


def _check_seen(
    session: Session, code: str, seen: Sequence[str] | None, before: tuple[str, ...]
) -> None:
    """Rule 13 for the grants: the caller decided on the sites it saw granted."""
    if seen is not None:
        stale.check_value(
            session,
            tuple(sorted(seen)),
            before,
            stale.record(N_("The sites of the customer hierarchy {code}"), code=code),
            audited=("hierarchy", code, "channel.grant", "channel.revoke"),
        )


def grant(
    ctx: Context, code: str, channel: str, *, seen: Sequence[str] | None = None
) -> tuple[str, ...]:
    """Let the hierarchy use ``channel`` (with restriction on, only its granted sites).

    ``seen`` is the sites the caller saw granted: if another desk has granted or revoked
    one since, the change is refused naming who and when (rule 13)."""
    with ctx.db.write() as session:
        ctx.require(session, "manager", N_("change channel grants"))
        require_b2b(session)
        hierarchy = hierarchy_row(session, code, lock=True)
        site = _channel(session, channel)
        before = grants(session, hierarchy)
        _check_seen(session, code, seen, before)
        if site.code not in before:
            session.add(
                ChannelGrant(
                    hierarchy_id=hierarchy.id,
                    channel_id=site.id,
                    granted_at=utcnow(),
                    granted_by=ctx.login,
                )
            )
            session.flush()
            audit.record(
                session,
                ctx.login,
                "channel.grant",
                "hierarchy",
                code,
                before={"channels": list(before)},
                after={"channels": list(grants(session, hierarchy))},
                hierarchy=code,
            )
        return grants(session, hierarchy)


def revoke(
    ctx: Context, code: str, channel: str, *, seen: Sequence[str] | None = None
) -> tuple[str, ...]:
    """Take ``channel`` away; with no grants left the hierarchy may use every site.
    ``seen`` as for :func:`grant`."""
    with ctx.db.write() as session:
        ctx.require(session, "manager", N_("change channel grants"))
        require_b2b(session)
        hierarchy = hierarchy_row(session, code, lock=True)
        site = _channel(session, channel)
        before = grants(session, hierarchy)
        _check_seen(session, code, seen, before)
        row = session.get(ChannelGrant, (hierarchy.id, site.id))
        if row is not None:
            session.delete(row)
            session.flush()
            audit.record(
                session,
                ctx.login,
                "channel.revoke",
                "hierarchy",
                code,
                before={"channels": list(before)},
                after={"channels": list(grants(session, hierarchy))},
                hierarchy=code,
            )
        return grants(session, hierarchy)


def check(ctx: Context, account: str, channel: str) -> AccessDecision:
    """May the customer ``account`` use the B2B site ``channel``? (``access check``)"""
    with ctx.db.read() as session:
        ctx.require(session, "clerk", N_("view customer hierarchies"))
        customer = session.execute(
            select(Customer).where(Customer.account == account)
        ).scalar_one_or_none()
        if customer is None:
            raise NotFoundError(
                "customer_not_found", N_("There is no customer {account}."), account=account
            )
        site = _channel(session, channel)
        hierarchy: Hierarchy | None
        member_active = True
        if customer.type == "organization":
            hierarchy = session.execute(
                select(Hierarchy).where(Hierarchy.organization_id == customer.id)
            ).scalar_one_or_none()
        else:
            found = session.execute(
                select(Hierarchy, Member.status)
                .join(Member, Member.hierarchy_id == Hierarchy.id)
                .where(Member.customer_id == customer.id)
            ).first()
            hierarchy = found[0] if found else None
            member_active = found is not None and found[1] == "active"
        return access.decide(
            b2b=is_enabled(session, "b2b"),
            restriction=is_enabled(session, "channel_restriction"),
            channel=site.code,
            channel_active=bool(site.active),
            in_hierarchy=hierarchy is not None,
            member_active=member_active,
            grants=grants(session, hierarchy) if hierarchy is not None else (),
        )


def restriction_on(ctx: Context) -> bool:
    with ctx.db.read() as session:
        return is_enabled(session, "channel_restriction")
