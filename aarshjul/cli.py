"""The ``aarshjul`` command: the window, or validate / list / export a plan.

``aarshjul`` alone opens the shipped 2022 plan, ``aarshjul PLAN`` opens PLAN.
Errors are one clear message on stderr and exit code 2, never a traceback.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from aarshjul import __version__, wording
from aarshjul.i18n import N_, _, catalogue, language, reason, set_language
from aarshjul.model import Plan, PlanError, load_plan
from aarshjul.model.fileformat import CONTROL
from aarshjul.paths import shipped_plan

if TYPE_CHECKING:  # (argparse and json are imported where a command needs them: the
    # window opened from a plan alone, as a user starts it, needs neither)
    import argparse

COMMANDS = ("open", "validate", "list", "export", "rollover", "layout", "import", "publish")
EXIT_INVALID = 2


def _refused(message: str) -> Exception:
    """An argument's type refused, in ``message`` (for argparse, imported by then)."""
    import argparse

    return argparse.ArgumentTypeError(message)


def _size(text: str) -> tuple[int, int]:
    match = re.fullmatch(r"\s*(\d+)\s*[x×]\s*(\d+)\s*", text)
    if not match:
        raise _refused(_("'{text}' is not a size such as 1600x1600").format(text=text))
    width, height = int(match.group(1)), int(match.group(2))
    if not (16 <= width <= 20000 and 16 <= height <= 20000):
        raise _refused(_("a size from 16 to 20000 pixels, not {text}").format(text=text))
    return width, height


def _dpi(text: str) -> int:
    if not text.isdigit() or not 30 <= int(text) <= 2400:
        raise _refused(_("'{text}' is not a resolution from 30 to 2400 dpi").format(text=text))
    return int(text)


def _day(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise _refused(_("'{text}' is not a date such as 2022-05-03").format(text=text)) from None


# argparse's own words that a user of these commands can meet (its headings, the help
# option, its errors), as argparse spells them, translated by the catalogue
ARGPARSE_WORDS = (
    N_("usage: "),
    N_("positional arguments"),
    N_("options"),
    N_("show this help message and exit"),
    N_("%(prog)s: error: %(message)s\n"),
    N_("argument %(argument_name)s: %(message)s"),
    N_("the following arguments are required: %s"),
    N_("unrecognized arguments: %s"),
    N_("invalid choice: %(value)r (choose from %(choices)s)"),
    N_("invalid %(type)s value: %(value)r"),
    N_("expected one argument"),
    N_("expected at most one argument"),
    N_("expected at least one argument"),
    N_("expected %s argument"),
    N_("expected %s arguments"),
    N_("ambiguous option: %(option)s could match %(matches)s"),
    N_("ignored explicit argument %r"),
)


@contextmanager
def _argparse_speaking_ours() -> Iterator[None]:
    """argparse in the program's language while it builds, reads and says.

    argparse looks its words up through its module's ``_`` and ``ngettext`` (the
    gettext hook the Python documentation names for translating it); ours is a
    TOML catalogue, not a gettext one, so those two are pointed at it meanwhile."""
    import argparse

    table = catalogue(language())
    words = argparse.__dict__
    saved = {name: words[name] for name in ("_", "ngettext")}

    def said(text: str) -> str:
        return table.get(text, text)

    words["_"] = said
    words["ngettext"] = lambda one, many, n: said(one if n == 1 else many)
    try:
        yield
    finally:
        words.update(saved)


def _parser() -> argparse.ArgumentParser:
    import argparse

    parser = argparse.ArgumentParser(
        prog="aarshjul",
        usage="aarshjul [PLAN] | aarshjul COMMAND …",
        description=_(
            "Årshjul: a committee's year as a wheel. Without a command it opens "
            "PLAN (or the shipped 2022 plan) in a window."
        ),
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"aarshjul {__version__}",
        help=_("show the program's version and exit"),
    )
    parser.add_argument("--lang", choices=("da", "en"), help=_("language of the program"))
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", prog="aarshjul")

    window = sub.add_parser("open", help=_("open PLAN in a window (what 'aarshjul PLAN' does)"))
    window.add_argument("plan", type=Path, nargs="?", metavar="PLAN")

    validate = sub.add_parser("validate", help=_("check a plan file"))
    validate.add_argument("plan", type=Path, metavar="PLAN")

    listing = sub.add_parser("list", help=_("print every occurrence in date order"))
    listing.add_argument("plan", type=Path, metavar="PLAN")
    listing.add_argument("--json", action="store_true", help=_("print JSON"))

    export = sub.add_parser(
        "export",
        help=_("draw the wheel to files without a window"),
        description=_(
            "Write the wheel as PDF (the wheel and a month-by-month handout), SVG or PNG "
            "(the wheel with its title and legend), and the activities as an .ics calendar. "
            "Everything is printed unless --ring or --category narrows it; the calendar "
            "holds every activity."
        ),
    )
    export.add_argument("plan", type=Path, metavar="PLAN")
    export.add_argument("--pdf", type=Path, metavar="OUT", help=_("write a PDF"))
    export.add_argument("--svg", type=Path, metavar="OUT", help=_("write an SVG image"))
    export.add_argument("--png", type=Path, metavar="OUT", help=_("write a PNG image"))
    export.add_argument(
        "--ics",
        type=Path,
        metavar="OUT",
        help=_("write the activities as calendar events (.ics, for Outlook and others)"),
    )
    export.add_argument(
        "--size",
        type=_size,
        default=(1600, 1600),
        metavar="WxH",
        help=_("size of the PNG or SVG in pixels (default 1600x1600)"),
    )
    export.add_argument(
        "--dpi", type=_dpi, default=96, help=_("resolution of the PNG or SVG (default 96)")
    )
    export.add_argument(
        "--paper", choices=("A4", "A3"), default="A4", help=_("paper of the PDF (default A4)")
    )
    export.add_argument("--landscape", action="store_true", help=_("landscape PDF pages"))
    export.add_argument(
        "--ring", action="append", default=[], metavar="ID", help=_("only this ring (repeatable)")
    )
    export.add_argument(
        "--category",
        action="append",
        default=[],
        metavar="ID",
        help=_("only this category (repeatable)"),
    )
    export.add_argument(
        "--today",
        type=_day,
        metavar="DATE",
        help=_("draw the today line at DATE (default: today's date)"),
    )

    lay = sub.add_parser(
        "layout",
        help=_("print where the wheel draws every name"),
        description=_(
            "Lay the wheel out as the window (--size) or the PDF poster (--paper) "
            "draws it, and print every ring, item and label with its outline, "
            "in pixels or points."
        ),
    )
    lay.add_argument("plan", type=Path, metavar="PLAN")
    where = lay.add_mutually_exclusive_group()
    where.add_argument(
        "--size", type=_size, metavar="WxH", help=_("a window's wheel of WxH pixels")
    )
    where.add_argument("--paper", choices=("A4", "A3"), help=_("the PDF poster on this paper"))
    lay.add_argument("--landscape", action="store_true", help=_("landscape paper"))
    lay.add_argument(
        "--zoom",
        choices=("year", "quarter", "month"),
        default="year",
        help=_("the whole year (default), a quarter or a month"),
    )
    lay.add_argument(
        "--period",
        type=int,
        default=1,
        metavar="N",
        help=_("which quarter (1-4) or month (1-12) of the wheel's year (default 1)"),
    )
    lay.add_argument("--today", type=_day, metavar="DATE", help=_("the today hand at DATE"))
    lay.add_argument("--json", action="store_true", help=_("print JSON (the only format)"))

    roll = sub.add_parser(
        "rollover",
        help=_("make next year's plan from this one"),
        description=_(
            "Copy PLAN to a new year: phases and deadlines keep their month and day, "
            "meetings their weekday in the same week, recurrences carry on."
        ),
    )
    roll.add_argument("plan", type=Path, metavar="PLAN")
    roll.add_argument("--year", type=int, required=True, help=_("the new wheel's first year"))
    roll.add_argument(
        "-o",
        "--output",
        type=Path,
        required=True,
        metavar="OUT",
        help=_("where to write the new plan"),
    )
    roll.add_argument("--force", action="store_true", help=_("overwrite OUT if it exists"))
    roll.add_argument(
        "--without-unscheduled",
        action="store_true",
        help=_("leave the activities without a date behind"),
    )

    take = sub.add_parser(
        "import",
        help=_("take events from a calendar file (.ics) into the plan"),
        description=_(
            "Add the events of a calendar file (from Outlook, Google Calendar and others) "
            "to PLAN, in RING and CATEGORY. An event already in the plan (the same UID) "
            "updates its activity, so importing a file twice adds nothing the second "
            "time; events outside the wheel's twelve months are skipped."
        ),
    )
    take.add_argument("plan", type=Path, metavar="PLAN")
    take.add_argument(
        "--ics", type=Path, required=True, metavar="FILE", help=_("the calendar file")
    )
    take.add_argument("--ring", required=True, metavar="RING", help=_("the ring new events go in"))
    take.add_argument(
        "--category", required=True, metavar="CATEGORY", help=_("the category of new events")
    )
    take.add_argument(
        "--meetings", action="store_true", help=_("mark new events as meetings (agenda dates)")
    )
    take.add_argument(
        "-o",
        "--output",
        type=Path,
        metavar="OUT",
        help=_("write the plan here (default: over PLAN, keeping its layout)"),
    )

    publish = sub.add_parser(
        "publish",
        help=_("put the plan's activities into a shared calendar (CalDAV)"),
        description=_(
            "Keep a CalDAV calendar (Nextcloud, SOGo, Radicale, Fastmail, iCloud) in step "
            "with PLAN: events are created, changed and deleted so that the calendar holds "
            "the plan's activities; events the plan did not create are left alone. The "
            "password comes from AARSHJUL_CALDAV_PASSWORD or is asked for."
        ),
    )
    publish.add_argument("plan", type=Path, metavar="PLAN")
    publish.add_argument(
        "--caldav", required=True, metavar="URL", help=_("the calendar collection's address")
    )
    publish.add_argument("--user", metavar="NAME", help=_("the user name on the server"))
    return parser


def main(argv: list[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    if "--lang" in args_list[:-1]:
        chosen = args_list[args_list.index("--lang") + 1]
        if chosen in ("da", "en"):
            set_language(chosen)
    plain = _plain_open(args_list)
    if plain is not None:  # (the window at once, without building every command's parser)
        return _guarded(lambda: _gui(plain[0]))
    with _argparse_speaking_ours():
        args = _parser().parse_args(_with_command(args_list))
    return _guarded(lambda: _command(args))


def _command(args: argparse.Namespace) -> int:
    if args.command == "validate":
        return _validate(args.plan)
    if args.command == "list":
        return _list(args.plan, args.json)
    if args.command == "export":
        return _export(args)
    if args.command == "rollover":
        return _rollover(args)
    if args.command == "layout":
        return _layout(args)
    if args.command == "import":
        return _import(args)
    if args.command == "publish":
        return _publish(args)
    return _gui(getattr(args, "plan", None))


def _guarded(run: Callable[[], int]) -> int:
    """``run``'s exit code; a bad plan or file is one message on stderr, not a traceback."""
    try:
        return run()
    except PlanError as exc:
        print(exc, file=sys.stderr)
        return EXIT_INVALID
    except BrokenPipeError:  # the reader went away (aarshjul list … | head)
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except OSError as exc:
        print(f"aarshjul: {exc.filename or ''}: {reason(exc)}", file=sys.stderr)
        return EXIT_INVALID
    except KeyboardInterrupt:
        return 130


def _plain_open(arguments: list[str]) -> tuple[Path | None] | None:
    """``aarshjul`` or ``aarshjul PLAN``, read as the parser reads it: the plan to open
    (None: the shipped plan); None for anything else (options, commands)."""
    if not arguments:
        return (None,)
    if len(arguments) == 1 and not arguments[0].startswith("-") and arguments[0] not in COMMANDS:
        return (Path(arguments[0]),)
    return None


def _with_command(arguments: list[str]) -> list[str]:
    """``aarshjul [--lang L] [PLAN]`` is ``aarshjul [--lang L] open [PLAN]``: one parser
    reads both."""
    k = 0
    while k < len(arguments) and arguments[k].startswith("-"):
        if arguments[k] == "--lang" and k + 1 == len(arguments):
            return arguments  # (the parser says a language is missing)
        k += 2 if arguments[k] == "--lang" else 1
    if k < len(arguments) and arguments[k] in COMMANDS:
        return arguments
    return [*arguments[:k], "open", *arguments[k:]]


def _writes_over(source: Path, outputs: list[Path]) -> int | None:
    """EXIT_INVALID, said why, where an output is the command's own input; else None."""
    for output in outputs:
        same = output.exists() and source.exists() and os.path.samefile(source, output)
        if same or output.resolve() == source.resolve():
            print(
                _("aarshjul: {path} is the plan being read; write to another file").format(
                    path=output
                ),
                file=sys.stderr,
            )
            return EXIT_INVALID
    return None


def printable(text: str) -> str:
    """``text`` without control characters: a title cannot steer the terminal."""
    return CONTROL.sub("", text)


def _validate(path: Path) -> int:
    plan = load_plan(path)
    occurrences = plan.occurrences()
    waiting = sum(1 for o in occurrences if o.start is None)
    print(
        _(
            "{path}: valid: \u201c{title}\u201d, {first} to {last}: {activities} activities "
            "({occurrences} on the wheel, {waiting} without a date), {rings} rings, "
            "{categories} categories"
        ).format(
            path=path,
            title=printable(plan.title),
            first=plan.start.isoformat(),
            last=plan.last_day.isoformat(),
            activities=len(plan.activities),
            occurrences=len(occurrences) - waiting,
            waiting=waiting,
            rings=len(plan.rings),
            categories=len(plan.categories),
        )
    )
    return 0


def occurrence_rows(plan: Plan) -> list[dict[str, object]]:
    """Every occurrence in date order, unscheduled last, as plain data."""
    rows: list[dict[str, object]] = []
    for occ in plan.occurrences():
        activity = occ.activity
        ring = plan.ring(activity.ring)
        category = plan.category(activity.category)
        rows.append(
            {
                "id": activity.id,
                "title": wording.title(occ, _),
                "kind": activity.kind.value,
                "ring": activity.ring,
                "ring_name": ring.name if ring else "",
                "category": activity.category,
                "category_name": category.name if category else "",
                "start": occ.start.isoformat() if occ.start else None,
                "end": occ.end.isoformat() if occ.end else None,
                "occurrence": occ.index,
                "recurring": bool(activity.rrule),
                "owner": activity.owner,
            }
        )
    return rows


def _list(path: Path, as_json: bool) -> int:
    plan = load_plan(path)
    rows = occurrence_rows(plan)
    if as_json:
        import json

        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return 0
    for row in rows:
        if row["start"] is None:
            when = _("no date yet")
        elif row["start"] == row["end"]:
            when = str(row["start"])
        else:
            when = f"{row['start']} – {row['end']}"
        line = f"{when:<25}  {row['title']}  [{row['ring_name']} · {row['category_name']}]"
        print(printable(line))
    return 0


def _export(args: argparse.Namespace) -> int:
    if not (args.pdf or args.svg or args.png or args.ics):
        print(
            _("aarshjul export: give at least one of --pdf, --svg, --png and --ics"),
            file=sys.stderr,
        )
        return EXIT_INVALID
    outputs = [p for p in (args.pdf, args.svg, args.png, args.ics) if p]
    if (clash := _writes_over(args.plan, outputs)) is not None:
        return clash
    plan = load_plan(args.plan)
    if not _known_ids("export", plan, args.ring, args.category):
        return EXIT_INVALID
    if args.ics:
        from aarshjul.calendars.export import to_ics
        from aarshjul.model.fileformat import write_atomically
        from aarshjul.render.dates import saying

        data = to_ics(plan, say=saying(plan.locale))
        write_atomically(args.ics, data)
        events = data.count(b"BEGIN:VEVENT")
        print(_("wrote {path} ({events} events)").format(path=args.ics, events=events))
        if not (args.pdf or args.svg or args.png):
            return 0
    from aarshjul.model.filters import Filter
    from aarshjul.render.export import export_pdf, export_png, export_svg

    occurrences = Filter().narrowed_to(plan, args.ring, args.category).visible(plan)
    today = args.today or dt.date.today()
    width, height = args.size
    if args.pdf:
        pages = export_pdf(
            plan,
            args.pdf,
            paper=args.paper,
            landscape=args.landscape,
            occurrences=occurrences,
            today=today,
        )
        print(_("wrote {path} ({pages} pages)").format(path=args.pdf, pages=pages))
    for path, export in ((args.svg, export_svg), (args.png, export_png)):
        if path:
            layout = export(
                plan, path, width, height, dpi=args.dpi, occurrences=occurrences, today=today
            )
            print(
                _("wrote {path} ({width}×{height})").format(path=path, width=width, height=height)
            )
            for count, text in (
                (
                    layout.undated_left_out,
                    N_(
                        "aarshjul export: {path}: the list of activities without a date "
                        "({count}) is not in the picture: {width}×{height} has no room for it "
                        "(a larger --size has)"
                    ),
                ),
                (
                    layout.keyed_unlisted,
                    N_(
                        "aarshjul export: {path}: {count} of the numbers on the wheel are not "
                        "in the list beside it: {width}×{height} has no room for them (a "
                        "larger --size has, and the PDF handout names every activity)"
                    ),
                ),
            ):
                if count:
                    print(
                        _(text).format(path=path, count=count, width=width, height=height),
                        file=sys.stderr,
                    )
    return 0


def _layout(args: argparse.Namespace) -> int:
    from dateutil.relativedelta import relativedelta

    from aarshjul.layout_report import report
    from aarshjul.model.periods import Zoom, span
    from aarshjul.render.export import ensure_gui_application, poster_layout
    from aarshjul.render.painter import wheel_layout

    plan = load_plan(args.plan)
    zoom = Zoom(args.zoom)
    periods = {Zoom.YEAR: 1, Zoom.QUARTER: 4, Zoom.MONTH: 12}[zoom]
    if not 1 <= args.period <= periods:
        print(
            _("aarshjul layout: --period {n}: a {zoom} view has periods 1 to {count}").format(
                n=args.period, zoom=args.zoom, count=periods
            ),
            file=sys.stderr,
        )
        return EXIT_INVALID
    today = args.today or dt.date.today()
    if args.paper:
        if zoom is not Zoom.YEAR:
            print(_("aarshjul layout: the poster shows the whole year"), file=sys.stderr)
            return EXIT_INVALID
        layout, centre, scale = poster_layout(
            plan, paper=args.paper, landscape=args.landscape, today=today
        )
        data = report(layout, centre, scale)
    else:
        from aarshjul.ui.formatting import period_heading

        ensure_gui_application()
        months = {Zoom.YEAR: 0, Zoom.QUARTER: 3, Zoom.MONTH: 1}[zoom]
        first = plan.start + relativedelta(months=months * (args.period - 1))
        shown = span(plan, zoom, first) if zoom is not Zoom.YEAR else None
        width, height = args.size or (1000, 560)
        margin = 8  # as the window's wheel
        layout = wheel_layout(
            plan,
            width - 2 * margin,
            height - 2 * margin,
            today=today,
            span=shown,
            heading=period_heading(plan, zoom, shown),
        )
        data = report(layout, (margin - layout.frame[0], margin - layout.frame[1]))
    import json

    print(json.dumps(data, ensure_ascii=False, indent=1))
    return 0


def _rollover(args: argparse.Namespace) -> int:
    from aarshjul.model.fileformat import save_plan
    from aarshjul.model.rollover import rollover, rollover_years

    if (clash := _writes_over(args.plan, [args.output])) is not None:
        return clash
    plan = load_plan(args.plan)
    years = rollover_years(plan)
    if args.year not in years:
        message = _(
            "aarshjul rollover: {year} is not a year to plan: choose from {first} to {last}"
        )
        print(message.format(year=args.year, first=years[0], last=years[-1]), file=sys.stderr)
        return EXIT_INVALID
    if args.output.exists() and not args.force:
        print(
            _("aarshjul rollover: {path} exists; give --force to overwrite it").format(
                path=args.output
            ),
            file=sys.stderr,
        )
        return EXIT_INVALID
    new = rollover(plan, args.year, keep_unscheduled=not args.without_unscheduled)
    save_plan(new, args.output)
    print(
        _("wrote {path}: \u201c{title}\u201d, {first} to {last}, {count} activities").format(
            path=args.output,
            title=new.title,
            first=new.start.isoformat(),
            last=new.last_day.isoformat(),
            count=len(new.activities),
        )
    )
    return 0


def _known_ids(command: str, plan: Plan, rings: list[str], categories: list[str]) -> bool:
    """Whether the plan has every ring and category asked for; if not, say which not."""
    for option, wanted, known in (
        ("--ring", rings, [r.id for r in plan.rings]),
        ("--category", categories, [c.id for c in plan.categories]),
    ):
        for value in wanted:
            if value not in known:
                message = _(
                    "aarshjul {command}: {option} {value}: the plan has no such id; it has {known}"
                )
                print(
                    message.format(
                        command=command, option=option, value=value, known=", ".join(known)
                    ),
                    file=sys.stderr,
                )
                return False
    return True


def _import(args: argparse.Namespace) -> int:
    from aarshjul.calendars.importing import (
        ACTION_WORDS,
        Action,
        CalendarError,
        apply_import,
        read_calendar,
        read_calendar_file,
    )
    from aarshjul.model.fileformat import plan_problems, save_plan

    output = args.output or args.plan
    if args.output is not None and (clash := _writes_over(args.plan, [args.output])):
        return clash
    plan = load_plan(args.plan)  # a pipe or a huge file is refused before it is read
    original = args.plan.read_text(encoding="utf-8")
    if not _known_ids("import", plan, [args.ring], [args.category]):
        return EXIT_INVALID
    try:
        incoming = read_calendar(read_calendar_file(args.ics), plan)
    except CalendarError as exc:
        print(f"aarshjul import: {args.ics}: {exc}", file=sys.stderr)
        return EXIT_INVALID
    result = apply_import(plan, incoming, args.ring, args.category, meetings=args.meetings)
    problems = plan_problems(result.plan, plan)
    if problems:
        print(
            _("aarshjul import: the plan would not be valid; nothing was written:"), file=sys.stderr
        )
        for problem in problems:
            print(f"  {problem}", file=sys.stderr)
        return EXIT_INVALID
    for item in incoming:
        when = "" if item.start is None else item.start.isoformat()
        if item.end is not None and item.end != item.start:
            when += f" – {item.end.isoformat()}"
        line = f"{_(ACTION_WORDS[item.action]):<10} {when:<25} {item.title}"
        if item.rrule:
            line += f"  ({item.rrule})"
        if item.reason:
            line += f": {item.reason}"
        print(printable(line))
    counts = {action: sum(1 for i in incoming if i.action is action) for action in Action}
    if result.added or result.updated:
        save_plan(result.plan, output, original=original if output == args.plan else None)
    print(
        _("{added} added, {updated} updated, {same} unchanged, {skipped} skipped; {path}").format(
            added=counts[Action.ADD],
            updated=counts[Action.UPDATE],
            same=counts[Action.SAME],
            skipped=counts[Action.SKIP],
            path=_("wrote {path}").format(path=output)
            if result.added or result.updated
            else _("nothing to write"),
        )
    )
    return 0


def _publish(args: argparse.Namespace) -> int:
    from aarshjul.calendars.publish import PublishError, publish
    from aarshjul.render.dates import saying

    plan = load_plan(args.plan)
    password = os.environ.get("AARSHJUL_CALDAV_PASSWORD")
    if password is None and args.user and sys.stdin.isatty():
        import getpass

        password = getpass.getpass(_("Password for {user}: ").format(user=args.user))
    try:
        report = publish(plan, args.caldav, args.user, password, say=saying(plan.locale))
    except PublishError as exc:
        print(f"aarshjul publish: {exc}", file=sys.stderr)
        return EXIT_INVALID
    print(
        _(
            "{url}: {created} created, {updated} updated, {deleted} deleted, {same} unchanged"
        ).format(
            url=args.caldav,
            created=len(report.created),
            updated=len(report.updated),
            deleted=len(report.deleted),
            same=len(report.unchanged),
        )
    )
    for uid in report.foreign:
        print(
            _("left alone: {uid} is in the calendar, but the plan did not put it there").format(
                uid=uid
            )
        )
    return 0


def _gui(path: Path | None) -> int:
    from aarshjul.ui.app import run  # (no screen to open on: it says so, exit status 2)

    return run(path if path is not None else shipped_plan())
