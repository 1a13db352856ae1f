# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'settings_catalogs.ui'
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
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QCheckBox, QGridLayout,
    QGroupBox, QHBoxLayout, QHeaderView, QLabel,
    QLineEdit, QListWidget, QListWidgetItem, QPushButton,
    QSizePolicy, QSpacerItem, QTableView, QVBoxLayout,
    QWidget)

class Ui_CatalogsSection(object):
    def setupUi(self, CatalogsSection):
        if not CatalogsSection.objectName():
            CatalogsSection.setObjectName(u"CatalogsSection")
        self.sectionLayout = QVBoxLayout(CatalogsSection)
        self.sectionLayout.setObjectName(u"sectionLayout")
        self.catalogsHint = QLabel(CatalogsSection)
        self.catalogsHint.setObjectName(u"catalogsHint")
        self.catalogsHint.setWordWrap(True)

        self.sectionLayout.addWidget(self.catalogsHint)

        self.permissionBanner = QLabel(CatalogsSection)
        self.permissionBanner.setObjectName(u"permissionBanner")
        self.permissionBanner.setText(u"")
        self.permissionBanner.setWordWrap(True)
        self.permissionBanner.setStyleSheet(u"background: #fff4ce; border: 1px solid #e0c060; padding: 6px;")

        self.sectionLayout.addWidget(self.permissionBanner)

        self.catalogTable = QTableView(CatalogsSection)
        self.catalogTable.setObjectName(u"catalogTable")
        self.catalogTable.setMinimumSize(QSize(0, 110))
        self.catalogTable.setTabKeyNavigation(False)
        self.catalogTable.setAlternatingRowColors(True)
        self.catalogTable.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.catalogTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.catalogTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.catalogTable.setWordWrap(False)
        self.catalogTable.horizontalHeader().setStretchLastSection(True)
        self.catalogTable.verticalHeader().setVisible(False)

        self.sectionLayout.addWidget(self.catalogTable)

        self.formsLayout = QHBoxLayout()
        self.formsLayout.setObjectName(u"formsLayout")
        self.addGroup = QGroupBox(CatalogsSection)
        self.addGroup.setObjectName(u"addGroup")
        self.addLayout = QGridLayout(self.addGroup)
        self.addLayout.setObjectName(u"addLayout")
        self.codeLabel = QLabel(self.addGroup)
        self.codeLabel.setObjectName(u"codeLabel")

        self.addLayout.addWidget(self.codeLabel, 0, 0, 1, 1)

        self.codeEdit = QLineEdit(self.addGroup)
        self.codeEdit.setObjectName(u"codeEdit")
        self.codeEdit.setMaxLength(40)
        self.codeEdit.setPlaceholderText(u"CAT-SPRING")

        self.addLayout.addWidget(self.codeEdit, 0, 1, 1, 1)

        self.codeProblem = QLabel(self.addGroup)
        self.codeProblem.setObjectName(u"codeProblem")
        self.codeProblem.setText(u"")
        self.codeProblem.setWordWrap(True)
        self.codeProblem.setStyleSheet(u"color: #b00020;")

        self.addLayout.addWidget(self.codeProblem, 1, 1, 1, 1)

        self.nameLabel = QLabel(self.addGroup)
        self.nameLabel.setObjectName(u"nameLabel")

        self.addLayout.addWidget(self.nameLabel, 2, 0, 1, 1)

        self.nameEdit = QLineEdit(self.addGroup)
        self.nameEdit.setObjectName(u"nameEdit")
        self.nameEdit.setMaxLength(400)

        self.addLayout.addWidget(self.nameEdit, 2, 1, 1, 1)

        self.nameProblem = QLabel(self.addGroup)
        self.nameProblem.setObjectName(u"nameProblem")
        self.nameProblem.setText(u"")
        self.nameProblem.setWordWrap(True)
        self.nameProblem.setStyleSheet(u"color: #b00020;")

        self.addLayout.addWidget(self.nameProblem, 3, 1, 1, 1)

        self.sitesLabel = QLabel(self.addGroup)
        self.sitesLabel.setObjectName(u"sitesLabel")

        self.addLayout.addWidget(self.sitesLabel, 4, 0, 1, 1, Qt.AlignmentFlag.AlignTop)

        self.sitesList = QListWidget(self.addGroup)
        self.sitesList.setObjectName(u"sitesList")
        self.sitesList.setMinimumSize(QSize(0, 60))
        self.sitesList.setMaximumSize(QSize(16777215, 92))
        self.sitesList.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

        self.addLayout.addWidget(self.sitesList, 4, 1, 1, 1)

        self.sitesNote = QLabel(self.addGroup)
        self.sitesNote.setObjectName(u"sitesNote")
        self.sitesNote.setText(u"")
        self.sitesNote.setWordWrap(True)

        self.addLayout.addWidget(self.sitesNote, 5, 1, 1, 1)

        self.addButtonLayout = QHBoxLayout()
        self.addButtonLayout.setObjectName(u"addButtonLayout")
        self.addButton = QPushButton(self.addGroup)
        self.addButton.setObjectName(u"addButton")
        self.addButton.setEnabled(False)

        self.addButtonLayout.addWidget(self.addButton)

        self.addButtonSpacer = QSpacerItem(10, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.addButtonLayout.addItem(self.addButtonSpacer)


        self.addLayout.addLayout(self.addButtonLayout, 6, 0, 1, 2)

        self.resultLabel = QLabel(self.addGroup)
        self.resultLabel.setObjectName(u"resultLabel")
        self.resultLabel.setText(u"")
        self.resultLabel.setWordWrap(True)

        self.addLayout.addWidget(self.resultLabel, 7, 0, 1, 2)

        self.addLayout.setColumnStretch(1, 1)

        self.formsLayout.addWidget(self.addGroup)

        self.editGroup = QGroupBox(CatalogsSection)
        self.editGroup.setObjectName(u"editGroup")
        self.editLayout = QGridLayout(self.editGroup)
        self.editLayout.setObjectName(u"editLayout")
        self.editNameLabel = QLabel(self.editGroup)
        self.editNameLabel.setObjectName(u"editNameLabel")

        self.editLayout.addWidget(self.editNameLabel, 0, 0, 1, 1)

        self.editNameEdit = QLineEdit(self.editGroup)
        self.editNameEdit.setObjectName(u"editNameEdit")
        self.editNameEdit.setMaxLength(400)

        self.editLayout.addWidget(self.editNameEdit, 0, 1, 1, 1)

        self.editNameProblem = QLabel(self.editGroup)
        self.editNameProblem.setObjectName(u"editNameProblem")
        self.editNameProblem.setText(u"")
        self.editNameProblem.setWordWrap(True)
        self.editNameProblem.setStyleSheet(u"color: #b00020;")

        self.editLayout.addWidget(self.editNameProblem, 1, 1, 1, 1)

        self.editSitesLabel = QLabel(self.editGroup)
        self.editSitesLabel.setObjectName(u"editSitesLabel")

        self.editLayout.addWidget(self.editSitesLabel, 2, 0, 1, 1, Qt.AlignmentFlag.AlignTop)

        self.editSitesList = QListWidget(self.editGroup)
        self.editSitesList.setObjectName(u"editSitesList")
        self.editSitesList.setMinimumSize(QSize(0, 60))
        self.editSitesList.setMaximumSize(QSize(16777215, 92))
        self.editSitesList.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

        self.editLayout.addWidget(self.editSitesList, 2, 1, 1, 1)

        self.activeCheck = QCheckBox(self.editGroup)
        self.activeCheck.setObjectName(u"activeCheck")

        self.editLayout.addWidget(self.activeCheck, 3, 1, 1, 1)

        self.editNote = QLabel(self.editGroup)
        self.editNote.setObjectName(u"editNote")
        self.editNote.setText(u"")
        self.editNote.setWordWrap(True)

        self.editLayout.addWidget(self.editNote, 4, 1, 1, 1)

        self.editButtonLayout = QHBoxLayout()
        self.editButtonLayout.setObjectName(u"editButtonLayout")
        self.saveButton = QPushButton(self.editGroup)
        self.saveButton.setObjectName(u"saveButton")
        self.saveButton.setEnabled(False)

        self.editButtonLayout.addWidget(self.saveButton)

        self.revertButton = QPushButton(self.editGroup)
        self.revertButton.setObjectName(u"revertButton")
        self.revertButton.setEnabled(False)

        self.editButtonLayout.addWidget(self.revertButton)

        self.editButtonSpacer = QSpacerItem(10, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.editButtonLayout.addItem(self.editButtonSpacer)


        self.editLayout.addLayout(self.editButtonLayout, 5, 0, 1, 2)

        self.editResult = QLabel(self.editGroup)
        self.editResult.setObjectName(u"editResult")
        self.editResult.setText(u"")
        self.editResult.setWordWrap(True)

        self.editLayout.addWidget(self.editResult, 6, 0, 1, 2)

        self.editLayout.setColumnStretch(1, 1)

        self.formsLayout.addWidget(self.editGroup)

        self.formsLayout.setStretch(0, 1)
        self.formsLayout.setStretch(1, 1)

        self.sectionLayout.addLayout(self.formsLayout)

        self.sectionLayout.setStretch(2, 1)
#if QT_CONFIG(shortcut)
        self.codeLabel.setBuddy(self.codeEdit)
        self.nameLabel.setBuddy(self.nameEdit)
        self.sitesLabel.setBuddy(self.sitesList)
        self.editNameLabel.setBuddy(self.editNameEdit)
        self.editSitesLabel.setBuddy(self.editSitesList)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.catalogTable, self.codeEdit)
        QWidget.setTabOrder(self.codeEdit, self.nameEdit)
        QWidget.setTabOrder(self.nameEdit, self.sitesList)
        QWidget.setTabOrder(self.sitesList, self.addButton)
        QWidget.setTabOrder(self.addButton, self.editNameEdit)
        QWidget.setTabOrder(self.editNameEdit, self.editSitesList)
        QWidget.setTabOrder(self.editSitesList, self.activeCheck)
        QWidget.setTabOrder(self.activeCheck, self.saveButton)
        QWidget.setTabOrder(self.saveButton, self.revertButton)

        self.retranslateUi(CatalogsSection)

        QMetaObject.connectSlotsByName(CatalogsSection)
    # setupUi

    def retranslateUi(self, CatalogsSection):
        self.catalogsHint.setText(QCoreApplication.translate("CatalogsSection", u"The B2B catalogs and the sites that offer them. Their contents and prices live in the merchandising system; here you decide which sites offer which catalog. Hierarchies are given catalogs in their Catalogs tab.", None))
#if QT_CONFIG(accessibility)
        self.catalogTable.setAccessibleName(QCoreApplication.translate("CatalogsSection", u"Catalogs", None))
#endif // QT_CONFIG(accessibility)
        self.addGroup.setTitle(QCoreApplication.translate("CatalogsSection", u"Add a catalog", None))
        self.codeLabel.setText(QCoreApplication.translate("CatalogsSection", u"&Code:", None))
#if QT_CONFIG(accessibility)
        self.codeEdit.setAccessibleName(QCoreApplication.translate("CatalogsSection", u"Catalog code", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.codeEdit.setAccessibleDescription(QCoreApplication.translate("CatalogsSection", u"1 to 20 letters, digits, - or _", None))
#endif // QT_CONFIG(accessibility)
        self.nameLabel.setText(QCoreApplication.translate("CatalogsSection", u"&Name:", None))
#if QT_CONFIG(accessibility)
        self.nameEdit.setAccessibleName(QCoreApplication.translate("CatalogsSection", u"Catalog name", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.nameEdit.setAccessibleDescription(QCoreApplication.translate("CatalogsSection", u"1 to 200 characters", None))
#endif // QT_CONFIG(accessibility)
        self.sitesLabel.setText(QCoreApplication.translate("CatalogsSection", u"&Sites:", None))
#if QT_CONFIG(accessibility)
        self.sitesList.setAccessibleName(QCoreApplication.translate("CatalogsSection", u"Sites that offer the new catalog", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.sitesList.setAccessibleDescription(QCoreApplication.translate("CatalogsSection", u"Check the B2B sites that offer the catalog", None))
#endif // QT_CONFIG(accessibility)
        self.addButton.setText(QCoreApplication.translate("CatalogsSection", u"&Add catalog", None))
#if QT_CONFIG(accessibility)
        self.addButton.setAccessibleName(QCoreApplication.translate("CatalogsSection", u"Add catalog", None))
#endif // QT_CONFIG(accessibility)
        self.editGroup.setTitle(QCoreApplication.translate("CatalogsSection", u"Change a catalog", None))
        self.editNameLabel.setText(QCoreApplication.translate("CatalogsSection", u"Na&me:", None))
#if QT_CONFIG(accessibility)
        self.editNameEdit.setAccessibleName(QCoreApplication.translate("CatalogsSection", u"Name of the selected catalog", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.editNameEdit.setAccessibleDescription(QCoreApplication.translate("CatalogsSection", u"1 to 200 characters", None))
#endif // QT_CONFIG(accessibility)
        self.editSitesLabel.setText(QCoreApplication.translate("CatalogsSection", u"S&ites:", None))
#if QT_CONFIG(accessibility)
        self.editSitesList.setAccessibleName(QCoreApplication.translate("CatalogsSection", u"Sites that offer the selected catalog", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.editSitesList.setAccessibleDescription(QCoreApplication.translate("CatalogsSection", u"Check the B2B sites that offer the catalog", None))
#endif // QT_CONFIG(accessibility)
        self.activeCheck.setText(QCoreApplication.translate("CatalogsSection", u"Ac&tive (can be given to hierarchies)", None))
#if QT_CONFIG(accessibility)
        self.activeCheck.setAccessibleName(QCoreApplication.translate("CatalogsSection", u"Active", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(tooltip)
        self.activeCheck.setToolTip(QCoreApplication.translate("CatalogsSection", u"An inactive catalog is kept, but no hierarchy can be given it and the sites no longer show it.", None))
#endif // QT_CONFIG(tooltip)
        self.saveButton.setText(QCoreApplication.translate("CatalogsSection", u"Save chan&ges", None))
#if QT_CONFIG(accessibility)
        self.saveButton.setAccessibleName(QCoreApplication.translate("CatalogsSection", u"Save changes", None))
#endif // QT_CONFIG(accessibility)
        self.revertButton.setText(QCoreApplication.translate("CatalogsSection", u"&Revert", None))
#if QT_CONFIG(accessibility)
        self.revertButton.setAccessibleName(QCoreApplication.translate("CatalogsSection", u"Revert changes", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(tooltip)
        self.revertButton.setToolTip(QCoreApplication.translate("CatalogsSection", u"Show the saved values again", None))
#endif // QT_CONFIG(tooltip)
        pass
    # retranslateUi

