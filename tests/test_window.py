"""The main window and the wheel widget, offscreen."""

import shutil
from dataclasses import replace

import pytest
from PySide6.QtCore import QPointF
from PySide6.QtGui import QColor, QKeySequence, QUndoCommand
from PySide6.QtWidgets import QFileDialog, QMessageBox

from aarshjul import geometry
from aarshjul.geometry import SCREEN_MIN_TEXT, wheel_radius
from aarshjul.ui.app import create_application
from aarshjul.ui.main_window import MainWindow
from aarshjul.ui.wheel_widget import WheelWidget

from .conftest import PLAN_2022
from .helpers import plan_text


class Touch(QUndoCommand):
    """A stand-in edit: it changes the title, so the document is modified."""

    def __init__(self, document, title):
        super().__init__("touch")
        self.document, self.title, self.old = document, title, document.plan.title

    def redo(self):
        self.document._replace(replace(self.document.plan, title=self.title))

    def undo(self):
        self.document._replace(replace(self.document.plan, title=self.old))


@pytest.fixture
def window(open_window):
    return open_window(size=(1100, 900))


def point_of(wheel: WheelWidget, activity_id: str) -> QPointF:
    item = wheel.layout_().items_of(activity_id)[0]
    angle = item.angle0 if item.is_marker else item.angle0 + (item.angle1 - item.angle0) * 0.12
    radius = item.mid_radius if item.is_marker else item.inner + (item.outer - item.inner) * 0.2
    x, y = geometry.polar(radius, angle)
    centre = wheel.wheel_rect().center()
    return QPointF(centre.x() + x, centre.y() + y)


def test_the_window_shows_the_plan(window):
    wheel = window.findChild(WheelWidget, "wheel")
    assert wheel is window.wheel
    assert window.windowTitle() == "Årshjul arbejdsmarkedsudvalget 2022[*] — Årshjul"
    assert not window.isWindowModified()
    titles = [window.unscheduled.item(i).text() for i in range(window.unscheduled.count())]
    assert titles == [
        "Udarbejdelse af beskæftigelsesplan",
        "Halvårlig målopfølgning på beskæftigelsesplan",
        "Orientering fra borgerrådgiver",
        "jobCAMP 22",
    ]


def test_the_widget_paints_the_category_colour_where_the_phase_lies(window, qtbot):
    wheel = window.wheel
    qtbot.waitUntil(lambda: wheel._pixmap is not None or wheel.grab() is not None)
    image = wheel.grab().toImage()
    ratio = image.devicePixelRatio()
    for activity_id, colour in (
        ("beskaeftigelsesplan", "#009e73"),
        ("strategi", "#0072b2"),
        ("budgetforhandling", "#e69f00"),
    ):
        point = point_of(wheel, activity_id)
        pixel = image.pixelColor(round(point.x() * ratio), round(point.y() * ratio))
        target = QColor(colour)
        assert (
            abs(pixel.red() - target.red()) < 15
            and abs(pixel.green() - target.green()) < 15
            and abs(pixel.blue() - target.blue()) < 15
        ), activity_id


def test_the_wheel_scales_with_the_window(window, qtbot):
    before = window.wheel.layout_().diameter
    window.resize(700, 600)
    qtbot.waitUntil(lambda: window.wheel.layout_().diameter < before)
    frame = window.wheel.wheel_rect()
    assert frame.width() == window.wheel.width() - 2 * WheelWidget.MARGIN
    rings = len(window.document.plan.rings)
    assert window.wheel.layout_().diameter == pytest.approx(
        2 * wheel_radius(frame.width(), frame.height(), SCREEN_MIN_TEXT, rings)
    )


def test_tooltip_names_the_activity_and_its_dates(window):
    text = window.wheel.tooltip_at(point_of(window.wheel, "budgetforhandling"))
    assert "<b>Budgetforhandling</b>" in text
    assert "1 August – 31 October 2022" in text or "1. august – 31. oktober 2022" in text
    assert "Budget · Politiske forløb" in text
    assert window.wheel.tooltip_at(window.wheel.wheel_rect().center()) == ""


def test_hover_tells_the_status_bar(window, qtbot):
    qtbot.mouseMove(window.wheel, point_of(window.wheel, "pulje").toPoint())
    qtbot.waitUntil(lambda: "Frist: udvalgets pulje" in window.status.text())


def test_unsaved_changes_show_in_the_title_and_save_clears_them(window, qtbot):
    document = window.document
    document.undo_stack.push(Touch(document, "Nyt navn"))
    assert window.isWindowModified()
    assert window.windowTitle().startswith("Nyt navn[*]")
    assert window.save()
    assert not window.isWindowModified()
    assert 'title = "Nyt navn"' in document.path.read_text(encoding="utf-8")


def test_saving_the_unchanged_shipped_plan_changes_no_byte(window):
    before = window.document.path.read_bytes()
    assert window.save()
    assert window.document.path.read_bytes() == before == PLAN_2022.read_bytes()


def test_save_as_writes_a_new_file_and_follows_it(window, tmp_path, monkeypatch):
    target = tmp_path / "kopi"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    assert window.save_as()
    assert window.document.path == tmp_path / "kopi.toml"
    assert (tmp_path / "kopi.toml").read_bytes() == PLAN_2022.read_bytes()


def test_opening_a_broken_plan_says_why_and_keeps_the_open_one(window, tmp_path, monkeypatch):
    broken = tmp_path / "broken.toml"
    broken.write_text(plan_text().replace("#1f77b4", "blå"), encoding="utf-8")
    shown = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append(box.informativeText()) or 0)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(broken), ""))
    window.open_action.trigger()
    assert len(shown) == 1
    assert "broken.toml:" in shown[0] and "categories[0].color" in shown[0]
    assert window.document.plan.title == "Årshjul arbejdsmarkedsudvalget 2022"


def test_closing_with_unsaved_changes_asks(window, monkeypatch):
    window.document.undo_stack.push(Touch(window.document, "X"))
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: QMessageBox.StandardButton.Cancel)
    assert not window.close()
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: QMessageBox.StandardButton.Discard)
    assert window.close()
    assert "X" not in window.document.path.read_text(encoding="utf-8")


def test_file_actions_have_the_standard_shortcuts(window):
    assert window.open_action.shortcut() == QKeySequence(QKeySequence.StandardKey.Open)
    assert window.save_action.shortcut() == QKeySequence(QKeySequence.StandardKey.Save)
    assert window.save_as_action.shortcut() == QKeySequence(QKeySequence.StandardKey.SaveAs)
    assert window.quit_action.shortcut() == QKeySequence(QKeySequence.StandardKey.Quit)
    assert window.open_action.shortcut().toString() == "Ctrl+O"


def test_an_empty_window_says_how_to_open_a_plan(qtbot):
    create_application()
    win = MainWindow()
    qtbot.addWidget(win)
    assert win.document.plan is None
    assert not win.save_action.isEnabled()
    assert win.wheel.layout_() is None
    win.wheel.grab()  # paints the hint without a plan


def test_the_cached_wheel_is_repainted_only_when_something_changes(window, qtbot):
    wheel = window.wheel
    wheel.grab()
    cached = wheel._pixmap
    assert cached is not None
    qtbot.mouseMove(wheel, point_of(wheel, "strategi").toPoint())
    wheel.grab()
    assert wheel._pixmap is cached  # hover paints on top of the cache
    window.document.undo_stack.push(Touch(window.document, "Y"))
    assert wheel._pixmap is None


def test_window_menus_speak_danish(qtbot):
    from aarshjul import i18n

    i18n.set_language("da")
    create_application()
    win = MainWindow()
    qtbot.addWidget(win)
    menus = [a.text() for a in win.menuBar().actions()]
    assert menus == ["&Filer", "&Rediger", "&Vis", "&Hjælp"]
    assert win.save_as_action.text() == "Gem &som…"


def test_the_application_has_its_icon(qapp):
    create_application()
    icon = qapp.windowIcon()
    assert not icon.isNull()
    image = icon.pixmap(64, 64).toImage()
    assert image.pixelColor(32, 32).name() == "#1d1d1f"  # the hub


def test_save_of_the_installed_plan_asks_where(qtbot, tmp_path, monkeypatch):
    """Inside an installed package the shipped plan is a template: Save asks for a file."""
    from aarshjul import paths

    package = tmp_path / "site-packages" / "aarshjul"
    (package / "plans").mkdir(parents=True)
    installed = package / "plans" / "2022.toml"
    shutil.copy(PLAN_2022, installed)
    monkeypatch.setattr(paths, "_PACKAGE", package)
    create_application()
    win = MainWindow()
    qtbot.addWidget(win)
    win.open_path(installed)
    chosen = tmp_path / "mit-hjul.toml"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(chosen), ""))
    win.document.undo_stack.push(Touch(win.document, "Mit hjul"))
    assert win.save()
    assert win.document.path == chosen
    assert installed.read_bytes() == PLAN_2022.read_bytes()


def test_dialogs_are_gone_when_closed_and_open_inside_the_screen(window, qtbot, monkeypatch):
    """Opening Ringe og kategorier five times leaves no hidden dialog behind to refresh
    on every later edit; the print preview fits the laptop screen."""
    from PySide6.QtCore import QCoreApplication, QEvent
    from PySide6.QtWidgets import QDialog

    from aarshjul.ui.rings_dialog import RingsDialog

    monkeypatch.setattr(QDialog, "exec", lambda self: 0)
    for _ in range(5):
        window.rings_dialog()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert window.findChildren(RingsDialog) == []
    preview = window.print_preview()
    area = window.screen().availableGeometry()
    assert area.contains(preview.frameGeometry())
    assert preview.height() <= area.height() - 40
    preview.close()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert window.findChild(QDialog, "printPreview") is None


def test_save_of_the_shipped_plan_in_a_checkout_asks_where(qtbot, tmp_path, monkeypatch):
    """`./dev run`, then Ctrl+S: a checkout's plans/2022.toml is a template too."""
    from aarshjul import paths

    checkout = tmp_path / "checkout"
    (checkout / "aarshjul").mkdir(parents=True)  # the package, without plans/ inside
    (checkout / "plans").mkdir()
    shipped = checkout / "plans" / "2022.toml"
    shutil.copy(PLAN_2022, shipped)
    monkeypatch.setattr(paths, "_PACKAGE", checkout / "aarshjul")
    create_application()
    win = MainWindow()
    qtbot.addWidget(win)
    assert win.open_path(shipped)
    asked = []
    chosen = tmp_path / "vores-hjul.toml"

    def ask(*args, **kwargs):
        asked.append(args)
        return (str(chosen), "")

    monkeypatch.setattr(QFileDialog, "getSaveFileName", ask)
    win.document.undo_stack.push(Touch(win.document, "Vores hjul"))
    assert win.save()
    assert asked and win.document.path == chosen
    assert shipped.read_bytes() == PLAN_2022.read_bytes()


def test_opening_a_hostile_file_says_why_and_keeps_the_open_plan(window, tmp_path, monkeypatch):
    deep = tmp_path / "deep.toml"
    deep.write_text("x = " + "[" * 5000 + "]" * 5000 + "\n", encoding="utf-8")
    shown = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append(box.informativeText()) or 0)
    before = window.document.plan
    assert not window.open_path(deep)
    assert window.document.plan is before
    assert shown and "nested too deeply" in shown[0]


def test_save_as_without_the_suffix_asks_before_replacing_the_file_with_it(
    window, tmp_path, monkeypatch
):
    existing = tmp_path / "andet.toml"
    existing.write_text("# someone's plan\n", encoding="utf-8")
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *a, **k: (str(tmp_path / "andet"), "")
    )
    asked = []
    monkeypatch.setattr(
        QMessageBox,
        "question",
        lambda *a, **k: asked.append(a) or QMessageBox.StandardButton.Cancel,
    )
    assert not window.save_as()
    assert asked and existing.read_text(encoding="utf-8") == "# someone's plan\n"


def test_a_message_shown_before_the_window_does_not_cover_the_summary(qtbot, tmp_path):
    """A plan open elsewhere is said in the status bar before the window shows; the
    plan's summary stays readable beside the message, not under it."""
    create_application()
    path = tmp_path / "2022.toml"
    shutil.copy(PLAN_2022, path)
    window = MainWindow()
    qtbot.addWidget(window)
    assert window.open_path(path)
    message = "This plan was opened by someone else at 09:03; saving may replace their changes"
    window.statusBar().showMessage(message, 20000)
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    bar = window.statusBar()
    assert window.status.isVisible() and "16 activities" in window.status.text()
    assert window.status.geometry().left() > bar.fontMetrics().horizontalAdvance(message)


def test_the_search_texts_are_prepared_a_few_at_a_time_once_the_plan_is_shown(qtbot, monkeypatch):
    """While the window is idle after showing a plan, the texts a search looks in are
    folded, a few activities at a time (the window answers in between), and then put
    together in the plan's order, so the first letter typed finds them ready."""
    from aarshjul.model import filters

    batches: list[int] = []
    lasts: list[bool] = []
    real = filters.prepare

    def prepare(plan, some, last=False):
        batches.append(len(some))
        lasts.append(last)
        return real(plan, some, last)

    monkeypatch.setattr(filters, "prepare", prepare)
    monkeypatch.setattr(MainWindow, "PREPARED_AT_ONCE", 5)
    filters._HAYSTACKS.clear()
    filters._TEXTS.clear()
    filters._SHOWN.clear()
    geometry._RINGS.clear()  # (rings laid out by earlier tests, their ids known)
    create_application()
    window = MainWindow()
    qtbot.addWidget(window)
    assert window.open_path(PLAN_2022)
    qtbot.wait(20)
    assert not batches  # not before the plan is shown
    window.show()
    qtbot.waitExposed(window)
    window.wheel.repaint()
    plan = window.document.plan
    qtbot.waitUntil(lambda: all(id(a) in filters._HAYSTACKS for a in plan.activities))
    assert len(batches) > 1 and max(batches) <= 5
    assert sum(batches) == len(plan.activities)
    # with the last few, the plan's texts are put together in plan order
    qtbot.waitUntil(lambda: bool(filters._TEXTS) and filters._TEXTS[0][0] is plan)
    assert lasts == [False] * (len(lasts) - 1) + [True]
    # and then what a first letter starts from: the shown activities, the items' ids
    qtbot.waitUntil(lambda: not window.preparing())
    assert [known[0] for known in filters._SHOWN.values()] == [plan]
    layout = window.wheel.layout_()
    assert layout is not None and layout.ring_tokens
    assert all(token._ids is not None for token in layout.ring_tokens)


def test_opening_a_plan_lists_its_activities_once(window, monkeypatch, tmp_path):
    """Opening resets the view, and the list with it: the document's news that the
    plan was replaced finds the list made for it already, and it is not sorted again."""
    from aarshjul.ui.activity_list import OccurrenceTableModel

    from .conftest import EXAMPLES

    made = []
    real = OccurrenceTableModel._set_rows
    monkeypatch.setattr(
        OccurrenceTableModel, "_set_rows", lambda self, rows: (made.append(1), real(self, rows))[1]
    )
    other = tmp_path / "crowded.toml"
    shutil.copy(EXAMPLES / "crowded-2024.toml", other)
    assert window.open_path(other)
    assert made == [1]  # (150 activities: made anew, not moved row by row)
    model = window.activity_list.source
    listed = window.view.listed()
    assert sorted(model._sort_keys(listed)) == model._order == model._sort_keys(model.rows)
    assert model._plan is window.document.plan


def test_the_status_bar_counts_the_activities_without_a_date_after_each_edit(window):
    """The count in the summary follows an activity unscheduled, its undo and redo."""
    assert "16 activities, 4 without a date" in window.status.text()
    assert window.editor.unschedule("strategi")
    assert "16 activities, 5 without a date" in window.status.text()
    window.undo_action.trigger()
    assert "16 activities, 4 without a date" in window.status.text()
    window.redo_action.trigger()
    assert "16 activities, 5 without a date" in window.status.text()


def test_help_lists_every_key_the_window_knows(open_window, monkeypatch):
    from aarshjul import i18n

    i18n.set_language("da")
    window = open_window()
    rows = dict(window.shortcuts())
    assert rows["Ctrl+N"] == "Ny plan" and rows["F2"] == "Rediger aktivitet"
    assert rows["Tab"] == "vælg den næste aktivitet i datoorden"
    assert rows["Skift+Tab"] == "vælg den forrige"  # (Shift as the menus say it)
    assert rows["Ctrl + musehjul"] == "zoom ind eller ud, hvor musen er"
    menus = [a for m in window.menuBar().actions() for a in m.menu().actions()]
    with_keys = [a for a in menus if not a.isSeparator() and not a.shortcut().isEmpty()]
    assert len(rows) == len(with_keys) + len(window.WHEEL_KEYS)  # (no key said twice)
    shown = []
    monkeypatch.setattr("aarshjul.ui.main_window.run_modal", lambda box: shown.append(box.text()))
    window.shortcuts_action.trigger()
    assert "<b>Ctrl+N</b>" in shown[0] and "Ny plan" in shown[0]
