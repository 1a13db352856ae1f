"""Settings ▸ Notifications: how approval and rejection e-mails leave hierdesk — through an
SMTP server or into an outbox folder — and a test message.

The SMTP password is handed to the system keyring when saved and never shown again; it is
not kept in the settings file or the database (without a keyring it is not kept at all).
"""

from __future__ import annotations

from typing import Final

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFileDialog, QLineEdit, QWidget

from hierdesk.domain.errors import ConflictError, HierdeskError, ValidationError
from hierdesk.i18n.core import N_, _
from hierdesk.services import notifications
from hierdesk.services.notifications import Transport
from hierdesk.ui.common.feedback import show_error
from hierdesk.ui.common.permissions import restrict
from hierdesk.ui.forms.ui_settings_notifications import Ui_NotificationsSection
from hierdesk.ui.settings.lookups import field_problem
from hierdesk.ui.settings.section import Section, SectionEnv
from hierdesk.ui.tasks import Progress, TaskRunner

PROBLEM_STYLE: Final = "color: #b00020;"

# Texts shown in code; translated when shown, so they follow a language switch.
SAVED: Final = N_("Saved.")
SAVED_WITH_PASSWORD: Final = N_("Saved. The password is in the system keyring.")
PASSWORD_FORGOTTEN: Final = N_("The password was removed from the system keyring.")
SENDING: Final = N_("Sending…")
STATE_TEXTS: Final = {
    "stored": N_(
        "A password is stored in the system keyring. Type a new one to replace it, or press Forget."
    ),
    "not_stored": N_(
        "No password is stored. A password typed here is kept in the system keyring when you "
        "save — never in hierdesk's files or database."
    ),
    "unavailable": N_(
        "This computer has no system keyring hierdesk can use, so no password can be kept: "
        "e-mails are sent without signing in."
    ),
    "no_user": N_("Without a user name, e-mails are sent without signing in."),
}
PLACEHOLDERS: Final = {
    "stored": N_("Stored in the system keyring"),
    "not_stored": N_("Not stored"),
    "unavailable": N_("Cannot be stored"),
    "no_user": "",
}


class NotificationsSection(Section):
    def __init__(self, env: SectionEnv, parent: QWidget | None = None) -> None:
        super().__init__(env, parent)
        self.ui = Ui_NotificationsSection()
        self.ui.setupUi(self)  # type: ignore[no-untyped-call]
        ui = self.ui
        self.runner = TaskRunner(self)
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.runner.shutdown)
        ui.smtpRadio.toggled.connect(self._update_enabled)
        ui.saveButton.clicked.connect(lambda: self.save())
        ui.browseButton.clicked.connect(self.browse)
        ui.forgetButton.clicked.connect(self.forget_password)
        ui.testButton.clicked.connect(self.send_test)
        ui.recipientEdit.returnPressed.connect(self.send_test)
        ui.hostEdit.editingFinished.connect(self._update_password_state)
        ui.usernameEdit.editingFinished.connect(self._update_password_state)
        ui.usernameEdit.textChanged.connect(self._update_enabled)
        ui.folderEdit.textChanged.connect(self._update_folder_hint)
        for edit in (ui.hostEdit, ui.senderEdit, ui.usernameEdit, ui.folderEdit):
            edit.textEdited.connect(self._clear_save_result)
        ui.permissionBanner.hide()
        self._transport = Transport()
        self._state = "not_stored"
        self._may_change = False
        self._loaded = False
        self._save_message: tuple[str, bool] | None = None  # msgid or text, is it a problem
        self._save_error: HierdeskError | None = None
        self._test_error: HierdeskError | None = None
        self._test_text = ""
        self._sending = False
        self.retranslate()

    # --- loading -------------------------------------------------------------------------

    def refresh(self) -> None:
        try:
            transport = notifications.get_transport(self.env.ctx)
        except HierdeskError as error:
            show_error(self, error)
            return
        self._loaded = True
        self._fill(transport)
        self._apply_permissions()
        self._update_password_state()

    def _fill(self, transport: Transport) -> None:
        ui = self.ui
        self._transport = transport
        (ui.smtpRadio if transport.mode == "smtp" else ui.outboxRadio).setChecked(True)
        ui.hostEdit.setText(transport.host)
        ui.portSpin.setValue(transport.port)
        ui.starttlsCheck.setChecked(transport.starttls)
        ui.senderEdit.setText(transport.sender)
        ui.usernameEdit.setText(transport.username)
        ui.passwordEdit.clear()
        ui.folderEdit.setText(transport.outbox)
        self._update_enabled()
        self._update_folder_hint()

    def _apply_permissions(self) -> None:
        ui = self.ui
        self._may_change = restrict(
            self.env.operator(),
            "administrator",
            [ui.modeGroup, ui.smtpGroup, ui.outboxGroup, ui.saveButton, ui.testGroup],
            ui.permissionBanner,
        )
        self._update_enabled()

    def _update_enabled(self) -> None:
        ui = self.ui
        smtp = ui.smtpRadio.isChecked()
        may = self._may_change
        ui.smtpGroup.setEnabled(may and smtp)
        ui.outboxGroup.setEnabled(may and not smtp)
        has_user = bool(ui.usernameEdit.text().strip())
        ui.passwordEdit.setEnabled(has_user and self._state != "unavailable")
        ui.forgetButton.setEnabled(self._state == "stored")
        ui.testButton.setEnabled(may and not self._sending)

    # --- the form ------------------------------------------------------------------------

    def form_transport(self) -> Transport:
        """What the form says (not yet saved)."""
        ui = self.ui
        return Transport(
            mode="smtp" if ui.smtpRadio.isChecked() else "outbox",
            host=ui.hostEdit.text().strip(),
            port=ui.portSpin.value(),
            starttls=ui.starttlsCheck.isChecked(),
            sender=ui.senderEdit.text().strip(),
            outbox=ui.folderEdit.text().strip(),
            username=ui.usernameEdit.text().strip(),
        )

    def is_dirty(self) -> bool:
        return self.form_transport().stored() != self._transport.stored() or bool(
            self.ui.passwordEdit.text()
        )

    def _update_password_state(self) -> None:
        ui = self.ui
        host, user = ui.hostEdit.text().strip(), ui.usernameEdit.text().strip()
        if not notifications.keyring_available():
            self._state = "unavailable"
        elif not user:
            self._state = "no_user"
        else:
            self._state = notifications.password_state(host, user)
        self._show_password_state()
        self._update_enabled()

    def _show_password_state(self) -> None:
        ui = self.ui
        ui.passwordState.setText(_(STATE_TEXTS[self._state]))
        placeholder = PLACEHOLDERS[self._state]
        ui.passwordEdit.setPlaceholderText(_(placeholder) if placeholder else "")

    def _update_folder_hint(self) -> None:
        folder = self.ui.folderEdit.text().strip()
        if folder:
            text = _(
                "Each e-mail becomes one .eml file. A program that sends them should skip "
                "names starting with “.” (files still being written)."
            )
        else:
            text = _("Leave empty to use the default folder: {path}").format(
                path=str(notifications.default_outbox())
            )
        self.ui.folderHint.setText(text)

    def browse(self) -> None:
        start = self.ui.folderEdit.text().strip() or str(notifications.default_outbox())
        folder = QFileDialog.getExistingDirectory(self, _("Outbox folder"), start)
        if folder:
            self.ui.folderEdit.setText(folder)
            self._clear_save_result()

    # --- saving --------------------------------------------------------------------------

    def _clear_save_result(self, _text: str = "") -> None:
        self._save_message = None
        self._save_error = None
        self._show_save_result()

    def _show_save_result(self) -> None:
        label = self.ui.saveResult
        error = self._save_error
        if error is not None:
            label.setText(
                field_problem(error) if isinstance(error, ValidationError) else error.localized()
            )
            label.setStyleSheet(PROBLEM_STYLE)
        elif self._save_message is not None:
            msgid, problem = self._save_message
            label.setText(_(msgid))
            label.setStyleSheet(PROBLEM_STYLE if problem else "")
        else:
            label.clear()
            label.setStyleSheet("")

    def _field_widget(self, field: str | None) -> QWidget | None:
        ui = self.ui
        return {
            "host": ui.hostEdit,
            "port": ui.portSpin,
            "sender": ui.senderEdit,
            "outbox": ui.folderEdit,
            "username": ui.usernameEdit,
        }.get(field or "")

    def save(self) -> bool:
        """Save the form; True when it was saved."""
        if not self._may_change:
            return False
        ui = self.ui
        form = self.form_transport()
        password = ui.passwordEdit.text()
        self._clear_save_result()
        try:
            saved = notifications.set_transport(
                self.env.ctx,
                mode=form.mode,
                host=form.host,
                port=form.port,
                starttls=form.starttls,
                sender=form.sender,
                outbox=form.outbox,
                username=form.username,
                seen=self._transport,
            )
        except ValidationError as error:
            self._save_error = error
            self._show_save_result()
            widget = self._field_widget(error.field)
            if widget is not None:
                widget.setFocus()
                if isinstance(widget, QLineEdit):
                    widget.selectAll()
            return False
        except ConflictError as error:  # changed on another desk: show what is saved now
            show_error(self, error)
            self.refresh()
            return False
        except HierdeskError as error:
            show_error(self, error)
            return False
        self._fill(saved)
        self._save_message = (SAVED, False)
        if password and saved.username:
            try:
                notifications.store_password(saved.host, saved.username, password)
            except HierdeskError as error:
                self._save_error = error  # saved, but the password is kept nowhere
            else:
                self._save_message = (SAVED_WITH_PASSWORD, False)
        ui.passwordEdit.clear()
        self._update_password_state()
        self._show_save_result()
        return True

    def forget_password(self) -> None:
        if not self._may_change:
            return
        transport = self.form_transport()
        notifications.forget_password(transport.host, transport.username)
        self._save_error = None
        self._save_message = (PASSWORD_FORGOTTEN, False)
        self._update_password_state()
        self._show_save_result()

    # --- the test message ------------------------------------------------------------------

    def send_test(self) -> None:
        """Send a test e-mail with the saved settings (saving the form first if changed).
        The sending runs off the GUI thread: an unreachable server takes up to 10 seconds."""
        if not self._may_change or self._sending:
            return
        if self.is_dirty() and not self.save():
            return
        recipient = self.ui.recipientEdit.text().strip()
        language = self.env.switcher.language or "en"
        ctx = self.env.ctx
        self._test_error = None
        self._test_text = SENDING
        self._sending = True
        self._show_test_result()
        self._update_enabled()
        QGuiApplication.setOverrideCursor(Qt.CursorShape.BusyCursor)

        def work(_progress: Progress) -> str:
            return notifications.send_test_message(ctx, recipient, language)

        self.runner.submit(work, self._test_done, self._test_failed)

    def _test_finished(self) -> None:
        QGuiApplication.restoreOverrideCursor()
        self._sending = False
        self._update_enabled()
        self._show_test_result()

    def _test_done(self, result: object) -> None:
        self._test_text = str(result)
        self._test_finished()

    def _test_failed(self, error: BaseException) -> None:
        if isinstance(error, HierdeskError):
            self._test_error = error
            self._test_text = ""
        else:
            self._test_text = _("The test message could not be sent: {detail}").format(
                detail=str(error) or type(error).__name__
            )
        self._test_finished()
        if isinstance(error, ValidationError) and error.field == "recipient":
            self.ui.recipientEdit.setFocus()

    def _show_test_result(self) -> None:
        label = self.ui.testResult
        error = self._test_error
        if error is not None:
            label.setText(
                field_problem(error) if isinstance(error, ValidationError) else error.localized()
            )
            label.setStyleSheet(PROBLEM_STYLE)
        else:
            label.setText(_(self._test_text) if self._test_text == SENDING else self._test_text)
            label.setStyleSheet("")

    @property
    def sending(self) -> bool:
        return self._sending

    # --- language ------------------------------------------------------------------------

    def retranslate(self) -> None:
        # the spin box's own line edit is what screen readers land on
        self.ui.portSpin.lineEdit().setAccessibleName(self.ui.portSpin.accessibleName())
        self._show_password_state()
        self._update_folder_hint()
        self._show_save_result()
        self._show_test_result()
        if self._loaded:
            self._apply_permissions()
