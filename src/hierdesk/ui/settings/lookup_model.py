"""The values of one lookup as a table: code, Japanese name, English name, default, active.

Rows are LookupInfo DTOs kept in memory (``set_rows``); ``data()`` never calls a service.
Headers and texts are translated each time they are asked for, so after a language switch
``retranslate()`` only has to tell the views.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final

from PySide6.QtCore import (
    QModelIndex,
    QObject,
    QPersistentModelIndex,
)

from hierdesk.domain.dto import LookupInfo
from hierdesk.i18n.core import N_, _, current_language
from hierdesk.ui.common.models import Column, ListTableModel

Index = QModelIndex | QPersistentModelIndex

HEADERS: Final = (
    N_("Code"),
    N_("Japanese name"),
    N_("English name"),
    N_("Default"),
    N_("Status"),
)
COL_CODE, COL_NAME_JA, COL_NAME_EN, COL_DEFAULT, COL_ACTIVE = range(len(HEADERS))


def local_name(value: LookupInfo) -> str:
    """The value's name in the current language (the other one if that is empty)."""
    if current_language() == "ja":
        return value.name_ja or value.name_en
    return value.name_en or value.name_ja


class LookupTableModel(ListTableModel[LookupInfo]):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(
            [
                Column(HEADERS[COL_CODE], lambda v: v.code),
                Column(HEADERS[COL_NAME_JA], lambda v: v.name_ja),
                Column(HEADERS[COL_NAME_EN], lambda v: v.name_en),
                Column(
                    HEADERS[COL_DEFAULT],
                    lambda v: _("Default") if v.is_default else "",
                    spoken=lambda v: _("Default") if v.is_default else _("Not default"),
                ),
                Column(HEADERS[COL_ACTIVE], lambda v: _("Active") if v.active else _("Inactive")),
            ],
            parent,
        )

    def set_rows(self, rows: Sequence[LookupInfo]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_of(self, code: str) -> int:
        """The row of ``code``, or -1."""
        return next((i for i, v in enumerate(self._rows) if v.code == code), -1)

    def row_tooltip(self, row: LookupInfo) -> str | None:
        if row.is_default:
            return _("{name} ({code}) is given to new partners.").format(
                name=local_name(row), code=row.code
            )
        if not row.active:
            return _("{name} ({code}) is inactive: it is no longer offered.").format(
                name=local_name(row), code=row.code
            )
        return f"{local_name(row)} ({row.code})"

    def is_bold(self, row: LookupInfo) -> bool:
        return row.is_default

    def is_dimmed(self, row: LookupInfo) -> bool:
        return not row.active
