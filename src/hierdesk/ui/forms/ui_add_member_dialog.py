# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'add_member_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QComboBox, QDialog,
    QDialogButtonBox, QFormLayout, QLabel, QLineEdit,
    QSizePolicy, QVBoxLayout, QWidget)

class Ui_AddMemberDialog(object):
    def setupUi(self, AddMemberDialog):
        if not AddMemberDialog.objectName():
            AddMemberDialog.setObjectName(u"AddMemberDialog")
        AddMemberDialog.resize(460, 330)
        self.dialogLayout = QVBoxLayout(AddMemberDialog)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.form = QFormLayout()
        self.form.setObjectName(u"form")
        self.lastNameLabel = QLabel(AddMemberDialog)
        self.lastNameLabel.setObjectName(u"lastNameLabel")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.lastNameLabel)

        self.lastNameEdit = QLineEdit(AddMemberDialog)
        self.lastNameEdit.setObjectName(u"lastNameEdit")

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.lastNameEdit)

        self.firstNameLabel = QLabel(AddMemberDialog)
        self.firstNameLabel.setObjectName(u"firstNameLabel")

        self.form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.firstNameLabel)

        self.firstNameEdit = QLineEdit(AddMemberDialog)
        self.firstNameEdit.setObjectName(u"firstNameEdit")

        self.form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.firstNameEdit)

        self.lastNameKanaLabel = QLabel(AddMemberDialog)
        self.lastNameKanaLabel.setObjectName(u"lastNameKanaLabel")

        self.form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.lastNameKanaLabel)

        self.lastNameKanaEdit = QLineEdit(AddMemberDialog)
        self.lastNameKanaEdit.setObjectName(u"lastNameKanaEdit")

        self.form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.lastNameKanaEdit)

        self.firstNameKanaLabel = QLabel(AddMemberDialog)
        self.firstNameKanaLabel.setObjectName(u"firstNameKanaLabel")

        self.form.setWidget(3, QFormLayout.ItemRole.LabelRole, self.firstNameKanaLabel)

        self.firstNameKanaEdit = QLineEdit(AddMemberDialog)
        self.firstNameKanaEdit.setObjectName(u"firstNameKanaEdit")

        self.form.setWidget(3, QFormLayout.ItemRole.FieldRole, self.firstNameKanaEdit)

        self.emailLabel = QLabel(AddMemberDialog)
        self.emailLabel.setObjectName(u"emailLabel")

        self.form.setWidget(4, QFormLayout.ItemRole.LabelRole, self.emailLabel)

        self.emailEdit = QLineEdit(AddMemberDialog)
        self.emailEdit.setObjectName(u"emailEdit")

        self.form.setWidget(4, QFormLayout.ItemRole.FieldRole, self.emailEdit)

        self.roleLabel = QLabel(AddMemberDialog)
        self.roleLabel.setObjectName(u"roleLabel")

        self.form.setWidget(5, QFormLayout.ItemRole.LabelRole, self.roleLabel)

        self.roleCombo = QComboBox(AddMemberDialog)
        self.roleCombo.setObjectName(u"roleCombo")

        self.form.setWidget(5, QFormLayout.ItemRole.FieldRole, self.roleCombo)

        self.languageLabel = QLabel(AddMemberDialog)
        self.languageLabel.setObjectName(u"languageLabel")

        self.form.setWidget(6, QFormLayout.ItemRole.LabelRole, self.languageLabel)

        self.languageCombo = QComboBox(AddMemberDialog)
        self.languageCombo.addItem(u"\u65e5\u672c\u8a9e")
        self.languageCombo.addItem(u"English")
        self.languageCombo.setObjectName(u"languageCombo")

        self.form.setWidget(6, QFormLayout.ItemRole.FieldRole, self.languageCombo)


        self.dialogLayout.addLayout(self.form)

        self.problemLabel = QLabel(AddMemberDialog)
        self.problemLabel.setObjectName(u"problemLabel")
        self.problemLabel.setText(u"")
        self.problemLabel.setWordWrap(True)
        self.problemLabel.setStyleSheet(u"color: #b00020;")

        self.dialogLayout.addWidget(self.problemLabel)

        self.buttonBox = QDialogButtonBox(AddMemberDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.dialogLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.lastNameLabel.setBuddy(self.lastNameEdit)
        self.firstNameLabel.setBuddy(self.firstNameEdit)
        self.lastNameKanaLabel.setBuddy(self.lastNameKanaEdit)
        self.firstNameKanaLabel.setBuddy(self.firstNameKanaEdit)
        self.emailLabel.setBuddy(self.emailEdit)
        self.roleLabel.setBuddy(self.roleCombo)
        self.languageLabel.setBuddy(self.languageCombo)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(AddMemberDialog)

        QMetaObject.connectSlotsByName(AddMemberDialog)
    # setupUi

    def retranslateUi(self, AddMemberDialog):
        AddMemberDialog.setWindowTitle(QCoreApplication.translate("AddMemberDialog", u"Add a person", None))
        self.lastNameLabel.setText(QCoreApplication.translate("AddMemberDialog", u"&Last name:", None))
#if QT_CONFIG(accessibility)
        self.lastNameEdit.setAccessibleName(QCoreApplication.translate("AddMemberDialog", u"Last name", None))
#endif // QT_CONFIG(accessibility)
        self.firstNameLabel.setText(QCoreApplication.translate("AddMemberDialog", u"&First name:", None))
#if QT_CONFIG(accessibility)
        self.firstNameEdit.setAccessibleName(QCoreApplication.translate("AddMemberDialog", u"First name", None))
#endif // QT_CONFIG(accessibility)
        self.lastNameKanaLabel.setText(QCoreApplication.translate("AddMemberDialog", u"Last name (&kana):", None))
#if QT_CONFIG(accessibility)
        self.lastNameKanaEdit.setAccessibleName(QCoreApplication.translate("AddMemberDialog", u"Last name (kana)", None))
#endif // QT_CONFIG(accessibility)
        self.firstNameKanaLabel.setText(QCoreApplication.translate("AddMemberDialog", u"First name (ka&na):", None))
#if QT_CONFIG(accessibility)
        self.firstNameKanaEdit.setAccessibleName(QCoreApplication.translate("AddMemberDialog", u"First name (kana)", None))
#endif // QT_CONFIG(accessibility)
        self.emailLabel.setText(QCoreApplication.translate("AddMemberDialog", u"&E-mail:", None))
#if QT_CONFIG(accessibility)
        self.emailEdit.setAccessibleName(QCoreApplication.translate("AddMemberDialog", u"E-mail", None))
#endif // QT_CONFIG(accessibility)
        self.roleLabel.setText(QCoreApplication.translate("AddMemberDialog", u"&Role:", None))
#if QT_CONFIG(accessibility)
        self.roleCombo.setAccessibleName(QCoreApplication.translate("AddMemberDialog", u"Role", None))
#endif // QT_CONFIG(accessibility)
        self.languageLabel.setText(QCoreApplication.translate("AddMemberDialog", u"Lan&guage:", None))

#if QT_CONFIG(accessibility)
        self.languageCombo.setAccessibleName(QCoreApplication.translate("AddMemberDialog", u"Language", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi

