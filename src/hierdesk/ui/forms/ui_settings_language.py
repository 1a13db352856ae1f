# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'settings_language.ui'
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
from PySide6.QtWidgets import (QApplication, QCheckBox, QComboBox, QFormLayout,
    QGroupBox, QLabel, QSizePolicy, QSpacerItem,
    QVBoxLayout, QWidget)

class Ui_LanguageSection(object):
    def setupUi(self, LanguageSection):
        if not LanguageSection.objectName():
            LanguageSection.setObjectName(u"LanguageSection")
        self.sectionLayout = QVBoxLayout(LanguageSection)
        self.sectionLayout.setObjectName(u"sectionLayout")
        self.languageGroup = QGroupBox(LanguageSection)
        self.languageGroup.setObjectName(u"languageGroup")
        self.languageForm = QFormLayout(self.languageGroup)
        self.languageForm.setObjectName(u"languageForm")
        self.languageLabel = QLabel(self.languageGroup)
        self.languageLabel.setObjectName(u"languageLabel")

        self.languageForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.languageLabel)

        self.languageCombo = QComboBox(self.languageGroup)
        self.languageCombo.addItem(u"\u65e5\u672c\u8a9e")
        self.languageCombo.addItem(u"English")
        self.languageCombo.setObjectName(u"languageCombo")

        self.languageForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.languageCombo)

        self.eraCheck = QCheckBox(self.languageGroup)
        self.eraCheck.setObjectName(u"eraCheck")

        self.languageForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.eraCheck)

        self.previewLabel = QLabel(self.languageGroup)
        self.previewLabel.setObjectName(u"previewLabel")

        self.languageForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.previewLabel)

        self.datePreview = QLabel(self.languageGroup)
        self.datePreview.setObjectName(u"datePreview")
        self.datePreview.setText(u"")

        self.languageForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.datePreview)


        self.sectionLayout.addWidget(self.languageGroup)

        self.databaseGroup = QGroupBox(LanguageSection)
        self.databaseGroup.setObjectName(u"databaseGroup")
        self.databaseForm = QFormLayout(self.databaseGroup)
        self.databaseForm.setObjectName(u"databaseForm")
        self.databaseLabel = QLabel(self.databaseGroup)
        self.databaseLabel.setObjectName(u"databaseLabel")

        self.databaseForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.databaseLabel)

        self.databaseValue = QLabel(self.databaseGroup)
        self.databaseValue.setObjectName(u"databaseValue")
        self.databaseValue.setText(u"")
        self.databaseValue.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.databaseForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.databaseValue)

        self.operatorLabel = QLabel(self.databaseGroup)
        self.operatorLabel.setObjectName(u"operatorLabel")

        self.databaseForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.operatorLabel)

        self.operatorValue = QLabel(self.databaseGroup)
        self.operatorValue.setObjectName(u"operatorValue")
        self.operatorValue.setText(u"")

        self.databaseForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.operatorValue)


        self.sectionLayout.addWidget(self.databaseGroup)

        self.sectionSpacer = QSpacerItem(20, 40, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.sectionLayout.addItem(self.sectionSpacer)

#if QT_CONFIG(shortcut)
        self.languageLabel.setBuddy(self.languageCombo)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(LanguageSection)

        QMetaObject.connectSlotsByName(LanguageSection)
    # setupUi

    def retranslateUi(self, LanguageSection):
        self.languageGroup.setTitle(QCoreApplication.translate("LanguageSection", u"Language and formats", None))
        self.languageLabel.setText(QCoreApplication.translate("LanguageSection", u"&Language:", None))

#if QT_CONFIG(accessibility)
        self.languageCombo.setAccessibleName(QCoreApplication.translate("LanguageSection", u"Language", None))
#endif // QT_CONFIG(accessibility)
        self.eraCheck.setText(QCoreApplication.translate("LanguageSection", u"Show dates with the Japanese era (\u4ee4\u548c8\u5e7411\u670826\u65e5)", None))
        self.previewLabel.setText(QCoreApplication.translate("LanguageSection", u"Example:", None))
        self.databaseGroup.setTitle(QCoreApplication.translate("LanguageSection", u"Database", None))
        self.databaseLabel.setText(QCoreApplication.translate("LanguageSection", u"Database:", None))
        self.operatorLabel.setText(QCoreApplication.translate("LanguageSection", u"Operator:", None))
        pass
    # retranslateUi

