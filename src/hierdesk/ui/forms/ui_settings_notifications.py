# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'settings_notifications.ui'
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
from PySide6.QtWidgets import (QApplication, QCheckBox, QGridLayout, QGroupBox,
    QHBoxLayout, QLabel, QLineEdit, QPushButton,
    QRadioButton, QSizePolicy, QSpacerItem, QSpinBox,
    QVBoxLayout, QWidget)

class Ui_NotificationsSection(object):
    def setupUi(self, NotificationsSection):
        if not NotificationsSection.objectName():
            NotificationsSection.setObjectName(u"NotificationsSection")
        self.sectionLayout = QVBoxLayout(NotificationsSection)
        self.sectionLayout.setObjectName(u"sectionLayout")
        self.notificationsHint = QLabel(NotificationsSection)
        self.notificationsHint.setObjectName(u"notificationsHint")
        self.notificationsHint.setWordWrap(True)

        self.sectionLayout.addWidget(self.notificationsHint)

        self.permissionBanner = QLabel(NotificationsSection)
        self.permissionBanner.setObjectName(u"permissionBanner")
        self.permissionBanner.setText(u"")
        self.permissionBanner.setWordWrap(True)
        self.permissionBanner.setStyleSheet(u"background: #fff4ce; border: 1px solid #e0c060; padding: 6px;")

        self.sectionLayout.addWidget(self.permissionBanner)

        self.modeGroup = QGroupBox(NotificationsSection)
        self.modeGroup.setObjectName(u"modeGroup")
        self.modeLayout = QGridLayout(self.modeGroup)
        self.modeLayout.setObjectName(u"modeLayout")
        self.radioLayout = QHBoxLayout()
        self.radioLayout.setObjectName(u"radioLayout")
        self.smtpRadio = QRadioButton(self.modeGroup)
        self.smtpRadio.setObjectName(u"smtpRadio")

        self.radioLayout.addWidget(self.smtpRadio)

        self.outboxRadio = QRadioButton(self.modeGroup)
        self.outboxRadio.setObjectName(u"outboxRadio")
        self.outboxRadio.setChecked(True)

        self.radioLayout.addWidget(self.outboxRadio)

        self.modeSpacer = QSpacerItem(40, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.radioLayout.addItem(self.modeSpacer)


        self.modeLayout.addLayout(self.radioLayout, 0, 0, 1, 2)

        self.senderLabel = QLabel(self.modeGroup)
        self.senderLabel.setObjectName(u"senderLabel")

        self.modeLayout.addWidget(self.senderLabel, 1, 0, 1, 1)

        self.senderEdit = QLineEdit(self.modeGroup)
        self.senderEdit.setObjectName(u"senderEdit")
        self.senderEdit.setMaxLength(254)
        self.senderEdit.setPlaceholderText(u"b2b@example.jp")

        self.modeLayout.addWidget(self.senderEdit, 1, 1, 1, 1)

        self.modeLayout.setColumnStretch(1, 1)

        self.sectionLayout.addWidget(self.modeGroup)

        self.smtpGroup = QGroupBox(NotificationsSection)
        self.smtpGroup.setObjectName(u"smtpGroup")
        self.smtpLayout = QGridLayout(self.smtpGroup)
        self.smtpLayout.setObjectName(u"smtpLayout")
        self.hostLabel = QLabel(self.smtpGroup)
        self.hostLabel.setObjectName(u"hostLabel")

        self.smtpLayout.addWidget(self.hostLabel, 0, 0, 1, 1)

        self.hostEdit = QLineEdit(self.smtpGroup)
        self.hostEdit.setObjectName(u"hostEdit")
        self.hostEdit.setMaxLength(253)
        self.hostEdit.setPlaceholderText(u"smtp.example.jp")

        self.smtpLayout.addWidget(self.hostEdit, 0, 1, 1, 1)

        self.portLabel = QLabel(self.smtpGroup)
        self.portLabel.setObjectName(u"portLabel")

        self.smtpLayout.addWidget(self.portLabel, 0, 2, 1, 1)

        self.portSpin = QSpinBox(self.smtpGroup)
        self.portSpin.setObjectName(u"portSpin")
        self.portSpin.setMinimum(1)
        self.portSpin.setMaximum(65535)
        self.portSpin.setValue(587)
        self.portSpin.setGroupSeparatorShown(False)

        self.smtpLayout.addWidget(self.portSpin, 0, 3, 1, 1)

        self.starttlsCheck = QCheckBox(self.smtpGroup)
        self.starttlsCheck.setObjectName(u"starttlsCheck")
        self.starttlsCheck.setChecked(True)

        self.smtpLayout.addWidget(self.starttlsCheck, 1, 1, 1, 3)

        self.usernameLabel = QLabel(self.smtpGroup)
        self.usernameLabel.setObjectName(u"usernameLabel")

        self.smtpLayout.addWidget(self.usernameLabel, 2, 0, 1, 1)

        self.usernameEdit = QLineEdit(self.smtpGroup)
        self.usernameEdit.setObjectName(u"usernameEdit")
        self.usernameEdit.setMaxLength(254)

        self.smtpLayout.addWidget(self.usernameEdit, 2, 1, 1, 3)

        self.passwordLabel = QLabel(self.smtpGroup)
        self.passwordLabel.setObjectName(u"passwordLabel")

        self.smtpLayout.addWidget(self.passwordLabel, 3, 0, 1, 1)

        self.passwordEdit = QLineEdit(self.smtpGroup)
        self.passwordEdit.setObjectName(u"passwordEdit")
        self.passwordEdit.setEchoMode(QLineEdit.EchoMode.Password)
        self.passwordEdit.setMaxLength(512)

        self.smtpLayout.addWidget(self.passwordEdit, 3, 1, 1, 2)

        self.forgetButton = QPushButton(self.smtpGroup)
        self.forgetButton.setObjectName(u"forgetButton")

        self.smtpLayout.addWidget(self.forgetButton, 3, 3, 1, 1)

        self.passwordState = QLabel(self.smtpGroup)
        self.passwordState.setObjectName(u"passwordState")
        self.passwordState.setText(u"")
        self.passwordState.setWordWrap(True)

        self.smtpLayout.addWidget(self.passwordState, 4, 1, 1, 3)

        self.smtpLayout.setColumnStretch(1, 1)

        self.sectionLayout.addWidget(self.smtpGroup)

        self.outboxGroup = QGroupBox(NotificationsSection)
        self.outboxGroup.setObjectName(u"outboxGroup")
        self.outboxLayout = QGridLayout(self.outboxGroup)
        self.outboxLayout.setObjectName(u"outboxLayout")
        self.folderLabel = QLabel(self.outboxGroup)
        self.folderLabel.setObjectName(u"folderLabel")

        self.outboxLayout.addWidget(self.folderLabel, 0, 0, 1, 1)

        self.folderEdit = QLineEdit(self.outboxGroup)
        self.folderEdit.setObjectName(u"folderEdit")
        self.folderEdit.setMaxLength(1000)

        self.outboxLayout.addWidget(self.folderEdit, 0, 1, 1, 1)

        self.browseButton = QPushButton(self.outboxGroup)
        self.browseButton.setObjectName(u"browseButton")

        self.outboxLayout.addWidget(self.browseButton, 0, 2, 1, 1)

        self.folderHint = QLabel(self.outboxGroup)
        self.folderHint.setObjectName(u"folderHint")
        self.folderHint.setText(u"")
        self.folderHint.setWordWrap(True)
        self.folderHint.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.outboxLayout.addWidget(self.folderHint, 1, 1, 1, 2)

        self.outboxLayout.setColumnStretch(1, 1)

        self.sectionLayout.addWidget(self.outboxGroup)

        self.saveLayout = QHBoxLayout()
        self.saveLayout.setObjectName(u"saveLayout")
        self.saveButton = QPushButton(NotificationsSection)
        self.saveButton.setObjectName(u"saveButton")

        self.saveLayout.addWidget(self.saveButton)

        self.saveResult = QLabel(NotificationsSection)
        self.saveResult.setObjectName(u"saveResult")
        self.saveResult.setText(u"")
        self.saveResult.setWordWrap(True)
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        sizePolicy.setHorizontalStretch(1)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.saveResult.sizePolicy().hasHeightForWidth())
        self.saveResult.setSizePolicy(sizePolicy)

        self.saveLayout.addWidget(self.saveResult)


        self.sectionLayout.addLayout(self.saveLayout)

        self.testGroup = QGroupBox(NotificationsSection)
        self.testGroup.setObjectName(u"testGroup")
        self.testLayout = QGridLayout(self.testGroup)
        self.testLayout.setObjectName(u"testLayout")
        self.recipientLabel = QLabel(self.testGroup)
        self.recipientLabel.setObjectName(u"recipientLabel")

        self.testLayout.addWidget(self.recipientLabel, 0, 0, 1, 1)

        self.recipientEdit = QLineEdit(self.testGroup)
        self.recipientEdit.setObjectName(u"recipientEdit")
        self.recipientEdit.setMaxLength(254)
        self.recipientEdit.setPlaceholderText(u"name@example.jp")

        self.testLayout.addWidget(self.recipientEdit, 0, 1, 1, 1)

        self.testButton = QPushButton(self.testGroup)
        self.testButton.setObjectName(u"testButton")

        self.testLayout.addWidget(self.testButton, 0, 2, 1, 1)

        self.testResult = QLabel(self.testGroup)
        self.testResult.setObjectName(u"testResult")
        self.testResult.setText(u"")
        self.testResult.setWordWrap(True)
        self.testResult.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.testLayout.addWidget(self.testResult, 1, 1, 1, 2)

        self.testLayout.setColumnStretch(1, 1)

        self.sectionLayout.addWidget(self.testGroup)

        self.sectionSpacer = QSpacerItem(20, 20, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.sectionLayout.addItem(self.sectionSpacer)

#if QT_CONFIG(shortcut)
        self.senderLabel.setBuddy(self.senderEdit)
        self.hostLabel.setBuddy(self.hostEdit)
        self.portLabel.setBuddy(self.portSpin)
        self.usernameLabel.setBuddy(self.usernameEdit)
        self.passwordLabel.setBuddy(self.passwordEdit)
        self.folderLabel.setBuddy(self.folderEdit)
        self.recipientLabel.setBuddy(self.recipientEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.smtpRadio, self.outboxRadio)
        QWidget.setTabOrder(self.outboxRadio, self.senderEdit)
        QWidget.setTabOrder(self.senderEdit, self.hostEdit)
        QWidget.setTabOrder(self.hostEdit, self.portSpin)
        QWidget.setTabOrder(self.portSpin, self.starttlsCheck)
        QWidget.setTabOrder(self.starttlsCheck, self.usernameEdit)
        QWidget.setTabOrder(self.usernameEdit, self.passwordEdit)
        QWidget.setTabOrder(self.passwordEdit, self.forgetButton)
        QWidget.setTabOrder(self.forgetButton, self.folderEdit)
        QWidget.setTabOrder(self.folderEdit, self.browseButton)
        QWidget.setTabOrder(self.browseButton, self.saveButton)
        QWidget.setTabOrder(self.saveButton, self.recipientEdit)
        QWidget.setTabOrder(self.recipientEdit, self.testButton)

        self.retranslateUi(NotificationsSection)

        QMetaObject.connectSlotsByName(NotificationsSection)
    # setupUi

    def retranslateUi(self, NotificationsSection):
        self.notificationsHint.setText(QCoreApplication.translate("NotificationsSection", u"Partners are told by e-mail, in their own language, when their request is approved or rejected. hierdesk sends these e-mails through an SMTP server, or writes them as .eml files into an outbox folder for another program to send.", None))
        self.modeGroup.setTitle(QCoreApplication.translate("NotificationsSection", u"Sending", None))
        self.smtpRadio.setText(QCoreApplication.translate("NotificationsSection", u"Send through an S&MTP server", None))
#if QT_CONFIG(accessibility)
        self.smtpRadio.setAccessibleName(QCoreApplication.translate("NotificationsSection", u"Send through an SMTP server", None))
#endif // QT_CONFIG(accessibility)
        self.outboxRadio.setText(QCoreApplication.translate("NotificationsSection", u"Write to an &outbox folder", None))
#if QT_CONFIG(accessibility)
        self.outboxRadio.setAccessibleName(QCoreApplication.translate("NotificationsSection", u"Write to an outbox folder", None))
#endif // QT_CONFIG(accessibility)
        self.senderLabel.setText(QCoreApplication.translate("NotificationsSection", u"Se&nder address:", None))
#if QT_CONFIG(accessibility)
        self.senderEdit.setAccessibleName(QCoreApplication.translate("NotificationsSection", u"Sender address", None))
#endif // QT_CONFIG(accessibility)
        self.smtpGroup.setTitle(QCoreApplication.translate("NotificationsSection", u"SMTP server", None))
        self.hostLabel.setText(QCoreApplication.translate("NotificationsSection", u"Ser&ver:", None))
#if QT_CONFIG(accessibility)
        self.hostEdit.setAccessibleName(QCoreApplication.translate("NotificationsSection", u"SMTP server", None))
#endif // QT_CONFIG(accessibility)
        self.portLabel.setText(QCoreApplication.translate("NotificationsSection", u"Po&rt:", None))
#if QT_CONFIG(accessibility)
        self.portSpin.setAccessibleName(QCoreApplication.translate("NotificationsSection", u"SMTP port", None))
#endif // QT_CONFIG(accessibility)
        self.starttlsCheck.setText(QCoreApplication.translate("NotificationsSection", u"Encr&ypt the connection with STARTTLS (recommended)", None))
#if QT_CONFIG(accessibility)
        self.starttlsCheck.setAccessibleName(QCoreApplication.translate("NotificationsSection", u"Encrypt with STARTTLS", None))
#endif // QT_CONFIG(accessibility)
        self.usernameLabel.setText(QCoreApplication.translate("NotificationsSection", u"&User name:", None))
#if QT_CONFIG(accessibility)
        self.usernameEdit.setAccessibleName(QCoreApplication.translate("NotificationsSection", u"SMTP user name", None))
#endif // QT_CONFIG(accessibility)
        self.usernameEdit.setPlaceholderText(QCoreApplication.translate("NotificationsSection", u"Empty: send without signing in", None))
        self.passwordLabel.setText(QCoreApplication.translate("NotificationsSection", u"Pass&word:", None))
#if QT_CONFIG(accessibility)
        self.passwordEdit.setAccessibleName(QCoreApplication.translate("NotificationsSection", u"SMTP password", None))
#endif // QT_CONFIG(accessibility)
        self.forgetButton.setText(QCoreApplication.translate("NotificationsSection", u"For&get", None))
#if QT_CONFIG(accessibility)
        self.forgetButton.setAccessibleName(QCoreApplication.translate("NotificationsSection", u"Forget the stored password", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(tooltip)
        self.forgetButton.setToolTip(QCoreApplication.translate("NotificationsSection", u"Remove the password from the system keyring", None))
#endif // QT_CONFIG(tooltip)
        self.outboxGroup.setTitle(QCoreApplication.translate("NotificationsSection", u"Outbox folder", None))
        self.folderLabel.setText(QCoreApplication.translate("NotificationsSection", u"&Folder:", None))
#if QT_CONFIG(accessibility)
        self.folderEdit.setAccessibleName(QCoreApplication.translate("NotificationsSection", u"Outbox folder", None))
#endif // QT_CONFIG(accessibility)
        self.browseButton.setText(QCoreApplication.translate("NotificationsSection", u"&Browse\u2026", None))
#if QT_CONFIG(accessibility)
        self.browseButton.setAccessibleName(QCoreApplication.translate("NotificationsSection", u"Choose the outbox folder", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.folderHint.setAccessibleName(QCoreApplication.translate("NotificationsSection", u"About the outbox folder", None))
#endif // QT_CONFIG(accessibility)
        self.saveButton.setText(QCoreApplication.translate("NotificationsSection", u"&Save", None))
#if QT_CONFIG(accessibility)
        self.saveButton.setAccessibleName(QCoreApplication.translate("NotificationsSection", u"Save the notification settings", None))
#endif // QT_CONFIG(accessibility)
        self.testGroup.setTitle(QCoreApplication.translate("NotificationsSection", u"Test", None))
        self.recipientLabel.setText(QCoreApplication.translate("NotificationsSection", u"Re&cipient:", None))
#if QT_CONFIG(accessibility)
        self.recipientEdit.setAccessibleName(QCoreApplication.translate("NotificationsSection", u"Test message recipient", None))
#endif // QT_CONFIG(accessibility)
        self.testButton.setText(QCoreApplication.translate("NotificationsSection", u"Send &test message", None))
#if QT_CONFIG(accessibility)
        self.testButton.setAccessibleName(QCoreApplication.translate("NotificationsSection", u"Send test message", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.testResult.setAccessibleName(QCoreApplication.translate("NotificationsSection", u"Test result", None))
#endif // QT_CONFIG(accessibility)
        pass
    # retranslateUi

