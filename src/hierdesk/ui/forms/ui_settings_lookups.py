# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'settings_lookups.ui'
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
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QCheckBox, QComboBox,
    QGridLayout, QGroupBox, QHBoxLayout, QHeaderView,
    QLabel, QLineEdit, QPushButton, QSizePolicy,
    QSpacerItem, QTableView, QVBoxLayout, QWidget)

class Ui_LookupsSection(object):
    def setupUi(self, LookupsSection):
        if not LookupsSection.objectName():
            LookupsSection.setObjectName(u"LookupsSection")
        self.sectionLayout = QVBoxLayout(LookupsSection)
        self.sectionLayout.setObjectName(u"sectionLayout")
        self.lookupsHint = QLabel(LookupsSection)
        self.lookupsHint.setObjectName(u"lookupsHint")
        self.lookupsHint.setWordWrap(True)

        self.sectionLayout.addWidget(self.lookupsHint)

        self.permissionBanner = QLabel(LookupsSection)
        self.permissionBanner.setObjectName(u"permissionBanner")
        self.permissionBanner.setText(u"")
        self.permissionBanner.setWordWrap(True)
        self.permissionBanner.setStyleSheet(u"background: #fff4ce; border: 1px solid #e0c060; padding: 6px;")

        self.sectionLayout.addWidget(self.permissionBanner)

        self.kindLayout = QHBoxLayout()
        self.kindLayout.setObjectName(u"kindLayout")
        self.kindLabel = QLabel(LookupsSection)
        self.kindLabel.setObjectName(u"kindLabel")

        self.kindLayout.addWidget(self.kindLabel)

        self.kindCombo = QComboBox(LookupsSection)
        self.kindCombo.setObjectName(u"kindCombo")
        self.kindCombo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)

        self.kindLayout.addWidget(self.kindCombo)

        self.defaultSummary = QLabel(LookupsSection)
        self.defaultSummary.setObjectName(u"defaultSummary")
        self.defaultSummary.setText(u"")

        self.kindLayout.addWidget(self.defaultSummary)

        self.kindSpacer = QSpacerItem(40, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.kindLayout.addItem(self.kindSpacer)


        self.sectionLayout.addLayout(self.kindLayout)

        self.lookupTable = QTableView(LookupsSection)
        self.lookupTable.setObjectName(u"lookupTable")
        self.lookupTable.setTabKeyNavigation(False)
        self.lookupTable.setAlternatingRowColors(True)
        self.lookupTable.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.lookupTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.lookupTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.lookupTable.setWordWrap(False)
        self.lookupTable.horizontalHeader().setStretchLastSection(True)
        self.lookupTable.verticalHeader().setVisible(False)

        self.sectionLayout.addWidget(self.lookupTable)

        self.editGroup = QGroupBox(LookupsSection)
        self.editGroup.setObjectName(u"editGroup")
        self.editLayout = QGridLayout(self.editGroup)
        self.editLayout.setObjectName(u"editLayout")
        self.codeLabel = QLabel(self.editGroup)
        self.codeLabel.setObjectName(u"codeLabel")

        self.editLayout.addWidget(self.codeLabel, 0, 0, 1, 1)

        self.codeEdit = QLineEdit(self.editGroup)
        self.codeEdit.setObjectName(u"codeEdit")
        self.codeEdit.setMaxLength(40)

        self.editLayout.addWidget(self.codeEdit, 0, 1, 1, 1)

        self.activeCheck = QCheckBox(self.editGroup)
        self.activeCheck.setObjectName(u"activeCheck")
        self.activeCheck.setChecked(True)

        self.editLayout.addWidget(self.activeCheck, 0, 2, 1, 2)

        self.codeProblem = QLabel(self.editGroup)
        self.codeProblem.setObjectName(u"codeProblem")
        self.codeProblem.setText(u"")
        self.codeProblem.setWordWrap(True)
        self.codeProblem.setStyleSheet(u"color: #b00020;")

        self.editLayout.addWidget(self.codeProblem, 1, 1, 1, 3)

        self.nameJaLabel = QLabel(self.editGroup)
        self.nameJaLabel.setObjectName(u"nameJaLabel")

        self.editLayout.addWidget(self.nameJaLabel, 2, 0, 1, 1)

        self.nameJaEdit = QLineEdit(self.editGroup)
        self.nameJaEdit.setObjectName(u"nameJaEdit")
        self.nameJaEdit.setMaxLength(200)

        self.editLayout.addWidget(self.nameJaEdit, 2, 1, 1, 1)

        self.nameEnLabel = QLabel(self.editGroup)
        self.nameEnLabel.setObjectName(u"nameEnLabel")

        self.editLayout.addWidget(self.nameEnLabel, 2, 2, 1, 1)

        self.nameEnEdit = QLineEdit(self.editGroup)
        self.nameEnEdit.setObjectName(u"nameEnEdit")
        self.nameEnEdit.setMaxLength(200)

        self.editLayout.addWidget(self.nameEnEdit, 2, 3, 1, 1)

        self.nameJaProblem = QLabel(self.editGroup)
        self.nameJaProblem.setObjectName(u"nameJaProblem")
        self.nameJaProblem.setText(u"")
        self.nameJaProblem.setWordWrap(True)
        self.nameJaProblem.setStyleSheet(u"color: #b00020;")

        self.editLayout.addWidget(self.nameJaProblem, 3, 1, 1, 1)

        self.nameEnProblem = QLabel(self.editGroup)
        self.nameEnProblem.setObjectName(u"nameEnProblem")
        self.nameEnProblem.setText(u"")
        self.nameEnProblem.setWordWrap(True)
        self.nameEnProblem.setStyleSheet(u"color: #b00020;")

        self.editLayout.addWidget(self.nameEnProblem, 3, 3, 1, 1)

        self.editButtons = QHBoxLayout()
        self.editButtons.setObjectName(u"editButtons")
        self.saveButton = QPushButton(self.editGroup)
        self.saveButton.setObjectName(u"saveButton")

        self.editButtons.addWidget(self.saveButton)

        self.newButton = QPushButton(self.editGroup)
        self.newButton.setObjectName(u"newButton")

        self.editButtons.addWidget(self.newButton)

        self.defaultButton = QPushButton(self.editGroup)
        self.defaultButton.setObjectName(u"defaultButton")
        self.defaultButton.setEnabled(False)

        self.editButtons.addWidget(self.defaultButton)

        self.editButtonsSpacer = QSpacerItem(10, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.editButtons.addItem(self.editButtonsSpacer)


        self.editLayout.addLayout(self.editButtons, 4, 0, 1, 4)

        self.resultLabel = QLabel(self.editGroup)
        self.resultLabel.setObjectName(u"resultLabel")
        self.resultLabel.setText(u"")
        self.resultLabel.setWordWrap(True)

        self.editLayout.addWidget(self.resultLabel, 5, 0, 1, 4)

        self.editLayout.setColumnStretch(1, 1)
        self.editLayout.setColumnStretch(3, 1)

        self.sectionLayout.addWidget(self.editGroup)

        self.creditGroup = QGroupBox(LookupsSection)
        self.creditGroup.setObjectName(u"creditGroup")
        self.creditLayout = QGridLayout(self.creditGroup)
        self.creditLayout.setObjectName(u"creditLayout")
        self.creditLabel = QLabel(self.creditGroup)
        self.creditLabel.setObjectName(u"creditLabel")

        self.creditLayout.addWidget(self.creditLabel, 0, 0, 1, 1)

        self.creditEdit = QLineEdit(self.creditGroup)
        self.creditEdit.setObjectName(u"creditEdit")
        self.creditEdit.setMaxLength(30)
        self.creditEdit.setAlignment(Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignVCenter)
        self.creditEdit.setMinimumSize(QSize(160, 0))

        self.creditLayout.addWidget(self.creditEdit, 0, 1, 1, 1)

        self.creditSaveButton = QPushButton(self.creditGroup)
        self.creditSaveButton.setObjectName(u"creditSaveButton")

        self.creditLayout.addWidget(self.creditSaveButton, 0, 2, 1, 1)

        self.creditResult = QLabel(self.creditGroup)
        self.creditResult.setObjectName(u"creditResult")
        self.creditResult.setText(u"")
        self.creditResult.setWordWrap(True)

        self.creditLayout.addWidget(self.creditResult, 0, 3, 1, 1)

        self.creditHint = QLabel(self.creditGroup)
        self.creditHint.setObjectName(u"creditHint")
        self.creditHint.setWordWrap(True)

        self.creditLayout.addWidget(self.creditHint, 1, 0, 1, 4)

        self.creditLayout.setColumnStretch(3, 1)

        self.sectionLayout.addWidget(self.creditGroup)

        self.sectionLayout.setStretch(3, 1)
#if QT_CONFIG(shortcut)
        self.kindLabel.setBuddy(self.kindCombo)
        self.codeLabel.setBuddy(self.codeEdit)
        self.nameJaLabel.setBuddy(self.nameJaEdit)
        self.nameEnLabel.setBuddy(self.nameEnEdit)
        self.creditLabel.setBuddy(self.creditEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.kindCombo, self.lookupTable)
        QWidget.setTabOrder(self.lookupTable, self.codeEdit)
        QWidget.setTabOrder(self.codeEdit, self.nameJaEdit)
        QWidget.setTabOrder(self.nameJaEdit, self.nameEnEdit)
        QWidget.setTabOrder(self.nameEnEdit, self.activeCheck)
        QWidget.setTabOrder(self.activeCheck, self.saveButton)
        QWidget.setTabOrder(self.saveButton, self.newButton)
        QWidget.setTabOrder(self.newButton, self.defaultButton)
        QWidget.setTabOrder(self.defaultButton, self.creditEdit)
        QWidget.setTabOrder(self.creditEdit, self.creditSaveButton)

        self.retranslateUi(LookupsSection)

        QMetaObject.connectSlotsByName(LookupsSection)
    # setupUi

    def retranslateUi(self, LookupsSection):
        self.lookupsHint.setText(QCoreApplication.translate("LookupsSection", u"Coded values offered for customer properties, each with a Japanese and an English name. Values cannot be deleted once customers may use them; make them inactive instead.", None))
        self.kindLabel.setText(QCoreApplication.translate("LookupsSection", u"&Property:", None))
#if QT_CONFIG(accessibility)
        self.kindCombo.setAccessibleName(QCoreApplication.translate("LookupsSection", u"Property", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.lookupTable.setAccessibleName(QCoreApplication.translate("LookupsSection", u"Lookup values", None))
#endif // QT_CONFIG(accessibility)
        self.editGroup.setTitle(QCoreApplication.translate("LookupsSection", u"New value", None))
        self.codeLabel.setText(QCoreApplication.translate("LookupsSection", u"&Code:", None))
#if QT_CONFIG(accessibility)
        self.codeEdit.setAccessibleName(QCoreApplication.translate("LookupsSection", u"Code", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.codeEdit.setAccessibleDescription(QCoreApplication.translate("LookupsSection", u"1 to 20 letters, digits, -, _ or .", None))
#endif // QT_CONFIG(accessibility)
        self.activeCheck.setText(QCoreApplication.translate("LookupsSection", u"Ac&tive (offered for customers)", None))
#if QT_CONFIG(accessibility)
        self.activeCheck.setAccessibleName(QCoreApplication.translate("LookupsSection", u"Active", None))
#endif // QT_CONFIG(accessibility)
        self.nameJaLabel.setText(QCoreApplication.translate("LookupsSection", u"&Japanese name:", None))
#if QT_CONFIG(accessibility)
        self.nameJaEdit.setAccessibleName(QCoreApplication.translate("LookupsSection", u"Japanese name", None))
#endif // QT_CONFIG(accessibility)
        self.nameEnLabel.setText(QCoreApplication.translate("LookupsSection", u"&English name:", None))
#if QT_CONFIG(accessibility)
        self.nameEnEdit.setAccessibleName(QCoreApplication.translate("LookupsSection", u"English name", None))
#endif // QT_CONFIG(accessibility)
        self.saveButton.setText(QCoreApplication.translate("LookupsSection", u"&Add value", None))
#if QT_CONFIG(accessibility)
        self.saveButton.setAccessibleName(QCoreApplication.translate("LookupsSection", u"Add value", None))
#endif // QT_CONFIG(accessibility)
        self.newButton.setText(QCoreApplication.translate("LookupsSection", u"&New", None))
#if QT_CONFIG(accessibility)
        self.newButton.setAccessibleName(QCoreApplication.translate("LookupsSection", u"New value", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(tooltip)
        self.newButton.setToolTip(QCoreApplication.translate("LookupsSection", u"Clear the form to add another value", None))
#endif // QT_CONFIG(tooltip)
        self.defaultButton.setText(QCoreApplication.translate("LookupsSection", u"&Use as default for new partners", None))
#if QT_CONFIG(accessibility)
        self.defaultButton.setAccessibleName(QCoreApplication.translate("LookupsSection", u"Use as default for new partners", None))
#endif // QT_CONFIG(accessibility)
        self.creditGroup.setTitle(QCoreApplication.translate("LookupsSection", u"Credit limit for new partners", None))
        self.creditLabel.setText(QCoreApplication.translate("LookupsSection", u"Credit &limit:", None))
#if QT_CONFIG(accessibility)
        self.creditEdit.setAccessibleName(QCoreApplication.translate("LookupsSection", u"Credit limit for new partners", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.creditEdit.setAccessibleDescription(QCoreApplication.translate("LookupsSection", u"A whole yen amount, for example \u00a51,000,000", None))
#endif // QT_CONFIG(accessibility)
        self.creditSaveButton.setText(QCoreApplication.translate("LookupsSection", u"Save c&redit limit", None))
#if QT_CONFIG(accessibility)
        self.creditSaveButton.setAccessibleName(QCoreApplication.translate("LookupsSection", u"Save credit limit", None))
#endif // QT_CONFIG(accessibility)
        self.creditHint.setText(QCoreApplication.translate("LookupsSection", u"Whole yen, in Japanese yen. The other properties of a new partner are the values marked \u201cDefault\u201d in each lookup; the approval wizard lets the clerk change them.", None))
        pass
    # retranslateUi

