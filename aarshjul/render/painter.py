"""The one drawing routine: paints a WheelLayout on any QPainter.

It assumes no screen: the widget, PNG, PDF, SVG and the printer all call
:func:`paint_wheel` with a painter and the rectangle to fill.
"""

from __future__ import annotations

import bisect
import datetime as dt
import itertools
import math
import unicodedata
from collections.abc import Callable, Collection, Sequence
from functools import cache, lru_cache
from typing import Any

from PySide6.QtCore import QLineF, QLocale, QPoint, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QImage,
    QPainter,
    QPainterPath,
    QPen,
    QPixmap,
    QPolygon,
    QPolygonF,
    QRegion,
    QTransform,
)

from aarshjul import geometry, wording
from aarshjul.geometry import (
    PAPER_MIN_TEXT,
    SCREEN_MIN_TEXT,
    ArcText,
    Item,
    PlainText,
    StraightText,
    WheelLayout,
    polar,
)
from aarshjul.i18n import translator
from aarshjul.labels import KEY, OUTSIDE, Label
from aarshjul.model.plan import AnyOccurrence, Plan
from aarshjul.render.fonts import BASE_PX, TextMeasure, base_font

PAPER = QColor("#ffffff")
MONTH_SHADE = QColor(0, 0, 0, 10)
BAND_FILL = QColor("#f2f2f5")
BAND_FILL_DARK = QColor("#e8e8ed")
RULE = QColor(0, 0, 0, 40)
RING_RULE = QColor(0, 0, 0, 22)
RING_FILL = QColor(0, 0, 0, 6)
TODAY = QColor("#d70015")
TODAY_HAND = TODAY
CONTINUES = QColor(255, 255, 255, 215)  # the arrow on a phase that goes on past the edge
PATHS_KEPT = 65_536  # ring segments and diamonds remembered for the next paint
LEADER = QColor("#ababb0")  # opaque: lines with alpha cost four times as much
SEGMENT_EDGE = QColor("#ffffff")
DIMMED_OPACITY = 0.2
THIN_SEGMENT_PX = 6.0

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


def today_words(day: dt.date, locale: str) -> str:
    """The today hand's label in the plan's language: "I dag · 29. nov."."""
    qlocale = QLocale(locale)
    danish = qlocale.language() == QLocale.Language.Danish
    month = qlocale.monthName(day.month, QLocale.FormatType.ShortFormat)
    if danish:  # "nov." is cut short and has its dot; "maj" is whole
        return f"I dag · {day.day}. {month}"
    return f"{translator(locale)('Today')} · {day.day} {month}"


def wheel_layout(
    plan: Plan,
    width: float,
    height: float | None = None,
    occurrences: Sequence[AnyOccurrence] | None = None,
    today: dt.date | None = None,
    *,
    paper: bool = False,
    **options: Any,
) -> WheelLayout:
    """Lay the plan out with the real font, the plan's month names and our words.

    ``width`` × ``height`` is the frame in device units: pixels, or points on
    ``paper`` (where no text is under 6 pt; on screen none is under 9 px).
    ``options`` go to :func:`aarshjul.geometry.layout` (span, heading, dimmed, rings).
    """
    tr = translator(plan.locale)  # the wheel speaks the plan's language
    return geometry.layout(
        plan,
        width,
        height,
        occurrences,
        month_names=month_names(plan.locale),
        week_label=tr("Week {week}"),
        measure=measure(),
        today=today,
        today_label=today_words(today, plan.locale) if today is not None else "",
        undated_label=tr("Without a date"),
        title_of=lambda occ: wording.title(occ, tr),
        title_key=("wording.title", plan.locale),  # the same words for the same language
        min_text=PAPER_MIN_TEXT if paper else SCREEN_MIN_TEXT,
        unit="pt" if paper else "px",
        **options,
    )


def fit_transform(layout: WheelLayout, target: QRectF) -> QTransform:
    """Maps layout coordinates (the wheel's centre at the origin) into ``target``: the
    layout's frame, scaled to fit and centred, the circle kept round."""
    x0, y0, x1, y1 = layout.frame
    if x1 <= x0 or y1 <= y0:  # no frame: the wheel alone
        x0, y0, x1, y1 = (-layout.diameter / 2, -layout.diameter / 2) * 2
        x1, y1 = -x0, -y0
    factor = min(target.width() / (x1 - x0), target.height() / (y1 - y0))
    transform = QTransform()
    transform.translate(target.center().x(), target.center().y())
    transform.scale(factor, factor)
    transform.translate(-(x0 + x1) / 2, -(y0 + y1) / 2)
    return transform


def paint_wheel(
    painter: QPainter,
    layout: WheelLayout,
    target: QRectF,
    skip: Collection[str] = (),
    *,
    layered: bool = False,
) -> None:
    """Paint the whole wheel into ``target`` (the largest centred circle that fits).

    Activities whose ids are in ``skip`` are left out (a dragged activity is
    painted on top of the rest, which stays cached). ``layered`` (the window):
    each ring from an image kept for the next paint, so that a paint after an edit
    paints only the rings that changed; exports paint item by item.
    """
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    painter.setWorldTransform(fit_transform(layout, target), combine=True)
    if not _blit_cached_background(painter, layout):
        _paint_background(painter, layout)
        _paint_rings(painter, layout)
        _paint_band_labels(painter, layout)
    if layout.today is not None:  # under the activities: their names stay readable
        _paint_today_hand(painter, layout)
    _paint_leaders(painter, layout, skip)
    listed = False  # whether the numbered list is drawn (with the names off the items)
    if layered and _paint_ring_layers(painter, layout, skip):
        listed = _paint_texts_off_items(painter, layout, skip)
    else:
        _paint_items(painter, layout.items, skip)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    if layout.today is not None:
        _paint_today_label(painter, layout)
    for text in layout.centre:
        draw_plain_text(painter, text)
    if not listed:
        _paint_key_texts(painter, layout)
    if layout.undated_heading is not None:
        draw_straight_text(painter, layout.undated_heading)
    for item in layout.undated:
        if skip and item.occurrence.activity.id in skip:
            continue
        painter.setOpacity(DIMMED_OPACITY if item.dimmed else 1.0)
        paint_item(painter, item, leader=False)
    painter.setOpacity(1.0)
    painter.restore()


def _paint_items(
    painter: QPainter,
    items: Sequence[Item],
    skip: Collection[str],
    *,
    names: bool = True,
    faded: bool = True,
) -> None:
    """Items in order, the faded ones faded (unless ``faded`` is False); with
    ``names`` False, names off their items (beside the wheel, numbers) are left
    for the caller to paint over everything."""
    transform = painter.worldTransform()
    device_scale = math.hypot(transform.m11(), transform.m12())
    smooth = True
    brush = None  # the colour of the plain segment painted last (None: not known)
    for item in items:
        if skip and item.occurrence.activity.id in skip:
            continue
        # hairline segments of a crowded wheel: antialiasing costs twice the time
        # and shows nothing at that size
        thin = (item.outer - item.inner) * device_scale < THIN_SEGMENT_PX
        if thin == smooth:
            smooth = not thin
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, smooth)
        name = names or not _off_item(item)
        if (
            not item.is_marker
            and item.box is None
            and item.continues == _GOES_ON_NOT
            and not (item.dimmed and faded)
            and (item.label is None or not name)
        ):
            # a plain segment (most of a crowded wheel): what paint_item does for it,
            # without setting the pen and brush again where they are set already
            if brush != item.color:
                if brush is None:
                    painter.setPen(Qt.PenStyle.NoPen)
                brush = item.color
                painter.setBrush(_color(brush))
            painter.drawPath(segment_path(item))
            continue
        brush = None
        if item.dimmed and faded:
            painter.setOpacity(DIMMED_OPACITY)
            paint_item(painter, item, leader=False, name=name)
            painter.setOpacity(1.0)
        else:
            paint_item(painter, item, leader=False, name=name)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)


_GOES_ON_NOT = (False, False)


def _off_item(item: Item) -> bool:
    return item.label is not None and item.label.placement in (OUTSIDE, KEY)


# ring layers, newest last, each with the token it was painted from (held, so that the
# token's id in the key stays its own), and where its ring is on that image
# (the ring's items, its image, where it stands, how many lanes it has)
_LAYERS: dict[tuple, tuple[geometry.RingLayout, QImage, tuple, int]] = {}
LAYERS_KEPT = 24
PATCHED_AT_MOST = 0.5  # of the circle (or of its items): past this a ring's image is
# painted anew


def _looks(item: Item) -> tuple:
    """What an item looks like in its ring's image (names off their items are not in it)."""
    label = None if _off_item(item) else item.label
    return (
        item.angle0,
        item.angle1,
        item.inner,
        item.outer,
        item.color,
        item.marker_size,
        item.is_marker,
        item.flag,
        item.continues,
        label,
    )


def _reach(item: Item, margin: float) -> tuple[float, float]:
    """The angles an item's paint can touch, ``margin`` (layout units) either side."""
    first, last = item.extent
    radius = max(item.inner, 1.0)
    spill = margin
    if item.is_marker:
        spill += item.marker_size * 1.2
    widen = math.degrees(spill / radius)
    return first - widen, last + widen


def _dirty(
    before: geometry.RingLayout, after: geometry.RingLayout, margin: float
) -> list[tuple[float, float]] | None:
    """The angles (merged ranges) where a ring's image differs between two sets of
    its items: wherever an item is that is not in both, as it looks. (The items a
    ring keeps have only the names on them, as its image.) None where most of the
    items are not in both (a ring whose lanes were dealt out anew): not worth the
    looking."""
    # items a ring shares with the ring before it are as they were; of the others,
    # those that look alike make pairs
    theirs, mine = set(map(id, before.items)), set(map(id, after.items))
    if len(mine - theirs) > len(mine) * PATCHED_AT_MOST:
        return None
    old: dict[tuple, list[Item]] = {}
    for item in before.items:
        if id(item) not in mine:
            old.setdefault(_looks(item), []).append(item)
    changed: list[Item] = []
    for item in after.items:
        if id(item) not in theirs:
            same = old.get(_looks(item))
            if same:
                same.pop()
            else:
                changed.append(item)
    changed.extend(item for rest in old.values() for item in rest)
    return _merged(sorted(_reach(item, margin) for item in changed))


def _merged(spans: Sequence[tuple[float, float]]) -> list[tuple[float, float]]:
    """Ranges sorted by their beginning, those that meet made one."""
    merged: list[tuple[float, float]] = []
    for first, last in spans:
        if merged and first <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], last))
        else:
            merged.append((first, last))
    return merged


def _reaches_of(
    ring: geometry.RingLayout, margin: float, earlier: geometry.RingLayout | None = None
) -> tuple[list[float], list[float]]:
    """Where each of a ring's items' paint begins and ends (:func:`_reach`), worked out
    once for the ring and margin; those of the items it shares with ``earlier`` (the
    ring before an edit) are taken from it, where worked out there."""
    key = ("reach", margin)
    known = ring.painted.get(key)
    if known is None:
        were = earlier.painted.get(key) if earlier is not None else None
        if were is not None:
            assert earlier is not None
            lows, highs = were  # type: ignore[misc]
            at = dict(zip(map(id, earlier.items), range(len(lows)), strict=True)).get
            places = list(map(at, map(id, ring.items)))
            reaches = [
                _reach(item, margin) if k is None else (lows[k], highs[k])
                for item, k in zip(ring.items, places, strict=True)
            ]
        else:
            reaches = [_reach(item, margin) for item in ring.items]
        known = ring.painted[key] = ([r[0] for r in reaches], [r[1] for r in reaches])
    return known  # type: ignore[return-value]


def _sector_region(
    spans: Sequence[tuple[float, float]], inner: float, outer: float, scale: float, centre: float
) -> QRegion:
    """The device pixels of the annular sectors ``spans`` between ``inner`` and
    ``outer`` (layout units), on an image of the ring centred at ``centre``: a polygon
    round each that holds the whole of it (its arcs drawn outside the circle)."""
    region = QRegion()
    for first, last in spans:
        steps = max(2, math.ceil((last - first) / 3.0))
        step = (last - first) / steps
        out = outer / math.cos(math.radians(step / 2))  # chords outside the outer arc
        angles = [first + k * step for k in range(steps + 1)]
        points = [polar(out, a) for a in angles] + [polar(inner, a) for a in reversed(angles)]
        polygon = QPolygon(
            [QPoint(round(centre + x * scale), round(centre + y * scale)) for x, y in points]
        )
        region = region.united(QRegion(polygon))
    return region


def _patched(
    image: QImage,
    before: geometry.RingLayout,
    ring: geometry.RingLayout,
    skip: Collection[str],
    band: tuple[float, float],
    device_scale: float,
) -> QImage | None:
    """The image of a ring painted from the items of ``before`` made that of the items
    of ``ring``: the sectors where they differ cleared and painted again, every item
    that reaches into them painted in its order (the markers over the rest); None
    where most of the ring changed."""
    margin = 3.0 / device_scale  # antialiasing and rounding: three device pixels
    spans = _dirty(before, ring, margin)
    if spans is None or sum(last - first for first, last in spans) > 360.0 * PATCHED_AT_MOST:
        return None
    patched = image.copy()
    if not spans:
        return patched
    side = image.width()
    inner, outer = band
    region = _sector_region(spans, max(inner - margin, 0.0), outer + margin, device_scale, side / 2)
    # an item just before 12 o'clock reaches a sector just after it: the circle closes
    around = _merged(
        sorted(
            (first + turn, last + turn) for turn in (-360.0, 0.0, 360.0) for first, last in spans
        )
    )
    firsts, lasts = [a[0] for a in around], [a[1] for a in around]  # (both ascending)
    lows, highs = _reaches_of(ring, margin, before)
    reached = [
        item
        for item, low, high in zip(ring.items, lows, highs, strict=True)
        # the first sector that ends at or after the item's low end begins before its high
        if (k := bisect.bisect_left(lasts, low)) < len(lasts) and firsts[k] <= high
    ]
    touching = [i for i in reached if not i.is_marker] + [i for i in reached if i.is_marker]
    with QPainter(patched) as layer:
        layer.setClipRegion(region)
        layer.setCompositionMode(QPainter.CompositionMode.CompositionMode_Clear)
        layer.fillRect(patched.rect(), Qt.GlobalColor.transparent)
        layer.setCompositionMode(QPainter.CompositionMode.CompositionMode_SourceOver)
        _prepare_layer(layer, side, device_scale)
        _paint_items(layer, touching, skip, names=False, faded=False)
    return patched


def _paint_order(ring: geometry.RingLayout) -> list[int]:
    """A ring's items (by position) in the order they are painted: the markers over
    the rest, each part in the ring's order (as in a layout's items)."""
    order = ring.painted.get("order")
    if order is None:
        markers = [item.is_marker for item in ring.items]
        order = ring.painted["order"] = [k for k, m in enumerate(markers) if not m] + [
            k for k, m in enumerate(markers) if m
        ]
    return order  # type: ignore[return-value]


def _prepare_layer(layer: QPainter, side: int, device_scale: float) -> None:
    layer.setRenderHint(QPainter.RenderHint.Antialiasing)
    layer.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    layer.translate(side / 2, side / 2)
    layer.scale(device_scale, device_scale)


def paint_ring_images(
    painter: QPainter, layout: WheelLayout, target: QRectF, rings: Collection[int]
) -> bool:
    """Make (and keep) the images of ``rings`` (indices) that ``paint_wheel(painter,
    layout, target, layered=True)`` would draw them from, and draw nothing: a crowded
    wheel's rings made a few at a time, so that the paint that follows finds them.
    False where the device or the transform does not allow ring images."""
    painter.save()
    painter.setWorldTransform(fit_transform(layout, target), combine=True)
    made = _paint_ring_layers(painter, layout, (), only=rings)
    painter.restore()
    return made


def _paint_ring_layers(
    painter: QPainter,
    layout: WheelLayout,
    skip: Collection[str],
    only: Collection[int] | None = None,
) -> bool:
    """On a raster device, each ring's items (with the names on them) from an image
    of that ring, made again only where the ring changed: after an edit of one
    activity, one ring is painted, not the whole wheel. Names off their items are
    painted over the rings. False (nothing painted) where the device or the
    transform does not allow it; the caller paints item by item then. With ``only``
    the images of those rings are made, and nothing is drawn."""
    # each image as large as its ring (and a pixel or two), not the wheel
    squares = [_device_square(painter, 2 * band.outer + 4) for band in layout.rings]
    if not squares or any(square is None for square in squares):
        return False
    transform = painter.worldTransform()
    painter.save()
    painter.resetTransform()
    for index, items in enumerate(layout.ring_items):
        if only is not None and index not in only:
            continue
        token = layout.ring_tokens[index]
        order = _paint_order(token)
        where = squares[index]
        assert where is not None
        device_scale, side, left, top, ratio = where
        skipped = tuple(sorted(token.places().keys() & set(skip))) if skip else ()
        # the image holds the ring as unsearched; a search fades it and paints what
        # matches over it, so a keystroke paints the few matches, not the rings
        key = (id(token), device_scale, side, skipped)
        band = layout.rings[index]
        place = (band.ring.id, band.inner, band.outer, device_scale, side, skipped)
        known = _LAYERS.pop(key, None)
        if known is not None:
            image = known[1]
        else:
            image = None
            # the ring as painted before an edit: only where it changed is painted (with
            # a lane more or less every lane moves: all of it is painted)
            earlier = next((v for v in reversed(_LAYERS.values()) if v[2] == place), None)
            if earlier is not None and earlier[3] == band.lanes:
                image = _patched(
                    earlier[1],
                    earlier[0],
                    token,
                    skip,
                    (band.inner, band.outer),
                    device_scale,
                )
            if image is None:
                image = QImage(side, side, QImage.Format.Format_ARGB32_Premultiplied)
                image.fill(Qt.GlobalColor.transparent)
                with QPainter(image) as layer:
                    _prepare_layer(layer, side, device_scale)
                    kept = token.items  # (as the ring's items look in its image)
                    _paint_items(layer, [kept[k] for k in order], skip, names=False, faded=False)
            while len(_LAYERS) >= LAYERS_KEPT:
                del _LAYERS[next(iter(_LAYERS))]
        _LAYERS[key] = (token, image, place, band.lanes)
        if only is not None:
            continue
        faded = sum(map(geometry.IS_DIMMED, items))
        painter.save()
        painter.scale(1 / ratio, 1 / ratio)
        if faded:
            painter.setOpacity(DIMMED_OPACITY)
        painter.drawImage(left, top, image)
        painter.restore()
        if faded and faded < len(items):
            matching = [items[k] for k in order if not items[k].dimmed]
            painter.save()
            painter.setWorldTransform(transform)
            _paint_items(painter, matching, skip, names=False)
            painter.restore()
    painter.restore()
    return True


def _named_off(layout: WheelLayout, skip: Collection[str]) -> list[Item]:
    """The items whose names stand off them (beside the wheel, numbers) and are drawn."""
    return [
        item
        for item in layout.named_off
        if item.label is not None
        and item.label.texts
        and not (skip and item.occurrence.activity.id in skip)
    ]


def _paint_names_off(painter: QPainter, named: Sequence[Item]) -> None:
    for item in named:
        painter.setOpacity(DIMMED_OPACITY if item.dimmed else 1.0)
        paint_label(painter, item, False, leader=False)
    painter.setOpacity(1.0)


# the names off their items and the numbered list the window painted last: what and
# where they were, and their image once painted twice running (None before that)
_TEXTS: list[tuple[tuple, QImage | None]] = []


def _paint_texts_off_items(painter: QPainter, layout: WheelLayout, skip: Collection[str]) -> bool:
    """The names off their items over the rings (names beside the wheel, numbers) and,
    returning True, the numbered list with them: on a raster device, from an image of
    them kept while they stay as they are (an edit mostly moves none of them; painted
    as text they cost a tenth of a paint after an edit). Made when the same texts are
    painted a second time running, so a search, whose every keystroke fades others,
    draws them as text. False: the numbered list is for the caller to draw."""
    named = _named_off(layout, skip)
    device = painter.device()
    if not isinstance(device, QImage | QPixmap) or not (named or layout.key_texts):
        _paint_names_off(painter, named)
        return False  # (on a vector device, or nothing to keep)
    t = painter.worldTransform()
    key = (
        (device.width(), device.height(), device.devicePixelRatioF()),
        (t.m11(), t.m12(), t.m21(), t.m22(), t.dx(), t.dy()),
        [(item.label.texts, item.dimmed) for item in named],  # type: ignore[union-attr]
        layout.key_texts,
        _key_lines_faded(layout),
    )
    known = _TEXTS[0] if _TEXTS else None
    if known is None or known[0] != key:
        _TEXTS[:] = [(key, None)]  # seen once: drawn as text
        _paint_names_off(painter, named)
        return False
    image = known[1]
    if image is None:  # seen twice running: kept as an image

        def texts(layer: QPainter) -> None:
            _paint_names_off(layer, named)
            _paint_key_texts(layer, layout)

        image = _on_a_layer(painter, device, texts)
        _TEXTS[:] = [(key, image)]
    _draw_layer(painter, image, 1.0)
    return True


def _key_lines_faded(layout: WheelLayout) -> list[bool]:
    """Whether each line of the numbered list is faded: a search faded its item."""
    if not layout.faded_ids:
        return [False] * len(layout.key_texts)
    keyed = layout.keyed
    return [owner >= 0 and keyed[owner].dimmed for owner in layout.key_owners]


def _paint_key_texts(painter: QPainter, layout: WheelLayout) -> None:
    """The numbered list; where a search fades activities, their lines fade too."""
    for line, dimmed in zip(layout.key_texts, _key_lines_faded(layout), strict=True):
        if dimmed:
            painter.setOpacity(DIMMED_OPACITY)
        draw_straight_text(painter, line)
        if dimmed:
            painter.setOpacity(1.0)


def _device_square(painter: QPainter, diameter: float) -> tuple[float, int, int, int, float] | None:
    """Where a square image ``diameter`` wide (in layout units), centred on the
    wheel's centre, lands on the painter's raster device: (device scale, side,
    left, top, pixel ratio); None on a vector device, under a turned or stretched
    transform, or off the pixel grid."""
    device = painter.device()
    if not isinstance(device, QImage | QPixmap):
        return None
    transform = painter.worldTransform()
    if transform.m12() != 0 or transform.m21() != 0 or transform.m11() != transform.m22():
        return None
    ratio = device.devicePixelRatioF()
    device_scale = transform.m11() * ratio
    # the image's centre must fall on the wheel's centre to the device pixel
    cx, cy = transform.dx() * ratio, transform.dy() * ratio
    twice_x, twice_y = round(cx * 2), round(cy * 2)
    if abs(cx * 2 - twice_x) > 1e-6 or abs(cy * 2 - twice_y) > 1e-6 or (twice_x % 2 != twice_y % 2):
        return None
    side = math.ceil(diameter * device_scale) + 2
    if side % 2 != twice_x % 2:  # an odd side puts the image's centre mid-pixel
        side += 1
    return device_scale, side, round(cx - side / 2), round(cy - side / 2), ratio


def _paint_leaders(painter: QPainter, layout: WheelLayout, skip: Collection[str]) -> None:
    """Every leader line at once, under the activities (a line per item costs ten times
    as much), the faded ones apart; then the dots where they start."""
    for dimmed in (False, True):
        lines: list[QLineF] = []
        dots: list[tuple[Item, Label]] = []
        for item in (*layout.named_off, *layout.undated):  # (names on items have none)
            label = item.label
            if label is None or not label.leader or item.dimmed != dimmed:
                continue
            if skip and item.occurrence.activity.id in skip:
                continue
            pairs = itertools.pairwise(label.leader)
            lines += [QLineF(x0, y0, x1, y1) for (x0, y0), (x1, y1) in pairs]
            dots.append((item, label))
        if not lines:
            continue
        if dimmed and _faded_on_a_layer(painter, lambda p, s=lines, d=dots: _draw_leaders(p, s, d)):
            continue
        painter.setOpacity(DIMMED_OPACITY if dimmed else 1.0)
        _draw_leaders(painter, lines, dots)
    painter.setOpacity(1.0)


def _draw_leaders(painter: QPainter, lines: list[QLineF], dots: list[tuple[Item, Label]]) -> None:
    painter.setPen(QPen(LEADER, dots[0][1].px * 0.08))
    painter.drawLines(lines)
    edge = None  # the size whose dot outline the pen is set for
    for item, label in dots:
        _paint_dot(painter, item, label, pen=edge != label.px)
        edge = label.px


def _faded_on_a_layer(painter: QPainter, draw: Callable[[QPainter], None]) -> bool:
    """On a raster device, ``draw`` in full ink on a clear image of the device's size,
    which is then drawn faded: lines drawn faded one by one cost six times as much
    (where faded lines cross, they are as faint as elsewhere). False (nothing drawn)
    on other devices."""
    device = painter.device()
    if not isinstance(device, QImage | QPixmap):
        return False
    _draw_layer(painter, _on_a_layer(painter, device, draw), DIMMED_OPACITY)
    return True


def _on_a_layer(
    painter: QPainter, device: QImage | QPixmap, draw: Callable[[QPainter], None]
) -> QImage:
    """What ``draw`` paints with ``painter``'s transform and hints, on a clear image
    the size of its raster ``device``."""
    layer = QImage(device.width(), device.height(), QImage.Format.Format_ARGB32_Premultiplied)
    layer.setDevicePixelRatio(device.devicePixelRatioF())
    layer.fill(Qt.GlobalColor.transparent)
    with QPainter(layer) as on_layer:
        on_layer.setRenderHints(painter.renderHints())
        on_layer.setWorldTransform(painter.worldTransform())
        draw(on_layer)
    return layer


def _draw_layer(painter: QPainter, layer: QImage, opacity: float) -> None:
    """An image from :func:`_on_a_layer` over the device it was made for."""
    painter.save()
    painter.resetTransform()
    painter.setOpacity(opacity)
    painter.drawImage(QPointF(0.0, 0.0), layer)
    painter.restore()


def _paint_dot(painter: QPainter, item: Item, label: Label, *, pen: bool = True) -> None:
    """The dot of the item's colour where its leader starts (``pen`` False: the pen
    for its outline is set already)."""
    assert label.leader
    if pen:
        painter.setPen(QPen(SEGMENT_EDGE, label.px * 0.06))
    painter.setBrush(_color(item.color))
    x, y = label.leader[0]
    painter.drawEllipse(QPointF(x, y), label.px * 0.22, label.px * 0.22)


def _background_key(layout: WheelLayout) -> tuple:
    """What the background's shapes and names depend on: size, shown days, ring bands
    and the words of the months, weeks and rings."""
    return (
        round(layout.diameter, 3),
        layout.scale,
        tuple((m.angle0, m.angle1, m.shaded, m.label) for m in layout.months),
        tuple(layout.weeks),
        tuple(layout.week_labels),
        tuple((b.inner, b.outer, b.lane_outer, b.name) for b in layout.rings),
    )


_BACKGROUNDS: dict[tuple, QImage] = {}  # a few sizes and zooms, newest last


def _background_image(key: tuple, layout: WheelLayout) -> QImage:
    """The background in device pixels; ``key`` ends with (device scale, side)."""
    image = _BACKGROUNDS.pop(key, None)
    if image is None:
        device_scale, side = key[-2], key[-1]
        image = QImage(side, side, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(Qt.GlobalColor.transparent)
        with QPainter(image) as painter:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
            painter.translate(side / 2, side / 2)
            painter.scale(device_scale, device_scale)
            _paint_background(painter, layout)
            _paint_rings(painter, layout)
            _paint_band_labels(painter, layout)
        while len(_BACKGROUNDS) >= 4:
            del _BACKGROUNDS[next(iter(_BACKGROUNDS))]
    _BACKGROUNDS[key] = image
    return image


def _blit_cached_background(painter: QPainter, layout: WheelLayout) -> bool:
    """On a raster device, draw the static background from a cached image.

    The months, weeks and ring bands, and their names, only change with the size,
    the zoom or the plan's rings, so repaints after an edit blit them. Vector devices
    (PDF, SVG, printers) always get real paths and text. False if nothing was drawn.
    """
    where = _device_square(painter, layout.diameter)
    if where is None:
        return False  # a vector device, or the centre off the pixel grid: paint for real
    device_scale, side, left, top, ratio = where
    key = (*_background_key(layout), device_scale, side)
    image = _background_image(key, layout)
    painter.save()
    painter.resetTransform()
    painter.scale(1 / ratio, 1 / ratio)
    painter.drawImage(left, top, image)
    painter.restore()
    return True


@lru_cache(maxsize=PATHS_KEPT)
def annulus_sector(inner: float, outer: float, angle0: float, angle1: float) -> QPainterPath:
    """The ring segment between two radii and two angles (clockwise from 12 o'clock).

    Remembered: after an edit most items keep their place, and their paths are
    not built again. Callers draw the path and never change it.
    """
    path = QPainterPath()
    sweep = angle1 - angle0
    across = 2 * outer
    if sweep >= 360.0:
        path.addEllipse(-outer, -outer, across, across)
        if inner > 0:
            path.addEllipse(-inner, -inner, 2 * inner, 2 * inner)
        return path
    # (the overloads that take the rectangle's numbers: no QRectF is made, a fifth
    # less time for a ring's thousands of segments at a new size or zoom)
    path.arcMoveTo(-outer, -outer, across, across, 90.0 - angle0)
    path.arcTo(-outer, -outer, across, across, 90.0 - angle0, -sweep)
    if inner > 0:
        path.arcTo(-inner, -inner, 2 * inner, 2 * inner, 90.0 - angle1, sweep)
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
    """Paper, month band, month shading, week band; large fills are not antialiased
    because rules drawn over them hide their edges (and it halves the cost)."""
    unit = layout.diameter / 1000
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
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
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setPen(QPen(RULE, 0.8 * unit))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    for r in (layout.outer, layout.month_inner, layout.week_inner):
        _circle(painter, r)
    for sector in layout.months:
        _line(painter, layout.rings_inner, layout.outer, sector.angle0)
    painter.setPen(QPen(RULE, 0.5 * unit))
    for angle in layout.weeks:
        _line(painter, layout.week_inner, layout.month_inner, angle)


def _paint_band_labels(painter: QPainter, layout: WheelLayout) -> None:
    """Month, week and ring names, over the bands they name. On a raster device they
    are in the background's image: each stands on its band's fill there, as on the
    device, so it is painted as it would be on the device (the same pixels, on the
    screen offscreen and on X11), once rather than after every edit."""
    for sector in layout.months:
        if sector.label:
            draw_arc_text(painter, sector.label)
    for label in layout.week_labels:
        draw_arc_text(painter, label)
    for band in layout.rings:
        if band.name:
            draw_arc_text(painter, band.name)


def _paint_rings(painter: QPainter, layout: WheelLayout) -> None:
    unit = layout.diameter / 1000
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(RING_FILL)
    for band in layout.rings:
        painter.drawPath(annulus_sector(band.inner, band.outer, 0, 360))
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setPen(QPen(RING_RULE, 0.6 * unit))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    for band in layout.rings:
        _circle(painter, band.lane_outer)


def paint_item(
    painter: QPainter,
    item: Item,
    *,
    emphasis: float = 0.0,
    leader: bool = True,
    name: bool = True,
) -> None:
    """Paint one activity occurrence with its name (unless ``name`` is False);
    ``emphasis`` > 0 outlines it (hover, selection).

    Segments are filled without an outline (an outline triples the cost); a
    small gap at each edge keeps neighbours apart. A deadline's name sits on a
    pale flag of its colour beside the marker.
    """
    color = _color(item.color)
    if item.box is not None:  # an activity without a date, in the list beside the wheel
        x0, y0, x1, y1 = item.box
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(color)
        painter.drawRoundedRect(QRectF(x0, y0, x1 - x0, y1 - y0), 1.5, 1.5)
    elif item.is_marker:
        if item.flag is not None:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(_pale(item.color))
            painter.drawPath(annulus_sector(item.inner + 0.5, item.outer - 0.5, *item.flag))
        painter.setBrush(color)
        painter.setPen(QPen(SEGMENT_EDGE, max(0.6, item.marker_size * 0.12)))
        painter.drawPath(marker_path(item))
    else:
        painter.setBrush(color)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.drawPath(segment_path(item))
        if item.continues != (False, False):  # it goes on past the shown days
            painter.setBrush(CONTINUES)
            for arrow in geometry.continue_arrows(item):
                painter.drawPolygon(QPolygonF([QPointF(x, y) for x, y in arrow]))
    if emphasis > 0:
        paint_outline(painter, item, emphasis)
    if item.label is not None and name:
        paint_label(painter, item, emphasis > 0, leader)


def paint_label(painter: QPainter, item: Item, emphasis: bool = False, leader: bool = True) -> None:
    """An item's name as placed: its leader line first (``leader``; the whole wheel
    draws them all at once), then its text."""
    label = item.label
    if label is None:
        return
    if leader and label.leader:
        width = label.px * (0.13 if emphasis else 0.08)
        painter.setPen(QPen(LEADER if not emphasis else QColor("#1d1d1f"), width))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPolyline(QPolygonF([QPointF(x, y) for x, y in label.leader]))
        _paint_dot(painter, item, label)
    for text in label.texts:
        if isinstance(text, ArcText):
            draw_arc_text(painter, text)
        else:
            draw_straight_text(painter, text)


@cache
def _pale(name: str) -> QColor:
    color = QColor(name)
    color.setAlpha(56)
    return color


def paint_outline(painter: QPainter, item: Item, width: float) -> None:
    """The dark outline of a selected or hovered item."""
    pen = QPen(QColor("#1d1d1f"), width)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    painter.setPen(pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawPath(item_path(item))


def segment_path(item: Item) -> QPainterPath:
    """A phase's ring segment, inset by a hair so that neighbours stay apart."""
    height = item.outer - item.inner
    radial = min(height * 0.02, 1.2) + 0.35
    mid = max(item.mid_radius, 1.0)
    angular = math.degrees(0.9 / mid)
    a0, a1 = item.angle0, item.angle1
    if a1 - a0 < 360.0 and a1 - a0 > 4 * angular:
        a0, a1 = a0 + angular, a1 - angular
    return annulus_sector(item.inner + radial, item.outer - radial, a0, a1)


def marker_path(item: Item) -> QPainterPath:
    """A diamond centred on the deadline's day, pointing along the radius."""
    return _diamond(item.marker_size, item.mid_radius, item.angle0)


@lru_cache(maxsize=PATHS_KEPT)
def _diamond(s: float, r: float, angle: float) -> QPainterPath:
    """The diamond's corners at ``r ± s`` and ``±0.8 s`` across, turned to ``angle``:
    worked out as ``QTransform.rotate`` and ``map`` work them out (its exact quarter
    turns too), to the same numbers, without making a transform and polygon (a third
    of the time, for a crowded ring's thousands of deadlines at a new size or zoom)."""
    turn = angle - 90.0
    if turn == 0.0:
        sin, cos = 0.0, 1.0
    elif turn in (90.0, -270.0):
        sin, cos = 1.0, 0.0
    elif turn in (270.0, -90.0):
        sin, cos = -1.0, 0.0
    elif turn == 180.0:
        sin, cos = 0.0, -1.0
    else:
        sin, cos = math.sin(math.radians(turn)), math.cos(math.radians(turn))
        if abs(sin) <= 1e-12:  # (a turn that QTransform takes for none: qFuzzyIsNull)
            sin = 0.0
    across = s * 0.8
    path = QPainterPath()
    path.moveTo(cos * (r + s), sin * (r + s))
    path.lineTo(cos * r - sin * across, sin * r + cos * across)
    path.lineTo(cos * (r - s), sin * (r - s))
    path.lineTo(cos * r + sin * across, sin * r - cos * across)
    path.closeSubpath()
    return path


def item_path(item: Item) -> QPainterPath:
    """The item's outline, for hit feedback and highlighting."""
    if item.box is not None:
        path = QPainterPath()
        x0, y0, x1, y1 = item.box
        path.addRect(QRectF(x0, y0, x1 - x0, y1 - y0))
        return path
    if item.is_marker:
        return marker_path(item)
    return annulus_sector(item.inner, item.outer, item.angle0, item.angle1)


def _paint_today_hand(painter: QPainter, layout: WheelLayout) -> None:
    """The today hand across the rings, under the activities."""
    assert layout.today is not None
    width = max(layout.min_text * 0.3, layout.diameter * 0.0035)
    pen = QPen(TODAY_HAND, width)
    pen.setCapStyle(Qt.PenCapStyle.FlatCap)
    painter.setPen(pen)
    _line(painter, layout.rings_inner * 0.97, layout.rings_outer, layout.today)


def _paint_today_label(painter: QPainter, layout: WheelLayout) -> None:
    """A red tab with the date just outside the wheel, where it covers no other text,
    and a notch on the wheel's edge below it."""
    assert layout.today is not None
    label = layout.today_label
    if label is None or not label.texts:
        return
    text = label.texts[0]
    assert isinstance(text, ArcText)
    half_height = text.px * 0.68
    half = math.degrees(measure()(text.text, text.px, True) / 2 / text.radius) + math.degrees(
        text.px * 0.45 / text.radius
    )
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(TODAY)
    painter.drawPath(
        annulus_sector(
            text.radius - half_height,
            text.radius + half_height,
            text.angle - half,
            text.angle + half,
        )
    )
    draw_arc_text(painter, text)


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
    painter.setPen(_color(text.color))
    base = painter.worldTransform()
    sagitta = r * (1 - math.cos(total / r / 2)) if r > 0 else 0.0
    if sagitta < text.px * 0.2 or needs_shaping(text.text):
        # in one piece: whole words in PDF and SVG, and Qt's bidi-aware shaping keeps
        # right-to-left and joined scripts readable (glyph by glyph would reverse them)
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


@cache
def needs_shaping(text: str) -> bool:
    """Whether ``text`` must be laid out as a whole to read right: right-to-left letters
    (Hebrew, Arabic) or marks that join the letter before them."""
    return any(
        unicodedata.bidirectional(c) in ("R", "AL", "AN") or unicodedata.combining(c) for c in text
    )


def draw_straight_text(painter: QPainter, text: StraightText) -> None:
    """A straight line of text centred on its point, turned by its rotation."""
    m = measure()
    k = text.px / BASE_PX
    painter.setFont(base_font(text.bold))
    painter.setPen(_color(text.color))
    base = painter.worldTransform()
    width = m(text.text, BASE_PX, text.bold)
    if text.rotation == 0.0 and base.type().value <= QTransform.TransformationType.TxScale.value:
        # (most text: level, on an unturned painter) the matrix made at once, the same
        # as the steps below make it
        b11, b22 = base.m11(), base.m22()
        y = text.y + m.cap_height(text.bold) * k / 2
        placed = QTransform(
            b11 * k, 0.0, 0.0, b22 * k, b11 * text.x + base.dx(), b22 * y + base.dy()
        )
        painter.setWorldTransform(placed)
        painter.drawText(QPointF(-width / 2, 0), text.text)
        painter.setWorldTransform(base)
        return
    transform = QTransform()
    transform.translate(text.x, text.y)
    transform.rotate(text.rotation)
    transform.translate(0, m.cap_height(text.bold) * k / 2)
    transform.scale(k, k)
    painter.setWorldTransform(transform * base)
    painter.drawText(QPointF(-width / 2, 0), text.text)
    painter.setWorldTransform(base)


def draw_plain_text(painter: QPainter, text: PlainText) -> None:
    """A straight line of text centred on x = 0 with its middle at ``text.y``."""
    draw_straight_text(
        painter, StraightText(text.text, 0.0, text.y, 0.0, text.px, text.color, text.bold)
    )


@cache
def _color(name: str) -> QColor:
    return QColor(name)
