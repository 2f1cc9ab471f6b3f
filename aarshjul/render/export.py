"""Exports of the wheel that need no window: PNG (later also PDF and SVG)."""

from __future__ import annotations

import datetime as dt
import os

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter

from aarshjul.i18n import _
from aarshjul.model.fileformat import write_atomically
from aarshjul.model.plan import Plan
from aarshjul.render.painter import paint_wheel, wheel_layout


def ensure_gui_application() -> QGuiApplication:
    """The running Qt application, or a new QGuiApplication (offscreen without a display)."""
    app = QGuiApplication.instance()
    if app is None:
        if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
            os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        app = QGuiApplication([])
    return app  # type: ignore[return-value]


def render_image(plan: Plan, width: int, height: int, today: dt.date | None = None) -> QImage:
    """The wheel centred in a white ``width`` × ``height`` image."""
    ensure_gui_application()
    image = QImage(width, height, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.white)
    diameter = min(width, height)
    layout = wheel_layout(plan, diameter, today=today)
    with QPainter(image) as painter:
        paint_wheel(painter, layout, QRectF(0, 0, width, height), today_label=_("Today"))
    return image


def export_png(
    plan: Plan,
    path: str | os.PathLike[str],
    width: int = 1600,
    height: int = 1600,
    today: dt.date | None = None,
) -> None:
    """Write the wheel as a PNG, atomically."""
    image = render_image(plan, width, height, today)
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, "PNG"):
        raise OSError(_("the PNG image could not be encoded"))
    buffer.close()
    write_atomically(path, bytes(data.data()))
