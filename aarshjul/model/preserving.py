"""Saving over a plan file as its author wrote it: only what changed changes.

Comments, blank lines, key order and string styles stay; a new item is added in the
fixed order of a file written from nothing. ``tomlkit`` keeps the style; a plan
written anew (a new plan, rollover) still comes from ``dumps_plan`` and ``tomli-w``.
No Qt.
"""

from __future__ import annotations

from typing import Any

import tomlkit
from tomlkit.items import AoT, Table

from aarshjul.model.plan import Plan

LISTS = ("rings", "categories", "activities")


def dumps_preserving(plan: Plan, original: str) -> str:
    """``plan`` as TOML written over ``original``, changing only the lines of what differs."""
    from aarshjul.model.fileformat import plan_to_dict

    document = tomlkit.parse(original.removeprefix("\ufeff"))
    data = plan_to_dict(plan)
    if document.get("format") != data["format"]:
        document["format"] = data["format"]
    head = document.get("plan")
    if isinstance(head, Table):
        _merge(head, data["plan"])
    else:
        document["plan"] = data["plan"]
    for key in LISTS:
        _merge_list(document, key, data[key])
    return tomlkit.dumps(document)


def _value(value: Any) -> Any:
    """A value as tomlkit should write it: long text with line breaks as a multi-line string."""
    if isinstance(value, str) and "\n" in value:
        return tomlkit.string(value, multiline=True)
    return value


def _merge(table: Table, wanted: dict[str, Any]) -> None:
    """Make ``table`` hold ``wanted``: keys gone are removed, changed values set, new
    keys added at the end; what is equal is not touched (its style stays)."""
    for key in [k for k in table if k not in wanted]:
        del table[key]
    for key, value in wanted.items():
        if key not in table or table[key] != value:
            table[key] = _value(value)


def _merge_list(document: Any, key: str, wanted: list[dict[str, Any]]) -> None:
    """The array of tables ``key`` made to hold ``wanted``, in its order, reusing each
    item's own table (with its comments) where the id is the same."""
    current = document.get(key)
    tables: dict[str, Table] = {}
    if isinstance(current, AoT):
        tables = {str(t.get("id")): t for t in current.body if isinstance(t, Table)}
        same_order = [str(t.get("id")) for t in current.body] == [str(w["id"]) for w in wanted]
        if same_order:
            for table, item in zip(current.body, wanted, strict=True):
                _merge(table, item)
            return
    rebuilt = tomlkit.aot()
    for item in wanted:
        table = tables.get(str(item["id"]))
        if table is None:
            table = tomlkit.table()
            for name, value in item.items():
                table[name] = _value(value)
        else:
            _merge(table, item)
        rebuilt.append(table)
    if key in document:
        del document[key]
    if wanted:
        document[key] = rebuilt
