"""Colour arithmetic for legible labels (pure Python, no Qt)."""

from __future__ import annotations

from functools import cache

DARK_TEXT = "#1d1d1f"
LIGHT_TEXT = "#ffffff"


def rgb(color: str) -> tuple[int, int, int]:
    """ "#rrggbb" as a tuple of 0–255 channels."""
    value = color.lstrip("#")
    return int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16)


def luminance(color: str) -> float:
    """WCAG 2 relative luminance, 0 (black) to 1 (white)."""

    def channel(c: int) -> float:
        s = c / 255
        return s / 12.92 if s <= 0.04045 else ((s + 0.055) / 1.055) ** 2.4

    r, g, b = rgb(color)
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def contrast(a: str, b: str) -> float:
    """WCAG 2 contrast ratio between two colours, 1 to 21."""
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


@cache
def text_color_on(background: str) -> str:
    """Dark or white text, whichever contrasts more with ``background``."""
    return max((DARK_TEXT, LIGHT_TEXT), key=lambda text: contrast(text, background))
