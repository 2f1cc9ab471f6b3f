"""Which links open, and how they are shown: web and mail addresses only. No Qt.

A link is trimmed and its scheme read without regard to case; one with spaces in
it, another scheme or no host is not a link. A mail link loses every part but its
address, subject, body, cc and bcc (no ``attach=``). An international domain is
shown in punycode (``xn--…``), so a look-alike cannot pass for the real one.
"""

from __future__ import annotations

import re
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

WEB = ("http", "https")
MAIL_PARTS = ("subject", "body", "cc", "bcc")
_HOST = re.compile(r"^[A-Za-z0-9.-]+$")


def _ascii_host(host: str) -> str | None:
    """The host in ASCII (punycode for an international name), or None if it is none."""
    try:
        ascii_host = host.encode("idna").decode("ascii") if not host.isascii() else host
    except UnicodeError:
        return None
    return ascii_host.lower() if ascii_host and _HOST.match(ascii_host) else None


def clean_link(text: str) -> str | None:
    """The address to open for ``text``, or None where it is not a web or mail link."""
    link = text.strip()
    if not link or any(c.isspace() for c in link):
        return None
    parts = urlsplit(link)
    scheme = parts.scheme.lower()
    if scheme in WEB:
        host = _ascii_host(parts.hostname or "")
        if host is None:
            return None
        netloc = host + (f":{parts.port}" if parts.port else "")
        return urlunsplit((scheme, netloc, parts.path, parts.query, parts.fragment))
    if scheme == "mailto":
        address, _sep, query = link[len("mailto:") :].partition("?")
        local, at, domain = address.partition("@")
        host = _ascii_host(domain) if at else None
        if not local or host is None:
            return None
        kept = [(k, v) for k, v in parse_qsl(query) if k.lower() in MAIL_PARTS]
        return f"mailto:{local}@{host}" + (f"?{urlencode(kept)}" if kept else "")
    return None
