"""Table models of the Jobs area: the B2B sites with what the next distribution would
change, the run history, and the sign-ins from the sites.

Rows are DTOs held in memory (the sites are a handful, loaded whole; runs and sign-ins
come a page at a time); ``data()`` never touches a service. Texts are computed when asked,
in the current language and with the era setting, so ``retranslate()`` only has to tell
the views to ask again.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QIcon

from hierdesk.domain.distribution import OUTCOME_LABELS, PROBLEMS, next_step
from hierdesk.domain.dto import DistributionRunRow
from hierdesk.i18n.core import N_, _, pgettext
from hierdesk.i18n.formatting import format_datetime, format_number
from hierdesk.services.distribution import ChannelState
from hierdesk.services.signins import SigninRow
from hierdesk.ui.common.models import Column, ListTableModel, PagedTableModel

# --- the sites ---------------------------------------------------------------------------

SITE_COL_CODE = 0
SITE_COL_LAST_RUN = 2
SITE_COL_CUSTOMERS = 4
SITE_COL_HIERARCHIES = 5
SITE_COL_TO_PUBLISH = 6
SITE_COL_TO_WITHDRAW = 7
SITE_COL_HELD_BACK = 8


def name_list(items: Sequence[str]) -> str:
    return pgettext("list separator", ", ").join(items)


def _count(value: int | None) -> str:
    return "" if value is None else format_number(value)


def held_back_text(state: ChannelState) -> str:
    if not state.held_back:
        return _("No customer hierarchy is held back from this site.")
    return _(
        "Held back because none of their catalogs is offered on this site: {hierarchies}"
    ).format(hierarchies=name_list(state.held_back))


def to_publish_text(state: ChannelState) -> str:
    return _("{added} new, {updated} changed since the last run").format(
        added=format_number(state.pending_added), updated=format_number(state.pending_updated)
    )


#: What a column of the sites table means (its header's tool tip).
SITE_HEADER_TIPS: dict[int, str] = {
    SITE_COL_CUSTOMERS: N_("Customers in the site's file after the last run"),
    SITE_COL_HIERARCHIES: N_("Customer hierarchies in the site's file after the last run"),
    SITE_COL_TO_PUBLISH: N_("Customers the next run adds to the site's file or changes in it"),
    SITE_COL_TO_WITHDRAW: N_(
        "Customers the next run removes from the site's file (disabled, site no longer "
        "granted, held back)"
    ),
    SITE_COL_HELD_BACK: N_(
        "Customer hierarchies left out because none of their catalogs is offered on the site"
    ),
}


class SitesModel(ListTableModel[ChannelState]):
    """One row per active B2B site (``distribution.overview``). A site whose next run would
    change something is shown in bold."""

    def __init__(self, era: Callable[[], bool], parent: QObject | None = None) -> None:
        super().__init__(
            [
                Column(N_("Site"), lambda s: s.channel, tooltip=lambda s: s.name),
                Column(N_("Name"), lambda s: s.name),
                Column(
                    N_("Last run"),
                    lambda s: (
                        format_datetime(s.last_run_at, era=era()) if s.last_run_at else _("Never")
                    ),
                ),
                Column(N_("Run by"), lambda s: s.last_run_by or ""),
                Column(N_("Customers"), lambda s: _count(s.customers), True),
                Column(N_("Hierarchies"), lambda s: _count(s.hierarchies), True),
                Column(
                    N_("To publish"),
                    lambda s: format_number(s.pending_added + s.pending_updated),
                    True,
                    tooltip=to_publish_text,
                ),
                Column(N_("To withdraw"), lambda s: format_number(s.pending_withdrawn), True),
                Column(
                    N_("Held back"),
                    lambda s: format_number(len(s.held_back)),
                    True,
                    tooltip=held_back_text,
                ),
            ],
            parent,
        )

    def is_bold(self, row: ChannelState) -> bool:
        return row.pending > 0

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.ToolTipRole
            and section in SITE_HEADER_TIPS
        ):
            return _(SITE_HEADER_TIPS[section])
        return super().headerData(section, orientation, role)


# --- the run history ---------------------------------------------------------------------


def runs_model(
    era: Callable[[], bool],
    fetch: Callable[[int, int], Sequence[DistributionRunRow]],
    parent: QObject | None = None,
) -> PagedTableModel[DistributionRunRow]:
    return PagedTableModel(
        [
            Column(N_("Run at"), lambda r: format_datetime(r.run_at, era=era())),
            Column(N_("Site"), lambda r: r.channel),
            Column(N_("Run by"), lambda r: r.run_by or ""),
            Column(N_("Customers"), lambda r: format_number(r.customers), True),
            Column(N_("Hierarchies"), lambda r: format_number(r.hierarchies), True),
            Column(N_("Customers changed"), lambda r: format_number(r.changed), True),
        ],
        fetch,
        parent,
    )


# --- the sign-ins ------------------------------------------------------------------------

SIGNIN_COL_OUTCOME = 4
SIGNIN_COL_NEXT_STEP = 6


def outcome_label(outcome: str) -> str:
    return _(OUTCOME_LABELS[outcome]) if outcome in OUTCOME_LABELS else outcome


def signin_next_step(row: SigninRow) -> str:
    return next_step(row.outcome, row.detail, channel=row.channel, customer=row.customer)


def customer_text(row: SigninRow) -> str:
    return " ".join(p for p in (row.customer, row.customer_name) if p)


def signins_model(
    era: Callable[[], bool],
    warning: QIcon,
    fetch: Callable[[int, int], Sequence[SigninRow]],
    parent: QObject | None = None,
) -> PagedTableModel[SigninRow]:
    """Sign-ins, newest first; a problem row has a warning icon and its next step."""
    return PagedTableModel(
        [
            Column(N_("Signed in"), lambda r: format_datetime(r.signed_in_at, era=era())),
            Column(N_("Site"), lambda r: r.channel),
            Column(N_("Identity"), lambda r: r.identity_id),
            Column(N_("E-mail"), lambda r: r.email),
            Column(
                N_("Outcome"),
                lambda r: outcome_label(r.outcome),
                tooltip=signin_next_step,
                spoken=lambda r: f"{outcome_label(r.outcome)}: {signin_next_step(r)}",
                decoration=lambda r: warning if r.outcome in PROBLEMS else None,
            ),
            Column(
                N_("Customer"),
                lambda r: r.customer or "",
                tooltip=lambda r: customer_text(r) or None,
                spoken=customer_text,
            ),
            Column(N_("Next step"), signin_next_step, tooltip=signin_next_step),
        ],
        fetch,
        parent,
    )


__all__ = [
    "SitesModel",
    "customer_text",
    "held_back_text",
    "outcome_label",
    "runs_model",
    "signin_next_step",
    "signins_model",
]
