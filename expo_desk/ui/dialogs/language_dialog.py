"""Settings ▸ Language: Chinese, English or the system's language, used from the next start.

The two languages are named in their own words, so whoever opened the dialog by mistake
in a language they do not read still finds theirs.
"""

from __future__ import annotations

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QButtonGroup, QDialog, QDialogButtonBox, QRadioButton, QVBoxLayout, QWidget

from expo_desk.ui.context import AppContext
from expo_desk.ui.i18n import LANGUAGE_CHOICES, LANGUAGE_KEY, current_language, system_language
from expo_desk.ui.widgets.tables import notice_label

LANGUAGE_NAMES = {"zh": "中文（简体）", "en": "English"}


class LanguageDialog(QDialog):
    def __init__(self, context: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self._settings = context.settings
        self.setWindowTitle(self.tr("Language"))
        system = LANGUAGE_NAMES[system_language(QLocale.system().name())]
        labels = {**LANGUAGE_NAMES, "system": self.tr("Follow the system (%1)").replace("%1", system)}
        self.group = QButtonGroup(self)
        layout = QVBoxLayout(self)
        stored = self._settings.value(LANGUAGE_KEY)
        for key in LANGUAGE_CHOICES:
            button = QRadioButton(labels[key], objectName=f"language_{key}")
            button.setChecked(key == (stored if stored in LANGUAGE_CHOICES else "system"))
            self.group.addButton(button)
            layout.addWidget(button)
        self.note = notice_label(self.tr("Expo Desk is in %1 now; another choice takes effect when it starts again.")
                                 .replace("%1", LANGUAGE_NAMES[current_language()]))
        layout.addWidget(self.note)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

    def choice(self) -> str:
        """'zh', 'en' or 'system', as ticked."""
        return self.group.checkedButton().objectName().removeprefix("language_")

    def accept(self) -> None:
        self._settings.setValue(LANGUAGE_KEY, self.choice())
        self._settings.sync()
        super().accept()
