"""``hierdesk-cli``: the batch tool (INTERFACES.md §3).

argparse → services → output. No business rules here: every decision is the services'.
Exit status: 0 done · 1 refused by a rule or validation · 2 usage · 3 permission · 4 database.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import re
import subprocess
import sys
import tempfile
import unicodedata
from collections.abc import Callable, Sequence
from datetime import datetime
from pathlib import Path
from typing import Any, NoReturn, TextIO

from hierdesk import __version__, paths
from hierdesk.domain.access import REASONS as ACCESS_REASONS
from hierdesk.domain.distribution import OUTCOME_LABELS, OUTCOMES, next_step
from hierdesk.domain.dto import (
    AuditFilter,
    MemberInfo,
    NotificationOutcome,
    OperatorRow,
    SequenceInfo,
)
from hierdesk.domain.errors import HierdeskError, RuleError, UsageError
from hierdesk.domain.lookups import PROPERTIES, PROPERTY_LABELS
from hierdesk.domain.model import (
    AUDIT_ACTIONS,
    DUPLICATE_REASONS,
    FEATURES_BY_KEY,
    LABELS,
    MEMBER_ROLES,
    OPERATOR_ROLES,
    SEQUENCE_REFERENCES,
)
from hierdesk.domain.orders import STATUS_LABELS, STATUSES
from hierdesk.domain.rows import ENCODINGS
from hierdesk.i18n.core import LANGUAGES, N_, _, ngettext, set_language
from hierdesk.i18n.formatting import format_datetime, format_number, format_yen
from hierdesk.services import (
    access,
    approval,
    audit,
    backup,
    catalogs,
    channels,
    demo,
    distribution,
    features,
    hierarchies,
    intake,
    members,
    notices,
    operators,
    orders,
    properties,
    requests,
    sequences,
    signins,
)
from hierdesk.services.context import Context
from hierdesk.services.setup import initialize, open_workspace
from hierdesk.settings import Settings, resolve_db, system_language

Handler = Callable[[argparse.Namespace], tuple[Any, str]]


class _Parser(argparse.ArgumentParser):
    """Usage errors become UsageError (exit 2, localised, JSON with --json)."""

    def error(self, message: str) -> NoReturn:
        raise UsageError("usage", N_("{message} (see “hierdesk-cli --help”)"), message=message)


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def table(headers: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    """A plain text table aligned for Japanese (full-width characters count twice)."""
    cells = [[str(h) for h in headers]] + [["" if v is None else str(v) for v in r] for r in rows]
    widths = [max(_width(row[i]) for row in cells) for i in range(len(headers))]
    lines = []
    for n, row in enumerate(cells):
        lines.append(
            "  ".join(c + " " * (w - _width(c)) for c, w in zip(row, widths, strict=True)).rstrip()
        )
        if n == 0:
            lines.append("  ".join("-" * w for w in widths))
    return "\n".join(lines)


def _label(value: str | None) -> str:
    return _(LABELS[value]) if value in LABELS else (value or "")


def _property_text(name: str, value: object) -> str:
    """A property value as people read it: yen amounts grouped, nothing for no value."""
    if value is None:
        return ""
    if name == "credit_limit" and isinstance(value, int):
        return format_yen(value)
    return str(value)


NOTIFICATION_STATUSES = {
    "queued": N_("Waiting to be sent"),
    "sending": N_("Being sent"),
    "sent": N_("Sent"),
    "written": N_("Written to the outbox"),
}


def _notification(outcome: NotificationOutcome | None) -> dict[str, Any] | None:
    if outcome is None:
        return None
    return {
        "id": outcome.id,
        "recipient": outcome.recipient,
        "status": outcome.status,
        "where": outcome.where,
        "error": outcome.error,
    }


def _notification_text(outcome: NotificationOutcome | None) -> str:
    if outcome is None:
        return ""
    if outcome.status == "sent":
        return _("The notification to {recipient} was sent through {where}.").format(
            recipient=outcome.recipient, where=outcome.where
        )
    if outcome.status == "written":
        return _("The notification to {recipient} was written to {where}.").format(
            recipient=outcome.recipient, where=outcome.where
        )
    return _(
        "The notification to {recipient} could not be sent ({error}); it waits in the queue "
        "and is sent by “hierdesk-cli notification retry” or from the Requests area."
    ).format(recipient=outcome.recipient, error=outcome.error or "-")


def _row_errors(errors: Sequence[HierdeskError]) -> tuple[list[dict[str, Any]], list[str]]:
    """The refused rows of an import: as data for ``--json`` and as lines for people."""
    data = [
        {
            "row": getattr(e, "row", None),
            "field": getattr(e, "field", None),
            "code": e.code,
            "message": e.localized(),
        }
        for e in errors
    ]
    if not data:
        return data, []
    lines = [_("{count} problems; those rows were not imported:").format(count=len(data))]
    lines += [_("Row {row}: {message}").format(row=e["row"], message=e["message"]) for e in data]
    return data, lines


def _jsonable(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {k: _jsonable(v) for k, v in dataclasses.asdict(value).items()}
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_jsonable(v) for v in value]
    if isinstance(value, datetime):
        return value.isoformat()
    return value


# --- commands ------------------------------------------------------------------------------


class Commands:
    """Each method handles one command and returns (JSON data, human text)."""

    def __init__(self, args: argparse.Namespace, settings: Settings) -> None:
        self.args = args
        self.settings = settings
        self.db_url = resolve_db(args.db, settings)
        self._ctx: Context | None = None

    @property
    def ctx(self) -> Context:
        if self._ctx is None:
            self._ctx = open_workspace(self.db_url, self.args.operator)
        return self._ctx

    def close(self) -> None:
        if self._ctx is not None:
            self._ctx.db.dispose()

    def _prepare_default_folder(self) -> None:
        """``init`` and ``demo`` on the default database create its folder on first use."""
        if self.db_url == str(paths.default_db_path()):
            paths.data_dir().mkdir(parents=True, exist_ok=True)

    def init(self) -> tuple[Any, str]:
        self._prepare_default_folder()
        ctx, result = initialize(self.db_url, self.args.operator)
        self._ctx = ctx
        data = {
            "database": ctx.database.display,
            "created": result.created,
            "upgraded": result.upgraded,
            "administrator": result.administrator,
            "backup": result.backup,
        }
        if result.created:
            text = _("Created the hierdesk database {db}.").format(db=ctx.database.display)
        elif result.upgraded:
            text = _("Upgraded the hierdesk database {db}.").format(db=ctx.database.display)
            if result.backup:
                text += "\n" + _("The database as it was before is saved as {file}.").format(
                    file=result.backup
                )
        else:
            text = _("The hierdesk database {db} is up to date.").format(db=ctx.database.display)
        if result.administrator:
            text += "\n" + _("{login} is its administrator.").format(login=result.administrator)
        return data, text

    def demo(self) -> tuple[Any, str]:
        demo.check_scale(self.args.scale)
        self._prepare_default_folder()
        ctx, _result = initialize(self.db_url, self.args.operator)
        self._ctx = ctx
        result = demo.load_demo(ctx, self.args.scale)
        data = {
            "scale": result.scale,
            "hierarchies_added": result.hierarchies_added,
            "customers_added": result.customers_added,
            "requests_added": result.requests_added,
            "orders_added": result.orders_added,
        }
        if not (
            result.hierarchies_added
            or result.customers_added
            or result.requests_added
            or result.orders_added
        ):
            text = _(
                "The demo dataset at scale {scale} is already loaded; nothing changed."
            ).format(scale=result.scale)
        else:
            text = _(
                "Loaded the demo dataset (scale {scale}): {hierarchies} hierarchies, "
                "{customers} customers, {requests} requests and {orders} orders added."
            ).format(
                scale=result.scale,
                hierarchies=result.hierarchies_added,
                customers=result.customers_added,
                requests=result.requests_added,
                orders=result.orders_added,
            )
        return data, text

    def hierarchy_list(self) -> tuple[Any, str]:
        if self.args.limit is not None and self.args.limit < 1:
            raise UsageError("usage", N_("--limit must be 1 or more."))
        rows = hierarchies.list_hierarchies(
            self.ctx, search=self.args.search, limit=self.args.limit
        )
        data = [
            {
                "id": r.code,
                "name": r.name,
                "organization": r.organization_account,
                "members": r.members,
                "channels": list(r.channels),
            }
            for r in rows
        ]
        if not rows:
            return data, _("No customer hierarchies found.")
        text = table(
            [_("Customer hierarchy ID"), _("Name"), _("Organization"), _("Members"), _("Channels")],
            [
                (
                    r.code,
                    r.name,
                    r.organization_account,
                    r.members,
                    ", ".join(r.channels) or _("all B2B sites"),
                )
                for r in rows
            ],
        )
        return data, text

    def hierarchy_show(self) -> tuple[Any, str]:
        h = hierarchies.get_hierarchy(self.ctx, self.args.id)
        org = h.organization
        data = {
            "id": h.code,
            "name": h.name,
            "purpose": h.purpose,
            "organization": {
                "account": org.account,
                "name": org.name,
                "name_kana": org.name_kana,
                "properties": org.properties,
            },
            "members": [
                {
                    "customer": m.account,
                    "name": m.name,
                    "email": m.email,
                    "role": m.role,
                    "status": m.status,
                }
                for m in h.members
            ],
            "channels": list(h.channels),
        }
        lines = [
            f"{_('Customer hierarchy ID')}: {h.code}",
            f"{_('Name')}: {h.name}",
            f"{_('Purpose')}: {_label(h.purpose)}",
            f"{_('Organization')}: {org.account} {org.name}"
            + (f" ({org.name_kana})" if org.name_kana else ""),
            f"{_('Channels')}: {', '.join(h.channels) or _('all B2B sites')}",
            "",
            table(
                [_("Customer account"), _("Name"), _("E-mail"), _("Role"), _("Status")],
                [(m.account, m.name, m.email, _label(m.role), _label(m.status)) for m in h.members],
            ),
        ]
        return data, "\n".join(lines)

    def hierarchy_rename(self) -> tuple[Any, str]:
        result = members.rename_hierarchy(self.ctx, self.args.id, self.args.name)
        data = {"id": result["id"], "name": result["name"]}
        return data, _("The customer hierarchy {code} is now named “{name}”.").format(
            code=result["id"], name=result["name"]
        )

    # --- customers, members and their properties ----------------------------------------

    def customer_show(self) -> tuple[Any, str]:
        detail = properties.customer_detail(self.ctx, self.args.account)
        data = {
            key: detail[key]
            for key in (
                "account",
                "type",
                "name",
                "name_kana",
                "email",
                "hierarchy",
                "role",
                "status",
                "properties",
            )
        }
        lines = [
            f"{_('Customer account')}: {detail['account']}",
            f"{_('Type')}: {_label(detail['type'])}",
            f"{_('Name')}: {detail['name']}"
            + (f" ({detail['name_kana']})" if detail["name_kana"] else ""),
        ]
        if detail["email"]:
            lines.append(f"{_('E-mail')}: {detail['email']}")
        lines.append(f"{_('Customer hierarchy ID')}: {detail['hierarchy'] or '-'}")
        if detail["role"]:
            lines.append(f"{_('Role')}: {_label(detail['role'])}")
            lines.append(f"{_('Status')}: {_label(detail['status'])}")
        lines += [
            "",
            table(
                [_("Property"), _("Value")],
                [
                    (_(PROPERTY_LABELS[p]), _property_text(p, v))
                    for p, v in detail["properties"].items()
                ],
            ),
        ]
        return data, "\n".join(lines)

    def customer_set(self) -> tuple[Any, str]:
        a = self.args
        before, after, _version = properties.set_property(self.ctx, a.account, a.property, a.value)
        data = {"account": a.account, "property": a.property, "before": before, "after": after}
        label = _(PROPERTY_LABELS[a.property])
        if before == after:
            text = _("{property} of {account} is already {value}; nothing changed.")
        else:
            text = _("{property} of {account} is now {value} (was {before}).")
        return data, text.format(
            property=label,
            account=a.account,
            value=_property_text(a.property, after) or "-",
            before=_property_text(a.property, before) or "-",
        )

    @staticmethod
    def _member_data(code: str, m: MemberInfo) -> dict[str, Any]:
        return {
            "hierarchy": code,
            "customer": m.account,
            "name": m.name,
            "email": m.email,
            "role": m.role,
            "status": m.status,
            "disabled_reason": m.disabled_reason,
        }

    def member_add(self) -> tuple[Any, str]:
        a = self.args
        m = members.add_member(
            self.ctx,
            a.hierarchy,
            email=a.email,
            last_name=a.last_name,
            first_name=a.first_name,
            last_name_kana=a.last_name_kana,
            first_name_kana=a.first_name_kana,
            role=a.role,
            language=a.language,
        )
        return self._member_data(a.hierarchy, m), _(
            "Added {name} ({customer}) to the customer hierarchy {code}; role: {role}."
        ).format(name=m.name, customer=m.account, code=a.hierarchy, role=_label(m.role))

    def member_role(self) -> tuple[Any, str]:
        a = self.args
        m = members.set_role(self.ctx, a.hierarchy, a.customer, a.role)
        return self._member_data(a.hierarchy, m), _(
            "{customer} now has the role {role} in {code}."
        ).format(customer=m.account, role=_label(m.role), code=a.hierarchy)

    def member_disable(self) -> tuple[Any, str]:
        a = self.args
        m = members.disable_member(self.ctx, a.hierarchy, a.customer, a.reason)
        return self._member_data(a.hierarchy, m), _(
            "{customer} is disabled in {code} ({reason})."
        ).format(customer=m.account, code=a.hierarchy, reason=m.disabled_reason or "-")

    def member_enable(self) -> tuple[Any, str]:
        a = self.args
        m = members.enable_member(self.ctx, a.hierarchy, a.customer)
        return self._member_data(a.hierarchy, m), _("{customer} is active in {code} again.").format(
            customer=m.account, code=a.hierarchy
        )

    def property_compare(self) -> tuple[Any, str]:
        c = properties.compare(self.ctx, self.args.hierarchy, self.args.reference)
        data = {
            "reference": c.reference,
            "properties": list(c.properties),
            "rows": [
                {
                    "customer": r.account,
                    "role": r.role,
                    "values": dict(r.values),
                    "differs": list(r.differs),
                }
                for r in c.rows
            ],
        }
        different = sum(len(r.differs) for r in c.rows)
        lines = [
            _("Compared with {reference}; differing values are marked with *.").format(
                reference=c.reference
            ),
            table(
                [_("Customer account"), _("Role")] + [_(PROPERTY_LABELS[p]) for p in c.properties],
                [
                    [
                        r.account,
                        _label(r.role) if r.role else _label(r.type),
                    ]
                    + [
                        _property_text(p, r.values[p]) + ("*" if p in r.differs else "")
                        for p in c.properties
                    ]
                    for r in c.rows
                ],
            ),
            ngettext(
                "{count} value differs from the reference.",
                "{count} values differ from the reference.",
                different,
            ).format(count=different),
        ]
        return data, "\n".join(lines)

    def property_override(self) -> tuple[Any, str]:
        a = self.args
        if a.preview:
            changes = properties.preview_override(
                self.ctx,
                a.hierarchy,
                reference=a.reference,
                properties=a.property,
                members=a.member,
            )
        else:
            changes = properties.override(
                self.ctx,
                a.hierarchy,
                reference=a.reference,
                properties=a.property,
                members=a.member,
            ).changes
        changed = len({c.account for c in changes})
        data = {
            "changed": changed,
            "preview": a.preview,
            "changes": [
                {
                    "customer": c.account,
                    "property": c.property,
                    "before": c.before,
                    "after": c.after,
                }
                for c in changes
            ],
        }
        if not changes:
            return data, _("Every chosen value is the reference's already; nothing changed.")
        if a.preview:
            text = ngettext(
                "The override would change {count} customer (nothing was saved):",
                "The override would change {count} customers (nothing was saved):",
                changed,
            )
        else:
            text = ngettext(
                "Overrode the properties of {count} customer:",
                "Overrode the properties of {count} customers:",
                changed,
            )
        rows = [
            (
                c.account,
                _(PROPERTY_LABELS[c.property]),
                _property_text(c.property, c.before) or "-",
                _property_text(c.property, c.after) or "-",
            )
            for c in changes
        ]
        return data, "\n".join(
            [
                text.format(count=changed),
                table([_("Customer account"), _("Property"), _("Before"), _("After")], rows),
            ]
        )

    def feature_list(self) -> tuple[Any, str]:
        rows = features.list_features(self.ctx)
        data = [
            {
                "key": f.key,
                "enabled": f.enabled,
                "requires": list(f.requires),
                "changed_by": f.changed_by,
                "changed_at": f.changed_at.isoformat() if f.changed_at else None,
            }
            for f in rows
        ]
        text = table(
            [_("Feature"), _("Name"), _("Status"), _("Requires"), _("Changed by"), _("Changed")],
            [
                (
                    f.key,
                    _(FEATURES_BY_KEY[f.key].name),
                    _("On") if f.enabled else _("Off"),
                    ", ".join(f.requires),
                    f.changed_by or "",
                    format_datetime(f.changed_at) if f.changed_at else "",
                )
                for f in rows
            ],
        )
        return data, text

    def feature_set(self, enabled: bool) -> tuple[Any, str]:
        f = features.set_enabled(self.ctx, self.args.key, enabled)
        data = {
            "key": f.key,
            "enabled": f.enabled,
            "requires": list(f.requires),
            "changed_by": f.changed_by,
            "changed_at": f.changed_at.isoformat() if f.changed_at else None,
        }
        name = _(FEATURES_BY_KEY[f.key].name)
        text = (_("“{name}” is on.") if f.enabled else _("“{name}” is off.")).format(name=name)
        return data, text

    # --- number sequences -------------------------------------------------------------------

    @staticmethod
    def _sequence_data(q: SequenceInfo) -> dict[str, Any]:
        return {
            "code": q.code,
            "name": q.name,
            "format": q.format,
            "smallest": q.smallest,
            "largest": q.largest,
            "next": q.next,
            "continuous": q.continuous,
            "stopped": q.stopped,
            "references": list(q.references),
        }

    def _sequence_table(self, rows: Sequence[SequenceInfo]) -> str:
        return table(
            [
                _("Code"),
                _("Name"),
                _("Format"),
                _("Smallest"),
                _("Largest"),
                _("Next"),
                _("Continuous"),
                _("Stopped"),
                _("References"),
            ],
            [
                (
                    q.code,
                    q.name,
                    q.format,
                    q.smallest,
                    q.largest,
                    q.next,
                    _("Yes") if q.continuous else _("No"),
                    _("Yes") if q.stopped else _("No"),
                    ", ".join(q.references),
                )
                for q in rows
            ],
        )

    def sequence_list(self) -> tuple[Any, str]:
        rows = sequences.list_sequences(self.ctx)
        return [self._sequence_data(q) for q in rows], self._sequence_table(rows)

    def sequence_show(self) -> tuple[Any, str]:
        q = sequences.get_sequence(self.ctx, self.args.code)
        return self._sequence_data(q), self._sequence_table([q])

    def sequence_create(self) -> tuple[Any, str]:
        a = self.args
        q = sequences.create_sequence(
            self.ctx,
            a.code,
            a.format,
            name=a.name,
            smallest=a.smallest,
            largest=a.largest,
            next_=a.next,
            continuous=a.continuous,
        )
        return self._sequence_data(q), _("Created the number sequence {code}.").format(code=q.code)

    def sequence_assign(self) -> tuple[Any, str]:
        q = sequences.assign(self.ctx, self.args.reference, self.args.code)
        return self._sequence_data(q), _("{reference} now takes its IDs from {code}.").format(
            reference=self.args.reference, code=q.code
        )

    def sequence_peek(self) -> tuple[Any, str]:
        value = sequences.peek(self.ctx, self.args.reference)
        data = {"reference": self.args.reference, "next": value}
        if value is None:
            return data, _("The sequence of {reference} would refuse the next ID.").format(
                reference=self.args.reference
            )
        return data, value

    # --- channels, operators, audit, backup ---------------------------------------------

    def channel_list(self) -> tuple[Any, str]:
        rows = channels.list_channels(self.ctx)
        data = [{"code": c.code, "name": c.name, "hierarchies": c.hierarchies} for c in rows]
        return data, table(
            [_("Code"), _("Name"), _("Hierarchies with a grant")],
            [(c.code, c.name, c.hierarchies) for c in rows],
        )

    def channel_create(self) -> tuple[Any, str]:
        c = channels.create_channel(self.ctx, self.args.code, self.args.name)
        return {"code": c.code, "name": c.name}, _("Created the channel {code}.").format(
            code=c.code
        )

    def _grants(self, verb: str, granted: tuple[str, ...]) -> tuple[Any, str]:
        a = self.args
        data = {"hierarchy": a.hierarchy, "channel": a.code, "channels": list(granted)}
        if verb == "grant":
            text = _("{code} is granted to the customer hierarchy {hierarchy}.")
        else:
            text = _("{code} is not granted to the customer hierarchy {hierarchy}.")
        if granted:
            after = _("Its granted B2B sites: {channels}.").format(channels=", ".join(granted))
        else:
            after = _("It has no grants: its members may use every B2B site.")
        return data, text.format(code=a.code, hierarchy=a.hierarchy) + "\n" + after

    def channel_grant(self) -> tuple[Any, str]:
        return self._grants("grant", access.grant(self.ctx, self.args.hierarchy, self.args.code))

    def channel_revoke(self) -> tuple[Any, str]:
        return self._grants("revoke", access.revoke(self.ctx, self.args.hierarchy, self.args.code))

    def access_check(self) -> tuple[Any, str]:
        a = self.args
        decision = access.check(self.ctx, a.customer, a.channel)
        data = {"allowed": decision.allowed, "reason": decision.reason}
        if decision.allowed:
            text = _("{customer} may use {channel}: {reason}.")
        else:
            text = _("{customer} may not use {channel}: {reason}.")
        return data, text.format(
            customer=a.customer, channel=a.channel, reason=_(ACCESS_REASONS[decision.reason])
        )

    @staticmethod
    def _operator_data(o: OperatorRow) -> dict[str, Any]:
        return {
            "login": o.login,
            "role": o.role,
            "active": o.active,
            "created_at": o.created_at.isoformat() if o.created_at else None,
            "created_by": o.created_by,
        }

    def operator_list(self) -> tuple[Any, str]:
        rows = operators.list_operators(self.ctx)
        return [self._operator_data(o) for o in rows], table(
            [_("Login"), _("Role"), _("Status")],
            [(o.login, _label(o.role), _label("active" if o.active else "disabled")) for o in rows],
        )

    def operator_add(self) -> tuple[Any, str]:
        o = operators.add_operator(self.ctx, self.args.login, self.args.role)
        return self._operator_data(o), _("{login} is now an operator ({role}).").format(
            login=o.login, role=_label(o.role)
        )

    def operator_role(self) -> tuple[Any, str]:
        o = operators.set_role(self.ctx, self.args.login, self.args.role)
        return self._operator_data(o), _("{login} is now {role}.").format(
            login=o.login, role=_label(o.role)
        )

    def operator_disable(self) -> tuple[Any, str]:
        o = operators.set_active(self.ctx, self.args.login, False)
        return self._operator_data(o), _("{login} is disabled.").format(login=o.login)

    def operator_enable(self) -> tuple[Any, str]:
        o = operators.set_active(self.ctx, self.args.login, True)
        return self._operator_data(o), _("{login} is enabled.").format(login=o.login)

    def audit_list(self) -> tuple[Any, str]:
        if self.args.limit is not None and self.args.limit < 1:
            raise UsageError("usage", N_("--limit must be 1 or more."))
        rows = audit.list_entries(
            self.ctx, limit=self.args.limit or 50, filter=AuditFilter(entity=self.args.entity)
        )
        data = [
            {
                "id": r.id,
                "at": r.at.isoformat(),
                "operator": r.operator,
                "action": r.action,
                "entity_type": r.entity_type,
                "entity_id": r.entity_id,
                "hierarchy": r.hierarchy,
                "before": r.before,
                "after": r.after,
            }
            for r in rows
        ]
        return data, table(
            [_("When"), _("Operator"), _("Action"), _("Record"), _("ID")],
            [
                (
                    format_datetime(r.at),
                    r.operator,
                    _(AUDIT_ACTIONS[r.action]) if r.action in AUDIT_ACTIONS else r.action,
                    r.entity_type,
                    r.entity_id,
                )
                for r in rows
            ],
        )

    def audit_export(self) -> tuple[Any, str]:
        path = Path(self.args.file)
        count = audit.export_csv(self.ctx, path)
        return {"file": str(path), "entries": count}, _(
            "Wrote {count} audit entries to {file}."
        ).format(count=count, file=str(path))

    def request_list(self) -> tuple[Any, str]:
        rows = requests.list_requests(
            self.ctx, status=self.args.status, search=self.args.search, with_warnings=True
        )
        data = [
            {
                "id": r.id,
                "external_id": r.external_id,
                "kind": r.kind,
                "channel": r.channel,
                "company_name": r.company_name,
                "email": r.email,
                "status": r.status,
                "received_at": r.received_at.isoformat() if r.received_at else None,
                "warnings": list(r.warnings),
            }
            for r in rows
        ]
        if not rows:
            return data, _("No requests found.")
        return data, table(
            [
                _("ID"),
                _("Received"),
                _("Site"),
                _("Kind"),
                _("Company"),
                _("E-mail"),
                _("Status"),
                _("Warnings"),
            ],
            [
                (
                    r.id,
                    format_datetime(r.received_at),
                    r.channel,
                    _label(r.kind),
                    r.company_name or "",
                    r.email,
                    _label(r.status),
                    ", ".join(_(DUPLICATE_REASONS[w]) for w in r.warnings),
                )
                for r in rows
            ],
        )

    def request_show(self) -> tuple[Any, str]:
        values, candidates = requests.request_detail(self.ctx, self.args.id)
        dups = [
            {"customer": d.customer, "hierarchy": d.hierarchy, "reason": d.reason}
            for d in candidates
        ]
        data = {k: _jsonable(v) for k, v in values.items()} | {"duplicates": dups}
        lines = [f"{key}: {'' if value is None else value}" for key, value in values.items()]
        if candidates:
            lines += ["", _("Possible duplicates:")]
            lines += [
                _("{customer} ({hierarchy}): {reason}").format(
                    customer=d.customer,
                    hierarchy=d.hierarchy or "-",
                    reason=_(DUPLICATE_REASONS[d.reason]),
                )
                for d in candidates
            ]
        return data, "\n".join(lines)

    def request_import(self) -> tuple[Any, str]:
        path = Path(self.args.file)
        result = intake.import_requests(
            self.ctx,
            intake.read_file(path),
            path.name,
            encoding=self.args.encoding,
            channel=self.args.channel,
        )
        errors, problems = _row_errors(result.errors)
        data = {"imported": result.imported, "duplicates": result.duplicates, "errors": errors}
        lines = [
            _("Imported {imported} requests; {duplicates} were imported before.").format(
                imported=result.imported, duplicates=result.duplicates
            ),
            *problems,
        ]
        return data, "\n".join(lines)

    def request_approve(self) -> tuple[Any, str]:
        result = approval.approve(
            self.ctx, self.args.id, into=self.args.into, grants=self.args.grant or ()
        )
        data = {
            "request": result.request_id,
            "hierarchy": result.hierarchy,
            "organization": result.organization,
            "person": result.person,
            "role": result.role,
            "notification": _notification(result.notification),
        }
        if result.created_hierarchy:
            text = _(
                "Approved request {request}: created the customer hierarchy {hierarchy} "
                "“{name}” with the organization {organization} and {person} as admin."
            )
        else:
            text = _(
                "Approved request {request}: added {person} to the customer hierarchy "
                "{hierarchy} “{name}” as user."
            )
        lines = [
            text.format(
                request=result.request_id,
                hierarchy=result.hierarchy,
                name=result.hierarchy_name,
                organization=result.organization,
                person=result.person,
            )
        ]
        if result.grants:
            lines.append(_("Channel grants: {channels}").format(channels=", ".join(result.grants)))
        lines.append(_notification_text(result.notification))
        return data, "\n".join(lines)

    def request_reject(self) -> tuple[Any, str]:
        result = approval.reject(self.ctx, self.args.id, self.args.reason)
        data = {
            "request": result.request_id,
            "status": result.status,
            "notification": _notification(result.notification),
        }
        text = _("Rejected request {request}.").format(request=result.request_id)
        return data, text + "\n" + _notification_text(result.notification)

    def notification_list(self) -> tuple[Any, str]:
        rows = notices.list_notifications(self.ctx, status=self.args.status)
        data = [
            {
                "id": r.id,
                "request": r.request_id,
                "kind": r.kind,
                "language": r.language,
                "recipient": r.recipient,
                "subject": r.subject,
                "status": r.status,
                "created_at": r.created_at.isoformat(),
                "sent_at": r.sent_at.isoformat() if r.sent_at else None,
                "error": r.error,
            }
            for r in rows
        ]
        if not rows:
            return data, _("No notifications.")
        return data, table(
            [_("ID"), _("Created"), _("Request"), _("To"), _("Status"), _("Problem")],
            [
                (
                    r.id,
                    format_datetime(r.created_at),
                    r.request_id or "",
                    r.recipient,
                    _(NOTIFICATION_STATUSES.get(r.status, r.status)),
                    r.error or "",
                )
                for r in rows
            ],
        )

    def notification_retry(self) -> tuple[Any, str]:
        outcomes = notices.retry(self.ctx)
        data = [_notification(o) for o in outcomes]
        delivered = sum(1 for o in outcomes if o.status != "queued")
        lines = [
            _("Delivered {delivered} of {total} waiting notifications.").format(
                delivered=delivered, total=len(outcomes)
            )
        ]
        lines += [_notification_text(o) for o in outcomes if o.status == "queued"]
        return data, "\n".join(lines)

    def distribute(self) -> tuple[Any, str]:
        out = Path(self.args.out) if self.args.out else distribution.folder(self.ctx)
        runs = distribution.distribute(self.ctx, out, channel=self.args.channel)
        data = [
            {
                "channel": r.channel,
                "customers": r.customers,
                "hierarchies": r.hierarchies,
                "changed": r.changed,
                "added": r.added,
                "updated": r.updated,
                "withdrawn": r.withdrawn,
                "held_back": list(r.held_back),
                "file": r.path,
                "written": r.written,
            }
            for r in runs
        ]
        lines = [
            table(
                [
                    _("Site"),
                    _("Customers"),
                    _("Hierarchies"),
                    _("New"),
                    _("Updated"),
                    _("Withdrawn"),
                    _("File"),
                ],
                [
                    (
                        r.channel,
                        r.customers,
                        r.hierarchies,
                        r.added,
                        r.updated,
                        r.withdrawn,
                        r.path if r.written else _("{file} (unchanged)").format(file=r.path),
                    )
                    for r in runs
                ],
            )
        ]
        if not runs:
            lines = [_("There is no active B2B site; nothing was published.")]
        for r in runs:
            if r.held_back:
                lines.append(
                    _("{channel}: held back (no catalog on this site): {hierarchies}").format(
                        channel=r.channel, hierarchies=", ".join(r.held_back)
                    )
                )
        return data, "\n".join(lines)

    def _signin_result(self, result: signins.SigninResult) -> tuple[Any, str]:
        errors, refused = _row_errors(result.errors)
        data: dict[str, Any] = {o: result.count(o) for o in OUTCOMES}
        data["errors"] = errors
        data["rows"] = [
            {
                "row": r.row,
                "identity_id": r.identity_id,
                "channel": r.channel,
                "email": r.email,
                "outcome": r.outcome,
                "customer": r.customer,
                "next_step": next_step(r.outcome, r.detail, channel=r.channel, customer=r.customer),
            }
            for r in result.rows
        ]
        lines = [
            table(
                [_("Outcome"), _("Sign-ins")],
                [(_(OUTCOME_LABELS[o]), result.count(o)) for o in OUTCOMES if result.count(o)],
            )
            if any(result.counts.values())
            else _("No sign-in was decided.")
        ]
        problems = [r for r in result.rows if r.outcome not in ("linked", "already_linked")]
        for r in problems:
            where = _("Row {row}").format(row=r.row) if r.row else r.identity_id
            lines.append(
                f"{where} ({r.email}, {r.channel}): "
                + next_step(r.outcome, r.detail, channel=r.channel, customer=r.customer)
            )
        return data, "\n".join([*lines, *refused])

    def signin_import(self) -> tuple[Any, str]:
        path = Path(self.args.file)
        result = signins.import_signins(
            self.ctx, intake.read_file(path), path.name, encoding=self.args.encoding
        )
        return self._signin_result(result)

    def signin_link(self) -> tuple[Any, str]:
        return self._signin_result(signins.link_pending(self.ctx))

    def signin_list(self) -> tuple[Any, str]:
        rows = signins.list_signins(
            self.ctx, outcome=self.args.outcome, limit=self.args.limit or 200
        )
        data = [
            {
                "identity_id": r.identity_id,
                "channel": r.channel,
                "email": r.email,
                "signed_in_at": r.signed_in_at,
                "outcome": r.outcome,
                "customer": r.customer,
                "next_step": next_step(r.outcome, r.detail, channel=r.channel, customer=r.customer),
            }
            for r in rows
        ]
        text = table(
            [_("Site"), _("Identity"), _("E-mail"), _("Outcome"), _("Customer")],
            [
                (r.channel, r.identity_id, r.email, _(OUTCOME_LABELS[r.outcome]), r.customer or "")
                for r in rows
            ],
        )
        return data, text

    @staticmethod
    def _catalog_data(c: catalogs.CatalogInfo) -> dict[str, Any]:
        return {
            "code": c.code,
            "name": c.name,
            "active": c.active,
            "channels": list(c.channels),
            "hierarchies": c.hierarchies,
        }

    def catalog_list(self) -> tuple[Any, str]:
        rows = catalogs.list_catalogs(self.ctx)
        text = table(
            [_("Code"), _("Name"), _("Sites"), _("Hierarchies"), _("Status")],
            [
                (
                    c.code,
                    c.name,
                    ", ".join(c.channels),
                    c.hierarchies,
                    _(LABELS["active"]) if c.active else _(LABELS["inactive"]),
                )
                for c in rows
            ],
        )
        return [self._catalog_data(c) for c in rows], text

    def catalog_create(self) -> tuple[Any, str]:
        info = catalogs.create_catalog(
            self.ctx, self.args.code, self.args.name, self.args.channel or ()
        )
        return self._catalog_data(info), _("Created the catalog {code} ({sites}).").format(
            code=info.code, sites=", ".join(info.channels) or "—"
        )

    def _catalog_view(self, view: catalogs.CatalogView) -> tuple[Any, str]:
        data = {
            "hierarchy": view.hierarchy,
            "catalogs": [a.code for a in view.assigned],
            "sites": {site: list(codes) for site, codes in view.by_site},
            "problem": view.problem,
        }
        # "No catalogs found" only with the feature on: off, members see the standard assortment
        none = _("no catalog — “No catalogs found”") if view.feature_on else "—"
        lines = [
            _("{site}: {catalogs}").format(site=site, catalogs=", ".join(codes) or none)
            for site, codes in view.by_site
        ]
        if view.problem:
            lines.append(
                _(
                    "{code} has no catalog its members can see; it is held back from the "
                    "customers distribution."
                ).format(code=view.hierarchy)
            )
        return data, "\n".join(lines)

    def catalog_assign(self) -> tuple[Any, str]:
        return self._catalog_view(catalogs.assign(self.ctx, self.args.id, self.args.code))

    def catalog_unassign(self) -> tuple[Any, str]:
        return self._catalog_view(catalogs.unassign(self.ctx, self.args.id, self.args.code))

    def order_import(self) -> tuple[Any, str]:
        path = Path(self.args.file)
        result, updated = orders.import_orders(
            self.ctx, intake.read_file(path), path.name, encoding=self.args.encoding
        )
        errors, refused = _row_errors(result.errors)
        data = {
            "imported": result.imported,
            "updated": updated,
            "duplicates": result.duplicates,
            "errors": errors,
        }
        lines = [
            _(
                "Imported {imported} orders; {updated} changed their status; {duplicates} "
                "were known already."
            ).format(imported=result.imported, updated=updated, duplicates=result.duplicates),
            *refused,
        ]
        return data, "\n".join(lines)

    def order_list(self) -> tuple[Any, str]:
        since = None
        if self.args.since:
            try:
                since = datetime.fromisoformat(self.args.since)
            except ValueError:
                raise UsageError(
                    "date_invalid",
                    N_("--since: “{value}” is not a date such as 2026-11-01."),
                    value=self.args.since,
                ) from None
            if since.tzinfo is None:
                since = since.astimezone()  # a date of this desk's calendar
        flt = orders.OrderFilter(
            hierarchy=self.args.hierarchy,
            member=self.args.member,
            status=self.args.status,
            since=since,
        )
        rows = orders.list_orders(self.ctx, flt, limit=None)
        listed = [
            {
                "order": r.order,
                "channel": r.channel,
                "customer": r.customer,
                "invoice_account": r.invoice_account,
                "ordered_at": r.ordered_at,
                "status": r.status,
                "total": r.total,
            }
            for r in rows
        ]
        text = table(
            [
                _("Order"),
                _("Site"),
                _("Customer"),
                _("Invoice account"),
                _("Ordered"),
                _("Status"),
                _("Total"),
            ],
            [
                (
                    r.order,
                    r.channel,
                    r.customer,
                    r.invoice_account or "",
                    format_datetime(r.ordered_at),
                    _(STATUS_LABELS[r.status]),
                    format_yen(r.total),
                )
                for r in rows
            ],
        )
        if not self.args.hierarchy:
            return listed, text
        sums = orders.totals(self.ctx, flt)
        data = {
            "orders": listed,
            "totals": {
                "members": [
                    {"customer": t.key, "orders": t.orders, "total": t.total} for t in sums.members
                ],
                "invoice_accounts": [
                    {"invoice_account": t.key, "orders": t.orders, "total": t.total}
                    for t in sums.invoice_accounts
                ],
                "total": sums.total,
            },
        }
        parts = [
            text,
            "",
            _("Totals per member (cancelled orders not counted):"),
            table(
                [_("Customer"), _("Orders"), _("Total")],
                [(t.key, t.orders, format_yen(t.total)) for t in sums.members],
            ),
            "",
            _("Totals per invoice account:"),
            table(
                [_("Invoice account"), _("Orders"), _("Total")],
                [(t.key, t.orders, format_yen(t.total)) for t in sums.invoice_accounts],
            ),
        ]
        return data, "\n".join(parts)

    def backup(self) -> tuple[Any, str]:
        target = backup.backup(self.ctx, Path(self.args.file))
        return {"file": str(target)}, _("Backed up {db} to {file}.").format(
            db=self.ctx.database.display, file=str(target)
        )

    def bench(self) -> tuple[Any, str]:
        """The benchmark. Its desktop figures need Qt, which the command line never loads,
        so it runs as ``python -m hierdesk.bench`` (progress on stderr) and its report is
        read back here."""
        if self.args.scale < 1:
            raise UsageError(
                "bench_scale",
                N_("{field}: the scale is a number of hierarchies, 1 or more."),
                field="--scale",
            )
        unknown = [f for f in (self.args.figures or "").split(",") if f and f not in BENCH_LABELS]
        if unknown:
            raise UsageError(
                "bench_figure_unknown",
                N_("{field}: “{value}” is not a figure of the benchmark; use {choices}."),
                field="--figures",
                value=", ".join(unknown),
                choices=", ".join(BENCH_LABELS),
            )
        with tempfile.TemporaryDirectory() as tmp:
            out = Path(tmp) / "bench.json"
            command = [
                sys.executable,
                "-m",
                "hierdesk.bench",
                "--scale",
                str(self.args.scale),
                "--runs",
                str(self.args.runs),
                "--out",
                str(out),
            ]
            if self.args.figures:
                command += ["--figures", self.args.figures]
            if self.args.folder:
                command += ["--folder", self.args.folder]
            status = subprocess.run(command, check=False).returncode
            if status != 0 or not out.exists():
                raise RuleError(
                    "bench_failed",
                    N_("The benchmark stopped (exit status {status}); its messages are above."),
                    status=status,
                )
            report = json.loads(out.read_text(encoding="utf-8"))
        return report, _bench_text(report)


#: How the benchmark's figures are named in its table (INTERFACES.md: ``bench``).
BENCH_LABELS: dict[str, str] = {
    "startup_ms": N_("Start-up to the painted main window"),
    "tree_first_page_ms": N_("First page of the hierarchy tree"),
    "search_ms": N_("Search over all customers, first page"),
    "expand_5000_ms": N_("Expand the 5,000-member partner"),
    "compare_5000_ms": N_("Compare grid of the 5,000-member partner"),
    "override_5000_ms": N_("Override one property for 5,000 members"),
    "approve_ms": N_("Approve one request"),
    "import_rows_per_s": N_("Request import"),
    "locale_switch_ms": N_("Switch the language of the main window"),
    "rss_mb": N_("Peak memory of the desktop process"),
}


def _bench_target(figure: dict[str, Any]) -> str:
    sign = "≤" if figure["op"] == "<=" else "≥"
    target = f"{sign} {format_number(figure['limit'])}"
    if figure.get("floor_factor"):
        target = _("{target}, and ≤ {factor}× the floor").format(
            target=target, factor=f"{figure['floor_factor']:g}"
        )
    return target


def _bench_text(report: dict[str, Any]) -> str:
    data = report["data"]
    lines = [
        _(
            "Benchmark at scale {scale}: {hierarchies} hierarchies, {persons} persons, "
            "{requests} pending requests; the partner {big} has {members} members."
        ).format(
            scale=format_number(report["scale"]),
            hierarchies=format_number(data["hierarchies"]),
            persons=format_number(data["persons"]),
            requests=format_number(data["pending_requests"]),
            big=data["big_hierarchy"],
            members=format_number(data["big_members"]),
        ),
        _("The data was reused from an earlier run.")
        if data["reused"]
        else _("The data was generated in {seconds} s.").format(seconds=data["build_s"]),
        "",
    ]
    rows = []
    for name, figure in report["figures"].items():
        floor = ""
        if figure.get("floor") is not None:
            floor = _("{floor} ms ({times}×)").format(
                floor=format_number(figure["floor"]), times=figure["times_floor"]
            )
        rows.append(
            (
                _(BENCH_LABELS.get(name, name)),
                name,
                f"{format_number(figure['value'])} {figure['unit']}",
                _bench_target(figure),
                _("met") if figure["met"] else _("NOT MET"),
                floor,
            )
        )
    lines.append(
        table([_("Figure"), "", _("Value"), _("Target"), _("Result"), _("sqlite3 floor")], rows)
    )
    versions = report["versions"]
    lines += [
        "",
        _("Python {python}, PySide6 {pyside6} (Qt {qt}), SQLite {sqlite}, {cpus} CPUs").format(
            **versions
        ),
        _(
            "A fixed Python loop took {before} ms before the run and {after} ms after it "
            "(the machine's speed at the time)."
        ).format(**report["calibration_ms"]),
    ]
    return "\n".join(line.rstrip() for line in lines)


def _encoding_option(parser: argparse.ArgumentParser) -> None:
    """``--encoding`` of the commands that read a file from the sites."""
    parser.add_argument(
        "--encoding",
        choices=ENCODINGS,
        default="utf-8",
        help=_("CSV encoding: utf-8 (default, with or without BOM) or cp932"),
    )


def build_parser() -> _Parser:
    parser = _Parser(
        prog="hierdesk-cli",
        description=_("hierdesk batch tool: B2B customer hierarchies from the command line."),
    )
    parser.add_argument("--version", action="version", version=f"hierdesk {__version__}")
    parser.add_argument(
        "--db", metavar="URL", help=_("database: a SQLite file path or URL, or a PostgreSQL URL")
    )
    parser.add_argument(
        "--operator", metavar="LOGIN", help=_("operator login (default: your OS login)")
    )
    parser.add_argument("--locale", choices=LANGUAGES, help=_("language of the output"))
    parser.add_argument(
        "--json", action="store_true", help=_("print exactly one JSON document on standard output")
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    sub.required = True

    sub.add_parser("init", help=_("create or upgrade the database schema and seed it"))
    p = sub.add_parser("demo", help=_("load the bilingual demo dataset"))
    p.add_argument(
        "--scale",
        type=int,
        default=demo.DEFAULT_SCALE,
        metavar="N",
        help=_("number of partner hierarchies (default 25)"),
    )

    p = sub.add_parser("hierarchy", help=_("customer hierarchies"))
    hsub = p.add_subparsers(dest="action", metavar="ACTION", parser_class=_Parser)
    hsub.required = True
    q = hsub.add_parser("list", help=_("list customer hierarchies"))
    q.add_argument(
        "--search", metavar="TEXT", help=_("name, kana, e-mail, account or corporate number")
    )
    q.add_argument("--limit", type=int, metavar="N", help=_("at most N hierarchies"))
    q = hsub.add_parser("show", help=_("show one customer hierarchy"))
    q.add_argument("id", metavar="ID")
    q = hsub.add_parser("rename", help=_("rename a customer hierarchy"))
    q.add_argument("id", metavar="ID")
    q.add_argument("name", metavar="NAME")

    p = sub.add_parser("customer", help=_("customers and their properties"))
    cusub = p.add_subparsers(dest="action", metavar="ACTION", parser_class=_Parser)
    cusub.required = True
    q = cusub.add_parser("show", help=_("show one customer with its hierarchy and properties"))
    q.add_argument("account", metavar="ACCOUNT")
    q = cusub.add_parser("set", help=_("change one property of a customer"))
    q.add_argument("account", metavar="ACCOUNT")
    q.add_argument(
        "property",
        metavar="PROPERTY",
        choices=PROPERTIES,
        help=_("one of: {properties}").format(properties=", ".join(PROPERTIES)),
    )
    q.add_argument(
        "value",
        metavar="VALUE",
        help=_(
            "a code of the property's lookup, a yen amount or a customer account; "
            "an empty value clears it"
        ),
    )

    p = sub.add_parser("member", help=_("members of customer hierarchies"))
    msub = p.add_subparsers(dest="action", metavar="ACTION", parser_class=_Parser)
    msub.required = True
    q = msub.add_parser("add", help=_("create a person and add them to a hierarchy"))
    q.add_argument("hierarchy", metavar="HIERARCHY_ID")
    q.add_argument("--email", required=True, metavar="E")
    q.add_argument("--last-name", required=True, metavar="L")
    q.add_argument("--first-name", required=True, metavar="F")
    q.add_argument("--last-name-kana", metavar="KANA")
    q.add_argument("--first-name-kana", metavar="KANA")
    q.add_argument("--role", choices=MEMBER_ROLES, default="user", help=_("default: user"))
    q.add_argument(
        "--language",
        choices=LANGUAGES,
        default="ja",
        help=_("the person's language for letters (default: ja)"),
    )
    q = msub.add_parser("role", help=_("make a member admin or user"))
    q.add_argument("hierarchy", metavar="HIERARCHY_ID")
    q.add_argument("customer", metavar="CUSTOMER")
    q.add_argument("role", metavar="ROLE", choices=MEMBER_ROLES)
    q = msub.add_parser("disable", help=_("disable a member with a reason"))
    q.add_argument("hierarchy", metavar="HIERARCHY_ID")
    q.add_argument("customer", metavar="CUSTOMER")
    q.add_argument("--reason", required=True, metavar="TEXT", help=_("why the member is disabled"))
    q = msub.add_parser("enable", help=_("enable a disabled member again"))
    q.add_argument("hierarchy", metavar="HIERARCHY_ID")
    q.add_argument("customer", metavar="CUSTOMER")

    p = sub.add_parser("property", help=_("compare and override members' properties"))
    psub = p.add_subparsers(dest="action", metavar="ACTION", parser_class=_Parser)
    psub.required = True
    q = psub.add_parser("compare", help=_("compare the properties of a hierarchy's customers"))
    q.add_argument("hierarchy", metavar="HIERARCHY_ID")
    q.add_argument(
        "--reference",
        metavar="CUSTOMER",
        help=_("compare with this member (default: the organization)"),
    )
    q = psub.add_parser("override", help=_("copy the reference's properties to members"))
    q.add_argument("hierarchy", metavar="HIERARCHY_ID")
    q.add_argument(
        "--reference",
        metavar="CUSTOMER",
        help=_("copy from this member (default: the organization)"),
    )
    q.add_argument(
        "--property",
        action="append",
        metavar="P",
        choices=PROPERTIES,
        help=_("only this property (repeat for several; default: all)"),
    )
    q.add_argument(
        "--member",
        action="append",
        metavar="CUSTOMER",
        help=_("only this customer (repeat for several; default: all others)"),
    )
    q.add_argument(
        "--preview", action="store_true", help=_("show what would change, changing nothing")
    )

    p = sub.add_parser("feature", help=_("feature management"))
    fsub = p.add_subparsers(dest="action", metavar="ACTION", parser_class=_Parser)
    fsub.required = True
    fsub.add_parser("list", help=_("list the features and their state"))
    for action, text in (
        ("enable", _("switch a feature on")),
        ("disable", _("switch a feature off")),
    ):
        q = fsub.add_parser(action, help=text)
        q.add_argument("key", metavar="KEY", choices=tuple(FEATURES_BY_KEY))

    p = sub.add_parser("sequence", help=_("number sequences"))
    ssub = p.add_subparsers(dest="action", metavar="ACTION", parser_class=_Parser)
    ssub.required = True
    ssub.add_parser("list", help=_("list the number sequences"))
    q = ssub.add_parser("show", help=_("show one number sequence"))
    q.add_argument("code", metavar="CODE")
    q = ssub.add_parser("create", help=_("create a number sequence"))
    q.add_argument("code", metavar="CODE")
    q.add_argument(
        "--format",
        required=True,
        metavar="F",
        help=_("constant characters around one run of #, e.g. CH-######"),
    )
    q.add_argument("--name", metavar="TEXT")
    q.add_argument("--smallest", type=int, default=1, metavar="N")
    q.add_argument("--largest", type=int, metavar="N")
    q.add_argument("--next", type=int, metavar="N")
    q.add_argument("--continuous", action="store_true", help=_("never skip a number"))
    q = ssub.add_parser("assign", help=_("assign a sequence to a reference"))
    q.add_argument("reference", metavar="REFERENCE", choices=SEQUENCE_REFERENCES)
    q.add_argument("code", metavar="CODE")
    q = ssub.add_parser("peek", help=_("the next ID, allocating nothing"))
    q.add_argument("reference", metavar="REFERENCE", choices=SEQUENCE_REFERENCES)

    p = sub.add_parser("channel", help=_("B2B sites"))
    csub = p.add_subparsers(dest="action", metavar="ACTION", parser_class=_Parser)
    csub.required = True
    csub.add_parser("list", help=_("list the B2B sites"))
    q = csub.add_parser("create", help=_("add a B2B site"))
    q.add_argument("code", metavar="CODE")
    q.add_argument("--name", required=True, metavar="TEXT")
    q = csub.add_parser("grant", help=_("let a hierarchy use a B2B site"))
    q.add_argument("hierarchy", metavar="HIERARCHY_ID")
    q.add_argument("code", metavar="CODE")
    q = csub.add_parser("revoke", help=_("take a B2B site away from a hierarchy"))
    q.add_argument("hierarchy", metavar="HIERARCHY_ID")
    q.add_argument("code", metavar="CODE")

    p = sub.add_parser("access", help=_("channel access of customers"))
    acsub = p.add_subparsers(dest="action", metavar="ACTION", parser_class=_Parser)
    acsub.required = True
    q = acsub.add_parser("check", help=_("may a customer use a B2B site, and why"))
    q.add_argument("customer", metavar="CUSTOMER")
    q.add_argument("channel", metavar="CHANNEL")

    p = sub.add_parser("operator", help=_("operators and their roles"))
    osub = p.add_subparsers(dest="action", metavar="ACTION", parser_class=_Parser)
    osub.required = True
    osub.add_parser("list", help=_("list the operators"))
    q = osub.add_parser("add", help=_("add an operator"))
    q.add_argument("login", metavar="LOGIN")
    q.add_argument("--role", required=True, choices=OPERATOR_ROLES)
    q = osub.add_parser("role", help=_("change an operator's role"))
    q.add_argument("login", metavar="LOGIN")
    q.add_argument("role", metavar="ROLE", choices=OPERATOR_ROLES)
    q = osub.add_parser("disable", help=_("disable an operator"))
    q.add_argument("login", metavar="LOGIN")
    q = osub.add_parser("enable", help=_("enable a disabled operator again"))
    q.add_argument("login", metavar="LOGIN")

    p = sub.add_parser("audit", help=_("the audit log"))
    asub = p.add_subparsers(dest="action", metavar="ACTION", parser_class=_Parser)
    asub.required = True
    q = asub.add_parser("list", help=_("the newest audit entries"))
    q.add_argument("--limit", type=int, metavar="N", help=_("at most N entries (default 50)"))
    q.add_argument("--entity", metavar="ID", help=_("only entries about this record"))
    q = asub.add_parser("export", help=_("export the audit log to CSV for Excel"))
    q.add_argument("file", metavar="FILE.csv")

    p = sub.add_parser("request", help=_("requests from the B2B sites"))
    rsub = p.add_subparsers(dest="action", metavar="ACTION", parser_class=_Parser)
    rsub.required = True
    q = rsub.add_parser("list", help=_("list requests"))
    q.add_argument("--status", choices=("pending", "approved", "rejected"))
    q.add_argument("--search", metavar="TEXT", help=_("company, kana, e-mail or corporate number"))
    q = rsub.add_parser("show", help=_("show one request with its possible duplicates"))
    q.add_argument("id", metavar="ID", type=int)
    q = rsub.add_parser("import", help=_("import requests from a CSV, JSON or JSON Lines file"))
    q.add_argument("file", metavar="FILE")
    _encoding_option(q)
    q.add_argument("--channel", metavar="CODE", help=_("the B2B site of rows that do not name one"))

    q = rsub.add_parser("approve", help=_("approve a request (DOMAIN.md rules 2 and 3)"))
    q.add_argument("id", metavar="ID", type=int)
    q.add_argument(
        "--into",
        metavar="HIERARCHY_ID",
        help=_("add the person to this existing hierarchy as user instead of creating one"),
    )
    q.add_argument(
        "--grant",
        metavar="CHANNEL",
        action="append",
        help=_("grant the new hierarchy this B2B site (repeat for several)"),
    )
    q = rsub.add_parser("reject", help=_("reject a request with a reason"))
    q.add_argument("id", metavar="ID", type=int)
    q.add_argument("--reason", metavar="TEXT", required=True, help=_("why; the requester is told"))

    p = sub.add_parser("notification", help=_("notifications to requesters"))
    nsub = p.add_subparsers(dest="action", metavar="ACTION", parser_class=_Parser)
    nsub.required = True
    q = nsub.add_parser("list", help=_("the newest notifications and their state"))
    q.add_argument("--status", choices=("queued", "sending", "sent", "written"))
    nsub.add_parser("retry", help=_("send the notifications that are still waiting"))

    p = sub.add_parser("catalog", help=_("B2B catalogs"))
    csub2 = p.add_subparsers(dest="action", metavar="ACTION", parser_class=_Parser)
    csub2.required = True
    csub2.add_parser("list", help=_("list the catalogs and the sites that offer them"))
    q = csub2.add_parser("create", help=_("add a catalog"))
    q.add_argument("code", metavar="CODE")
    q.add_argument("--name", metavar="TEXT", required=True)
    q.add_argument(
        "--channel",
        metavar="CODE",
        action="append",
        help=_("a B2B site that offers it (repeat for several)"),
    )
    q = csub2.add_parser("assign", help=_("give a hierarchy a catalog"))
    q.add_argument("id", metavar="HIERARCHY_ID")
    q.add_argument("code", metavar="CODE")
    q = csub2.add_parser("unassign", help=_("take a catalog away from a hierarchy"))
    q.add_argument("id", metavar="HIERARCHY_ID")
    q.add_argument("code", metavar="CODE")

    p = sub.add_parser("order", help=_("orders placed on the B2B sites"))
    osub2 = p.add_subparsers(dest="action", metavar="ACTION", parser_class=_Parser)
    osub2.required = True
    q = osub2.add_parser("import", help=_("import orders from a CSV, JSON or JSON Lines file"))
    q.add_argument("file", metavar="FILE")
    _encoding_option(q)
    q = osub2.add_parser("list", help=_("list orders, with totals for a hierarchy"))
    q.add_argument("--hierarchy", metavar="ID")
    q.add_argument("--member", metavar="CUSTOMER")
    q.add_argument("--status", choices=STATUSES)
    q.add_argument("--since", metavar="DATE", help=_("from this date (2026-11-01)"))

    p = sub.add_parser("distribute", help=_("the customers distribution job (1010)"))
    p.add_argument(
        "--channel", metavar="CODE", help=_("only this B2B site (default: every active one)")
    )
    p.add_argument(
        "--out",
        metavar="DIR",
        help=_("the folder the sites read (default: the folder set in the Jobs area)"),
    )

    p = sub.add_parser("signin", help=_("sign-ins from the B2B sites"))
    ssub2 = p.add_subparsers(dest="action", metavar="ACTION", parser_class=_Parser)
    ssub2.required = True
    q = ssub2.add_parser("import", help=_("link the sign-ins of a file to customers by e-mail"))
    q.add_argument("file", metavar="FILE")
    _encoding_option(q)
    ssub2.add_parser("link", help=_("decide again the sign-ins that are not linked"))
    q = ssub2.add_parser("list", help=_("the newest sign-ins and their outcome"))
    q.add_argument("--outcome", choices=(*OUTCOMES, "problems"))
    q.add_argument("--limit", type=int, metavar="N")

    p = sub.add_parser("backup", help=_("consistent copy of a SQLite database in use"))
    p.add_argument("file", metavar="FILE")

    p = sub.add_parser("bench", help=_("the benchmark on generated data (SQLite)"))
    p.add_argument(
        "--scale",
        type=int,
        default=10_000,
        metavar="N",
        help=_("number of hierarchies (default 10,000: about 200,000 persons)"),
    )
    p.add_argument(
        "--figures",
        metavar="LIST",
        help=_("only these figures, separated by commas (default: all)"),
    )
    p.add_argument(
        "--runs", type=int, default=5, metavar="N", help=_("runs per figure (default 5)")
    )
    p.add_argument(
        "--folder",
        metavar="DIR",
        help=_("where the generated data is kept and reused (default: a temporary folder)"),
    )
    return parser


def _dispatch(commands: Commands, args: argparse.Namespace) -> tuple[Any, str]:
    match (args.command, getattr(args, "action", None)):
        case ("init", _):
            return commands.init()
        case ("demo", _):
            return commands.demo()
        case ("hierarchy", "list"):
            return commands.hierarchy_list()
        case ("hierarchy", "show"):
            return commands.hierarchy_show()
        case ("feature", "list"):
            return commands.feature_list()
        case ("feature", "enable"):
            return commands.feature_set(True)
        case ("feature", "disable"):
            return commands.feature_set(False)
        case ("backup", _):
            return commands.backup()
        case ("bench", _):
            return commands.bench()
        case ("distribute", _):
            return commands.distribute()
        case (group, action) if hasattr(commands, f"{group}_{action}"):
            handler: Callable[[], tuple[Any, str]] = getattr(commands, f"{group}_{action}")
            return handler()
    raise UsageError("usage", N_("Unknown command."))  # pragma: no cover - argparse guards


def _preparse_locale(argv: Sequence[str], settings: Settings) -> str:
    for i, arg in enumerate(argv):
        if arg == "--locale" and i + 1 < len(argv) and argv[i + 1] in LANGUAGES:
            return argv[i + 1]
        if arg.startswith("--locale=") and arg.split("=", 1)[1] in LANGUAGES:
            return arg.split("=", 1)[1]
    return settings.language or system_language()


_SURROGATE = re.compile("[\ud800-\udfff]")


def _emit(stream: TextIO, text: str) -> None:
    # a value quoted from a file may hold a lone surrogate ("\\ud800" in JSON), which no
    # terminal prints: show it as \\ud800 so that the clerk can find it in the file
    text = _SURROGATE.sub(lambda m: m[0].encode("utf-8", "backslashreplace").decode(), text)
    stream.write(text if text.endswith("\n") else text + "\n")
    stream.flush()


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(encoding="utf-8")
    settings = Settings.load()
    set_language(_preparse_locale(argv, settings))
    as_json = "--json" in argv
    commands: Commands | None = None
    try:
        args = build_parser().parse_args(argv)
        commands = Commands(args, settings)
        data, text = _dispatch(commands, args)
    except HierdeskError as exc:
        message = exc.localized()
        _emit(sys.stderr, _("Error: {message}").format(message=message))
        if as_json:
            _emit(
                sys.stdout,
                json.dumps({"error": {"code": exc.code, "message": message}}, ensure_ascii=False),
            )
        return exc.exit_status
    except KeyboardInterrupt:
        _emit(sys.stderr, _("Interrupted; nothing more was changed."))
        return 130
    finally:
        if commands is not None:
            commands.close()
    if as_json:
        _emit(sys.stdout, json.dumps(_jsonable(data), ensure_ascii=False, indent=2))
    else:
        _emit(sys.stdout, text)
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
