"""Disabling what the current operator may not do, and saying why."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtWidgets import QLabel, QWidget

from hierdesk.domain.dto import OperatorInfo
from hierdesk.domain.model import LABELS, role_rank
from hierdesk.i18n.core import _


def allowed(operator: OperatorInfo, role: str) -> bool:
    return role_rank(operator.role) >= role_rank(role)


def restrict(operator: OperatorInfo, role: str, widgets: Iterable[QWidget], banner: QLabel) -> bool:
    """Enable ``widgets`` only for ``role`` or stronger; otherwise show in ``banner`` why.
    Call again after a language switch (the banner text is translated now)."""
    ok = allowed(operator, role)
    for widget in widgets:
        widget.setEnabled(ok)
    banner.setVisible(not ok)
    if not ok:
        banner.setText(
            _(
                "Only an operator with the role {needed} can change this. You are signed in as "
                "{login} ({role})."
            ).format(
                needed=_(LABELS[role]),
                login=operator.login,
                role=_(LABELS[operator.role]) if operator.role else _("not registered"),
            )
        )
    return ok
