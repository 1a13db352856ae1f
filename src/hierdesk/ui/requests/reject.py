"""The rejection dialog: a reason is required, and the requester receives it."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QWidget

from hierdesk.i18n.core import N_, _, ngettext
from hierdesk.services.approval import REASON_MAX
from hierdesk.ui.forms.ui_reject_dialog import Ui_RejectDialog

#: Reasons clerks give most often (the text is put into the reason box, in the clerk's
#: language, and can be changed there).
PRESETS = (
    N_("The company is already registered with us."),
    N_("We could not confirm the company's details (corporate number, address)."),
    N_("B2B purchasing is open to registered businesses only."),
    N_("The request was sent twice."),
)


class RejectDialog(QDialog):
    def __init__(self, count: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.count = count
        self.ui = Ui_RejectDialog()
        self.ui.setupUi(self)  # type: ignore[no-untyped-call]
        self.ui.reasonEdit.textChanged.connect(self._update)
        self.ui.presetCombo.activated.connect(self._preset)
        self._retranslate()
        self._update()

    def reason(self) -> str:
        return self.ui.reasonEdit.toPlainText().strip()

    def _preset(self, index: int) -> None:
        if index > 0:
            self.ui.reasonEdit.setPlainText(_(PRESETS[index - 1]))
            self.ui.presetCombo.setCurrentIndex(0)

    def _update(self) -> None:
        length = len(self.reason())
        ok = 0 < length <= REASON_MAX
        button = self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok)
        button.setEnabled(ok)
        if length > REASON_MAX:
            self.ui.lengthLabel.setText(
                _("At most {limit} characters; now {count}.").format(limit=REASON_MAX, count=length)
            )
        elif length == 0:
            self.ui.lengthLabel.setText(_("A reason is required."))
        else:
            self.ui.lengthLabel.setText("")

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.ui.retranslateUi(self)  # type: ignore[no-untyped-call]
            self._retranslate()
            self._update()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self.ui.whatLabel.setText(
            ngettext(
                "Reject {count} request. The requester is told the reason by e-mail.",
                "Reject {count} requests. Each requester is told the reason by e-mail.",
                self.count,
            ).format(count=self.count)
        )
        combo = self.ui.presetCombo
        combo.clear()
        combo.addItem(_("Common reasons…"))
        for text in PRESETS:
            combo.addItem(_(text))
        button = self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok)
        button.setText(_("Reject"))
