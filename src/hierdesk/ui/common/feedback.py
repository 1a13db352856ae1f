"""Showing refusals and errors from service calls to the user, in the current language."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtWidgets import QMessageBox, QWidget

from hierdesk.domain.errors import ConflictError, HierdeskError, PermissionDeniedError
from hierdesk.i18n.core import _

T = TypeVar("T")


def show_error(parent: QWidget | None, error: HierdeskError) -> None:
    if isinstance(error, PermissionDeniedError):
        title = _("Not allowed")
    elif isinstance(error, ConflictError):
        title = _("Changed by another desk")
    else:
        title = _("Not done")
    QMessageBox.warning(parent, title, error.localized())


def attempt(parent: QWidget | None, call: Callable[[], T]) -> T | None:
    """Run a service call; a refusal is shown to the user and gives None."""
    try:
        return call()
    except HierdeskError as error:
        show_error(parent, error)
        return None
