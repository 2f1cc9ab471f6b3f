"""The wheel on screen: one widget painting the shared drawing routine.

The whole wheel is painted once into a cached pixmap (again only when the plan,
the filter, the zoom, the size or the date changes). Hover and selection are
painted on top of it, so moving the mouse costs one pixmap blit. While an
activity is previewed (dragged), the cache holds the wheel without it and only
the moving activity is painted per frame.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import math
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import (
    QColor,
    QContextMenuEvent,
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QHelpEvent,
    QImage,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QPixmap,
    QPolygonF,
    QWheelEvent,
)
from PySide6.QtWidgets import QApplication, QSizePolicy, QToolTip, QWidget

from aarshjul.geometry import OUTSIDE, Item, WheelLayout, polar, preview, to_polar
from aarshjul.i18n import _
from aarshjul.layout_report import report
from aarshjul.model.changes import Changes
from aarshjul.model.filters import Filter
from aarshjul.model.periods import Zoom
from aarshjul.model.plan import Undated
from aarshjul.render.painter import (
    DIMMED_OPACITY,
    annulus_sector,
    fit_transform,
    item_path,
    measure,
    paint_item,
    paint_outline,
    paint_ring_images,
    paint_wheel,
    wheel_layout,
)
from aarshjul.ui import memory
from aarshjul.ui.editing import Drag
from aarshjul.ui.formatting import (
    describe_occurrence,
    format_weekday_date,
    period_heading,
    ui_locale,
)
from aarshjul.ui.view_state import ViewState

ACTIVITY_MIME = "application/x-aarshjul-activity"
EDGE_GRIP = 9.0  # pixels from a phase's edge that drag the edge, not the phase
GHOST_WASH = 200  # alpha of the pale wash over where a dragged activity was
TIDY_AFTER_MS = 1000  # the wheel unpainted this long: the window is idle, memory tidied
# a wheel of this many items takes longer than a frame or two to lay out and paint at
# a new size (30-70 ms for 467 items, 0.1-0.3 s for 7,000, over a second for 70,000):
# while its size changes (the window resized, a panel shown or hidden) its picture is
# shown scaled, and it is laid out for the new size once the size has stayed the same
# for SIZE_SETTLES_MS
SCALED_FROM_ITEMS = 400
SIZE_SETTLES_MS = 150
# then, from this many items, it is laid out and painted a ring at a time, each ring
# in a pass of the event loop of its own, so that the window answers between them
# (at 50,000 activities the whole wheel took a second, a ring a tenth of it)
RING_BY_RING_FROM_ITEMS = 4000


@dataclass
class _Press:
    """A press on an activity that may become a drag."""

    item: Item
    mode: str  # "move", "start" or "end"
    origin: QPointF
    started: bool = False
    days: int = 0
    ring: int | None = None
    to_tray: bool = False
    label: str = ""
    position: QPointF | None = None


class WheelWidget(QWidget):
    """Draws the document's plan as a wheel that scales with the widget."""

    hovered = Signal(object)  # the Item under the mouse, or None
    drag_finished = Signal(object)  # a Drag
    create_requested = Signal(object, str)  # date, ring id: a double click on an empty spot
    schedule_requested = Signal(str, object, str)  # activity id, date, ring id (a drop)
    nudge_requested = Signal(int)  # days
    delete_requested = Signal()
    edit_requested = Signal()
    # a right click (or the menu key): where (global), and the day and ring id there on
    # an empty spot of a ring (else None); what is under it is selected first
    menu_requested = Signal(object, object, object)

    MARGIN = 8

    def __init__(self, view: ViewState, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("wheel")
        self.setMouseTracking(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMinimumSize(320, 320)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.view = view
        self.document = view.document
        self._layout: WheelLayout | None = None
        self._retired: list[WheelLayout] = []  # layouts replaced, freed once painted
        self._replaced: WheelLayout | None = None  # the last layout, until the next is made
        self._after_painted: list[Callable[[], None]] = []  # once, after the wheel's next paint
        self._tidy = QTimer(self)  # (started again by each paint while memory.due())
        self._tidy.setSingleShot(True)
        self._tidy.setInterval(TIDY_AFTER_MS)
        self._tidy.timeout.connect(memory.tidy)
        self._laid_out_for: Filter | None = None  # the filter self._layout was made with
        self._pixmap: QPixmap | None = None
        # while the size changes: the last picture, the wheel's frame in it and its
        # layout (shown scaled until the size settles, or something needs the layout
        # at the new size)
        self._scaled: tuple[QPixmap, QRectF, WheelLayout] | None = None
        self._settle = QTimer(self)
        self._settle.setSingleShot(True)
        self._settle.setInterval(SIZE_SETTLES_MS)
        self._settle.timeout.connect(self._size_settled)
        # the rings still to lay out and paint for the size settled at (ring by ring)
        self._steps: list[tuple[str, int]] = []
        self._part: WheelLayout | None = None  # the rings laid out so far, together
        self._step = QTimer(self)
        self._step.setSingleShot(True)
        self._step.setInterval(0)
        self._step.timeout.connect(self._next_step)
        self._hover: Item | None = None
        self._skip: str | None = None  # the previewed activity, ghosted where it was
        self._preview: Item | None = None
        self._press: _Press | None = None
        self.drop_hint: tuple[QPointF, str] | None = None  # where and what, from the tray
        self.tray: QWidget | None = None  # dropping a dragged activity there unschedules it
        self.setAcceptDrops(True)
        self.document.changed.connect(self._plan_changed)
        view.filter_changed.connect(self._filter_changed)
        view.zoom_changed.connect(self.invalidate)
        view.selection_changed.connect(self.update)
        view.today_changed.connect(self.invalidate)

    def sizeHint(self) -> QSize:
        return QSize(860, 860)

    # -- the cached drawing -------------------------------------------------

    def today(self) -> dt.date:
        return self.view.today()

    def set_today(self, day: dt.date) -> None:
        """Pin "today" (the view holds it for the whole window)."""
        self.view.set_today(day)

    def _plan_changed(self, changes: Changes) -> None:
        if changes:  # the layout takes the rings no change touched from the last one
            self.invalidate()

    def invalidate(self) -> None:
        if self._layout is not None:  # the next layout takes over what it can of it
            self._retire(self._replaced)
            self._replaced = self._layout
        self._layout = None
        self._pixmap = None
        self._hover = None
        self._end_scaled()  # (the picture from before would not show the change)
        self.update()

    def _retire(self, layout: WheelLayout | None) -> None:
        """Let go of a layout after the window is painted: freeing a crowded one takes
        a while."""
        if layout is not None:
            self._retired.append(layout)
            if len(self._retired) == 1:
                QTimer.singleShot(0, self._retired.clear)

    def after_painted(self, work: Callable[[], None]) -> None:
        """Do ``work`` once, when the wheel has next been painted with a plan on it
        (what the window need not do before it shows the plan)."""
        if work not in self._after_painted:
            self._after_painted.append(work)

    def _filter_changed(self) -> None:
        """A new search only fades other items: the layout stays, its items are marked
        again and the picture repainted; shown rings or categories lay out anew."""
        new, old, layout = self.view.filter, self._laid_out_for, self._layout
        plan = self.document.plan
        if (
            layout is None
            or old is None
            or plan is None
            or (
                (new.hidden_rings, new.hidden_categories)
                != (old.hidden_rings, old.hidden_categories)
            )
        ):
            self.invalidate()
            return
        layout.fade(new.unmatched_ids(plan))
        self._laid_out_for = new
        self._pixmap = None
        self.update()

    def wheel_rect(self, size: QSize | None = None) -> QRectF:
        """The frame the wheel and its names fill: the widget (of ``size``, its own if
        not given) less a margin, an even number of pixels each way, so that the
        wheel's centre is on a pixel corner and its cached images (background, rings)
        are drawn pixel for pixel."""
        size = self.size() if size is None else size
        m = self.MARGIN
        width, height = max(2, size.width() - 2 * m), max(2, size.height() - 2 * m)
        return QRectF(m, m, width - width % 2, height - height % 2)

    def layout_(self) -> WheelLayout | None:
        """The current layout, computed on demand for the widget's size."""
        plan = self.document.plan
        if plan is None:
            return None
        if self._layout is None:
            self._layout = self._new_layout()  # in the plan's language
            self._laid_out_for = self.view.filter
            self._end_scaled()
        return self._layout

    def prepare_search(self) -> None:
        """Work out now what a search fades the laid-out items by (when idle); nothing
        is laid out for it."""
        if self._layout is not None:
            self._layout.prepare_fading()

    def _new_layout(self, only_rings: tuple[int, ...] | None = None) -> WheelLayout:
        """The layout for the widget's size; with ``only_rings``, a part of it that
        lays out those rings alone, to be taken over by the next (see ``layout``)."""
        plan = self.document.plan
        assert plan is not None
        frame = self.wheel_rect()
        hidden = self.view.filter.hidden_rings
        replaced = None
        if only_rings is None:
            replaced, self._replaced = self._replaced, None
            self._retire(replaced)
        return wheel_layout(
            plan,
            frame.width(),
            frame.height(),
            self.view.visible(),
            today=self.view.today(),
            span=self.view.span,
            heading=period_heading(plan, self.view.zoom, self.view.span),
            dimmed=self.view.filter.unmatched_ids(plan),
            rings=[r.id for r in plan.rings if r.id not in hidden],
            # the layout replaced: its unchanged rings' items are taken over, not copied
            reuse=replaced,
            only_rings=only_rings,
        )

    def layout_report(self) -> dict:
        """What the wheel draws now, as ``aarshjul layout --json`` reports it."""
        layout = self.layout_()
        if layout is None:
            return {}
        return report(layout, origin=fit_transform(layout, self.wheel_rect()).map(QPointF(0, 0)))

    def resizeEvent(self, event) -> None:
        layout, pixmap = self._layout, self._pixmap
        if (
            self._scaled is None
            and pixmap is not None
            and layout is not None
            and len(layout.items) >= SCALED_FROM_ITEMS
        ):
            # (the picture is as large as the widget was when it was painted)
            was = self.wheel_rect(pixmap.deviceIndependentSize().toSize())
            self._scaled = (pixmap, was, layout)
        if self._scaled is not None:
            self._stop_steps()  # (rings made for the size before)
            self._settle.start()  # (again at each step of a resize)
        elif layout is not None:
            self._retire(layout)
        self._layout = None
        self._pixmap = None
        if self._hover is not None:  # an item of the layout at the size before
            self._hover = None
            self.hovered.emit(None)
        super().resizeEvent(event)

    def is_scaled(self) -> bool:
        """Whether the wheel shows its picture from before the size changed, scaled,
        until the size settles (a crowded wheel: ``SCALED_FROM_ITEMS``)."""
        return self._scaled is not None and self._layout is None

    def _size_settled(self) -> None:
        scaled = self._scaled
        if scaled is not None and len(scaled[2].items) >= RING_BY_RING_FROM_ITEMS:
            rings = range(len(scaled[2].rings))
            self._steps = [(step, k) for k in rings for step in ("lay out", "paint")]
            self._steps.append(("take over", -1))
            self._step.start()
            return
        self._end_scaled()
        self.update()

    def is_preparing(self) -> bool:
        """Whether the rings are being laid out and painted one by one for the size the
        wheel settled at (the picture from before still shown, scaled)."""
        return bool(self._steps)

    def _next_step(self) -> None:
        """Lay out, or paint, one ring for the size settled at; after the last, lay
        the wheel out, taking them over (it is painted in a pass after that)."""
        if not self._steps or self.document.plan is None:
            return
        step, ring = self._steps.pop(0)
        with memory.held_off():
            if step == "lay out":
                part = self._new_layout(only_rings=(ring,))
                if self._part is None:
                    self._part = part
                else:  # the parts' rings together, to be taken over by the layout
                    self._part.ring_tokens[ring] = part.ring_tokens[ring]
                    self._part.ring_items[ring] = part.ring_items[ring]
            elif step == "paint" and self._part is not None:
                device = QImage(1, 1, QImage.Format.Format_ARGB32_Premultiplied)
                device.setDevicePixelRatio(self.devicePixelRatioF())
                with QPainter(device) as painter:
                    paint_ring_images(painter, self._part, self.wheel_rect(), (ring,))
            elif step == "take over":
                self._retire(self._replaced)
                self._replaced = self._part  # (its rings' items taken over, not copied)
                self.layout_()  # (which ends the scaled picture)
                self.update()
                return
        self._step.start()

    def _end_scaled(self) -> None:
        if self._scaled is not None:
            self._retire(self._scaled[2])
        self._scaled = None
        self._settle.stop()
        self._stop_steps()

    def _stop_steps(self) -> None:
        self._steps = []
        self._part = None
        self._step.stop()

    def _ensure_pixmap(self) -> QPixmap | None:
        layout = self.layout_()
        if layout is None:
            return None
        if self._pixmap is None:
            ratio = self.devicePixelRatioF()
            pixmap = QPixmap(self.size() * ratio)
            pixmap.setDevicePixelRatio(ratio)
            pixmap.fill(QColor(0, 0, 0, 0))
            skip = (self._skip,) if self._skip else ()
            with QPainter(pixmap) as painter:
                paint_wheel(painter, layout, self.wheel_rect(), skip, layered=True)
            self._pixmap = pixmap
        return self._pixmap

    def paintEvent(self, event: QPaintEvent) -> None:
        with memory.held_off():  # a layout makes hundreds of thousands of objects
            shown = self._paint()
        if not shown:
            return
        if memory.due():
            self._tidy.start()
        for work in self._after_painted:
            QTimer.singleShot(0, work)
        self._after_painted.clear()

    def _paint(self) -> bool:
        """The wheel from its cached picture and the overlay; False where no plan is
        shown (a hint to open one instead)."""
        with QPainter(self) as painter:
            painter.fillRect(self.rect(), self.palette().base())
            if self.is_scaled() and self.document.plan is not None:
                self._paint_scaled(painter)
                return False  # (not laid out yet: what waits for the wheel waits on)
            pixmap = self._ensure_pixmap()
            layout = self.layout_()
            if pixmap is None or layout is None:
                painter.setPen(self.palette().placeholderText().color())
                painter.drawText(
                    self.rect(),
                    Qt.AlignmentFlag.AlignCenter,
                    _("Open a plan with File › Open…"),
                )
                return False
            painter.drawPixmap(0, 0, pixmap)
            self.paint_overlay(painter, layout)
        return True

    def _paint_scaled(self, painter: QPainter) -> None:
        """The picture from before the size changed and the selection on it, its wheel
        fitted to the frame now."""
        assert self._scaled is not None
        pixmap, was, layout = self._scaled
        now = self.wheel_rect()
        scale = min(now.width() / was.width(), now.height() / was.height())
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        painter.translate(now.center())
        painter.scale(scale, scale)
        painter.translate(-was.center())
        painter.drawPixmap(0, 0, pixmap)
        self.paint_overlay(painter, layout, was)

    def paint_overlay(
        self, painter: QPainter, layout: WheelLayout, frame: QRectF | None = None
    ) -> None:
        """Selection, hover and the previewed activity, over the cached wheel (laid out
        in ``frame``, the wheel's frame now if not given; on the painter's transform)."""
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        frame = self.wheel_rect() if frame is None else frame
        painter.setWorldTransform(fit_transform(layout, frame), combine=True)
        if self._skip is not None:
            self._paint_ghost(painter, layout, self._skip)
        selection = self.view.selection
        if selection is not None:
            for item in layout.items_of(selection[0]):
                if item.occurrence.activity.id != self._skip:
                    selected = item.occurrence.index == selection[1]
                    self._paint_emphasis(painter, item, 3.5 if selected else 1.5)
        if self._hover is not None and self._hover.occurrence.activity.id != self._skip:
            self._paint_emphasis(painter, self._hover, 2.0)
        if self._preview is not None:
            paint_item(painter, self._preview, emphasis=2.5)
        press = self._press
        if press is not None and press.started and press.position is not None:
            painter.resetTransform()
            text = _("Remove the date") if press.to_tray else press.label
            self._paint_drag_label(painter, press.position, text)
        if self.drop_hint is not None:  # an activity dragged from the tray
            painter.resetTransform()
            self._paint_drag_label(painter, *self.drop_hint)

    def _paint_ghost(self, painter: QPainter, layout: WheelLayout, activity_id: str) -> None:
        """Where a dragged activity was: washed pale, over the cached wheel, which is
        not painted again for a drag; its name and leader line fade with it."""
        wash = self.palette().base().color()
        wash.setAlpha(GHOST_WASH)
        painter.setPen(QPen(wash, 2.5))
        painter.setBrush(wash)
        for item in (*layout.items_of(activity_id), *layout.undated):
            if item.occurrence.activity.id != activity_id:
                continue
            painter.drawPath(item_path(item))
            if item.flag is not None:
                painter.drawPath(annulus_sector(item.inner, item.outer, *item.flag))
            label = item.label
            if label is not None and label.placement == OUTSIDE:
                painter.drawPolygon(QPolygonF([QPointF(x, y) for x, y in label.outline]))
                if label.leader:
                    painter.drawPolyline(QPolygonF([QPointF(x, y) for x, y in label.leader]))

    def _paint_emphasis(self, painter: QPainter, item: Item, width: float) -> None:
        """An outlined item over the cached wheel; one the search does not match stays
        dimmed like the rest, its outline drawn in full."""
        if item.dimmed:
            painter.setOpacity(DIMMED_OPACITY)
            paint_item(painter, item)
            painter.setOpacity(1.0)
            paint_outline(painter, item, width)
        else:
            paint_item(painter, item, emphasis=width)

    def drag_label_box(self, at: QPointF, text: str) -> QRectF:
        """Where the drag label stands: below and right of the cursor, turned to the
        other side where that runs out of the widget, and never cut off by its edge."""
        box = QRectF(self.fontMetrics().boundingRect(text)).adjusted(-8, -5, 8, 5)
        box.moveTopLeft(at + QPointF(18, 14))
        if box.right() > self.width() - 4:
            box.moveRight(at.x() - 12)
        if box.bottom() > self.height() - 4:
            box.moveBottom(at.y() - 12)
        box.moveLeft(max(4.0, min(box.left(), self.width() - 4 - box.width())))
        box.moveTop(max(4.0, min(box.top(), self.height() - 4 - box.height())))
        return box

    def _paint_drag_label(self, painter: QPainter, at: QPointF, text: str) -> None:
        """The live label beside the cursor: the new dates with weekday and week."""
        font = self.font()
        painter.setFont(font)
        box = self.drag_label_box(at, text)
        painter.setPen(QColor(0, 0, 0, 60))
        painter.setBrush(QColor(255, 255, 255, 240))
        painter.drawRoundedRect(box, 6, 6)
        painter.setPen(QColor("#1d1d1f"))
        painter.drawText(box, Qt.AlignmentFlag.AlignCenter, text)

    # -- previewing an activity that moves (dragging) -----------------------

    def begin_preview(self, activity_id: str) -> None:
        """Ghost ``activity_id`` where it is; then set_preview() paints it where it goes.
        The cached wheel stays as it is: no frame of a drag paints the whole wheel."""
        self._skip = activity_id
        self.update()

    def set_preview(self, item: Item | None) -> None:
        self._preview = item
        self.update()

    def end_preview(self) -> None:
        self._skip = None
        self._preview = None
        self.update()

    # -- hit testing ---------------------------------------------------------------

    def _centre(self) -> QPointF:
        layout = self.layout_()
        if layout is None:
            return self.wheel_rect().center()
        return fit_transform(layout, self.wheel_rect()).map(QPointF(0, 0))

    def item_at(self, pos: QPointF) -> Item | None:
        layout = self.layout_()
        if layout is None:
            return None
        centre = self._centre()
        return layout.hit(pos.x() - centre.x(), pos.y() - centre.y())

    def listed_at(self, pos: QPointF) -> int | None:
        """The line of the numbered list beside the wheel under ``pos``: the position in
        the layout's ``keyed`` of the item it names, -1 on its line "+ N …", or None."""
        layout = self.layout_()
        if layout is None or not layout.key_texts:
            return None
        centre = self._centre()
        return layout.listed_at(pos.x() - centre.x(), pos.y() - centre.y())

    def _named_at(self, pos: QPointF) -> tuple[Item | None, int | None]:
        """The item under ``pos``, on the wheel, by its name or number, or named by the
        line of the numbered list there; and that line (as ``listed_at``), if any."""
        item = self.item_at(pos)
        if item is not None:
            return item, None
        listed = self.listed_at(pos)
        layout = self._layout
        if listed is None or listed < 0 or layout is None:
            return None, listed
        return layout.keyed[listed], listed

    def show_unlisted(self, pos: QPointF) -> None:
        """The names the numbered list had no room for, in a list that pops up at
        ``pos``; choosing one selects its activity."""
        layout = self.layout_()
        if layout is None:
            return
        from aarshjul.ui.unlisted_popup import UnlistedPopup  # (when first asked for)

        entries = [(k + 1, layout.keyed[k]) for k in layout.unlisted()]
        if not entries:
            return
        popup = UnlistedPopup(
            [
                (n, item.title, item.occurrence.activity.id, item.occurrence.index)
                for n, item in entries
            ],
            self,
        )
        popup.chosen.connect(self.view.select)
        popup.open_at(self.mapToGlobal(pos.toPoint()))

    def date_at(self, pos: QPointF) -> dt.date | None:
        """The date under ``pos`` (by its angle), or None without a plan."""
        layout = self.layout_()
        if layout is None:
            return None
        centre = self._centre()
        _radius, angle = to_polar(pos.x() - centre.x(), pos.y() - centre.y())
        return layout.scale.day_at(angle)

    def ring_at(self, pos: QPointF) -> int | None:
        """The index of the ring under ``pos``, or None."""
        layout = self.layout_()
        if layout is None:
            return None
        centre = self._centre()
        radius, _angle = to_polar(pos.x() - centre.x(), pos.y() - centre.y())
        return next(
            (i for i, band in enumerate(layout.rings) if band.inner <= radius <= band.outer), None
        )

    def point_for(self, activity_id: str, edge: str = "middle") -> QPointF:
        """Widget coordinates of an activity's ``"start"``, ``"end"`` or ``"middle"``.

        For a recurring activity, of its first occurrence shown. Scripts and tests
        drive real mouse drags with it. The edges lie just inside the segment.
        """
        layout = self.layout_()
        if layout is None:
            raise LookupError("no plan is open")
        items = sorted(layout.items_of(activity_id), key=lambda i: i.occurrence.index)
        if not items:
            raise LookupError(f"{activity_id} is not on the wheel")
        item = items[0]
        radius = item.mid_radius
        if item.is_marker:
            angle = item.angle0
        elif edge == "start":
            angle = item.angle0 + math.degrees(EDGE_GRIP * 0.4 / radius)
        elif edge == "end":
            angle = item.angle1 - math.degrees(EDGE_GRIP * 0.4 / radius)
        elif edge == "middle":
            angle = (item.angle0 + item.angle1) / 2
            radius = item.inner + (item.outer - item.inner) * 0.2  # below a centred label
        else:
            raise ValueError(f"edge must be start, end or middle, not {edge!r}")
        x, y = polar(radius, angle)
        centre = self._centre()
        return QPointF(centre.x() + x, centre.y() + y)

    def _grip(self, item: Item, pos: QPointF) -> str:
        """What pressing at ``pos`` on ``item`` would drag: "move", "start" or "end"."""
        if item.is_marker:
            return "move"
        centre = self._centre()
        radius, angle = to_polar(pos.x() - centre.x(), pos.y() - centre.y())
        width = math.radians(item.angle1 - item.angle0) * radius
        if width < 3 * EDGE_GRIP:
            return "move"
        before, after = item.continues  # an edge cut by the shown days is not its edge
        if not before and math.radians(angle - item.angle0) * radius <= EDGE_GRIP:
            return "start"
        if not after and math.radians(item.angle1 - angle) * radius <= EDGE_GRIP:
            return "end"
        return "move"

    # -- selecting, dragging and dropping -------------------------------------------

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self.setFocus(Qt.FocusReason.MouseFocusReason)
            item, listed = self._named_at(event.position())
            if listed == -1:  # "+ N …": the names not listed
                self.show_unlisted(event.position())
                return
            occurrence = item.occurrence if item else None
            self.view.select((occurrence.activity.id, occurrence.index) if occurrence else None)
            if (
                item is not None
                and listed is None  # (a line of the list selects; it is not dragged)
                and occurrence is not None
                and occurrence.derived_from is None
            ):
                self._press = _Press(item, self._grip(item, event.position()), event.position())
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        press = self._press
        if press is not None and event.buttons() & Qt.MouseButton.LeftButton:
            if not press.started:
                distance = (event.position() - press.origin).manhattanLength()
                if distance < QApplication.startDragDistance():
                    return
                press.started = True
                self.begin_preview(press.item.occurrence.activity.id)
                self.setCursor(
                    Qt.CursorShape.ClosedHandCursor
                    if press.mode == "move"
                    else Qt.CursorShape.SizeHorCursor
                )
            self._drag_to(
                event.position(), bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
            )
            return
        if self.is_scaled():  # no hover until the wheel is laid out for its size
            self.unsetCursor()
            super().mouseMoveEvent(event)
            return
        item, listed = self._named_at(event.position())
        if item is not self._hover:
            self._hover = item
            self.hovered.emit(item)
            self.update()
        if listed is not None:  # a line of the numbered list: a click selects or lists
            self.setCursor(Qt.CursorShape.PointingHandCursor)
        elif item is None:
            self.unsetCursor()
        else:
            grip = self._grip(item, event.position())
            self.setCursor(
                Qt.CursorShape.SizeHorCursor if grip != "move" else Qt.CursorShape.OpenHandCursor
            )
        super().mouseMoveEvent(event)

    def _drag_to(self, pos: QPointF, snap: bool) -> None:
        """Work out the dragged activity's new dates and ring, and preview them."""
        press = self._press
        layout = self.layout_()
        plan = self.document.plan
        if press is None or layout is None or plan is None:
            return
        occ = press.item.occurrence
        if isinstance(occ, Undated):  # the list of undated activities: not dragged here
            return
        centre = self._centre()
        _r, angle = to_polar(pos.x() - centre.x(), pos.y() - centre.y())
        _r, origin = to_polar(press.origin.x() - centre.x(), press.origin.y() - centre.y())
        turn = (angle - origin + 180.0) % 360.0 - 180.0
        days = round(turn / 360.0 * layout.scale.days)
        dragged = {"move": occ.start, "start": occ.start, "end": occ.end}[press.mode]
        if snap:  # Shift: the dragged date lands on a Monday
            target = dragged + dt.timedelta(days=days)
            monday = target - dt.timedelta(days=target.weekday())
            if (target - monday).days > 3:
                monday += dt.timedelta(days=7)
            days = (monday - dragged).days
        if press.mode == "move":  # it may run past the wheel's edge, not leave the wheel
            days = max(days, (plan.start - occ.end).days)
            days = min(days, (plan.last_day - occ.start).days)
            start, end = occ.start + dt.timedelta(days=days), occ.end + dt.timedelta(days=days)
            ring = self.ring_at(pos)
            press.ring = ring if ring is not None else press.item.ring
        elif press.mode == "start":
            days = min(max(days, (plan.start - occ.start).days), (occ.end - occ.start).days)
            start, end = occ.start + dt.timedelta(days=days), occ.end
        else:
            days = max(min(days, (plan.last_day - occ.end).days), (occ.start - occ.end).days)
            start, end = occ.start, occ.end + dt.timedelta(days=days)
        press.days = days
        press.to_tray = self._over_tray(pos)
        press.label = self._drag_label(start, end, occ.start == occ.end)
        press.position = pos
        self.set_preview(
            preview(layout, press.item, start, end, ring=press.ring, measure=measure())
        )

    def _over_tray(self, pos: QPointF) -> bool:
        if self.tray is None or not self.tray.isVisible():
            return False
        global_pos = self.mapToGlobal(pos.toPoint())
        return self.tray.rect().contains(self.tray.mapFromGlobal(global_pos))

    def _drag_label(self, start: dt.date, end: dt.date, one_day: bool) -> str:
        first = format_weekday_date(start, ui_locale())
        return first if one_day else f"{first} – {format_weekday_date(end, ui_locale())}"

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        press = self._press
        if press is not None and press.started and event.button() == Qt.MouseButton.LeftButton:
            # where the button is let go, with the modifiers held then, decides
            self._drag_to(
                event.position(), bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
            )
        self._press = None
        if press is not None and press.started and event.button() == Qt.MouseButton.LeftButton:
            self.end_preview()
            self.unsetCursor()
            layout = self.layout_()
            ring_id = None
            if layout is not None and press.ring is not None and press.ring != press.item.ring:
                ring_id = layout.rings[press.ring].ring.id
            occ = press.item.occurrence
            self.drag_finished.emit(
                Drag(occ.activity.id, occ.index, press.mode, press.days, ring_id, press.to_tray)
            )
        super().mouseReleaseEvent(event)

    def cancel_drag(self) -> bool:
        """Escape: put the dragged activity back; False if nothing was being dragged."""
        press, self._press = self._press, None
        if press is None or not press.started:
            return False
        self.end_preview()
        self.unsetCursor()
        return True

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        """On an activity: edit it. On an empty spot of a ring: a new activity there."""
        if event.button() != Qt.MouseButton.LeftButton:
            return
        item, listed = self._named_at(event.position())
        if item is not None:
            self.edit_requested.emit()
            return
        if listed is not None:
            return
        ring = self.ring_at(event.position())
        layout = self.layout_()
        day = self.date_at(event.position())
        if ring is not None and layout is not None and day is not None:
            self.create_requested.emit(day, layout.rings[ring].ring.id)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        """A right click selects what is under the pointer (nothing on an empty spot)
        and asks for the menu of it; from the keyboard, the menu of the selection."""
        if self.document.plan is None or self._press is not None:
            return
        pos = QPointF(event.pos())
        selection = self.view.selection
        if event.reason() == QContextMenuEvent.Reason.Keyboard:
            if selection is not None and self.layout_() is not None:
                # (not on the wheel, hidden or outside the period: where the pointer is)
                with contextlib.suppress(LookupError):
                    pos = self.point_for(selection[0])
            self.menu_requested.emit(self.mapToGlobal(pos.toPoint()), None, None)
            return
        day = ring = None
        item, listed = (None, None) if self.is_scaled() else self._named_at(pos)
        if item is not None:
            occurrence = item.occurrence
            self.view.select((occurrence.activity.id, occurrence.index))
        elif listed is None:
            self.view.select(None)
            index, layout = self.ring_at(pos), self.layout_()
            if index is not None and layout is not None:
                day, ring = self.date_at(pos), layout.rings[index].ring.id
        self.menu_requested.emit(event.globalPos(), day, ring)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        shift = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
        if key == Qt.Key.Key_Escape and self.cancel_drag():
            return
        if key in (Qt.Key.Key_Left, Qt.Key.Key_Right) and self.view.selection:
            step = 7 if shift else 1
            self.nudge_requested.emit(step if key == Qt.Key.Key_Right else -step)
        elif key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and self.view.selection:
            self.delete_requested.emit()
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.view.selection:
            self.edit_requested.emit()
        elif key in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab):
            self.walk(-1 if key == Qt.Key.Key_Backtab or shift else 1)
        else:
            super().keyPressEvent(event)

    def event(self, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and (event.key() in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab))
        ):
            self.keyPressEvent(event)  # Tab walks the activities instead of the focus
            return True
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            text = "" if self.is_scaled() else self.tooltip_at(QPointF(event.pos()))
            if text:
                QToolTip.showText(event.globalPos(), text, self)
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().event(event)

    def walk(self, by: int) -> None:
        """Select the next (or previous) occurrence in date order, round the year."""
        dated = [o for o in self.view.visible() if o.start is not None]
        if not dated:
            return
        keys = [(o.activity.id, o.index) for o in dated]
        current = self.view.selection
        if current in keys:
            index = (keys.index(current) + by) % len(keys)
        else:
            index = 0 if by > 0 else len(keys) - 1
        self.view.select(keys[index])

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasFormat(ACTIVITY_MIME):
            event.acceptProposedAction()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        """An activity dragged from the tray: the day and ring under the cursor, as a
        drag on the wheel shows them."""
        position = event.position()
        ring = self.ring_at(position)
        day = self.date_at(position)
        layout = self.layout_()
        if event.mimeData().hasFormat(ACTIVITY_MIME) and ring is not None and day is not None:
            event.acceptProposedAction()
            name = layout.rings[ring].ring.name if layout else ""
            self.drop_hint = (position, f"{format_weekday_date(day, ui_locale())} · {name}")
        else:
            event.ignore()
            self.drop_hint = None
        self.update()

    def dragLeaveEvent(self, event) -> None:
        self.drop_hint = None
        self.update()
        super().dragLeaveEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:
        """An activity without a date dropped from the tray: schedule it there."""
        self.drop_hint = None
        self.update()
        if not event.mimeData().hasFormat(ACTIVITY_MIME):
            return
        layout = self.layout_()
        ring = self.ring_at(event.position())
        day = self.date_at(event.position())
        if layout is None or ring is None or day is None:
            event.ignore()
            return
        activity_id = bytes(event.mimeData().data(ACTIVITY_MIME).data()).decode()
        event.acceptProposedAction()
        self.schedule_requested.emit(activity_id, day, layout.rings[ring].ring.id)

    def leaveEvent(self, event: QEvent) -> None:
        if self._hover is not None:
            self._hover = None
            self.hovered.emit(None)
            self.update()
        super().leaveEvent(event)

    def wheelEvent(self, event: QWheelEvent) -> None:
        """Ctrl + mouse wheel zooms in on the month or quarter under the mouse, or out."""
        if not event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            super().wheelEvent(event)
            return
        delta = event.angleDelta().y()
        if delta == 0:
            return
        day = self.date_at(event.position())
        zoom = self.view.zoom.closer() if delta > 0 else self.view.zoom.wider()
        if zoom is not Zoom.YEAR and self.view.zoom is not Zoom.YEAR and delta < 0:
            day = self.view.span[0] if self.view.span else day
        self.view.set_zoom(zoom, day)
        event.accept()

    def tooltip_at(self, pos: QPointF) -> str:
        """The tooltip text for the activity at ``pos``, or "" where there is none."""
        plan = self.document.plan
        item, listed = self._named_at(pos)
        if plan is not None and listed == -1 and self._layout is not None:
            count = len(self._layout.unlisted())
            return _("Numbered on the wheel, not listed here: {count}. Click to see them.").format(
                count=count
            )
        if plan is None or item is None:
            return ""
        activity = item.occurrence.activity
        ring = plan.ring(activity.ring)
        category = plan.category(activity.category)
        return describe_occurrence(
            item.occurrence,
            ui_locale(),
            ring.name if ring else "",
            category.name if category else "",
        )
