"""What the wheel draws, as plain data: the JSON of ``aarshjul layout`` and of
``WheelWidget.layout_report()``.

Coordinates are the device's (pixels, or points on paper) with the origin at the
frame's or page's top-left corner; polygons are lists of ``[x, y]``. No Qt.
"""

from __future__ import annotations

from typing import Any

from aarshjul.geometry import Item, WheelLayout, item_shape
from aarshjul.labels import KEY, Label
from aarshjul.polar import Point, StraightText, arc_outline, straight_outline


def layout_width(text: StraightText) -> float:
    """A straight text's width as the layout measured it (kept on the text)."""
    return text.width


def report(layout: WheelLayout, origin: Any = None, scale: float = 1.0) -> dict[str, Any]:
    """The layout as a dictionary; ``origin`` is where the wheel's centre lies on the
    device (a point with ``x()`` and ``y()``, or a pair), ``scale`` device units per
    layout unit."""
    if origin is None:
        ox, oy = -layout.frame[0], -layout.frame[1]
    elif isinstance(origin, tuple):
        ox, oy = origin
    else:
        ox, oy = origin.x(), origin.y()

    def pt(p: Point) -> list[float]:
        return [round(ox + p[0] * scale, 2), round(oy + p[1] * scale, 2)]

    def poly(points) -> list[list[float]]:
        return [pt(p) for p in points]

    rings = []
    for band in layout.rings:
        name = band.name
        rings.append(
            {
                "id": band.ring.id,
                "name": band.ring.name,
                "inner": round(band.inner * scale, 2),
                "outer": round(band.outer * scale, 2),
                "lanes": band.lanes,
                "name_shown": name is not None,
                "name_outline": poly(arc_outline(name, band.name_width)) if name else None,
                "font_size": round(name.px * scale, 2) if name else None,
            }
        )
    # a name in the numbered list alone has the number of its place in the list
    numbers = {id(item): n for n, item in enumerate(layout.keyed, start=1)}
    items = [_item(item, pt, poly, scale, numbers) for item in _in_date_order(layout.items)]
    items += [_item(item, pt, poly, scale, numbers) for item in layout.undated]
    result: dict[str, Any] = {
        "unit": layout.unit,
        "min_text": layout.min_text * scale,
        "centre": pt((0.0, 0.0)),
        "radius": round(layout.outer * scale, 2),
        "frame": [*pt(layout.frame[:2]), *pt(layout.frame[2:])],
        "rings": rings,
        "items": items,
        # activities without a date that the frame had no room to list (the window's
        # tray lists them; a larger frame does)
        "undated_left_out": layout.undated_left_out,
        # items numbered on the wheel that the numbered list had no room for
        "keyed_unlisted": layout.keyed_unlisted,
        "keys": [
            {"key": k.number, "id": k.occurrence.activity.id, "title": k.title} for k in layout.keys
        ],
        "key_list": [
            {
                "text": t.text,
                "font_size": round(t.px * scale, 3),
                "outline": poly(straight_outline(t, layout_width(t))),
            }
            for t in layout.key_texts
        ],
        "today": _label(layout.today_label, pt, poly, scale) if layout.today_label else None,
        "bands": {
            "month_names": [round(s.label.px * scale, 2) for s in layout.months if s.label],
            "week_numbers": [round(t.px * scale, 2) for t in layout.week_labels],
            "centre": [round(t.px * scale, 2) for t in layout.centre],
        },
    }
    return result


def _in_date_order(items: list[Item]) -> list[Item]:
    return sorted(items, key=lambda i: (i.occurrence.start, i.ring, i.lane, i.angle0))


def _item(item: Item, pt, poly, scale: float, numbers: dict[int, int]) -> dict[str, Any]:
    occ = item.occurrence
    label = item.label
    return {
        "id": occ.activity.id,
        "occurrence": occ.index,
        "title": item.title or occ.activity.title,  # as shown (an agenda marker's words)
        "kind": "undated" if item.box else "deadline" if item.is_marker else "phase",
        "start": occ.start.isoformat() if occ.start else None,
        "end": occ.end.isoformat() if occ.end else None,
        "ring": item.ring,
        "lane": item.lane,
        "shape": poly(item_shape(item)),
        "label": _label(label, pt, poly, scale, numbers.get(id(item))) if label else None,
    }


def _label(label: Label, pt, poly, scale: float, number: int | None = None) -> dict[str, Any]:
    return {
        "placement": label.placement,
        "lines": list(label.lines),
        "font_size": round(label.px * scale, 3),
        "outline": poly(label.outline),
        "leader": poly(label.leader) if label.leader else None,
        "key": label.key if label.key is not None or label.placement != KEY else number,
    }
