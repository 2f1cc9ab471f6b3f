"""Points, angles and the text shapes of the wheel, with the polygons around them.

Angles are degrees clockwise from 12 o'clock; coordinates are relative to the
wheel's centre with y pointing down (as on a screen). No Qt.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

Point = tuple[float, float]
Polygon = tuple[Point, ...]

#: width of ``text`` at a pixel size, bold or not
Measure = Callable[[str, float, bool], float]

#: a line of text is this many font sizes high (accents and descenders included)
LINE_HEIGHT = 1.2


def polar(radius: float, angle: float) -> Point:
    """The point at ``radius`` and ``angle`` (degrees clockwise from 12 o'clock)."""
    a = math.radians(angle)
    return radius * math.sin(a), -radius * math.cos(a)


def to_polar(x: float, y: float) -> tuple[float, float]:
    """``(radius, angle)`` of a point relative to the centre."""
    return math.hypot(x, y), math.degrees(math.atan2(x, -y)) % 360.0


def is_flipped(angle: float) -> bool:
    """Text centred at ``angle`` is turned so it never reads upside down."""
    return 90.0 < angle % 360.0 < 270.0


@dataclass(frozen=True)
class ArcText:
    """A line of text bent along a circle, centred at ``angle``."""

    text: str
    radius: float
    angle: float
    px: float
    color: str
    bold: bool = False
    flipped: bool = False


@dataclass(frozen=True)
class StraightText:
    """A straight line of text centred on ``(x, y)``, its baseline turned ``rotation``
    degrees clockwise from the horizontal."""

    text: str
    x: float
    y: float
    rotation: float
    px: float
    color: str
    bold: bool = False
    width: float = 0.0  # as measured when laid out


def sector_polygon(inner: float, outer: float, angle0: float, angle1: float) -> Polygon:
    """An annular sector as a polygon, its arcs in steps of at most 4 degrees."""
    steps = max(1, math.ceil((angle1 - angle0) / 4.0))
    angles = [angle0 + (angle1 - angle0) * k / steps for k in range(steps + 1)]
    points = [polar(outer, a) for a in angles]
    if inner > 0:
        points += [polar(inner, a) for a in reversed(angles)]
    else:
        points.append((0.0, 0.0))
    return tuple(points)


def straight_outline(text: StraightText, width: float) -> Polygon:
    """The rectangle around a straight line of text of ``width``."""
    a = math.radians(text.rotation)
    ux, uy = math.cos(a) * width / 2, math.sin(a) * width / 2
    h = LINE_HEIGHT * text.px / 2
    vx, vy = math.sin(a) * h, -math.cos(a) * h
    x, y = text.x, text.y
    return (
        (x - ux - vx, y - uy - vy),
        (x + ux - vx, y + uy - vy),
        (x + ux + vx, y + uy + vy),
        (x - ux + vx, y - uy + vy),
    )


def arc_outline(text: ArcText, width: float) -> Polygon:
    """The band around a line of arc text of ``width``: it follows the circle."""
    half = math.degrees(width / 2 / text.radius)
    h = LINE_HEIGHT * text.px / 2
    return sector_polygon(text.radius - h, text.radius + h, text.angle - half, text.angle + half)
