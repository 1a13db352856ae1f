# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'settings_channels.ui'
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
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QGridLayout, QGroupBox,
    QHBoxLayout, QHeaderView, QLabel, QLineEdit,
    QPushButton, QSizePolicy, QSpacerItem, QTableView,
    QVBoxLayout, QWidget)

class Ui_ChannelsSection(object):
    def setupUi(self, ChannelsSection):
        if not ChannelsSection.objectName():
            ChannelsSection.setObjectName(u"ChannelsSection")
        self.sectionLayout = QVBoxLayout(ChannelsSection)
        self.sectionLayout.setObjectName(u"sectionLayout")
        self.channelsHint = QLabel(ChannelsSection)
        self.channelsHint.setObjectName(u"channelsHint")
        self.channelsHint.setWordWrap(True)

        self.sectionLayout.addWidget(self.channelsHint)

        self.permissionBanner = QLabel(ChannelsSection)
        self.permissionBanner.setObjectName(u"permissionBanner")
        self.permissionBanner.setText(u"")
        self.permissionBanner.setWordWrap(True)
        self.permissionBanner.setStyleSheet(u"background: #fff4ce; border: 1px solid #e0c060; padding: 6px;")

        self.sectionLayout.addWidget(self.permissionBanner)

        self.channelTable = QTableView(ChannelsSection)
        self.channelTable.setObjectName(u"channelTable")
        self.channelTable.setTabKeyNavigation(False)
        self.channelTable.setAlternatingRowColors(True)
        self.channelTable.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.channelTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.channelTable.setWordWrap(False)
        self.channelTable.horizontalHeader().setStretchLastSection(True)
        self.channelTable.verticalHeader().setVisible(False)

        self.sectionLayout.addWidget(self.channelTable)

        self.addGroup = QGroupBox(ChannelsSection)
        self.addGroup.setObjectName(u"addGroup")
        self.addLayout = QGridLayout(self.addGroup)
        self.addLayout.setObjectName(u"addLayout")
        self.codeLabel = QLabel(self.addGroup)
        self.codeLabel.setObjectName(u"codeLabel")

        self.addLayout.addWidget(self.codeLabel, 0, 0, 1, 1)

        self.codeEdit = QLineEdit(self.addGroup)
        self.codeEdit.setObjectName(u"codeEdit")
        self.codeEdit.setMaxLength(40)
        self.codeEdit.setPlaceholderText(u"B2B-WEST")

        self.addLayout.addWidget(self.codeEdit, 0, 1, 1, 1)

        self.codeProblem = QLabel(self.addGroup)
        self.codeProblem.setObjectName(u"codeProblem")
        self.codeProblem.setText(u"")
        self.codeProblem.setWordWrap(True)
        self.codeProblem.setStyleSheet(u"color: #b00020;")

        self.addLayout.addWidget(self.codeProblem, 0, 2, 1, 1)

        self.nameLabel = QLabel(self.addGroup)
        self.nameLabel.setObjectName(u"nameLabel")

        self.addLayout.addWidget(self.nameLabel, 1, 0, 1, 1)

        self.nameEdit = QLineEdit(self.addGroup)
        self.nameEdit.setObjectName(u"nameEdit")
        self.nameEdit.setMaxLength(200)

        self.addLayout.addWidget(self.nameEdit, 1, 1, 1, 1)

        self.nameProblem = QLabel(self.addGroup)
        self.nameProblem.setObjectName(u"nameProblem")
        self.nameProblem.setText(u"")
        self.nameProblem.setWordWrap(True)
        self.nameProblem.setStyleSheet(u"color: #b00020;")

        self.addLayout.addWidget(self.nameProblem, 1, 2, 1, 1)

        self.addButtonLayout = QHBoxLayout()
        self.addButtonLayout.setObjectName(u"addButtonLayout")
        self.addButton = QPushButton(self.addGroup)
        self.addButton.setObjectName(u"addButton")
        self.addButton.setEnabled(False)

        self.addButtonLayout.addWidget(self.addButton)

        self.addButtonSpacer = QSpacerItem(40, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.addButtonLayout.addItem(self.addButtonSpacer)


        self.addLayout.addLayout(self.addButtonLayout, 2, 1, 1, 1)

        self.resultLabel = QLabel(self.addGroup)
        self.resultLabel.setObjectName(u"resultLabel")
        self.resultLabel.setText(u"")
        self.resultLabel.setWordWrap(True)

        self.addLayout.addWidget(self.resultLabel, 2, 2, 1, 1)

        self.addLayout.setColumnStretch(1, 1)
        self.addLayout.setColumnStretch(2, 1)

        self.sectionLayout.addWidget(self.addGroup)

        self.sectionLayout.setStretch(2, 1)
#if QT_CONFIG(shortcut)
        self.codeLabel.setBuddy(self.codeEdit)
        self.nameLabel.setBuddy(self.nameEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.channelTable, self.codeEdit)
        QWidget.setTabOrder(self.codeEdit, self.nameEdit)
        QWidget.setTabOrder(self.nameEdit, self.addButton)

        self.retranslateUi(ChannelsSection)

        QMetaObject.connectSlotsByName(ChannelsSection)
    # setupUi

    def retranslateUi(self, ChannelsSection):
        self.channelsHint.setText(QCoreApplication.translate("ChannelsSection", u"The B2B sites (channels) that partners sign up on. Channel grants and catalogs refer to them by code.", None))
#if QT_CONFIG(accessibility)
        self.channelTable.setAccessibleName(QCoreApplication.translate("ChannelsSection", u"Channels", None))
#endif // QT_CONFIG(accessibility)
        self.addGroup.setTitle(QCoreApplication.translate("ChannelsSection", u"Add a channel", None))
        self.codeLabel.setText(QCoreApplication.translate("ChannelsSection", u"&Code:", None))
#if QT_CONFIG(accessibility)
        self.codeEdit.setAccessibleName(QCoreApplication.translate("ChannelsSection", u"Channel code", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.codeEdit.setAccessibleDescription(QCoreApplication.translate("ChannelsSection", u"1 to 20 letters, digits, - or _", None))
#endif // QT_CONFIG(accessibility)
        self.nameLabel.setText(QCoreApplication.translate("ChannelsSection", u"&Name:", None))
#if QT_CONFIG(accessibility)
        self.nameEdit.setAccessibleName(QCoreApplication.translate("ChannelsSection", u"Channel name", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.nameEdit.setAccessibleDescription(QCoreApplication.translate("ChannelsSection", u"1 to 100 characters", None))
#endif // QT_CONFIG(accessibility)
        self.addButton.setText(QCoreApplication.translate("ChannelsSection", u"&Add channel", None))
#if QT_CONFIG(accessibility)
        self.addButton.setAccessibleName(QCoreApplication.translate("ChannelsSection", u"Add channel", None))
#endif // QT_CONFIG(accessibility)
        pass
    # retranslateUi

