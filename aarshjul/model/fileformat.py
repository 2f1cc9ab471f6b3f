"""The TOML plan file: load and validate (``tomli``), save (``tomli_w``).

The format is described in ``docs/plan-format.md``. Loading checks everything
and raises :class:`PlanError` naming the file, the place and the line; saving
is deterministic so that an unchanged plan saves to the same bytes.
"""

from __future__ import annotations

import datetime as dt
import errno
import os
import re
import stat
import tempfile
import time
from dataclasses import replace
from pathlib import Path
from typing import Any

import tomli  # tomllib's own parser, compiled (mypyc): three times faster to read
import tomli_w

from aarshjul.i18n import N_, _, reason
from aarshjul.model import recurrence, toml_errors
from aarshjul.model.checks import activity_problems, suggest
from aarshjul.model.errors import PlanError, Problem
from aarshjul.model.plan import Activity, Category, Plan, Ring, replaced_in_place

FORMAT_VERSION = 1

COLOR_RE = re.compile(r"^#[0-9a-fA-F]{6}$")
ID_RE = re.compile(r"[^\W_][\w.-]*")  # letters of any script (æ, ø, å too), digits, _ . -
MAX_BYTES = 20_000_000  # a plan file is at most 20 MB (50,000 activities take about 6)
TEXT_LIMITS = {"title": 500, "name": 200, "organisation": 500, "id": 200, "uid": 500}  # characters
FIRST_YEAR, LAST_YEAR = 1900, 2999  # the years a plan may start in
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")  # control characters but tab, line feed
LOCALE_RE = re.compile(r"^[a-z]{2,3}(_[A-Z]{2})?$")

TOP_KEYS = {"format": True, "plan": True, "rings": True, "categories": True, "activities": False}
PLAN_KEYS = {
    "title": True,
    "organisation": False,
    "locale": False,
    "start": True,
    "agenda_days": False,
}
RING_KEYS = {"id": True, "name": True}
CATEGORY_KEYS = {"id": True, "name": True, "color": True}
ACTIVITY_KEYS = {
    "id": True,
    "title": True,
    "ring": True,
    "category": True,
    "date": False,
    "start": False,
    "end": False,
    "rrule": False,
    "exdates": False,
    "series": False,
    "meeting": False,
    "owner": False,
    "link": False,
    "description": False,
    "uid": False,
}
REQUIRED_ACTIVITY_KEYS = {key for key, required in ACTIVITY_KEYS.items() if required}
ACTIVITY_TEXTS = ("title", "ring", "category", "description", "owner", "link", "rrule", "series")
TYPE_NAMES = {
    str: N_("text"),
    int: N_("a whole number"),
    dt.date: N_("a date (YYYY-MM-DD)"),
    dict: N_("a table"),
    bool: N_("true or false"),
    list: N_("a list"),
}


def _type_name(value: Any) -> str:
    if isinstance(value, bool):
        return _("true or false")
    if isinstance(value, dt.datetime):
        return _("a date and time")
    if isinstance(value, list):
        return _("a list")
    for kind, name in TYPE_NAMES.items():
        if isinstance(value, kind):
            return _(name)
    return type(value).__name__


class _Lines:
    """Finds the line of a key such as ``activities[3].end`` in the TOML source.

    The source is read for lines only when a problem asks for one: a valid plan
    (the usual case) does not pay for it."""

    HEADER = re.compile(r"^\s*(\[\[?)\s*([A-Za-z0-9_.-]+)\s*\]\]?")
    KEY = re.compile(r'^\s*([A-Za-z0-9_-]+|"[^"]*")\s*=')

    def __init__(self, text: str):
        self._text = text
        self._lines: dict[str, int] | None = None

    @property
    def lines(self) -> dict[str, int]:
        if self._lines is None:
            self._lines = self._index(self._text)
        return self._lines

    def _index(self, text: str) -> dict[str, int]:
        lines: dict[str, int] = {}
        counts: dict[str, int] = {}
        table = ""
        in_multiline: str | None = None
        for number, line in enumerate(text.splitlines(), start=1):
            if in_multiline:
                if line.count(in_multiline) % 2 == 1:
                    in_multiline = None
                continue
            if header := self.HEADER.match(line):
                name = header.group(2)
                if header.group(1) == "[[":
                    counts[name] = counts.get(name, -1) + 1
                    table = f"{name}[{counts[name]}]"
                else:
                    table = name
                lines.setdefault(table, number)
                continue
            if key := self.KEY.match(line):
                name = key.group(1).strip('"')
                lines.setdefault(f"{table}.{name}" if table else name, number)
                rest = line[key.end() :]
                for quote in ('"""', "'''"):
                    if rest.count(quote) % 2 == 1:
                        in_multiline = quote
        return lines

    def find(self, where: str) -> int | None:
        while where:
            if where in self.lines:
                return self.lines[where]
            where = where.rpartition(".")[0]
        return None


class _Reader:
    """Validates the parsed TOML and builds the plan, collecting every problem."""

    def __init__(self, lines: _Lines):
        self.lines = lines
        self.problems: list[Problem] = []

    def problem(self, where: str, message: str) -> None:
        self.problems.append(Problem(where, message, self.lines.find(where)))

    def table(self, data: Any, where: str, keys: dict[str, bool]) -> dict[str, Any] | None:
        if not isinstance(data, dict):
            self.problem(where, _("expected a table, got {kind}").format(kind=_type_name(data)))
            return None
        for key in data:
            if key not in keys:
                hint = suggest(key, list(keys))
                self.problem(
                    f"{where}.{key}" if where else key,
                    _("unknown key '{key}'").format(key=key) + hint,
                )
        for key, required in keys.items():
            if required and key not in data:
                self.problem(where, _("missing key '{key}'").format(key=key))
        return data

    def value(
        self, data: dict[str, Any], key: str, where: str, kind: type, default: Any = None
    ) -> Any:
        if key not in data:
            return default
        value = data[key]
        ok = isinstance(value, kind) and (kind is bool or not isinstance(value, bool))
        if kind is dt.date and isinstance(value, dt.datetime):
            ok = False
        if not ok:
            self.problem(
                f"{where}.{key}" if where else key,
                _("expected {expected}, got {kind}").format(
                    expected=_(TYPE_NAMES[kind]), kind=_type_name(value)
                ),
            )
            return default
        return value

    def text(self, data: dict[str, Any], key: str, where: str, *, required: bool = False) -> str:
        value = self.value(data, key, where, str, "")
        if required and key in data and isinstance(value, str) and not value.strip():
            self.problem(f"{where}.{key}", _("must not be empty"))
        limit = TEXT_LIMITS.get(key)
        if limit is not None and isinstance(value, str) and len(value) > limit:
            self.problem(
                f"{where}.{key}",
                _("{length} characters is too long: at most {limit}").format(
                    length=len(value), limit=limit
                ),
            )
            return value[:limit]
        return value

    def identifier(self, data: dict[str, Any], where: str, seen: set[str]) -> str:
        value = self.text(data, "id", where, required=True)
        if value and not ID_RE.fullmatch(value):
            self.problem(
                f"{where}.id",
                _(
                    "'{id}' is not a valid id: use letters, digits, "
                    "'-', '_' and '.', starting with a letter or digit"
                ).format(id=value),
            )
        elif value in seen:
            self.problem(f"{where}.id", _("duplicate id '{id}'").format(id=value))
        seen.add(value)
        return value

    def array(self, data: dict[str, Any], key: str, *, required: bool) -> list[Any]:
        if key not in data:
            return []
        value = data[key]
        if not isinstance(value, list):
            self.problem(
                key,
                _("expected a list of tables ([[{key}]]), got {kind}").format(
                    key=key, kind=_type_name(value)
                ),
            )
            return []
        if required and not value:
            self.problem(key, _("at least one is needed"))
        return value

    def read(self, data: dict[str, Any]) -> Plan | None:
        self.table(data, "", TOP_KEYS)
        version = self.value(data, "format", "", int)
        if version is not None and version > FORMAT_VERSION:
            self.problem(
                "format",
                _(
                    "this file has format {version}, but this version of Årshjul "
                    "reads format {ours} at most: update Årshjul"
                ).format(version=version, ours=FORMAT_VERSION),
            )
            return None
        if version is not None and version < 1:
            self.problem("format", _("unknown format {version}").format(version=version))
        plan = self.read_plan(data.get("plan", {}))
        rings = [
            self.read_ring(r, f"rings[{i}]", set())
            for i, r in enumerate(self.array(data, "rings", required=True))
        ]
        categories = [
            self.read_category(c, f"categories[{i}]")
            for i, c in enumerate(self.array(data, "categories", required=True))
        ]
        self.check_unique(rings, "rings")
        self.check_unique(categories, "categories")
        if plan is None:
            return None
        plan = replace(
            plan,
            rings=tuple(r for r in rings if r is not None),
            categories=tuple(c for c in categories if c is not None),
        )
        ids: set[str] = set()
        activities = []
        for i, item in enumerate(self.array(data, "activities", required=False)):
            activity = self.read_activity(item, f"activities[{i}]", plan, ids)
            if activity is not None:
                activities.append(activity)
        plan = replace(plan, activities=tuple(activities))
        self.check_series(plan)
        self.check_uids(plan)
        return plan

    def check_unique(self, items: list[Any], name: str) -> None:
        seen: set[str] = set()
        for i, item in enumerate(items):
            if item is None:
                continue
            if item.id in seen:
                self.problem(f"{name}[{i}].id", _("duplicate id '{id}'").format(id=item.id))
            seen.add(item.id)

    def read_plan(self, data: Any) -> Plan | None:
        if self.table(data, "plan", PLAN_KEYS) is None:
            return None
        title = self.text(data, "title", "plan", required=True)
        start = self.value(data, "start", "plan", dt.date)
        locale = self.text(data, "locale", "plan") or "da"
        if not LOCALE_RE.match(locale):
            self.problem(
                "plan.locale",
                _("'{locale}' is not a locale such as 'da' or 'en_GB'").format(locale=locale),
            )
        agenda_days = self.value(data, "agenda_days", "plan", int, 4)
        if not 0 <= agenda_days <= 30:
            self.problem(
                "plan.agenda_days",
                _("{days} is not a number of working days from 0 to 30").format(days=agenda_days),
            )
        if start is None:
            return None
        if not FIRST_YEAR <= start.year <= LAST_YEAR:
            self.problem(
                "plan.start",
                _("a plan starts in a year from {first} to {last}, not {year}").format(
                    first=FIRST_YEAR, last=LAST_YEAR, year=start.year
                ),
            )
            return None
        return Plan(
            title=title,
            start=start,
            organisation=self.text(data, "organisation", "plan"),
            locale=locale,
            agenda_days=agenda_days,
        )

    def read_ring(self, data: Any, where: str, seen: set[str]) -> Ring | None:
        if self.table(data, where, RING_KEYS) is None:
            return None
        return Ring(
            id=self.identifier(data, where, seen),
            name=self.text(data, "name", where, required=True),
        )

    def read_category(self, data: Any, where: str) -> Category | None:
        if self.table(data, where, CATEGORY_KEYS) is None:
            return None
        color = self.text(data, "color", where, required=True)
        if color and not COLOR_RE.match(color):
            self.problem(
                f"{where}.color",
                _("'{color}' is not a colour: write it as #rrggbb, for example #1f77b4").format(
                    color=color
                ),
            )
        return Category(
            id=self.identifier(data, where, set()),
            name=self.text(data, "name", where, required=True),
            color=color.lower(),
        )

    def read_activity(self, data: Any, where: str, plan: Plan, ids: set[str]) -> Activity | None:
        activity = _well_formed(data, ids)
        if activity is None:  # read key by key, so that each problem is said
            if self.table(data, where, ACTIVITY_KEYS) is None:
                return None
            text = self.text
            fields = {  # read in the order problems are reported
                "id": self.identifier(data, where, ids),
                "title": text(data, "title", where, required=True),
                "ring": text(data, "ring", where),
                "category": text(data, "category", where),
                "description": text(data, "description", where),
                "owner": text(data, "owner", where),
                "link": text(data, "link", where),
                "rrule": text(data, "rrule", where),
                "meeting": self.value(data, "meeting", where, bool, False),
                "series": text(data, "series", where),
                "uid": text(data, "uid", where),
            }
            start, end = self.read_dates(data, where)
            activity = Activity(start=start, end=end, **fields)
        uid = activity.uid
        if uid and (not uid.strip() or CONTROL.search(uid) or "\n" in uid or "\t" in uid):
            self.problem(
                f"{where}.uid", _("a calendar UID is text on one line, without control characters")
            )
        for key, message in activity_problems(plan, activity):
            self.problem(f"{where}.{key}", message)
        exdates = self.read_exdates(data, where, activity)
        return replace(activity, exdates=exdates) if exdates else activity

    def read_exdates(
        self, data: dict[str, Any], where: str, activity: Activity
    ) -> tuple[dt.date, ...]:
        values = self.value(data, "exdates", where, list, [])
        if not values:
            return ()
        if not activity.rrule or activity.start is None:
            self.problem(f"{where}.exdates", _("only a recurring activity can leave out dates"))
            return ()
        exdates: list[dt.date] = []
        for i, value in enumerate(values):
            place = f"{where}.exdates[{i}]"
            if not isinstance(value, dt.date) or isinstance(value, dt.datetime):
                self.problem(
                    place,
                    _("expected {expected}, got {kind}").format(
                        expected=_(TYPE_NAMES[dt.date]), kind=_type_name(value)
                    ),
                )
                continue
            try:
                rule = recurrence.parse(activity.rrule, activity.start)
            except recurrence.RecurrenceError:
                return ()  # reported with the rule
            if rule.after(_midnight(value), inc=True) != _midnight(value):
                self.problem(
                    place, _("{day} is not one of the series' dates").format(day=value.isoformat())
                )
                continue
            exdates.append(value)
        return tuple(sorted(exdates))

    def check_uids(self, plan: Plan) -> None:
        """No two activities have the same calendar UID."""
        seen: set[str] = set()
        for i, activity in enumerate(plan.activities):
            if activity.uid in seen:
                self.problem(
                    f"activities[{i}].uid",
                    _("another activity has the calendar UID '{uid}'").format(uid=activity.uid),
                )
            elif activity.uid:
                seen.add(activity.uid)

    def check_series(self, plan: Plan) -> None:
        """An occurrence moved out of a series names a recurring activity of the plan."""
        for i, activity in enumerate(plan.activities):
            if not activity.series:
                continue
            parent = plan.activity(activity.series)
            if parent is None or not parent.rrule:
                self.problem(
                    f"activities[{i}].series",
                    _("no recurring activity has the id '{id}'").format(id=activity.series),
                )

    def read_dates(self, data: dict[str, Any], where: str) -> tuple[dt.date | None, dt.date | None]:
        """An activity's start and end: a deadline's date and None, a phase's start and
        end, or neither (unscheduled, or the dates are wrong and reported)."""
        day = self.value(data, "date", where, dt.date)
        start = self.value(data, "start", where, dt.date)
        end = self.value(data, "end", where, dt.date)
        if "date" in data and ("start" in data or "end" in data):
            self.problem(
                f"{where}.date",
                _("give either 'date' (a single day) or 'start' and 'end' (a phase), not both"),
            )
        elif ("start" in data) != ("end" in data):
            missing = "end" if "start" in data else "start"
            self.problem(
                where,
                _(
                    "a phase needs both 'start' and 'end' (missing '{key}'); "
                    "use 'date' for a single day"
                ).format(key=missing),
            )
        elif day is not None:
            return day, None
        elif start is not None and end is not None:
            return start, end
        return None, None


def _well_formed(data: Any, ids: set[str]) -> Activity | None:
    """The activity of a table that every check of its keys, types and lengths passes
    (``_Reader.table``, ``identifier``, ``text``, ``value``, ``read_dates``), read at
    once; its id is then taken (added to ``ids``). None where any check might not
    pass, or the table has no dates: the reader goes key by key then. Most tables of
    a plan are well formed, and reading them at once takes an eighth off reading a
    plan. (The rest, ring, category, dates in the year, rule, left-out dates and UID,
    is checked of both alike.)"""
    if type(data) is not dict or not REQUIRED_ACTIVITY_KEYS <= data.keys() <= ACTIVITY_KEYS.keys():
        return None
    ident = data["id"]
    if type(ident) is not str or not 0 < len(ident) <= TEXT_LIMITS["id"] or ident in ids:
        return None
    texts = [data.get(key, "") for key in ACTIVITY_TEXTS]
    if any(type(text) is not str for text in texts):
        return None
    title, ring, category, description, owner, link, rrule, series = texts
    uid = data.get("uid", "")
    if type(uid) is not str or len(uid) > TEXT_LIMITS["uid"]:
        return None
    if not title.strip() or len(title) > TEXT_LIMITS["title"]:
        return None
    meeting = data.get("meeting", False)
    if type(meeting) is not bool or not ID_RE.fullmatch(ident):
        return None
    day, start, end = data.get("date"), data.get("start"), data.get("end")
    if day is not None:
        if type(day) is not dt.date or start is not None or end is not None:
            return None
        start = day
    elif type(start) is not dt.date or type(end) is not dt.date:
        return None
    ids.add(ident)
    return Activity(
        ident, title, ring, category, start, end, description, owner, link, rrule, meeting,
        series=series, uid=uid,
    )  # fmt: skip


def _midnight(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time())


def loads_plan(text: str, file: str = "<plan>") -> Plan:
    """Parse and validate a plan from TOML text; raise PlanError on any problem."""
    text = text.removeprefix("\ufeff")  # a byte order mark some editors write
    try:
        data = tomli.loads(text)
    except RecursionError:
        raise PlanError(
            file, [Problem("", _("not a plan: arrays or tables nested too deeply"))]
        ) from None
    except tomli.TOMLDecodeError as exc:
        match = re.search(r"\(at line (\d+), column (\d+)\)", str(exc))
        line = int(match.group(1)) if match else None
        reason = toml_errors.said(
            re.sub(r"\s*\(at (line \d+, column \d+|end of document)\)", "", str(exc))
        )
        if match:
            reason += _(" (column {column})").format(column=match.group(2))
        elif str(exc).endswith("(at end of document)"):
            reason += _(" (at the end of the file)")
        raise PlanError(
            file, [Problem("", _("not valid TOML: {reason}").format(reason=reason), line)]
        ) from None
    reader = _Reader(_Lines(text))
    plan = reader.read(data)
    if reader.problems or plan is None:
        raise PlanError(file, reader.problems or [Problem("", _("the plan cannot be read"))])
    return plan


def plan_problems(plan: Plan, before: Plan | None = None) -> list[Problem]:
    """What the loader would say of ``plan`` saved as it is: its very rules, run on the
    plan's data without writing and parsing the text (five times faster).

    ``before`` is the valid plan an edit made ``plan`` from. Where the edit kept the
    plan's settings, rings and categories, only the activities it made anew are read
    again (an edit never changes an activity in place, it replaces it), with the ids
    of the rest and every series checked as a whole: an edit of one activity costs
    the same in a plan of any size.
    """
    reader = _Reader(_Lines(""))
    head = plan_to_dict(replace(plan, activities=()))
    if before is None or head != plan_to_dict(replace(before, activities=())):
        reader.read(plan_to_dict(plan))
        return reader.problems
    settled = reader.read(head)
    if settled is None or reader.problems:
        return reader.problems
    old, new = before.activities, plan.activities
    places = replaced_in_place(old, new)
    if places is not None and all(_same_links(old[k], new[k]) for k in places):
        # ids, calendar UIDs and series' links as before: each activity replaced is
        # read again on its own, and nothing else can have changed
        for k in places:
            reader.read_activity(_activity_table(new[k]), f"activities[{k}]", settled, set())
        return reader.problems
    kept = {id(a) for a in before.activities}
    ids: set[str] = set()
    for i, activity in enumerate(plan.activities):  # in order, as the loader says it
        where = f"activities[{i}]"
        if id(activity) not in kept:
            reader.read_activity(_activity_table(activity), where, settled, ids)
        elif activity.id in ids:  # a valid id, taken by an activity made anew
            reader.problem(f"{where}.id", _("duplicate id '{id}'").format(id=activity.id))
        else:
            ids.add(activity.id)
    settled = replace(settled, activities=plan.activities)
    reader.check_series(settled)
    reader.check_uids(settled)
    return reader.problems


def _same_links(old: Activity, new: Activity) -> bool:
    """Whether ``new`` takes ``old``'s place (same id) with the same calendar UID, as
    recurring or not as it, and moved out of the same series."""
    return old.uid == new.uid and bool(old.rrule) == bool(new.rrule) and old.series == new.series


def load_plan(path: str | os.PathLike[str]) -> Plan:
    """Read and validate the plan file at ``path``; raise PlanError on any problem.

    Only a regular file of at most MAX_BYTES is read: a pipe, a device or a huge
    file is refused at once, never waited for.
    """
    name = os.fspath(path)
    try:
        raw = read_regular_file(path, MAX_BYTES)
    except Unreadable as exc:
        problem = (
            _too_big(exc.size)
            if exc.size is not None
            else Problem("", _("not a plan file: a folder, a device or a pipe"))
        )
        raise PlanError(name, [problem]) from None
    except OSError as exc:
        raise PlanError(name, [Problem("", reason(exc))]) from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise PlanError(name, [Problem("", _("the file is not UTF-8 text"), line)]) from None
    return loads_plan(text, name)


class Unreadable(Exception):
    """A path that is not a regular file (``size`` None), or a file over the limit."""

    def __init__(self, size: int | None = None):
        super().__init__(size)
        self.size = size


def read_regular_file(path: str | os.PathLike[str], limit: int) -> bytes:
    """The bytes of a regular file of at most ``limit`` bytes. A pipe, a device or a
    huge file raises Unreadable at once, never waited for; OSError as it comes."""
    info = os.stat(path)
    if not stat.S_ISREG(info.st_mode):
        raise Unreadable()
    if info.st_size > limit:
        raise Unreadable(info.st_size)
    with open(path, "rb") as file:
        raw = file.read(limit + 1)
    if len(raw) > limit:
        raise Unreadable(len(raw))
    return raw


def _too_big(size: int) -> Problem:
    return Problem(
        "",
        _("the file is {size:.1f} MB; a plan is at most {limit} MB").format(
            size=size / 1_000_000, limit=MAX_BYTES // 1_000_000
        ),
    )


def _activity_table(activity: Activity) -> dict[str, Any]:
    table: dict[str, Any] = {
        "id": activity.id,
        "title": activity.title,
        "ring": activity.ring,
        "category": activity.category,
    }
    if activity.start is not None and activity.end is None:
        table["date"] = activity.start
    elif activity.start is not None:
        table["start"] = activity.start
        table["end"] = activity.end
    if activity.rrule:
        table["rrule"] = activity.rrule
    if activity.exdates:
        table["exdates"] = sorted(activity.exdates)
    if activity.series:
        table["series"] = activity.series
    if activity.meeting:
        table["meeting"] = True
    for key in ("owner", "link", "description", "uid"):
        if value := getattr(activity, key):
            table[key] = value
    return table


def plan_to_dict(plan: Plan) -> dict[str, Any]:
    """The plan as the TOML document's data, in the order it is written."""
    head: dict[str, Any] = {"title": plan.title}
    if plan.organisation:
        head["organisation"] = plan.organisation
    head["locale"] = plan.locale
    head["start"] = plan.start
    head["agenda_days"] = plan.agenda_days
    return {
        "format": FORMAT_VERSION,
        "plan": head,
        "rings": [{"id": r.id, "name": r.name} for r in plan.rings],
        "categories": [{"id": c.id, "name": c.name, "color": c.color} for c in plan.categories],
        "activities": [_activity_table(a) for a in plan.activities],
    }


def dumps_plan(plan: Plan) -> str:
    """The plan as TOML text: stable order, one table per ring, category and activity.

    Each table's keys are written by ``tomli_w`` (quoting and escaping); the
    headers are written here so that every item gets a table of its own, which
    keeps diffs of the file small and readable.
    """
    data = plan_to_dict(plan)
    parts = [tomli_w.dumps({"format": data["format"]}), "[plan]\n" + _body(data["plan"])]
    for key in ("rings", "categories", "activities"):
        parts.extend(f"[[{key}]]\n" + _body(item) for item in data[key])
    return "\n".join(parts)


def _body(table: dict[str, Any]) -> str:
    return tomli_w.dumps(table, multiline_strings=True)


TEMP_PREFIX = "."
TEMP_SUFFIX = ".aarshjul.tmp"
STALE_SECONDS = 3600  # a temporary file of ours this old was left by a crash


def write_atomically(path: str | os.PathLike[str], data: bytes) -> None:
    """Write ``data`` to a temporary file beside ``path``, then rename it over ``path``.

    A crash leaves either the old file or the new one, never half a file; the
    folder is synced after the rename, so the new name survives a power cut too.
    A symlink is written through to its target (a shared file stays shared), a
    read-only file is refused, and temporary files an earlier crash left behind
    are cleared away.
    """
    target = Path(os.path.realpath(path))  # through a symlink to the file it names
    # marked read-only (no write bit: as root, os.access would say yes), or not ours
    if target.exists() and (not target.stat().st_mode & 0o222 or not os.access(target, os.W_OK)):
        raise OSError(errno.EACCES, _("the file is read-only"), str(path))
    _clear_stale_temporaries(target)
    try:
        fd, tmp_name = tempfile.mkstemp(
            prefix=f"{TEMP_PREFIX}{target.name}.", suffix=TEMP_SUFFIX, dir=target.parent
        )
    except OSError as exc:
        raise OSError(exc.errno, exc.strerror, str(target)) from None
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        if target.exists():
            os.chmod(tmp, target.stat().st_mode & 0o777)
        else:
            os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, target)
        _sync_folder(target.parent)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise OSError(exc.errno, exc.strerror, str(target)) from None
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def _sync_folder(folder: Path) -> None:
    """fsync the folder, so that a rename in it is on the disk."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return  # a folder that cannot be opened (some network drives) is left to the OS
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _clear_stale_temporaries(target: Path) -> None:
    """Remove this file's temporary files that a crash left behind (older than an hour:
    a younger one may be another save under way)."""
    now = time.time()
    for leftover in target.parent.glob(f"{TEMP_PREFIX}{target.name}.*{TEMP_SUFFIX}"):
        try:
            if now - leftover.stat().st_mtime > STALE_SECONDS:
                leftover.unlink()
        except OSError:
            pass


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def save_plan(plan: Plan, path: str | os.PathLike[str], original: str | None = None) -> str:
    """Save the plan to ``path`` atomically (temporary file, then rename); return the
    text written.

    Given the file's ``original`` text, only the lines of what changed change
    (comments and the author's layout stay); a text that would not load back as
    ``plan`` is never written: then the plan is written in the fixed order instead.
    """
    text = dumps_plan(plan)
    if original is not None:
        from aarshjul.model.preserving import dumps_preserving

        try:
            kept = dumps_preserving(plan, original)
            if loads_plan(kept) == plan:
                text = kept
        except Exception:
            pass
    write_atomically(path, text.encode("utf-8"))
    return text
