"""Addresses that leave the page: links handed over outside the site, and where to go next.

Links that people carry away (an invitation, a QR code on a poster, a key card) are built on
the configured public address (``AMICALE_BASE_URL``), never on the Host header of whoever
asked; redirects after a form go only to a page of this site.
"""
import builtins
from urllib.parse import quote, urlencode, urlsplit

from flask import current_app, request, url_for
from werkzeug.exceptions import HTTPException
from werkzeug.routing import IntegerConverter

# The largest integer SQLite stores: a larger id cannot name a row, and binding it raises
# OverflowError (a 500) wherever it reaches a query.
LARGEST_ID = 2 ** 63 - 1


def external_url(endpoint: str, **values) -> str:
    """The full address of a page under the site's public address (``AMICALE_BASE_URL``)."""
    base = current_app.config["BASE_URL"].rstrip("/")
    return base + url_for(endpoint, **values)


def safe_next(target: str | None) -> str | None:
    """Where to go after signing in: only the address of a page of this site, read the way a
    browser will read it (tabs and line breaks dropped, backslashes as slashes), else None."""
    if not target or "\\" in target or not target.isprintable():
        return None
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or not parts.path.startswith("/") \
            or parts.path.startswith("//"):
        return None
    try:
        current_app.url_map.bind("localhost").match(parts.path, method="GET")
    except HTTPException:
        return None
    return parts.path + (f"?{parts.query}" if parts.query else "")


class IdConverter(IntegerConverter):
    """``<int:...>`` in every route: a whole number SQLite can hold, else the address names
    nothing (404)."""

    def __init__(self, map, fixed_digits=0, min=None, max=None, signed=False):
        ceiling = LARGEST_ID if max is None else builtins.min(max, LARGEST_ID)
        super().__init__(map, fixed_digits=fixed_digits, min=min, max=ceiling, signed=signed)


def row_id(value: str) -> int:
    """A query argument's id (``request.args.get(name, type=row_id)``): a whole number SQLite
    can hold, else ValueError (and the argument's default)."""
    number = int(value)
    if not -LARGEST_ID - 1 <= number <= LARGEST_ID:
        raise ValueError(f"{value!r} is too large to name a row")
    return number


def this_page(**changes) -> str:
    """The current page's address with some query arguments changed (``page=2``), built from
    the request as it came — never through ``url_for``, so no argument can pick an endpoint,
    a scheme or a host."""
    args = [(name, value) for name, value in request.args.items(multi=True)
            if name not in changes]
    args += [(name, value) for name, value in changes.items() if value is not None]
    return quote(request.script_root + request.path) + ("?" + urlencode(args) if args else "")


def query_string(args: dict) -> str:
    """``?name=value&…`` for these arguments, encoded as ``url_for`` encodes them ("" when
    there are none): a page of many links carrying the same arguments writes them once."""
    return "?" + urlencode(list(args.items()), safe="!$'()*,/:;?@") if args else ""


def init_app(app) -> None:
    """``this_page`` for templates (pagination, filters)."""
    app.jinja_env.globals["this_page"] = this_page
