# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'main_window.ui'
##
## Created by: Qt User Interface Compiler
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QAction, QBrush, QColor, QConicalGradient,
    QCursor, QFont, QFontDatabase, QGradient,
    QIcon, QImage, QKeySequence, QLinearGradient,
    QPainter, QPalette, QPixmap, QRadialGradient,
    QTransform)
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QComboBox, QFormLayout,
    QFrame, QGroupBox, QHBoxLayout, QHeaderView,
    QLabel, QLineEdit, QListWidget, QListWidgetItem,
    QMainWindow, QMenu, QMenuBar, QSizePolicy,
    QSpacerItem, QSplitter, QStackedWidget, QStatusBar,
    QTreeView, QVBoxLayout, QWidget)

class Ui_MainWindow(object):
    def setupUi(self, MainWindow):
        if not MainWindow.objectName():
            MainWindow.setObjectName(u"MainWindow")
        MainWindow.resize(1180, 760)
        MainWindow.setWindowTitle(u"hierdesk")
        self.actionImportRequests = QAction(MainWindow)
        self.actionImportRequests.setObjectName(u"actionImportRequests")
#if QT_CONFIG(shortcut)
        self.actionImportRequests.setShortcut(u"Ctrl+I")
#endif // QT_CONFIG(shortcut)
        self.actionExportHierarchies = QAction(MainWindow)
        self.actionExportHierarchies.setObjectName(u"actionExportHierarchies")
        self.actionBackupDatabase = QAction(MainWindow)
        self.actionBackupDatabase.setObjectName(u"actionBackupDatabase")
        self.actionRestoreDatabase = QAction(MainWindow)
        self.actionRestoreDatabase.setObjectName(u"actionRestoreDatabase")
        self.actionQuit = QAction(MainWindow)
        self.actionQuit.setObjectName(u"actionQuit")
#if QT_CONFIG(shortcut)
        self.actionQuit.setShortcut(u"Ctrl+Q")
#endif // QT_CONFIG(shortcut)
        self.actionJapanese = QAction(MainWindow)
        self.actionJapanese.setObjectName(u"actionJapanese")
        self.actionJapanese.setCheckable(True)
        self.actionJapanese.setText(u"\u65e5\u672c\u8a9e")
        self.actionEnglish = QAction(MainWindow)
        self.actionEnglish.setObjectName(u"actionEnglish")
        self.actionEnglish.setCheckable(True)
        self.actionEnglish.setText(u"English")
        self.actionShowRequests = QAction(MainWindow)
        self.actionShowRequests.setObjectName(u"actionShowRequests")
#if QT_CONFIG(shortcut)
        self.actionShowRequests.setShortcut(u"Ctrl+1")
#endif // QT_CONFIG(shortcut)
        self.actionShowHierarchies = QAction(MainWindow)
        self.actionShowHierarchies.setObjectName(u"actionShowHierarchies")
#if QT_CONFIG(shortcut)
        self.actionShowHierarchies.setShortcut(u"Ctrl+2")
#endif // QT_CONFIG(shortcut)
        self.actionShowJobs = QAction(MainWindow)
        self.actionShowJobs.setObjectName(u"actionShowJobs")
#if QT_CONFIG(shortcut)
        self.actionShowJobs.setShortcut(u"Ctrl+3")
#endif // QT_CONFIG(shortcut)
        self.actionShowAudit = QAction(MainWindow)
        self.actionShowAudit.setObjectName(u"actionShowAudit")
#if QT_CONFIG(shortcut)
        self.actionShowAudit.setShortcut(u"Ctrl+4")
#endif // QT_CONFIG(shortcut)
        self.actionShowSettings = QAction(MainWindow)
        self.actionShowSettings.setObjectName(u"actionShowSettings")
#if QT_CONFIG(shortcut)
        self.actionShowSettings.setShortcut(u"Ctrl+5")
#endif // QT_CONFIG(shortcut)
        self.actionRefresh = QAction(MainWindow)
        self.actionRefresh.setObjectName(u"actionRefresh")
#if QT_CONFIG(shortcut)
        self.actionRefresh.setShortcut(u"F5")
#endif // QT_CONFIG(shortcut)
        self.actionAbout = QAction(MainWindow)
        self.actionAbout.setObjectName(u"actionAbout")
        self.centralWidget = QWidget(MainWindow)
        self.centralWidget.setObjectName(u"centralWidget")
        self.centralLayout = QHBoxLayout(self.centralWidget)
        self.centralLayout.setSpacing(0)
        self.centralLayout.setObjectName(u"centralLayout")
        self.centralLayout.setContentsMargins(0, 0, 0, 0)
        self.navigation = QListWidget(self.centralWidget)
        QListWidgetItem(self.navigation)
        QListWidgetItem(self.navigation)
        QListWidgetItem(self.navigation)
        QListWidgetItem(self.navigation)
        QListWidgetItem(self.navigation)
        self.navigation.setObjectName(u"navigation")
        self.navigation.setMinimumSize(QSize(170, 0))
        self.navigation.setMaximumSize(QSize(220, 16777215))
        self.navigation.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.navigation.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.navigation.setStyleSheet(u"QListWidget#navigation { background: palette(base); font-size: 11pt; }\n"
"QListWidget#navigation::item { padding: 8px 12px; }")
        self.navigation.setIconSize(QSize(22, 22))
        self.navigation.setFrameShape(QFrame.Shape.NoFrame)

        self.centralLayout.addWidget(self.navigation)

        self.areas = QStackedWidget(self.centralWidget)
        self.areas.setObjectName(u"areas")
        self.requestsPage = QWidget()
        self.requestsPage.setObjectName(u"requestsPage")
        self.requestsHostLayout = QVBoxLayout(self.requestsPage)
        self.requestsHostLayout.setObjectName(u"requestsHostLayout")
        self.areas.addWidget(self.requestsPage)
        self.hierarchiesPage = QWidget()
        self.hierarchiesPage.setObjectName(u"hierarchiesPage")
        self.hierarchiesLayout = QVBoxLayout(self.hierarchiesPage)
        self.hierarchiesLayout.setObjectName(u"hierarchiesLayout")
        self.hierarchiesTitle = QLabel(self.hierarchiesPage)
        self.hierarchiesTitle.setObjectName(u"hierarchiesTitle")
        self.hierarchiesTitle.setStyleSheet(u"font-size: 15pt; font-weight: 600;")

        self.hierarchiesLayout.addWidget(self.hierarchiesTitle)

        self.hierarchiesHint = QLabel(self.hierarchiesPage)
        self.hierarchiesHint.setObjectName(u"hierarchiesHint")
        self.hierarchiesHint.setWordWrap(True)

        self.hierarchiesLayout.addWidget(self.hierarchiesHint)

        self.hierarchySearchLayout = QHBoxLayout()
        self.hierarchySearchLayout.setObjectName(u"hierarchySearchLayout")
        self.hierarchySearchLabel = QLabel(self.hierarchiesPage)
        self.hierarchySearchLabel.setObjectName(u"hierarchySearchLabel")

        self.hierarchySearchLayout.addWidget(self.hierarchySearchLabel)

        self.hierarchySearch = QLineEdit(self.hierarchiesPage)
        self.hierarchySearch.setObjectName(u"hierarchySearch")
        self.hierarchySearch.setClearButtonEnabled(True)

        self.hierarchySearchLayout.addWidget(self.hierarchySearch)

        self.hierarchyCount = QLabel(self.hierarchiesPage)
        self.hierarchyCount.setObjectName(u"hierarchyCount")
        self.hierarchyCount.setText(u"")

        self.hierarchySearchLayout.addWidget(self.hierarchyCount)

        self.hierarchyShowLabel = QLabel(self.hierarchiesPage)
        self.hierarchyShowLabel.setObjectName(u"hierarchyShowLabel")

        self.hierarchySearchLayout.addWidget(self.hierarchyShowLabel)

        self.hierarchyShow = QComboBox(self.hierarchiesPage)
        self.hierarchyShow.setObjectName(u"hierarchyShow")

        self.hierarchySearchLayout.addWidget(self.hierarchyShow)

        self.hierarchySortLabel = QLabel(self.hierarchiesPage)
        self.hierarchySortLabel.setObjectName(u"hierarchySortLabel")

        self.hierarchySearchLayout.addWidget(self.hierarchySortLabel)

        self.hierarchySort = QComboBox(self.hierarchiesPage)
        self.hierarchySort.setObjectName(u"hierarchySort")

        self.hierarchySearchLayout.addWidget(self.hierarchySort)

        self.hierarchySearchLayout.setStretch(1, 1)

        self.hierarchiesLayout.addLayout(self.hierarchySearchLayout)

        self.hierarchySplitter = QSplitter(self.hierarchiesPage)
        self.hierarchySplitter.setObjectName(u"hierarchySplitter")
        self.hierarchySplitter.setOrientation(Qt.Orientation.Horizontal)
        self.hierarchySplitter.setChildrenCollapsible(False)
        self.hierarchyTree = QTreeView(self.hierarchySplitter)
        self.hierarchyTree.setObjectName(u"hierarchyTree")
        self.hierarchyTree.setAlternatingRowColors(True)
        self.hierarchyTree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.hierarchyTree.setUniformRowHeights(True)
        self.hierarchyTree.setAllColumnsShowFocus(True)
        self.hierarchySplitter.addWidget(self.hierarchyTree)
        self.workspaceHost = QWidget(self.hierarchySplitter)
        self.workspaceHost.setObjectName(u"workspaceHost")
        self.workspaceHostLayout = QVBoxLayout(self.workspaceHost)
        self.workspaceHostLayout.setObjectName(u"workspaceHostLayout")
        self.workspaceHostLayout.setContentsMargins(0, 0, 0, 0)
        self.detailGroup = QGroupBox(self.workspaceHost)
        self.detailGroup.setObjectName(u"detailGroup")
        self.detailGroup.setMinimumSize(QSize(260, 0))
        self.detailLayout = QVBoxLayout(self.detailGroup)
        self.detailLayout.setObjectName(u"detailLayout")
        self.detailHint = QLabel(self.detailGroup)
        self.detailHint.setObjectName(u"detailHint")
        self.detailHint.setWordWrap(True)

        self.detailLayout.addWidget(self.detailHint)

        self.detailForm = QFormLayout()
        self.detailForm.setObjectName(u"detailForm")
        self.detailNameLabel = QLabel(self.detailGroup)
        self.detailNameLabel.setObjectName(u"detailNameLabel")

        self.detailForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.detailNameLabel)

        self.detailName = QLabel(self.detailGroup)
        self.detailName.setObjectName(u"detailName")
        self.detailName.setText(u"")
        self.detailName.setWordWrap(True)
        self.detailName.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.detailForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.detailName)

        self.detailIdLabel = QLabel(self.detailGroup)
        self.detailIdLabel.setObjectName(u"detailIdLabel")

        self.detailForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.detailIdLabel)

        self.detailId = QLabel(self.detailGroup)
        self.detailId.setObjectName(u"detailId")
        self.detailId.setText(u"")
        self.detailId.setWordWrap(True)
        self.detailId.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.detailForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.detailId)

        self.detailKanaLabel = QLabel(self.detailGroup)
        self.detailKanaLabel.setObjectName(u"detailKanaLabel")

        self.detailForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.detailKanaLabel)

        self.detailKana = QLabel(self.detailGroup)
        self.detailKana.setObjectName(u"detailKana")
        self.detailKana.setText(u"")
        self.detailKana.setWordWrap(True)
        self.detailKana.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.detailForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.detailKana)

        self.detailEmailLabel = QLabel(self.detailGroup)
        self.detailEmailLabel.setObjectName(u"detailEmailLabel")

        self.detailForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.detailEmailLabel)

        self.detailEmail = QLabel(self.detailGroup)
        self.detailEmail.setObjectName(u"detailEmail")
        self.detailEmail.setText(u"")
        self.detailEmail.setWordWrap(True)
        self.detailEmail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.detailForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.detailEmail)

        self.detailRoleLabel = QLabel(self.detailGroup)
        self.detailRoleLabel.setObjectName(u"detailRoleLabel")

        self.detailForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.detailRoleLabel)

        self.detailRole = QLabel(self.detailGroup)
        self.detailRole.setObjectName(u"detailRole")
        self.detailRole.setText(u"")
        self.detailRole.setWordWrap(True)
        self.detailRole.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.detailForm.setWidget(4, QFormLayout.ItemRole.FieldRole, self.detailRole)

        self.detailStatusLabel = QLabel(self.detailGroup)
        self.detailStatusLabel.setObjectName(u"detailStatusLabel")

        self.detailForm.setWidget(5, QFormLayout.ItemRole.LabelRole, self.detailStatusLabel)

        self.detailStatus = QLabel(self.detailGroup)
        self.detailStatus.setObjectName(u"detailStatus")
        self.detailStatus.setText(u"")
        self.detailStatus.setWordWrap(True)
        self.detailStatus.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.detailForm.setWidget(5, QFormLayout.ItemRole.FieldRole, self.detailStatus)

        self.detailMembersLabel = QLabel(self.detailGroup)
        self.detailMembersLabel.setObjectName(u"detailMembersLabel")

        self.detailForm.setWidget(6, QFormLayout.ItemRole.LabelRole, self.detailMembersLabel)

        self.detailMembers = QLabel(self.detailGroup)
        self.detailMembers.setObjectName(u"detailMembers")
        self.detailMembers.setText(u"")
        self.detailMembers.setWordWrap(True)
        self.detailMembers.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.detailForm.setWidget(6, QFormLayout.ItemRole.FieldRole, self.detailMembers)

        self.detailChannelsLabel = QLabel(self.detailGroup)
        self.detailChannelsLabel.setObjectName(u"detailChannelsLabel")

        self.detailForm.setWidget(7, QFormLayout.ItemRole.LabelRole, self.detailChannelsLabel)

        self.detailChannels = QLabel(self.detailGroup)
        self.detailChannels.setObjectName(u"detailChannels")
        self.detailChannels.setText(u"")
        self.detailChannels.setWordWrap(True)
        self.detailChannels.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.detailForm.setWidget(7, QFormLayout.ItemRole.FieldRole, self.detailChannels)


        self.detailLayout.addLayout(self.detailForm)

        self.detailSpacer = QSpacerItem(20, 40, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.detailLayout.addItem(self.detailSpacer)


        self.workspaceHostLayout.addWidget(self.detailGroup)

        self.workspaceHostLayout.setStretch(1, 1)
        self.hierarchySplitter.addWidget(self.workspaceHost)

        self.hierarchiesLayout.addWidget(self.hierarchySplitter)

        self.hierarchiesLayout.setStretch(3, 1)
        self.areas.addWidget(self.hierarchiesPage)
        self.jobsPage = QWidget()
        self.jobsPage.setObjectName(u"jobsPage")
        self.jobsHostLayout = QVBoxLayout(self.jobsPage)
        self.jobsHostLayout.setObjectName(u"jobsHostLayout")
        self.areas.addWidget(self.jobsPage)
        self.auditPage = QWidget()
        self.auditPage.setObjectName(u"auditPage")
        self.auditLayout = QVBoxLayout(self.auditPage)
        self.auditLayout.setObjectName(u"auditLayout")
        self.auditTitle = QLabel(self.auditPage)
        self.auditTitle.setObjectName(u"auditTitle")
        self.auditTitle.setStyleSheet(u"font-size: 15pt; font-weight: 600;")

        self.auditLayout.addWidget(self.auditTitle)

        self.auditHost = QWidget(self.auditPage)
        self.auditHost.setObjectName(u"auditHost")
        self.auditHostLayout = QVBoxLayout(self.auditHost)
        self.auditHostLayout.setObjectName(u"auditHostLayout")
        self.auditHostLayout.setContentsMargins(0, 0, 0, 0)

        self.auditLayout.addWidget(self.auditHost)

        self.auditLayout.setStretch(1, 1)
        self.areas.addWidget(self.auditPage)
        self.settingsPage = QWidget()
        self.settingsPage.setObjectName(u"settingsPage")
        self.settingsLayout = QVBoxLayout(self.settingsPage)
        self.settingsLayout.setObjectName(u"settingsLayout")
        self.settingsTitle = QLabel(self.settingsPage)
        self.settingsTitle.setObjectName(u"settingsTitle")
        self.settingsTitle.setStyleSheet(u"font-size: 15pt; font-weight: 600;")

        self.settingsLayout.addWidget(self.settingsTitle)

        self.settingsHost = QWidget(self.settingsPage)
        self.settingsHost.setObjectName(u"settingsHost")
        self.settingsHostLayout = QVBoxLayout(self.settingsHost)
        self.settingsHostLayout.setObjectName(u"settingsHostLayout")
        self.settingsHostLayout.setContentsMargins(0, 0, 0, 0)

        self.settingsLayout.addWidget(self.settingsHost)

        self.settingsLayout.setStretch(1, 1)
        self.areas.addWidget(self.settingsPage)

        self.centralLayout.addWidget(self.areas)

        MainWindow.setCentralWidget(self.centralWidget)
        self.menubar = QMenuBar(MainWindow)
        self.menubar.setObjectName(u"menubar")
        self.menuFile = QMenu(self.menubar)
        self.menuFile.setObjectName(u"menuFile")
        self.menuEdit = QMenu(self.menubar)
        self.menuEdit.setObjectName(u"menuEdit")
        self.menuView = QMenu(self.menubar)
        self.menuView.setObjectName(u"menuView")
        self.menuLanguage = QMenu(self.menuView)
        self.menuLanguage.setObjectName(u"menuLanguage")
        self.menuHelp = QMenu(self.menubar)
        self.menuHelp.setObjectName(u"menuHelp")
        MainWindow.setMenuBar(self.menubar)
        self.statusbar = QStatusBar(MainWindow)
        self.statusbar.setObjectName(u"statusbar")
        MainWindow.setStatusBar(self.statusbar)
#if QT_CONFIG(shortcut)
        self.hierarchySearchLabel.setBuddy(self.hierarchySearch)
        self.hierarchyShowLabel.setBuddy(self.hierarchyShow)
        self.hierarchySortLabel.setBuddy(self.hierarchySort)
#endif // QT_CONFIG(shortcut)

        self.menubar.addAction(self.menuFile.menuAction())
        self.menubar.addAction(self.menuEdit.menuAction())
        self.menubar.addAction(self.menuView.menuAction())
        self.menubar.addAction(self.menuHelp.menuAction())
        self.menuFile.addAction(self.actionImportRequests)
        self.menuFile.addAction(self.actionExportHierarchies)
        self.menuFile.addSeparator()
        self.menuFile.addAction(self.actionBackupDatabase)
        self.menuFile.addAction(self.actionRestoreDatabase)
        self.menuFile.addSeparator()
        self.menuFile.addAction(self.actionQuit)
        self.menuView.addAction(self.actionShowRequests)
        self.menuView.addAction(self.actionShowHierarchies)
        self.menuView.addAction(self.actionShowJobs)
        self.menuView.addAction(self.actionShowAudit)
        self.menuView.addAction(self.actionShowSettings)
        self.menuView.addSeparator()
        self.menuView.addAction(self.actionRefresh)
        self.menuView.addSeparator()
        self.menuView.addAction(self.menuLanguage.menuAction())
        self.menuLanguage.addAction(self.actionJapanese)
        self.menuLanguage.addAction(self.actionEnglish)
        self.menuHelp.addAction(self.actionAbout)

        self.retranslateUi(MainWindow)

        self.areas.setCurrentIndex(1)


        QMetaObject.connectSlotsByName(MainWindow)
    # setupUi

    def retranslateUi(self, MainWindow):
        self.actionImportRequests.setText(QCoreApplication.translate("MainWindow", u"&Import requests\u2026", None))
        self.actionExportHierarchies.setText(QCoreApplication.translate("MainWindow", u"&Export hierarchies\u2026", None))
#if QT_CONFIG(tooltip)
        self.actionExportHierarchies.setToolTip(QCoreApplication.translate("MainWindow", u"Save the selected customer hierarchy, or all, as an Excel workbook or a CSV file", None))
#endif // QT_CONFIG(tooltip)
        self.actionBackupDatabase.setText(QCoreApplication.translate("MainWindow", u"&Back up database\u2026", None))
#if QT_CONFIG(tooltip)
        self.actionBackupDatabase.setToolTip(QCoreApplication.translate("MainWindow", u"Save a consistent copy of the database while it is in use", None))
#endif // QT_CONFIG(tooltip)
        self.actionRestoreDatabase.setText(QCoreApplication.translate("MainWindow", u"&Restore from backup\u2026", None))
#if QT_CONFIG(tooltip)
        self.actionRestoreDatabase.setToolTip(QCoreApplication.translate("MainWindow", u"Replace the database by a backup; the current database is copied first", None))
#endif // QT_CONFIG(tooltip)
        self.actionQuit.setText(QCoreApplication.translate("MainWindow", u"&Quit", None))
        self.actionShowRequests.setText(QCoreApplication.translate("MainWindow", u"&Requests", None))
        self.actionShowHierarchies.setText(QCoreApplication.translate("MainWindow", u"Customer &hierarchies", None))
        self.actionShowJobs.setText(QCoreApplication.translate("MainWindow", u"&Jobs", None))
        self.actionShowAudit.setText(QCoreApplication.translate("MainWindow", u"&Audit log", None))
        self.actionShowSettings.setText(QCoreApplication.translate("MainWindow", u"&Settings", None))
        self.actionRefresh.setText(QCoreApplication.translate("MainWindow", u"Re&fresh", None))
        self.actionAbout.setText(QCoreApplication.translate("MainWindow", u"&About hierdesk", None))

        __sortingEnabled = self.navigation.isSortingEnabled()
        self.navigation.setSortingEnabled(False)
        ___qlistwidgetitem = self.navigation.item(0)
        ___qlistwidgetitem.setText(QCoreApplication.translate("MainWindow", u"Requests", None))
        ___qlistwidgetitem1 = self.navigation.item(1)
        ___qlistwidgetitem1.setText(QCoreApplication.translate("MainWindow", u"Customer hierarchies", None))
        ___qlistwidgetitem2 = self.navigation.item(2)
        ___qlistwidgetitem2.setText(QCoreApplication.translate("MainWindow", u"Jobs", None))
        ___qlistwidgetitem3 = self.navigation.item(3)
        ___qlistwidgetitem3.setText(QCoreApplication.translate("MainWindow", u"Audit log", None))
        ___qlistwidgetitem4 = self.navigation.item(4)
        ___qlistwidgetitem4.setText(QCoreApplication.translate("MainWindow", u"Settings", None))
        self.navigation.setSortingEnabled(__sortingEnabled)

#if QT_CONFIG(accessibility)
        self.navigation.setAccessibleName(QCoreApplication.translate("MainWindow", u"Areas", None))
#endif // QT_CONFIG(accessibility)
        self.hierarchiesTitle.setText(QCoreApplication.translate("MainWindow", u"Customer hierarchies", None))
        self.hierarchiesHint.setText(QCoreApplication.translate("MainWindow", u"Each B2B partner: its organization and the people who order for it, with their roles.", None))
        self.hierarchySearchLabel.setText(QCoreApplication.translate("MainWindow", u"&Find:", None))
#if QT_CONFIG(accessibility)
        self.hierarchySearch.setAccessibleName(QCoreApplication.translate("MainWindow", u"Find hierarchies and customers", None))
#endif // QT_CONFIG(accessibility)
        self.hierarchySearch.setPlaceholderText(QCoreApplication.translate("MainWindow", u"Name, reading, e-mail, account or corporate number", None))
        self.hierarchyShowLabel.setText(QCoreApplication.translate("MainWindow", u"Sho&w:", None))
#if QT_CONFIG(accessibility)
        self.hierarchyShow.setAccessibleName(QCoreApplication.translate("MainWindow", u"Which hierarchies to list", None))
#endif // QT_CONFIG(accessibility)
        self.hierarchySortLabel.setText(QCoreApplication.translate("MainWindow", u"Sort b&y:", None))
#if QT_CONFIG(accessibility)
        self.hierarchySort.setAccessibleName(QCoreApplication.translate("MainWindow", u"Order of the hierarchies", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.hierarchyTree.setAccessibleName(QCoreApplication.translate("MainWindow", u"Customer hierarchies", None))
#endif // QT_CONFIG(accessibility)
        self.detailGroup.setTitle(QCoreApplication.translate("MainWindow", u"Details", None))
        self.detailHint.setText(QCoreApplication.translate("MainWindow", u"Select a hierarchy, its organization or a member to see the details.", None))
        self.detailNameLabel.setText(QCoreApplication.translate("MainWindow", u"Name:", None))
        self.detailIdLabel.setText(QCoreApplication.translate("MainWindow", u"ID / account:", None))
        self.detailKanaLabel.setText(QCoreApplication.translate("MainWindow", u"Kana:", None))
        self.detailEmailLabel.setText(QCoreApplication.translate("MainWindow", u"E-mail:", None))
        self.detailRoleLabel.setText(QCoreApplication.translate("MainWindow", u"Role:", None))
        self.detailStatusLabel.setText(QCoreApplication.translate("MainWindow", u"Status:", None))
        self.detailMembersLabel.setText(QCoreApplication.translate("MainWindow", u"Members:", None))
        self.detailChannelsLabel.setText(QCoreApplication.translate("MainWindow", u"B2B sites:", None))
        self.auditTitle.setText(QCoreApplication.translate("MainWindow", u"Audit log", None))
        self.settingsTitle.setText(QCoreApplication.translate("MainWindow", u"Settings", None))
        self.menuFile.setTitle(QCoreApplication.translate("MainWindow", u"&File", None))
        self.menuEdit.setTitle(QCoreApplication.translate("MainWindow", u"&Edit", None))
        self.menuView.setTitle(QCoreApplication.translate("MainWindow", u"&View", None))
        self.menuLanguage.setTitle(QCoreApplication.translate("MainWindow", u"&Language", None))
        self.menuHelp.setTitle(QCoreApplication.translate("MainWindow", u"&Help", None))
        pass
    # retranslateUi

