"""A shared CalDAV calendar kept in step with a plan.

Publishing puts each of the plan's calendar objects (:func:`.export.resources`: a
series with its moved occurrences, an activity, an agenda date) into the
calendar collection at a URL. Publishing again changes only what changed and
deletes the events of activities the plan no longer has. Events the plan did not
create (they lack its ``X-AARSHJUL-PLAN`` mark) are never touched. The plan file
is only read. No Qt.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, cast
from urllib.parse import urlsplit

from icalendar import Calendar, Component

from aarshjul.calendars.export import PLAN_PROPERTY, PRODID, Resource, plan_key, resources
from aarshjul.i18n import _
from aarshjul.model.plan import Plan

IGNORED = frozenset({"DTSTAMP", "LAST-MODIFIED", "CREATED", "SEQUENCE"})  # not what changed
TIMEOUT = 30  # seconds a server may take to answer
HTTP_LIBRARIES = ("niquests", "requests", "urllib3", "urllib3_future")


class PublishError(Exception):
    """Publishing failed: a message for the user (where and what)."""


@dataclass
class PublishReport:
    """What publishing did, by UID."""

    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    deleted: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    foreign: list[str] = field(default_factory=list)  # UIDs the calendar has from elsewhere


def object_text(resource: Resource, sequence: int = 0) -> str:
    """One calendar object (CalDAV's unit): a VCALENDAR holding the resource's events."""
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    for event in resource.events:
        copy = Component.from_ical(event.to_ical())
        if sequence:
            copy.pop("SEQUENCE", None)
            copy.add("sequence", sequence)
        calendar.add_component(copy)
    return calendar.to_ical().decode("utf-8")


def fingerprint(events: list[Component]) -> list[tuple[str, ...]]:
    """What an object's events say, without stamps and sequence numbers: equal
    fingerprints need no update."""
    prints = []
    for event in events:
        lines = sorted(
            f"{name}:{_value(value)}"
            for name, value in event.property_items(recursive=False)
            if name not in IGNORED and name not in ("BEGIN", "END")
        )
        prints.append(tuple(lines))
    return sorted(prints)


def _value(value: Any) -> str:
    try:
        return value.to_ical().decode("utf-8") if hasattr(value, "to_ical") else str(value)
    except (ValueError, TypeError):
        return str(value)


def publish(
    plan: Plan,
    url: str,
    user: str | None = None,
    password: str | None = None,
    *,
    say: Callable[[dt.date], str] | None = None,
    timeout: int = TIMEOUT,
) -> PublishReport:
    """Make the calendar at ``url`` hold the plan's activities; raise PublishError
    with a message if the server refuses, cannot be reached or wants other
    credentials."""
    from caldav.davclient import DAVClient
    from caldav.lib import error as dav

    address = urlsplit(url)
    if address.scheme not in ("http", "https") or not address.hostname or " " in url:
        raise PublishError(
            _("{url}: not the address of a calendar (https://server/path/)").format(url=url)
        )
    key = plan_key(plan)
    wanted = {r.uid: r for r in resources(plan, say)}
    report = PublishReport()
    try:
        with DAVClient(
            url=url,
            username=user or None,
            password=password or None,
            timeout=timeout,
            enable_rfc6764=False,
        ) as client:
            calendar = client.calendar(url=url)
            found = cast(list[Any], calendar.events())  # a sync client: a list
            ours: dict[str, tuple[Any, list[Component]]] = {}
            theirs: set[str] = set()
            for item in found:
                events = [c for c in Calendar.from_ical(item.data).walk("VEVENT")]
                if not events:
                    continue
                uid = str(events[0].get("UID", ""))
                if str(events[0].get(PLAN_PROPERTY, "")) == key:
                    ours[uid] = (item, events)
                else:
                    theirs.add(uid)
            for uid, resource in wanted.items():
                if uid in theirs:
                    report.foreign.append(uid)
                    continue
                if uid not in ours:
                    calendar.save_event(object_text(resource))
                    report.created.append(uid)
                    continue
                item, events = ours[uid]
                if fingerprint(events) == fingerprint(list(resource.events)):
                    report.unchanged.append(uid)
                    continue
                sequence = max((int(e.get("SEQUENCE", 0)) for e in events), default=0) + 1
                item.data = object_text(resource, sequence)
                item.save()
                report.updated.append(uid)
            for uid, (item, _events) in ours.items():
                if uid not in wanted:
                    item.delete()
                    report.deleted.append(uid)
    except dav.AuthorizationError:
        raise PublishError(
            _("{url}: the server refused the user name or password").format(url=url)
        ) from None
    except dav.NotFoundError:
        raise PublishError(
            _("{url}: there is no calendar at this address").format(url=url)
        ) from None
    except dav.DAVError as exc:
        raise PublishError(
            _("{url}: the server refused: {reason}").format(url=url, reason=_reason(exc))
        ) from None
    except Exception as exc:  # the network's errors (timeouts, refused connections, names)
        reachable = type(exc).__module__.split(".")[0] in HTTP_LIBRARIES
        if not reachable and not isinstance(exc, OSError | ValueError):
            raise
        raise PublishError(
            _("{url}: the server cannot be reached: {reason}").format(
                url=url, reason=_network_reason(exc)
            )
        ) from None
    return report


def _network_reason(exc: Exception) -> str:
    """The heart of a network error ("Connection refused"), not the library's story."""
    text = str(exc)
    found = re.search(r"\[Errno -?\d+\] ([^'\")\]]+)", text)
    if found:
        return found.group(1).strip()
    unknown = re.search(r"Failed to resolve '([^']+)'", text)
    if unknown:
        return _("no server has the name {host}").format(host=unknown.group(1))
    if "timed out" in text.lower():
        return _("no answer in time")
    return _reason(exc)


def _reason(exc: Exception) -> str:
    text = str(exc).strip().splitlines()
    return text[0][:300] if text else type(exc).__name__
