"""The customers distribution job (1010) and the linking of site sign-ins, decided
without a database (DOMAIN.md rules 9, 11 and 15; INTERFACES.md §5 and §6).

The services read a snapshot of the hierarchies, grants and catalogs into the plain
values below; these functions decide what each site's file holds, what changed since the
last run, and what a sign-in's outcome is.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Final

from hierdesk.domain import jp
from hierdesk.domain.errors import ValidationError
from hierdesk.domain.model import FEATURES_BY_KEY
from hierdesk.domain.rows import iso_moment
from hierdesk.i18n.core import N_, _

#: The outcomes of a sign-in (INTERFACES.md §6).
LINKED: Final = ("linked", "already_linked")
PROBLEMS: Final = (
    "auto_link_disabled",
    "identity_not_found",
    "multiple_accounts",
    "channel_denied",
    "not_distributed",
)
OUTCOMES: Final = LINKED + PROBLEMS


@dataclass(frozen=True, slots=True)
class PersonSnapshot:
    customer_id: int
    account: str
    name: str
    email: str | None
    role: str  # admin | user


@dataclass(frozen=True, slots=True)
class HierarchySnapshot:
    """A hierarchy as the job reads it: active members only (disabled ones are not
    published), its grants, and its active catalogs with the sites that offer them."""

    code: str
    name: str
    organization_id: int
    organization_account: str
    organization_name: str
    organization_email: str | None
    grants: frozenset[str]
    members: tuple[PersonSnapshot, ...]
    catalogs: Mapping[str, frozenset[str]] = field(default_factory=dict)


def usable_channels(
    grants: Collection[str], active: Sequence[str], *, restriction: bool
) -> tuple[str, ...]:
    """Rule 9: every active site with the restriction off or no grants, else the granted."""
    if not restriction or not grants:
        return tuple(active)
    return tuple(code for code in active if code in grants)


@dataclass(frozen=True, slots=True)
class ChannelContent:
    """What one site's file holds, and what was held back."""

    channel: str
    customers: tuple[dict[str, Any], ...]
    hierarchies: tuple[dict[str, Any], ...]
    #: customer id → the fingerprint of what is published about it
    fingerprints: Mapping[int, str]
    #: hierarchies held back from this site: no catalog on it while ``catalogs`` is on
    held_back: tuple[str, ...] = ()


def fingerprint(*parts: Any) -> str:
    """A stable digest of published values: equal exactly when the values are equal."""
    text = json.dumps(parts, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def channel_content(
    channel: str,
    hierarchies: Iterable[HierarchySnapshot],
    active_channels: Sequence[str],
    *,
    restriction: bool,
    catalogs_on: bool,
) -> ChannelContent:
    """The customers and hierarchies of ``channel``'s file (INTERFACES.md §5): every
    hierarchy that may use the site (rule 9), unless the ``catalogs`` feature is on and no
    catalog of the hierarchy is offered there (rule 15: held back). A hierarchy brings its
    organization and its active members; sorted by account and by hierarchy ID."""
    customers: list[dict[str, Any]] = []
    entries: list[dict[str, Any]] = []
    prints: dict[int, str] = {}
    held: list[str] = []
    for snap in sorted(hierarchies, key=lambda h: h.code):
        usable = usable_channels(snap.grants, active_channels, restriction=restriction)
        if channel not in usable:
            continue
        here = sorted(code for code, sites in snap.catalogs.items() if channel in sites)
        if catalogs_on and not here:
            held.append(snap.code)
            continue
        entry = {
            "id": snap.code,
            "name": snap.name,
            "organization": snap.organization_account,
            "channels": list(usable),
            "catalogs": here,
        }
        entries.append(entry)
        organization = {
            "account": snap.organization_account,
            "type": "organization",
            "name": snap.organization_name,
            "email": snap.organization_email,
            "hierarchy": snap.code,
            "role": None,
            "status": "active",
        }
        customers.append(organization)
        prints[snap.organization_id] = fingerprint(organization, entry)
        for person in snap.members:
            record = {
                "account": person.account,
                "type": "person",
                "name": person.name,
                "email": person.email,
                "hierarchy": snap.code,
                "role": person.role,
                "status": "active",
            }
            customers.append(record)
            prints[person.customer_id] = fingerprint(record, entry)
    customers.sort(key=lambda c: str(c["account"]))
    return ChannelContent(channel, tuple(customers), tuple(entries), prints, tuple(held))


def document(content: ChannelContent, generated_at: str) -> dict[str, Any]:
    """The channel file itself (INTERFACES.md §5)."""
    return {
        "channel": content.channel,
        "generated_at": generated_at,
        "customers": list(content.customers),
        "hierarchies": list(content.hierarchies),
    }


def same_content(a: Mapping[str, Any], b: Mapping[str, Any]) -> bool:
    """Two channel files publish the same thing (they may differ in ``generated_at``)."""
    keys = ("channel", "customers", "hierarchies")
    return all(a.get(k) == b.get(k) for k in keys)


@dataclass(frozen=True, slots=True)
class Changes:
    """What a run publishes compared with what the site already has."""

    added: tuple[int, ...]
    updated: tuple[int, ...]
    withdrawn: tuple[int, ...]

    @property
    def count(self) -> int:
        return len(self.added) + len(self.updated) + len(self.withdrawn)


def changes(current: Mapping[int, str], published: Mapping[int, tuple[str, bool]]) -> Changes:
    """Compare the fingerprints to publish with the records of earlier runs
    (customer id → (fingerprint, withdrawn)): new customers, changed ones, and those that
    are no longer in the file (disabled, grant revoked, held back) and not yet withdrawn."""
    added = [cid for cid in current if cid not in published or published[cid][1]]
    updated = [
        cid
        for cid, digest in current.items()
        if cid in published and not published[cid][1] and published[cid][0] != digest
    ]
    withdrawn = [cid for cid, (_, gone) in published.items() if not gone and cid not in current]
    return Changes(tuple(sorted(added)), tuple(sorted(updated)), tuple(sorted(withdrawn)))


# --- sign-ins ----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Candidate:
    """An active B2B person with the sign-in's e-mail, as seen from the sign-in's site."""

    customer_id: int
    account: str
    hierarchy: str
    may_use: bool
    distributed: bool


@dataclass(frozen=True, slots=True)
class SigninDecision:
    outcome: str
    customer_id: int | None = None
    #: what the clerk needs to act on: accounts, hierarchy
    detail: Mapping[str, Any] = field(default_factory=dict)


def decide_signin(
    *,
    auto_link: bool,
    candidates: Sequence[Candidate],
    linked_to: int | None,
) -> SigninDecision:
    """The outcome of one sign-in (INTERFACES.md §6): the first problem that applies, in
    the order ``auto_link_disabled``, ``identity_not_found``, ``multiple_accounts``,
    ``channel_denied``, ``not_distributed``; otherwise ``linked``, or ``already_linked``
    when the identity is linked to that customer already (``linked_to``)."""
    if not auto_link:
        return SigninDecision("auto_link_disabled")
    if not candidates:
        return SigninDecision("identity_not_found")
    if len(candidates) > 1:
        accounts = sorted(c.account for c in candidates)
        return SigninDecision("multiple_accounts", detail={"customers": accounts})
    only = candidates[0]
    detail = {"customer": only.account, "hierarchy": only.hierarchy}
    if not only.may_use:
        return SigninDecision("channel_denied", only.customer_id, detail)
    if not only.distributed:
        return SigninDecision("not_distributed", only.customer_id, detail)
    if linked_to == only.customer_id:
        return SigninDecision("already_linked", only.customer_id, detail)
    return SigninDecision("linked", only.customer_id, detail)


@dataclass(frozen=True, slots=True)
class SigninInput:
    identity_id: str
    email: str
    channel: str
    signed_in_at: datetime | None


def validate_signin(
    raw: Mapping[str, object], *, row: int
) -> tuple[SigninInput | None, list[ValidationError]]:
    """Check one row of a sign-in file (INTERFACES.md §6): ``identity_id``, ``email`` and
    ``channel`` are required, ``signed_in_at`` is ISO 8601 when given."""
    errors: list[ValidationError] = []

    def text(name: str) -> str | None:
        value = raw.get(name)
        stripped = str(value).strip() if value is not None else ""
        return stripped or None

    def required(name: str) -> str | None:
        value = text(name)
        if value is None:
            errors.append(
                ValidationError(
                    "field_required", N_("{field}: a value is required."), field=name, row=row
                )
            )
        return value

    identity = required("identity_id")
    if identity is not None and len(identity) > 100:
        errors.append(
            ValidationError(
                "field_too_long",
                N_("{field}: at most {limit} characters; this value has {count}."),
                field="identity_id",
                row=row,
                limit=100,
                count=len(identity),
            )
        )
    if identity is not None and any(
        ord(ch) < 32 or ord(ch) == 127 or 0xD800 <= ord(ch) < 0xE000 for ch in identity
    ):
        errors.append(
            ValidationError(
                "field_control_characters",
                N_("{field}: the value contains control characters."),
                field="identity_id",
                row=row,
            )
        )
    email = required("email")
    if email is not None:
        try:
            email = jp.validate_email(email)
        except ValidationError as err:
            err.row = row
            err.params["row"] = row
            errors.append(err)
    channel = required("channel")
    moment: datetime | None = None
    when = text("signed_in_at")
    if when is not None:
        try:
            moment = iso_moment(when)
        except ValueError:
            errors.append(
                ValidationError(
                    "date_invalid",
                    N_(
                        "{field}: “{value}” is not an ISO 8601 date and time such as "
                        "2026-11-26T09:30:00+09:00."
                    ),
                    field="signed_in_at",
                    row=row,
                    value=when,
                )
            )
    if errors or identity is None or email is None or channel is None:
        return None, errors
    return SigninInput(identity, email, channel, moment), []


#: What each outcome is called, in lists and filters.
OUTCOME_LABELS: Final = {
    "linked": N_("Linked"),
    "already_linked": N_("Already linked"),
    "auto_link_disabled": N_("Automatic linking off"),
    "identity_not_found": N_("No customer with this e-mail"),
    "multiple_accounts": N_("Several customers share the e-mail"),
    "channel_denied": N_("Site not allowed"),
    "not_distributed": N_("Not yet distributed"),
}


def next_step(
    outcome: str,
    detail: Mapping[str, Any],
    *,
    channel: str,
    customer: str | None = None,
) -> str:
    """What a clerk does about a sign-in, in plain words of the current language."""
    who = customer or str(detail.get("customer") or "")
    hierarchy = str(detail.get("hierarchy") or "")
    if outcome == "linked":
        return _("Linked to {customer}.").format(customer=who)
    if outcome == "already_linked":
        return _("Linked to {customer} before; nothing to do.").format(customer=who)
    if outcome == "auto_link_disabled":
        return _(
            "Automatic linking is off. An administrator switches on “{feature}” under "
            "Settings ▸ Feature management; then choose Link pending."
        ).format(feature=_(FEATURES_BY_KEY["auto_link"].name))
    if outcome == "identity_not_found":
        if detail.get("disabled"):
            return _(
                "{customer} has this e-mail but is disabled in {hierarchy}; enable the member "
                "if they should sign in, then choose Link pending."
            ).format(customer=detail["disabled"], hierarchy=hierarchy)
        return _(
            "No active B2B person has this e-mail: approve their request or add them to "
            "their hierarchy, run the customers distribution, then choose Link pending."
        )
    if outcome == "multiple_accounts":
        return _(
            "Several customers share this e-mail: {customers}. Keep one active member with "
            "it (disable or change the others), then choose Link pending."
        ).format(customers=", ".join(detail.get("customers", ())))
    if outcome == "channel_denied" and detail.get("site_inactive"):
        return _(
            "{channel} is not an active B2B site: an administrator activates it under "
            "Settings ▸ Channels, or the partner signs in on another site."
        ).format(channel=channel)
    if outcome == "channel_denied":
        return _(
            "{hierarchy} may not use {channel}: grant the site to the hierarchy, or ask the "
            "partner to sign in on a site they may use."
        ).format(hierarchy=hierarchy, channel=channel)
    if outcome == "not_distributed":
        return _(
            "{customer} is not yet published to {channel}: run the customers distribution "
            "first, then choose Link pending."
        ).format(customer=who, channel=channel)
    return ""
