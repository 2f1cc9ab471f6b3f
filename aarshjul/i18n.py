"""Danish first, English too: one catalogue for the model, the command line and the UI.

Source strings are English; ``resources/translations/da.toml`` maps them to
Danish. The language is Danish unless ``AARSHJUL_LANG`` or the system locale
says English. Pure Python, so the model and the command line use it without Qt.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from functools import cache

import tomli  # tomllib's parser, compiled: the catalogue is read at every start

from aarshjul.paths import resource_path

LANGUAGES = ("da", "en")
_language: str | None = None


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


def set_language(code: str) -> None:
    global _language
    if code not in LANGUAGES:
        raise ValueError(f"unsupported language {code!r}; choose one of {', '.join(LANGUAGES)}")
    _language = code


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
