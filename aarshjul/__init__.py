"""Årshjul: a committee's year as a circular wheel, backed by a TOML plan file."""

__version__ = "0.1.0"
