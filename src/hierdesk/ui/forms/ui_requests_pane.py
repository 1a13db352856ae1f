# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'requests_pane.ui'
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
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QComboBox, QHBoxLayout,
    QHeaderView, QLabel, QLineEdit, QPushButton,
    QSizePolicy, QSpacerItem, QSplitter, QTableView,
    QTextBrowser, QVBoxLayout, QWidget)

class Ui_RequestsPane(object):
    def setupUi(self, RequestsPane):
        if not RequestsPane.objectName():
            RequestsPane.setObjectName(u"RequestsPane")
        self.paneLayout = QVBoxLayout(RequestsPane)
        self.paneLayout.setObjectName(u"paneLayout")
        self.paneLayout.setContentsMargins(0, 0, 0, 0)
        self.requestsTitle = QLabel(RequestsPane)
        self.requestsTitle.setObjectName(u"requestsTitle")
        self.requestsTitle.setStyleSheet(u"font-size: 15pt; font-weight: 600;")

        self.paneLayout.addWidget(self.requestsTitle)

        self.requestsBanner = QLabel(RequestsPane)
        self.requestsBanner.setObjectName(u"requestsBanner")
        self.requestsBanner.setText(u"")
        self.requestsBanner.setWordWrap(True)
        self.requestsBanner.setStyleSheet(u"background: #fff4ce; border: 1px solid #e0c060; padding: 6px;")

        self.paneLayout.addWidget(self.requestsBanner)

        self.filterLayout = QHBoxLayout()
        self.filterLayout.setObjectName(u"filterLayout")
        self.statusLabel = QLabel(RequestsPane)
        self.statusLabel.setObjectName(u"statusLabel")

        self.filterLayout.addWidget(self.statusLabel)

        self.statusFilter = QComboBox(RequestsPane)
        self.statusFilter.addItem("")
        self.statusFilter.addItem("")
        self.statusFilter.addItem("")
        self.statusFilter.addItem("")
        self.statusFilter.setObjectName(u"statusFilter")

        self.filterLayout.addWidget(self.statusFilter)

        self.searchLabel = QLabel(RequestsPane)
        self.searchLabel.setObjectName(u"searchLabel")

        self.filterLayout.addWidget(self.searchLabel)

        self.searchEdit = QLineEdit(RequestsPane)
        self.searchEdit.setObjectName(u"searchEdit")
        self.searchEdit.setClearButtonEnabled(True)
        self.searchEdit.setMinimumSize(QSize(260, 0))

        self.filterLayout.addWidget(self.searchEdit)

        self.sortLabel = QLabel(RequestsPane)
        self.sortLabel.setObjectName(u"sortLabel")

        self.filterLayout.addWidget(self.sortLabel)

        self.sortCombo = QComboBox(RequestsPane)
        self.sortCombo.addItem("")
        self.sortCombo.addItem("")
        self.sortCombo.addItem("")
        self.sortCombo.setObjectName(u"sortCombo")

        self.filterLayout.addWidget(self.sortCombo)

        self.filterSpacer = QSpacerItem(20, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.filterLayout.addItem(self.filterSpacer)

        self.countLabel = QLabel(RequestsPane)
        self.countLabel.setObjectName(u"countLabel")
        self.countLabel.setText(u"")

        self.filterLayout.addWidget(self.countLabel)


        self.paneLayout.addLayout(self.filterLayout)

        self.actionLayout = QHBoxLayout()
        self.actionLayout.setObjectName(u"actionLayout")
        self.importButton = QPushButton(RequestsPane)
        self.importButton.setObjectName(u"importButton")

        self.actionLayout.addWidget(self.importButton)

        self.approveButton = QPushButton(RequestsPane)
        self.approveButton.setObjectName(u"approveButton")

        self.actionLayout.addWidget(self.approveButton)

        self.rejectButton = QPushButton(RequestsPane)
        self.rejectButton.setObjectName(u"rejectButton")

        self.actionLayout.addWidget(self.rejectButton)

        self.actionSpacer = QSpacerItem(20, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.actionLayout.addItem(self.actionSpacer)

        self.queueLabel = QLabel(RequestsPane)
        self.queueLabel.setObjectName(u"queueLabel")
        self.queueLabel.setText(u"")
        self.queueLabel.setStyleSheet(u"color: #8a5a00;")

        self.actionLayout.addWidget(self.queueLabel)

        self.retryButton = QPushButton(RequestsPane)
        self.retryButton.setObjectName(u"retryButton")

        self.actionLayout.addWidget(self.retryButton)


        self.paneLayout.addLayout(self.actionLayout)

        self.requestsSplitter = QSplitter(RequestsPane)
        self.requestsSplitter.setObjectName(u"requestsSplitter")
        self.requestsSplitter.setOrientation(Qt.Orientation.Horizontal)
        self.requestsSplitter.setChildrenCollapsible(False)
        self.requestTable = QTableView(self.requestsSplitter)
        self.requestTable.setObjectName(u"requestTable")
        self.requestTable.setAlternatingRowColors(True)
        self.requestTable.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.requestTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.requestTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.requestsSplitter.addWidget(self.requestTable)
        self.requestTable.horizontalHeader().setStretchLastSection(True)
        self.requestTable.verticalHeader().setVisible(False)
        self.requestDetail = QTextBrowser(self.requestsSplitter)
        self.requestDetail.setObjectName(u"requestDetail")
        self.requestDetail.setOpenLinks(False)
        self.requestDetail.setMinimumSize(QSize(280, 0))
        self.requestsSplitter.addWidget(self.requestDetail)

        self.paneLayout.addWidget(self.requestsSplitter)

        self.paneLayout.setStretch(4, 1)
#if QT_CONFIG(shortcut)
        self.statusLabel.setBuddy(self.statusFilter)
        self.searchLabel.setBuddy(self.searchEdit)
        self.sortLabel.setBuddy(self.sortCombo)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(RequestsPane)

        QMetaObject.connectSlotsByName(RequestsPane)
    # setupUi

    def retranslateUi(self, RequestsPane):
        self.requestsTitle.setText(QCoreApplication.translate("RequestsPane", u"Requests from the B2B sites", None))
        self.statusLabel.setText(QCoreApplication.translate("RequestsPane", u"&Status:", None))
        self.statusFilter.setItemText(0, QCoreApplication.translate("RequestsPane", u"Pending", None))
        self.statusFilter.setItemText(1, QCoreApplication.translate("RequestsPane", u"Approved", None))
        self.statusFilter.setItemText(2, QCoreApplication.translate("RequestsPane", u"Rejected", None))
        self.statusFilter.setItemText(3, QCoreApplication.translate("RequestsPane", u"All", None))

#if QT_CONFIG(accessibility)
        self.statusFilter.setAccessibleName(QCoreApplication.translate("RequestsPane", u"Request status filter", None))
#endif // QT_CONFIG(accessibility)
        self.searchLabel.setText(QCoreApplication.translate("RequestsPane", u"S&earch:", None))
#if QT_CONFIG(accessibility)
        self.searchEdit.setAccessibleName(QCoreApplication.translate("RequestsPane", u"Search requests", None))
#endif // QT_CONFIG(accessibility)
        self.searchEdit.setPlaceholderText(QCoreApplication.translate("RequestsPane", u"Company, reading, e-mail or corporate number", None))
        self.sortLabel.setText(QCoreApplication.translate("RequestsPane", u"S&ort:", None))
        self.sortCombo.setItemText(0, QCoreApplication.translate("RequestsPane", u"Received, oldest first", None))
        self.sortCombo.setItemText(1, QCoreApplication.translate("RequestsPane", u"Received, newest first", None))
        self.sortCombo.setItemText(2, QCoreApplication.translate("RequestsPane", u"Company reading (A\u2013Z, \u3042\u3044\u3046\u3048\u304a)", None))

#if QT_CONFIG(accessibility)
        self.sortCombo.setAccessibleName(QCoreApplication.translate("RequestsPane", u"Order of the requests", None))
#endif // QT_CONFIG(accessibility)
        self.importButton.setText(QCoreApplication.translate("RequestsPane", u"&Import requests\u2026", None))
#if QT_CONFIG(tooltip)
        self.importButton.setToolTip(QCoreApplication.translate("RequestsPane", u"Read requests from a CSV (UTF-8 or Shift_JIS), JSON or JSON Lines file sent by a site", None))
#endif // QT_CONFIG(tooltip)
        self.approveButton.setText(QCoreApplication.translate("RequestsPane", u"&Approve\u2026", None))
#if QT_CONFIG(tooltip)
        self.approveButton.setToolTip(QCoreApplication.translate("RequestsPane", u"One request: open the approval wizard. Several: approve them all with the defaults.", None))
#endif // QT_CONFIG(tooltip)
        self.rejectButton.setText(QCoreApplication.translate("RequestsPane", u"&Reject\u2026", None))
#if QT_CONFIG(tooltip)
        self.rejectButton.setToolTip(QCoreApplication.translate("RequestsPane", u"Reject the selected requests with a reason; each requester is told", None))
#endif // QT_CONFIG(tooltip)
        self.retryButton.setText(QCoreApplication.translate("RequestsPane", u"Send &now", None))
#if QT_CONFIG(tooltip)
        self.retryButton.setToolTip(QCoreApplication.translate("RequestsPane", u"Try again to send the notifications that could not be sent", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(accessibility)
        self.requestTable.setAccessibleName(QCoreApplication.translate("RequestsPane", u"Requests", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.requestDetail.setAccessibleName(QCoreApplication.translate("RequestsPane", u"Request details", None))
#endif // QT_CONFIG(accessibility)
        pass
    # retranslateUi

