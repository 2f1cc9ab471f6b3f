"""The shipped typeface (Open Sans), registered once per application.

Open Sans is TrueType: Qt writes TrueType text into PDFs so that it copies and
searches correctly (the CFF build of Inter lost dashes and brackets there).
"""

from __future__ import annotations

from functools import cache

from PySide6.QtGui import QFont, QFontDatabase, QFontMetricsF

from aarshjul.paths import resource_path

FALLBACK_FAMILY = "DejaVu Sans"
BASE_PX = 100  # fonts are made at this size and scaled, so any size is exact
WIDTHS_KEPT = 100_000  # texts whose widths a TextMeasure remembers


@cache
def family() -> str:
    """Register the shipped fonts (needs a QGuiApplication) and return their family."""
    name = None
    for file in ("OpenSans-Regular.ttf", "OpenSans-Semibold.ttf"):
        font_id = QFontDatabase.addApplicationFont(str(resource_path("fonts", file)))
        if font_id >= 0 and name is None:
            name = QFontDatabase.applicationFontFamilies(font_id)[0]
    return name or FALLBACK_FAMILY


def without_ligatures(font: QFont) -> QFont:
    """``font`` set letter by letter: "fl" stays two letters, so text copied from a
    PDF or searched in it is plain ("flexicurity", not "ﬂexicurity")."""
    for tag in ("liga", "clig", "dlig"):
        font.setFeature(QFont.Tag(tag), 0)
    return font


def plain_font(px: float | None = None, bold: bool = False, points: float | None = None) -> QFont:
    """The shipped family without ligatures, at a pixel or point size."""
    font = QFont(family())
    if px is not None:
        font.setPixelSize(max(1, round(px)))
    if points is not None:
        font.setPointSizeF(points)
    font.setWeight(QFont.Weight.DemiBold if bold else QFont.Weight.Normal)
    return without_ligatures(font)


@cache
def base_font(bold: bool = False) -> QFont:
    """The wheel's font at BASE_PX pixels; painters scale it to the size wanted."""
    font = QFont(family())
    font.setPixelSize(BASE_PX)
    font.setWeight(QFont.Weight.DemiBold if bold else QFont.Weight.Normal)
    font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    font.setKerning(False)
    return without_ligatures(font)


class TextMeasure:
    """Text widths for the geometry, matching how the painter sets text glyph by glyph."""

    def __init__(self) -> None:
        self._metrics = {bold: QFontMetricsF(base_font(bold)) for bold in (False, True)}
        self._advances: dict[tuple[str, bool], float] = {}
        self._widths: dict[tuple[str, bool], float] = {}  # whole texts, at BASE_PX

    def advance(self, char: str, bold: bool) -> float:
        """Advance of ``char`` at BASE_PX."""
        key = (char, bold)
        width = self._advances.get(key)
        if width is None:
            width = self._metrics[bold].horizontalAdvance(char)
            self._advances[key] = width
        return width

    def __call__(self, text: str, px: float, bold: bool = False) -> float:
        key = (text, bold)
        width = self._widths.get(key)
        if width is None:
            if len(self._widths) > WIDTHS_KEPT:  # bounded: start afresh
                self._widths.clear()
            width = self._widths[key] = sum(self.advance(c, bold) for c in text)
        return width * px / BASE_PX

    def ascent(self, bold: bool = False) -> float:
        return self._metrics[bold].ascent()

    def cap_height(self, bold: bool = False) -> float:
        return self._metrics[bold].capHeight()
