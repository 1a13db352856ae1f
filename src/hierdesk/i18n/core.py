"""gettext catalogs for hierdesk, managed by Babel.

English is the source language; Japanese comes from ``locale/ja/LC_MESSAGES/hierdesk.mo``
inside the package (compiled from ``translations/`` by ``packaging/build_catalogs.py``).

The current language is process-wide state, as gettext's is: the CLI sets it once, the GUI
switches it live.  Nothing here caches translated text — call ``_()`` when the text is shown.
"""

from __future__ import annotations

import gettext as _gettext
from pathlib import Path
from typing import Final

DOMAIN: Final = "hierdesk"
SOURCE_LANGUAGE: Final = "en"
#: Languages the application offers, in the order shown in menus.
LANGUAGES: Final = ("ja", "en")
#: Language names are shown in their own language and never translated.
LANGUAGE_NAMES: Final = {"ja": "日本語", "en": "English"}

LOCALE_DIR: Final = Path(__file__).resolve().parent.parent / "locale"

_translations: dict[str, _gettext.NullTranslations] = {}
_current: str = SOURCE_LANGUAGE


def normalize_language(value: str | None) -> str | None:
    """Map ``ja``, ``ja_JP``, ``ja-JP.UTF-8``, ``English`` … to a supported code, or None."""
    if not value:
        return None
    code = value.strip().replace("-", "_").split(".")[0].split("_")[0].lower()
    if code in LANGUAGES:
        return code
    if code in ("japanese", "日本語"):
        return "ja"
    if code == "english":
        return "en"
    return None


def translations_for(language: str) -> _gettext.NullTranslations:
    """The catalog of ``language`` (a NullTranslations for the source language)."""
    cached = _translations.get(language)
    if cached is not None:
        return cached
    if language == SOURCE_LANGUAGE:
        result: _gettext.NullTranslations = _gettext.NullTranslations()
    else:
        result = _gettext.translation(
            DOMAIN, localedir=str(LOCALE_DIR), languages=[language], fallback=True
        )
    _translations[language] = result
    return result


def set_language(language: str) -> None:
    """Make ``language`` ("ja" or "en") current for ``_()`` and formatting."""
    code = normalize_language(language)
    if code is None:
        raise ValueError(f"unsupported language: {language!r}")
    global _current
    _current = code


def current_language() -> str:
    return _current


def has_translation(message: str, context: str | None = None) -> bool:
    """Whether the current catalog has ``message`` (used by the Qt bridge to let Qt's own
    catalogs answer for Qt's strings)."""
    t = translations_for(_current)
    if context:
        return t.pgettext(context, message) != message
    return t.gettext(message) != message


def _(message: str) -> str:
    """Translate ``message`` into the current language. Use ``{name}`` placeholders and
    ``.format()`` after translation — never an f-string inside ``_()``."""
    return translations_for(_current).gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    return translations_for(_current).ngettext(singular, plural, n)


def pgettext(context: str, message: str) -> str:
    return translations_for(_current).pgettext(context, message)


def N_(message: str) -> str:
    """Mark ``message`` for extraction without translating it now (translate when shown)."""
    return message
