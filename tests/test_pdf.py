"""The exports: a vector PDF whose text can be read back, SVG and PNG."""

import os
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET

import pytest
from PySide6.QtGui import QImage

from aarshjul import cli
from aarshjul.model import load_plan
from aarshjul.render.export import export_pdf, export_png, export_svg

from .conftest import PLAN_2022


def pdf_text(path, first=None, last=None) -> str:
    """The PDF's text by pdftotext (poppler-utils); pages end with a form feed."""
    if shutil.which("pdftotext") is None:
        if os.environ.get("CI"):
            pytest.fail("pdftotext is missing: .ci/run installs poppler-utils")
        pytest.skip("pdftotext (poppler-utils) is not installed")
    command = ["pdftotext", "-layout"]
    if first:
        command += ["-f", str(first)]
    if last:
        command += ["-l", str(last)]
    result = subprocess.run([*command, str(path), "-"], capture_output=True, text=True, check=True)
    return result.stdout


@pytest.fixture(scope="module")
def plan():
    return load_plan(PLAN_2022)


@pytest.fixture(scope="module")
def pdf(plan, tmp_path_factory, qapp):
    path = tmp_path_factory.mktemp("pdf") / "hjul.pdf"
    pages = export_pdf(plan, path)
    return path, pages


def test_pdf_has_the_poster_then_the_handout(pdf):
    path, pages = pdf
    text = pdf_text(path)
    assert text.count("\f") == pages >= 3
    first = pdf_text(path, 1, 1)
    assert "Årshjul arbejdsmarkedsudvalget 2022" in first
    assert "Norddjurs Kommune" in first
    # printed in the plan's language (Danish), whatever the program speaks
    assert "Lavet " in first and "med Årshjul" in first
    assert "Kategorier" in first and "Budget" in first


def test_every_activity_title_is_text_in_the_pdf(pdf, plan):
    text = re.sub(r"\s+", " ", pdf_text(pdf[0]))
    for activity in plan.activities:
        assert activity.title in text, activity.title
    assert "Side 2 af" in text
    # the plan is Danish, so is its printout
    assert text.index("Januar 2022") < text.index("December 2022") < text.index("Endnu uden dato")


def test_pdf_text_keeps_dashes_brackets_and_danish_letters(pdf):
    text = pdf_text(pdf[0])
    assert "1. januar 2022 – 31. marts 2022" in text
    assert "(FGU)" in text and "æ" in text and "ø" in text and "å" in text


def test_pdf_is_vector_and_written_whole(pdf):
    data = pdf[0].read_bytes()
    assert data.startswith(b"%PDF-") and data.rstrip().endswith(b"%%EOF")
    assert b"/FontFile2" in data  # embedded TrueType text, not pictures of text
    assert b"/Subtype /Image" not in data


def test_paper_and_orientation(plan, tmp_path, qapp):
    a3 = tmp_path / "a3.pdf"
    export_pdf(plan, a3, paper="A3", landscape=True)
    box = re.search(rb"/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]", a3.read_bytes())
    width, height = float(box.group(1)), float(box.group(2))
    assert (round(width), round(height)) == (1191, 842)  # A3 landscape in points


def test_cli_pdf_narrowed_to_a_ring(tmp_path, capsys, qapp):
    out = tmp_path / "politik.pdf"
    assert cli.main(["export", str(PLAN_2022), "--pdf", str(out), "--ring", "politik"]) == 0
    text = pdf_text(out)
    assert "Budgetforhandling" in text
    assert "jobCAMP 22" not in text and "Frist: udvalgets pulje" not in text
    assert "pages" in capsys.readouterr().out


def test_cli_refuses_an_unknown_ring(tmp_path, capsys):
    assert (
        cli.main(["export", str(PLAN_2022), "--pdf", str(tmp_path / "x.pdf"), "--category", "nope"])
        == 2
    )
    assert "nope" in capsys.readouterr().err
    assert not (tmp_path / "x.pdf").exists()


def test_svg_is_well_formed_with_the_month_names(plan, tmp_path, qapp):
    from aarshjul import i18n

    i18n.set_language("da")
    out = tmp_path / "hjul.svg"
    export_svg(plan, out, 1200, 900)
    root = ET.parse(out).getroot()
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    assert root.get("version") == "1.1"
    assert root.get("viewBox") == "0 0 1200 900"
    texts = {"".join(e.itertext()).strip() for e in root.iter("{http://www.w3.org/2000/svg}text")}
    months = [
        "Januar",
        "Februar",
        "Marts",
        "April",
        "Maj",
        "Juni",
        "Juli",
        "August",
        "September",
        "Oktober",
        "November",
        "December",
    ]
    assert set(months) <= texts
    assert "Årshjul arbejdsmarkedsudvalget 2022" in texts


def test_png_has_the_size_and_resolution_asked_for(plan, tmp_path, qapp):
    out = tmp_path / "hjul.png"
    export_png(plan, out, 900, 1200, dpi=300)
    image = QImage(str(out))
    assert (image.width(), image.height()) == (900, 1200)
    assert round(image.dotsPerMeterX() * 0.0254) == 300


def test_paginate_never_splits_a_block_and_keeps_headings_with_the_next():
    from aarshjul.render.printout import paginate

    # heading(10) entry(50) entry(50) heading(10) entry(50) on pages of 130
    pages = paginate([10, 50, 50, 10, 50], [True, False, False, True, False], 130)
    assert pages == [[0, 1, 2], [3, 4]]  # the heading moves on with its entry
    assert paginate([200, 10], [False, False], 100) == [[0], [1]]  # too tall: a page alone
    assert paginate([], [], 100) == [[]]


def test_copied_text_has_plain_letters_not_ligatures(pdf):
    """'fl' and 'fi' copy and search as two letters ("flexicurity", not "ﬂexicurity")."""
    text = pdf_text(pdf[0])
    assert "flexicurity" in text
    assert not set("ﬀﬁﬂﬃﬄ") & set(text)


def test_the_svg_names_fallback_fonts_and_renders_in_librsvg(plan, tmp_path, qapp):
    """A viewer without Open Sans falls back to a sans-serif; librsvg (as used by
    GNOME and many converters) renders the poster with the wheel's colours."""
    from PySide6.QtGui import QColor, QImage

    from aarshjul.render.export import export_svg

    if shutil.which("rsvg-convert") is None:
        if os.environ.get("CI"):
            pytest.fail("rsvg-convert is missing: .ci/run installs librsvg2-bin")
        pytest.skip("rsvg-convert (librsvg2-bin) is not installed")
    svg = tmp_path / "wheel.svg"
    export_svg(plan, svg, 1000, 1000)
    text = svg.read_text(encoding="utf-8")
    assert 'font-family="Open Sans"' not in text
    assert "Open Sans, DejaVu Sans" in text and "sans-serif" in text
    png = tmp_path / "wheel.png"
    subprocess.run(["rsvg-convert", "-o", str(png), str(svg)], check=True, timeout=120)
    image = QImage(str(png))
    assert (image.width(), image.height()) == (1000, 1000)
    budget = QColor("#e69f00")
    hits = sum(
        1
        for x in range(0, 1000, 10)
        for y in range(0, 1000, 10)
        if max(
            abs(image.pixelColor(x, y).red() - budget.red()),
            abs(image.pixelColor(x, y).green() - budget.green()),
            abs(image.pixelColor(x, y).blue() - budget.blue()),
        )
        < 20
    )
    assert hits > 50  # the budget phases are drawn


def test_the_legend_leaves_room_for_a_wider_fallback_font(plan, tmp_path, qapp, monkeypatch):
    """The poster's legend columns hold their widest line even 30 % wider, so a
    viewer's fallback font does not run "Arrangementer og orientering" into the
    rings' column (four columns did on a 1000 px poster)."""
    from aarshjul.render import printout

    used = []
    original = printout._paint_legend

    def spy(painter, rect, columns, px, row, unit):
        used.append((rect.width(), columns, px, unit))
        return original(painter, rect, columns, px, row, unit)

    monkeypatch.setattr(printout, "_paint_legend", spy)
    export_svg(plan, tmp_path / "wheel.svg", 1000, 1000)
    ((width, columns, px, unit),) = used
    assert printout.FALLBACK_ROOM >= 1.25
    assert printout._columns_fit(columns, width, px, unit)
    assert len(columns) >= 2


@pytest.mark.parametrize(
    "paper, landscape, columns",
    [("A4", False, 1), ("A4", True, 2), ("A3", False, 2), ("A3", True, 3)],
)
def test_handout_lines_stay_readable_on_every_paper(plan, qapp, paper, landscape, columns):
    """No line of the handout holds much more than 90 characters (A3 lying had 230)."""
    from PySide6.QtCore import QBuffer, QIODevice
    from PySide6.QtGui import QFontMetricsF

    from aarshjul.render import fonts
    from aarshjul.render.export import pdf_writer
    from aarshjul.render.printout import text_columns

    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = pdf_writer(buffer, plan, paper, landscape)
    count, width = text_columns(writer.width(), writer)
    metrics = QFontMetricsF(fonts.plain_font(points=10), writer)
    sample = "Budgetopfølgning og temadrøftelse i udvalget, "
    characters = width / (metrics.horizontalAdvance(sample) / len(sample))
    assert count == columns
    assert 60 <= characters <= 92
    assert count * width <= writer.width()


def test_a_long_title_is_set_smaller_then_cut_never_past_the_edge(qapp):
    from aarshjul.render.painter import measure
    from aarshjul.render.printout import fitted

    assert fitted("Årshjul 2022", 500, 30, 18) == ("Årshjul 2022", 30)
    title = "Årshjul for Børne- og Ungdomsudvalget samt Skoleudvalget 2025–2026"
    text, px = fitted(title, 700, 30, 18, bold=True)
    assert text == title and 18 <= px < 30 and measure()(text, px, True) <= 700 + 1e-6
    text, px = fitted(title * 5, 600, 30, 18, bold=True)
    assert px == 18 and text.endswith("…") and measure()(text, px, True) <= 600 + 1e-6


@pytest.mark.parametrize(
    ("size", "count"), [((1366, 768), 12), ((768, 1366), 12), ((800, 600), 12), ((768, 1366), 60)]
)
def test_a_long_legend_stays_on_the_page(qapp, size, count):
    """Forty categories and long ring names, or sixty rings: the legend takes more
    columns, each no wider than its share, no column runs past the page, and the
    wheel keeps most of it."""
    from PySide6.QtCore import QRectF

    from aarshjul.render.printout import LEGEND_PX, LEGEND_ROW, LEGEND_SHARE, legend_and_wheel

    width, height = size
    unit = min(width, height) / 1000
    body = QRectF(0, 0, width, height)
    categories = [(f"Kategori {k} med et navn", "#0072b2") for k in range(40)]
    rings = [
        (f"{k}. Ring med et meget langt navn der aldrig slutter " * 3, None) for k in range(count)
    ]
    columns, legend, wheel = legend_and_wheel(
        [("Kategorier", categories), ("Ringe", rings)], body, unit
    )
    row = LEGEND_PX * unit * LEGEND_ROW
    assert max(len(c) for c in columns) * row <= legend.height() + 1e-6
    assert body.contains(legend) and body.contains(wheel) and not legend.intersects(wheel)
    share = legend.width() / width if width > height * 1.15 else legend.height() / height
    assert share <= LEGEND_SHARE + 0.02
    assert wheel.width() * wheel.height() >= 0.5 * width * height
    shown = [text for column in columns for text, _c, _b in column]
    assert all(text in shown for text, _c in categories + rings)


def test_a_plan_of_sixty_rings_prints(qapp, tmp_path):
    """The poster's legend of sixty rings once left the wheel a frame of negative
    height, and the layout stopped with a ValueError."""
    from dataclasses import replace

    from aarshjul.model.plan import Ring

    plan = load_plan(PLAN_2022)
    rings = tuple(Ring(f"r{k}", f"Ring {k}") for k in range(60))
    plan = replace(
        plan,
        rings=rings,
        activities=tuple(replace(a, ring=rings[k % 60].id) for k, a in enumerate(plan.activities)),
    )
    assert export_pdf(plan, tmp_path / "many.pdf") >= 2
