"""The bridge between the gettext catalogs and Qt (used by ``ui`` and ``app`` only).

``GettextTranslator`` answers Qt's ``translate(context, text, disambiguation)`` — the calls
made by the generated forms' ``retranslateUi`` — from the same gettext catalog as ``_()``.
``LanguageSwitcher`` switches the whole application live: gettext language, Qt's own
catalog for standard buttons and dialogs, ``QLocale.setDefault`` and a ``locale_changed``
signal for models; installing the translators makes Qt send ``LanguageChange`` to every
widget.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import (
    QCoreApplication,
    QLibraryInfo,
    QLocale,
    QObject,
    QTranslator,
    Signal,
)

from hierdesk.i18n import core


class GettextTranslator(QTranslator):
    """A QTranslator backed by the gettext catalog of the current language."""

    def translate(  # type: ignore[override]
        self,
        context: str,
        source_text: str,
        disambiguation: str | None = None,
        n: int = -1,
    ) -> str | None:
        if not source_text:
            return None
        if disambiguation:
            translated = core.pgettext(disambiguation, source_text)
        else:
            translated = core._(source_text)
        # A null QString (None) lets the next translator — Qt's own catalog — answer, and
        # Qt falls back to the source text; an empty string would blank the text.
        return translated if translated != source_text else None

    def isEmpty(self) -> bool:
        # Qt sends LanguageChange only for translators that are not empty.
        return False


_QT_LOCALES = {
    "ja": QLocale(QLocale.Language.Japanese, QLocale.Country.Japan),
    "en": QLocale(QLocale.Language.English, QLocale.Country.UnitedStates),
}


class LanguageSwitcher(QObject):
    """Owns the application's translators and switches the language at run time."""

    locale_changed = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._gettext = GettextTranslator(self)
        self._qt = QTranslator(self)
        self._installed = False
        self._language = ""

    @property
    def language(self) -> str:
        return self._language

    def set_language(self, language: str) -> None:
        code = core.normalize_language(language)
        if code is None:
            raise ValueError(f"unsupported language: {language!r}")
        if code == self._language:
            return
        app = QCoreApplication.instance()
        if app is None:
            raise RuntimeError("a QApplication must exist before the language is set")
        core.set_language(code)
        QLocale.setDefault(_QT_LOCALES[code])
        if self._installed:
            app.removeTranslator(self._qt)
            app.removeTranslator(self._gettext)
            self._installed = False
        old_qt = self._qt
        self._qt = QTranslator(self)
        old_qt.deleteLater()
        if code != core.SOURCE_LANGUAGE:
            path = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
            if not self._qt.load(_QT_LOCALES[code], "qtbase", "_", path):
                # a bundle without Qt's catalogs: the standard buttons stay in English
                logging.getLogger(__name__).warning(
                    "Qt's own translations for %s are not in %s", code, path
                )
        self._language = code
        # Installed after Qt's catalog, so it is asked first; both for every language, so
        # that each switch makes Qt send LanguageChange to all widgets.
        app.installTranslator(self._qt)
        app.installTranslator(self._gettext)
        self._installed = True
        self.locale_changed.emit(code)
