# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'settings_features.ui'
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
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QFormLayout, QGroupBox,
    QHBoxLayout, QHeaderView, QLabel, QPushButton,
    QSizePolicy, QSpacerItem, QTableView, QVBoxLayout,
    QWidget)

class Ui_FeaturesSection(object):
    def setupUi(self, FeaturesSection):
        if not FeaturesSection.objectName():
            FeaturesSection.setObjectName(u"FeaturesSection")
        self.sectionLayout = QVBoxLayout(FeaturesSection)
        self.sectionLayout.setObjectName(u"sectionLayout")
        self.featuresHint = QLabel(FeaturesSection)
        self.featuresHint.setObjectName(u"featuresHint")
        self.featuresHint.setWordWrap(True)

        self.sectionLayout.addWidget(self.featuresHint)

        self.permissionBanner = QLabel(FeaturesSection)
        self.permissionBanner.setObjectName(u"permissionBanner")
        self.permissionBanner.setText(u"")
        self.permissionBanner.setWordWrap(True)
        self.permissionBanner.setStyleSheet(u"background: #fff4ce; border: 1px solid #e0c060; padding: 6px;")

        self.sectionLayout.addWidget(self.permissionBanner)

        self.featureTable = QTableView(FeaturesSection)
        self.featureTable.setObjectName(u"featureTable")
        self.featureTable.setTabKeyNavigation(False)
        self.featureTable.setAlternatingRowColors(True)
        self.featureTable.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.featureTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.featureTable.setWordWrap(False)
        self.featureTable.horizontalHeader().setStretchLastSection(True)
        self.featureTable.verticalHeader().setVisible(False)

        self.sectionLayout.addWidget(self.featureTable)

        self.detailGroup = QGroupBox(FeaturesSection)
        self.detailGroup.setObjectName(u"detailGroup")
        self.detailForm = QFormLayout(self.detailGroup)
        self.detailForm.setObjectName(u"detailForm")
        self.nameLabel = QLabel(self.detailGroup)
        self.nameLabel.setObjectName(u"nameLabel")

        self.detailForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.nameLabel)

        self.nameValue = QLabel(self.detailGroup)
        self.nameValue.setObjectName(u"nameValue")
        self.nameValue.setText(u"")
        self.nameValue.setWordWrap(True)
        self.nameValue.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.detailForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.nameValue)

        self.keyLabel = QLabel(self.detailGroup)
        self.keyLabel.setObjectName(u"keyLabel")

        self.detailForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.keyLabel)

        self.keyValue = QLabel(self.detailGroup)
        self.keyValue.setObjectName(u"keyValue")
        self.keyValue.setText(u"")
        self.keyValue.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.detailForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.keyValue)

        self.descriptionLabel = QLabel(self.detailGroup)
        self.descriptionLabel.setObjectName(u"descriptionLabel")

        self.detailForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.descriptionLabel)

        self.descriptionValue = QLabel(self.detailGroup)
        self.descriptionValue.setObjectName(u"descriptionValue")
        self.descriptionValue.setText(u"")
        self.descriptionValue.setWordWrap(True)

        self.detailForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.descriptionValue)

        self.dependencyLabel = QLabel(self.detailGroup)
        self.dependencyLabel.setObjectName(u"dependencyLabel")

        self.detailForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.dependencyLabel)

        self.dependencyValue = QLabel(self.detailGroup)
        self.dependencyValue.setObjectName(u"dependencyValue")
        self.dependencyValue.setText(u"")
        self.dependencyValue.setWordWrap(True)

        self.detailForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.dependencyValue)

        self.stateLabel = QLabel(self.detailGroup)
        self.stateLabel.setObjectName(u"stateLabel")

        self.detailForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.stateLabel)

        self.stateLayout = QHBoxLayout()
        self.stateLayout.setObjectName(u"stateLayout")
        self.stateValue = QLabel(self.detailGroup)
        self.stateValue.setObjectName(u"stateValue")
        self.stateValue.setText(u"")
        self.stateValue.setWordWrap(True)

        self.stateLayout.addWidget(self.stateValue)

        self.toggleButton = QPushButton(self.detailGroup)
        self.toggleButton.setObjectName(u"toggleButton")
        self.toggleButton.setText(u"")

        self.stateLayout.addWidget(self.toggleButton)

        self.stateLayout.setStretch(0, 1)

        self.detailForm.setLayout(4, QFormLayout.ItemRole.FieldRole, self.stateLayout)


        self.sectionLayout.addWidget(self.detailGroup)

        self.sectionSpacer = QSpacerItem(20, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.sectionLayout.addItem(self.sectionSpacer)

        self.sectionLayout.setStretch(4, 1)
        QWidget.setTabOrder(self.featureTable, self.toggleButton)

        self.retranslateUi(FeaturesSection)

        QMetaObject.connectSlotsByName(FeaturesSection)
    # setupUi

    def retranslateUi(self, FeaturesSection):
        self.featuresHint.setText(QCoreApplication.translate("FeaturesSection", u"Feature management: switch on the B2B capabilities this back office uses. A feature that requires another can be switched on only after it, and one that others need can be switched off only after them.", None))
#if QT_CONFIG(accessibility)
        self.featureTable.setAccessibleName(QCoreApplication.translate("FeaturesSection", u"Features", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.featureTable.setAccessibleDescription(QCoreApplication.translate("FeaturesSection", u"Press Space on the State column to switch the selected feature on or off.", None))
#endif // QT_CONFIG(accessibility)
        self.detailGroup.setTitle(QCoreApplication.translate("FeaturesSection", u"Selected feature", None))
        self.nameLabel.setText(QCoreApplication.translate("FeaturesSection", u"Name:", None))
#if QT_CONFIG(accessibility)
        self.nameValue.setAccessibleName(QCoreApplication.translate("FeaturesSection", u"Feature name", None))
#endif // QT_CONFIG(accessibility)
        self.keyLabel.setText(QCoreApplication.translate("FeaturesSection", u"Key:", None))
#if QT_CONFIG(accessibility)
        self.keyValue.setAccessibleName(QCoreApplication.translate("FeaturesSection", u"Feature key", None))
#endif // QT_CONFIG(accessibility)
        self.descriptionLabel.setText(QCoreApplication.translate("FeaturesSection", u"Description:", None))
        self.dependencyLabel.setText(QCoreApplication.translate("FeaturesSection", u"Dependencies:", None))
        self.stateLabel.setText(QCoreApplication.translate("FeaturesSection", u"State:", None))
#if QT_CONFIG(accessibility)
        self.toggleButton.setAccessibleName(QCoreApplication.translate("FeaturesSection", u"Switch the selected feature on or off", None))
#endif // QT_CONFIG(accessibility)
        pass
    # retranslateUi

