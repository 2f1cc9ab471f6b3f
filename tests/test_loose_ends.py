"""Links that open only as web and mail addresses, plain tooltips, and titles that
cannot steer a terminal."""

import pytest

from aarshjul import cli
from aarshjul.links import clean_link
from aarshjul.ui.formatting import plain_tooltip

from .helpers import plan_text


@pytest.mark.parametrize(
    "text, opened",
    [
        ("https://norddjurs.dk/udvalg", "https://norddjurs.dk/udvalg"),
        ("  HTTP://Norddjurs.DK/a  ", "http://norddjurs.dk/a"),  # trimmed, any case
        ("mailto:udvalg@norddjurs.dk?subject=Møde&attach=/etc/passwd", None),
        ("https://ex ample.dk", None),  # with a space it would not open
        ("javascript:alert(1)", None),
        ("file:///etc/passwd", None),
        ("https://", None),
        ("https://nørddjurs.dk/", "https://xn--nrddjurs-54a.dk/"),  # shown in punycode
    ],
)
def test_only_web_and_mail_links_open(text, opened):
    if "attach" in text:
        cleaned = clean_link(text)
        assert cleaned is not None and "attach" not in cleaned and "subject=" in cleaned
        assert cleaned.startswith("mailto:udvalg@norddjurs.dk?")
        return
    assert clean_link(text) == opened


def test_tooltips_show_markup_as_written():
    tip = plain_tooltip("<b>fed</b> & <a href='x'>link</a>\nnæste linje")
    assert "<b>" not in tip and "&lt;b&gt;fed&lt;/b&gt;" in tip and "<br>" in tip


def test_control_characters_never_reach_the_terminal(tmp_path, capsys):
    text = plan_text(
        """
        [[activities]]
        id = "a1"
        title = "Ond\\u001b]0;pwned\\u0007 titel"
        ring = "r1"
        category = "c1"
        date = 2022-03-01
        """
    )
    path = tmp_path / "escape.toml"
    path.write_text(text, encoding="utf-8")
    assert cli.main(["list", str(path)]) == 0
    out = capsys.readouterr().out
    assert "\x1b" not in out and "\x07" not in out and "Ond]0;pwned titel" in out


class RecordingPainter:
    """Stands in for a QPainter and records what text is drawn."""

    def __init__(self):
        from PySide6.QtGui import QTransform

        self.drawn: list[str] = []
        self._transform = QTransform()

    def setFont(self, font):
        pass

    def setPen(self, pen):
        pass

    def worldTransform(self):
        return self._transform

    def setWorldTransform(self, transform):
        self._transform = transform

    def drawText(self, point, text):
        self.drawn.append(text)


def test_right_to_left_titles_are_laid_out_whole_on_the_arc(qapp):
    """Glyph by glyph, Hebrew or Arabic would read backwards and unjoined: such a title
    is given to Qt's bidi-aware layout in one piece."""
    from aarshjul.polar import ArcText
    from aarshjul.render.painter import draw_arc_text, needs_shaping

    hebrew = "ישיבת ועדה שנתית"
    assert needs_shaping(hebrew) and needs_shaping("اجتماع") and not needs_shaping("Budgetmøde")
    painter = RecordingPainter()
    draw_arc_text(painter, ArcText(hebrew, 60.0, 30.0, 12.0, "#000000"))
    assert painter.drawn == [hebrew]
    latin = RecordingPainter()
    draw_arc_text(latin, ArcText("A long Danish title on a tight arc", 60.0, 30.0, 12.0, "#000000"))
    assert len(latin.drawn) > 10  # bent along the arc, glyph by glyph
