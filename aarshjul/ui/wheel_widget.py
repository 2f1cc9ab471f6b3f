"""The wheel on screen: one widget painting the shared drawing routine.

The whole wheel is painted once into a cached pixmap (again only when the plan,
the size or the date changes); hover feedback is painted on top of it, so moving
the mouse costs one pixmap blit.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QHelpEvent, QMouseEvent, QPainter, QPaintEvent, QPixmap
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from aarshjul.geometry import Item, WheelLayout
from aarshjul.i18n import _
from aarshjul.render.painter import fit_transform, paint_item, paint_wheel, wheel_layout
from aarshjul.ui.document import PlanDocument
from aarshjul.ui.formatting import describe_occurrence


class WheelWidget(QWidget):
    """Draws the document's plan as a wheel that scales with the widget."""

    hovered = Signal(object)  # the Item under the mouse, or None

    MARGIN = 8

    def __init__(self, document: PlanDocument, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("wheel")
        self.setMouseTracking(True)
        self.setMinimumSize(320, 320)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setBackgroundRole(self.backgroundRole())
        self.document = document
        self._layout: WheelLayout | None = None
        self._pixmap: QPixmap | None = None
        self._hover: Item | None = None
        self._today = dt.date.today()
        document.plan_changed.connect(self.invalidate)
        self._clock = QTimer(self)
        self._clock.timeout.connect(self._check_date)
        self._clock.start(60_000)

    def sizeHint(self) -> QSize:
        return QSize(860, 860)

    # -- the cached drawing -------------------------------------------------

    def today(self) -> dt.date:
        return self._today

    def set_today(self, day: dt.date) -> None:
        """Tests and exports may pin "today"; the clock moves it at midnight."""
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
            self._layout = wheel_layout(plan, self.wheel_rect().width(), today=self._today)
        return self._layout

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
            with QPainter(pixmap) as painter:
                paint_wheel(painter, layout, self.wheel_rect(), today_label=_("Today"))
            self._pixmap = pixmap
        return self._pixmap

    def paintEvent(self, event: QPaintEvent) -> None:
        with QPainter(self) as painter:
            painter.fillRect(self.rect(), self.palette().base())
            pixmap = self._ensure_pixmap()
            if pixmap is None:
                painter.setPen(self.palette().placeholderText().color())
                painter.drawText(
                    self.rect(), Qt.AlignmentFlag.AlignCenter, _("Open a plan with File › Open…")
                )
                return
            painter.drawPixmap(0, 0, pixmap)
            layout = self.layout_()
            if self._hover is not None and layout is not None:
                painter.setRenderHint(QPainter.RenderHint.Antialiasing)
                painter.setWorldTransform(fit_transform(layout, self.wheel_rect()))
                paint_item(painter, self._hover, emphasis=2.0)

    # -- hit testing, hover and tooltips ------------------------------------

    def item_at(self, pos: QPointF) -> Item | None:
        layout = self.layout_()
        if layout is None:
            return None
        centre = self.wheel_rect().center()
        return layout.hit(pos.x() - centre.x(), pos.y() - centre.y())

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
            plan.locale,
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
