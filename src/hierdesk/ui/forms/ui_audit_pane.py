# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'audit_pane.ui'
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
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QComboBox, QDateEdit,
    QGroupBox, QHBoxLayout, QHeaderView, QLabel,
    QLineEdit, QPushButton, QSizePolicy, QSplitter,
    QTableView, QVBoxLayout, QWidget)

class Ui_AuditPane(object):
    def setupUi(self, AuditPane):
        if not AuditPane.objectName():
            AuditPane.setObjectName(u"AuditPane")
        self.paneLayout = QVBoxLayout(AuditPane)
        self.paneLayout.setObjectName(u"paneLayout")
        self.paneLayout.setContentsMargins(0, 0, 0, 0)
        self.hintLayout = QHBoxLayout()
        self.hintLayout.setObjectName(u"hintLayout")
        self.auditHint = QLabel(AuditPane)
        self.auditHint.setObjectName(u"auditHint")
        self.auditHint.setWordWrap(True)

        self.hintLayout.addWidget(self.auditHint)

        self.countLabel = QLabel(AuditPane)
        self.countLabel.setObjectName(u"countLabel")
        self.countLabel.setText(u"")

        self.hintLayout.addWidget(self.countLabel)

        self.exportButton = QPushButton(AuditPane)
        self.exportButton.setObjectName(u"exportButton")

        self.hintLayout.addWidget(self.exportButton)

        self.hintLayout.setStretch(0, 1)

        self.paneLayout.addLayout(self.hintLayout)

        self.filterLayout = QHBoxLayout()
        self.filterLayout.setObjectName(u"filterLayout")
        self.periodLabel = QLabel(AuditPane)
        self.periodLabel.setObjectName(u"periodLabel")

        self.filterLayout.addWidget(self.periodLabel)

        self.periodFilter = QComboBox(AuditPane)
        self.periodFilter.addItem("")
        self.periodFilter.addItem("")
        self.periodFilter.addItem("")
        self.periodFilter.addItem("")
        self.periodFilter.addItem("")
        self.periodFilter.addItem("")
        self.periodFilter.setObjectName(u"periodFilter")

        self.filterLayout.addWidget(self.periodFilter)

        self.sinceEdit = QDateEdit(AuditPane)
        self.sinceEdit.setObjectName(u"sinceEdit")
        self.sinceEdit.setCalendarPopup(True)

        self.filterLayout.addWidget(self.sinceEdit)

        self.rangeDash = QLabel(AuditPane)
        self.rangeDash.setObjectName(u"rangeDash")
        self.rangeDash.setText(u"\u2013")

        self.filterLayout.addWidget(self.rangeDash)

        self.untilEdit = QDateEdit(AuditPane)
        self.untilEdit.setObjectName(u"untilEdit")
        self.untilEdit.setCalendarPopup(True)

        self.filterLayout.addWidget(self.untilEdit)

        self.operatorLabel = QLabel(AuditPane)
        self.operatorLabel.setObjectName(u"operatorLabel")

        self.filterLayout.addWidget(self.operatorLabel)

        self.operatorFilter = QComboBox(AuditPane)
        self.operatorFilter.setObjectName(u"operatorFilter")
        self.operatorFilter.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)

        self.filterLayout.addWidget(self.operatorFilter)

        self.actionLabel = QLabel(AuditPane)
        self.actionLabel.setObjectName(u"actionLabel")

        self.filterLayout.addWidget(self.actionLabel)

        self.actionFilter = QComboBox(AuditPane)
        self.actionFilter.setObjectName(u"actionFilter")
        self.actionFilter.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)

        self.filterLayout.addWidget(self.actionFilter)

        self.entityFilter = QLineEdit(AuditPane)
        self.entityFilter.setObjectName(u"entityFilter")
        self.entityFilter.setClearButtonEnabled(True)

        self.filterLayout.addWidget(self.entityFilter)

        self.textFilter = QLineEdit(AuditPane)
        self.textFilter.setObjectName(u"textFilter")
        self.textFilter.setClearButtonEnabled(True)

        self.filterLayout.addWidget(self.textFilter)


        self.paneLayout.addLayout(self.filterLayout)

        self.auditSplitter = QSplitter(AuditPane)
        self.auditSplitter.setObjectName(u"auditSplitter")
        self.auditSplitter.setOrientation(Qt.Orientation.Vertical)
        self.auditSplitter.setChildrenCollapsible(False)
        self.auditTable = QTableView(self.auditSplitter)
        self.auditTable.setObjectName(u"auditTable")
        self.auditTable.setAlternatingRowColors(True)
        self.auditTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.auditTable.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.auditTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.auditSplitter.addWidget(self.auditTable)
        self.auditTable.horizontalHeader().setStretchLastSection(True)
        self.auditTable.verticalHeader().setVisible(False)
        self.detailGroup = QGroupBox(self.auditSplitter)
        self.detailGroup.setObjectName(u"detailGroup")
        self.detailLayout = QVBoxLayout(self.detailGroup)
        self.detailLayout.setObjectName(u"detailLayout")
        self.detailTable = QTableView(self.detailGroup)
        self.detailTable.setObjectName(u"detailTable")
        self.detailTable.setAlternatingRowColors(True)
        self.detailTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.detailTable.horizontalHeader().setStretchLastSection(True)
        self.detailTable.verticalHeader().setVisible(False)

        self.detailLayout.addWidget(self.detailTable)

        self.auditSplitter.addWidget(self.detailGroup)

        self.paneLayout.addWidget(self.auditSplitter)

        self.paneLayout.setStretch(2, 1)
#if QT_CONFIG(shortcut)
        self.periodLabel.setBuddy(self.periodFilter)
        self.operatorLabel.setBuddy(self.operatorFilter)
        self.actionLabel.setBuddy(self.actionFilter)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(AuditPane)

        QMetaObject.connectSlotsByName(AuditPane)
    # setupUi

    def retranslateUi(self, AuditPane):
        self.auditHint.setText(QCoreApplication.translate("AuditPane", u"Every change made through hierdesk, newest first. Entries cannot be edited or deleted.", None))
        self.exportButton.setText(QCoreApplication.translate("AuditPane", u"&Export to CSV\u2026", None))
        self.periodLabel.setText(QCoreApplication.translate("AuditPane", u"&Period:", None))
        self.periodFilter.setItemText(0, QCoreApplication.translate("AuditPane", u"All time", None))
        self.periodFilter.setItemText(1, QCoreApplication.translate("AuditPane", u"Today", None))
        self.periodFilter.setItemText(2, QCoreApplication.translate("AuditPane", u"Last 7 days", None))
        self.periodFilter.setItemText(3, QCoreApplication.translate("AuditPane", u"Last 30 days", None))
        self.periodFilter.setItemText(4, QCoreApplication.translate("AuditPane", u"This year", None))
        self.periodFilter.setItemText(5, QCoreApplication.translate("AuditPane", u"From \u2026 to \u2026", None))

#if QT_CONFIG(accessibility)
        self.periodFilter.setAccessibleName(QCoreApplication.translate("AuditPane", u"Period", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.sinceEdit.setAccessibleName(QCoreApplication.translate("AuditPane", u"First day", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.untilEdit.setAccessibleName(QCoreApplication.translate("AuditPane", u"Last day", None))
#endif // QT_CONFIG(accessibility)
        self.operatorLabel.setText(QCoreApplication.translate("AuditPane", u"&Operator:", None))
#if QT_CONFIG(accessibility)
        self.operatorFilter.setAccessibleName(QCoreApplication.translate("AuditPane", u"Operator filter", None))
#endif // QT_CONFIG(accessibility)
        self.actionLabel.setText(QCoreApplication.translate("AuditPane", u"&Action:", None))
#if QT_CONFIG(accessibility)
        self.actionFilter.setAccessibleName(QCoreApplication.translate("AuditPane", u"Action filter", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.entityFilter.setAccessibleName(QCoreApplication.translate("AuditPane", u"Record ID filter", None))
#endif // QT_CONFIG(accessibility)
        self.entityFilter.setPlaceholderText(QCoreApplication.translate("AuditPane", u"Record or hierarchy ID", None))
#if QT_CONFIG(accessibility)
        self.textFilter.setAccessibleName(QCoreApplication.translate("AuditPane", u"Text filter", None))
#endif // QT_CONFIG(accessibility)
        self.textFilter.setPlaceholderText(QCoreApplication.translate("AuditPane", u"Search in values", None))
#if QT_CONFIG(accessibility)
        self.auditTable.setAccessibleName(QCoreApplication.translate("AuditPane", u"Audit entries", None))
#endif // QT_CONFIG(accessibility)
        self.detailGroup.setTitle(QCoreApplication.translate("AuditPane", u"Before and after", None))
#if QT_CONFIG(accessibility)
        self.detailTable.setAccessibleName(QCoreApplication.translate("AuditPane", u"Values before and after the change", None))
#endif // QT_CONFIG(accessibility)
        pass
    # retranslateUi

