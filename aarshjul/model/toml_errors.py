"""The TOML parser's reasons for refusing a file, in the user's language.

``tomli`` says why in English; its messages are matched against their patterns
here and said anew through the catalogue. A message of a newer ``tomli`` that no
pattern knows passes as it is.
"""

from __future__ import annotations

import re

from aarshjul.i18n import N_, reworded

# tomli's messages, a value it puts in named (as in its source, 2.x): our words too
MESSAGES = (
    N_("Cannot overwrite a value"),
    N_("Unescaped '\\' in a string"),
    N_("Cannot mutate immutable namespace {key}"),
    N_("Unterminated string"),
    N_("Unclosed inline table"),
    N_("Unclosed array"),
    N_("Invalid value"),
    N_("Invalid statement"),
    N_("Invalid initial character for a key part"),
    N_("Invalid hex value"),
    N_("Invalid date or datetime"),
    N_("Illegal character {char}"),
    N_("Found invalid character {char}"),
    N_("Expected '=' after a key in a key/value pair"),
    N_("Expected newline or end of document after a statement"),
    N_("Expected {expected}"),
    N_("Duplicate inline table key {key}"),
    N_("Cannot redefine namespace {key}"),
    N_("Cannot declare {key} twice"),
)

_KEY_TUPLE = re.compile(r"\((?:'[^']*'(?:,\s*)?)+\)")


def _key(value: str) -> str:
    """A table's key as tomli shows it, ``('plan', 'x')``, as the file writes it:
    ``[plan.x]``."""
    if _KEY_TUPLE.fullmatch(value):
        return "[" + ".".join(re.findall(r"'([^']*)'", value)) + "]"
    return value


def said(message: str) -> str:
    """``message`` from tomli in the user's language (as it is where none matches)."""
    return reworded(message, [(m, m) for m in MESSAGES], _key) or message
