# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'settings_operators.ui'
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
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QComboBox, QGridLayout,
    QGroupBox, QHBoxLayout, QHeaderView, QLabel,
    QLineEdit, QPushButton, QSizePolicy, QSpacerItem,
    QTableView, QVBoxLayout, QWidget)

class Ui_OperatorsSection(object):
    def setupUi(self, OperatorsSection):
        if not OperatorsSection.objectName():
            OperatorsSection.setObjectName(u"OperatorsSection")
        self.sectionLayout = QVBoxLayout(OperatorsSection)
        self.sectionLayout.setObjectName(u"sectionLayout")
        self.operatorsHint = QLabel(OperatorsSection)
        self.operatorsHint.setObjectName(u"operatorsHint")
        self.operatorsHint.setWordWrap(True)

        self.sectionLayout.addWidget(self.operatorsHint)

        self.permissionBanner = QLabel(OperatorsSection)
        self.permissionBanner.setObjectName(u"permissionBanner")
        self.permissionBanner.setText(u"")
        self.permissionBanner.setWordWrap(True)
        self.permissionBanner.setStyleSheet(u"background: #fff4ce; border: 1px solid #e0c060; padding: 6px;")

        self.sectionLayout.addWidget(self.permissionBanner)

        self.operatorTable = QTableView(OperatorsSection)
        self.operatorTable.setObjectName(u"operatorTable")
        self.operatorTable.setTabKeyNavigation(False)
        self.operatorTable.setAlternatingRowColors(True)
        self.operatorTable.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.operatorTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.operatorTable.setWordWrap(False)
        self.operatorTable.horizontalHeader().setStretchLastSection(True)
        self.operatorTable.verticalHeader().setVisible(False)

        self.sectionLayout.addWidget(self.operatorTable)

        self.selectedGroup = QGroupBox(OperatorsSection)
        self.selectedGroup.setObjectName(u"selectedGroup")
        self.selectedLayout = QHBoxLayout(self.selectedGroup)
        self.selectedLayout.setObjectName(u"selectedLayout")
        self.selectedValue = QLabel(self.selectedGroup)
        self.selectedValue.setObjectName(u"selectedValue")
        self.selectedValue.setText(u"")

        self.selectedLayout.addWidget(self.selectedValue)

        self.selectedSpacer = QSpacerItem(20, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.selectedLayout.addItem(self.selectedSpacer)

        self.roleLabel = QLabel(self.selectedGroup)
        self.roleLabel.setObjectName(u"roleLabel")

        self.selectedLayout.addWidget(self.roleLabel)

        self.roleCombo = QComboBox(self.selectedGroup)
        self.roleCombo.addItem("")
        self.roleCombo.addItem("")
        self.roleCombo.addItem("")
        self.roleCombo.setObjectName(u"roleCombo")
        self.roleCombo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)

        self.selectedLayout.addWidget(self.roleCombo)

        self.changeRoleButton = QPushButton(self.selectedGroup)
        self.changeRoleButton.setObjectName(u"changeRoleButton")

        self.selectedLayout.addWidget(self.changeRoleButton)

        self.activeButton = QPushButton(self.selectedGroup)
        self.activeButton.setObjectName(u"activeButton")
        self.activeButton.setText(u"")

        self.selectedLayout.addWidget(self.activeButton)


        self.sectionLayout.addWidget(self.selectedGroup)

        self.addGroup = QGroupBox(OperatorsSection)
        self.addGroup.setObjectName(u"addGroup")
        self.addLayout = QGridLayout(self.addGroup)
        self.addLayout.setObjectName(u"addLayout")
        self.loginLabel = QLabel(self.addGroup)
        self.loginLabel.setObjectName(u"loginLabel")

        self.addLayout.addWidget(self.loginLabel, 0, 0, 1, 1)

        self.loginEdit = QLineEdit(self.addGroup)
        self.loginEdit.setObjectName(u"loginEdit")
        self.loginEdit.setMaxLength(120)
        self.loginEdit.setPlaceholderText(u"sato")

        self.addLayout.addWidget(self.loginEdit, 0, 1, 1, 1)

        self.newRoleLabel = QLabel(self.addGroup)
        self.newRoleLabel.setObjectName(u"newRoleLabel")

        self.addLayout.addWidget(self.newRoleLabel, 0, 2, 1, 1)

        self.newRoleCombo = QComboBox(self.addGroup)
        self.newRoleCombo.addItem("")
        self.newRoleCombo.addItem("")
        self.newRoleCombo.addItem("")
        self.newRoleCombo.setObjectName(u"newRoleCombo")
        self.newRoleCombo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)

        self.addLayout.addWidget(self.newRoleCombo, 0, 3, 1, 1)

        self.addButton = QPushButton(self.addGroup)
        self.addButton.setObjectName(u"addButton")
        self.addButton.setEnabled(False)

        self.addLayout.addWidget(self.addButton, 0, 4, 1, 1)

        self.loginProblem = QLabel(self.addGroup)
        self.loginProblem.setObjectName(u"loginProblem")
        self.loginProblem.setText(u"")
        self.loginProblem.setWordWrap(True)
        self.loginProblem.setStyleSheet(u"color: #b00020;")

        self.addLayout.addWidget(self.loginProblem, 1, 1, 1, 4)

        self.addLayout.setColumnStretch(1, 1)

        self.sectionLayout.addWidget(self.addGroup)

        self.resultLabel = QLabel(OperatorsSection)
        self.resultLabel.setObjectName(u"resultLabel")
        self.resultLabel.setText(u"")
        self.resultLabel.setWordWrap(True)

        self.sectionLayout.addWidget(self.resultLabel)

        self.sectionLayout.setStretch(2, 1)
#if QT_CONFIG(shortcut)
        self.roleLabel.setBuddy(self.roleCombo)
        self.loginLabel.setBuddy(self.loginEdit)
        self.newRoleLabel.setBuddy(self.newRoleCombo)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.operatorTable, self.roleCombo)
        QWidget.setTabOrder(self.roleCombo, self.changeRoleButton)
        QWidget.setTabOrder(self.changeRoleButton, self.activeButton)
        QWidget.setTabOrder(self.activeButton, self.loginEdit)
        QWidget.setTabOrder(self.loginEdit, self.newRoleCombo)
        QWidget.setTabOrder(self.newRoleCombo, self.addButton)

        self.retranslateUi(OperatorsSection)

        QMetaObject.connectSlotsByName(OperatorsSection)
    # setupUi

    def retranslateUi(self, OperatorsSection):
        self.operatorsHint.setText(QCoreApplication.translate("OperatorsSection", u"Who may work on this database. A clerk works the request queue; a manager also keeps members, roles, properties and channel grants; an administrator may do everything, including feature management, channels and operators.", None))
#if QT_CONFIG(accessibility)
        self.operatorTable.setAccessibleName(QCoreApplication.translate("OperatorsSection", u"Operators", None))
#endif // QT_CONFIG(accessibility)
        self.selectedGroup.setTitle(QCoreApplication.translate("OperatorsSection", u"Selected operator", None))
        self.roleLabel.setText(QCoreApplication.translate("OperatorsSection", u"&Role:", None))
        self.roleCombo.setItemText(0, QCoreApplication.translate("OperatorsSection", u"Clerk", None))
        self.roleCombo.setItemText(1, QCoreApplication.translate("OperatorsSection", u"Manager", None))
        self.roleCombo.setItemText(2, QCoreApplication.translate("OperatorsSection", u"Administrator", None))

#if QT_CONFIG(accessibility)
        self.roleCombo.setAccessibleName(QCoreApplication.translate("OperatorsSection", u"Role of the selected operator", None))
#endif // QT_CONFIG(accessibility)
        self.changeRoleButton.setText(QCoreApplication.translate("OperatorsSection", u"C&hange role", None))
#if QT_CONFIG(accessibility)
        self.changeRoleButton.setAccessibleName(QCoreApplication.translate("OperatorsSection", u"Change role", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.activeButton.setAccessibleName(QCoreApplication.translate("OperatorsSection", u"Disable or enable the selected operator", None))
#endif // QT_CONFIG(accessibility)
        self.addGroup.setTitle(QCoreApplication.translate("OperatorsSection", u"Add an operator", None))
        self.loginLabel.setText(QCoreApplication.translate("OperatorsSection", u"&Login:", None))
#if QT_CONFIG(accessibility)
        self.loginEdit.setAccessibleName(QCoreApplication.translate("OperatorsSection", u"Login of the new operator", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.loginEdit.setAccessibleDescription(QCoreApplication.translate("OperatorsSection", u"The operating system login (on PostgreSQL: the database login)", None))
#endif // QT_CONFIG(accessibility)
        self.newRoleLabel.setText(QCoreApplication.translate("OperatorsSection", u"R&ole:", None))
        self.newRoleCombo.setItemText(0, QCoreApplication.translate("OperatorsSection", u"Clerk", None))
        self.newRoleCombo.setItemText(1, QCoreApplication.translate("OperatorsSection", u"Manager", None))
        self.newRoleCombo.setItemText(2, QCoreApplication.translate("OperatorsSection", u"Administrator", None))

#if QT_CONFIG(accessibility)
        self.newRoleCombo.setAccessibleName(QCoreApplication.translate("OperatorsSection", u"Role of the new operator", None))
#endif // QT_CONFIG(accessibility)
        self.addButton.setText(QCoreApplication.translate("OperatorsSection", u"&Add operator", None))
#if QT_CONFIG(accessibility)
        self.addButton.setAccessibleName(QCoreApplication.translate("OperatorsSection", u"Add operator", None))
#endif // QT_CONFIG(accessibility)
        pass
    # retranslateUi

