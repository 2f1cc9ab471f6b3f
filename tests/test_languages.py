"""Each plan speaks its own language on the wheel and in print; the panels speak the
program's. No global switch: the words are made where they are shown."""

import pytest

from aarshjul import i18n
from aarshjul.model import load_plan
from aarshjul.render.export import export_pdf
from aarshjul.render.painter import wheel_layout
from aarshjul.ui.details_panel import details_html

from .conftest import ROOT
from .test_pdf import pdf_text

BOARD = ROOT / "docs" / "examples" / "board-2026.toml"  # English, with board meetings
SCHOOL = ROOT / "docs" / "examples" / "school-2025.toml"  # Danish, with meetings


@pytest.fixture
def danish_program():
    i18n.set_language("da")
    yield
    i18n.set_language("en")


def test_an_english_plan_prints_in_english_while_the_program_speaks_danish(
    qapp, tmp_path, danish_program
):
    out = tmp_path / "board.pdf"
    export_pdf(load_plan(BOARD), out)
    text = " ".join(pdf_text(out).split())
    assert "Agenda out: Board meeting" in text
    assert "Dagsorden ud" not in text
    assert "7 working days before the meeting on 18 June 2026" in text  # words, not ISO
    assert "The agenda goes out 7 working days before each meeting." in text
    assert "Categories" in text and "Kategorier" not in text


def test_a_danish_plan_prints_in_danish_while_the_program_speaks_english(qapp, tmp_path):
    out = tmp_path / "school.pdf"
    export_pdf(load_plan(SCHOOL), out)
    text = " ".join(pdf_text(out).split())
    assert "Dagsorden ud: Skolebestyrelsesmøde" in text
    assert "Agenda out" not in text
    assert "Dagsordenen udsendes 5 hverdage før hvert møde." in text
    assert "2025-09-03" not in text


def test_the_wheel_speaks_the_plan_and_the_panels_the_program(qapp, danish_program):
    plan = load_plan(BOARD)
    wheel = wheel_layout(plan, 1000, 560)
    titles = {i.title for i in wheel.items}
    assert "Agenda out: Board meeting" in titles
    marker = next(o for o in plan.occurrences() if o.derived_from == "board")
    html = details_html(plan, marker)
    assert "Dagsorden ud: Board meeting" in html  # the panel: the program's language


def test_a_meetings_details_say_when_its_agenda_goes_out_and_the_marker_names_its_meeting(qapp):
    plan = load_plan(BOARD)
    meeting = next(o for o in plan.occurrences() if o.activity.id == "board")
    html = details_html(plan, meeting)
    assert "a committee meeting" in html
    assert "Monday 12 January 2026" in html and "7 working days before" in html
    marker = next(o for o in plan.occurrences() if o.derived_from == "board")
    html = details_html(plan, marker)
    assert "For the meeting" in html
    assert "Board meeting on Wednesday 21 January 2026" in html


def test_nothing_switches_the_language_globally():
    assert not hasattr(i18n, "speaking")
    assert i18n.translator("en_GB")("Categories") == "Categories"
    assert i18n.translator("da")("Categories") == "Kategorier"


START_WITH_SAVED_LANGUAGE = """
import sys
from aarshjul.ui.app import create_application
from aarshjul.ui.main_window import MainWindow
create_application()
window = MainWindow()
print(window.menuBar().actions()[0].text())
if len(sys.argv) > 1:
    window.choose_language(sys.argv[1])
    print(window.statusBar().currentMessage())
"""


def test_the_language_chosen_in_the_window_is_spoken_from_the_next_start(tmp_path):
    """View › Language keeps the choice; the next start speaks it, over the system's
    locale, and --lang or AARSHJUL_LANG still name the language of one start."""
    import os
    import subprocess
    import sys

    env = {k: v for k, v in os.environ.items() if k not in ("AARSHJUL_LANG", "LANGUAGE")}
    env.update(XDG_CONFIG_HOME=str(tmp_path), LANG="en_GB.UTF-8", QT_QPA_PLATFORM="offscreen")

    def start(*args, **more) -> list[str]:
        out = subprocess.run(
            [sys.executable, "-c", START_WITH_SAVED_LANGUAGE, *args],
            env={**env, **more},
            capture_output=True,
            text=True,
            check=True,
            cwd=ROOT,
        )
        return out.stdout.splitlines()

    assert start("da") == ["&File", "Årshjul taler dansk fra næste start."]
    assert start() == ["&Filer"]
    assert start(AARSHJUL_LANG="en") == ["&File"]
    assert start("en") == ["&Filer", "Årshjul speaks English from the next start."]
    assert start() == ["&File"]
