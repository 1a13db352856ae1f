# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'reject_dialog.ui'
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
    QDialogButtonBox, QLabel, QPlainTextEdit, QSizePolicy,
    QVBoxLayout, QWidget)

class Ui_RejectDialog(object):
    def setupUi(self, RejectDialog):
        if not RejectDialog.objectName():
            RejectDialog.setObjectName(u"RejectDialog")
        RejectDialog.resize(520, 320)
        self.dialogLayout = QVBoxLayout(RejectDialog)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.whatLabel = QLabel(RejectDialog)
        self.whatLabel.setObjectName(u"whatLabel")
        self.whatLabel.setText(u"")
        self.whatLabel.setWordWrap(True)

        self.dialogLayout.addWidget(self.whatLabel)

        self.reasonLabel = QLabel(RejectDialog)
        self.reasonLabel.setObjectName(u"reasonLabel")

        self.dialogLayout.addWidget(self.reasonLabel)

        self.presetCombo = QComboBox(RejectDialog)
        self.presetCombo.setObjectName(u"presetCombo")

        self.dialogLayout.addWidget(self.presetCombo)

        self.reasonEdit = QPlainTextEdit(RejectDialog)
        self.reasonEdit.setObjectName(u"reasonEdit")
        self.reasonEdit.setTabChangesFocus(True)

        self.dialogLayout.addWidget(self.reasonEdit)

        self.lengthLabel = QLabel(RejectDialog)
        self.lengthLabel.setObjectName(u"lengthLabel")
        self.lengthLabel.setText(u"")

        self.dialogLayout.addWidget(self.lengthLabel)

        self.buttonBox = QDialogButtonBox(RejectDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.dialogLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.reasonLabel.setBuddy(self.reasonEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(RejectDialog)

        QMetaObject.connectSlotsByName(RejectDialog)
    # setupUi

    def retranslateUi(self, RejectDialog):
        RejectDialog.setWindowTitle(QCoreApplication.translate("RejectDialog", u"Reject requests", None))
        self.reasonLabel.setText(QCoreApplication.translate("RejectDialog", u"&Reason (required; the requester receives it):", None))
#if QT_CONFIG(accessibility)
        self.presetCombo.setAccessibleName(QCoreApplication.translate("RejectDialog", u"Common reasons", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.reasonEdit.setAccessibleName(QCoreApplication.translate("RejectDialog", u"Reason for the rejection", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi

