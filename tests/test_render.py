"""The painted wheel: pixels where the geometry says things are."""

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PySide6.QtGui import QColor, QImage

from aarshjul import geometry
from aarshjul.model import load_plan
from aarshjul.render.export import export_png, render_image
from aarshjul.render.painter import month_names, wheel_layout

from .conftest import PLAN_2022


def colour_distance(a: QColor, b: QColor) -> int:
    return max(abs(a.red() - b.red()), abs(a.green() - b.green()), abs(a.blue() - b.blue()))


def pixel_in_item(image: QImage, wheel, item, along: float = 0.12, depth: float = 0.2) -> QColor:
    """The pixel a little inside the item's inner edge, away from its label."""
    angle = item.angle0 + (item.angle1 - item.angle0) * along
    radius = item.inner + (item.outer - item.inner) * depth
    x, y = geometry.polar(radius, angle)
    return image.pixelColor(round(image.width() / 2 + x), round(image.height() / 2 + y))


@pytest.fixture(scope="module")
def plan():
    return load_plan(PLAN_2022)


def test_each_phase_is_painted_in_its_category_colour(qapp, plan):
    image = render_image(plan, 1000, 1000)
    wheel = wheel_layout(plan, 1000)
    checked = 0
    for item in wheel.items:
        if item.is_marker:
            continue
        colour = QColor(plan.category(item.occurrence.activity.category).color)
        assert colour_distance(pixel_in_item(image, wheel, item), colour) <= 12, (
            item.occurrence.activity.id
        )
        checked += 1
    assert checked == 14


def test_deadline_markers_are_painted(qapp, plan):
    image = render_image(plan, 1000, 1000)
    wheel = wheel_layout(plan, 1000)
    markers = [i for i in wheel.items if i.is_marker]
    assert len(markers) == 4
    for item in markers:
        x, y = geometry.polar(item.mid_radius, item.angle0)
        pixel = image.pixelColor(round(500 + x), round(500 + y))
        assert colour_distance(pixel, QColor("#d55e00")) <= 12


def test_today_line_is_drawn_only_inside_the_year(qapp, plan):
    today = dt.date(2022, 7, 15)  # July: the outer ring is empty there
    wheel = wheel_layout(plan, 1000, today=today)
    image = render_image(plan, 1000, 1000, today=today)
    band = wheel.rings[0]
    x, y = geometry.polar((band.inner + band.lane_outer) / 2, wheel.today)

    def reddest(img: QImage) -> int:  # the line is antialiased: look at the 3×3 pixels
        return min(
            colour_distance(
                img.pixelColor(round(500 + x) + dx, round(500 + y) + dy), QColor("#d70015")
            )
            for dx in (-1, 0, 1)
            for dy in (-1, 0, 1)
        )

    assert reddest(image) <= 30
    assert reddest(render_image(plan, 1000, 1000, today=dt.date(2023, 7, 15))) > 100


def test_the_wheel_fills_a_wide_image_centred_and_round(qapp, plan):
    image = render_image(plan, 1200, 800)
    wheel = wheel_layout(plan, 1200, 800)
    assert image.pixelColor(5, 400) == QColor("white")  # left of the circle
    assert image.pixelColor(600, 400) == QColor("white")  # the centre disc
    # the month band at 12 o'clock, just inside the wheel's top, and white just above it
    top = round(400 - wheel.outer)
    assert image.pixelColor(600, top + 3) != QColor("white")
    assert image.pixelColor(600, top - 3) == QColor("white")
    assert wheel.outer > 360  # the wheel fills the height, less the today band


def test_danish_month_names_from_qlocale(qapp):
    assert month_names("da")[:3] == ["januar", "februar", "marts"]
    assert month_names("en_GB")[0] == "January"


def test_export_png_writes_a_png_of_the_asked_size(qapp, plan, tmp_path):
    out = tmp_path / "wheel.png"
    export_png(plan, out, 640, 480)
    image = QImage(str(out))
    assert (image.width(), image.height()) == (640, 480)
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert [p.name for p in tmp_path.iterdir()] == ["wheel.png"]


def test_ring_rules_stay_faint(qapp, plan):
    """The thin circle at each ring's name strip is a light rule, not a dark line."""
    image = render_image(plan, 1000, 1000)
    wheel = wheel_layout(plan, 1000)
    angle = 195.0  # early July: no activity in any ring
    assert not any(i.angle0 <= angle <= i.angle1 for i in wheel.items if not i.is_marker)
    for band in wheel.rings:
        x, y = geometry.polar(band.lane_outer, angle)
        darkest = min(
            image.pixelColor(round(500 + x) + dx, round(500 + y) + dy).lightness()
            for dx in (-1, 0, 1)
            for dy in (-1, 0, 1)
        )
        assert darkest > 190, band.ring.id


@pytest.mark.parametrize("ratio", [1.0, 2.0])
def test_names_of_months_weeks_and_rings_from_the_cached_background_are_as_drawn(
    qapp, plan, monkeypatch, ratio
):
    """The background's image holds the month, week and ring names: the window's wheel
    is, to the byte, the wheel with all of them drawn on the device; and a paint
    after an edit draws none of them again."""
    from PySide6.QtCore import QRectF
    from PySide6.QtGui import QPainter, QPixmap

    from aarshjul.model import edits
    from aarshjul.render import painter as painting

    size = (984, 544)
    layout = wheel_layout(plan, *size, plan.occurrences(), today=plan.start)

    def wheel(layout) -> QImage:
        pixmap = QPixmap(int(size[0] * ratio), int(size[1] * ratio))
        pixmap.setDevicePixelRatio(ratio)
        pixmap.fill(QColor(0, 0, 0, 0))
        with QPainter(pixmap) as painter:
            painting.paint_wheel(painter, layout, QRectF(0, 0, *size), layered=True)
        return pixmap.toImage()

    painting._BACKGROUNDS.clear()
    cached = wheel(layout)
    with monkeypatch.context() as patched:
        patched.setattr(painting, "_blit_cached_background", lambda *_: False)
        drawn = wheel(layout)
    assert cached == drawn
    names = [s.label for s in layout.months if s.label] + list(layout.week_labels)
    assert names
    arcs = []
    real = painting.draw_arc_text
    monkeypatch.setattr(painting, "draw_arc_text", lambda p, t: (arcs.append(t), real(p, t)))
    moved = next(a for a in plan.activities if a.end is not None and not a.rrule)
    wheel(wheel_layout(edits.move_activity(plan, moved.id, 3), *size, today=plan.start))
    assert not set(arcs) & set(names)


def test_level_text_is_drawn_as_the_transform_steps_draw_it(qapp, plan):
    """Level text on an unturned painter has its matrix made at once: the very pixels
    of translating, lifting by half the cap height and scaling one step at a time."""
    from PySide6.QtCore import QPointF, QRectF, Qt
    from PySide6.QtGui import QPainter, QTransform

    from aarshjul.polar import StraightText
    from aarshjul.render.fonts import BASE_PX, base_font
    from aarshjul.render.painter import _color, draw_straight_text, fit_transform, measure

    wheel = wheel_layout(plan, 1000, 560)
    texts = [*wheel.key_texts]
    texts += [
        t for i in wheel.items if i.label for t in i.label.texts if isinstance(t, StraightText)
    ]
    assert texts and all(t.rotation == 0.0 for t in texts)

    def painted(draw) -> QImage:
        image = QImage(1000, 560, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(Qt.GlobalColor.white)
        with QPainter(image) as painter:
            painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
            painter.setWorldTransform(fit_transform(wheel, QRectF(0, 0, 1000, 560)))
            for text in texts:
                draw(painter, text)
        return image

    def in_steps(painter: QPainter, text: StraightText) -> None:
        k = text.px / BASE_PX
        painter.setFont(base_font(text.bold))
        painter.setPen(_color(text.color))
        base = painter.worldTransform()
        transform = QTransform()
        transform.translate(text.x, text.y)
        transform.rotate(text.rotation)
        transform.translate(0, measure().cap_height(text.bold) * k / 2)
        transform.scale(k, k)
        painter.setWorldTransform(transform * base)
        width = measure()(text.text, BASE_PX, text.bold)
        painter.drawText(QPointF(-width / 2, 0), text.text)
        painter.setWorldTransform(base)

    assert painted(draw_straight_text) == painted(in_steps)


def test_leaders_and_their_dots_are_drawn_as_one_at_a_time(qapp, plan):
    """The leader lines, drawn together, and their dots, the outline's pen set once for
    dots of one size: the very pixels of each dot with its own pen."""
    import itertools

    from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
    from PySide6.QtGui import QPainter, QPen

    from aarshjul.render import painter as painting

    wheel = wheel_layout(plan, 1000, 560)
    drawn = [*wheel.named_off, *wheel.undated]  # (the list of those without a date too)
    named = [i for i in drawn if i.label is not None and i.label.leader]
    assert len(named) > 2

    def painted(draw) -> QImage:
        image = QImage(1000, 560, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(Qt.GlobalColor.white)
        with QPainter(image) as painter:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setWorldTransform(painting.fit_transform(wheel, QRectF(0, 0, 1000, 560)))
            draw(painter)
        return image

    def one_at_a_time(painter: QPainter) -> None:
        painter.setPen(QPen(painting.LEADER, named[0].label.px * 0.08))  # type: ignore[union-attr]
        lines = []
        for item in named:
            points = [QPointF(x, y) for x, y in item.label.leader]  # type: ignore[union-attr]
            lines += [QLineF(a, b) for a, b in itertools.pairwise(points)]
        painter.drawLines(lines)
        for item in named:
            label = item.label
            assert label is not None and label.leader
            painter.setPen(QPen(painting.SEGMENT_EDGE, label.px * 0.06))
            painter.setBrush(painting._color(item.color))
            x, y = label.leader[0]
            painter.drawEllipse(QPointF(x, y), label.px * 0.22, label.px * 0.22)

    assert painted(lambda p: painting._paint_leaders(p, wheel, ())) == painted(one_at_a_time)


def test_faded_leaders_drawn_on_a_layer_are_as_faint_as_drawn_faded_one_by_one(qapp, plan):
    """A search fades the leaders on a layer of their own (fast on a raster device): as
    on a vector device, each leader shows, and no pixel is darker than there (where
    faded leaders cross, the layer's are fainter: they do not add up)."""
    from PySide6.QtCore import QLineF, QRectF, Qt
    from PySide6.QtGui import QPainter, QPicture

    from aarshjul.render import painter as painting

    size = (1000, 560)
    wheel = wheel_layout(plan, *size)
    wheel.fade({a.id for a in plan.activities})
    named = [i for i in wheel.named_off if i.label is not None and i.label.leader]
    assert len(named) > 2
    transform = painting.fit_transform(wheel, QRectF(0, 0, *size))

    def on_white(draw) -> QImage:
        image = QImage(*size, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(Qt.GlobalColor.white)
        with QPainter(image) as painter:
            draw(painter)
        return image

    def leaders(painter: QPainter) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setWorldTransform(transform)
        painting._paint_leaders(painter, wheel, ())

    picture = QPicture()  # a device that is not raster: each leader drawn faded
    with QPainter(picture) as recording:
        leaders(recording)
    layered, one_by_one = on_white(leaders), on_white(lambda p: p.drawPicture(0, 0, picture))
    white = QColor("white")
    for item in named:
        (x0, y0), (x1, y1) = item.label.leader[-2:]  # type: ignore[union-attr]
        middle = transform.map(QLineF(x0, y0, x1, y1).center())
        x, y = round(middle.x()), round(middle.y())
        near = [layered.pixelColor(x + dx, y + dy) for dx in (-1, 0, 1) for dy in (-1, 0, 1)]
        assert any(colour_distance(c, white) >= 6 for c in near), item.occurrence.activity.id
        assert all(colour_distance(c, white) <= 60 for c in near)  # faint, not full ink
    for y in range(size[1]):
        for x in range(size[0]):
            assert (
                layered.pixelColor(x, y).lightness() >= one_by_one.pixelColor(x, y).lightness() - 3
            )


def test_a_search_fades_the_numbered_list_lines_of_the_names_it_does_not_match(qapp):
    """The list beside a crowded wheel fades with the wheel: a matched name's lines
    stay in full ink, an unmatched one's are as faint as its items."""
    from PySide6.QtCore import QRectF, Qt
    from PySide6.QtGui import QPainter

    from aarshjul.render.painter import fit_transform, paint_wheel

    from .conftest import EXAMPLES

    plan = load_plan(EXAMPLES / "crowded-2024.toml")
    size = (1366, 768)
    layout = wheel_layout(plan, *size)
    assert len(layout.keyed) > 2 and len(layout.key_owners) == len(layout.key_texts)
    matched = layout.keyed[1].occurrence.activity.id
    layout.fade({a.id for a in plan.activities} - {matched})
    image = QImage(*size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.white)
    with QPainter(image) as painter:
        paint_wheel(painter, layout, QRectF(0, 0, *size))
    to_image = fit_transform(layout, QRectF(0, 0, *size))

    def darkest(line) -> int:
        box = to_image.mapRect(
            QRectF(line.x - line.width / 2, line.y - line.px / 2, line.width, line.px)
        )
        return min(
            image.pixelColor(x, y).lightness()
            for x in range(max(0, int(box.left())), min(size[0], int(box.right()) + 1))
            for y in range(max(0, int(box.top())), min(size[1], int(box.bottom()) + 1))
        )

    lines = list(zip(layout.key_texts, layout.key_owners, strict=True))
    mine = [
        line
        for line, owner in lines
        if owner >= 0 and layout.keyed[owner].occurrence.activity.id == matched
    ]
    others = [line for line, owner in lines if owner >= 0 and layout.keyed[owner].dimmed]
    assert mine and others
    assert max(darkest(line) for line in mine) < 130  # (the numbers are grey)
    assert min(darkest(line) for line in others) > 180


def test_names_off_items_and_the_list_kept_as_an_image_are_the_texts_as_drawn(qapp, monkeypatch):
    """The window keeps the names beside the wheel, the numbers and the numbered list
    as an image once the same texts are painted twice running: the wheel from it is,
    to the byte, the wheel with the texts drawn, and no text of them is drawn again
    while they stay as they are; a search that fades some draws them anew, faded."""
    from PySide6.QtCore import QRectF
    from PySide6.QtGui import QPainter, QPixmap

    from aarshjul.render import painter as painting

    from .conftest import EXAMPLES

    plan = load_plan(EXAMPLES / "crowded-2024.toml")
    size = (1366, 768)
    layout = wheel_layout(plan, *size)
    listed = {line.text for line in layout.key_texts}
    assert layout.named_off and listed
    drawn: list[str] = []
    real_straight, real_arc = painting.draw_straight_text, painting.draw_arc_text
    monkeypatch.setattr(
        painting, "draw_straight_text", lambda p, t: (drawn.append(t.text), real_straight(p, t))
    )
    monkeypatch.setattr(
        painting, "draw_arc_text", lambda p, t: (drawn.append(t.text), real_arc(p, t))
    )
    names = {t.text for i in layout.named_off if i.label for t in i.label.texts}

    def wheel() -> QImage:
        drawn.clear()
        pixmap = QPixmap(*size)
        pixmap.fill(QColor(0, 0, 0, 0))
        with QPainter(pixmap) as painter:
            painting.paint_wheel(painter, layout, QRectF(0, 0, *size), layered=True)
        return pixmap.toImage()

    painting._TEXTS.clear()
    as_text = wheel()
    assert listed <= set(drawn) and names <= set(drawn)
    made = wheel()  # the same texts a second time: kept as an image
    kept = wheel()
    assert not (listed | names) & set(drawn)
    assert made == kept
    assert _largest_difference(as_text, made) <= 1  # (rounding where text meets a shade)

    layout.fade({a.id for a in plan.activities} - {layout.keyed[0].occurrence.activity.id})
    faded = wheel()
    assert listed <= set(drawn)
    assert (
        _largest_difference(as_text, faded, enough=100) > 100
    )  # (the texts faded: not the image kept)
    painting._TEXTS.clear()
    assert _largest_difference(faded, wheel()) <= 1  # as drawn with nothing kept


def _largest_difference(first: QImage, second: QImage, enough: int = 256) -> int:
    """The largest difference of any channel of any pixel of two images alike in size
    (or the first found above ``enough``)."""
    assert first.size() == second.size()
    largest = 0
    for y in range(first.height()):
        if bytes(first.constScanLine(y)) == bytes(second.constScanLine(y)):
            continue
        for x in range(first.width()):
            p, q = first.pixel(x, y), second.pixel(x, y)
            largest = max(largest, *(abs((p >> s & 255) - (q >> s & 255)) for s in (0, 8, 16, 24)))
            if largest > enough:
                return largest
    return largest


@settings(max_examples=300, deadline=None)
@given(
    st.floats(0.1, 12.0),
    st.floats(1.0, 900.0),
    st.one_of(
        st.sampled_from([0.0, 90.0, 180.0, 270.0, 360.0, 450.0, 90 + 1e-13, 90 - 1e-13]),
        st.floats(0.0, 360.0),
    ),
)
def test_a_deadline_diamond_is_the_polygon_turned_by_qtransform(size, radius, angle):
    """The diamond's corners are worked out without a QTransform: to the same numbers
    as turning the polygon with one."""
    from PySide6.QtCore import QPointF
    from PySide6.QtGui import QPainterPath, QPolygonF, QTransform

    from aarshjul.render.painter import _diamond

    corners = [(radius + size, 0.0), (radius, size * 0.8), (radius - size, 0.0)]
    corners.append((radius, -size * 0.8))
    turned = QTransform().rotate(angle - 90.0).map(QPolygonF([QPointF(*c) for c in corners]))
    expected = QPainterPath()
    expected.addPolygon(turned)
    expected.closeSubpath()
    assert _diamond.__wrapped__(size, radius, angle) == expected


@pytest.mark.parametrize("size", [(800, 600), (1000, 560), (1366, 768)])
def test_every_number_and_line_of_the_list_names_its_item_where_the_pointer_is(size):
    """A number on the wheel stands for its item, as a name beside it does; a line of
    the numbered list says whose it is, the line "+ N …" says so, and the names it
    stands for are exactly the numbered ones the list does not hold."""
    from .conftest import EXAMPLES

    layout = wheel_layout(load_plan(EXAMPLES / "crowded-2024.toml"), *size)
    assert layout.keyed
    for item in layout.keyed:
        xs = [x for x, _y in item.label.outline]
        ys = [y for _x, y in item.label.outline]
        centre = ((min(xs) + max(xs)) / 2, (min(ys) + max(ys)) / 2)
        assert layout.hit(*centre, slack=0.0) is item
    listed = set()
    for line, owner in zip(layout.key_texts, layout.key_owners, strict=True):
        assert layout.listed_at(line.x, line.y) == owner
        assert layout.hit(line.x, line.y) is None  # (the list is not the wheel)
        listed.add(owner)
    unlisted = layout.unlisted()
    assert len(unlisted) == layout.keyed_unlisted
    assert sorted({*unlisted, *listed} - {-1}) == list(range(len(layout.keyed)))
    assert (-1 in listed) == bool(unlisted)
    left, _top, _right, bottom = layout.frame
    assert layout.listed_at(left + 1, bottom - 1) is None
    assert layout.listed_at(0.0, 0.0) is None
