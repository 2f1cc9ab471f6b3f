"""A crowded wheel while its size changes: its picture scaled, laid out once the size
settles; a wheel that is quick to lay out is laid out at each size."""

import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor

from aarshjul.render import painter as painting
from aarshjul.ui import wheel_widget

from .conftest import EXAMPLES
from .test_reuse import forget


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


@pytest.fixture
def ring_by_ring(monkeypatch, crowded):
    """Every wheel is laid out a ring at a time when its size settles; the parts made
    are kept, and the wheel's layouts counted."""
    monkeypatch.setattr(wheel_widget, "RING_BY_RING_FROM_ITEMS", 1)
    parts = []
    real = wheel_widget.wheel_layout

    def kept(*args, **kwargs):
        layout = real(*args, **kwargs)
        if kwargs.get("only_rings") is not None:
            parts.append((kwargs["only_rings"], layout))
            others = [i for k, i in enumerate(layout.ring_items) if k not in kwargs["only_rings"]]
            assert not any(others)  # a part lays out its rings alone
        return layout

    monkeypatch.setattr(wheel_widget, "wheel_layout", kept)
    return parts


def _settled(wheel) -> None:
    """The size settles: the wheel's timer fires. Its steps are then taken one by one
    by ``_step``: each in a pass of the event loop of its own, by a timer of no delay
    that the last step started (held here, to take them one at a time)."""
    wheel._settle.stop()
    wheel._settle.timeout.emit()
    wheel._step.stop()


def _step(wheel) -> None:
    wheel._step.timeout.emit()
    wheel._step.stop()


def test_a_crowded_wheel_is_laid_out_and_painted_a_ring_at_a_time(open_window, qtbot, ring_by_ring):
    """Each ring is laid out in a pass of the event loop of its own, and painted in
    another; the wheel is then laid out in a pass of its own, taking the rings over,
    and painted from their images: it draws what a wheel laid out afresh draws."""
    window = open_window(size=(1100, 900))
    assert window.open_path(EXAMPLES / "crowded-2024.toml")  # names in a numbered list
    wheel = window.wheel
    wheel.grab()
    forget(lanes=False)  # no rings or ring images remembered from before
    window.resize(1040, 860)
    qtbot.waitUntil(wheel.is_scaled, timeout=1000)
    rings = len(window.document.plan.rings)
    _settled(wheel)
    steps = 0
    while wheel.is_preparing():
        before = len(ring_by_ring)
        _step(wheel)
        steps += 1
        assert len(ring_by_ring) - before <= 1
        assert wheel.is_scaled() or not wheel.is_preparing()
    assert steps == 2 * rings + 1  # (then the wheel laid out, taking them over)
    assert [only for only, _part in ring_by_ring] == [(k,) for k in range(rings)]
    made = [image for _token, image, *_rest in painting._LAYERS.values()]
    assert len(made) == rings  # (painted by the steps)
    settled = wheel.grab().toImage()
    layout = wheel.layout_()
    assert _laid_out_for_its_size(wheel)
    for k, (_only, part) in enumerate(ring_by_ring):
        assert layout.ring_tokens[k] is part.ring_tokens[k]  # taken over, not copied
        assert layout.ring_items[k] is part.ring_items[k]
    drawn = [image for _token, image, *_rest in painting._LAYERS.values()]
    assert len(drawn) == rings and all(a is b for a, b in zip(drawn, made, strict=True))
    assert layout.keyed  # (names without room, in the numbered list)
    report = wheel.layout_report()
    labels = [(i.occurrence.activity.id, i.occurrence.index, i.label) for i in layout.items]
    forget(lanes=False)  # laid out afresh, with the lanes as they are
    wheel.invalidate()
    assert wheel.layout_report() == report
    fresh = wheel.layout_()
    assert [(i.occurrence.activity.id, i.occurrence.index, i.label) for i in fresh.items] == labels
    assert wheel.grab().toImage() == settled


def test_a_click_while_the_rings_are_made_lays_the_wheel_out_at_once(
    open_window, qtbot, ring_by_ring
):
    _window, wheel = _scaled(open_window, qtbot)
    _settled(wheel)
    _step(wheel)  # the first ring laid out
    centre = wheel.wheel_rect().center()
    qtbot.mouseClick(wheel, Qt.MouseButton.LeftButton, pos=centre.toPoint())
    assert not wheel.is_preparing() and not wheel.is_scaled()
    assert _laid_out_for_its_size(wheel)
    assert len(ring_by_ring) == 1  # the rest not made
    qtbot.wait(50)
    assert len(ring_by_ring) == 1


def test_a_resize_while_the_rings_are_made_makes_them_for_the_new_size(
    open_window, qtbot, ring_by_ring
):
    window, wheel = _scaled(open_window, qtbot)
    _settled(wheel)
    _step(wheel)
    _step(wheel)  # a ring laid out and painted for the size before
    window.resize(window.width() - 40, window.height() - 30)
    qtbot.waitUntil(lambda: wheel.width() < 790, timeout=1000)
    assert wheel.is_scaled() and not wheel.is_preparing()  # until the size settles again
    ring_by_ring.clear()
    qtbot.waitUntil(lambda: not wheel.is_scaled(), timeout=3000)
    assert len(ring_by_ring) == len(window.document.plan.rings)
    assert _laid_out_for_its_size(wheel)
