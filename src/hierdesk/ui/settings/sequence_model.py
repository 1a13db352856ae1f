"""The number sequences as a table: code, name, format, smallest, largest, next, continuous,
stopped and the references each one issues the IDs of.

Rows are SequenceInfo DTOs kept in memory (``set_rows``); ``data()`` never calls a service.
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

from hierdesk.domain.dto import SequenceInfo
from hierdesk.domain.errors import ValidationError
from hierdesk.domain.model import REFERENCE_LABELS
from hierdesk.domain.numbering import parse_format
from hierdesk.i18n.core import N_, _
from hierdesk.i18n.formatting import format_number
from hierdesk.ui.common.models import Column, ListTableModel

Index = QModelIndex | QPersistentModelIndex


#: The references a sequence can be assigned to, as shown (translated when shown).
HEADERS: Final = (
    N_("Code"),
    N_("Name"),
    N_("Format"),
    N_("Smallest"),
    N_("Largest"),
    N_("Next"),
    N_("Continuous"),
    N_("Stopped"),
    N_("Used for"),
)
(
    COL_CODE,
    COL_NAME,
    COL_FORMAT,
    COL_SMALLEST,
    COL_LARGEST,
    COL_NEXT,
    COL_CONTINUOUS,
    COL_STOPPED,
    COL_REFERENCES,
) = range(len(HEADERS))


def reference_label(reference: str) -> str:
    label = REFERENCE_LABELS.get(reference)
    return _(label) if label is not None else reference


def next_id(seq: SequenceInfo) -> str | None:
    """The ID the sequence issues next, or None when it would refuse (stopped, used up)."""
    if seq.stopped or seq.next > seq.largest:
        return None
    try:
        return parse_format(seq.format).render(seq.next)
    except ValidationError:
        return None


def state_in_words(seq: SequenceInfo) -> str:
    """What the sequence will do next, in the current language."""
    if seq.stopped:
        return _("{code} is stopped: it issues no IDs.").format(code=seq.code)
    if seq.next > seq.largest:
        return _("{code} is used up: it ends at {largest}.").format(
            code=seq.code, largest=format_number(seq.largest)
        )
    following = next_id(seq)
    if following is None:
        return _("{code} has a format that cannot be used.").format(code=seq.code)
    return _("{code} issues {id} next.").format(code=seq.code, id=following)


def _yes_no(value: bool) -> str:
    return _("Yes") if value else _("No")


class SequenceTableModel(ListTableModel[SequenceInfo]):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(
            [
                Column(HEADERS[COL_CODE], lambda s: s.code),
                Column(HEADERS[COL_NAME], lambda s: s.name),
                Column(HEADERS[COL_FORMAT], lambda s: s.format),
                Column(HEADERS[COL_SMALLEST], lambda s: format_number(s.smallest), True),
                Column(HEADERS[COL_LARGEST], lambda s: format_number(s.largest), True),
                Column(HEADERS[COL_NEXT], lambda s: format_number(s.next), True),
                Column(HEADERS[COL_CONTINUOUS], lambda s: _yes_no(s.continuous)),
                Column(HEADERS[COL_STOPPED], lambda s: _yes_no(s.stopped)),
                Column(
                    HEADERS[COL_REFERENCES],
                    lambda s: ", ".join(reference_label(r) for r in s.references),
                    spoken=lambda s: (
                        ", ".join(reference_label(r) for r in s.references) or _("Not assigned")
                    ),
                ),
            ],
            parent,
        )

    def set_rows(self, rows: Sequence[SequenceInfo]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_of(self, code: str) -> int:
        """The row of ``code``, or -1."""
        return next((i for i, s in enumerate(self._rows) if s.code == code), -1)

    def assigned(self, reference: str) -> SequenceInfo | None:
        """The sequence that issues the IDs of ``reference``, if any."""
        return next((s for s in self._rows if reference in s.references), None)

    def row_tooltip(self, row: SequenceInfo) -> str | None:
        return state_in_words(row)

    def is_dimmed(self, row: SequenceInfo) -> bool:
        return next_id(row) is None
