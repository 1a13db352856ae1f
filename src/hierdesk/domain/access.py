"""Channel access (DOMAIN.md rule 9), decided without a database.

With ``channel_restriction`` off, or with no grants, a hierarchy's members may use every
B2B channel; with grants, only those. Beyond the rule: a customer outside any hierarchy, a
disabled member, an inactive site, or B2B switched off is refused with its own reason.
"""

from __future__ import annotations

from collections.abc import Collection
from typing import Final

from hierdesk.domain.dto import AccessDecision
from hierdesk.i18n.core import N_

#: Stable reason codes (``access check`` prints them) and what they mean.
REASONS: Final = {
    "b2b_disabled": N_("B2B is switched off"),
    "channel_inactive": N_("the B2B site is not active"),
    "not_in_hierarchy": N_("the customer is not in a customer hierarchy"),
    "member_disabled": N_("the member is disabled"),
    "restriction_off": N_("site restriction is off — all B2B sites"),
    "no_grants": N_("no channels granted — all B2B sites"),
    "granted": N_("the site is granted to the hierarchy"),
    "not_granted": N_("the site is not among the hierarchy's grants"),
}


def decide(
    *,
    b2b: bool,
    restriction: bool,
    channel: str,
    channel_active: bool,
    in_hierarchy: bool,
    member_active: bool,
    grants: Collection[str],
) -> AccessDecision:
    """Decide access; the first reason that applies, in the order of :data:`REASONS`."""
    if not b2b:
        return AccessDecision(False, "b2b_disabled")
    if not channel_active:
        return AccessDecision(False, "channel_inactive")
    if not in_hierarchy:
        return AccessDecision(False, "not_in_hierarchy")
    if not member_active:
        return AccessDecision(False, "member_disabled")
    if not restriction:
        return AccessDecision(True, "restriction_off")
    if not grants:
        return AccessDecision(True, "no_grants")
    if channel in grants:
        return AccessDecision(True, "granted")
    return AccessDecision(False, "not_granted")
