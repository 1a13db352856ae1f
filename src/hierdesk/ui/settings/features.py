"""Settings ▸ Feature management (機能管理): the B2B capabilities, switched on and off by an
administrator, with their dependencies explained."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QWidget

from hierdesk.domain.dto import FeatureState
from hierdesk.i18n.core import _, ngettext
from hierdesk.i18n.formatting import format_datetime
from hierdesk.services import features
from hierdesk.ui.common.feedback import attempt
from hierdesk.ui.common.permissions import restrict
from hierdesk.ui.forms.ui_settings_features import Ui_FeaturesSection
from hierdesk.ui.settings.admin_models import (
    FeatureTableModel,
    dependencies_in_words,
    feature_description,
    feature_name,
    name_list,
    needed_by,
)
from hierdesk.ui.settings.section import Section, SectionEnv


class FeaturesSection(Section):
    def __init__(self, env: SectionEnv, parent: QWidget | None = None) -> None:
        super().__init__(env, parent)
        self.ui = Ui_FeaturesSection()
        self.ui.setupUi(self)  # type: ignore[no-untyped-call]
        self.model = FeatureTableModel(lambda: env.settings.era_dates, self)
        self.model.toggle_requested.connect(self.set_enabled)
        table = self.ui.featureTable
        table.setModel(self.model)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = table.horizontalHeader()
        # The name takes the room the others leave (and shows in full as its tool tip).
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(FeatureTableModel.COL_NAME, QHeaderView.ResizeMode.Stretch)
        table.selectionModel().currentRowChanged.connect(self._on_current)
        self.ui.toggleButton.clicked.connect(self._toggle_current)
        env.events.era_changed.connect(lambda _on: self.retranslate())
        self._may_change = False
        self._loaded = False
        self.ui.permissionBanner.hide()

    # --- loading -----------------------------------------------------------------------------

    def refresh(self) -> None:
        self.model.set_rows(features.list_features(self.env.ctx))
        self._loaded = True
        table = self.ui.featureTable
        if not table.currentIndex().isValid() and self.model.rowCount():
            table.setCurrentIndex(self.model.index(0, FeatureTableModel.COL_NAME))
        self._apply_permissions()
        self._show_current()
        self._fit_height()

    def _fit_height(self) -> None:
        """Four rows need no scrolling: the table is as high as its rows, the details follow."""
        table = self.ui.featureTable
        rows = sum(table.rowHeight(r) for r in range(self.model.rowCount()))
        frame = 2 * table.frameWidth()
        header = table.horizontalHeader()
        too_wide = header.length() > table.viewport().width()
        scroll = table.horizontalScrollBar().sizeHint().height() if too_wide else 0
        table.setMaximumHeight(header.height() + rows + frame + scroll)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_height()

    def _apply_permissions(self) -> None:
        self._may_change = restrict(
            self.env.operator(),
            "administrator",
            [self.ui.toggleButton],
            self.ui.permissionBanner,
        )
        self.model.set_editable(self._may_change)

    # --- switching ----------------------------------------------------------------------------

    def current_state(self) -> FeatureState | None:
        index = self.ui.featureTable.currentIndex()
        return self.model.row_at(index.row()) if index.isValid() else None

    def select(self, key: str) -> None:
        """Make ``key`` the selected feature (keyboard users and tests)."""
        row = self.model.row_of(key)
        if row >= 0:
            self.ui.featureTable.setCurrentIndex(self.model.index(row, FeatureTableModel.COL_NAME))

    def _toggle_current(self) -> None:
        state = self.current_state()
        if state is not None:
            self.set_enabled(state.key, not state.enabled)

    def set_enabled(self, key: str, on: bool) -> bool:
        """Switch ``key`` through the service; a refusal is shown and the table shows the real
        state again either way.  True when the feature is now as asked."""
        row = self.model.row_of(key)
        seen = self.model.row_at(row).version if row >= 0 else None
        result = attempt(self, lambda: features.set_enabled(self.env.ctx, key, on, version=seen))
        self.refresh()
        if result is None:
            return False
        self.env.events.features_changed.emit()
        return result.enabled == on

    # --- showing ------------------------------------------------------------------------------

    def _on_current(self, _current: QModelIndex, _previous: QModelIndex) -> None:
        self._show_current()

    def dependencies_text(self, state: FeatureState) -> str:
        """Requires … / needed by …, in words, and what that means right now."""
        on = {s.key for s in self.model.rows() if s.enabled}
        text = dependencies_in_words(state.key)
        missing = [k for k in state.requires if k not in on]
        active = [k for k in needed_by(state.key) if k in on]
        if missing and not state.enabled:
            text += " " + ngettext(
                "{features} is off: switch it on first.",
                "{features} are off: switch them on first.",
                len(missing),
            ).format(features=name_list(missing))
        elif active and state.enabled:
            text += " " + ngettext(
                "{features} is on: switch it off before switching this off.",
                "{features} are on: switch them off before switching this off.",
                len(active),
            ).format(features=name_list(active))
        return text

    def _show_current(self) -> None:
        ui = self.ui
        state = self.current_state()
        ui.detailGroup.setEnabled(state is not None)
        if state is None:
            for label in (
                ui.nameValue,
                ui.keyValue,
                ui.descriptionValue,
                ui.dependencyValue,
                ui.stateValue,
            ):
                label.setText("")
            ui.toggleButton.setText(_("Switch on"))
            return
        ui.nameValue.setText(feature_name(state.key))
        ui.keyValue.setText(state.key)
        ui.descriptionValue.setText(feature_description(state.key))
        ui.dependencyValue.setText(self.dependencies_text(state))
        if state.changed_by or state.changed_at:
            changed = _("{state} — changed by {login}, {when}").format(
                state=_("On") if state.enabled else _("Off"),
                login=state.changed_by or _("unknown"),
                when=format_datetime(state.changed_at, era=self.env.settings.era_dates),
            )
        else:
            changed = _("{state} — never changed").format(
                state=_("On") if state.enabled else _("Off")
            )
        ui.stateValue.setText(changed)
        ui.toggleButton.setText(_("Switch off") if state.enabled else _("Switch on"))
        ui.toggleButton.setEnabled(self._may_change)

    def retranslate(self) -> None:
        self.model.retranslate()
        if self._loaded:
            self._apply_permissions()
        self._show_current()
