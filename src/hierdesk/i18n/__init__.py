"""Localisation: gettext catalogs (core), Babel formatting, the Designer extractor and,
in :mod:`hierdesk.i18n.qt`, the bridge to Qt's translators (used by ``ui`` and ``app`` only)."""

from hierdesk.i18n.core import (
    LANGUAGE_NAMES,
    LANGUAGES,
    N_,
    _,
    current_language,
    ngettext,
    normalize_language,
    pgettext,
    set_language,
)

__all__ = [
    "LANGUAGES",
    "LANGUAGE_NAMES",
    "N_",
    "_",
    "current_language",
    "ngettext",
    "normalize_language",
    "pgettext",
    "set_language",
]
