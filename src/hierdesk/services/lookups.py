"""Lookups: the coded values of customer properties, and the defaults for new partners.

Coded values (price groups, discount groups, terms of payment, modes of delivery, customer
groups, sales tax groups, currencies) carry a Japanese and an English name.  Values are never
deleted — customers refer to them — but can be made inactive so that they are no longer
offered.

The company-wide defaults given to a new partner organization live in the ``AppSetting``
row ``partner_defaults`` (a JSON object with every property of
:data:`hierdesk.domain.lookups.PROPERTIES`).  The ``is_default`` flag of the lookup rows is
kept in step with it, but the setting is what approval reads.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from datetime import datetime
from typing import Any, Final

from sqlalchemy import select
from sqlalchemy.orm import Session

from hierdesk.data.schema import AppSetting, AuditEntry, LookupValue, utcnow
from hierdesk.domain.dto import LookupInfo
from hierdesk.domain.errors import NotFoundError, RuleError, ValidationError
from hierdesk.domain.lookups import (
    CODED_PROPERTIES,
    PROPERTIES,
    PROPERTY_LABELS,
    default_properties,
)
from hierdesk.i18n.core import N_, _
from hierdesk.i18n.formatting import parse_yen
from hierdesk.services import audit, stale
from hierdesk.services.context import Context

__all__ = [
    "KINDS",
    "MAX_CREDIT_LIMIT",
    "PARTNER_DEFAULTS_KEY",
    "create_lookup",
    "list_lookups",
    "partner_defaults",
    "set_partner_default",
    "update_lookup",
]

#: The lookup tables, one per coded property, in display order.
KINDS: Final = CODED_PROPERTIES
#: The AppSetting key holding the defaults for new partners.
PARTNER_DEFAULTS_KEY: Final = "partner_defaults"
#: Properties that have a company-wide default (a new organization is its own invoice account).
DEFAULTABLE: Final = (*CODED_PROPERTIES, "credit_limit")
#: A credit limit above this is certainly a typing mistake (one quadrillion yen minus one).
MAX_CREDIT_LIMIT: Final = 10**15 - 1

_CODE: Final = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,19}$")
_CURRENCY: Final = re.compile(r"^[A-Z]{3}$")
_NAME_MAX: Final = 100


class _Kind(str):
    """A lookup (property) named in a message: shown as its label, translated when the
    message is shown; ``str()`` is still the code."""

    __slots__ = ()

    def __format__(self, spec: str) -> str:
        label = PROPERTY_LABELS.get(str(self))
        return format(_(label) if label else str(self), spec)


# --- reading -----------------------------------------------------------------------------


def _stored_defaults(session: Session) -> dict[str, Any]:
    row = session.get(AppSetting, PARTNER_DEFAULTS_KEY)
    values: dict[str, Any] = dict.fromkeys(PROPERTIES)
    if row is None or not isinstance(row.value, Mapping):
        values.update(default_properties())
    else:
        values.update({k: v for k, v in row.value.items() if k in values})
    return values


def list_lookups(ctx: Context, kind: str | None = None) -> list[LookupInfo]:
    """The values of one lookup (or of all), by kind in display order, then by code.

    ``is_default`` says whether the value is the default for new partners."""
    if kind is not None:
        _check_kind(kind)
    stmt = select(
        LookupValue.kind,
        LookupValue.code,
        LookupValue.name_ja,
        LookupValue.name_en,
        LookupValue.active,
    )
    if kind is not None:
        stmt = stmt.where(LookupValue.kind == kind)
    with ctx.db.read() as session:
        ctx.require(session, "clerk", N_("view lookups"))
        rows = session.execute(stmt).all()
        defaults = _stored_defaults(session)
    order = {k: i for i, k in enumerate(KINDS)}
    result = [
        LookupInfo(k, code, ja, en, defaults.get(k) == code, bool(active))
        for k, code, ja, en, active in rows
    ]
    result.sort(key=lambda v: (order.get(v.kind, len(order)), v.kind, v.code.casefold(), v.code))
    return result


def partner_defaults(ctx: Context) -> dict[str, str | int | None]:
    """The properties a new partner organization gets (every property, None where unset)."""
    with ctx.db.read() as session:
        ctx.require(session, "clerk", N_("view the defaults for new partners"))
        return _stored_defaults(session)


# --- validation --------------------------------------------------------------------------


def _check_kind(kind: str) -> None:
    if kind not in KINDS:
        raise ValidationError(
            "lookup_kind_unknown",
            N_("{field}: “{value}” is not a lookup; use one of {choices}."),
            field="kind",
            value=kind,
            choices=", ".join(KINDS),
        )


def _clean_code(kind: str, code: str) -> str:
    # Full-width letters and digits typed with the IME become ASCII.
    value = unicodedata.normalize("NFKC", code).strip()
    if kind == "currency":
        value = value.upper()
        if not _CURRENCY.match(value):
            raise ValidationError(
                "lookup_currency_invalid",
                N_(
                    "{field}: a currency code is three letters (ISO 4217, e.g. JPY); got “{value}”."
                ),
                field="code",
                value=code,
            )
        return value
    if not _CODE.match(value):
        raise ValidationError(
            "lookup_code_invalid",
            N_(
                "{field}: a code has 1 to 20 letters, digits, “-”, “_” or “.” and starts with a "
                "letter or digit; got “{value}”."
            ),
            field="code",
            value=code,
        )
    return value


def _clean_name(field: str, value: str) -> str:
    name = value.strip()
    if not name or len(name) > _NAME_MAX:
        raise ValidationError(
            "lookup_name_invalid",
            N_("{field}: a name of 1 to {max} characters is needed."),
            field=field,
            max=_NAME_MAX,
        )
    return name


def _info(row: LookupValue, defaults: Mapping[str, Any]) -> LookupInfo:
    return LookupInfo(
        row.kind,
        row.code,
        row.name_ja,
        row.name_en,
        defaults.get(row.kind) == row.code,
        bool(row.active),
        row.version,
    )


def _values(row: LookupValue | LookupInfo) -> dict[str, Any]:
    return {"name_ja": row.name_ja, "name_en": row.name_en, "active": bool(row.active)}


def _get(session: Session, kind: str, code: str) -> LookupValue:
    row = session.execute(
        select(LookupValue).where(LookupValue.kind == kind, LookupValue.code == code)
    ).scalar_one_or_none()
    if row is None:
        raise NotFoundError(
            "lookup_not_found",
            N_("There is no value {code} in the lookup “{kind}”."),
            kind=_Kind(kind),
            code=code,
        )
    return row


# --- writing -----------------------------------------------------------------------------


def create_lookup(ctx: Context, kind: str, code: str, name_ja: str, name_en: str) -> LookupInfo:
    """Add an active value to a lookup. Codes are unique per lookup, ignoring case."""
    _check_kind(kind)
    code = _clean_code(kind, code)
    name_ja = _clean_name("name_ja", name_ja)
    name_en = _clean_name("name_en", name_en)
    with ctx.db.write() as session:
        ctx.require(session, "administrator", N_("change lookups"))
        existing = session.execute(
            select(LookupValue.code).where(LookupValue.kind == kind)
        ).scalars()
        clash = next((c for c in existing if c.casefold() == code.casefold()), None)
        if clash is not None:
            raise RuleError(
                "lookup_exists",
                N_("The lookup “{kind}” has the value {code} already."),
                kind=_Kind(kind),
                code=clash,
            )
        row = LookupValue(
            kind=kind, code=code, name_ja=name_ja, name_en=name_en, is_default=False, active=True
        )
        session.add(row)
        session.flush()
        audit.record(
            session,
            ctx.login,
            "lookup.create",
            "lookup",
            f"{kind}/{code}",
            after={"kind": kind, "code": code, **_values(row)},
        )
        return _info(row, _stored_defaults(session))


def update_lookup(
    ctx: Context,
    kind: str,
    code: str,
    *,
    name_ja: str | None = None,
    name_en: str | None = None,
    active: bool | None = None,
    expected: LookupInfo | None = None,
) -> LookupInfo:
    """Rename a value or make it (in)active; arguments left as None are kept.

    ``expected`` is the value as the caller last saw it: if another desk has changed it since,
    the change is refused instead of overwriting theirs (DOMAIN.md rule 13).  The default for
    new partners cannot be made inactive."""
    _check_kind(kind)
    new_ja = None if name_ja is None else _clean_name("name_ja", name_ja)
    new_en = None if name_en is None else _clean_name("name_en", name_en)
    with ctx.db.write() as session:
        ctx.require(session, "administrator", N_("change lookups"))
        row = _get(session, kind, code)
        before = _values(row)
        if expected is not None:
            # the values the caller saw, not the version: another desk making this value
            # the default for new partners is no conflict with renaming it
            stale.check_value(
                session,
                {
                    "name_ja": expected.name_ja,
                    "name_en": expected.name_en,
                    "active": expected.active,
                },
                before,
                stale.record(
                    N_("The value {code} of the lookup “{kind}”"), code=row.code, kind=_Kind(kind)
                ),
                audited=("lookup", f"{kind}/{row.code}"),
            )
        defaults = _stored_defaults(session)
        if active is False and row.active and defaults.get(kind) == row.code:
            raise RuleError(
                "lookup_default_inactive",
                N_(
                    "{code} is what new partners get as “{kind}”, so it cannot be made "
                    "inactive. Choose another default first."
                ),
                kind=_Kind(kind),
                code=row.code,
            )
        if new_ja is not None:
            row.name_ja = new_ja
        if new_en is not None:
            row.name_en = new_en
        if active is not None:
            row.active = active
        after = _values(row)
        if after != before:
            changed = [k for k in after if after[k] != before[k]]
            audit.record(
                session,
                ctx.login,
                "lookup.change",
                "lookup",
                f"{kind}/{row.code}",
                before={k: before[k] for k in changed},
                after={k: after[k] for k in changed},
            )
            session.flush()
        return _info(row, defaults)


def _credit_limit(value: object) -> int:
    if isinstance(value, str):
        try:
            amount = parse_yen(value)
        except ValueError:
            amount = None
    elif isinstance(value, int) and not isinstance(value, bool):
        amount = value
    elif isinstance(value, float) and value.is_integer():
        amount = int(value)
    else:
        amount = None
    if amount is None or amount < 0 or amount > MAX_CREDIT_LIMIT:
        raise ValidationError(
            "credit_limit_invalid",
            N_(
                "{field}: the credit limit is a whole yen amount from 0 to {max}, "
                "such as 1,000,000; got “{value}”."
            ),
            field="credit_limit",
            value=value,
            max=f"{MAX_CREDIT_LIMIT:,}",
        )
    return amount


def _default_changed_by(session: Session, property: str) -> tuple[str | None, datetime | None]:
    """Who last changed the default for ``property`` and when (its newest audit entry)."""
    entries = session.execute(
        select(AuditEntry.operator, AuditEntry.at, AuditEntry.after)
        .where(AuditEntry.entity_type == "setting", AuditEntry.entity_id == PARTNER_DEFAULTS_KEY)
        .order_by(AuditEntry.id.desc())
    )
    for who, when, after in entries:
        if isinstance(after, dict) and property in after:
            return who, when
    return None, None


def set_partner_default(
    ctx: Context, property: str, value: str | int, *, seen: Mapping[str, Any] | None = None
) -> dict[str, Any]:
    """Set the value a new partner organization gets for one property; returns all defaults.

    A coded property takes the code of an active value of its lookup; ``credit_limit`` takes
    a non-negative whole yen amount (an int, or text such as ``¥1,000,000``). ``seen`` is
    the defaults as the caller last read them: if another desk has changed this property's
    default since, the change is refused naming who and when (rule 13); a change of another
    property's default is no conflict."""
    if property not in DEFAULTABLE:
        raise ValidationError(
            "default_property_unknown",
            N_("{field}: “{value}” has no default for new partners; use one of {choices}."),
            field="property",
            value=property,
            choices=", ".join(DEFAULTABLE),
        )
    new: str | int
    if property == "credit_limit":
        new = _credit_limit(value)
    else:
        if not isinstance(value, str) or not value.strip():
            raise ValidationError(
                "default_value_missing",
                N_("{field}: name a code of the lookup “{kind}”."),
                field="value",
                kind=_Kind(property),
            )
        new = value.strip()
    with ctx.db.write() as session:
        ctx.require(session, "administrator", N_("change the defaults for new partners"))
        if property != "credit_limit":
            row = session.execute(
                select(LookupValue).where(LookupValue.kind == property, LookupValue.code == new)
            ).scalar_one_or_none()
            if row is None:
                raise ValidationError(
                    "default_value_unknown",
                    N_("{field}: there is no value {code} in the lookup “{kind}”."),
                    field="value",
                    code=new,
                    kind=_Kind(property),
                )
            if not row.active:
                raise ValidationError(
                    "default_value_inactive",
                    N_(
                        "{field}: {code} is inactive in the lookup “{kind}”; make it active "
                        "before using it as the default."
                    ),
                    field="value",
                    code=new,
                    kind=_Kind(property),
                )
        setting = session.get(AppSetting, PARTNER_DEFAULTS_KEY)
        current = _stored_defaults(session)
        old = current.get(property)
        if seen is not None and seen.get(property) != old:
            who, when = _default_changed_by(session, property)
            raise stale.refusal(
                stale.record(N_("The default for new partners of “{kind}”"), kind=_Kind(property)),
                who,
                when,
            )
        if old == new:
            return current
        updated = {**current, property: new}
        if setting is None:
            session.add(
                AppSetting(
                    key=PARTNER_DEFAULTS_KEY,
                    value=updated,
                    changed_by=ctx.login,
                    changed_at=utcnow(),
                )
            )
        else:
            setting.value = updated  # a new object, so the JSON column is seen as changed
            setting.changed_by = ctx.login
            setting.changed_at = utcnow()
        if property != "credit_limit":
            for flagged in session.execute(
                select(LookupValue).where(LookupValue.kind == property)
            ).scalars():
                is_default = flagged.code == new
                if bool(flagged.is_default) != is_default:
                    flagged.is_default = is_default
        audit.record(
            session,
            ctx.login,
            "setting.change",
            "setting",
            PARTNER_DEFAULTS_KEY,
            before={property: old},
            after={property: new},
        )
        session.flush()
        return updated
