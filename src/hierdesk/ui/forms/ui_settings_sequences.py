# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'settings_sequences.ui'
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

class Ui_SequencesSection(object):
    def setupUi(self, SequencesSection):
        if not SequencesSection.objectName():
            SequencesSection.setObjectName(u"SequencesSection")
        self.sectionLayout = QVBoxLayout(SequencesSection)
        self.sectionLayout.setObjectName(u"sectionLayout")
        self.sequencesHint = QLabel(SequencesSection)
        self.sequencesHint.setObjectName(u"sequencesHint")
        self.sequencesHint.setWordWrap(True)

        self.sectionLayout.addWidget(self.sequencesHint)

        self.permissionBanner = QLabel(SequencesSection)
        self.permissionBanner.setObjectName(u"permissionBanner")
        self.permissionBanner.setText(u"")
        self.permissionBanner.setWordWrap(True)
        self.permissionBanner.setStyleSheet(u"background: #fff4ce; border: 1px solid #e0c060; padding: 6px;")

        self.sectionLayout.addWidget(self.permissionBanner)

        self.sequenceTable = QTableView(SequencesSection)
        self.sequenceTable.setObjectName(u"sequenceTable")
        self.sequenceTable.setMinimumSize(QSize(0, 110))
        self.sequenceTable.setTabKeyNavigation(False)
        self.sequenceTable.setAlternatingRowColors(True)
        self.sequenceTable.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.sequenceTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.sequenceTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.sequenceTable.setWordWrap(False)
        self.sequenceTable.horizontalHeader().setStretchLastSection(True)
        self.sequenceTable.verticalHeader().setVisible(False)

        self.sectionLayout.addWidget(self.sequenceTable)

        self.editGroup = QGroupBox(SequencesSection)
        self.editGroup.setObjectName(u"editGroup")
        self.editLayout = QGridLayout(self.editGroup)
        self.editLayout.setObjectName(u"editLayout")
        self.codeLabel = QLabel(self.editGroup)
        self.codeLabel.setObjectName(u"codeLabel")

        self.editLayout.addWidget(self.codeLabel, 0, 0, 1, 1)

        self.codeEdit = QLineEdit(self.editGroup)
        self.codeEdit.setObjectName(u"codeEdit")
        self.codeEdit.setMinimumSize(QSize(200, 0))
        self.codeEdit.setMaxLength(40)
        self.codeEdit.setPlaceholderText(u"HIER2")

        self.editLayout.addWidget(self.codeEdit, 0, 1, 1, 1)

        self.codeProblem = QLabel(self.editGroup)
        self.codeProblem.setObjectName(u"codeProblem")
        self.codeProblem.setText(u"")
        self.codeProblem.setWordWrap(True)
        self.codeProblem.setStyleSheet(u"color: #b00020;")

        self.editLayout.addWidget(self.codeProblem, 0, 2, 1, 1)

        self.nameLabel = QLabel(self.editGroup)
        self.nameLabel.setObjectName(u"nameLabel")

        self.editLayout.addWidget(self.nameLabel, 1, 0, 1, 1)

        self.nameEdit = QLineEdit(self.editGroup)
        self.nameEdit.setObjectName(u"nameEdit")
        self.nameEdit.setMaxLength(200)

        self.editLayout.addWidget(self.nameEdit, 1, 1, 1, 1)

        self.nameProblem = QLabel(self.editGroup)
        self.nameProblem.setObjectName(u"nameProblem")
        self.nameProblem.setText(u"")
        self.nameProblem.setWordWrap(True)
        self.nameProblem.setStyleSheet(u"color: #b00020;")

        self.editLayout.addWidget(self.nameProblem, 1, 2, 1, 1)

        self.formatLabel = QLabel(self.editGroup)
        self.formatLabel.setObjectName(u"formatLabel")

        self.editLayout.addWidget(self.formatLabel, 2, 0, 1, 1)

        self.formatEdit = QLineEdit(self.editGroup)
        self.formatEdit.setObjectName(u"formatEdit")
        self.formatEdit.setMaxLength(40)
        self.formatEdit.setPlaceholderText(u"CH-######")

        self.editLayout.addWidget(self.formatEdit, 2, 1, 1, 1)

        self.formatProblem = QLabel(self.editGroup)
        self.formatProblem.setObjectName(u"formatProblem")
        self.formatProblem.setText(u"")
        self.formatProblem.setWordWrap(True)
        self.formatProblem.setStyleSheet(u"color: #b00020;")

        self.editLayout.addWidget(self.formatProblem, 2, 2, 1, 1)

        self.smallestLabel = QLabel(self.editGroup)
        self.smallestLabel.setObjectName(u"smallestLabel")

        self.editLayout.addWidget(self.smallestLabel, 3, 0, 1, 1)

        self.smallestEdit = QLineEdit(self.editGroup)
        self.smallestEdit.setObjectName(u"smallestEdit")
        self.smallestEdit.setMaxLength(30)
        self.smallestEdit.setAlignment(Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignVCenter)
        self.smallestEdit.setInputMethodHints(Qt.InputMethodHint.ImhDigitsOnly)

        self.editLayout.addWidget(self.smallestEdit, 3, 1, 1, 1)

        self.smallestProblem = QLabel(self.editGroup)
        self.smallestProblem.setObjectName(u"smallestProblem")
        self.smallestProblem.setText(u"")
        self.smallestProblem.setWordWrap(True)
        self.smallestProblem.setStyleSheet(u"color: #b00020;")

        self.editLayout.addWidget(self.smallestProblem, 3, 2, 1, 1)

        self.largestLabel = QLabel(self.editGroup)
        self.largestLabel.setObjectName(u"largestLabel")

        self.editLayout.addWidget(self.largestLabel, 4, 0, 1, 1)

        self.largestEdit = QLineEdit(self.editGroup)
        self.largestEdit.setObjectName(u"largestEdit")
        self.largestEdit.setMaxLength(30)
        self.largestEdit.setAlignment(Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignVCenter)
        self.largestEdit.setInputMethodHints(Qt.InputMethodHint.ImhDigitsOnly)

        self.editLayout.addWidget(self.largestEdit, 4, 1, 1, 1)

        self.largestProblem = QLabel(self.editGroup)
        self.largestProblem.setObjectName(u"largestProblem")
        self.largestProblem.setText(u"")
        self.largestProblem.setWordWrap(True)
        self.largestProblem.setStyleSheet(u"color: #b00020;")

        self.editLayout.addWidget(self.largestProblem, 4, 2, 1, 1)

        self.nextLabel = QLabel(self.editGroup)
        self.nextLabel.setObjectName(u"nextLabel")

        self.editLayout.addWidget(self.nextLabel, 5, 0, 1, 1)

        self.nextEdit = QLineEdit(self.editGroup)
        self.nextEdit.setObjectName(u"nextEdit")
        self.nextEdit.setMaxLength(30)
        self.nextEdit.setAlignment(Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignVCenter)
        self.nextEdit.setInputMethodHints(Qt.InputMethodHint.ImhDigitsOnly)

        self.editLayout.addWidget(self.nextEdit, 5, 1, 1, 1)

        self.nextProblem = QLabel(self.editGroup)
        self.nextProblem.setObjectName(u"nextProblem")
        self.nextProblem.setText(u"")
        self.nextProblem.setWordWrap(True)
        self.nextProblem.setStyleSheet(u"color: #b00020;")

        self.editLayout.addWidget(self.nextProblem, 5, 2, 1, 1)

        self.flagsLayout = QHBoxLayout()
        self.flagsLayout.setObjectName(u"flagsLayout")
        self.continuousCheck = QCheckBox(self.editGroup)
        self.continuousCheck.setObjectName(u"continuousCheck")

        self.flagsLayout.addWidget(self.continuousCheck)

        self.stoppedCheck = QCheckBox(self.editGroup)
        self.stoppedCheck.setObjectName(u"stoppedCheck")

        self.flagsLayout.addWidget(self.stoppedCheck)

        self.flagsSpacer = QSpacerItem(10, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.flagsLayout.addItem(self.flagsSpacer)


        self.editLayout.addLayout(self.flagsLayout, 6, 1, 1, 2)

        self.previewLabel = QLabel(self.editGroup)
        self.previewLabel.setObjectName(u"previewLabel")

        self.editLayout.addWidget(self.previewLabel, 7, 0, 1, 1)

        self.previewValue = QLabel(self.editGroup)
        self.previewValue.setObjectName(u"previewValue")
        self.previewValue.setText(u"")
        self.previewValue.setWordWrap(True)
        self.previewValue.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.editLayout.addWidget(self.previewValue, 7, 1, 1, 2)

        self.editButtons = QHBoxLayout()
        self.editButtons.setObjectName(u"editButtons")
        self.saveButton = QPushButton(self.editGroup)
        self.saveButton.setObjectName(u"saveButton")
        self.saveButton.setEnabled(False)

        self.editButtons.addWidget(self.saveButton)

        self.revertButton = QPushButton(self.editGroup)
        self.revertButton.setObjectName(u"revertButton")
        self.revertButton.setEnabled(False)

        self.editButtons.addWidget(self.revertButton)

        self.newButton = QPushButton(self.editGroup)
        self.newButton.setObjectName(u"newButton")

        self.editButtons.addWidget(self.newButton)

        self.resultLabel = QLabel(self.editGroup)
        self.resultLabel.setObjectName(u"resultLabel")
        self.resultLabel.setText(u"")
        self.resultLabel.setWordWrap(True)
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        sizePolicy.setHorizontalStretch(1)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.resultLabel.sizePolicy().hasHeightForWidth())
        self.resultLabel.setSizePolicy(sizePolicy)

        self.editButtons.addWidget(self.resultLabel)


        self.editLayout.addLayout(self.editButtons, 8, 0, 1, 3)

        self.editLayout.setColumnStretch(2, 1)

        self.sectionLayout.addWidget(self.editGroup)

        self.referencesGroup = QGroupBox(SequencesSection)
        self.referencesGroup.setObjectName(u"referencesGroup")
        self.referencesLayout = QGridLayout(self.referencesGroup)
        self.referencesLayout.setObjectName(u"referencesLayout")
        self.hierarchyLabel = QLabel(self.referencesGroup)
        self.hierarchyLabel.setObjectName(u"hierarchyLabel")

        self.referencesLayout.addWidget(self.hierarchyLabel, 0, 0, 1, 1)

        self.hierarchyCombo = QComboBox(self.referencesGroup)
        self.hierarchyCombo.setObjectName(u"hierarchyCombo")
        self.hierarchyCombo.setMinimumSize(QSize(240, 0))
        self.hierarchyCombo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)

        self.referencesLayout.addWidget(self.hierarchyCombo, 0, 1, 1, 1)

        self.hierarchyAssignButton = QPushButton(self.referencesGroup)
        self.hierarchyAssignButton.setObjectName(u"hierarchyAssignButton")
        self.hierarchyAssignButton.setEnabled(False)

        self.referencesLayout.addWidget(self.hierarchyAssignButton, 0, 2, 1, 1)

        self.hierarchyNext = QLabel(self.referencesGroup)
        self.hierarchyNext.setObjectName(u"hierarchyNext")
        self.hierarchyNext.setText(u"")
        self.hierarchyNext.setWordWrap(True)

        self.referencesLayout.addWidget(self.hierarchyNext, 0, 3, 1, 1)

        self.accountLabel = QLabel(self.referencesGroup)
        self.accountLabel.setObjectName(u"accountLabel")

        self.referencesLayout.addWidget(self.accountLabel, 1, 0, 1, 1)

        self.accountCombo = QComboBox(self.referencesGroup)
        self.accountCombo.setObjectName(u"accountCombo")
        self.accountCombo.setMinimumSize(QSize(240, 0))
        self.accountCombo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)

        self.referencesLayout.addWidget(self.accountCombo, 1, 1, 1, 1)

        self.accountAssignButton = QPushButton(self.referencesGroup)
        self.accountAssignButton.setObjectName(u"accountAssignButton")
        self.accountAssignButton.setEnabled(False)

        self.referencesLayout.addWidget(self.accountAssignButton, 1, 2, 1, 1)

        self.accountNext = QLabel(self.referencesGroup)
        self.accountNext.setObjectName(u"accountNext")
        self.accountNext.setText(u"")
        self.accountNext.setWordWrap(True)

        self.referencesLayout.addWidget(self.accountNext, 1, 3, 1, 1)

        self.referenceResult = QLabel(self.referencesGroup)
        self.referenceResult.setObjectName(u"referenceResult")
        self.referenceResult.setText(u"")
        self.referenceResult.setWordWrap(True)

        self.referencesLayout.addWidget(self.referenceResult, 2, 0, 1, 4)

        self.referencesLayout.setColumnStretch(3, 1)

        self.sectionLayout.addWidget(self.referencesGroup)

        self.sectionLayout.setStretch(2, 1)
#if QT_CONFIG(shortcut)
        self.codeLabel.setBuddy(self.codeEdit)
        self.nameLabel.setBuddy(self.nameEdit)
        self.formatLabel.setBuddy(self.formatEdit)
        self.smallestLabel.setBuddy(self.smallestEdit)
        self.largestLabel.setBuddy(self.largestEdit)
        self.nextLabel.setBuddy(self.nextEdit)
        self.hierarchyLabel.setBuddy(self.hierarchyCombo)
        self.accountLabel.setBuddy(self.accountCombo)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.sequenceTable, self.codeEdit)
        QWidget.setTabOrder(self.codeEdit, self.nameEdit)
        QWidget.setTabOrder(self.nameEdit, self.formatEdit)
        QWidget.setTabOrder(self.formatEdit, self.smallestEdit)
        QWidget.setTabOrder(self.smallestEdit, self.largestEdit)
        QWidget.setTabOrder(self.largestEdit, self.nextEdit)
        QWidget.setTabOrder(self.nextEdit, self.continuousCheck)
        QWidget.setTabOrder(self.continuousCheck, self.stoppedCheck)
        QWidget.setTabOrder(self.stoppedCheck, self.saveButton)
        QWidget.setTabOrder(self.saveButton, self.revertButton)
        QWidget.setTabOrder(self.revertButton, self.newButton)
        QWidget.setTabOrder(self.newButton, self.hierarchyCombo)
        QWidget.setTabOrder(self.hierarchyCombo, self.hierarchyAssignButton)
        QWidget.setTabOrder(self.hierarchyAssignButton, self.accountCombo)
        QWidget.setTabOrder(self.accountCombo, self.accountAssignButton)

        self.retranslateUi(SequencesSection)

        QMetaObject.connectSlotsByName(SequencesSection)
    # setupUi

    def retranslateUi(self, SequencesSection):
        self.sequencesHint.setText(QCoreApplication.translate("SequencesSection", u"Number sequences issue the IDs of customer hierarchies and customer accounts. An ID is never issued twice, so the next number can only move forward.", None))
#if QT_CONFIG(accessibility)
        self.sequenceTable.setAccessibleName(QCoreApplication.translate("SequencesSection", u"Number sequences", None))
#endif // QT_CONFIG(accessibility)
        self.editGroup.setTitle(QCoreApplication.translate("SequencesSection", u"New number sequence", None))
        self.codeLabel.setText(QCoreApplication.translate("SequencesSection", u"&Code:", None))
#if QT_CONFIG(accessibility)
        self.codeEdit.setAccessibleName(QCoreApplication.translate("SequencesSection", u"Sequence code", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.codeEdit.setAccessibleDescription(QCoreApplication.translate("SequencesSection", u"1 to 20 letters, digits, - or _", None))
#endif // QT_CONFIG(accessibility)
        self.nameLabel.setText(QCoreApplication.translate("SequencesSection", u"&Name:", None))
#if QT_CONFIG(accessibility)
        self.nameEdit.setAccessibleName(QCoreApplication.translate("SequencesSection", u"Sequence name", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.nameEdit.setAccessibleDescription(QCoreApplication.translate("SequencesSection", u"Up to 100 characters; empty: the code", None))
#endif // QT_CONFIG(accessibility)
        self.formatLabel.setText(QCoreApplication.translate("SequencesSection", u"&Format:", None))
#if QT_CONFIG(accessibility)
        self.formatEdit.setAccessibleName(QCoreApplication.translate("SequencesSection", u"Format", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.formatEdit.setAccessibleDescription(QCoreApplication.translate("SequencesSection", u"Constant characters around one run of # for the number, for example CH-######", None))
#endif // QT_CONFIG(accessibility)
        self.smallestLabel.setText(QCoreApplication.translate("SequencesSection", u"&Smallest:", None))
#if QT_CONFIG(accessibility)
        self.smallestEdit.setAccessibleName(QCoreApplication.translate("SequencesSection", u"Smallest number", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.smallestEdit.setAccessibleDescription(QCoreApplication.translate("SequencesSection", u"A whole number of 0 or more", None))
#endif // QT_CONFIG(accessibility)
        self.largestLabel.setText(QCoreApplication.translate("SequencesSection", u"&Largest:", None))
#if QT_CONFIG(accessibility)
        self.largestEdit.setAccessibleName(QCoreApplication.translate("SequencesSection", u"Largest number", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.largestEdit.setAccessibleDescription(QCoreApplication.translate("SequencesSection", u"A whole number; empty: the largest the format holds", None))
#endif // QT_CONFIG(accessibility)
        self.nextLabel.setText(QCoreApplication.translate("SequencesSection", u"Ne&xt:", None))
#if QT_CONFIG(accessibility)
        self.nextEdit.setAccessibleName(QCoreApplication.translate("SequencesSection", u"Next number", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.nextEdit.setAccessibleDescription(QCoreApplication.translate("SequencesSection", u"The number of the next ID; it can only move forward", None))
#endif // QT_CONFIG(accessibility)
        self.continuousCheck.setText(QCoreApplication.translate("SequencesSection", u"C&ontinuous (never skips a number)", None))
#if QT_CONFIG(accessibility)
        self.continuousCheck.setAccessibleName(QCoreApplication.translate("SequencesSection", u"Continuous", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(tooltip)
        self.continuousCheck.setToolTip(QCoreApplication.translate("SequencesSection", u"A continuous sequence never skips a number: when an approval fails, its number goes to the next one.", None))
#endif // QT_CONFIG(tooltip)
        self.stoppedCheck.setText(QCoreApplication.translate("SequencesSection", u"S&topped (issues no IDs)", None))
#if QT_CONFIG(accessibility)
        self.stoppedCheck.setAccessibleName(QCoreApplication.translate("SequencesSection", u"Stopped", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(tooltip)
        self.stoppedCheck.setToolTip(QCoreApplication.translate("SequencesSection", u"A stopped sequence issues no IDs: approvals that need one are refused until it is started again.", None))
#endif // QT_CONFIG(tooltip)
        self.previewLabel.setText(QCoreApplication.translate("SequencesSection", u"Next IDs:", None))
        self.saveButton.setText(QCoreApplication.translate("SequencesSection", u"&Create sequence", None))
#if QT_CONFIG(accessibility)
        self.saveButton.setAccessibleName(QCoreApplication.translate("SequencesSection", u"Create sequence", None))
#endif // QT_CONFIG(accessibility)
        self.revertButton.setText(QCoreApplication.translate("SequencesSection", u"&Revert", None))
#if QT_CONFIG(accessibility)
        self.revertButton.setAccessibleName(QCoreApplication.translate("SequencesSection", u"Revert changes", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(tooltip)
        self.revertButton.setToolTip(QCoreApplication.translate("SequencesSection", u"Show the saved values again", None))
#endif // QT_CONFIG(tooltip)
        self.newButton.setText(QCoreApplication.translate("SequencesSection", u"Ne&w", None))
#if QT_CONFIG(accessibility)
        self.newButton.setAccessibleName(QCoreApplication.translate("SequencesSection", u"New number sequence", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(tooltip)
        self.newButton.setToolTip(QCoreApplication.translate("SequencesSection", u"Clear the form to create another number sequence", None))
#endif // QT_CONFIG(tooltip)
        self.referencesGroup.setTitle(QCoreApplication.translate("SequencesSection", u"References: which sequence issues which IDs", None))
        self.hierarchyLabel.setText(QCoreApplication.translate("SequencesSection", u"Customer &hierarchy ID:", None))
#if QT_CONFIG(accessibility)
        self.hierarchyCombo.setAccessibleName(QCoreApplication.translate("SequencesSection", u"Sequence for customer hierarchy IDs", None))
#endif // QT_CONFIG(accessibility)
        self.hierarchyAssignButton.setText(QCoreApplication.translate("SequencesSection", u"&Assign", None))
#if QT_CONFIG(accessibility)
        self.hierarchyAssignButton.setAccessibleName(QCoreApplication.translate("SequencesSection", u"Assign the sequence to customer hierarchy IDs", None))
#endif // QT_CONFIG(accessibility)
        self.accountLabel.setText(QCoreApplication.translate("SequencesSection", u"Customer acco&unt:", None))
#if QT_CONFIG(accessibility)
        self.accountCombo.setAccessibleName(QCoreApplication.translate("SequencesSection", u"Sequence for customer accounts", None))
#endif // QT_CONFIG(accessibility)
        self.accountAssignButton.setText(QCoreApplication.translate("SequencesSection", u"Assi&gn", None))
#if QT_CONFIG(accessibility)
        self.accountAssignButton.setAccessibleName(QCoreApplication.translate("SequencesSection", u"Assign the sequence to customer accounts", None))
#endif // QT_CONFIG(accessibility)
        pass
    # retranslateUi

