"""The wheel on screen: one widget painting the shared drawing routine.

The whole wheel is painted once into a cached pixmap (again only when the plan,
the filter, the zoom, the size or the date changes). Hover and selection are
painted on top of it, so moving the mouse costs one pixmap blit. While an
activity is previewed (dragged), the cache holds the wheel without it and only
the moving activity is painted per frame.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import (
    QColor,
    QHelpEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPixmap,
    QWheelEvent,
)
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from aarshjul.geometry import Item, WheelLayout, to_polar
from aarshjul.i18n import _, speaking
from aarshjul.model.periods import Zoom
from aarshjul.render.painter import fit_transform, paint_item, paint_wheel, wheel_layout
from aarshjul.ui.formatting import describe_occurrence, period_heading, ui_locale
from aarshjul.ui.view_state import ViewState


class WheelWidget(QWidget):
    """Draws the document's plan as a wheel that scales with the widget."""

    hovered = Signal(object)  # the Item under the mouse, or None

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
        self._pixmap: QPixmap | None = None
        self._hover: Item | None = None
        self._skip: str | None = None  # the previewed activity, left out of the cache
        self._preview: Item | None = None
        self._today = dt.date.today()
        self.document.plan_changed.connect(self.invalidate)
        view.filter_changed.connect(self.invalidate)
        view.zoom_changed.connect(self.invalidate)
        view.selection_changed.connect(self.update)
        self._clock = QTimer(self)
        self._clock.timeout.connect(self._check_date)
        self._clock.start(60_000)

    def sizeHint(self) -> QSize:
        return QSize(860, 860)

    # -- the cached drawing -------------------------------------------------

    def today(self) -> dt.date:
        return self._today

    def set_today(self, day: dt.date) -> None:
        """Tests may pin "today"; the clock moves it at midnight."""
        self._today = day
        self.invalidate()

    def _check_date(self) -> None:
        if dt.date.today() != self._today:
            self.set_today(dt.date.today())

    def invalidate(self) -> None:
        self._layout = None
        self._pixmap = None
        self._hover = None
        self.update()

    def wheel_rect(self) -> QRectF:
        side = max(1.0, min(self.width(), self.height()) - 2 * self.MARGIN)
        return QRectF((self.width() - side) / 2, (self.height() - side) / 2, side, side)

    def layout_(self) -> WheelLayout | None:
        """The current layout, computed on demand for the widget's size."""
        plan = self.document.plan
        if plan is None:
            return None
        if self._layout is None:
            with speaking(plan.locale):  # the wheel speaks the plan's language
                self._layout = self._new_layout()
        return self._layout

    def _new_layout(self) -> WheelLayout:
        plan = self.document.plan
        assert plan is not None
        return wheel_layout(
            plan,
            self.wheel_rect().width(),
            self.view.visible(),
            today=self._today,
            span=self.view.span,
            heading=period_heading(plan, self.view.zoom, self.view.span),
            dimmed=self.view.filter.unmatched_ids(plan),
        )

    def resizeEvent(self, event) -> None:
        self._layout = None
        self._pixmap = None
        super().resizeEvent(event)

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
            plan = self.document.plan
            with QPainter(pixmap) as painter, speaking(plan.locale if plan else ""):
                paint_wheel(painter, layout, self.wheel_rect(), _("Today"), skip)
            self._pixmap = pixmap
        return self._pixmap

    def paintEvent(self, event: QPaintEvent) -> None:
        with QPainter(self) as painter:
            painter.fillRect(self.rect(), self.palette().base())
            pixmap = self._ensure_pixmap()
            layout = self.layout_()
            if pixmap is None or layout is None:
                painter.setPen(self.palette().placeholderText().color())
                painter.drawText(
                    self.rect(),
                    Qt.AlignmentFlag.AlignCenter,
                    _("Open a plan with File › Open…"),
                )
                return
            painter.drawPixmap(0, 0, pixmap)
            self.paint_overlay(painter, layout)

    def paint_overlay(self, painter: QPainter, layout: WheelLayout) -> None:
        """Selection, hover and the previewed activity, over the cached wheel."""
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setWorldTransform(fit_transform(layout, self.wheel_rect()))
        selection = self.view.selection
        if selection is not None:
            for item in layout.items_of(selection[0]):
                if item.occurrence.activity.id != self._skip:
                    selected = item.occurrence.index == selection[1]
                    paint_item(painter, item, emphasis=3.5 if selected else 1.5)
        if self._hover is not None and self._hover.occurrence.activity.id != self._skip:
            paint_item(painter, self._hover, emphasis=2.0)
        if self._preview is not None:
            paint_item(painter, self._preview, emphasis=2.5)

    # -- previewing an activity that moves (dragging) -----------------------

    def begin_preview(self, activity_id: str) -> None:
        """Cache the wheel without ``activity_id``; then only set_preview() paints per frame."""
        self._skip = activity_id
        self._pixmap = None
        self.update()

    def set_preview(self, item: Item | None) -> None:
        self._preview = item
        self.update()

    def end_preview(self) -> None:
        self._skip = None
        self._preview = None
        self._pixmap = None
        self.update()

    # -- hit testing, selection, hover, zoom and tooltips -------------------

    def item_at(self, pos: QPointF) -> Item | None:
        layout = self.layout_()
        if layout is None:
            return None
        centre = self.wheel_rect().center()
        return layout.hit(pos.x() - centre.x(), pos.y() - centre.y())

    def date_at(self, pos: QPointF) -> dt.date | None:
        """The date under ``pos`` (by its angle), or None without a plan."""
        layout = self.layout_()
        if layout is None:
            return None
        centre = self.wheel_rect().center()
        _radius, angle = to_polar(pos.x() - centre.x(), pos.y() - centre.y())
        return layout.scale.day_at(angle)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            item = self.item_at(event.position())
            occurrence = item.occurrence if item else None
            self.view.select((occurrence.activity.id, occurrence.index) if occurrence else None)
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        item = self.item_at(event.position())
        if item is not self._hover:
            self._hover = item
            self.setCursor(
                Qt.CursorShape.PointingHandCursor if item else Qt.CursorShape.ArrowCursor
            )
            self.hovered.emit(item)
            self.update()
        super().mouseMoveEvent(event)

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
        item = self.item_at(pos)
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

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            text = self.tooltip_at(QPointF(event.pos()))
            if text:
                QToolTip.showText(event.globalPos(), text, self)
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().event(event)
