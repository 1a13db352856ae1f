"""Table models of the administration sections: features, channels, catalogs and operators.

Each holds a short list of DTOs in memory (a handful of rows, loaded whole by the section's
``refresh()``); ``data()`` never touches a service.  Headers and cell texts are computed
when asked, in the current language, so ``retranslate()`` only has to tell the views to
ask again.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, TypeVar

from PySide6.QtCore import (
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from hierdesk.domain.dto import ChannelInfo, FeatureState, OperatorRow
from hierdesk.domain.model import FEATURES, FEATURES_BY_KEY, LABELS
from hierdesk.i18n.core import N_, _, pgettext
from hierdesk.i18n.formatting import format_datetime, format_number
from hierdesk.services.catalogs import CatalogInfo
from hierdesk.ui.common.models import Column, ListTableModel

T = TypeVar("T")
Index = QModelIndex | QPersistentModelIndex


def _label(code: str | None) -> str:
    return _(LABELS[code]) if code in LABELS else (code or "")


def feature_name(key: str) -> str:
    """The official (Dynamics 365) name of a feature, in the current language."""
    definition = FEATURES_BY_KEY.get(key)
    return _(definition.name) if definition is not None else key


def feature_description(key: str) -> str:
    definition = FEATURES_BY_KEY.get(key)
    return _(definition.description) if definition is not None else ""


def needed_by(key: str) -> tuple[str, ...]:
    """The features that require ``key``."""
    return tuple(f.key for f in FEATURES if key in f.requires)


def name_list(keys: Sequence[str]) -> str:
    """Feature names in quotes, joined for a sentence: “A”, “B”."""
    separator = pgettext("list separator", ", ")
    return separator.join(
        pgettext("quoted name", "“{name}”").format(name=feature_name(k)) for k in keys
    )


# --- features ----------------------------------------------------------------------------


def dependencies_in_words(key: str) -> str:
    """“Requires …” and “Needed by …” of a feature, by official names."""
    definition = FEATURES_BY_KEY.get(key)
    parts: list[str] = []
    if definition is not None and definition.requires:
        parts.append(_("Requires {features}.").format(features=name_list(definition.requires)))
    dependants = needed_by(key)
    if dependants:
        parts.append(_("Needed by {features}.").format(features=name_list(dependants)))
    if not parts:
        return _("Needs no other feature, and no other feature needs it.")
    return " ".join(parts)


class FeatureTableModel(ListTableModel[FeatureState]):
    """The four features.  The state column is a check box the administrator can switch;
    switching only *asks* (``toggle_requested``) — the section calls the service and
    reloads, so the box always shows the stored state, also after a refusal.  The
    description and the dependencies are the tool tips of the name and the state."""

    COL_STATE, COL_NAME, COL_KEY, COL_BY, COL_AT = range(5)

    toggle_requested = Signal(str, bool)

    def __init__(self, era: Callable[[], bool], parent: QObject | None = None) -> None:
        super().__init__(
            [
                Column(
                    N_("State"),
                    lambda s: _("On") if s.enabled else _("Off"),
                    tooltip=lambda s: dependencies_in_words(s.key),
                ),
                Column(
                    N_("Feature"),
                    lambda s: feature_name(s.key),
                    tooltip=lambda s: feature_description(s.key),
                ),
                Column(N_("Key"), lambda s: s.key),
                Column(N_("Changed by"), lambda s: s.changed_by or ""),
                Column(N_("Changed"), lambda s: format_datetime(s.changed_at, era=era())),
            ],
            parent,
        )
        self._editable = False

    def set_editable(self, editable: bool) -> None:
        """Whether the check boxes can be switched (administrators only)."""
        if editable != self._editable:
            self._editable = editable
            self._all_changed()

    def state_of(self, key: str) -> FeatureState | None:
        return next((s for s in self._rows if s.key == key), None)

    def row_of(self, key: str) -> int:
        return next((i for i, s in enumerate(self._rows) if s.key == key), -1)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == self.COL_STATE and self._editable:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (
            role == Qt.ItemDataRole.CheckStateRole
            and index.isValid()
            and index.column() == self.COL_STATE
            and 0 <= index.row() < len(self._rows)
        ):
            on = self._rows[index.row()].enabled
            return Qt.CheckState.Checked if on else Qt.CheckState.Unchecked
        return super().data(index, role)

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if (
            role != Qt.ItemDataRole.CheckStateRole
            or not index.isValid()
            or index.column() != self.COL_STATE
            or not self._editable
            or not 0 <= index.row() < len(self._rows)
        ):
            return False
        wanted = Qt.CheckState(value) == Qt.CheckState.Checked
        key = self._rows[index.row()].key
        self.toggle_requested.emit(key, wanted)
        # The section reloaded the rows from the service: report whether the switch took.
        state = self.state_of(key)
        return state is not None and state.enabled == wanted


# --- channels ----------------------------------------------------------------------------


class ChannelTableModel(ListTableModel[ChannelInfo]):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(
            [
                Column(N_("Code"), lambda c: c.code),
                Column(N_("Name"), lambda c: c.name),
                Column(N_("Status"), lambda c: _label("active" if c.active else "disabled")),
                Column(
                    N_("Hierarchies with a grant"),
                    lambda c: format_number(c.hierarchies),
                    align_right=True,
                ),
            ],
            parent,
        )

    def row_of(self, code: str) -> int:
        return next((i for i, c in enumerate(self._rows) if c.code == code), -1)


# --- catalogs ----------------------------------------------------------------------------


def site_list(codes: Sequence[str]) -> str:
    """Site codes joined for a table cell or a sentence."""
    return pgettext("list separator", ", ").join(codes)


class CatalogTableModel(ListTableModel[CatalogInfo]):
    """The catalogs; inactive ones are dimmed.  ``site_name`` gives a site's name for the
    tool tip of the sites column (the section knows the sites)."""

    COL_CODE, COL_NAME, COL_SITES, COL_HIERARCHIES, COL_STATUS = range(5)

    def __init__(
        self, site_name: Callable[[str], str] | None = None, parent: QObject | None = None
    ) -> None:
        self._site_name = site_name or (lambda code: code)
        super().__init__(
            [
                Column(N_("Code"), lambda c: c.code),
                Column(N_("Name"), lambda c: c.name),
                Column(
                    N_("Sites"),
                    lambda c: site_list(c.channels) or "—",
                    tooltip=self._sites_tooltip,
                    spoken=lambda c: site_list(c.channels) or _("Offered on no site"),
                ),
                Column(
                    N_("Hierarchies"),
                    lambda c: format_number(c.hierarchies),
                    align_right=True,
                ),
                Column(N_("Status"), lambda c: _label("active" if c.active else "inactive")),
            ],
            parent,
        )

    def _sites_tooltip(self, catalog: CatalogInfo) -> str:
        if not catalog.channels:
            return _("Offered on no site")
        return "\n".join(f"{code} — {self._site_name(code)}" for code in catalog.channels)

    def is_dimmed(self, row: CatalogInfo) -> bool:
        return not row.active

    def row_of(self, code: str) -> int:
        return next((i for i, c in enumerate(self._rows) if c.code == code), -1)


# --- operators ---------------------------------------------------------------------------


class OperatorTableModel(ListTableModel[OperatorRow]):
    """Operators; the current operator's row is bold and marked “(you)”."""

    def __init__(
        self,
        current_login: Callable[[], str],
        era: Callable[[], bool],
        parent: QObject | None = None,
    ) -> None:
        self._current_login = current_login
        super().__init__(
            [
                Column(N_("Login"), self._login_text),
                Column(N_("Role"), lambda o: _label(o.role)),
                Column(N_("Status"), lambda o: _label("active" if o.active else "disabled")),
                Column(N_("Added by"), lambda o: o.created_by or ""),
                Column(N_("Added"), lambda o: format_datetime(o.created_at, era=era())),
            ],
            parent,
        )

    def _login_text(self, row: OperatorRow) -> str:
        if row.login == self._current_login():
            return _("{login} (you)").format(login=row.login)
        return row.login

    def is_bold(self, row: OperatorRow) -> bool:
        return row.login == self._current_login()

    def row_of(self, login: str) -> int:
        return next((i for i, o in enumerate(self._rows) if o.login == login), -1)
