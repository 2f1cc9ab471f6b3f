"""The printed wheel: a poster page and the onboarding handout, on any paged device.

Page 1 is the poster: the plan's title and organisation, the wheel, the legend
and the date it was made. The following pages list the year month by month,
each activity with its dates, ring, owner and description, and the activities
without a date at the end. The same code writes PDF files (``QPdfWriter``) and
feeds the printer and its preview (``QPrinter``); the poster alone also makes
the SVG and PNG exports.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

from PySide6.QtCore import QDate, QLocale, QMarginsF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFontMetricsF,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QTextDocument,
    QTransform,
)

from aarshjul import wording
from aarshjul.bands import elide
from aarshjul.geometry import PAPER_MIN_TEXT, SCREEN_MIN_TEXT, WheelLayout
from aarshjul.i18n import translator
from aarshjul.model import recurrence
from aarshjul.model.plan import AnyOccurrence, Kind, Occurrence, Plan
from aarshjul.render import fonts
from aarshjul.render.dates import date_words
from aarshjul.render.painter import (
    fit_transform,
    measure,
    month_names,
    paint_wheel,
    wheel_layout,
)

INK = QColor("#1d1d1f")
MUTED = QColor("#6e6e73")
PAPERS = {"A4": QPageSize.PageSizeId.A4, "A3": QPageSize.PageSizeId.A3}


@dataclass(frozen=True)
class Printout:
    """What to print: the plan, the occurrences to show, the day it is made."""

    plan: Plan
    occurrences: Sequence[AnyOccurrence]
    made: dt.date
    today: dt.date | None = None
    rings: tuple[str, ...] | None = None  # the rings shown (None: all of the plan's)


def page_layout(paper: str = "A4", landscape: bool = False) -> QPageLayout:
    orientation = (
        QPageLayout.Orientation.Landscape if landscape else QPageLayout.Orientation.Portrait
    )
    return QPageLayout(
        QPageSize(PAPERS[paper]),
        orientation,
        QMarginsF(12, 12, 12, 12),
        QPageLayout.Unit.Millimeter,
    )


def _text(
    painter: QPainter,
    rect: QRectF,
    text: str,
    px: float,
    *,
    bold: bool = False,
    color: QColor = INK,
    flags: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft,
    smallest: float | None = None,
) -> None:
    """``text`` on one line in ``rect``: where it is wider, set smaller (down to
    ``smallest``, else not at all) and then cut with an ellipsis, never past the
    rect's edge."""
    text, px = fitted(text, rect.width(), px, px if smallest is None else smallest, bold)
    painter.setFont(fonts.plain_font(px, bold))
    painter.setPen(color)
    painter.drawText(
        rect, int(flags | Qt.AlignmentFlag.AlignVCenter) | int(Qt.TextFlag.TextSingleLine), text
    )


def fitted(
    text: str, width: float, px: float, smallest: float, bold: bool = False
) -> tuple[str, float]:
    """``text`` and the size to set it in to fit ``width``: ``px`` where it fits, else
    smaller down to ``smallest``, and cut with an ellipsis where even that is wide."""
    wide = measure()(text, px, bold)
    if wide <= width:
        return text, px
    size = max(smallest, px * width / wide * 0.995)  # (widths round a little)
    return elide(text, width, size, measure(), bold), size


def paint_poster(
    painter: QPainter, rect: QRectF, printout: Printout
) -> tuple[WheelLayout, QTransform]:
    """The wheel with its title, organisation, legend and the day it was made, in ``rect``.

    In the plan's language, as everything printed. On paper no text is under
    6 pt, elsewhere (PNG, SVG) under 9 px. Returns the wheel's layout and the
    transform that placed it on the device.
    """
    return _paint_poster(painter, rect, printout)


def device_points(painter: QPainter) -> float | None:
    """Device units per point where the painter draws on paper (PDF, printer), else None."""
    device = painter.device()
    if isinstance(device, QPagedPaintDevice):
        return device.logicalDpiX() / 72.0
    return None


def _paint_poster(
    painter: QPainter, rect: QRectF, printout: Printout
) -> tuple[WheelLayout, QTransform]:
    tr = translator(printout.plan.locale)  # printed in the plan's language
    plan = printout.plan
    unit = min(rect.width(), rect.height()) / 1000
    per_point = device_points(painter)
    least = PAPER_MIN_TEXT * per_point if per_point else SCREEN_MIN_TEXT
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    title_px = 34 * unit
    header = QRectF(rect.left(), rect.top(), rect.width(), title_px * 1.4)
    # a long title is set smaller to fit the width, as small as the line under it
    _text(painter, header, plan.title, title_px, bold=True, smallest=max(18 * unit, least))
    sub = QRectF(rect.left(), header.bottom(), rect.width(), title_px * 0.95)
    subtitle = " · ".join(
        p
        for p in (
            plan.organisation,
            tr("{first} to {last}").format(
                first=date_words(plan.start, plan.locale),
                last=date_words(plan.last_day, plan.locale),
            ),
        )
        if p
    )
    _text(painter, sub, subtitle, 18 * unit, color=MUTED, smallest=max(12 * unit, least))
    footer_h = 16 * unit * 1.8
    footer = QRectF(rect.left(), rect.bottom() - footer_h, rect.width(), footer_h)
    _text(
        painter,
        footer,
        tr("Made {date} with Årshjul").format(date=date_words(printout.made, plan.locale)),
        14 * unit,
        color=MUTED,
    )
    body = QRectF(
        rect.left(), sub.bottom() + 10 * unit, rect.width(), footer.top() - sub.bottom() - 20 * unit
    )
    legend_px = LEGEND_PX * unit
    row = legend_px * LEGEND_ROW
    columns, legend, wheel_rect = legend_and_wheel(_legend_groups(printout), body, unit)
    scale = per_point or 1.0
    layout = wheel_layout(
        plan,
        wheel_rect.width() / scale,
        wheel_rect.height() / scale,
        printout.occurrences,
        today=printout.today,
        paper=per_point is not None,
        rings=printout.rings,
    )
    paint_wheel(painter, layout, wheel_rect)
    _paint_legend(painter, legend, columns, legend_px, row, unit)  # (cut to its columns)
    placed = fit_transform(layout, wheel_rect) * painter.worldTransform()
    painter.restore()
    return layout, placed


LegendRow = tuple[str, str | None, bool]  # text, swatch colour, bold
LEGEND_PX = 15  # the legend's text, in thousandths of the page's shorter side
LEGEND_ROW = 1.7  # a line of the legend, in its text's sizes
LEGEND_SHARE = 0.4  # of the page's width (beside the wheel) or height (under it), at most


def legend_and_wheel(
    groups: list[tuple[str, list[tuple[str, str | None]]]], body: QRectF, unit: float
) -> tuple[list[list[LegendRow]], QRectF, QRectF]:
    """The legend's columns, its rect and the wheel's: on a wide page the legend stands
    to the right of the wheel, a column as wide as its widest line up to a fifth of
    the page and more columns where one is too long; else under the wheel, the
    categories in as many columns as their lines allow. A name too long for its
    column is cut with an ellipsis when painted."""
    legend_px = LEGEND_PX * unit
    row = legend_px * LEGEND_ROW
    if body.width() > body.height() * 1.15:
        texts = [t for _h, entries in groups for t, _c in entries] + [h for h, _e in groups]
        column_w = min(
            max(measure()(t, legend_px, True) for t in texts) + 40 * unit, body.width() / 5
        )
        single: list[LegendRow] = []
        for heading, entries in groups:
            single += [
                (heading, None, True),
                *((t, c, False) for t, c in entries),
                ("", None, False),
            ]
        while single and not single[-1][0]:
            single.pop()
        per_column = max(1, int(body.height() // row))
        columns = [single[k : k + per_column] for k in range(0, len(single), per_column)]
        legend_w = min(column_w * len(columns), body.width() * LEGEND_SHARE)
        legend = QRectF(body.right() - legend_w, body.top(), legend_w, body.height())
        wheel = QRectF(body.left(), body.top(), body.width() - legend_w - 10 * unit, body.height())
        return columns, legend, wheel
    most = max(2, min(4, int(body.width() // (250 * unit))))
    columns = _columns(groups[0], 1) + _columns(groups[1], 1)
    for count in range(most, 2, -1):  # as many columns as their widest lines allow
        wider = _columns(groups[0], count - 1) + _columns(groups[1], 1)
        if _columns_fit(wider, body.width(), legend_px, unit):
            columns = wider
            break
    rows = max(2, int(body.height() * LEGEND_SHARE // row))  # a column's lines, at most
    if max(len(c) for c in columns) > rows:  # too tall: more columns, names cut to them
        columns = [
            column
            for group in groups
            for column in _columns(group, max(1, -(-len(group[1]) // (rows - 1))))
        ]
    legend_h = max(len(c) for c in columns) * row + 6 * unit
    legend = QRectF(body.left(), body.bottom() - legend_h, body.width(), legend_h)
    return columns, legend, QRectF(body.left(), body.top(), body.width(), body.height() - legend_h)


def _legend_groups(printout: Printout) -> list[tuple[str, list[tuple[str, str | None]]]]:
    """The categories with their colours, and the rings outside in, that the printout uses."""
    tr = translator(printout.plan.locale)
    plan = printout.plan
    used_categories = {o.activity.category for o in printout.occurrences}
    shown_rings = set(printout.rings) if printout.rings is not None else None
    categories: list[tuple[str, str | None]] = [
        (c.name, c.color) for c in plan.categories if c.id in used_categories
    ]
    rings: list[tuple[str, str | None]] = [
        (f"{i}. {r.name}", None)
        for i, r in enumerate(
            (r for r in plan.rings if shown_rings is None or r.id in shown_rings), start=1
        )
    ]
    return [(tr("Categories"), categories), (tr("Rings, outside in"), rings)]


def _columns(group: tuple[str, list[tuple[str, str | None]]], count: int) -> list[list[LegendRow]]:
    """A legend group split over ``count`` columns, its heading over the first."""
    heading, entries = group
    per_column = max(1, -(-len(entries) // count))
    columns: list[list[LegendRow]] = []
    for k in range(count):
        chunk = [(t, c, False) for t, c in entries[k * per_column : (k + 1) * per_column]]
        columns.append([(heading if k == 0 else "", None, True), *chunk])
    return columns


FALLBACK_ROOM = 1.3  # a viewer without Open Sans (an SVG elsewhere) sets wider text


def _columns_fit(columns: list[list[LegendRow]], width: float, px: float, unit: float) -> bool:
    """Whether every line of the legend fits its column, even in a wider fallback font."""
    room = width / len(columns) - 12 * unit
    indent = px * 0.9 + 8 * unit
    return all(
        measure()(text, px, bold) * FALLBACK_ROOM + (indent if color else 0.0) <= room
        for rows in columns
        for text, color, bold in rows
    )


def _paint_legend(
    painter: QPainter,
    rect: QRectF,
    columns: list[list[LegendRow]],
    px: float,
    row: float,
    unit: float,
) -> None:
    width = rect.width() / len(columns)
    for column, rows in enumerate(columns):
        for line, (text, color, bold) in enumerate(rows):
            x = rect.left() + column * width
            y = rect.top() + line * row
            indent = 0.0
            if color:
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(QColor(color))
                size = px * 0.9
                painter.drawRoundedRect(
                    QRectF(x, y + (row - size) / 2, size, size), 2 * unit, 2 * unit
                )
                indent = size + 8 * unit
            _text(painter, QRectF(x + indent, y, width - indent, row), text, px, bold=bold)


HANDOUT_STYLE = (
    "h1 { font-size: 20pt; margin-bottom: 0 } h2 { font-size: 14pt; margin-top: 12pt;"
    " margin-bottom: 2pt; color: #1d1d1f } .muted { color: #6e6e73 }"
    " .meta { color: #3a3a3c } p { margin-top: 0; margin-bottom: 4pt }"
)


@dataclass(frozen=True)
class Block:
    """A piece of the handout that is never split across pages."""

    html: str
    keep_with_next: bool = False  # a heading stays with what follows it


def handout_blocks(printout: Printout) -> list[Block]:
    """The year month by month, then the activities without a date."""
    tr = translator(printout.plan.locale)
    plan = printout.plan
    names = month_names(plan.locale)
    # a recurring activity is told once, at its first date, with its rule and dates
    # (three hundred meetings make a paragraph, not ten thousand pages); so are the
    # agenda markers of a recurring meeting: its entry says when its agendas go out
    series_dates: dict[str, list[dt.date]] = {}
    for o in printout.occurrences:
        if o.start is not None and o.activity.rrule and o.derived_from is None:
            series_dates.setdefault(o.activity.id, []).append(o.start)
    recurring_meetings = {
        o.activity.id for o in printout.occurrences if o.activity.rrule and o.activity.meeting
    }
    scheduled = [
        (o, o.start, o.end)
        for o in printout.occurrences
        if o.start is not None
        and o.end is not None
        and not (o.activity.rrule and o.start != series_dates[o.activity.id][0])
        and o.derived_from not in recurring_meetings
    ]
    undated = [o for o in printout.occurrences if o.start is None]
    blocks = [
        Block(
            f"<h1>{escape(plan.title)}</h1>"
            f"<p class='muted'>{escape(tr('The year month by month'))}</p>",
            True,
        ),
    ]
    described: set[str] = set()
    month = plan.start.replace(day=1)
    while month < plan.end:
        following = (month.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
        # a phase begun before the wheel's first month is told there, with its real dates
        starting = [
            o for o, start, _end in scheduled if month <= max(start, plan.start) < following
        ]
        ongoing = [
            o for o, start, end in scheduled if max(start, plan.start) < month and end >= month
        ]
        name = names[month.month - 1]
        blocks.append(Block(f"<h2>{escape(name[:1].upper() + name[1:])} {month.year}</h2>", True))
        if not starting and not ongoing:
            blocks.append(Block(f"<p class='muted'>{escape(tr('Nothing begins this month.'))}</p>"))
        for occ in starting:
            dates = series_dates.get(occ.activity.id)
            blocks.append(Block(_entry_html(plan, occ, occ.activity.id not in described, dates)))
            described.add(occ.activity.id)
        if ongoing:
            titles = ", ".join(escape(wording.title(o, tr)) for o in ongoing)
            blocks.append(Block(f"<p class='muted'>{escape(tr('Still under way:'))} {titles}</p>"))
        month = following
    blocks.append(Block(f"<h2>{escape(tr('Without a date yet'))}</h2>", True))
    if not undated:
        blocks.append(Block(f"<p class='muted'>{escape(tr('Every activity has a date.'))}</p>"))
    for occ in undated:
        blocks.append(Block(_entry_html(plan, occ, True)))
    return blocks


MAX_LISTED_DATES = 24  # a series' dates are listed up to this many, else summed up


def _series_html(plan: Plan, occ: Occurrence, dates: list[dt.date], tr) -> str:
    """A recurring activity's rule in words and its dates, once."""
    rule = recurrence.describe(
        occ.activity.rrule, month_names(plan.locale), _weekday_names(plan.locale), tr
    )
    if len(dates) <= MAX_LISTED_DATES:
        listed = ", ".join(_short_date(d, plan.locale) for d in dates)
    else:
        listed = tr("{count} dates from {first} to {last}").format(
            count=len(dates),
            first=date_words(dates[0], plan.locale),
            last=date_words(dates[-1], plan.locale),
        )
    html = f"<p class='meta'>{escape(rule)}: {escape(listed)}</p>"
    if occ.activity.meeting and plan.agenda_days > 0:
        html += "<p class='meta'>{}</p>".format(
            escape(
                tr("The agenda goes out {days} working days before each meeting.").format(
                    days=plan.agenda_days
                )
            )
        )
    return html


def _short_date(day: dt.date, locale: str) -> str:
    pattern = "d. MMM" if QLocale(locale).language() == QLocale.Language.Danish else "d MMM"
    return QLocale(locale).toString(QDate(day.year, day.month, day.day), pattern)


def _weekday_names(locale: str) -> list[str]:
    qlocale = QLocale(locale)
    return [qlocale.dayName(d, QLocale.FormatType.LongFormat) for d in range(1, 8)]


def _entry_html(
    plan: Plan, occ: AnyOccurrence, describe: bool, series_dates: list[dt.date] | None = None
) -> str:
    tr = translator(plan.locale)
    activity = occ.activity
    ring = plan.ring(activity.ring)
    category = plan.category(activity.category)
    if occ.start is None or occ.end is None:
        dates = tr("No date yet")
    elif activity.kind is Kind.DEADLINE:
        dates = date_words(occ.start, plan.locale)
    else:
        dates = f"{date_words(occ.start, plan.locale)} – {date_words(occ.end, plan.locale)}"
    meta = [dates, tr("ring: {ring}").format(ring=ring.name if ring else activity.ring)]
    if category:
        meta.append(category.name)
    if activity.owner:
        meta.append(tr("owner: {owner}").format(owner=activity.owner))
    colour = category.color if category else "#999999"
    html = (
        f"<p><span style='color:{colour}'>■</span> <b>{escape(wording.title(occ, tr))}</b><br>"
        f"<span class='meta'>{escape(' · '.join(meta))}</span></p>"
    )
    if series_dates and isinstance(occ, Occurrence):
        html += _series_html(plan, occ, series_dates, tr)
    text = wording.description(occ, tr, lambda day: date_words(day, plan.locale))
    if text and (describe or occ.derived_from is not None):
        html += f"<p>{escape(text).replace(chr(10), '<br>')}</p>"
    elif text:
        html += f"<p class='muted'>{escape(tr('Described above.'))}</p>"
    return html


def print_pages(device: QPagedPaintDevice, printout: Printout) -> int:
    """Paint the poster and the handout on ``device``; returns the number of pages."""
    with QPainter(device) as painter:
        return paint_pages(painter, device, printout)


def paint_pages(painter: QPainter, device: QPagedPaintDevice, printout: Printout) -> int:
    """The pages on an open painter (the print preview gives one), in the plan's language."""
    return _paint_pages(painter, device, printout)


def _handout_document(device: QPagedPaintDevice, width: float) -> QTextDocument:
    """The one text document every block of the handout is set in, in turn: its style
    sheet is read once, and no block's layout is held after it is measured or painted
    (a plan of 50,000 activities used to hold as many documents)."""
    document = QTextDocument()
    document.documentLayout().setPaintDevice(device)
    document.setDefaultFont(fonts.plain_font(points=10))
    document.setDocumentMargin(0)
    document.setUseDesignMetrics(True)  # the same line breaks at any resolution
    document.setDefaultStyleSheet(HANDOUT_STYLE)
    document.setTextWidth(width)
    return document


def paginate(heights: Sequence[float], keep: Sequence[bool], room: float) -> list[list[int]]:
    """Blocks per page: no block is split, and a heading moves on with the block after it."""
    pages: list[list[int]] = [[]]
    used = 0.0
    for i, height in enumerate(heights):
        needed = height
        if keep[i] and i + 1 < len(heights):
            needed += heights[i + 1]
        if pages[-1] and used + needed > room:
            pages.append([])
            used = 0.0
        pages[-1].append(i)
        used += height
    return pages


READABLE_CHARACTERS = 90  # a line of the handout holds about this many at most


def text_columns(width: float, device: QPagedPaintDevice) -> tuple[int, float]:
    """The handout's columns and their width, so that no line holds more than about
    READABLE_CHARACTERS: one on A4 upright, two on A4 lying or A3, three on A3 lying."""
    metrics = QFontMetricsF(fonts.plain_font(points=10), device)
    sample = "Budgetopfølgning og temadrøftelse i udvalget, "
    readable = READABLE_CHARACTERS * metrics.horizontalAdvance(sample) / len(sample)
    count = max(1, round(width / readable))
    gutter = width * 0.04
    return count, min(readable, (width - gutter * (count - 1)) / count)


def _paint_pages(painter: QPainter, device: QPagedPaintDevice, printout: Printout) -> int:
    tr = translator(printout.plan.locale)
    width, height = device.width(), device.height()
    paint_poster(painter, QRectF(0, 0, width, height), printout)
    footer_h = height * 0.04
    count, column_width = text_columns(width, device)
    gutter = (width - column_width * count) / (count - 1) if count > 1 else 0.0
    blocks = handout_blocks(printout)
    document = _handout_document(device, column_width)
    heights = []  # measured first: the footer says how many pages there are
    for block in blocks:
        document.setHtml(block.html)
        heights.append(document.size().height())
    columns = paginate(heights, [b.keep_with_next for b in blocks], height - footer_h)
    pages = [columns[k : k + count] for k in range(0, len(columns), count)]
    plan = printout.plan
    for number, page in enumerate(pages, start=2):
        device.newPage()
        for column, indexes in enumerate(page):
            x = column * (column_width + gutter)
            y = 0.0
            for index in indexes:
                painter.save()
                painter.translate(x, y)
                document.setHtml(blocks[index].html)
                document.drawContents(painter)
                painter.restore()
                y += heights[index]
        footer = QRectF(0, height - footer_h * 0.8, width, footer_h * 0.8)
        label = tr("Page {page} of {pages}").format(page=number, pages=len(pages) + 1)
        _text(
            painter,
            footer,
            f"{plan.title} · {label}",
            footer_h * 0.3,
            color=MUTED,
            flags=Qt.AlignmentFlag.AlignRight,
        )
    return len(pages) + 1
