# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'jobs_pane.ui'
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
    QSizePolicy, QSpacerItem, QSplitter, QTabWidget,
    QTableView, QTextBrowser, QVBoxLayout, QWidget)

class Ui_JobsPane(object):
    def setupUi(self, JobsPane):
        if not JobsPane.objectName():
            JobsPane.setObjectName(u"JobsPane")
        self.paneLayout = QVBoxLayout(JobsPane)
        self.paneLayout.setObjectName(u"paneLayout")
        self.paneLayout.setContentsMargins(0, 0, 0, 0)
        self.jobsTitle = QLabel(JobsPane)
        self.jobsTitle.setObjectName(u"jobsTitle")
        self.jobsTitle.setStyleSheet(u"font-size: 15pt; font-weight: 600;")

        self.paneLayout.addWidget(self.jobsTitle)

        self.jobsBanner = QLabel(JobsPane)
        self.jobsBanner.setObjectName(u"jobsBanner")
        self.jobsBanner.setText(u"")
        self.jobsBanner.setWordWrap(True)
        self.jobsBanner.setStyleSheet(u"background: #fff4ce; border: 1px solid #e0c060; padding: 6px;")

        self.paneLayout.addWidget(self.jobsBanner)

        self.jobTabs = QTabWidget(JobsPane)
        self.jobTabs.setObjectName(u"jobTabs")
        self.distributionTab = QWidget()
        self.distributionTab.setObjectName(u"distributionTab")
        self.distributionLayout = QVBoxLayout(self.distributionTab)
        self.distributionLayout.setObjectName(u"distributionLayout")
        self.distributionHint = QLabel(self.distributionTab)
        self.distributionHint.setObjectName(u"distributionHint")
        self.distributionHint.setWordWrap(True)

        self.distributionLayout.addWidget(self.distributionHint)

        self.folderLayout = QHBoxLayout()
        self.folderLayout.setObjectName(u"folderLayout")
        self.folderCaption = QLabel(self.distributionTab)
        self.folderCaption.setObjectName(u"folderCaption")

        self.folderLayout.addWidget(self.folderCaption)

        self.folderEdit = QLineEdit(self.distributionTab)
        self.folderEdit.setObjectName(u"folderEdit")
        self.folderEdit.setReadOnly(True)
        self.folderEdit.setMinimumSize(QSize(240, 0))

        self.folderLayout.addWidget(self.folderEdit)

        self.changeFolderButton = QPushButton(self.distributionTab)
        self.changeFolderButton.setObjectName(u"changeFolderButton")

        self.folderLayout.addWidget(self.changeFolderButton)

        self.folderLayout.setStretch(1, 1)

        self.distributionLayout.addLayout(self.folderLayout)

        self.folderNote = QLabel(self.distributionTab)
        self.folderNote.setObjectName(u"folderNote")
        self.folderNote.setText(u"")
        self.folderNote.setWordWrap(True)
        self.folderNote.setStyleSheet(u"color: #555;")

        self.distributionLayout.addWidget(self.folderNote)

        self.runLayout = QHBoxLayout()
        self.runLayout.setObjectName(u"runLayout")
        self.runSelectedButton = QPushButton(self.distributionTab)
        self.runSelectedButton.setObjectName(u"runSelectedButton")

        self.runLayout.addWidget(self.runSelectedButton)

        self.runAllButton = QPushButton(self.distributionTab)
        self.runAllButton.setObjectName(u"runAllButton")

        self.runLayout.addWidget(self.runAllButton)

        self.runSpacer = QSpacerItem(20, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.runLayout.addItem(self.runSpacer)


        self.distributionLayout.addLayout(self.runLayout)

        self.distributionSplitter = QSplitter(self.distributionTab)
        self.distributionSplitter.setObjectName(u"distributionSplitter")
        self.distributionSplitter.setOrientation(Qt.Orientation.Vertical)
        self.distributionSplitter.setChildrenCollapsible(False)
        self.sitesTable = QTableView(self.distributionSplitter)
        self.sitesTable.setObjectName(u"sitesTable")
        self.sitesTable.setAlternatingRowColors(True)
        self.sitesTable.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.sitesTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.sitesTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.distributionSplitter.addWidget(self.sitesTable)
        self.sitesTable.horizontalHeader().setStretchLastSection(True)
        self.sitesTable.verticalHeader().setVisible(False)
        self.historyBox = QWidget(self.distributionSplitter)
        self.historyBox.setObjectName(u"historyBox")
        self.historyLayout = QVBoxLayout(self.historyBox)
        self.historyLayout.setObjectName(u"historyLayout")
        self.historyLayout.setContentsMargins(0, 4, 0, 0)
        self.historyLabel = QLabel(self.historyBox)
        self.historyLabel.setObjectName(u"historyLabel")
        self.historyLabel.setStyleSheet(u"font-weight: 600;")

        self.historyLayout.addWidget(self.historyLabel)

        self.runsTable = QTableView(self.historyBox)
        self.runsTable.setObjectName(u"runsTable")
        self.runsTable.setAlternatingRowColors(True)
        self.runsTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.runsTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.runsTable.horizontalHeader().setStretchLastSection(True)
        self.runsTable.verticalHeader().setVisible(False)

        self.historyLayout.addWidget(self.runsTable)

        self.historyLayout.setStretch(1, 1)
        self.distributionSplitter.addWidget(self.historyBox)

        self.distributionLayout.addWidget(self.distributionSplitter)

        self.distributionLayout.setStretch(4, 1)
        self.jobTabs.addTab(self.distributionTab, "")
        self.signinsTab = QWidget()
        self.signinsTab.setObjectName(u"signinsTab")
        self.signinsLayout = QVBoxLayout(self.signinsTab)
        self.signinsLayout.setObjectName(u"signinsLayout")
        self.signinsHint = QLabel(self.signinsTab)
        self.signinsHint.setObjectName(u"signinsHint")
        self.signinsHint.setWordWrap(True)

        self.signinsLayout.addWidget(self.signinsHint)

        self.autoLinkNote = QLabel(self.signinsTab)
        self.autoLinkNote.setObjectName(u"autoLinkNote")
        self.autoLinkNote.setText(u"")
        self.autoLinkNote.setWordWrap(True)
        self.autoLinkNote.setStyleSheet(u"background: #fff4ce; border: 1px solid #e0c060; padding: 4px;")

        self.signinsLayout.addWidget(self.autoLinkNote)

        self.signinFilterLayout = QHBoxLayout()
        self.signinFilterLayout.setObjectName(u"signinFilterLayout")
        self.outcomeLabel = QLabel(self.signinsTab)
        self.outcomeLabel.setObjectName(u"outcomeLabel")

        self.signinFilterLayout.addWidget(self.outcomeLabel)

        self.outcomeFilter = QComboBox(self.signinsTab)
        self.outcomeFilter.setObjectName(u"outcomeFilter")
        self.outcomeFilter.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)

        self.signinFilterLayout.addWidget(self.outcomeFilter)

        self.signinSearchLabel = QLabel(self.signinsTab)
        self.signinSearchLabel.setObjectName(u"signinSearchLabel")

        self.signinFilterLayout.addWidget(self.signinSearchLabel)

        self.signinSearch = QLineEdit(self.signinsTab)
        self.signinSearch.setObjectName(u"signinSearch")
        self.signinSearch.setClearButtonEnabled(True)
        self.signinSearch.setMinimumSize(QSize(260, 0))

        self.signinFilterLayout.addWidget(self.signinSearch)

        self.signinFilterSpacer = QSpacerItem(20, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.signinFilterLayout.addItem(self.signinFilterSpacer)

        self.signinCount = QLabel(self.signinsTab)
        self.signinCount.setObjectName(u"signinCount")
        self.signinCount.setText(u"")

        self.signinFilterLayout.addWidget(self.signinCount)


        self.signinsLayout.addLayout(self.signinFilterLayout)

        self.signinActionLayout = QHBoxLayout()
        self.signinActionLayout.setObjectName(u"signinActionLayout")
        self.importSigninsButton = QPushButton(self.signinsTab)
        self.importSigninsButton.setObjectName(u"importSigninsButton")

        self.signinActionLayout.addWidget(self.importSigninsButton)

        self.linkPendingButton = QPushButton(self.signinsTab)
        self.linkPendingButton.setObjectName(u"linkPendingButton")

        self.signinActionLayout.addWidget(self.linkPendingButton)

        self.signinActionSpacer = QSpacerItem(20, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.signinActionLayout.addItem(self.signinActionSpacer)


        self.signinsLayout.addLayout(self.signinActionLayout)

        self.signinsSplitter = QSplitter(self.signinsTab)
        self.signinsSplitter.setObjectName(u"signinsSplitter")
        self.signinsSplitter.setOrientation(Qt.Orientation.Vertical)
        self.signinsSplitter.setChildrenCollapsible(False)
        self.signinTable = QTableView(self.signinsSplitter)
        self.signinTable.setObjectName(u"signinTable")
        self.signinTable.setAlternatingRowColors(True)
        self.signinTable.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.signinTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.signinTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.signinsSplitter.addWidget(self.signinTable)
        self.signinTable.horizontalHeader().setStretchLastSection(True)
        self.signinTable.verticalHeader().setVisible(False)
        self.signinDetail = QTextBrowser(self.signinsSplitter)
        self.signinDetail.setObjectName(u"signinDetail")
        self.signinDetail.setOpenLinks(False)
        self.signinDetail.setMinimumSize(QSize(0, 90))
        self.signinsSplitter.addWidget(self.signinDetail)

        self.signinsLayout.addWidget(self.signinsSplitter)

        self.signinsLayout.setStretch(4, 1)
        self.jobTabs.addTab(self.signinsTab, "")

        self.paneLayout.addWidget(self.jobTabs)

        self.paneLayout.setStretch(2, 1)
#if QT_CONFIG(shortcut)
        self.folderCaption.setBuddy(self.folderEdit)
        self.historyLabel.setBuddy(self.runsTable)
        self.outcomeLabel.setBuddy(self.outcomeFilter)
        self.signinSearchLabel.setBuddy(self.signinSearch)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.jobTabs, self.folderEdit)
        QWidget.setTabOrder(self.folderEdit, self.changeFolderButton)
        QWidget.setTabOrder(self.changeFolderButton, self.runSelectedButton)
        QWidget.setTabOrder(self.runSelectedButton, self.runAllButton)
        QWidget.setTabOrder(self.runAllButton, self.sitesTable)
        QWidget.setTabOrder(self.sitesTable, self.runsTable)
        QWidget.setTabOrder(self.runsTable, self.outcomeFilter)
        QWidget.setTabOrder(self.outcomeFilter, self.signinSearch)
        QWidget.setTabOrder(self.signinSearch, self.importSigninsButton)
        QWidget.setTabOrder(self.importSigninsButton, self.linkPendingButton)
        QWidget.setTabOrder(self.linkPendingButton, self.signinTable)
        QWidget.setTabOrder(self.signinTable, self.signinDetail)

        self.retranslateUi(JobsPane)

        self.jobTabs.setCurrentIndex(0)


        QMetaObject.connectSlotsByName(JobsPane)
    # setupUi

    def retranslateUi(self, JobsPane):
        self.jobsTitle.setText(QCoreApplication.translate("JobsPane", u"Jobs", None))
#if QT_CONFIG(accessibility)
        self.jobTabs.setAccessibleName(QCoreApplication.translate("JobsPane", u"Jobs", None))
#endif // QT_CONFIG(accessibility)
        self.distributionHint.setText(QCoreApplication.translate("JobsPane", u"The customers distribution job (1010) writes one file per B2B site with the customers and customer hierarchies that may use it. Sites in bold have changes waiting to be published.", None))
        self.folderCaption.setText(QCoreApplication.translate("JobsPane", u"Folder the sites read:", None))
#if QT_CONFIG(accessibility)
        self.folderEdit.setAccessibleName(QCoreApplication.translate("JobsPane", u"Folder the sites read", None))
#endif // QT_CONFIG(accessibility)
        self.changeFolderButton.setText(QCoreApplication.translate("JobsPane", u"&Change\u2026", None))
#if QT_CONFIG(tooltip)
        self.changeFolderButton.setToolTip(QCoreApplication.translate("JobsPane", u"Choose the folder the B2B sites read their files from (administrators)", None))
#endif // QT_CONFIG(tooltip)
        self.runSelectedButton.setText(QCoreApplication.translate("JobsPane", u"Run for &selected site", None))
#if QT_CONFIG(tooltip)
        self.runSelectedButton.setToolTip(QCoreApplication.translate("JobsPane", u"Publish the customers of the selected B2B site to its file now", None))
#endif // QT_CONFIG(tooltip)
        self.runAllButton.setText(QCoreApplication.translate("JobsPane", u"Run for &all sites", None))
#if QT_CONFIG(tooltip)
        self.runAllButton.setToolTip(QCoreApplication.translate("JobsPane", u"Publish the customers of every active B2B site to their files now", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(accessibility)
        self.sitesTable.setAccessibleName(QCoreApplication.translate("JobsPane", u"B2B sites and what changed since the last run", None))
#endif // QT_CONFIG(accessibility)
        self.historyLabel.setText(QCoreApplication.translate("JobsPane", u"&Run history (newest first)", None))
#if QT_CONFIG(accessibility)
        self.runsTable.setAccessibleName(QCoreApplication.translate("JobsPane", u"Distribution runs", None))
#endif // QT_CONFIG(accessibility)
        self.jobTabs.setTabText(self.jobTabs.indexOf(self.distributionTab), QCoreApplication.translate("JobsPane", u"Customers &distribution", None))
        self.signinsHint.setText(QCoreApplication.translate("JobsPane", u"The B2B sites report who signed in; each sign-in is linked to the customer with its e-mail. A warning marks the sign-ins that need a clerk, with the next step in words.", None))
        self.outcomeLabel.setText(QCoreApplication.translate("JobsPane", u"&Outcome:", None))
#if QT_CONFIG(accessibility)
        self.outcomeFilter.setAccessibleName(QCoreApplication.translate("JobsPane", u"Sign-in outcome filter", None))
#endif // QT_CONFIG(accessibility)
        self.signinSearchLabel.setText(QCoreApplication.translate("JobsPane", u"Sea&rch:", None))
#if QT_CONFIG(accessibility)
        self.signinSearch.setAccessibleName(QCoreApplication.translate("JobsPane", u"Search sign-ins", None))
#endif // QT_CONFIG(accessibility)
        self.signinSearch.setPlaceholderText(QCoreApplication.translate("JobsPane", u"E-mail, identity or customer account", None))
        self.importSigninsButton.setText(QCoreApplication.translate("JobsPane", u"&Import sign-ins\u2026", None))
#if QT_CONFIG(tooltip)
        self.importSigninsButton.setToolTip(QCoreApplication.translate("JobsPane", u"Read sign-ins from a CSV (UTF-8 or Shift_JIS), JSON or JSON Lines file sent by a site", None))
#endif // QT_CONFIG(tooltip)
        self.linkPendingButton.setText(QCoreApplication.translate("JobsPane", u"&Link pending", None))
#if QT_CONFIG(tooltip)
        self.linkPendingButton.setToolTip(QCoreApplication.translate("JobsPane", u"Decide again every sign-in that is not linked yet, after the problem was put right", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(accessibility)
        self.signinTable.setAccessibleName(QCoreApplication.translate("JobsPane", u"Sign-ins", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.signinDetail.setAccessibleName(QCoreApplication.translate("JobsPane", u"Selected sign-in", None))
#endif // QT_CONFIG(accessibility)
        self.jobTabs.setTabText(self.jobTabs.indexOf(self.signinsTab), QCoreApplication.translate("JobsPane", u"Si&gn-ins", None))
        pass
    # retranslateUi

