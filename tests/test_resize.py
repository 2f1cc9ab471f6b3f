"""A crowded wheel while its size changes: its picture scaled, laid out once the size
settles; a wheel that is quick to lay out is laid out at each size."""

import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor

from aarshjul.ui import wheel_widget


@pytest.fixture
def crowded(monkeypatch):
    """Every wheel counts as crowded (the 2022 plan stands in for a large one), and the
    wheel's layouts are counted."""
    monkeypatch.setattr(wheel_widget, "SCALED_FROM_ITEMS", 1)
    made = []
    real = wheel_widget.wheel_layout

    def counted(*args, **kwargs):
        made.append(args[1:3])  # the frame's width and height
        return real(*args, **kwargs)

    monkeypatch.setattr(wheel_widget, "wheel_layout", counted)
    return made


def _scaled(open_window, qtbot):
    """A window whose wheel was painted, then given a new size by a panel shown or
    hidden: its wheel shows the picture from before, scaled."""
    window = open_window(size=(1100, 900))
    window.wheel.grab()  # painted at the first size
    _toggle(window.list_dock)  # the wheel's size changes (when the window's layout is next done)
    qtbot.waitUntil(window.wheel.is_scaled, timeout=1000)
    return window, window.wheel


def _toggle(dock) -> None:
    """Show the panel if it is hidden, hide it if it is shown (the window keeps which
    panels it showed from one test's window to the next)."""
    dock.setVisible(not dock.isVisible())


def _inked(image) -> int:
    """Pixels of the grabbed wheel that are not the background, in its middle band."""
    background = QColor(image.pixel(2, 2))
    y = image.height() // 2
    return sum(QColor(image.pixel(x, y)) != background for x in range(image.width()))


def _laid_out_for_its_size(wheel) -> bool:
    frame = wheel.wheel_rect()
    layout = wheel.layout_()
    return layout.frame == (
        -frame.width() / 2,
        -frame.height() / 2,
        frame.width() / 2,
        frame.height() / 2,
    )


def test_a_crowded_wheel_is_shown_scaled_then_laid_out_when_the_size_settles(
    open_window, qtbot, crowded
):
    _window, wheel = _scaled(open_window, qtbot)
    crowded.clear()
    scaled = wheel.grab().toImage()
    assert wheel.is_scaled() and not crowded  # painted without a layout
    assert _inked(scaled) > wheel.width() // 4  # the picture from before, not a blank
    qtbot.waitUntil(lambda: not wheel.is_scaled(), timeout=3000)
    settled = wheel.grab().toImage()
    assert crowded == [(wheel.wheel_rect().width(), wheel.wheel_rect().height())]
    assert _laid_out_for_its_size(wheel)
    assert _inked(settled) > wheel.width() // 4


def test_the_steps_of_a_resize_lay_a_crowded_wheel_out_once(open_window, qtbot, crowded):
    window = open_window(size=(1100, 900))
    wheel = window.wheel
    wheel.grab()
    crowded.clear()
    for step in range(1, 6):  # a window edge dragged: a size every few milliseconds
        window.resize(1100 - 12 * step, 900 - 8 * step)
        wheel.grab()
        qtbot.wait(10)
    assert wheel.is_scaled() and not crowded
    qtbot.waitUntil(lambda: not wheel.is_scaled(), timeout=3000)
    wheel.grab()
    assert len(crowded) == 1 and _laid_out_for_its_size(wheel)


def test_a_wheel_quick_to_lay_out_is_laid_out_at_each_size(open_window, qtbot):
    window = open_window(size=(1100, 900))
    wheel = window.wheel
    wheel.grab()
    height = wheel.height()
    _toggle(window.list_dock)
    qtbot.waitUntil(lambda: wheel.height() != height, timeout=1000)
    assert not wheel.is_scaled()
    wheel.grab()
    assert _laid_out_for_its_size(wheel)


def test_an_edit_while_scaled_is_shown_laid_out_at_once(open_window, qtbot, crowded):
    window, wheel = _scaled(open_window, qtbot)
    window.view.select(("strategi", 0))
    wheel.nudge_requested.emit(7)  # as the arrow key asks
    assert window.undo_action.isEnabled()
    assert not wheel.is_scaled()  # the picture from before would not show the move
    wheel.grab()
    assert _laid_out_for_its_size(wheel)


def test_hover_waits_for_the_layout_and_a_click_does_not(open_window, qtbot, crowded):
    _window, wheel = _scaled(open_window, qtbot)
    crowded.clear()
    centre = wheel.wheel_rect().center()
    qtbot.mouseMove(wheel, (centre + QPointF(0, -wheel.wheel_rect().height() * 0.3)).toPoint())
    assert wheel.is_scaled() and not crowded  # no hover on the picture from before
    qtbot.mouseClick(wheel, Qt.MouseButton.LeftButton, pos=centre.toPoint())
    assert not wheel.is_scaled()  # a click is answered on the wheel as it now is
    assert _laid_out_for_its_size(wheel)
