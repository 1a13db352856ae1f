"""Settings ▸ Number sequences (番号シーケンス): the sequences that issue customer hierarchy
IDs and customer accounts, edited with validation as you type and a preview of the next IDs,
and which sequence each reference takes its IDs from (DOMAIN.md rule 10).

Administrators edit; clerks and managers see the same screen read-only with the reason.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from typing import Final

from PySide6.QtCore import QModelIndex
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import (
    QComboBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QWidget,
)

from hierdesk.domain.dto import SequenceInfo
from hierdesk.domain.errors import ConflictError, HierdeskError, ValidationError
from hierdesk.domain.model import CODE_CHARACTER, SEQUENCE_REFERENCES
from hierdesk.domain.numbering import SequenceFormat, parse_format, validate_sequence
from hierdesk.i18n.core import N_, _
from hierdesk.i18n.formatting import format_number
from hierdesk.services import sequences
from hierdesk.ui.common.feedback import attempt, show_error
from hierdesk.ui.common.permissions import restrict
from hierdesk.ui.forms.ui_settings_sequences import Ui_SequencesSection
from hierdesk.ui.settings import fields
from hierdesk.ui.settings.section import Section, SectionEnv
from hierdesk.ui.settings.sequence_model import (
    COL_NAME,
    SequenceTableModel,
    next_id,
    reference_label,
    state_in_words,
)

#: The largest number the form accepts (the database stores 64-bit integers).
NUMBER_MAX: Final = 10**18
#: What services.sequences accepts for a name (the column holds 100 characters).
NAME_MAX: Final = 100
#: How many IDs the preview shows.
PREVIEW_COUNT: Final = 3

_CODE_CHAR: Final = re.compile(CODE_CHARACTER)
_FIELD_MARK: Final = "\x00"
_FIELD_PREFIX: Final = re.compile(r"\x00\s*[:：]?\s*")
_INVALID_BASE: Final = QColor("#fde8eb")

# Messages kept as msgids, so a language switch also changes those already on screen.
CREATED: Final = N_("Number sequence {code} created.")
SAVED: Final = N_("Number sequence {code} saved.")
RELOADED: Final = N_(
    "Not saved: {code} was changed by another desk. The form now shows its saved values."
)
ASSIGNED: Final = N_("{reference} now takes its IDs from {code}.")
#: The service's own refusal (services.sequences.update_sequence), shown as you type.
NEXT_LOWERED: Final = N_(
    "The next number of {code} cannot go back from {current} to {next}: IDs already issued "
    "would be issued again."
)

#: The descriptions of the form's fields for screen readers (as in the .ui file); a problem
#: replaces them while it lasts.
DESCRIPTIONS: Final = {
    "code": N_("1 to 20 letters, digits, - or _"),
    "name": N_("Up to 100 characters; empty: the code"),
    "format": N_("Constant characters around one run of # for the number, for example CH-######"),
    "smallest": N_("A whole number of 0 or more"),
    "largest": N_("A whole number; empty: the largest the format holds"),
    "next": N_("The number of the next ID; it can only move forward"),
}
FIELDS: Final = tuple(DESCRIPTIONS)
_NUMBER_FIELDS: Final = ("smallest", "largest", "next")


def code_problem(code: str, existing: set[str]) -> str | None:
    """What is wrong with the code of a new sequence, in the current language, or None."""
    return fields.code_problem(code, existing, N_("The number sequence {code} exists already."))


def parse_number(text: str) -> tuple[int | None, str | None]:
    """A whole number typed by the user (full-width digits and thousands separators are
    fine): ``(value, None)``, ``(None, problem)``, or ``(None, None)`` when empty."""
    cleaned = re.sub(r"[\s,]", "", unicodedata.normalize("NFKC", text))
    if not cleaned:
        return None, None
    if not (cleaned.isascii() and cleaned.isdigit()):
        return None, _("Enter a whole number of 0 or more, in digits.")
    value = int(cleaned)
    if value > NUMBER_MAX:
        return None, _("At most {limit}.").format(limit=format_number(NUMBER_MAX))
    return value, None


def field_message(error: ValidationError) -> str:
    """The message of a refused field for showing next to that field: in the current
    language, without the ``field:`` that names it on the command line."""
    params = dict(error.params)
    params["field"] = _FIELD_MARK
    text = _FIELD_PREFIX.sub("", _(error.template).format(**params)).strip()
    return text[:1].upper() + text[1:]


@dataclass
class Check:
    """What the form holds, and what is wrong with it (field → message)."""

    code: str
    name: str
    fmt: str
    parsed: SequenceFormat | None
    smallest: int | None
    largest: int | None
    next: int | None
    continuous: bool
    stopped: bool
    problems: dict[str, str] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not self.problems

    def differs_from(self, seq: SequenceInfo) -> bool:
        return (
            (self.name or seq.code) != seq.name
            or self.fmt != seq.format
            or self.smallest != seq.smallest
            or self.largest != seq.largest
            or self.next != seq.next
            or self.continuous != seq.continuous
            or self.stopped != seq.stopped
        )


class SequencesSection(Section):
    def __init__(self, env: SectionEnv, parent: QWidget | None = None) -> None:
        super().__init__(env, parent)
        self.ui = Ui_SequencesSection()
        self.ui.setupUi(self)  # type: ignore[no-untyped-call]
        ui = self.ui
        self.model = SequenceTableModel(self)
        table = ui.sequenceTable
        table.setModel(self.model)
        header = table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_NAME, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(40)
        table.selectionModel().currentRowChanged.connect(self._on_current_row)

        self._edits: dict[str, QLineEdit] = {
            "code": ui.codeEdit,
            "name": ui.nameEdit,
            "format": ui.formatEdit,
            "smallest": ui.smallestEdit,
            "largest": ui.largestEdit,
            "next": ui.nextEdit,
        }
        self._problem_labels: dict[str, QLabel] = {
            "code": ui.codeProblem,
            "name": ui.nameProblem,
            "format": ui.formatProblem,
            "smallest": ui.smallestProblem,
            "largest": ui.largestProblem,
            "next": ui.nextProblem,
        }
        self._normal_palette = QPalette(ui.codeEdit.palette())
        for key, edit in self._edits.items():
            edit.textEdited.connect(lambda _text, k=key: self._on_edited(k))
            edit.returnPressed.connect(self.save)
        for check in (ui.continuousCheck, ui.stoppedCheck):
            check.clicked.connect(lambda _on: self._on_edited(None))
        ui.saveButton.clicked.connect(self.save)
        ui.revertButton.clicked.connect(self.revert)
        ui.newButton.clicked.connect(lambda: self.start_new())

        self._references: dict[str, tuple[QComboBox, QPushButton, QLabel]] = {
            "hierarchy_id": (ui.hierarchyCombo, ui.hierarchyAssignButton, ui.hierarchyNext),
            "customer_account": (ui.accountCombo, ui.accountAssignButton, ui.accountNext),
        }
        assert set(self._references) == set(SEQUENCE_REFERENCES)
        for reference, (combo, button, _label) in self._references.items():
            combo.currentIndexChanged.connect(lambda _i: self._update_reference_buttons())
            button.clicked.connect(lambda _on=False, r=reference: self.assign(r))

        ui.permissionBanner.hide()
        self._editing: SequenceInfo | None = None  # the sequence in the form; None: a new one
        self._touched: set[str] = set()  # fields typed in (or loaded): their problems show
        self._may_change = False
        self._loaded = False
        self._syncing = False  # selecting a row from code, not by the user
        self._result: tuple[str, str] | None = None  # msgid, code
        self._reference_result: tuple[str, str] | None = None  # reference, code
        self.start_new()

    # --- loading -------------------------------------------------------------------------

    def refresh(self) -> None:
        self._reload()

    def _reload(self, *, reload_form: bool = False) -> bool:
        """Load the sequences; the form keeps what the user is typing unless ``reload_form``
        or the sequence in it was changed meanwhile."""
        try:
            rows = sequences.list_sequences(self.env.ctx)
        except HierdeskError as error:
            show_error(self, error)
            return False
        self._set_rows(rows, reload_form=reload_form)
        return True

    def _set_rows(self, rows: list[SequenceInfo], *, reload_form: bool = False) -> None:
        editing = self._editing
        dirty = self._is_dirty()
        self._syncing = True
        try:
            self.model.set_rows(rows)
        finally:
            self._syncing = False
        self._loaded = True
        self._apply_permissions()
        if editing is not None:
            row = self.model.row_of(editing.code)
            if row < 0:
                self.start_new()
            else:
                fresh = self.model.row_at(row)
                if reload_form or not dirty or fresh.version != editing.version:
                    self._load(fresh)  # keep what the user is typing unless it is stale
                else:
                    self._editing = fresh
                self._select_row(row)
        elif not self._may_change and not self._is_dirty() and self.model.rowCount():
            self._load(self.model.row_at(0))  # nothing to create: show a sequence
            self._select_row(0)
        self._fill_references()
        self.validate()

    def _apply_permissions(self) -> None:
        ui = self.ui
        self._may_change = restrict(
            self.env.operator(),
            "administrator",
            [ui.editGroup, ui.referencesGroup],
            ui.permissionBanner,
        )

    def select_code(self, code: str) -> None:
        """Load the sequence ``code`` into the form (keyboard users and tests)."""
        row = self.model.row_of(code)
        if row >= 0:
            self.ui.sequenceTable.setCurrentIndex(self.model.index(row, 0))
            self.ui.sequenceTable.scrollTo(self.model.index(row, 0))

    def _select_row(self, row: int) -> None:
        self._syncing = True
        try:
            self.ui.sequenceTable.setCurrentIndex(self.model.index(row, 0))
        finally:
            self._syncing = False

    def _on_current_row(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self._syncing or not current.isValid():
            return
        self._result = None
        self._load(self.model.row_at(current.row()))

    # --- the form ------------------------------------------------------------------------

    def _load(self, seq: SequenceInfo) -> None:
        ui = self.ui
        self._editing = seq
        ui.codeEdit.setText(seq.code)
        ui.codeEdit.setReadOnly(True)
        ui.nameEdit.setText(seq.name)
        ui.formatEdit.setText(seq.format)
        ui.smallestEdit.setText(str(seq.smallest))
        ui.largestEdit.setText(str(seq.largest))
        ui.nextEdit.setText(str(seq.next))
        ui.continuousCheck.setChecked(seq.continuous)
        ui.stoppedCheck.setChecked(seq.stopped)
        ui.stoppedCheck.setEnabled(True)
        self._touched = set(FIELDS)
        self.validate()

    def start_new(self) -> None:
        """Empty the form for a new sequence."""
        ui = self.ui
        self._editing = None
        self._syncing = True
        try:
            ui.sequenceTable.clearSelection()
            ui.sequenceTable.setCurrentIndex(QModelIndex())
        finally:
            self._syncing = False
        for edit in self._edits.values():
            edit.clear()
        ui.codeEdit.setReadOnly(False)
        ui.smallestEdit.setText("1")
        ui.continuousCheck.setChecked(False)
        ui.stoppedCheck.setChecked(False)
        ui.stoppedCheck.setEnabled(False)  # a new sequence starts issuing IDs at once
        self._touched = set()
        self.validate()
        if self.isVisible() and self._may_change:
            ui.codeEdit.setFocus()

    def revert(self) -> None:
        """Show the saved values again (or an empty form for a new sequence)."""
        self._result = None
        if self._editing is None:
            self.start_new()
        else:
            self._load(self._editing)

    def _on_edited(self, key: str | None) -> None:
        if key is not None:
            self._touched.add(key)
        self._result = None
        self.validate()

    def check(self) -> Check:
        """Read the form and check it as services.sequences will when it is saved."""
        ui = self.ui
        editing = self._editing
        problems: dict[str, str] = {}
        code = editing.code if editing is not None else ui.codeEdit.text().strip()
        if editing is None:
            problem = code_problem(code, {s.code for s in self.model.rows()})
            if problem:
                problems["code"] = problem
        name = ui.nameEdit.text().strip()
        if len(name) > NAME_MAX:
            problems["name"] = _("At most {limit} characters ({count} typed).").format(
                limit=NAME_MAX, count=len(name)
            )
        fmt = ui.formatEdit.text()
        parsed: SequenceFormat | None = None
        try:
            parsed = parse_format(fmt)
        except ValidationError as error:
            problems["format"] = field_message(error)
        numbers: dict[str, int | None] = {}
        for key in _NUMBER_FIELDS:
            value, problem = parse_number(self._edits[key].text())
            numbers[key] = value
            if problem:
                problems[key] = problem
        smallest, largest, next_ = numbers["smallest"], numbers["largest"], numbers["next"]
        if smallest is None and "smallest" not in problems:
            problems["smallest"] = _("Enter the smallest number, e.g. 1.")
        if largest is None and "largest" not in problems and parsed is not None:
            largest = min(parsed.capacity, NUMBER_MAX)  # empty: as far as the format goes
        if next_ is None and "next" not in problems:
            next_ = smallest  # empty: start at the smallest
        if (
            parsed is not None
            and smallest is not None
            and largest is not None
            and next_ is not None
            and not problems.keys() & set(_NUMBER_FIELDS)
        ):
            try:
                validate_sequence(fmt, smallest, largest, next_)
            except ValidationError as error:
                problems[error.field or "format"] = field_message(error)
        if (
            editing is not None
            and next_ is not None
            and next_ < editing.next
            and "next" not in problems
        ):
            problems["next"] = _(NEXT_LOWERED).format(
                code=editing.code, current=editing.next, next=next_
            )
        return Check(
            code,
            name,
            fmt,
            parsed,
            smallest,
            largest,
            next_,
            ui.continuousCheck.isChecked(),
            ui.stoppedCheck.isChecked(),
            problems,
        )

    def _is_dirty(self, check: Check | None = None) -> bool:
        """Whether the form differs from what is saved (for a new one: from an empty form)."""
        check = check or self.check()
        if self._editing is not None:
            return check.differs_from(self._editing)
        ui = self.ui
        return bool(
            any(self._edits[k].text().strip() for k in ("code", "name", "format", "largest"))
            or ui.nextEdit.text().strip()
            or ui.smallestEdit.text().strip() != "1"
            or ui.continuousCheck.isChecked()
        )

    def validate(self) -> bool:
        """Show what is wrong next to each field, the next IDs, and which buttons work.
        Fields the user has not typed in yet are not scolded for being empty."""
        ui = self.ui
        check = self.check()
        for key, edit in self._edits.items():
            problem = check.problems.get(key)
            shown = problem if problem and (key in self._touched or edit.text()) else ""
            self._problem_labels[key].setText(shown)
            edit.setProperty("invalid", bool(shown))
            palette = QPalette(self._normal_palette)
            if shown:
                palette.setColor(QPalette.ColorRole.Base, _INVALID_BASE)
            edit.setPalette(palette)
            edit.setToolTip(shown)
            edit.setAccessibleDescription(shown or _(DESCRIPTIONS[key]))
        if check.parsed is not None:
            capacity = min(check.parsed.capacity, NUMBER_MAX)
            ui.largestEdit.setPlaceholderText(str(capacity))
        else:
            ui.largestEdit.setPlaceholderText("")
        ui.nextEdit.setPlaceholderText(str(check.smallest) if check.smallest is not None else "")
        ui.previewValue.setText(self._preview(check))
        dirty = self._is_dirty(check)
        ui.saveButton.setEnabled(self._may_change and check.ok and (self._editing is None or dirty))
        ui.revertButton.setEnabled(self._may_change and dirty)
        self._show_form_texts()
        return check.ok

    @staticmethod
    def _preview(check: Check) -> str:
        """The next IDs the sequence would issue, as the form stands."""
        if (
            check.parsed is None
            or check.next is None
            or check.largest is None
            or check.problems.keys() & {"format", *_NUMBER_FIELDS}
        ):
            return "—"
        left = max(0, check.largest - check.next + 1)
        ids = sequences.preview(check.fmt, check.next, min(PREVIEW_COUNT, left))
        if not ids:
            return _("None: the sequence is used up (it ends at {largest}).").format(
                largest=check.largest
            )
        text = ", ".join(ids)
        if len(ids) < PREVIEW_COUNT:
            text = _("{ids}, then the sequence is used up").format(ids=text)
        if check.stopped:
            return _("None while stopped; afterwards {ids}").format(ids=text)
        return text

    def _show_form_texts(self) -> None:
        ui = self.ui
        editing = self._editing
        if editing is None:
            ui.editGroup.setTitle(_("New number sequence"))
            ui.saveButton.setText(_("&Create sequence"))
            ui.saveButton.setAccessibleName(_("Create sequence"))
        else:
            ui.editGroup.setTitle(_("Number sequence {code}").format(code=editing.code))
            ui.saveButton.setText(_("&Save changes"))
            ui.saveButton.setAccessibleName(_("Save changes"))
        if self._result is None:
            ui.resultLabel.clear()
        else:
            msgid, code = self._result
            ui.resultLabel.setText(_(msgid).format(code=code))

    # --- writing -------------------------------------------------------------------------

    def save(self) -> None:
        """Create the sequence in the form, or save the changes of the one loaded."""
        if not self._may_change:
            return
        check = self.check()
        editing = self._editing
        if not check.ok or (editing is not None and not check.differs_from(editing)):
            self._touched = set(FIELDS)  # say everything that keeps it from being saved
            self.validate()
            return
        smallest, largest, next_ = check.smallest, check.largest, check.next
        if smallest is None or largest is None or next_ is None:  # not with check.ok
            return
        ctx = self.env.ctx
        try:
            if editing is None:
                saved = sequences.create_sequence(
                    ctx,
                    check.code,
                    check.fmt,
                    name=check.name or None,
                    smallest=smallest,
                    largest=largest,
                    next_=next_,
                    continuous=check.continuous,
                )
                result = CREATED
            else:
                saved = sequences.update_sequence(
                    ctx,
                    editing.code,
                    seen=editing,
                    name=check.name,
                    fmt=check.fmt,
                    smallest=smallest,
                    largest=largest,
                    # IDs issued meanwhile move next on: pass it only when it was changed
                    next_=next_ if next_ != editing.next else None,
                    continuous=check.continuous,
                    stopped=check.stopped,
                )
                result = SAVED
        except ConflictError as error:
            show_error(self, error)
            self._reload_after_conflict()
            return
        except HierdeskError as error:
            show_error(self, error)
            self.refresh()
            return
        self._editing = saved
        self._reload(reload_form=True)
        self._result = (result, saved.code)
        self._show_form_texts()

    def _reload_after_conflict(self) -> None:
        editing = self._editing
        if self._reload(reload_form=True) and editing is not None:
            self._result = (RELOADED, editing.code)
            self._show_form_texts()

    # --- references ----------------------------------------------------------------------

    def _fill_references(self) -> None:
        """The sequences to choose from, each reference showing the one assigned now."""
        rows = self.model.rows()
        for reference, (combo, _button, _label) in self._references.items():
            assigned = self.model.assigned(reference)
            combo.blockSignals(True)
            combo.clear()
            for seq in rows:
                combo.addItem(f"{seq.code} — {seq.name}", seq.code)
            combo.setCurrentIndex(combo.findData(assigned.code) if assigned is not None else -1)
            combo.blockSignals(False)
        self._show_reference_texts()
        self._update_reference_buttons()

    def _show_reference_texts(self) -> None:
        for reference, (combo, _button, label) in self._references.items():
            combo.setPlaceholderText(_("Not assigned"))
            assigned = self.model.assigned(reference)
            label.setText(
                state_in_words(assigned)
                if assigned is not None
                else _("No sequence is assigned: no IDs of this kind can be issued.")
            )
        if self._reference_result is None:
            self.ui.referenceResult.clear()
        else:
            reference, code = self._reference_result
            self.ui.referenceResult.setText(
                _(ASSIGNED).format(reference=reference_label(reference), code=code)
            )

    def _update_reference_buttons(self) -> None:
        for reference, (combo, button, _label) in self._references.items():
            assigned = self.model.assigned(reference)
            chosen = combo.currentData()
            button.setEnabled(
                self._may_change
                and isinstance(chosen, str)
                and (assigned is None or assigned.code != chosen)
            )

    def select_for_reference(self, reference: str, code: str) -> None:
        """Choose ``code`` in the combo box of ``reference`` (keyboard users and tests)."""
        combo = self._references[reference][0]
        combo.setCurrentIndex(combo.findData(code))

    def assign(self, reference: str) -> None:
        """Make the sequence chosen for ``reference`` issue its IDs, after confirmation."""
        if not self._may_change:
            return
        combo = self._references[reference][0]
        code = combo.currentData()
        assigned = self.model.assigned(reference)
        row = self.model.row_of(code) if isinstance(code, str) else -1
        if row < 0 or (assigned is not None and assigned.code == code):
            return
        target = self.model.row_at(row)
        parts = [
            _("{reference} will take its IDs from {code} ({name}).").format(
                reference=reference_label(reference), code=target.code, name=target.name
            ),
            state_in_words(target),
        ]
        if next_id(target) is None:
            parts.append(
                _(
                    "Approvals that need a new {reference} will be refused until it is changed."
                ).format(reference=reference_label(reference))
            )
        if assigned is not None:
            parts.append(
                _(
                    "IDs already issued by {old} stay as they are: make sure {code} cannot "
                    "issue one of them again."
                ).format(old=assigned.code, code=target.code)
            )
        question = " ".join(parts) + "\n\n" + _("Assign {code}?").format(code=target.code)
        answer = QMessageBox.question(
            self,
            _("Assign number sequence"),
            question,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            self._fill_references()
            return
        seen = assigned.code if assigned is not None else None
        result = attempt(
            self, lambda: sequences.assign(self.env.ctx, reference, target.code, seen=seen)
        )
        self._reference_result = (reference, target.code) if result is not None else None
        self.refresh()

    # --- language ------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.model.retranslate()
        if self._loaded:
            self._apply_permissions()
            self._update_reference_buttons()
        self._show_reference_texts()
        self.validate()
