"""Danish first, English too: one catalogue for the model, the command line and the UI.

Source strings are English; ``resources/translations/da.toml`` maps them to
Danish. The language is the one ``--lang`` or ``AARSHJUL_LANG`` names, else the one
chosen in the window (its settings, read by the window), else Danish unless the
system locale says English. Pure Python, so the model and the command line use it
without Qt.
"""

from __future__ import annotations

import errno
import os
import re
from collections.abc import Callable, Sequence
from functools import cache

import tomli  # tomllib's parser, compiled: the catalogue is read at every start

from aarshjul.paths import resource_path

LANGUAGES = ("da", "en")
NAMES = {"da": "Dansk", "en": "English"}  # each language in its own words
LANGUAGE_KEY = "ui/language"  # where the window keeps the language chosen in it
_language: str | None = None
_named = False  # whether the language was named for this start (--lang)


def _from_environment() -> str:
    chosen = os.environ.get("AARSHJUL_LANG", "").strip().lower()
    if chosen in LANGUAGES:
        return chosen
    for var in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(var, "")
        if value:
            return "en" if value.lower().startswith("en") else "da"
    return "da"


def language() -> str:
    """The language the user interface speaks: "da" or "en"."""
    global _language
    if _language is None:
        _language = _from_environment()
    return _language


def set_language(code: str, named: bool = True) -> None:
    """Speak ``code`` from now on; ``named``: it was named for this start (the
    command line's --lang), not a preference (the window's saved choice)."""
    global _language, _named
    if code not in LANGUAGES:
        raise ValueError(f"unsupported language {code!r}; choose one of {', '.join(LANGUAGES)}")
    _language = code
    _named = _named or named


def named_for_this_start() -> bool:
    """Whether --lang or AARSHJUL_LANG named the language: a saved choice gives way."""
    return _named or os.environ.get("AARSHJUL_LANG", "").strip().lower() in LANGUAGES


@cache
def catalogue(code: str) -> dict[str, str]:
    if code == "en":
        return {}
    with resource_path("translations", f"{code}.toml").open("rb") as f:
        return tomli.load(f)


def _(text: str) -> str:
    """``text`` in the current language (English source strings)."""
    return catalogue(language()).get(text, text)


Translator = Callable[[str], str]


def language_of(locale: str) -> str:
    """The language we speak for ``locale`` ("da", "en_GB", …): its own, else English."""
    code = locale.split("_")[0].lower()
    return code if code in LANGUAGES else "en"


def translator(locale: str) -> Translator:
    """``tr(text)``: English source strings in the language of ``locale``, whatever the
    program speaks. A plan is drawn and printed in its own language this way."""
    table = catalogue(language_of(locale))

    def tr(text: str) -> str:
        return table.get(text, text)

    return tr


def N_(text: str) -> str:
    """Marks ``text`` for translation where it is defined; ``_`` translates it where it is used."""
    return text


# The system's own words for a failed read or write are English whatever the user
# speaks: the common ones in ours.
_REASONS = {
    errno.ENOENT: N_("no such file or folder"),
    errno.EACCES: N_("permission denied"),
    errno.EPERM: N_("permission denied"),
    errno.EISDIR: N_("it is a folder"),
    errno.ENOTDIR: N_("a part of the path is not a folder"),
    errno.ENOSPC: N_("the disk is full"),
    errno.EDQUOT: N_("the disk quota is used up"),
    errno.EROFS: N_("the disk is read-only"),
    errno.ENAMETOOLONG: N_("the file name is too long"),
    errno.EEXIST: N_("the file exists already"),
    errno.EBUSY: N_("the file is in use"),
    errno.ETXTBSY: N_("the file is in use"),
    errno.EIO: N_("the disk could not be read or written"),
    errno.ELOOP: N_("too many symbolic links in the path"),
}


def reason(exc: OSError) -> str:
    """Why ``exc`` happened, in the user's language: the system's English words for the
    common errors in ours; a reason the program gave itself (already translated) as it
    is; else the system's words."""
    ours = _REASONS.get(exc.errno) if exc.errno is not None else None
    if ours is not None and exc.strerror in (None, os.strerror(exc.errno or 0)):
        return _(ours)
    return exc.strerror or str(exc)


@cache
def _pattern(message: str) -> re.Pattern[str]:
    """Another library's message with its values as ``{name}``, as a pattern."""
    parts = re.split(r"\{(\w+)\}", message)  # text, name, text, name, …, text
    return re.compile(
        "".join(re.escape(p) if k % 2 == 0 else f"(?P<{p}>.+?)" for k, p in enumerate(parts))
    )


def reworded(
    message: str, table: Sequence[tuple[str, str]], value: Callable[[str], str] = str
) -> str | None:
    """Another library's English ``message`` in our words and the user's language:
    the first (its message, our words) in ``table`` that matches it, the values it
    holds (through ``value``) put into our words (marked with ``N_``); None where
    none matches."""
    for theirs, ours in table:
        match = _pattern(theirs).fullmatch(message)
        if match:
            return _(ours).format(**{k: value(v) for k, v in match.groupdict().items()})
    return None
