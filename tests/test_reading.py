"""Reading the wheel in the window: selection, details, list, legend, search, zoom, print."""

import datetime as dt
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtPrintSupport import QPrintPreviewWidget
from PySide6.QtWidgets import QApplication, QFileDialog

from aarshjul import geometry
from aarshjul.model.periods import Zoom
from aarshjul.ui.activity_list import KEY_ROLE
from aarshjul.ui.app import create_application
from aarshjul.ui.details_panel import details_html, is_safe_link
from aarshjul.ui.main_window import MainWindow

from .conftest import PLAN_2022
from .test_pdf import pdf_text

TODAY = dt.date(2022, 5, 3)


@pytest.fixture
def window(open_window):
    return open_window(today=TODAY)


def point_of(window, activity_id, index=0):
    wheel = window.wheel
    item = next(i for i in wheel.layout_().items_of(activity_id) if i.occurrence.index == index)
    angle = item.angle0 if item.is_marker else (item.angle0 + item.angle1) / 2
    radius = item.mid_radius if item.is_marker else item.inner + (item.outer - item.inner) * 0.2
    x, y = geometry.polar(radius, angle)
    centre = wheel.wheel_rect().center()
    return QPoint(round(centre.x() + x), round(centre.y() + y))


def listed_titles(window):
    model = window.activity_list.model()
    return [model.index(row, 1).data() for row in range(model.rowCount())]


def selected_row_title(window):
    rows = window.activity_list.selectionModel().selectedRows(1)
    return rows[0].data() if rows else None


def test_clicking_the_wheel_selects_and_shows_details(window, qtbot):
    qtbot.mouseClick(
        window.wheel, Qt.MouseButton.LeftButton, pos=point_of(window, "budgetforhandling")
    )
    assert window.view.selection == ("budgetforhandling", 0)
    assert selected_row_title(window) == "Budgetforhandling"
    text = window.details.toPlainText()
    assert "Budgetforhandling" in text
    # dates in the plan's locale (Danish), with weekday and ISO week
    # the panels speak the program's language (English in the tests), with weekday and week
    assert "Monday 1 August 2022 (week 31)" in text and "Monday 31 October 2022 (week 44)" in text
    assert "Politiske forløb" in text and "Budget" in text and "92 days" in text
    # clicking an empty spot clears the selection
    empty = window.wheel.wheel_rect().center().toPoint()
    qtbot.mouseClick(window.wheel, Qt.MouseButton.LeftButton, pos=empty)
    assert window.view.selection is None
    assert selected_row_title(window) is None


def test_selecting_an_occurrence_in_the_list_selects_it_on_the_wheel(window, qtbot):
    model = window.activity_list.model()
    row = next(
        r
        for r in range(model.rowCount())
        if model.index(r, 1).data() == "Frist: udvalgets pulje"
        and model.index(r, 0).data().startswith("30 Sep")
    )
    window.activity_list.selectRow(row)
    assert window.view.selection == ("pulje", 2)
    text = window.details.toPlainText()
    assert "Every month in March, June, September and December, on the last day" in text
    assert "Friday 30 September 2022 (week 39)" in text
    # the wheel outlines the selected occurrence: it paints differently now
    wheel_image = window.wheel.grab().toImage()
    point = point_of(window, "pulje", 2)
    window.view.select(None)
    plain = window.wheel.grab().toImage()
    ratio = wheel_image.devicePixelRatio()
    around = [(point.x() + dx, point.y() + dy) for dx in range(-12, 13) for dy in range(-12, 13)]
    assert any(
        wheel_image.pixelColor(round(x * ratio), round(y * ratio))
        != plain.pixelColor(round(x * ratio), round(y * ratio))
        for x, y in around
    )


def test_the_list_is_sortable_and_keeps_undated_activities(window):
    titles = listed_titles(window)
    assert len(titles) == 22
    assert titles[-4:] == [
        "Udarbejdelse af beskæftigelsesplan",
        "Halvårlig målopfølgning på beskæftigelsesplan",
        "Orientering fra borgerrådgiver",
        "jobCAMP 22",
    ]
    window.activity_list.sortByColumn(1, Qt.SortOrder.AscendingOrder)
    by_title = listed_titles(window)
    assert by_title == sorted(by_title, key=str.casefold)
    assert window.activity_list.objectName() == "activityList"


def test_the_search_field_the_wheel_and_the_list_have_stable_names(window):
    """Scripts and tests find them by name (issue 10)."""
    from PySide6.QtWidgets import QLineEdit, QTableView, QWidget

    assert window.findChild(QLineEdit, "searchField") is window.search
    assert window.findChild(QWidget, "wheel") is window.wheel
    assert window.findChild(QTableView, "activityList") is window.activity_list


def test_unticking_a_category_in_the_legend_hides_it_on_the_wheel_and_in_the_list(window):
    entry = window.legend.entry("category", "budget")
    entry.setCheckState(0, Qt.CheckState.Unchecked)
    wheel_ids = {i.occurrence.activity.category for i in window.wheel.layout_().items}
    assert "budget" not in wheel_ids
    assert "Budgetforhandling" not in listed_titles(window)
    ring = window.legend.entry("ring", "frister")
    ring.setCheckState(0, Qt.CheckState.Unchecked)
    assert all(i.occurrence.activity.ring != "frister" for i in window.wheel.layout_().items)
    assert "jobCAMP 22" not in listed_titles(window)
    entry.setCheckState(0, Qt.CheckState.Checked)
    ring.setCheckState(0, Qt.CheckState.Checked)
    assert len(listed_titles(window)) == 22


def test_search_highlights_matches_dims_the_rest_and_filters_the_list(window, qtbot):
    window.find_action.trigger()
    assert QApplication.focusWidget() is window.search
    qtbot.keyClicks(window.search, "pulje")
    assert set(listed_titles(window)) == {"Frist: udvalgets pulje"}
    items = window.wheel.layout_().items
    assert all(i.dimmed == (i.occurrence.activity.id != "pulje") for i in items)
    window.search.clear()
    assert not any(i.dimmed for i in window.wheel.layout_().items)
    assert len(listed_titles(window)) == 22


def test_zoom_to_a_quarter_and_a_month_enlarges_the_span(window, qtbot):
    year = window.wheel.layout_()
    strategy_year = year.items_of("strategi")[0]
    window.zoom_actions[Zoom.QUARTER].trigger()
    assert window.view.span == (dt.date(2022, 1, 1), dt.date(2022, 4, 1))
    window.next_action.trigger()
    assert window.view.span == (dt.date(2022, 4, 1), dt.date(2022, 7, 1))
    quarter = window.wheel.layout_()
    strategy = quarter.items_of("strategi")[0]
    assert (strategy.angle1 - strategy.angle0) > 3.5 * (strategy_year.angle1 - strategy_year.angle0)
    assert quarter.centre[0].text == "2. kvartal 2022"  # the wheel speaks the plan's Danish
    window.zoom_in_action.trigger()
    assert window.view.zoom is Zoom.MONTH
    assert window.view.span == (dt.date(2022, 4, 1), dt.date(2022, 5, 1))
    assert [m.label.text for m in window.wheel.layout_().months][:1] == ["Uge 13"]
    window.previous_action.trigger()
    assert window.view.span == (dt.date(2022, 3, 1), dt.date(2022, 4, 1))
    window.zoom_actions[Zoom.YEAR].trigger()
    assert window.view.span is None and not window.previous_action.isEnabled()


def test_ctrl_and_the_mouse_wheel_zoom_on_the_date_under_the_mouse(window):
    wheel = window.wheel
    layout = wheel.layout_()
    centre = wheel.wheel_rect().center()
    x, y = geometry.polar(layout.rings_outer * 0.8, layout.scale.middle(dt.date(2022, 8, 10)))
    position = QPointF(centre.x() + x, centre.y() + y)

    def roll(delta):
        event = QWheelEvent(
            position,
            wheel.mapToGlobal(position),
            QPoint(0, 0),
            QPoint(0, delta),
            Qt.MouseButton.NoButton,
            Qt.KeyboardModifier.ControlModifier,
            Qt.ScrollPhase.NoScrollPhase,
            False,
        )
        QApplication.sendEvent(wheel, event)

    roll(120)
    assert window.view.span == (dt.date(2022, 7, 1), dt.date(2022, 10, 1))
    roll(-120)
    assert window.view.zoom is Zoom.YEAR


def test_a_selection_outside_the_quarter_or_month_shown_turns_the_wheel_to_it(window):
    """Chosen in the list or by a search, an activity of another period is shown: the
    wheel turns to the quarter or month it starts in; one that is shown, or has no
    date, leaves the period as it is."""
    window.view.set_zoom(Zoom.MONTH, dt.date(2022, 5, 10))
    window.view.select(("strategi", 0))  # April and May: shown
    assert window.view.span == (dt.date(2022, 5, 1), dt.date(2022, 6, 1))
    window.view.select(("budgetopfoelgning", 2))  # September
    assert window.view.span == (dt.date(2022, 9, 1), dt.date(2022, 10, 1))
    assert window.wheel.layout_().items_of("budgetopfoelgning")
    window.view.select(("jobcamp", 0))  # no date
    assert window.view.span == (dt.date(2022, 9, 1), dt.date(2022, 10, 1))
    window.view.set_zoom(Zoom.QUARTER)
    window.view.select(("pulje", 3))  # 31 December
    assert window.view.span == (dt.date(2022, 10, 1), dt.date(2023, 1, 1))
    window.view.set_zoom(Zoom.YEAR)
    window.view.select(("strategi", 0))
    assert window.view.span is None


def test_a_screen_reader_is_told_the_plan_and_what_is_selected(window):
    wheel = window.wheel
    assert wheel.accessibleName() == f"Wheel: {window.document.plan.title}"
    assert wheel.accessibleDescription() == "Nothing is selected."
    window.view.select(("strategi", 0))
    assert wheel.accessibleDescription().startswith("Selected: Arbejdsmarkedsstrategi, ")
    assert "May" in wheel.accessibleDescription()
    window.view.select(("jobcamp", 0))
    assert wheel.accessibleDescription() == "Selected: jobCAMP 22"
    assert window.search.accessibleName() == "Search the activities"


def test_today_jumps_to_the_current_month(window):
    window.today_action.trigger()
    assert window.view.zoom is Zoom.MONTH
    assert window.view.span == (dt.date(2022, 5, 1), dt.date(2022, 6, 1))
    assert window.wheel.layout_().today is not None


def test_today_outside_the_plans_year_says_so(qtbot, tmp_path):
    create_application()
    win = MainWindow(today=dt.date(2026, 11, 27))
    qtbot.addWidget(win)
    win.open_path(PLAN_2022)
    win.today_action.trigger()
    assert win.view.zoom is Zoom.YEAR
    assert "not in this plan's year" in win.statusBar().currentMessage()
    texts = [win.upcoming.item(i).text() for i in range(win.upcoming.count())]
    assert texts == ["Today, 27 November 2026, is after this plan's year."]


def test_now_and_next_panel(window):
    texts = [window.upcoming.item(i).text() for i in range(window.upcoming.count())]
    assert texts[0] == "Under way today"
    assert "Arbejdsmarkedsstrategi\nuntil 31 May" in texts
    assert texts.index("Next") > 0
    assert "Frist: udvalgets pulje\n30 Jun · in 58 days" in texts
    row = next(
        i
        for i in range(window.upcoming.count())
        if window.upcoming.item(i).text().startswith("Frist")
    )
    window.upcoming.itemClicked.emit(window.upcoming.item(row))
    assert window.view.selection == ("pulje", 1)


def test_links_open_only_for_web_and_mail_addresses(window):
    assert is_safe_link("https://norddjurs.dk/udvalg")
    assert is_safe_link("mailto:au@norddjurs.dk")
    for unsafe in ("javascript:alert(1)", "file:///etc/passwd", "ftp://x.dk", "norddjurs.dk"):
        assert not is_safe_link(unsafe)
    plan = window.document.plan
    activity = replace(plan.activity("jobcamp"), link="javascript:alert(1)")
    html = details_html(plan, plan.occurrences_of(activity)[0])
    assert "<a " not in html and "javascript:alert(1)" in html
    activity = replace(activity, link="https://jobcamp.dk")
    assert '<a href="https://jobcamp.dk">' in details_html(plan, plan.occurrences_of(activity)[0])


def test_print_preview_shows_the_same_pages_as_the_pdf(window, qtbot, tmp_path, monkeypatch):
    dialog = window.print_preview()
    qtbot.addWidget(dialog)
    preview = dialog.findChild(QPrintPreviewWidget)
    qtbot.waitUntil(lambda: preview.pageCount() > 0)
    pdf = tmp_path / "hjul.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(pdf), ""))
    assert window.export_pdf_dialog()
    assert preview.pageCount() == pdf_text(pdf).count("\f")
    dialog.close()


def test_what_the_legend_hides_is_not_exported_from_the_window(window, tmp_path, monkeypatch):
    window.legend.entry("category", "budget").setCheckState(0, Qt.CheckState.Unchecked)
    pdf = tmp_path / "uden-budget.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(pdf), ""))
    assert window.export_pdf_dialog()
    text = pdf_text(pdf)
    assert "Arbejdsmarkedsstrategi" in text
    assert "Budgetforhandling" not in text


def test_the_wheel_exports_as_a_picture_of_what_the_window_prints(window, tmp_path, monkeypatch):
    """File › Export Image: PNG or SVG by the filter chosen where the name has no
    suffix; the poster at 1600×1600 px and 200 dpi; what the legend hides left out."""
    from PySide6.QtGui import QImage

    window.legend.entry("category", "beskaeftigelse").setCheckState(0, Qt.CheckState.Unchecked)
    answers = iter(
        [(str(tmp_path / "hjul"), "PNG (*.png)"), (str(tmp_path / "hjul"), "SVG (*.svg)")]
    )
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: next(answers))
    assert window.export_image_dialog()
    image = QImage(str(tmp_path / "hjul.png"))
    assert (image.width(), image.height()) == (1600, 1600)
    assert round(image.dotsPerMeterX() * 0.0254) == 200
    assert window.export_image_dialog()
    svg = (tmp_path / "hjul.svg").read_text(encoding="utf-8")
    assert ">Halvårlig målopfølgning på beskæftigelsesplan<" in svg  # (beside the wheel)
    assert "Udarbejdelse af beskæftigelsesplan" not in svg
    assert str(tmp_path / "hjul.svg") in window.statusBar().currentMessage()


def test_the_wheel_is_copied_to_the_clipboard_as_the_exported_picture(
    window, tmp_path, monkeypatch
):
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *a, **k: (str(tmp_path / "a.png"), "")
    )
    assert window.export_image_dialog()
    QApplication.clipboard().clear()
    window.copy_wheel_action.trigger()
    copied = QApplication.clipboard().image()
    from PySide6.QtGui import QImage

    exported = QImage(str(tmp_path / "a.png")).convertToFormat(copied.format())
    assert not copied.isNull() and copied.size() == exported.size()
    assert copied == exported


def test_the_pdf_is_written_on_the_paper_chosen_and_offered_it_next_time(
    window, tmp_path, monkeypatch
):
    """Export PDF offers A4 and A3, portrait and landscape, as the file's kinds; the
    kind chosen is the paper, and it is the one offered first the next time."""
    import re

    offered = []

    def answer(_parent, _title, _start, filters, selected):
        offered.append((filters.split(";;"), selected))
        kind = next(f for f in filters.split(";;") if "A3" in f and "landscape" in f)
        return str(tmp_path / f"plakat-{len(offered)}"), kind

    monkeypatch.setattr(QFileDialog, "getSaveFileName", answer)
    assert window.export_pdf_dialog()
    assert window.export_pdf_dialog()
    kinds = offered[0][0]
    assert kinds[0] == "PDF, A4 portrait (*.pdf)" and len(kinds) == 4
    assert offered[0][1] == "" and offered[1][1] == "PDF, A3 landscape (*.pdf)"
    box = re.search(
        rb"/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]", (tmp_path / "plakat-2.pdf").read_bytes()
    )
    assert (round(float(box.group(1))), round(float(box.group(2)))) == (1191, 842)


def test_exports_never_offer_the_shipped_plans_folder(qtbot, tmp_path, monkeypatch):
    """The shipped plan's folder is the installation's: an export of it is offered in
    the last folder used (here the home folder)."""
    from PySide6.QtCore import QSettings

    from aarshjul.paths import shipped_plan

    create_application()
    QSettings().clear()
    monkeypatch.setenv("HOME", str(tmp_path))
    window = MainWindow(today=TODAY)
    qtbot.addWidget(window)
    assert window.open_path(shipped_plan())
    offered = []
    monkeypatch.setattr(
        QFileDialog,
        "getSaveFileName",
        lambda _p, _t, start, _f, _selected: offered.append(start) or ("", ""),
    )
    for export in (
        window.export_pdf_dialog,
        window.export_image_dialog,
        window.export_calendar_dialog,
    ):
        assert not export()
    assert [Path(start).parent for start in offered] == [tmp_path] * 3
    assert [Path(start).name for start in offered] == ["2022.pdf", "2022.png", "2022.ics"]


def test_enter_in_the_search_field_walks_the_matches_and_escape_clears_it(window, qtbot):
    """Enter selects the next match in the list's order, round to the first; Shift+Enter
    (and Shift+F3) the one before; Escape clears the search, then goes to the wheel."""
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    window.focus_search()
    qtbot.keyClicks(window.search, "budget")
    model = window.activity_list.source
    matches = [tuple(model.index(r, 0).data(KEY_ROLE)) for r in range(model.rowCount())]
    assert len(matches) > 2
    assert all("budget" in window.document.plan.activity(a).title.casefold() for a, _i in matches)
    walked = []
    for _ in range(len(matches) + 1):
        qtbot.keyClick(window.search, Qt.Key.Key_Return)
        walked.append(window.view.selection)
    assert walked == [*matches, matches[0]]
    qtbot.keyClick(window.search, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    assert window.view.selection == matches[-1]
    window.find_previous_action.trigger()
    assert window.view.selection == matches[-2]
    qtbot.keyClick(window.search, Qt.Key.Key_Escape)
    assert window.search.text() == "" and window.search.hasFocus()
    qtbot.keyClick(window.search, Qt.Key.Key_Escape)
    assert window.wheel.hasFocus()
    window.search.setText("no such activity anywhere")
    assert not window.find_next()
    assert window.statusBar().currentMessage() == "No activity matches the search."


def test_a_search_fades_items_in_the_layout_it_has_and_repaints(window, qtbot):
    wheel = window.wheel
    layout = wheel.layout_()
    before = wheel.grab().toImage()
    qtbot.keyClicks(window.search, "budget")
    assert wheel.layout_() is layout  # a search places nothing anew
    assert wheel.grab().toImage() != before  # but the picture fades the rest
    wheel.invalidate()
    again = wheel.layout_()
    assert again is not layout and again is not None
    marks = {(i.occurrence.activity.id, i.occurrence.index): i.dimmed for i in layout.items}
    assert marks == {(i.occurrence.activity.id, i.occurrence.index): i.dimmed for i in again.items}
    assert any(marks.values()) and not all(marks.values())
    window.legend.entry("ring", "frister").setCheckState(0, Qt.CheckState.Unchecked)
    hidden = wheel.layout_()
    assert hidden is not again  # a hidden ring lays out anew
    assert all(i.occurrence.activity.ring != "frister" for i in hidden.items)
    assert any(i.dimmed for i in hidden.items)


def test_a_selected_activity_the_search_does_not_match_stays_dimmed(window, qtbot):
    """Its outline stays, but its colour is as faint as the other unmatched ones."""
    window.view.select(("budgetforhandling", 0))
    window.find_action.trigger()
    qtbot.keyClicks(window.search, "pulje")
    wheel = window.wheel
    item = next(iter(wheel.layout_().items_of("budgetforhandling")))
    assert item.dimmed
    image = wheel.grab().toImage()
    point = point_of(window, "budgetforhandling")
    colour = image.pixelColor(point.x(), point.y())
    # the budget orange faded to a fifth over the pale background: light, not saturated
    assert colour.lightness() > 180, colour.name()
    window.search.clear()
    image = wheel.grab().toImage()
    assert image.pixelColor(point.x(), point.y()).lightness() < 160


def test_today_lives_in_one_place_and_everything_moves_on_at_midnight(open_window, qtbot):
    """The wheel, now and next and the list all follow the view's today."""
    window = open_window()
    view = window.view
    view._pinned = False  # as in real use: the clock moves the day
    view._check_date(dt.date(2022, 5, 3))
    assert window.wheel.today() == window.upcoming.today == dt.date(2022, 5, 3)
    before = window.wheel.layout_().today
    texts = [window.upcoming.item(i).text() for i in range(window.upcoming.count())]
    view._check_date(dt.date(2022, 5, 4))  # midnight
    assert window.upcoming.today == dt.date(2022, 5, 4)
    assert window.wheel.layout_().today > before
    assert [window.upcoming.item(i).text() for i in range(window.upcoming.count())] != texts
    model = window.activity_list.model()
    rows = [model.index(r, 1) for r in range(model.rowCount())]
    grey = [i.data() for i in rows if i.data(Qt.ItemDataRole.ForegroundRole) is not None]
    assert "Løbende introduktion til området" in grey  # ended 31 March
    assert "Beskæftigelsesplan" not in grey


def test_an_edit_updates_the_list_rows_it_touched_without_a_reset(window):
    """The list learns of an edit by rows changed, not by a reset of every row."""
    from aarshjul.model import edits

    model = window.activity_list.source
    resets, changed = [], []
    model.modelReset.connect(lambda: resets.append(1))
    model.dataChanged.connect(lambda first, last, *_: changed.append((first.row(), last.row())))
    window.editor.apply("Move", lambda p: edits.move_activity(p, "strategi", 3))
    assert resets == [] and len(changed) == 1
    row = changed[0][0]
    assert model.rows[row].activity.id == "strategi"
    titles = listed_titles(window)
    assert titles.index("Arbejdsmarkedsstrategi") < titles.index(
        "Prioritering af indsatsområde for det kommende budgetår"
    )


@settings(
    max_examples=20,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(
    column=st.integers(0, 4),
    descending=st.booleans(),
    steps=st.lists(
        st.tuples(
            st.sampled_from(["move", "remove", "undo"]), st.integers(0, 30), st.integers(-60, 60)
        ),
        min_size=1,
        max_size=6,
    ),
)
def test_the_list_stays_sorted_and_keeps_the_selection_through_edits(
    window, column, descending, steps
):
    """Whatever the sorted column and order, after moves, removals and undos the list
    holds exactly what the view lists, in that column's order, and the selected
    occurrence stays selected while it is there."""
    from aarshjul.model import edits

    table, model = window.activity_list, window.activity_list.source
    order = Qt.SortOrder.DescendingOrder if descending else Qt.SortOrder.AscendingOrder
    table.sortByColumn(column, order)
    stack = window.document.undo_stack
    try:
        for action, pick, days in steps:
            plan = window.document.plan
            dated = [a for a in plan.activities if a.start is not None]
            chosen = dated[pick % len(dated)].id
            window.view.select((chosen, 0))
            if action == "move" and days:
                window.editor.apply(
                    "Move", lambda p, c=chosen, d=days: edits.move_activity(p, c, d)
                )
            elif action == "remove":
                window.editor.apply("Remove", lambda p, c=chosen: edits.remove_activity(p, c))
            elif stack.canUndo():
                stack.undo()
            listed = window.view.listed()
            assert sorted(map(_row_key, model.rows)) == sorted(map(_row_key, listed))
            texts = [model.index(r, column).data() for r in range(model.rowCount())]
            if column == 0:
                keys = model._sort_keys(model.rows)
                assert keys == sorted(keys, reverse=descending)
            else:
                folded = [t.casefold() for t in texts]
                assert folded == sorted(folded, reverse=descending)
            selection = window.view.selection
            if selection is not None and model.row_of(selection) >= 0:
                rows = table.selectionModel().selectedRows()
                assert [model.rows[i.row()].activity.id for i in rows] == [selection[0]]
    finally:
        while stack.canUndo():
            stack.undo()
        table.sortByColumn(0, Qt.SortOrder.AscendingOrder)


def _row_key(occurrence):
    return occurrence.activity.id, occurrence.index
