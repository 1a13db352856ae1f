"""Settings ▸ Language and formats: the desk's language and Japanese era dates."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtWidgets import QWidget

from hierdesk.domain.model import LABELS
from hierdesk.i18n.core import _
from hierdesk.i18n.formatting import format_date
from hierdesk.ui.forms.ui_settings_language import Ui_LanguageSection
from hierdesk.ui.settings.section import Section, SectionEnv


class LanguageSection(Section):
    def __init__(self, env: SectionEnv, parent: QWidget | None = None) -> None:
        super().__init__(env, parent)
        self.ui = Ui_LanguageSection()
        self.ui.setupUi(self)  # type: ignore[no-untyped-call]
        self.ui.languageCombo.setItemData(0, "ja")
        self.ui.languageCombo.setItemData(1, "en")
        self.ui.languageCombo.activated.connect(
            lambda i: env.events.language_requested.emit(str(self.ui.languageCombo.itemData(i)))
        )
        self.ui.eraCheck.setChecked(env.settings.era_dates)
        self.ui.eraCheck.toggled.connect(self._set_era)
        self.retranslate()

    def _set_era(self, on: bool) -> None:
        self.env.settings.era_dates = on
        self.env.save_settings()
        self.env.events.era_changed.emit(on)
        self.retranslate()

    def retranslate(self) -> None:
        ui = self.ui
        ui.languageCombo.setCurrentIndex(0 if self.env.switcher.language == "ja" else 1)
        today = datetime.now(UTC)
        ui.datePreview.setText(format_date(today, era=self.env.settings.era_dates))
        ui.databaseValue.setText(self.env.ctx.database.display)
        operator = self.env.operator()
        role = _(LABELS[operator.role]) if operator.role else _("not registered")
        ui.operatorValue.setText(_("{login} ({role})").format(login=operator.login, role=role))
