"""The settings pane: a list of sections beside the section shown."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QWidget

from hierdesk.ui.forms.ui_settings_pane import Ui_SettingsPane
from hierdesk.ui.settings.catalogs import CatalogsSection
from hierdesk.ui.settings.channels import ChannelsSection
from hierdesk.ui.settings.features import FeaturesSection
from hierdesk.ui.settings.language import LanguageSection
from hierdesk.ui.settings.lookups import LookupsSection
from hierdesk.ui.settings.notifications import NotificationsSection
from hierdesk.ui.settings.operators import OperatorsSection
from hierdesk.ui.settings.section import Section, SectionEnv
from hierdesk.ui.settings.sequences import SequencesSection

#: In the order of the section list in ui/settings_pane.ui.
SECTIONS: tuple[tuple[str, type[Section]], ...] = (
    ("features", FeaturesSection),
    ("sequences", SequencesSection),
    ("channels", ChannelsSection),
    ("catalogs", CatalogsSection),
    ("lookups", LookupsSection),
    ("operators", OperatorsSection),
    ("notifications", NotificationsSection),
    ("language", LanguageSection),
)


class SettingsPane(QWidget):
    def __init__(self, env: SectionEnv, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.env = env
        self.ui = Ui_SettingsPane()
        self.ui.setupUi(self)  # type: ignore[no-untyped-call]
        self.sections: dict[str, Section] = {}
        for key, cls in SECTIONS:
            section = cls(env, self.ui.sectionStack)
            section.setObjectName(f"{key}Section")
            self.ui.sectionStack.addWidget(section)
            self.sections[key] = section
        self.ui.sectionList.currentRowChanged.connect(self._show)
        self.ui.sectionList.setCurrentRow(0)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.ui.retranslateUi(self)  # type: ignore[no-untyped-call]
        super().changeEvent(event)

    def _show(self, row: int) -> None:
        if 0 <= row < len(SECTIONS):
            self.ui.sectionStack.setCurrentIndex(row)
            self.sections[SECTIONS[row][0]].refresh()

    def show_section(self, key: str) -> Section:
        row = [k for k, _cls in SECTIONS].index(key)
        self.ui.sectionList.setCurrentRow(row)
        return self.sections[key]

    def refresh(self) -> None:
        current = self.ui.sectionStack.currentIndex()
        if 0 <= current < len(SECTIONS):
            self.sections[SECTIONS[current][0]].refresh()
