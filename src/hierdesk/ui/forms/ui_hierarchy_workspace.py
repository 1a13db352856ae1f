# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'hierarchy_workspace.ui'
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
    QHBoxLayout, QHeaderView, QLabel, QListWidget,
    QListWidgetItem, QPushButton, QSizePolicy, QSpacerItem,
    QTabWidget, QTableView, QVBoxLayout, QWidget)

class Ui_HierarchyWorkspace(object):
    def setupUi(self, HierarchyWorkspace):
        if not HierarchyWorkspace.objectName():
            HierarchyWorkspace.setObjectName(u"HierarchyWorkspace")
        self.workspaceLayout = QVBoxLayout(HierarchyWorkspace)
        self.workspaceLayout.setObjectName(u"workspaceLayout")
        self.workspaceLayout.setContentsMargins(0, 0, 0, 0)
        self.headerLayout = QHBoxLayout()
        self.headerLayout.setObjectName(u"headerLayout")
        self.headerLabel = QLabel(HierarchyWorkspace)
        self.headerLabel.setObjectName(u"headerLabel")
        self.headerLabel.setText(u"")
        self.headerLabel.setWordWrap(True)
        self.headerLabel.setStyleSheet(u"font-weight: 600;")

        self.headerLayout.addWidget(self.headerLabel)

        self.renameButton = QPushButton(HierarchyWorkspace)
        self.renameButton.setObjectName(u"renameButton")

        self.headerLayout.addWidget(self.renameButton)

        self.headerLayout.setStretch(0, 1)

        self.workspaceLayout.addLayout(self.headerLayout)

        self.tabs = QTabWidget(HierarchyWorkspace)
        self.tabs.setObjectName(u"tabs")
        self.membersTab = QWidget()
        self.membersTab.setObjectName(u"membersTab")
        self.membersLayout = QVBoxLayout(self.membersTab)
        self.membersLayout.setObjectName(u"membersLayout")
        self.memberTable = QTableView(self.membersTab)
        self.memberTable.setObjectName(u"memberTable")
        self.memberTable.setAlternatingRowColors(True)
        self.memberTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.memberTable.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.memberTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.memberTable.horizontalHeader().setStretchLastSection(True)
        self.memberTable.verticalHeader().setVisible(False)

        self.membersLayout.addWidget(self.memberTable)

        self.memberButtons = QHBoxLayout()
        self.memberButtons.setObjectName(u"memberButtons")
        self.addMemberButton = QPushButton(self.membersTab)
        self.addMemberButton.setObjectName(u"addMemberButton")

        self.memberButtons.addWidget(self.addMemberButton)

        self.roleButton = QPushButton(self.membersTab)
        self.roleButton.setObjectName(u"roleButton")
        self.roleButton.setText(u"")

        self.memberButtons.addWidget(self.roleButton)

        self.disableButton = QPushButton(self.membersTab)
        self.disableButton.setObjectName(u"disableButton")
        self.disableButton.setText(u"")

        self.memberButtons.addWidget(self.disableButton)

        self.memberSpacer = QSpacerItem(20, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.memberButtons.addItem(self.memberSpacer)


        self.membersLayout.addLayout(self.memberButtons)

        self.membersHint = QLabel(self.membersTab)
        self.membersHint.setObjectName(u"membersHint")
        self.membersHint.setText(u"")
        self.membersHint.setWordWrap(True)

        self.membersLayout.addWidget(self.membersHint)

        self.membersLayout.setStretch(0, 1)
        self.tabs.addTab(self.membersTab, "")
        self.propertiesTab = QWidget()
        self.propertiesTab.setObjectName(u"propertiesTab")
        self.propertiesLayout = QVBoxLayout(self.propertiesTab)
        self.propertiesLayout.setObjectName(u"propertiesLayout")
        self.referenceLayout = QHBoxLayout()
        self.referenceLayout.setObjectName(u"referenceLayout")
        self.referenceLabel = QLabel(self.propertiesTab)
        self.referenceLabel.setObjectName(u"referenceLabel")

        self.referenceLayout.addWidget(self.referenceLabel)

        self.referenceCombo = QComboBox(self.propertiesTab)
        self.referenceCombo.setObjectName(u"referenceCombo")

        self.referenceLayout.addWidget(self.referenceCombo)

        self.differencesOnly = QCheckBox(self.propertiesTab)
        self.differencesOnly.setObjectName(u"differencesOnly")

        self.referenceLayout.addWidget(self.differencesOnly)

        self.overrideButton = QPushButton(self.propertiesTab)
        self.overrideButton.setObjectName(u"overrideButton")

        self.referenceLayout.addWidget(self.overrideButton)

        self.referenceLayout.setStretch(1, 1)

        self.propertiesLayout.addLayout(self.referenceLayout)

        self.compareTable = QTableView(self.propertiesTab)
        self.compareTable.setObjectName(u"compareTable")
        self.compareTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.compareTable.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.compareTable.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked|QAbstractItemView.EditTrigger.EditKeyPressed)
        self.compareTable.verticalHeader().setVisible(True)

        self.propertiesLayout.addWidget(self.compareTable)

        self.compareHint = QLabel(self.propertiesTab)
        self.compareHint.setObjectName(u"compareHint")
        self.compareHint.setText(u"")
        self.compareHint.setWordWrap(True)

        self.propertiesLayout.addWidget(self.compareHint)

        self.propertiesLayout.setStretch(1, 1)
        self.tabs.addTab(self.propertiesTab, "")
        self.channelsTab = QWidget()
        self.channelsTab.setObjectName(u"channelsTab")
        self.channelsLayout = QVBoxLayout(self.channelsTab)
        self.channelsLayout.setObjectName(u"channelsLayout")
        self.accessLabel = QLabel(self.channelsTab)
        self.accessLabel.setObjectName(u"accessLabel")
        self.accessLabel.setText(u"")
        self.accessLabel.setWordWrap(True)
        self.accessLabel.setStyleSheet(u"font-weight: 600;")

        self.channelsLayout.addWidget(self.accessLabel)

        self.channelList = QListWidget(self.channelsTab)
        self.channelList.setObjectName(u"channelList")

        self.channelsLayout.addWidget(self.channelList)

        self.channelsLayout.setStretch(1, 1)
        self.tabs.addTab(self.channelsTab, "")
        self.historyTab = QWidget()
        self.historyTab.setObjectName(u"historyTab")
        self.historyLayout = QVBoxLayout(self.historyTab)
        self.historyLayout.setObjectName(u"historyLayout")
        self.historyTable = QTableView(self.historyTab)
        self.historyTable.setObjectName(u"historyTable")
        self.historyTable.setAlternatingRowColors(True)
        self.historyTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.historyTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.historyTable.setWordWrap(False)
        self.historyTable.horizontalHeader().setStretchLastSection(True)
        self.historyTable.verticalHeader().setVisible(False)

        self.historyLayout.addWidget(self.historyTable)

        self.tabs.addTab(self.historyTab, "")

        self.workspaceLayout.addWidget(self.tabs)

        self.workspaceLayout.setStretch(1, 1)
#if QT_CONFIG(shortcut)
        self.referenceLabel.setBuddy(self.referenceCombo)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(HierarchyWorkspace)

        self.tabs.setCurrentIndex(0)


        QMetaObject.connectSlotsByName(HierarchyWorkspace)
    # setupUi

    def retranslateUi(self, HierarchyWorkspace):
        self.renameButton.setText(QCoreApplication.translate("HierarchyWorkspace", u"Re&name\u2026", None))
#if QT_CONFIG(tooltip)
        self.renameButton.setToolTip(QCoreApplication.translate("HierarchyWorkspace", u"Change the name of the customer hierarchy", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(accessibility)
        self.memberTable.setAccessibleName(QCoreApplication.translate("HierarchyWorkspace", u"Members", None))
#endif // QT_CONFIG(accessibility)
        self.addMemberButton.setText(QCoreApplication.translate("HierarchyWorkspace", u"&Add person\u2026", None))
        self.tabs.setTabText(self.tabs.indexOf(self.membersTab), QCoreApplication.translate("HierarchyWorkspace", u"&Members", None))
        self.referenceLabel.setText(QCoreApplication.translate("HierarchyWorkspace", u"&Reference:", None))
#if QT_CONFIG(accessibility)
        self.referenceCombo.setAccessibleName(QCoreApplication.translate("HierarchyWorkspace", u"Reference customer", None))
#endif // QT_CONFIG(accessibility)
        self.differencesOnly.setText(QCoreApplication.translate("HierarchyWorkspace", u"Only members that &differ", None))
        self.overrideButton.setText(QCoreApplication.translate("HierarchyWorkspace", u"&Override\u2026", None))
#if QT_CONFIG(tooltip)
        self.overrideButton.setToolTip(QCoreApplication.translate("HierarchyWorkspace", u"Copy the reference's values to the selected cells (or to every member when nothing is selected), after a preview", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(accessibility)
        self.compareTable.setAccessibleName(QCoreApplication.translate("HierarchyWorkspace", u"Properties compared with the reference", None))
#endif // QT_CONFIG(accessibility)
        self.tabs.setTabText(self.tabs.indexOf(self.propertiesTab), QCoreApplication.translate("HierarchyWorkspace", u"&Properties", None))
#if QT_CONFIG(accessibility)
        self.channelList.setAccessibleName(QCoreApplication.translate("HierarchyWorkspace", u"Channel grants", None))
#endif // QT_CONFIG(accessibility)
        self.tabs.setTabText(self.tabs.indexOf(self.channelsTab), QCoreApplication.translate("HierarchyWorkspace", u"&Channels", None))
#if QT_CONFIG(accessibility)
        self.historyTable.setAccessibleName(QCoreApplication.translate("HierarchyWorkspace", u"History of the customer hierarchy", None))
#endif // QT_CONFIG(accessibility)
        self.tabs.setTabText(self.tabs.indexOf(self.historyTab), QCoreApplication.translate("HierarchyWorkspace", u"&History", None))
        pass
    # retranslateUi

