"""What every settings section gets, and the base class they share."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QObject, Signal
from PySide6.QtWidgets import QWidget

from hierdesk.domain.dto import OperatorInfo
from hierdesk.i18n.qt import LanguageSwitcher
from hierdesk.services.context import Context
from hierdesk.settings import Settings


class SettingsEvents(QObject):
    """Changes that other parts of the window react to."""

    features_changed = Signal()  # areas that need b2b come alive or go quiet
    era_changed = Signal(bool)
    language_requested = Signal(str)


@dataclass
class SectionEnv:
    ctx: Context
    switcher: LanguageSwitcher
    settings: Settings
    save_settings: Callable[[], None]
    operator: Callable[[], OperatorInfo]  # the current operator (re-read on refresh)
    events: SettingsEvents


class Section(QWidget):
    """Base of a settings section. Subclasses build their form in ``__init__``, load data in
    ``refresh()`` and re-set texts made in code in ``retranslate()``."""

    def __init__(self, env: SectionEnv, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.env = env

    def refresh(self) -> None:
        """Reload from the services (the section was shown, or the user pressed F5)."""

    def retranslate(self) -> None:
        """Texts set in code, in the current language."""

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            retranslate_ui = getattr(getattr(self, "ui", None), "retranslateUi", None)
            if retranslate_ui is not None:
                retranslate_ui(self)
            self.retranslate()
        super().changeEvent(event)
