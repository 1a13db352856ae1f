# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'approval_wizard.ui'
##
## Created by: Qt User Interface Compiler
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QComboBox, QFrame,
    QGridLayout, QHBoxLayout, QHeaderView, QLabel,
    QLineEdit, QListWidget, QListWidgetItem, QPlainTextEdit,
    QRadioButton, QScrollArea, QSizePolicy, QTableView,
    QTextBrowser, QVBoxLayout, QWidget, QWizard,
    QWizardPage)

class Ui_ApprovalWizard(object):
    def setupUi(self, ApprovalWizard):
        if not ApprovalWizard.objectName():
            ApprovalWizard.setObjectName(u"ApprovalWizard")
        ApprovalWizard.resize(860, 640)
        ApprovalWizard.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.reviewPage = QWizardPage()
        self.reviewPage.setObjectName(u"reviewPage")
        self.reviewLayout = QVBoxLayout(self.reviewPage)
        self.reviewLayout.setObjectName(u"reviewLayout")
        self.requestLabel = QLabel(self.reviewPage)
        self.requestLabel.setObjectName(u"requestLabel")
        self.requestLabel.setText(u"")
        self.requestLabel.setWordWrap(True)

        self.reviewLayout.addWidget(self.requestLabel)

        self.reviewScroll = QScrollArea(self.reviewPage)
        self.reviewScroll.setObjectName(u"reviewScroll")
        self.reviewScroll.setWidgetResizable(True)
        self.reviewScroll.setFrameShape(QFrame.Shape.NoFrame)
        self.reviewFields = QWidget()
        self.reviewFields.setObjectName(u"reviewFields")
        self.reviewForm = QGridLayout(self.reviewFields)
        self.reviewForm.setObjectName(u"reviewForm")
        self.companyNameLabel = QLabel(self.reviewFields)
        self.companyNameLabel.setObjectName(u"companyNameLabel")

        self.reviewForm.addWidget(self.companyNameLabel, 0, 0, 1, 1)

        self.companyNameEdit = QLineEdit(self.reviewFields)
        self.companyNameEdit.setObjectName(u"companyNameEdit")

        self.reviewForm.addWidget(self.companyNameEdit, 0, 1, 1, 1)

        self.companyNameKanaLabel = QLabel(self.reviewFields)
        self.companyNameKanaLabel.setObjectName(u"companyNameKanaLabel")

        self.reviewForm.addWidget(self.companyNameKanaLabel, 1, 0, 1, 1)

        self.companyNameKanaEdit = QLineEdit(self.reviewFields)
        self.companyNameKanaEdit.setObjectName(u"companyNameKanaEdit")

        self.reviewForm.addWidget(self.companyNameKanaEdit, 1, 1, 1, 1)

        self.corporateNumberLabel = QLabel(self.reviewFields)
        self.corporateNumberLabel.setObjectName(u"corporateNumberLabel")

        self.reviewForm.addWidget(self.corporateNumberLabel, 2, 0, 1, 1)

        self.corporateNumberEdit = QLineEdit(self.reviewFields)
        self.corporateNumberEdit.setObjectName(u"corporateNumberEdit")

        self.reviewForm.addWidget(self.corporateNumberEdit, 2, 1, 1, 1)

        self.invoiceRegistrationNumberLabel = QLabel(self.reviewFields)
        self.invoiceRegistrationNumberLabel.setObjectName(u"invoiceRegistrationNumberLabel")

        self.reviewForm.addWidget(self.invoiceRegistrationNumberLabel, 3, 0, 1, 1)

        self.invoiceRegistrationNumberEdit = QLineEdit(self.reviewFields)
        self.invoiceRegistrationNumberEdit.setObjectName(u"invoiceRegistrationNumberEdit")

        self.reviewForm.addWidget(self.invoiceRegistrationNumberEdit, 3, 1, 1, 1)

        self.lastNameLabel = QLabel(self.reviewFields)
        self.lastNameLabel.setObjectName(u"lastNameLabel")

        self.reviewForm.addWidget(self.lastNameLabel, 4, 0, 1, 1)

        self.lastNameEdit = QLineEdit(self.reviewFields)
        self.lastNameEdit.setObjectName(u"lastNameEdit")

        self.reviewForm.addWidget(self.lastNameEdit, 4, 1, 1, 1)

        self.firstNameLabel = QLabel(self.reviewFields)
        self.firstNameLabel.setObjectName(u"firstNameLabel")

        self.reviewForm.addWidget(self.firstNameLabel, 5, 0, 1, 1)

        self.firstNameEdit = QLineEdit(self.reviewFields)
        self.firstNameEdit.setObjectName(u"firstNameEdit")

        self.reviewForm.addWidget(self.firstNameEdit, 5, 1, 1, 1)

        self.lastNameKanaLabel = QLabel(self.reviewFields)
        self.lastNameKanaLabel.setObjectName(u"lastNameKanaLabel")

        self.reviewForm.addWidget(self.lastNameKanaLabel, 6, 0, 1, 1)

        self.lastNameKanaEdit = QLineEdit(self.reviewFields)
        self.lastNameKanaEdit.setObjectName(u"lastNameKanaEdit")

        self.reviewForm.addWidget(self.lastNameKanaEdit, 6, 1, 1, 1)

        self.firstNameKanaLabel = QLabel(self.reviewFields)
        self.firstNameKanaLabel.setObjectName(u"firstNameKanaLabel")

        self.reviewForm.addWidget(self.firstNameKanaLabel, 7, 0, 1, 1)

        self.firstNameKanaEdit = QLineEdit(self.reviewFields)
        self.firstNameKanaEdit.setObjectName(u"firstNameKanaEdit")

        self.reviewForm.addWidget(self.firstNameKanaEdit, 7, 1, 1, 1)

        self.emailLabel = QLabel(self.reviewFields)
        self.emailLabel.setObjectName(u"emailLabel")

        self.reviewForm.addWidget(self.emailLabel, 8, 0, 1, 1)

        self.emailEdit = QLineEdit(self.reviewFields)
        self.emailEdit.setObjectName(u"emailEdit")

        self.reviewForm.addWidget(self.emailEdit, 8, 1, 1, 1)

        self.phoneLabel = QLabel(self.reviewFields)
        self.phoneLabel.setObjectName(u"phoneLabel")

        self.reviewForm.addWidget(self.phoneLabel, 9, 0, 1, 1)

        self.phoneEdit = QLineEdit(self.reviewFields)
        self.phoneEdit.setObjectName(u"phoneEdit")

        self.reviewForm.addWidget(self.phoneEdit, 9, 1, 1, 1)

        self.departmentLabel = QLabel(self.reviewFields)
        self.departmentLabel.setObjectName(u"departmentLabel")

        self.reviewForm.addWidget(self.departmentLabel, 10, 0, 1, 1)

        self.departmentEdit = QLineEdit(self.reviewFields)
        self.departmentEdit.setObjectName(u"departmentEdit")

        self.reviewForm.addWidget(self.departmentEdit, 10, 1, 1, 1)

        self.jobTitleLabel = QLabel(self.reviewFields)
        self.jobTitleLabel.setObjectName(u"jobTitleLabel")

        self.reviewForm.addWidget(self.jobTitleLabel, 11, 0, 1, 1)

        self.jobTitleEdit = QLineEdit(self.reviewFields)
        self.jobTitleEdit.setObjectName(u"jobTitleEdit")

        self.reviewForm.addWidget(self.jobTitleEdit, 11, 1, 1, 1)

        self.postalCodeLabel = QLabel(self.reviewFields)
        self.postalCodeLabel.setObjectName(u"postalCodeLabel")

        self.reviewForm.addWidget(self.postalCodeLabel, 12, 0, 1, 1)

        self.postalCodeEdit = QLineEdit(self.reviewFields)
        self.postalCodeEdit.setObjectName(u"postalCodeEdit")

        self.reviewForm.addWidget(self.postalCodeEdit, 12, 1, 1, 1)

        self.prefectureLabel = QLabel(self.reviewFields)
        self.prefectureLabel.setObjectName(u"prefectureLabel")

        self.reviewForm.addWidget(self.prefectureLabel, 13, 0, 1, 1)

        self.prefectureEdit = QLineEdit(self.reviewFields)
        self.prefectureEdit.setObjectName(u"prefectureEdit")

        self.reviewForm.addWidget(self.prefectureEdit, 13, 1, 1, 1)

        self.cityLabel = QLabel(self.reviewFields)
        self.cityLabel.setObjectName(u"cityLabel")

        self.reviewForm.addWidget(self.cityLabel, 14, 0, 1, 1)

        self.cityEdit = QLineEdit(self.reviewFields)
        self.cityEdit.setObjectName(u"cityEdit")

        self.reviewForm.addWidget(self.cityEdit, 14, 1, 1, 1)

        self.addressLine1Label = QLabel(self.reviewFields)
        self.addressLine1Label.setObjectName(u"addressLine1Label")

        self.reviewForm.addWidget(self.addressLine1Label, 15, 0, 1, 1)

        self.addressLine1Edit = QLineEdit(self.reviewFields)
        self.addressLine1Edit.setObjectName(u"addressLine1Edit")

        self.reviewForm.addWidget(self.addressLine1Edit, 15, 1, 1, 1)

        self.addressLine2Label = QLabel(self.reviewFields)
        self.addressLine2Label.setObjectName(u"addressLine2Label")

        self.reviewForm.addWidget(self.addressLine2Label, 16, 0, 1, 1)

        self.addressLine2Edit = QLineEdit(self.reviewFields)
        self.addressLine2Edit.setObjectName(u"addressLine2Edit")

        self.reviewForm.addWidget(self.addressLine2Edit, 16, 1, 1, 1)

        self.languageLabel = QLabel(self.reviewFields)
        self.languageLabel.setObjectName(u"languageLabel")

        self.reviewForm.addWidget(self.languageLabel, 17, 0, 1, 1)

        self.languageCombo = QComboBox(self.reviewFields)
        self.languageCombo.addItem(u"\u65e5\u672c\u8a9e")
        self.languageCombo.addItem(u"English")
        self.languageCombo.setObjectName(u"languageCombo")

        self.reviewForm.addWidget(self.languageCombo, 17, 1, 1, 1)

        self.reviewScroll.setWidget(self.reviewFields)

        self.reviewLayout.addWidget(self.reviewScroll)

        self.reviewProblems = QLabel(self.reviewPage)
        self.reviewProblems.setObjectName(u"reviewProblems")
        self.reviewProblems.setText(u"")
        self.reviewProblems.setWordWrap(True)
        self.reviewProblems.setStyleSheet(u"color: #b00020;")

        self.reviewLayout.addWidget(self.reviewProblems)

        self.reviewLayout.setStretch(1, 1)
        ApprovalWizard.addPage(self.reviewPage)
        self.duplicatesPage = QWizardPage()
        self.duplicatesPage.setObjectName(u"duplicatesPage")
        self.duplicatesLayout = QVBoxLayout(self.duplicatesPage)
        self.duplicatesLayout.setObjectName(u"duplicatesLayout")
        self.candidatesHint = QLabel(self.duplicatesPage)
        self.candidatesHint.setObjectName(u"candidatesHint")
        self.candidatesHint.setText(u"")
        self.candidatesHint.setWordWrap(True)

        self.duplicatesLayout.addWidget(self.candidatesHint)

        self.candidatesTable = QTableView(self.duplicatesPage)
        self.candidatesTable.setObjectName(u"candidatesTable")
        self.candidatesTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.candidatesTable.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.candidatesTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.candidatesTable.horizontalHeader().setStretchLastSection(True)
        self.candidatesTable.verticalHeader().setVisible(False)

        self.duplicatesLayout.addWidget(self.candidatesTable)

        self.decisionNew = QRadioButton(self.duplicatesPage)
        self.decisionNew.setObjectName(u"decisionNew")

        self.duplicatesLayout.addWidget(self.decisionNew)

        self.intoLayout = QHBoxLayout()
        self.intoLayout.setObjectName(u"intoLayout")
        self.decisionInto = QRadioButton(self.duplicatesPage)
        self.decisionInto.setObjectName(u"decisionInto")

        self.intoLayout.addWidget(self.decisionInto)

        self.intoCombo = QComboBox(self.duplicatesPage)
        self.intoCombo.setObjectName(u"intoCombo")
        self.intoCombo.setEditable(True)

        self.intoLayout.addWidget(self.intoCombo)

        self.intoLayout.setStretch(1, 1)

        self.duplicatesLayout.addLayout(self.intoLayout)

        self.decisionReject = QRadioButton(self.duplicatesPage)
        self.decisionReject.setObjectName(u"decisionReject")

        self.duplicatesLayout.addWidget(self.decisionReject)

        self.decisionProblem = QLabel(self.duplicatesPage)
        self.decisionProblem.setObjectName(u"decisionProblem")
        self.decisionProblem.setText(u"")
        self.decisionProblem.setWordWrap(True)
        self.decisionProblem.setStyleSheet(u"color: #b00020;")

        self.duplicatesLayout.addWidget(self.decisionProblem)

        self.requesterLabel = QLabel(self.duplicatesPage)
        self.requesterLabel.setObjectName(u"requesterLabel")
        self.requesterLabel.setText(u"")
        self.requesterLabel.setWordWrap(True)

        self.duplicatesLayout.addWidget(self.requesterLabel)

        self.duplicatesLayout.setStretch(1, 1)
        ApprovalWizard.addPage(self.duplicatesPage)
        self.termsPage = QWizardPage()
        self.termsPage.setObjectName(u"termsPage")
        self.termsLayout = QHBoxLayout(self.termsPage)
        self.termsLayout.setObjectName(u"termsLayout")
        self.termsForm = QGridLayout()
        self.termsForm.setObjectName(u"termsForm")
        self.hierarchyNameLabel = QLabel(self.termsPage)
        self.hierarchyNameLabel.setObjectName(u"hierarchyNameLabel")

        self.termsForm.addWidget(self.hierarchyNameLabel, 0, 0, 1, 1)

        self.hierarchyNameEdit = QLineEdit(self.termsPage)
        self.hierarchyNameEdit.setObjectName(u"hierarchyNameEdit")

        self.termsForm.addWidget(self.hierarchyNameEdit, 0, 1, 1, 1)

        self.customerGroupLabel = QLabel(self.termsPage)
        self.customerGroupLabel.setObjectName(u"customerGroupLabel")

        self.termsForm.addWidget(self.customerGroupLabel, 1, 0, 1, 1)

        self.customerGroupCombo = QComboBox(self.termsPage)
        self.customerGroupCombo.setObjectName(u"customerGroupCombo")

        self.termsForm.addWidget(self.customerGroupCombo, 1, 1, 1, 1)

        self.priceGroupLabel = QLabel(self.termsPage)
        self.priceGroupLabel.setObjectName(u"priceGroupLabel")

        self.termsForm.addWidget(self.priceGroupLabel, 2, 0, 1, 1)

        self.priceGroupCombo = QComboBox(self.termsPage)
        self.priceGroupCombo.setObjectName(u"priceGroupCombo")

        self.termsForm.addWidget(self.priceGroupCombo, 2, 1, 1, 1)

        self.lineDiscountGroupLabel = QLabel(self.termsPage)
        self.lineDiscountGroupLabel.setObjectName(u"lineDiscountGroupLabel")

        self.termsForm.addWidget(self.lineDiscountGroupLabel, 3, 0, 1, 1)

        self.lineDiscountGroupCombo = QComboBox(self.termsPage)
        self.lineDiscountGroupCombo.setObjectName(u"lineDiscountGroupCombo")

        self.termsForm.addWidget(self.lineDiscountGroupCombo, 3, 1, 1, 1)

        self.multilineDiscountGroupLabel = QLabel(self.termsPage)
        self.multilineDiscountGroupLabel.setObjectName(u"multilineDiscountGroupLabel")

        self.termsForm.addWidget(self.multilineDiscountGroupLabel, 4, 0, 1, 1)

        self.multilineDiscountGroupCombo = QComboBox(self.termsPage)
        self.multilineDiscountGroupCombo.setObjectName(u"multilineDiscountGroupCombo")

        self.termsForm.addWidget(self.multilineDiscountGroupCombo, 4, 1, 1, 1)

        self.totalDiscountGroupLabel = QLabel(self.termsPage)
        self.totalDiscountGroupLabel.setObjectName(u"totalDiscountGroupLabel")

        self.termsForm.addWidget(self.totalDiscountGroupLabel, 5, 0, 1, 1)

        self.totalDiscountGroupCombo = QComboBox(self.termsPage)
        self.totalDiscountGroupCombo.setObjectName(u"totalDiscountGroupCombo")

        self.termsForm.addWidget(self.totalDiscountGroupCombo, 5, 1, 1, 1)

        self.paymentTermsLabel = QLabel(self.termsPage)
        self.paymentTermsLabel.setObjectName(u"paymentTermsLabel")

        self.termsForm.addWidget(self.paymentTermsLabel, 6, 0, 1, 1)

        self.paymentTermsCombo = QComboBox(self.termsPage)
        self.paymentTermsCombo.setObjectName(u"paymentTermsCombo")

        self.termsForm.addWidget(self.paymentTermsCombo, 6, 1, 1, 1)

        self.deliveryModeLabel = QLabel(self.termsPage)
        self.deliveryModeLabel.setObjectName(u"deliveryModeLabel")

        self.termsForm.addWidget(self.deliveryModeLabel, 7, 0, 1, 1)

        self.deliveryModeCombo = QComboBox(self.termsPage)
        self.deliveryModeCombo.setObjectName(u"deliveryModeCombo")

        self.termsForm.addWidget(self.deliveryModeCombo, 7, 1, 1, 1)

        self.currencyLabel = QLabel(self.termsPage)
        self.currencyLabel.setObjectName(u"currencyLabel")

        self.termsForm.addWidget(self.currencyLabel, 8, 0, 1, 1)

        self.currencyCombo = QComboBox(self.termsPage)
        self.currencyCombo.setObjectName(u"currencyCombo")

        self.termsForm.addWidget(self.currencyCombo, 8, 1, 1, 1)

        self.salesTaxGroupLabel = QLabel(self.termsPage)
        self.salesTaxGroupLabel.setObjectName(u"salesTaxGroupLabel")

        self.termsForm.addWidget(self.salesTaxGroupLabel, 9, 0, 1, 1)

        self.salesTaxGroupCombo = QComboBox(self.termsPage)
        self.salesTaxGroupCombo.setObjectName(u"salesTaxGroupCombo")

        self.termsForm.addWidget(self.salesTaxGroupCombo, 9, 1, 1, 1)

        self.creditLimitLabel = QLabel(self.termsPage)
        self.creditLimitLabel.setObjectName(u"creditLimitLabel")

        self.termsForm.addWidget(self.creditLimitLabel, 10, 0, 1, 1)

        self.creditLimitEdit = QLineEdit(self.termsPage)
        self.creditLimitEdit.setObjectName(u"creditLimitEdit")

        self.termsForm.addWidget(self.creditLimitEdit, 10, 1, 1, 1)


        self.termsLayout.addLayout(self.termsForm)

        self.channelsLayout = QVBoxLayout()
        self.channelsLayout.setObjectName(u"channelsLayout")
        self.channelsLabel = QLabel(self.termsPage)
        self.channelsLabel.setObjectName(u"channelsLabel")

        self.channelsLayout.addWidget(self.channelsLabel)

        self.channelList = QListWidget(self.termsPage)
        self.channelList.setObjectName(u"channelList")

        self.channelsLayout.addWidget(self.channelList)

        self.accessLabel = QLabel(self.termsPage)
        self.accessLabel.setObjectName(u"accessLabel")
        self.accessLabel.setText(u"")
        self.accessLabel.setWordWrap(True)

        self.channelsLayout.addWidget(self.accessLabel)

        self.channelsLayout.setStretch(1, 1)

        self.termsLayout.addLayout(self.channelsLayout)

        self.termsLayout.setStretch(0, 3)
        self.termsLayout.setStretch(1, 2)
        ApprovalWizard.addPage(self.termsPage)
        self.summaryPage = QWizardPage()
        self.summaryPage.setObjectName(u"summaryPage")
        self.summaryLayout = QVBoxLayout(self.summaryPage)
        self.summaryLayout.setObjectName(u"summaryLayout")
        self.summaryText = QTextBrowser(self.summaryPage)
        self.summaryText.setObjectName(u"summaryText")

        self.summaryLayout.addWidget(self.summaryText)

        self.reasonLabel = QLabel(self.summaryPage)
        self.reasonLabel.setObjectName(u"reasonLabel")

        self.summaryLayout.addWidget(self.reasonLabel)

        self.reasonEdit = QPlainTextEdit(self.summaryPage)
        self.reasonEdit.setObjectName(u"reasonEdit")
        self.reasonEdit.setTabChangesFocus(True)
        self.reasonEdit.setMaximumSize(QSize(16777215, 90))

        self.summaryLayout.addWidget(self.reasonEdit)

        self.summaryProblem = QLabel(self.summaryPage)
        self.summaryProblem.setObjectName(u"summaryProblem")
        self.summaryProblem.setText(u"")
        self.summaryProblem.setWordWrap(True)
        self.summaryProblem.setStyleSheet(u"color: #b00020;")

        self.summaryLayout.addWidget(self.summaryProblem)

        self.summaryLayout.setStretch(0, 1)
        ApprovalWizard.addPage(self.summaryPage)
        self.resultPage = QWizardPage()
        self.resultPage.setObjectName(u"resultPage")
        self.resultLayout = QVBoxLayout(self.resultPage)
        self.resultLayout.setObjectName(u"resultLayout")
        self.resultText = QTextBrowser(self.resultPage)
        self.resultText.setObjectName(u"resultText")

        self.resultLayout.addWidget(self.resultText)

        ApprovalWizard.addPage(self.resultPage)
#if QT_CONFIG(shortcut)
        self.companyNameLabel.setBuddy(self.companyNameEdit)
        self.companyNameKanaLabel.setBuddy(self.companyNameKanaEdit)
        self.corporateNumberLabel.setBuddy(self.corporateNumberEdit)
        self.invoiceRegistrationNumberLabel.setBuddy(self.invoiceRegistrationNumberEdit)
        self.lastNameLabel.setBuddy(self.lastNameEdit)
        self.firstNameLabel.setBuddy(self.firstNameEdit)
        self.lastNameKanaLabel.setBuddy(self.lastNameKanaEdit)
        self.firstNameKanaLabel.setBuddy(self.firstNameKanaEdit)
        self.emailLabel.setBuddy(self.emailEdit)
        self.phoneLabel.setBuddy(self.phoneEdit)
        self.departmentLabel.setBuddy(self.departmentEdit)
        self.jobTitleLabel.setBuddy(self.jobTitleEdit)
        self.postalCodeLabel.setBuddy(self.postalCodeEdit)
        self.prefectureLabel.setBuddy(self.prefectureEdit)
        self.cityLabel.setBuddy(self.cityEdit)
        self.addressLine1Label.setBuddy(self.addressLine1Edit)
        self.addressLine2Label.setBuddy(self.addressLine2Edit)
        self.languageLabel.setBuddy(self.languageCombo)
        self.hierarchyNameLabel.setBuddy(self.hierarchyNameEdit)
        self.customerGroupLabel.setBuddy(self.customerGroupCombo)
        self.priceGroupLabel.setBuddy(self.priceGroupCombo)
        self.lineDiscountGroupLabel.setBuddy(self.lineDiscountGroupCombo)
        self.multilineDiscountGroupLabel.setBuddy(self.multilineDiscountGroupCombo)
        self.totalDiscountGroupLabel.setBuddy(self.totalDiscountGroupCombo)
        self.paymentTermsLabel.setBuddy(self.paymentTermsCombo)
        self.deliveryModeLabel.setBuddy(self.deliveryModeCombo)
        self.currencyLabel.setBuddy(self.currencyCombo)
        self.salesTaxGroupLabel.setBuddy(self.salesTaxGroupCombo)
        self.creditLimitLabel.setBuddy(self.creditLimitEdit)
        self.channelsLabel.setBuddy(self.channelList)
        self.reasonLabel.setBuddy(self.reasonEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(ApprovalWizard)

        QMetaObject.connectSlotsByName(ApprovalWizard)
    # setupUi

    def retranslateUi(self, ApprovalWizard):
        ApprovalWizard.setWindowTitle(QCoreApplication.translate("ApprovalWizard", u"Approve a request", None))
        self.reviewPage.setTitle(QCoreApplication.translate("ApprovalWizard", u"Review the request", None))
        self.reviewPage.setSubTitle(QCoreApplication.translate("ApprovalWizard", u"Check what the site sent and correct it where needed. Fields with a problem are marked.", None))
        self.companyNameLabel.setText(QCoreApplication.translate("ApprovalWizard", u"Company name:", None))
#if QT_CONFIG(accessibility)
        self.companyNameEdit.setAccessibleName(QCoreApplication.translate("ApprovalWizard", u"Company name", None))
#endif // QT_CONFIG(accessibility)
        self.companyNameKanaLabel.setText(QCoreApplication.translate("ApprovalWizard", u"Company reading (kana):", None))
#if QT_CONFIG(accessibility)
        self.companyNameKanaEdit.setAccessibleName(QCoreApplication.translate("ApprovalWizard", u"Company reading (kana)", None))
#endif // QT_CONFIG(accessibility)
        self.corporateNumberLabel.setText(QCoreApplication.translate("ApprovalWizard", u"Corporate number:", None))
#if QT_CONFIG(accessibility)
        self.corporateNumberEdit.setAccessibleName(QCoreApplication.translate("ApprovalWizard", u"Corporate number", None))
#endif // QT_CONFIG(accessibility)
        self.invoiceRegistrationNumberLabel.setText(QCoreApplication.translate("ApprovalWizard", u"Invoice registration number:", None))
#if QT_CONFIG(accessibility)
        self.invoiceRegistrationNumberEdit.setAccessibleName(QCoreApplication.translate("ApprovalWizard", u"Invoice registration number", None))
#endif // QT_CONFIG(accessibility)
        self.lastNameLabel.setText(QCoreApplication.translate("ApprovalWizard", u"Last name:", None))
#if QT_CONFIG(accessibility)
        self.lastNameEdit.setAccessibleName(QCoreApplication.translate("ApprovalWizard", u"Last name", None))
#endif // QT_CONFIG(accessibility)
        self.firstNameLabel.setText(QCoreApplication.translate("ApprovalWizard", u"First name:", None))
#if QT_CONFIG(accessibility)
        self.firstNameEdit.setAccessibleName(QCoreApplication.translate("ApprovalWizard", u"First name", None))
#endif // QT_CONFIG(accessibility)
        self.lastNameKanaLabel.setText(QCoreApplication.translate("ApprovalWizard", u"Last name (kana):", None))
#if QT_CONFIG(accessibility)
        self.lastNameKanaEdit.setAccessibleName(QCoreApplication.translate("ApprovalWizard", u"Last name (kana)", None))
#endif // QT_CONFIG(accessibility)
        self.firstNameKanaLabel.setText(QCoreApplication.translate("ApprovalWizard", u"First name (kana):", None))
#if QT_CONFIG(accessibility)
        self.firstNameKanaEdit.setAccessibleName(QCoreApplication.translate("ApprovalWizard", u"First name (kana)", None))
#endif // QT_CONFIG(accessibility)
        self.emailLabel.setText(QCoreApplication.translate("ApprovalWizard", u"E-mail:", None))
#if QT_CONFIG(accessibility)
        self.emailEdit.setAccessibleName(QCoreApplication.translate("ApprovalWizard", u"E-mail", None))
#endif // QT_CONFIG(accessibility)
        self.phoneLabel.setText(QCoreApplication.translate("ApprovalWizard", u"Phone:", None))
#if QT_CONFIG(accessibility)
        self.phoneEdit.setAccessibleName(QCoreApplication.translate("ApprovalWizard", u"Phone", None))
#endif // QT_CONFIG(accessibility)
        self.departmentLabel.setText(QCoreApplication.translate("ApprovalWizard", u"Department:", None))
#if QT_CONFIG(accessibility)
        self.departmentEdit.setAccessibleName(QCoreApplication.translate("ApprovalWizard", u"Department", None))
#endif // QT_CONFIG(accessibility)
        self.jobTitleLabel.setText(QCoreApplication.translate("ApprovalWizard", u"Job title:", None))
#if QT_CONFIG(accessibility)
        self.jobTitleEdit.setAccessibleName(QCoreApplication.translate("ApprovalWizard", u"Job title", None))
#endif // QT_CONFIG(accessibility)
        self.postalCodeLabel.setText(QCoreApplication.translate("ApprovalWizard", u"Postal code:", None))
#if QT_CONFIG(accessibility)
        self.postalCodeEdit.setAccessibleName(QCoreApplication.translate("ApprovalWizard", u"Postal code", None))
#endif // QT_CONFIG(accessibility)
        self.prefectureLabel.setText(QCoreApplication.translate("ApprovalWizard", u"Prefecture:", None))
#if QT_CONFIG(accessibility)
        self.prefectureEdit.setAccessibleName(QCoreApplication.translate("ApprovalWizard", u"Prefecture", None))
#endif // QT_CONFIG(accessibility)
        self.cityLabel.setText(QCoreApplication.translate("ApprovalWizard", u"City:", None))
#if QT_CONFIG(accessibility)
        self.cityEdit.setAccessibleName(QCoreApplication.translate("ApprovalWizard", u"City", None))
#endif // QT_CONFIG(accessibility)
        self.addressLine1Label.setText(QCoreApplication.translate("ApprovalWizard", u"Address line 1:", None))
#if QT_CONFIG(accessibility)
        self.addressLine1Edit.setAccessibleName(QCoreApplication.translate("ApprovalWizard", u"Address line 1", None))
#endif // QT_CONFIG(accessibility)
        self.addressLine2Label.setText(QCoreApplication.translate("ApprovalWizard", u"Address line 2:", None))
#if QT_CONFIG(accessibility)
        self.addressLine2Edit.setAccessibleName(QCoreApplication.translate("ApprovalWizard", u"Address line 2", None))
#endif // QT_CONFIG(accessibility)
        self.languageLabel.setText(QCoreApplication.translate("ApprovalWizard", u"Language of the notification:", None))

#if QT_CONFIG(accessibility)
        self.languageCombo.setAccessibleName(QCoreApplication.translate("ApprovalWizard", u"Language of the notification", None))
#endif // QT_CONFIG(accessibility)
        self.duplicatesPage.setTitle(QCoreApplication.translate("ApprovalWizard", u"Possible duplicates", None))
        self.duplicatesPage.setSubTitle(QCoreApplication.translate("ApprovalWizard", u"Existing customers that match the request, and what to do with it.", None))
#if QT_CONFIG(accessibility)
        self.candidatesTable.setAccessibleName(QCoreApplication.translate("ApprovalWizard", u"Duplicate candidates", None))
#endif // QT_CONFIG(accessibility)
        self.decisionNew.setText(QCoreApplication.translate("ApprovalWizard", u"&New customer hierarchy (the person becomes its admin)", None))
        self.decisionInto.setText(QCoreApplication.translate("ApprovalWizard", u"Add to an &existing hierarchy as user:", None))
#if QT_CONFIG(accessibility)
        self.intoCombo.setAccessibleName(QCoreApplication.translate("ApprovalWizard", u"Customer hierarchy to add the user to", None))
#endif // QT_CONFIG(accessibility)
        self.decisionReject.setText(QCoreApplication.translate("ApprovalWizard", u"&Reject as duplicate", None))
        self.termsPage.setTitle(QCoreApplication.translate("ApprovalWizard", u"Terms and channel access", None))
        self.termsPage.setSubTitle(QCoreApplication.translate("ApprovalWizard", u"The new organization's properties (the defaults for new partners are preselected) and the B2B sites it may use.", None))
        self.hierarchyNameLabel.setText(QCoreApplication.translate("ApprovalWizard", u"Hierarchy name:", None))
#if QT_CONFIG(accessibility)
        self.hierarchyNameEdit.setAccessibleName(QCoreApplication.translate("ApprovalWizard", u"Hierarchy name", None))
#endif // QT_CONFIG(accessibility)
        self.customerGroupLabel.setText(QCoreApplication.translate("ApprovalWizard", u"Customer group:", None))
#if QT_CONFIG(accessibility)
        self.customerGroupCombo.setAccessibleName(QCoreApplication.translate("ApprovalWizard", u"Customer group", None))
#endif // QT_CONFIG(accessibility)
        self.priceGroupLabel.setText(QCoreApplication.translate("ApprovalWizard", u"Price group:", None))
#if QT_CONFIG(accessibility)
        self.priceGroupCombo.setAccessibleName(QCoreApplication.translate("ApprovalWizard", u"Price group", None))
#endif // QT_CONFIG(accessibility)
        self.lineDiscountGroupLabel.setText(QCoreApplication.translate("ApprovalWizard", u"Line discount group:", None))
#if QT_CONFIG(accessibility)
        self.lineDiscountGroupCombo.setAccessibleName(QCoreApplication.translate("ApprovalWizard", u"Line discount group", None))
#endif // QT_CONFIG(accessibility)
        self.multilineDiscountGroupLabel.setText(QCoreApplication.translate("ApprovalWizard", u"Multiline discount group:", None))
#if QT_CONFIG(accessibility)
        self.multilineDiscountGroupCombo.setAccessibleName(QCoreApplication.translate("ApprovalWizard", u"Multiline discount group", None))
#endif // QT_CONFIG(accessibility)
        self.totalDiscountGroupLabel.setText(QCoreApplication.translate("ApprovalWizard", u"Total discount group:", None))
#if QT_CONFIG(accessibility)
        self.totalDiscountGroupCombo.setAccessibleName(QCoreApplication.translate("ApprovalWizard", u"Total discount group", None))
#endif // QT_CONFIG(accessibility)
        self.paymentTermsLabel.setText(QCoreApplication.translate("ApprovalWizard", u"Terms of payment:", None))
#if QT_CONFIG(accessibility)
        self.paymentTermsCombo.setAccessibleName(QCoreApplication.translate("ApprovalWizard", u"Terms of payment", None))
#endif // QT_CONFIG(accessibility)
        self.deliveryModeLabel.setText(QCoreApplication.translate("ApprovalWizard", u"Mode of delivery:", None))
#if QT_CONFIG(accessibility)
        self.deliveryModeCombo.setAccessibleName(QCoreApplication.translate("ApprovalWizard", u"Mode of delivery", None))
#endif // QT_CONFIG(accessibility)
        self.currencyLabel.setText(QCoreApplication.translate("ApprovalWizard", u"Currency:", None))
#if QT_CONFIG(accessibility)
        self.currencyCombo.setAccessibleName(QCoreApplication.translate("ApprovalWizard", u"Currency", None))
#endif // QT_CONFIG(accessibility)
        self.salesTaxGroupLabel.setText(QCoreApplication.translate("ApprovalWizard", u"Sales tax group:", None))
#if QT_CONFIG(accessibility)
        self.salesTaxGroupCombo.setAccessibleName(QCoreApplication.translate("ApprovalWizard", u"Sales tax group", None))
#endif // QT_CONFIG(accessibility)
        self.creditLimitLabel.setText(QCoreApplication.translate("ApprovalWizard", u"Credit limit (JPY):", None))
#if QT_CONFIG(accessibility)
        self.creditLimitEdit.setAccessibleName(QCoreApplication.translate("ApprovalWizard", u"Credit limit (JPY)", None))
#endif // QT_CONFIG(accessibility)
        self.channelsLabel.setText(QCoreApplication.translate("ApprovalWizard", u"Channel &grants:", None))
#if QT_CONFIG(accessibility)
        self.channelList.setAccessibleName(QCoreApplication.translate("ApprovalWizard", u"Channel grants", None))
#endif // QT_CONFIG(accessibility)
        self.summaryPage.setTitle(QCoreApplication.translate("ApprovalWizard", u"Summary", None))
        self.summaryPage.setSubTitle(QCoreApplication.translate("ApprovalWizard", u"What happens when you press Approve or Reject. Nothing has been changed yet.", None))
#if QT_CONFIG(accessibility)
        self.summaryText.setAccessibleName(QCoreApplication.translate("ApprovalWizard", u"Summary", None))
#endif // QT_CONFIG(accessibility)
        self.reasonLabel.setText(QCoreApplication.translate("ApprovalWizard", u"&Reason for the rejection (the requester receives it):", None))
#if QT_CONFIG(accessibility)
        self.reasonEdit.setAccessibleName(QCoreApplication.translate("ApprovalWizard", u"Reason for the rejection", None))
#endif // QT_CONFIG(accessibility)
        self.resultPage.setTitle(QCoreApplication.translate("ApprovalWizard", u"Done", None))
        self.resultPage.setSubTitle(QCoreApplication.translate("ApprovalWizard", u"What was created and how the requester is told.", None))
#if QT_CONFIG(accessibility)
        self.resultText.setAccessibleName(QCoreApplication.translate("ApprovalWizard", u"Result", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi

