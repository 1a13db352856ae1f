"""The approval wizard (DOMAIN.md rules 2–6): review → duplicates → terms → summary → result.

The page order and what keeps the clerk on a page come from the Qt-free
:class:`hierdesk.domain.approval.ApprovalFlow`; this class only shows it. Field checks on
the review page are the intake's own (instant, no database); duplicate candidates are
looked up when the clerk leaves that page, with the corrections applied. The decision is
written off the GUI thread when the clerk presses Approve / Reject on the summary page.
"""

from __future__ import annotations

import contextlib
import html
from typing import Any

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QLineEdit,
    QListWidgetItem,
    QMessageBox,
    QWidget,
    QWizard,
)

from hierdesk.domain.approval import CORRECTABLE, INTO, NEW, REJECT, ApprovalFlow, Page, Refusal
from hierdesk.domain.dto import ApprovalReview, DecisionResult, DuplicateCandidate
from hierdesk.domain.errors import HierdeskError, ValidationError
from hierdesk.domain.intake import validate_request
from hierdesk.domain.jp import prefecture_name
from hierdesk.domain.lookups import CODED_PROPERTIES, PROPERTY_LABELS
from hierdesk.domain.model import DUPLICATE_REASONS, LABELS
from hierdesk.i18n.core import N_, _, current_language, translations_for
from hierdesk.i18n.formatting import format_yen, parse_yen
from hierdesk.services import approval, channels, lookups
from hierdesk.services.context import Context
from hierdesk.ui.common.feedback import show_error
from hierdesk.ui.common.models import Column, ListTableModel
from hierdesk.ui.forms.ui_approval_wizard import Ui_ApprovalWizard
from hierdesk.ui.tasks import TaskRunner

#: Review-page fields, in the order of the form (the language has its own picker).
REVIEW_FIELDS = tuple(f for f in CORRECTABLE if f != "language")
LANGUAGES = ("ja", "en")
INVALID_STYLE = "border: 2px solid #b00020;"


def _camel(name: str) -> str:
    first, *rest = name.split("_")
    return first + "".join(p.title() for p in rest)


def _refusal_text(refusal: Refusal) -> str:
    return _(refusal.message).format(**dict(refusal.params))


def _strength(candidate: DuplicateCandidate) -> str:
    if candidate.reason == "email":
        return _("Blocks approval")
    return _("Blocks a new hierarchy") if candidate.strong else _("Warning")


class CandidateModel(ListTableModel[DuplicateCandidate]):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            [
                Column(N_("Customer"), lambda d: d.customer),
                Column(N_("Hierarchy"), lambda d: d.hierarchy or ""),
                Column(N_("Match"), lambda d: _(DUPLICATE_REASONS.get(d.reason, d.reason))),
                Column(N_("Strength"), _strength),
            ],
            parent,
        )

    def is_bold(self, row: DuplicateCandidate) -> bool:
        return row.strong


class ApprovalWizard(QWizard):
    """Approve (or reject) one pending request. ``decided`` is emitted with the
    :class:`DecisionResult` once the decision is committed."""

    decided = Signal(object)

    def __init__(
        self, ctx: Context, runner: TaskRunner, review: ApprovalReview, parent: QWidget | None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.runner = runner
        self.review = review
        self.decision: DecisionResult | None = None
        self._busy = False
        self.ui = Ui_ApprovalWizard()
        self.ui.setupUi(self)  # type: ignore[no-untyped-call]
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage, True)
        self.ui.summaryPage.setCommitPage(True)
        self.flow = ApprovalFlow(
            review.kind,
            target=review.target,
            candidates=list(review.candidates),
            requester_problem=review.requester_problem,
        )
        self.edits: dict[str, QLineEdit] = {
            name: getattr(self.ui, _camel(name) + "Edit") for name in REVIEW_FIELDS
        }
        self.combos: dict[str, QComboBox] = {
            name: getattr(self.ui, _camel(name) + "Combo") for name in CODED_PROPERTIES
        }
        self.candidate_model = CandidateModel(self)
        self.ui.candidatesTable.setModel(self.candidate_model)
        self._initial: dict[str, str] = {}
        self._fill_review()
        self._load_terms()
        for edit in self.edits.values():
            edit.textEdited.connect(self._check_fields)
        self.ui.languageCombo.currentIndexChanged.connect(self._check_fields)
        for button in (self.ui.decisionNew, self.ui.decisionInto, self.ui.decisionReject):
            button.toggled.connect(self._decision_changed)
        self.ui.intoCombo.currentTextChanged.connect(self._decision_changed)
        self.ui.reasonEdit.textChanged.connect(self._reason_changed)
        self.ui.creditLimitEdit.textEdited.connect(self._check_terms)
        self.ui.channelList.itemChanged.connect(lambda _item: self._show_access())
        self.currentIdChanged.connect(self._entered)
        self._retranslate()
        self._check_fields()

    # --- flow ----------------------------------------------------------------------------

    def nextId(self) -> int:
        current = self.currentId()
        if current < 0:
            return int(Page.REVIEW)
        following = self.flow.next_page(Page(current))
        return int(following) if following is not None else -1

    def validateCurrentPage(self) -> bool:
        if self._busy:
            return False
        page = Page(self.currentId())
        if page == Page.REVIEW:
            self._check_fields()
            if self.flow.problems(page):
                return False
            return self._look_up_duplicates()
        if page == Page.DUPLICATES:
            self._read_decision()
            self._show_decision_problem()
            return not self.flow.problems(page)
        if page == Page.TERMS:
            self._check_terms()
            return not self.flow.problems(page)
        if page == Page.SUMMARY:
            self.flow.reason = self.ui.reasonEdit.toPlainText()
            problems = self.flow.problems(page)
            if problems:
                self.ui.summaryProblem.setText(_refusal_text(problems[0]))
                return False
            if self.flow.done:
                return True
            self._commit()
            return False
        return True

    def _entered(self, page_id: int) -> None:
        if page_id == Page.DUPLICATES:
            self._show_candidates()
        elif page_id == Page.SUMMARY:
            self._show_summary()
        elif page_id == Page.TERMS:
            self._show_access()

    # --- review page ---------------------------------------------------------------------

    def _fill_review(self) -> None:
        values = self.review.values
        for name, edit in self.edits.items():
            value = values.get(name)
            text = "" if value is None else str(value)
            if name == "prefecture" and text.isdigit():  # a JIS code: show the name
                with contextlib.suppress(ValidationError):
                    text = prefecture_name(text, current_language())
            edit.setText(text)
            self._initial[name] = text
        language = str(values.get("language") or "ja")
        self.ui.languageCombo.setCurrentIndex(
            LANGUAGES.index(language) if language in LANGUAGES else 0
        )
        self._initial["language"] = language
        partner = self.review.kind == "partner"
        for name in ("company_name", "company_name_kana", "corporate_number"):
            self.edits[name].setReadOnly(not partner)
        self.edits["invoice_registration_number"].setReadOnly(not partner)

    def corrections(self) -> dict[str, str]:
        """The fields the clerk changed."""
        changed = {
            name: edit.text().strip()
            for name, edit in self.edits.items()
            if edit.text().strip() != self._initial[name].strip()
        }
        language = LANGUAGES[self.ui.languageCombo.currentIndex()]
        if language != self._initial["language"]:
            changed["language"] = language
        return changed

    def _raw(self) -> dict[str, object]:
        raw: dict[str, object] = dict(self.review.values)
        raw["kind"] = self.review.kind
        raw["channel"] = self.review.channel
        raw.setdefault("external_id", str(self.review.request_id))
        for name, edit in self.edits.items():
            raw[name] = edit.text()
        raw["language"] = LANGUAGES[self.ui.languageCombo.currentIndex()]
        if self.review.kind == "add_user":
            raw["hierarchy_id"] = self.review.target or ""
        return raw

    def _check_fields(self) -> None:
        _values, errors = validate_request(self._raw())
        problems: dict[str, ValidationError] = {}
        for error in errors:
            if error.field and error.field not in problems:
                problems[error.field] = error
        self.flow.field_errors = {name: err.template for name, err in problems.items()}
        self._field_errors = problems
        for name, edit in self.edits.items():
            problem = problems.get(name)
            edit.setStyleSheet(INVALID_STYLE if problem else "")
            edit.setToolTip(problem.localized() if problem else "")
        self.ui.reviewProblems.setText("\n".join(err.localized() for err in problems.values()))

    def _look_up_duplicates(self) -> bool:
        try:
            review = approval.review(self.ctx, self.review.request_id, self.corrections())
        except HierdeskError as err:
            show_error(self, err)
            return False
        if review.errors:  # the service's checks are the intake's: normally none left
            self.ui.reviewProblems.setText("\n".join(e.localized() for e in review.errors))
            return False
        self.review = review
        self.flow.requester_problem = review.requester_problem
        self.flow.set_candidates(review.candidates)
        return True

    # --- duplicates page -----------------------------------------------------------------

    def _show_candidates(self) -> None:
        candidates = list(self.flow.candidates)
        self.candidate_model.set_rows(candidates)
        self.ui.candidatesTable.resizeColumnsToContents()
        combo = self.ui.intoCombo
        combo.blockSignals(True)
        combo.clear()
        codes = [self.review.target] if self.review.target else []
        codes += [c.hierarchy for c in candidates if c.hierarchy]
        codes = list(dict.fromkeys(c for c in codes if c))
        names = approval.hierarchy_choices(self.ctx, codes)
        for code in codes:
            combo.addItem(f"{code}  {names.get(code, '')}".strip(), code)
        if self.flow.into:
            index = combo.findData(self.flow.into)
            if index >= 0:
                combo.setCurrentIndex(index)
            else:
                combo.setEditText(self.flow.into)
        combo.blockSignals(False)
        is_add_user = self.review.kind == "add_user"
        self.ui.decisionNew.setEnabled(not is_add_user)
        combo.setEnabled(not is_add_user)
        {NEW: self.ui.decisionNew, INTO: self.ui.decisionInto, REJECT: self.ui.decisionReject}[
            self.flow.decision
        ].setChecked(True)
        self._retranslate_candidates()
        self._show_decision_problem()

    def _retranslate_candidates(self) -> None:
        if self.flow.candidates:
            strong = any(c.strong for c in self.flow.candidates)
            text = (
                _("Matches in bold block a new hierarchy (same company or same e-mail address).")
                if strong
                else _("Only weak matches: check them, then decide.")
            )
        else:
            text = _("No existing customer matches this request.")
        self.ui.candidatesHint.setText(text)
        if self.review.kind == "add_user":
            problem = self.review.requester_problem
            self.ui.requesterLabel.setText(
                problem
                or _(
                    "{requester} is an active admin of {code} and asks to add this person as user."
                ).format(
                    requester=self.review.values.get("requested_by") or "",
                    code=self.review.target or "",
                )
            )
            self.ui.requesterLabel.setStyleSheet("color: #b00020;" if problem else "")
        else:
            self.ui.requesterLabel.setText("")

    def _read_decision(self) -> None:
        if self.ui.decisionReject.isChecked():
            self.flow.choose(REJECT)
        elif self.ui.decisionInto.isChecked():
            combo = self.ui.intoCombo
            data = combo.currentData()
            text = combo.currentText().split()[0] if combo.currentText().split() else ""
            code = data if isinstance(data, str) and combo.currentText().startswith(data) else text
            self.flow.choose(INTO, code or None)
        else:
            self.flow.choose(NEW)

    def _decision_changed(self, *_args: Any) -> None:
        self._read_decision()
        self._show_decision_problem()

    def _show_decision_problem(self) -> None:
        problems = self.flow.problems(Page.DUPLICATES)
        self.ui.decisionProblem.setText(_refusal_text(problems[0]) if problems else "")

    # --- terms page ----------------------------------------------------------------------

    def _load_terms(self) -> None:
        self.defaults = lookups.partner_defaults(self.ctx)
        self.values = [v for v in lookups.list_lookups(self.ctx) if v.active]
        self.channels = [c for c in channels.list_channels(self.ctx) if c.active]
        self.ui.hierarchyNameEdit.setText(str(self.review.values.get("company_name") or ""))
        credit = self.defaults.get("credit_limit")
        self.ui.creditLimitEdit.setText(format_yen(int(credit)) if credit is not None else "")
        self.ui.channelList.blockSignals(True)
        for channel in self.channels:
            item = QListWidgetItem(f"{channel.code} — {channel.name}")
            item.setData(Qt.ItemDataRole.UserRole, channel.code)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            # none preselected: like the CLI, no grants means every B2B site
            item.setCheckState(Qt.CheckState.Unchecked)
            self.ui.channelList.addItem(item)
        self.ui.channelList.blockSignals(False)
        self._fill_lookup_combos()

    def _fill_lookup_combos(self) -> None:
        japanese = current_language() == "ja"
        for name, combo in self.combos.items():
            selected = combo.currentData() if combo.count() else self.defaults.get(name)
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(_("(none)"), None)
            for value in (v for v in self.values if v.kind == name):
                label = value.name_ja if japanese else value.name_en
                combo.addItem(f"{value.code} — {label}", value.code)
            index = combo.findData(selected)
            combo.setCurrentIndex(index if index >= 0 else 0)
            combo.blockSignals(False)

    def properties(self) -> dict[str, object]:
        chosen: dict[str, object] = {
            name: combo.currentData() for name, combo in self.combos.items()
        }
        try:
            chosen["credit_limit"] = parse_yen(self.ui.creditLimitEdit.text())
        except ValueError:
            chosen["credit_limit"] = self.ui.creditLimitEdit.text()
        return chosen

    def grants(self) -> list[str]:
        result = []
        for row in range(self.ui.channelList.count()):
            item = self.ui.channelList.item(row)
            if item.checkState() == Qt.CheckState.Checked:
                result.append(str(item.data(Qt.ItemDataRole.UserRole)))
        return result

    def _check_terms(self, *_args: Any) -> None:
        errors: dict[str, str] = {}
        text = self.ui.creditLimitEdit.text().strip()
        try:
            amount = parse_yen(text) if text else None
        except ValueError:
            amount = -1
        if amount is not None and amount < 0:
            errors["credit_limit"] = N_(
                "The credit limit is a whole yen amount of 0 or more, such as 1,000,000."
            )
        self.flow.terms_errors = errors
        self.ui.creditLimitEdit.setStyleSheet(INVALID_STYLE if errors else "")
        self.ui.creditLimitEdit.setToolTip(_(errors["credit_limit"]) if errors else "")

    def _show_access(self) -> None:
        granted = self.grants()
        self.ui.accessLabel.setText(
            _("No grants: the partner may use every B2B site.")
            if not granted
            else _("Only these sites (when site restriction is on): {sites}").format(
                sites=", ".join(granted)
            )
        )

    # --- summary page --------------------------------------------------------------------

    def _reject_reason_default(self) -> str:
        """A reason prefilled in the requester's language, naming the existing customer."""
        language = str(self.review.values.get("language") or "ja")
        gettext = translations_for(language if language in LANGUAGES else "ja").gettext
        strong = [c.customer for c in self.flow.candidates if c.strong]
        if strong:
            return gettext(
                N_("Your company is already registered with us (customer {customer}).")
            ).format(customer=strong[0])
        return ""

    def _show_summary(self) -> None:
        reject = self.flow.decision == REJECT
        self.ui.reasonLabel.setVisible(reject)
        self.ui.reasonEdit.setVisible(reject)
        if reject and not self.ui.reasonEdit.toPlainText().strip():
            self.ui.reasonEdit.setPlainText(self._reject_reason_default())
        self.ui.summaryProblem.setText("")
        self.setButtonText(
            QWizard.WizardButton.CommitButton, _("Reject") if reject else _("Approve")
        )
        self.ui.summaryText.setHtml(self._summary_html())

    def _reason_changed(self) -> None:
        self.flow.reason = self.ui.reasonEdit.toPlainText()
        if self.flow.reason.strip():
            self.ui.summaryProblem.setText("")

    def _summary_html(self) -> str:
        v = self.review.values
        e = html.escape
        person = f"{v.get('last_name') or ''} {v.get('first_name') or ''}".strip()
        lines: list[str] = []
        if self.flow.decision == REJECT:
            lines.append(
                _("The request {id} is rejected. {email} is told the reason.").format(
                    id=self.review.request_id, email=e(str(v.get("email") or ""))
                )
            )
        elif self.flow.decision == NEW:
            accounts = self.review.next_accounts
            lines += [
                _("A new customer hierarchy {code} “{name}” is created.").format(
                    code=e(self.review.next_hierarchy or "?"),
                    name=e(self.ui.hierarchyNameEdit.text().strip() or str(v.get("company_name"))),
                ),
                _("Organization {account}: {company}").format(
                    account=e(accounts[0] if accounts else "?"),
                    company=e(str(v.get("company_name") or "")),
                ),
                _("Person {account}: {person}, {role}").format(
                    account=e(accounts[1] if len(accounts) > 1 else "?"),
                    person=e(person),
                    role=_(LABELS["admin"]),
                ),
                _("Invoices go to the organization (centralised invoicing)."),
            ]
            props = self.properties()
            for name in CODED_PROPERTIES:
                if props.get(name):
                    lines.append(f"{e(_(PROPERTY_LABELS[name]))}: {e(str(props[name]))}")
            credit = props.get("credit_limit")
            if isinstance(credit, int):
                lines.append(f"{e(_(PROPERTY_LABELS['credit_limit']))}: {e(format_yen(credit))}")
            granted = self.grants()
            lines.append(
                _("Channel grants: {channels}").format(channels=e(", ".join(granted)))
                if granted
                else _("No channel grants: every B2B site.")
            )
        else:
            accounts = self.review.next_accounts
            lines += [
                _("Person {account}: {person}, {role}").format(
                    account=e(accounts[0] if accounts else "?"),
                    person=e(person),
                    role=_(LABELS["user"]),
                ),
                _(
                    "Added to the customer hierarchy {code}, with its organization's terms; "
                    "invoices go to the organization."
                ).format(code=e(self.flow.into or "")),
            ]
        if self.flow.decision != REJECT:
            lines.append(
                _("The requester {email} is told in {language}.").format(
                    email=e(str(v.get("email") or "")),
                    language="日本語" if v.get("language", "ja") == "ja" else "English",
                )
            )
            lines.append(
                _(
                    "The IDs are those the number sequences issue next; another desk may take "
                    "them first."
                )
            )
        return "<p>" + "</p><p>".join(lines) + "</p>"

    # --- committing ----------------------------------------------------------------------

    def _commit(self) -> None:
        self._busy = True
        self.button(QWizard.WizardButton.CommitButton).setEnabled(False)
        self.button(QWizard.WizardButton.BackButton).setEnabled(False)
        self.ui.summaryProblem.setText(_("Working…"))
        ctx, request_id = self.ctx, self.review.request_id
        decision, into, reason = self.flow.decision, self.flow.into, self.flow.reason
        corrections, props, grants = self.corrections(), self.properties(), self.grants()
        name = self.ui.hierarchyNameEdit.text().strip() or None

        def work(_progress: Any) -> DecisionResult:
            if decision == REJECT:
                return approval.reject(ctx, request_id, reason)
            if decision == NEW:
                return approval.approve(
                    ctx,
                    request_id,
                    corrections=corrections,
                    properties=props,
                    grants=grants,
                    hierarchy_name=name,
                )
            return approval.approve(ctx, request_id, into=into, corrections=corrections)

        self.runner.submit(work, self._committed, self._failed)

    def _committed(self, result: DecisionResult) -> None:
        self._busy = False
        self.decision = result
        self.flow.done = True
        self.ui.summaryProblem.setText("")
        self.ui.resultText.setHtml(self._result_html(result))
        self.decided.emit(result)
        self.next()

    def _failed(self, error: BaseException) -> None:
        self._busy = False
        self.button(QWizard.WizardButton.CommitButton).setEnabled(True)
        self.button(QWizard.WizardButton.BackButton).setEnabled(True)
        if isinstance(error, HierdeskError):
            self.ui.summaryProblem.setText(error.localized())
        else:
            self.ui.summaryProblem.setText(str(error))
            QMessageBox.critical(self, _("Not done"), str(error))

    def _result_html(self, result: DecisionResult) -> str:
        e = html.escape
        lines: list[str] = []
        if result.status == "rejected":
            lines.append(_("Request {id} was rejected.").format(id=result.request_id))
        elif result.created_hierarchy:
            lines += [
                _("Created the customer hierarchy {code} “{name}”.").format(
                    code=e(result.hierarchy or ""), name=e(result.hierarchy_name or "")
                ),
                _("Organization: {account}").format(account=e(result.organization or "")),
                _("Admin: {account}").format(account=e(result.person or "")),
            ]
            if result.grants:
                lines.append(
                    _("Channel grants: {channels}").format(channels=e(", ".join(result.grants)))
                )
        else:
            lines.append(
                _("Added {account} to {code} “{name}” as user.").format(
                    account=e(result.person or ""),
                    code=e(result.hierarchy or ""),
                    name=e(result.hierarchy_name or ""),
                )
            )
        lines.append(notification_text(result))
        return "<p>" + "</p><p>".join(lines) + "</p>"

    # --- language ------------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.ui.retranslateUi(self)  # type: ignore[no-untyped-call]
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        v = self.review.values
        kind = _(LABELS.get(self.review.kind, self.review.kind))
        self.setWindowTitle(_("Approve request {id}").format(id=self.review.request_id))
        self.ui.requestLabel.setText(
            _("{kind} from {site}, request number {external}").format(
                kind=kind,
                site=self.review.channel_name,
                external=v.get("external_id") or "",
            )
        )
        self.candidate_model.retranslate()
        self._fill_lookup_combos()
        self._check_fields()
        self._check_terms()
        self._show_access()
        page = self.currentId()
        if page == Page.DUPLICATES:
            self._retranslate_candidates()
            self._show_decision_problem()
        elif page == Page.SUMMARY:
            self._show_summary()
        elif page == Page.RESULT and self.decision is not None:
            self.ui.resultText.setHtml(self._result_html(self.decision))


def notification_text(result: DecisionResult) -> str:
    outcome = result.notification
    if outcome is None:
        return ""
    e = html.escape
    if outcome.status == "sent":
        return _("The notification to {recipient} was sent through {where}.").format(
            recipient=e(outcome.recipient), where=e(outcome.where or "")
        )
    if outcome.status == "written":
        return _("The notification to {recipient} was written to {where}.").format(
            recipient=e(outcome.recipient), where=e(outcome.where or "")
        )
    return _(
        "The notification to {recipient} could not be sent yet ({error}). It waits in the "
        "queue; use “Send now” in the Requests area once the mail server is reachable."
    ).format(recipient=e(outcome.recipient), error=e(outcome.error or ""))
