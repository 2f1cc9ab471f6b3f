"""Where the shipped files live, in a checkout and when installed.

In the repository ``resources/`` and ``plans/`` sit beside the package, and
``aarshjul/resources`` and ``aarshjul/plans`` link to them; an installed wheel
carries them inside the package (see ``[tool.setuptools]`` in ``pyproject.toml``).
"""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def _shipped_dir(name: str) -> Path:
    inside = _PACKAGE / name
    return inside if inside.is_dir() else _PACKAGE.parent / name


def resource_path(*parts: str) -> Path:
    """A file under ``resources/``."""
    return _shipped_dir("resources").joinpath(*parts)


def shipped_plan(name: str = "2022.toml") -> Path:
    """A plan under ``plans/``."""
    return _shipped_dir("plans") / name


def is_shipped_plan(path: Path) -> bool:
    """Is ``path`` one of the shipped plans, in the installed package or in a
    checkout's ``plans/``?

    Such a file is a template: saving over it would change the installation, or
    the checkout (whose tests read it).
    """
    shipped = _shipped_dir("plans")
    return shipped.is_dir() and path.resolve().is_relative_to(shipped.resolve())
