"""B2B sites (channels): the list administrators keep."""

from __future__ import annotations

import re

from sqlalchemy import func, select

from hierdesk.data.schema import Channel, ChannelGrant
from hierdesk.domain.dto import ChannelInfo
from hierdesk.domain.errors import RuleError, ValidationError
from hierdesk.domain.model import CODE_CHARACTER, CODE_MAX
from hierdesk.i18n.core import N_
from hierdesk.services import audit
from hierdesk.services.context import Context

_CODE = re.compile(f"^{CODE_CHARACTER}{{1,{CODE_MAX}}}$")


def list_channels(ctx: Context) -> list[ChannelInfo]:
    grants = (
        select(func.count())
        .where(ChannelGrant.channel_id == Channel.id)
        .correlate(Channel)
        .scalar_subquery()
    )
    with ctx.db.read() as session:
        ctx.require(session, "clerk", N_("view channels"))
        rows = session.execute(
            select(Channel.code, Channel.name, Channel.active, grants).order_by(Channel.code)
        ).all()
    return [ChannelInfo(code, name, bool(active), int(n)) for code, name, active, n in rows]


def create_channel(ctx: Context, code: str, name: str) -> ChannelInfo:
    code, name = code.strip(), name.strip()
    if not _CODE.match(code):
        raise ValidationError(
            "channel_code_invalid",
            N_("{field}: a channel code has 1 to 20 letters, digits, - or _; got “{value}”."),
            field="code",
            value=code,
        )
    if not name or len(name) > 100:
        raise ValidationError(
            "channel_name_invalid",
            N_("{field}: a channel needs a name of 1 to 100 characters."),
            field="name",
        )
    with ctx.db.write() as session:
        ctx.require(session, "administrator", N_("change channels"))
        if session.execute(select(Channel.id).where(Channel.code == code)).first():
            raise RuleError("channel_exists", N_("The channel {code} exists already."), code=code)
        session.add(Channel(code=code, name=name, active=True))
        audit.record(session, ctx.login, "channel.create", "channel", code, after={"name": name})
    return ChannelInfo(code, name, True, 0)
