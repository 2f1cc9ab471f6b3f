"""Exports that need no window: PDF (poster and handout), SVG and PNG (the poster).

Every export is rendered in memory and written atomically, so a failure never
leaves half a file.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Sequence

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPageLayout, QPainter, QPdfWriter
from PySide6.QtSvg import QSvgGenerator

from aarshjul import __version__
from aarshjul.geometry import WheelLayout
from aarshjul.i18n import _, translator
from aarshjul.model.fileformat import write_atomically
from aarshjul.model.plan import AnyOccurrence, Plan
from aarshjul.render.painter import paint_wheel, wheel_layout
from aarshjul.render.printout import Printout, page_layout, paint_poster, print_pages

PDF_DPI = 300


def ensure_gui_application() -> QGuiApplication:
    """The running Qt application, or a new QGuiApplication (offscreen without a display)."""
    app = QGuiApplication.instance()
    if app is None:
        if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
            os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        app = QGuiApplication([])
    return app  # type: ignore[return-value]


def _printout(
    plan: Plan,
    occurrences: Sequence[AnyOccurrence] | None,
    today: dt.date | None,
    rings: Sequence[str] | None = None,
) -> Printout:
    made = dt.date.today()
    shown = plan.occurrences() if occurrences is None else occurrences
    return Printout(plan, shown, made, today, tuple(rings) if rings is not None else None)


def render_image(plan: Plan, width: int, height: int, today: dt.date | None = None) -> QImage:
    """The wheel alone, centred in a white ``width`` × ``height`` image."""
    ensure_gui_application()
    image = QImage(width, height, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.white)
    with QPainter(image) as painter:
        layout = wheel_layout(plan, width, height, today=today)
        paint_wheel(painter, layout, QRectF(0, 0, width, height))
    return image


def _poster_rect(width: int, height: int) -> QRectF:
    """The poster's place in an image: all of it less a small margin."""
    margin = min(width, height) * 0.03
    return QRectF(margin, margin, width - 2 * margin, height - 2 * margin)


def _bytes(write) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    write(buffer)
    buffer.close()
    return bytes(data.data())


def poster_image(
    plan: Plan,
    width: int = 1600,
    height: int = 1600,
    *,
    dpi: int = 96,
    occurrences: Sequence[AnyOccurrence] | None = None,
    today: dt.date | None = None,
) -> tuple[QImage, WheelLayout]:
    """The poster (title, wheel, legend) as an image of ``width`` × ``height`` pixels
    on white, at ``dpi`` (what a document it is pasted into sizes it by), and the
    wheel's layout (what it shows, and what found no room)."""
    ensure_gui_application()
    image = QImage(width, height, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.white)
    dots_per_metre = round(dpi / 0.0254)
    image.setDotsPerMeterX(dots_per_metre)
    image.setDotsPerMeterY(dots_per_metre)
    with QPainter(image) as painter:
        layout, _placed = paint_poster(
            painter, _poster_rect(width, height), _printout(plan, occurrences, today)
        )
    return image, layout


def export_png(
    plan: Plan,
    path: str | os.PathLike[str],
    width: int = 1600,
    height: int = 1600,
    *,
    dpi: int = 96,
    occurrences: Sequence[AnyOccurrence] | None = None,
    today: dt.date | None = None,
) -> WheelLayout:
    """The poster (title, wheel, legend) as a PNG of ``width`` × ``height`` pixels;
    returns the wheel's layout (what it shows, and what found no room)."""
    image, layout = poster_image(plan, width, height, dpi=dpi, occurrences=occurrences, today=today)

    def write(buffer: QBuffer) -> None:
        # PySide6's stub says bytes, but the binding takes the format as a str
        if not image.save(buffer, "PNG"):  # pyright: ignore[reportCallIssue, reportArgumentType]
            raise OSError(_("the PNG image could not be encoded"))

    write_atomically(path, _bytes(write))
    return layout


def export_svg(
    plan: Plan,
    path: str | os.PathLike[str],
    width: int = 1600,
    height: int = 1600,
    *,
    dpi: int = 96,
    occurrences: Sequence[AnyOccurrence] | None = None,
    today: dt.date | None = None,
) -> WheelLayout:
    """The poster as SVG 1.1 (text stays text); returns the wheel's layout."""
    ensure_gui_application()
    printout = _printout(plan, occurrences, today)
    painted: list[WheelLayout] = []

    def write(buffer: QBuffer) -> None:
        generator = QSvgGenerator(QSvgGenerator.SvgVersion.Svg11)
        generator.setOutputDevice(buffer)
        generator.setSize(QSize(width, height))
        generator.setViewBox(QRectF(0, 0, width, height))
        generator.setResolution(dpi)
        generator.setTitle(plan.title)
        tr = translator(plan.locale)  # the poster speaks the plan's language
        made = tr("Made {date} with Årshjul").format(date=printout.made.isoformat())
        generator.setDescription(made)
        with QPainter(generator) as painter:
            painter.fillRect(QRectF(0, 0, width, height), Qt.GlobalColor.white)
            painted.append(paint_poster(painter, _poster_rect(width, height), printout)[0])

    svg = _bytes(write).replace(b'font-family="Open Sans"', FONT_CHAIN)
    write_atomically(path, svg)
    return painted[0]


#: where the viewer lacks the shipped font, a sans-serif of about its width
FONT_CHAIN = b'font-family="Open Sans, DejaVu Sans, Liberation Sans, Arial, Helvetica, sans-serif"'


def pdf_writer(device: QIODevice, plan: Plan, paper: str, landscape: bool) -> QPdfWriter:
    writer = QPdfWriter(device)
    writer.setPageLayout(page_layout(paper, landscape))
    writer.setResolution(PDF_DPI)
    writer.setTitle(plan.title)
    writer.setCreator(f"Årshjul {__version__}")
    return writer


def poster_layout(
    plan: Plan,
    *,
    paper: str = "A4",
    landscape: bool = False,
    occurrences: Sequence[AnyOccurrence] | None = None,
    today: dt.date | None = None,
) -> tuple[WheelLayout, tuple[float, float], float]:
    """The wheel as the PDF's poster page lays it out: the layout (in points), where
    its centre lies on the page (points from the page's top-left corner) and the
    points per layout unit. Paints the page into memory to get exactly that."""
    ensure_gui_application()
    printout = _printout(plan, occurrences, today)
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = pdf_writer(buffer, plan, paper, landscape)
    with QPainter(writer) as painter:
        layout, placed = paint_poster(
            painter, QRectF(0, 0, writer.width(), writer.height()), printout
        )
    per_point = writer.logicalDpiX() / 72.0
    margins = writer.pageLayout().margins(QPageLayout.Unit.Point)
    centre = placed.map(QPointF(0, 0))
    x = margins.left() + centre.x() / per_point
    y = margins.top() + centre.y() / per_point
    del writer
    buffer.close()
    return layout, (x, y), placed.m11() / per_point


def export_pdf(
    plan: Plan,
    path: str | os.PathLike[str],
    *,
    paper: str = "A4",
    landscape: bool = False,
    occurrences: Sequence[AnyOccurrence] | None = None,
    today: dt.date | None = None,
) -> int:
    """The poster and the handout as a vector PDF; returns the number of pages."""
    ensure_gui_application()
    printout = _printout(plan, occurrences, today)
    pages = 0

    def write(buffer: QBuffer) -> None:
        nonlocal pages
        writer = pdf_writer(buffer, plan, paper, landscape)
        pages = print_pages(writer, printout)
        del writer  # finishes the file before the buffer closes

    write_atomically(path, _bytes(write))
    return pages
