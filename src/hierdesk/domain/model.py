"""Names of the domain: roles, statuses, features and their dependencies."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from hierdesk.i18n.core import N_

CUSTOMER_TYPES: Final = ("organization", "person")
MEMBER_ROLES: Final = ("admin", "user")
MEMBER_STATUSES: Final = ("active", "disabled")
REQUEST_KINDS: Final = ("partner", "add_user")
REQUEST_STATUSES: Final = ("pending", "approved", "rejected")
SEQUENCE_REFERENCES: Final = ("hierarchy_id", "customer_account")
REFERENCE_LABELS: Final = {
    "hierarchy_id": N_("Customer hierarchy ID"),
    "customer_account": N_("Customer account"),
}
PURPOSE_B2B: Final = "b2b_organization"

#: Operator roles, weakest first: each role may do what the ones before it may.
OPERATOR_ROLES: Final = ("clerk", "manager", "administrator")

LABELS: Final = {
    # customer types
    "organization": N_("Organization"),
    "person": N_("Person"),
    # member roles and statuses
    "admin": N_("Admin"),
    "user": N_("User"),
    "active": N_("Active"),
    "disabled": N_("Disabled"),
    "inactive": N_("Inactive"),
    # request kinds and statuses
    "partner": N_("Partner sign-up"),
    "add_user": N_("Add user"),
    "pending": N_("Pending"),
    "approved": N_("Approved"),
    "rejected": N_("Rejected"),
    # operator roles
    "clerk": N_("Clerk"),
    "manager": N_("Manager"),
    "administrator": N_("Administrator"),
    # purpose
    PURPOSE_B2B: N_("B2B organization"),
}


def role_rank(role: str | None) -> int:
    """0 for no role; 1 clerk, 2 manager, 3 administrator."""
    return OPERATOR_ROLES.index(role) + 1 if role in OPERATOR_ROLES else 0


@dataclass(frozen=True, slots=True)
class FeatureDefinition:
    key: str
    name: str  # Dynamics 365's official feature name, translated when shown
    description: str
    requires: tuple[str, ...] = ()


FEATURES: Final = (
    FeatureDefinition(
        "b2b",
        N_("Use of B2B eCommerce capabilities"),
        N_("Partner sign-up requests, their approval and customer hierarchies for B2B sites."),
    ),
    FeatureDefinition(
        "auto_link",
        N_("Local identity record and Commerce customer automatic linking"),
        N_("Links a site sign-in to the customer with the same e-mail address."),
        ("b2b",),
    ),
    FeatureDefinition(
        "channel_restriction",
        N_("Restrict B2B sites per customer hierarchy"),
        N_("A hierarchy with channel grants may use only the granted B2B sites."),
        ("b2b",),
    ),
    FeatureDefinition(
        "catalogs",
        N_("Enable use of multiple catalogs on B2B channels"),
        N_("Each hierarchy sees the B2B catalogs assigned to it."),
        ("b2b",),
    ),
)

FEATURES_BY_KEY: Final = {f.key: f for f in FEATURES}

#: Why a request may duplicate an existing customer (DOMAIN.md rule 6).
DUPLICATE_REASONS: Final = {
    "corporate_number": N_("same corporate number"),
    "invoice_number": N_("same invoice registration number"),
    "email": N_("same e-mail address as an active user"),
    "email_domain": N_("same e-mail domain"),
    "company_name": N_("same company name"),
    "company_kana": N_("same company reading"),
}

#: Audit actions, as shown in the audit log (translated when shown).
AUDIT_ACTIONS: Final = {
    "database.init": N_("Database set up"),
    "demo.load": N_("Demo dataset loaded"),
    "channel.create": N_("Channel created"),
    "catalog.create": N_("Catalog created"),
    "catalog.change": N_("Catalog changed"),
    "catalog.assign": N_("Catalog assigned"),
    "catalog.unassign": N_("Catalog unassigned"),
    "order.import": N_("Orders imported"),
    "operator.add": N_("Operator added"),
    "feature.enable": N_("Feature enabled"),
    "feature.disable": N_("Feature disabled"),
    "database.backup": N_("Database backed up"),
    "database.restore": N_("Database restored from a backup"),
    "sequence.create": N_("Number sequence created"),
    "sequence.change": N_("Number sequence changed"),
    "sequence.assign": N_("Number sequence assigned"),
    "operator.role": N_("Operator role changed"),
    "operator.enable": N_("Operator enabled"),
    "operator.disable": N_("Operator disabled"),
    "lookup.create": N_("Lookup value created"),
    "lookup.change": N_("Lookup value changed"),
    "setting.change": N_("Setting changed"),
    "request.import": N_("Requests imported"),
    "distribution.run": N_("Customers distributed"),
    "signin.import": N_("Sign-ins imported"),
    "signin.link_pending": N_("Pending sign-ins linked"),
    "identity.link": N_("Sign-in linked"),
    "request.approve": N_("Request approved"),
    "request.reject": N_("Request rejected"),
    "customer.create": N_("Customer created"),
    "hierarchy.create": N_("Customer hierarchy created"),
    "member.add": N_("Member added"),
    "notification.sent": N_("Notification sent"),
    "notification.failed": N_("Notification could not be sent"),
    "member.role": N_("Member role changed"),
    "member.disable": N_("Member disabled"),
    "member.enable": N_("Member enabled"),
    "hierarchy.rename": N_("Customer hierarchy renamed"),
    "property.change": N_("Property changed"),
    "property.override": N_("Properties overridden"),
    "property.undo": N_("Override undone"),
    "property.redo": N_("Override redone"),
    "channel.grant": N_("Channel granted"),
    "channel.revoke": N_("Channel revoked"),
}

#: Entity types named in the audit log.
ENTITY_TYPES: Final = {
    "database": N_("Database"),
    "channel": N_("Channel"),
    "catalog": N_("Catalog"),
    "operator": N_("Operator"),
    "feature": N_("Feature"),
    "customer": N_("Customer"),
    "hierarchy": N_("Customer hierarchy"),
    "request": N_("Request"),
    "sequence": N_("Number sequence"),
    "sequence_reference": N_("Number sequence reference"),
    "lookup": N_("Lookup value"),
    "setting": N_("Setting"),
    "file": N_("File"),
    "notification": N_("Notification"),
    "identity_record": N_("Sign-in"),
}

#: One character of a code (channels, catalogs, number sequences) and of an operator login;
#: services check whole values with these, the GUI points at the characters that do not fit.
CODE_CHARACTER: Final = r"[A-Za-z0-9_-]"
LOGIN_CHARACTER: Final = r"[\w.@\\-]"
CODE_MAX: Final = 20
LOGIN_MAX: Final = 80
