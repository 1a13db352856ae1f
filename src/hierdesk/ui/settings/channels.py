"""Settings ▸ Channels: the B2B sites (code, name), and adding new ones (administrators)."""

from __future__ import annotations

import re
from typing import Final

from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QWidget

from hierdesk.domain.model import CODE_CHARACTER
from hierdesk.i18n.core import N_, _
from hierdesk.services import channels
from hierdesk.ui.common.feedback import attempt
from hierdesk.ui.common.permissions import restrict
from hierdesk.ui.forms.ui_settings_channels import Ui_ChannelsSection
from hierdesk.ui.settings import fields
from hierdesk.ui.settings.admin_models import ChannelTableModel
from hierdesk.ui.settings.section import Section, SectionEnv

#: What services.channels.create_channel accepts (checked as the user types; the service
#: checks again and has the last word).
CODE_MAX: Final = 20
NAME_MAX: Final = 100
_CODE_CHAR: Final = re.compile(CODE_CHARACTER)


def code_problem(code: str, existing: set[str]) -> str | None:
    """What is wrong with a channel code, in the current language, or None."""
    return fields.code_problem(code, existing, N_("The channel {code} exists already."))


def name_problem(name: str) -> str | None:
    return fields.name_problem(name, NAME_MAX)


class ChannelsSection(Section):
    def __init__(self, env: SectionEnv, parent: QWidget | None = None) -> None:
        super().__init__(env, parent)
        self.ui = Ui_ChannelsSection()
        self.ui.setupUi(self)  # type: ignore[no-untyped-call]
        self.model = ChannelTableModel(self)
        table = self.ui.channelTable
        table.setModel(self.model)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.resizeSection(0, 140)
        header.resizeSection(1, 280)
        header.resizeSection(2, 90)
        ui = self.ui
        ui.codeEdit.textEdited.connect(self._on_code_edited)
        ui.nameEdit.textEdited.connect(self._on_name_edited)
        ui.codeEdit.returnPressed.connect(self.add_channel)
        ui.nameEdit.returnPressed.connect(self.add_channel)
        ui.addButton.clicked.connect(self.add_channel)
        ui.permissionBanner.hide()
        self._may_change = False
        self._loaded = False
        self._code_touched = False
        self._name_touched = False
        self._added: str | None = None  # code of the channel added last, for the result line

    # --- loading -----------------------------------------------------------------------------

    def refresh(self) -> None:
        self.model.set_rows(channels.list_channels(self.env.ctx))
        self._loaded = True
        self._apply_permissions()
        self.validate()

    def _apply_permissions(self) -> None:
        ui = self.ui
        self._may_change = restrict(
            self.env.operator(),
            "administrator",
            [ui.codeEdit, ui.nameEdit, ui.addGroup],
            ui.permissionBanner,
        )

    # --- adding ------------------------------------------------------------------------------

    def _on_code_edited(self, _text: str) -> None:
        self._code_touched = True
        self._added = None
        self.validate()

    def _on_name_edited(self, _text: str) -> None:
        self._name_touched = True
        self._added = None
        self.validate()

    def validate(self) -> bool:
        """Show what is wrong next to each field; Add is enabled only when all is well.
        A field the user has not typed in yet is not reported as missing."""
        ui = self.ui
        existing = {c.code for c in self.model.rows()}
        code = code_problem(ui.codeEdit.text(), existing)
        name = name_problem(ui.nameEdit.text())
        for label, problem, touched in (
            (ui.codeProblem, code, self._code_touched),
            (ui.nameProblem, name, self._name_touched),
        ):
            label.setText(problem if problem and touched else "")
        ok = code is None and name is None
        ui.addButton.setEnabled(ok and self._may_change)
        ui.resultLabel.setText(
            _("Channel {code} added.").format(code=self._added) if self._added else ""
        )
        return ok

    def add_channel(self) -> None:
        if not self.validate() or not self._may_change:
            return
        ui = self.ui
        code, name = ui.codeEdit.text().strip(), ui.nameEdit.text().strip()
        result = attempt(self, lambda: channels.create_channel(self.env.ctx, code, name))
        if result is None:
            self.refresh()
            return
        ui.codeEdit.clear()
        ui.nameEdit.clear()
        self._code_touched = self._name_touched = False
        self._added = result.code
        self.refresh()
        row = self.model.row_of(result.code)
        if row >= 0:
            ui.channelTable.setCurrentIndex(self.model.index(row, 0))
        ui.codeEdit.setFocus()

    def retranslate(self) -> None:
        self.model.retranslate()
        if self._loaded:
            self._apply_permissions()
            self.validate()
