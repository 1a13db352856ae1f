"""What the application offers when it cannot open its database at start: restore the file
from a backup, open another database, or quit — never a crash, never a changed file."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from hierdesk.domain.errors import HierdeskError
from hierdesk.i18n.core import _

Choice = Literal["restore", "other", "quit"]

#: Refusals a backup can put right (a SQLite file that is missing, damaged, of another
#: program or from a newer hierdesk).
RESTORABLE = frozenset(
    {"db_damaged", "db_foreign", "db_schema_newer", "db_not_found", "db_not_initialized"}
)


def ask_way_out(error: HierdeskError, can_restore: bool, parent: QWidget | None = None) -> Choice:
    """The refusal, and the ways out of it."""
    box = QMessageBox(
        QMessageBox.Icon.Critical,
        _("hierdesk cannot open the database"),
        error.localized(),
        QMessageBox.StandardButton.NoButton,
        parent,
    )
    box.setInformativeText(
        _("You can restore the database from a backup, open another database, or quit.")
        if can_restore
        else _("You can open another database, or quit.")
    )
    restore = (
        box.addButton(_("Restore from a backup…"), QMessageBox.ButtonRole.AcceptRole)
        if can_restore
        else None
    )
    other = box.addButton(_("Open another database…"), QMessageBox.ButtonRole.ActionRole)
    quit_ = box.addButton(_("Quit"), QMessageBox.ButtonRole.RejectRole)
    box.setEscapeButton(quit_)
    box.exec()
    clicked = box.clickedButton()
    if restore is not None and clicked is restore:
        return "restore"
    if clicked is other:
        return "other"
    return "quit"


def choose_backup(folder: Path | None, parent: QWidget | None = None) -> Path | None:
    path, _filter = QFileDialog.getOpenFileName(
        parent,
        _("Restore from backup"),
        str(folder or ""),
        _("hierdesk databases (*.sqlite3 *.bak);;All files (*)"),
    )
    return Path(path) if path else None


def confirm_restore(database: Path, backup: Path, parent: QWidget | None = None) -> bool:
    answer = QMessageBox.question(
        parent,
        _("Restore from backup"),
        _(
            "Put the backup {file} in place of {db}?\n\nThe file now at {db} is not deleted: "
            "it is renamed to end in “.damaged-…bak”."
        ).format(file=str(backup), db=str(database)),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
        QMessageBox.StandardButton.Cancel,
    )
    return answer == QMessageBox.StandardButton.Yes


def choose_database(folder: Path | None, parent: QWidget | None = None) -> Path | None:
    path, _filter = QFileDialog.getOpenFileName(
        parent,
        _("Open another database"),
        str(folder or ""),
        _("hierdesk databases (*.sqlite3 *.bak);;All files (*)"),
    )
    return Path(path) if path else None


def show_refusal(error: HierdeskError, parent: QWidget | None = None) -> None:
    QMessageBox.warning(parent, _("Not done"), error.localized())
