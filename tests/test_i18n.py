"""Danish first, English too: every user-facing string has its Danish translation."""

import ast
import string
from pathlib import Path

import pytest

from aarshjul import i18n

PACKAGE = Path(__file__).resolve().parent.parent / "aarshjul"


def source_strings() -> dict[str, str]:
    """Every literal passed to _(), tr() or N_() in the package, with where it stands
    (tr is a translator for an explicit language: the plan's, for what is printed)."""
    found = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id in ("_", "N_", "tr")
                and node.args
            ):
                arg = node.args[0]
                if isinstance(arg, ast.Constant):  # others translate strings marked with N_()
                    found.setdefault(arg.value, f"{path.name}:{node.lineno}")
    return found


def fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_every_string_has_a_danish_translation_with_the_same_placeholders():
    danish = i18n.catalogue("da")
    strings = source_strings()
    assert len(strings) > 50
    missing = [f"{where}: {text!r}" for text, where in strings.items() if text not in danish]
    assert not missing, "no Danish for:\n" + "\n".join(missing)
    for text in strings:
        assert fields(danish[text]) == fields(text), text


def test_the_catalogue_holds_no_stale_strings():
    stale = set(i18n.catalogue("da")) - set(source_strings())
    assert not stale


@pytest.mark.parametrize(
    ("env", "expected"),
    [
        ({"AARSHJUL_LANG": "en"}, "en"),
        ({"LANG": "da_DK.UTF-8"}, "da"),
        ({"LANG": "en_GB.UTF-8"}, "en"),
        ({"LANG": "C.UTF-8"}, "da"),
        ({"LANGUAGE": "en", "LANG": "da_DK.UTF-8"}, "en"),
        ({}, "da"),
    ],
)
def test_the_language_comes_from_the_environment(monkeypatch, env, expected):
    for var in ("AARSHJUL_LANG", "LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(var, raising=False)
    for var, value in env.items():
        monkeypatch.setenv(var, value)
    assert i18n._from_environment() == expected


def test_translate():
    i18n.set_language("da")
    assert i18n._("Today") == "I dag"
    i18n.set_language("en")
    assert i18n._("Today") == "Today"
    with pytest.raises(ValueError):
        i18n.set_language("sv")


def test_the_systems_reasons_are_said_in_the_users_language(tmp_path):
    """A failed read or write says why in Danish, not in the C library's English; a
    reason the program gave itself, and an error it has no words for, stay as they are."""
    import errno

    with pytest.raises(OSError) as info:
        (tmp_path / "missing.toml").open()
    missing = info.value
    i18n.set_language("da")
    assert i18n.reason(missing) == "filen eller mappen findes ikke"
    assert i18n.reason(OSError(errno.ENOSPC, "No space left on device")) == "disken er fuld"
    ours = OSError(errno.EACCES, i18n._("the file is read-only"))
    assert i18n.reason(ours) == "filen er skrivebeskyttet"
    assert i18n.reason(OSError(errno.EXDEV, "Invalid cross-device link")) == (
        "Invalid cross-device link"
    )
    assert i18n.reason(OSError("no errno at all")) == "no errno at all"
    i18n.set_language("en")
    assert i18n.reason(missing) == "no such file or folder"
