"""The one drawing routine: paints a WheelLayout on any QPainter.

It assumes no screen: the widget, PNG, PDF, SVG and the printer all call
:func:`paint_wheel` with a painter and the rectangle to fill.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Collection, Sequence
from typing import Any

from PySide6.QtCore import QLocale, QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPainterPath, QPen, QPolygonF, QTransform

from aarshjul import geometry
from aarshjul.geometry import ArcText, Item, PlainText, WheelLayout
from aarshjul.i18n import _
from aarshjul.model.plan import Occurrence, Plan
from aarshjul.render.fonts import BASE_PX, TextMeasure, base_font

PAPER = QColor("#ffffff")
MONTH_SHADE = QColor(0, 0, 0, 10)
BAND_FILL = QColor("#f2f2f5")
BAND_FILL_DARK = QColor("#e8e8ed")
RULE = QColor(0, 0, 0, 40)
RING_FILL = QColor(0, 0, 0, 6)
TODAY = QColor("#d70015")
SEGMENT_EDGE = QColor("#ffffff")
DIMMED_OPACITY = 0.2

_measure: TextMeasure | None = None


def measure() -> TextMeasure:
    """The shared text measure (needs a QGuiApplication)."""
    global _measure
    if _measure is None:
        _measure = TextMeasure()
    return _measure


def month_names(locale: str) -> list[str]:
    """The twelve month names in the plan's locale, January first."""
    qlocale = QLocale(locale)
    return [qlocale.standaloneMonthName(m, QLocale.FormatType.LongFormat) for m in range(1, 13)]


def wheel_layout(
    plan: Plan,
    diameter: float,
    occurrences: Sequence[Occurrence] | None = None,
    today: dt.date | None = None,
    **options: Any,
) -> WheelLayout:
    """Lay the plan out with the real font, the plan's month names and our words.

    ``options`` go to :func:`aarshjul.geometry.layout` (span, heading, dimmed).
    """
    return geometry.layout(
        plan,
        diameter,
        occurrences,
        month_names=month_names(plan.locale),
        week_label=_("Week {week}"),
        measure=measure(),
        today=today,
        **options,
    )


def fit_transform(layout: WheelLayout, target: QRectF) -> QTransform:
    """Maps layout coordinates (centre at the origin) into ``target``, keeping the circle round."""
    factor = min(target.width(), target.height()) / layout.diameter
    transform = QTransform()
    transform.translate(target.center().x(), target.center().y())
    transform.scale(factor, factor)
    return transform


def paint_wheel(
    painter: QPainter,
    layout: WheelLayout,
    target: QRectF,
    today_label: str = "I dag",
    skip: Collection[str] = (),
) -> None:
    """Paint the whole wheel into ``target`` (the largest centred circle that fits).

    Activities whose ids are in ``skip`` are left out (a dragged activity is
    painted on top of the rest, which stays cached).
    """
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    painter.setWorldTransform(fit_transform(layout, target), combine=True)
    _paint_background(painter, layout)
    _paint_rings(painter, layout)
    for item in layout.items:
        if skip and item.occurrence.activity.id in skip:
            continue
        if item.dimmed:
            painter.setOpacity(DIMMED_OPACITY)
            paint_item(painter, item)
            painter.setOpacity(1.0)
        else:
            paint_item(painter, item)
    if layout.today is not None:
        _paint_today(painter, layout, today_label)
    for text in layout.centre:
        draw_plain_text(painter, text)
    painter.restore()


def annulus_sector(inner: float, outer: float, angle0: float, angle1: float) -> QPainterPath:
    """The ring segment between two radii and two angles (clockwise from 12 o'clock)."""
    path = QPainterPath()
    sweep = angle1 - angle0
    outer_rect = QRectF(-outer, -outer, 2 * outer, 2 * outer)
    if sweep >= 360.0:
        path.addEllipse(outer_rect)
        if inner > 0:
            path.addEllipse(QRectF(-inner, -inner, 2 * inner, 2 * inner))
        return path
    path.arcMoveTo(outer_rect, 90.0 - angle0)
    path.arcTo(outer_rect, 90.0 - angle0, -sweep)
    if inner > 0:
        path.arcTo(QRectF(-inner, -inner, 2 * inner, 2 * inner), 90.0 - angle1, sweep)
    else:
        path.lineTo(0, 0)
    path.closeSubpath()
    return path


def _line(painter: QPainter, r0: float, r1: float, angle: float) -> None:
    x0, y0 = geometry.polar(r0, angle)
    x1, y1 = geometry.polar(r1, angle)
    painter.drawLine(QPointF(x0, y0), QPointF(x1, y1))


def _circle(painter: QPainter, r: float) -> None:
    painter.drawEllipse(QPointF(0, 0), r, r)


def _paint_background(painter: QPainter, layout: WheelLayout) -> None:
    unit = layout.diameter / 1000
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(PAPER)
    _circle(painter, layout.outer)
    for sector in layout.months:
        painter.setBrush(BAND_FILL_DARK if sector.shaded else BAND_FILL)
        painter.drawPath(
            annulus_sector(layout.month_inner, layout.outer, sector.angle0, sector.angle1)
        )
        if sector.shaded:
            painter.setBrush(MONTH_SHADE)
            painter.drawPath(
                annulus_sector(layout.rings_inner, layout.week_inner, sector.angle0, sector.angle1)
            )
    painter.setPen(QPen(RULE, 0.8 * unit))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    for r in (layout.outer, layout.month_inner, layout.week_inner):
        _circle(painter, r)
    for sector in layout.months:
        _line(painter, layout.rings_inner, layout.outer, sector.angle0)
    painter.setPen(QPen(RULE, 0.5 * unit))
    for angle in layout.weeks:
        _line(painter, layout.week_inner, layout.month_inner, angle)
    for sector in layout.months:
        if sector.label:
            draw_arc_text(painter, sector.label)
    for label in layout.week_labels:
        draw_arc_text(painter, label)


def _paint_rings(painter: QPainter, layout: WheelLayout) -> None:
    unit = layout.diameter / 1000
    for band in layout.rings:
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(RING_FILL)
        painter.drawPath(annulus_sector(band.inner, band.outer, 0, 360))
        painter.setPen(QPen(RULE, 0.6 * unit, Qt.PenStyle.DotLine))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        _circle(painter, band.lane_outer)
        if band.name:
            draw_arc_text(painter, band.name)


def paint_item(painter: QPainter, item: Item, *, emphasis: float = 0.0) -> None:
    """Paint one activity occurrence; ``emphasis`` > 0 outlines it (hover, selection)."""
    unit = (item.outer - item.inner) / 60 if item.outer > item.inner else 1.0
    edge = QPen(SEGMENT_EDGE, max(1.2, min(3.0, unit * 1.6)))
    edge.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    painter.setPen(edge)
    painter.setBrush(QColor(item.color))
    if item.is_marker:
        painter.drawPath(marker_path(item))
    else:
        inset = (item.outer - item.inner) * 0.04
        painter.drawPath(
            annulus_sector(item.inner + inset, item.outer - inset, item.angle0, item.angle1)
        )
    if emphasis > 0:
        pen = QPen(QColor("#1d1d1f"), emphasis)
        pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(item_path(item))
    for label in item.label:
        draw_arc_text(painter, label)


def marker_path(item: Item) -> QPainterPath:
    """A diamond centred on the deadline's day, pointing along the radius."""
    s = item.marker_size
    r = item.mid_radius
    points = [(r + s, 0.0), (r, s * 0.8), (r - s, 0.0), (r, -s * 0.8)]
    transform = QTransform().rotate(item.angle0 - 90.0)
    path = QPainterPath()
    path.addPolygon(transform.map(QPolygonF([QPointF(x, y) for x, y in points])))
    path.closeSubpath()
    return path


def item_path(item: Item) -> QPainterPath:
    """The item's outline, for hit feedback and highlighting."""
    if item.is_marker:
        return marker_path(item)
    return annulus_sector(item.inner, item.outer, item.angle0, item.angle1)


def _paint_today(painter: QPainter, layout: WheelLayout, label: str) -> None:
    assert layout.today is not None
    unit = layout.diameter / 1000
    pen = QPen(TODAY, 2.2 * unit)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    painter.setPen(pen)
    _line(painter, layout.rings_inner * 0.97, layout.month_inner, layout.today)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(TODAY)
    x, y = geometry.polar(layout.month_inner, layout.today)
    painter.drawEllipse(QPointF(x, y), 4.5 * unit, 4.5 * unit)
    px = layout.diameter * 0.0095
    r = (layout.month_inner + layout.week_inner) / 2
    width = measure()(label, px, True)
    # the label sits in the week band just after the line, on a white tab
    angle = layout.today + math.degrees((width / 2 + 4 * unit) / r)
    painter.setBrush(QColor(255, 255, 255, 235))
    height = (layout.month_inner - layout.week_inner) * 0.8
    painter.drawPath(
        annulus_sector(
            r - height / 2,
            r + height / 2,
            layout.today + 0.3,
            layout.today + math.degrees((width + 8 * unit) / r),
        )
    )
    draw_arc_text(
        painter, ArcText(label, r, angle, px, TODAY.name(), True, geometry.is_flipped(angle))
    )


def draw_arc_text(painter: QPainter, text: ArcText) -> None:
    """Set ``text`` along its circle, reading left to right.

    Short text, whose chord strays from the arc by less than a fifth of its
    size, is set straight in one piece (it stays whole words in PDF and SVG);
    longer text glyph by glyph along the arc.
    """
    m = measure()
    k = text.px / BASE_PX
    advances = [m.advance(c, text.bold) * k for c in text.text]
    total = sum(advances)
    r = text.radius
    direction = -1.0 if text.flipped else 1.0
    # centre the glyphs' cap height on the radius
    shift = m.cap_height(text.bold) * k / 2
    baseline = r + shift if text.flipped else r - shift
    painter.setFont(base_font(text.bold))
    painter.setPen(QColor(text.color))
    base = painter.worldTransform()
    sagitta = r * (1 - math.cos(total / r / 2)) if r > 0 else 0.0
    if sagitta < text.px * 0.2:
        transform = QTransform()
        transform.rotate(text.angle + (180.0 if text.flipped else 0.0))
        transform.translate(0, baseline if text.flipped else -baseline)
        transform.scale(k, k)
        painter.setWorldTransform(transform * base)
        painter.drawText(QPointF(-total / k / 2, 0), text.text)
        painter.setWorldTransform(base)
        return
    position = -total / 2
    for char, advance in zip(text.text, advances, strict=True):
        centre = position + advance / 2
        angle = text.angle + direction * math.degrees(centre / r)
        transform = QTransform()
        transform.rotate(angle + (180.0 if text.flipped else 0.0))
        transform.translate(0, baseline if text.flipped else -baseline)
        transform.scale(k, k)
        painter.setWorldTransform(transform * base)
        if not char.isspace():
            painter.drawText(QPointF(-advance / k / 2, 0), char)
        position += advance
    painter.setWorldTransform(base)


def draw_plain_text(painter: QPainter, text: PlainText) -> None:
    """A straight line of text centred on x = 0 with its middle at ``text.y``."""
    m = measure()
    k = text.px / BASE_PX
    painter.setFont(base_font(text.bold))
    painter.setPen(QColor(text.color))
    base = painter.worldTransform()
    transform = QTransform()
    transform.translate(0, text.y + m.cap_height(text.bold) * k / 2)
    transform.scale(k, k)
    painter.setWorldTransform(transform * base)
    width = m(text.text, BASE_PX, text.bold)
    painter.drawText(QPointF(-width / 2, 0), text.text)
    painter.setWorldTransform(base)


def brush(color: str) -> QBrush:
    return QBrush(QColor(color))
