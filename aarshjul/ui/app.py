"""Starting the desktop application."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from aarshjul.i18n import language
from aarshjul.paths import resource_path
from aarshjul.render import fonts
from aarshjul.ui import memory
from aarshjul.ui.formatting import ui_locale
from aarshjul.ui.main_window import MainWindow


def create_application(argv: list[str] | None = None) -> QApplication:
    """The QApplication, named, with Qt's own dialogs in the user's language."""
    existing = QApplication.instance()
    app = (
        existing
        if isinstance(existing, QApplication)
        else QApplication(argv if argv is not None else sys.argv[:1])
    )
    app.setApplicationName("aarshjul")
    app.setApplicationDisplayName("Årshjul")
    app.setOrganizationName("aarshjul")
    app.setDesktopFileName("aarshjul")
    # calendars, date fields and the standard buttons speak the program's language
    QLocale.setDefault(QLocale(ui_locale()))
    if language() == "da":
        translator = QTranslator(app)
        folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        if translator.load(QLocale(QLocale.Language.Danish), "qtbase", "_", folder):
            app.installTranslator(translator)
    app.setWindowIcon(QIcon(str(resource_path("icons", "aarshjul.svg"))))
    fonts.family()
    memory.start()
    return app


def run(path: Path) -> int:
    """Open the plan at ``path`` in a window and run until it closes."""
    app = create_application()
    window = MainWindow()
    window.open_path(path)
    window.show()
    return app.exec()
