# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'settings_pane.ui'
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
from PySide6.QtWidgets import (QApplication, QHBoxLayout, QListWidget, QListWidgetItem,
    QSizePolicy, QStackedWidget, QWidget)

class Ui_SettingsPane(object):
    def setupUi(self, SettingsPane):
        if not SettingsPane.objectName():
            SettingsPane.setObjectName(u"SettingsPane")
        self.paneLayout = QHBoxLayout(SettingsPane)
        self.paneLayout.setObjectName(u"paneLayout")
        self.paneLayout.setContentsMargins(0, 0, 0, 0)
        self.sectionList = QListWidget(SettingsPane)
        QListWidgetItem(self.sectionList)
        QListWidgetItem(self.sectionList)
        QListWidgetItem(self.sectionList)
        QListWidgetItem(self.sectionList)
        QListWidgetItem(self.sectionList)
        QListWidgetItem(self.sectionList)
        QListWidgetItem(self.sectionList)
        QListWidgetItem(self.sectionList)
        self.sectionList.setObjectName(u"sectionList")
        self.sectionList.setMinimumSize(QSize(190, 0))
        self.sectionList.setMaximumSize(QSize(240, 16777215))
        self.sectionList.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.sectionList.setStyleSheet(u"QListWidget#sectionList::item { padding: 6px 8px; }")

        self.paneLayout.addWidget(self.sectionList)

        self.sectionStack = QStackedWidget(SettingsPane)
        self.sectionStack.setObjectName(u"sectionStack")

        self.paneLayout.addWidget(self.sectionStack)

        self.paneLayout.setStretch(1, 1)

        self.retranslateUi(SettingsPane)

        QMetaObject.connectSlotsByName(SettingsPane)
    # setupUi

    def retranslateUi(self, SettingsPane):

        __sortingEnabled = self.sectionList.isSortingEnabled()
        self.sectionList.setSortingEnabled(False)
        ___qlistwidgetitem = self.sectionList.item(0)
        ___qlistwidgetitem.setText(QCoreApplication.translate("SettingsPane", u"Feature management", None))
        ___qlistwidgetitem1 = self.sectionList.item(1)
        ___qlistwidgetitem1.setText(QCoreApplication.translate("SettingsPane", u"Number sequences", None))
        ___qlistwidgetitem2 = self.sectionList.item(2)
        ___qlistwidgetitem2.setText(QCoreApplication.translate("SettingsPane", u"Channels", None))
        ___qlistwidgetitem3 = self.sectionList.item(3)
        ___qlistwidgetitem3.setText(QCoreApplication.translate("SettingsPane", u"Catalogs", None))
        ___qlistwidgetitem4 = self.sectionList.item(4)
        ___qlistwidgetitem4.setText(QCoreApplication.translate("SettingsPane", u"Lookups", None))
        ___qlistwidgetitem5 = self.sectionList.item(5)
        ___qlistwidgetitem5.setText(QCoreApplication.translate("SettingsPane", u"Operators", None))
        ___qlistwidgetitem6 = self.sectionList.item(6)
        ___qlistwidgetitem6.setText(QCoreApplication.translate("SettingsPane", u"Notifications", None))
        ___qlistwidgetitem7 = self.sectionList.item(7)
        ___qlistwidgetitem7.setText(QCoreApplication.translate("SettingsPane", u"Language and formats", None))
        self.sectionList.setSortingEnabled(__sortingEnabled)

#if QT_CONFIG(accessibility)
        self.sectionList.setAccessibleName(QCoreApplication.translate("SettingsPane", u"Settings sections", None))
#endif // QT_CONFIG(accessibility)
        pass
    # retranslateUi

