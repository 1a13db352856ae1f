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
        self.catalogsTab = QWidget()
        self.catalogsTab.setObjectName(u"catalogsTab")
        self.catalogsLayout = QVBoxLayout(self.catalogsTab)
        self.catalogsLayout.setObjectName(u"catalogsLayout")
        self.catalogStateLabel = QLabel(self.catalogsTab)
        self.catalogStateLabel.setObjectName(u"catalogStateLabel")
        self.catalogStateLabel.setText(u"")
        self.catalogStateLabel.setWordWrap(True)
        self.catalogStateLabel.setStyleSheet(u"font-weight: 600;")

        self.catalogsLayout.addWidget(self.catalogStateLabel)

        self.catalogTable = QTableView(self.catalogsTab)
        self.catalogTable.setObjectName(u"catalogTable")
        self.catalogTable.setAlternatingRowColors(True)
        self.catalogTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.catalogTable.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.catalogTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.catalogTable.horizontalHeader().setStretchLastSection(True)
        self.catalogTable.verticalHeader().setVisible(False)

        self.catalogsLayout.addWidget(self.catalogTable)

        self.catalogSitesLabel = QLabel(self.catalogsTab)
        self.catalogSitesLabel.setObjectName(u"catalogSitesLabel")
        self.catalogSitesLabel.setText(u"")
        self.catalogSitesLabel.setWordWrap(True)
        self.catalogSitesLabel.setTextFormat(Qt.TextFormat.PlainText)

        self.catalogsLayout.addWidget(self.catalogSitesLabel)

        self.catalogButtons = QHBoxLayout()
        self.catalogButtons.setObjectName(u"catalogButtons")
        self.assignCatalogButton = QPushButton(self.catalogsTab)
        self.assignCatalogButton.setObjectName(u"assignCatalogButton")

        self.catalogButtons.addWidget(self.assignCatalogButton)

        self.unassignCatalogButton = QPushButton(self.catalogsTab)
        self.unassignCatalogButton.setObjectName(u"unassignCatalogButton")

        self.catalogButtons.addWidget(self.unassignCatalogButton)

        self.catalogButtonsSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.catalogButtons.addItem(self.catalogButtonsSpacer)


        self.catalogsLayout.addLayout(self.catalogButtons)

        self.catalogsLayout.setStretch(1, 1)
        self.tabs.addTab(self.catalogsTab, "")
        self.ordersTab = QWidget()
        self.ordersTab.setObjectName(u"ordersTab")
        self.ordersLayout = QVBoxLayout(self.ordersTab)
        self.ordersLayout.setObjectName(u"ordersLayout")
        self.orderFilters = QHBoxLayout()
        self.orderFilters.setObjectName(u"orderFilters")
        self.orderMemberLabel = QLabel(self.ordersTab)
        self.orderMemberLabel.setObjectName(u"orderMemberLabel")

        self.orderFilters.addWidget(self.orderMemberLabel)

        self.orderMemberFilter = QComboBox(self.ordersTab)
        self.orderMemberFilter.setObjectName(u"orderMemberFilter")
        self.orderMemberFilter.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)

        self.orderFilters.addWidget(self.orderMemberFilter)

        self.orderStatusLabel = QLabel(self.ordersTab)
        self.orderStatusLabel.setObjectName(u"orderStatusLabel")

        self.orderFilters.addWidget(self.orderStatusLabel)

        self.orderStatusFilter = QComboBox(self.ordersTab)
        self.orderStatusFilter.setObjectName(u"orderStatusFilter")
        self.orderStatusFilter.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)

        self.orderFilters.addWidget(self.orderStatusFilter)

        self.orderSiteLabel = QLabel(self.ordersTab)
        self.orderSiteLabel.setObjectName(u"orderSiteLabel")

        self.orderFilters.addWidget(self.orderSiteLabel)

        self.orderSiteFilter = QComboBox(self.ordersTab)
        self.orderSiteFilter.setObjectName(u"orderSiteFilter")
        self.orderSiteFilter.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)

        self.orderFilters.addWidget(self.orderSiteFilter)

        self.orderPeriodLabel = QLabel(self.ordersTab)
        self.orderPeriodLabel.setObjectName(u"orderPeriodLabel")

        self.orderFilters.addWidget(self.orderPeriodLabel)

        self.orderPeriodFilter = QComboBox(self.ordersTab)
        self.orderPeriodFilter.setObjectName(u"orderPeriodFilter")
        self.orderPeriodFilter.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)

        self.orderFilters.addWidget(self.orderPeriodFilter)

        self.orderFiltersSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.orderFilters.addItem(self.orderFiltersSpacer)


        self.ordersLayout.addLayout(self.orderFilters)

        self.orderTable = QTableView(self.ordersTab)
        self.orderTable.setObjectName(u"orderTable")
        self.orderTable.setAlternatingRowColors(True)
        self.orderTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.orderTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.orderTable.setWordWrap(False)
        self.orderTable.horizontalHeader().setStretchLastSection(True)
        self.orderTable.verticalHeader().setVisible(False)

        self.ordersLayout.addWidget(self.orderTable)

        self.orderSummaryRow = QHBoxLayout()
        self.orderSummaryRow.setObjectName(u"orderSummaryRow")
        self.orderSummaryLabel = QLabel(self.ordersTab)
        self.orderSummaryLabel.setObjectName(u"orderSummaryLabel")
        self.orderSummaryLabel.setText(u"")
        self.orderSummaryLabel.setWordWrap(True)
        self.orderSummaryLabel.setStyleSheet(u"font-weight: 600;")

        self.orderSummaryRow.addWidget(self.orderSummaryLabel)

        self.exportOrdersButton = QPushButton(self.ordersTab)
        self.exportOrdersButton.setObjectName(u"exportOrdersButton")

        self.orderSummaryRow.addWidget(self.exportOrdersButton)

        self.orderSummaryRow.setStretch(0, 1)

        self.ordersLayout.addLayout(self.orderSummaryRow)

        self.orderTotals = QHBoxLayout()
        self.orderTotals.setObjectName(u"orderTotals")
        self.memberTotalsTable = QTableView(self.ordersTab)
        self.memberTotalsTable.setObjectName(u"memberTotalsTable")
        self.memberTotalsTable.setAlternatingRowColors(True)
        self.memberTotalsTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.memberTotalsTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.memberTotalsTable.horizontalHeader().setStretchLastSection(True)
        self.memberTotalsTable.verticalHeader().setVisible(False)

        self.orderTotals.addWidget(self.memberTotalsTable)

        self.invoiceTotalsTable = QTableView(self.ordersTab)
        self.invoiceTotalsTable.setObjectName(u"invoiceTotalsTable")
        self.invoiceTotalsTable.setAlternatingRowColors(True)
        self.invoiceTotalsTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.invoiceTotalsTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.invoiceTotalsTable.horizontalHeader().setStretchLastSection(True)
        self.invoiceTotalsTable.verticalHeader().setVisible(False)

        self.orderTotals.addWidget(self.invoiceTotalsTable)


        self.ordersLayout.addLayout(self.orderTotals)

        self.ordersLayout.setStretch(1, 3)
        self.ordersLayout.setStretch(3, 2)
        self.tabs.addTab(self.ordersTab, "")
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
        self.orderMemberLabel.setBuddy(self.orderMemberFilter)
        self.orderStatusLabel.setBuddy(self.orderStatusFilter)
        self.orderSiteLabel.setBuddy(self.orderSiteFilter)
        self.orderPeriodLabel.setBuddy(self.orderPeriodFilter)
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
        self.catalogTable.setAccessibleName(QCoreApplication.translate("HierarchyWorkspace", u"Catalogs assigned to the customer hierarchy", None))
#endif // QT_CONFIG(accessibility)
        self.assignCatalogButton.setText(QCoreApplication.translate("HierarchyWorkspace", u"A&ssign catalog\u2026", None))
        self.unassignCatalogButton.setText(QCoreApplication.translate("HierarchyWorkspace", u"&Unassign", None))
        self.tabs.setTabText(self.tabs.indexOf(self.catalogsTab), QCoreApplication.translate("HierarchyWorkspace", u"C&atalogs", None))
        self.orderMemberLabel.setText(QCoreApplication.translate("HierarchyWorkspace", u"Mem&ber:", None))
#if QT_CONFIG(accessibility)
        self.orderMemberFilter.setAccessibleName(QCoreApplication.translate("HierarchyWorkspace", u"Member of the orders shown", None))
#endif // QT_CONFIG(accessibility)
        self.orderStatusLabel.setText(QCoreApplication.translate("HierarchyWorkspace", u"S&tatus:", None))
#if QT_CONFIG(accessibility)
        self.orderStatusFilter.setAccessibleName(QCoreApplication.translate("HierarchyWorkspace", u"Status of the orders shown", None))
#endif // QT_CONFIG(accessibility)
        self.orderSiteLabel.setText(QCoreApplication.translate("HierarchyWorkspace", u"S&ite:", None))
#if QT_CONFIG(accessibility)
        self.orderSiteFilter.setAccessibleName(QCoreApplication.translate("HierarchyWorkspace", u"Site of the orders shown", None))
#endif // QT_CONFIG(accessibility)
        self.orderPeriodLabel.setText(QCoreApplication.translate("HierarchyWorkspace", u"Peri&od:", None))
#if QT_CONFIG(accessibility)
        self.orderPeriodFilter.setAccessibleName(QCoreApplication.translate("HierarchyWorkspace", u"Period of the orders shown", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.orderTable.setAccessibleName(QCoreApplication.translate("HierarchyWorkspace", u"Orders of the customer hierarchy", None))
#endif // QT_CONFIG(accessibility)
        self.exportOrdersButton.setText(QCoreApplication.translate("HierarchyWorkspace", u"E&xport\u2026", None))
#if QT_CONFIG(tooltip)
        self.exportOrdersButton.setToolTip(QCoreApplication.translate("HierarchyWorkspace", u"Save the orders shown as an Excel workbook or a CSV file", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(accessibility)
        self.memberTotalsTable.setAccessibleName(QCoreApplication.translate("HierarchyWorkspace", u"Totals per member", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.invoiceTotalsTable.setAccessibleName(QCoreApplication.translate("HierarchyWorkspace", u"Totals per invoice account", None))
#endif // QT_CONFIG(accessibility)
        self.tabs.setTabText(self.tabs.indexOf(self.ordersTab), QCoreApplication.translate("HierarchyWorkspace", u"O&rders", None))
#if QT_CONFIG(accessibility)
        self.historyTable.setAccessibleName(QCoreApplication.translate("HierarchyWorkspace", u"History of the customer hierarchy", None))
#endif // QT_CONFIG(accessibility)
        self.tabs.setTabText(self.tabs.indexOf(self.historyTab), QCoreApplication.translate("HierarchyWorkspace", u"&History", None))
        pass
    # retranslateUi

