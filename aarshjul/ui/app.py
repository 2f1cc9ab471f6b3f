"""Starting the desktop application."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtCore import (
    QLibraryInfo,
    QLocale,
    QSettings,
    QtMsgType,
    QTranslator,
    qInstallMessageHandler,
)
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from aarshjul.i18n import (
    LANGUAGE_KEY,
    LANGUAGES,
    _,
    language,
    named_for_this_start,
    set_language,
)
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
        else _new_application(argv if argv is not None else sys.argv[:1])
    )
    app.setApplicationName("aarshjul")
    app.setApplicationDisplayName("Årshjul")
    app.setOrganizationName("aarshjul")
    app.setDesktopFileName("aarshjul")
    if not named_for_this_start():  # the language chosen in the window, if any
        saved = QSettings().value(LANGUAGE_KEY)
        if saved in LANGUAGES and saved != language():
            set_language(str(saved), named=False)
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


NO_SCREEN_EXIT = 2  # as the command line's other refusals
SCREENS = ("DISPLAY", "WAYLAND_DISPLAY")


def _new_application(argv: list[str]) -> QApplication:
    """The QApplication. Where no windowing system answers (no DISPLAY, one whose
    server is gone, a library Qt's platform needs missing), Qt says so in a page of
    its own and aborts with a core dump: this says it in one sentence, Qt's words
    under it, and exits with status 2 instead."""
    said: list[str] = []

    def hold(mode: QtMsgType, _context: object, message: str) -> None:
        said.append(message)
        if mode == QtMsgType.QtFatalMsg:  # (Qt aborts as this returns: leave first)
            named = [f"{n}={os.environ[n]}" for n in SCREENS if os.environ.get(n)]
            sys.stderr.write(
                _(
                    "aarshjul: the window cannot open: no screen answers ({screens}), or a "
                    "library Qt needs for it is missing; 'aarshjul validate', 'list', "
                    "'export' and 'layout' work without one. Qt said:"
                ).format(
                    screens=", ".join(named) or _("neither DISPLAY nor WAYLAND_DISPLAY is set")
                )
                + "\n"
                + "".join(
                    f"  {line}\n" for text in said for line in text.splitlines() if line.strip()
                )
            )
            sys.stderr.flush()
            os._exit(NO_SCREEN_EXIT)

    previous = qInstallMessageHandler(hold)
    try:
        app = QApplication(argv)
    finally:
        qInstallMessageHandler(previous)
    for message in said:  # (what Qt said while starting, as it would have)
        print(message, file=sys.stderr)
    return app


def run(path: Path) -> int:
    """Open the plan at ``path`` in a window and run until it closes."""
    app = create_application()
    window = MainWindow()
    window.open_path(path)
    window.show()
    return app.exec()
