"""The window on a laptop (the tests' screen is 1366×768): it fits, it shows now and
next, its tab titles are whole, and its wheel names everything it shows."""

import datetime as dt
import shutil

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QListWidget, QTabBar

from aarshjul.model.periods import Zoom
from aarshjul.ui.app import create_application
from aarshjul.ui.main_window import MainWindow

from .audit import audit
from .conftest import EXAMPLES, PLAN_2022


@pytest.fixture
def laptop(qtbot, tmp_path):
    """A first start: no saved window layout, the window as it opens itself."""

    def make(plan=PLAN_2022, today=None):
        create_application()
        QSettings().clear()  # as on a first start
        path = tmp_path / plan.name
        shutil.copy(plan, path)
        window = MainWindow(today=today)
        qtbot.addWidget(window)
        assert window.open_path(path)
        window.show()
        qtbot.waitExposed(window)
        return window

    return make


def test_the_window_opens_inside_a_laptop_screen(laptop):
    window = laptop()
    area = window.screen().availableGeometry()
    assert (area.width(), area.height()) == (1366, 768)
    assert area.contains(window.frameGeometry())
    assert window.height() <= 768 - 40  # room for the window's own title bar


def test_now_and_next_is_visible_at_first_start_and_no_tab_title_is_cut(laptop):
    window = laptop()
    assert window.upcoming_dock.isVisible()
    assert not window.upcoming_dock.visibleRegion().isEmpty()
    assert window.upcoming.height() > 60
    bars = [
        b
        for b in window.findChildren(QTabBar)
        if b.count() > 1 and b.isVisible() and not b.visibleRegion().isEmpty()
    ]
    assert bars, "the tabbed docks have a tab bar"
    for bar in bars:
        for index in range(bar.count()):  # a tab given less than it asks for is elided
            assert bar.tabRect(index).width() >= bar.tabSizeHint(index).width(), bar.tabText(index)


@pytest.mark.parametrize(
    "plan, today",
    [
        (PLAN_2022, dt.date(2022, 5, 3)),
        (EXAMPLES / "school-2025.toml", dt.date(2025, 11, 29)),
        (EXAMPLES / "board-2026.toml", dt.date(2026, 11, 30)),
        (EXAMPLES / "crowded-2024.toml", dt.date(2024, 3, 12)),
    ],
    ids=["2022", "school", "english", "crowded"],
)
def test_the_wheel_at_laptop_size_names_everything_it_shows(laptop, qtbot, plan, today):
    window = laptop(plan, today)
    wheel = window.wheel
    assert wheel.width() >= 600 and wheel.height() >= 400  # the wheel is the window's heart
    for zoom in (Zoom.YEAR, Zoom.QUARTER, Zoom.MONTH):
        window.view.set_zoom(zoom, today)
        report = wheel.layout_report()
        assert report["unit"] == "px"
        assert audit(report, 9) == []
        if zoom is Zoom.YEAR:  # every visible occurrence, the undated listed beside
            assert len(report["items"]) == len(window.view.visible())
        else:
            assert report["items"], "a zoomed view shows the period's activities"


def test_every_number_on_the_crowded_wheel_is_named_in_the_laptop_window(laptop, qtbot):
    """The crowded plan numbers more names than the list beside the wheel holds at
    laptop size. Each line of the list names its activity where the pointer is; the
    line "+ N …" lists the rest on a click, and choosing one there selects it."""
    from PySide6.QtCore import QPoint, QPointF, Qt

    window = laptop(EXAMPLES / "crowded-2024.toml", dt.date(2024, 3, 12))
    wheel = window.wheel
    layout = wheel.layout_()
    centre = wheel._centre()
    lines = list(zip(layout.key_texts, layout.key_owners, strict=True))
    unlisted = layout.unlisted()
    assert unlisted, "at laptop size the crowded plan's list has no room for every number"

    def at(line) -> QPointF:
        return QPointF(centre.x() + line.x, centre.y() + line.y)

    for line, owner in lines[1::7]:  # (a title's line, or a number's)
        if owner >= 0:
            assert layout.keyed[owner].title in wheel.tooltip_at(at(line))
    line, owner = next((line, owner) for line, owner in lines if owner > 3)
    start = at(line).toPoint()  # pressed there and pulled away: selected, not moved
    qtbot.mousePress(wheel, Qt.MouseButton.LeftButton, pos=start)
    for step in range(1, 6):
        qtbot.mouseMove(wheel, start + QPoint(-20 * step, 30 * step))
    qtbot.mouseRelease(wheel, Qt.MouseButton.LeftButton, pos=start + QPoint(-100, 150))
    occurrence = layout.keyed[owner].occurrence
    assert window.view.selection == (occurrence.activity.id, occurrence.index)
    assert not window.document.undo_stack.canUndo()

    more = next(line for line, owner in lines if owner == -1)
    assert str(len(unlisted)) in wheel.tooltip_at(at(more))
    qtbot.mouseClick(wheel, Qt.MouseButton.LeftButton, pos=at(more).toPoint())
    popup = wheel.findChild(QListWidget, "unlistedPopup")
    assert popup is not None and popup.isVisible()
    rows = [popup.item(k).text() for k in range(popup.count())]
    assert rows == [f"{k + 1}  {layout.keyed[k].title}" for k in unlisted]
    popup.setCurrentRow(len(rows) - 1)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    chosen = layout.keyed[unlisted[-1]].occurrence
    assert window.view.selection == (chosen.activity.id, chosen.index)
    assert not popup.isVisible()
