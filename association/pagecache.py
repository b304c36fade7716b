"""The page cache: public pages drawn once and sent again, inside Flask (the home page, the
data register, the transparency report, communiqués' list, pages and feed, the agenda, the
report form, a published check of charges).

One rule of freshness: **a kept page is sent again while the database is as it was when the
page was drawn, and for at most ``PUBLIC_CACHE_SECONDS``.** "As it was" is
``db.data_version``: any commit, from this worker, another worker, a job or a command, draws
the page again at the next request, so a correction, a withdrawal, a change of settings or a
campaign's new figures (the boxes a communiqué embeds) show at once everywhere, like the
figures themselves. ``PUBLIC_CACHE_SECONDS`` (the max-age browsers and proxies are told)
bounds what the clock alone changes: the home page's coming actions, the transparency
report's day. No view gives a version of its own.

A kept page depends on the view's key (its path and arguments), the language (``?lang=``,
then the language cookie) and the path the site is served under; nothing else a visitor
sends (Host, forwarded headers, other cookies, other query arguments) can reach it: a request
with a query argument the view did not declare, a session holding anything but a CSRF token
(someone signed in, a flashed message) or whose drawing put something in the session gets a
page drawn for it alone, never kept. A session with only its CSRF token — a reader who came
before — gets the kept page, its holes filled from that session. Every answer carries an
ETag (and Last-Modified when the view knows it); Werkzeug's ``make_conditional`` answers 304
to a reader whose copy is current, and the security module adds the public Cache-Control and
``Vary: Cookie``.

A page holding a form is kept too, with **holes**: what is each visitor's own (the CSRF token,
a form's one-time token) is asked of ``hole(name, fill)``, which while a page is drawn to be
kept writes a marker (random for each process, so no text typed by anyone can hold it) and
otherwise ``fill()`` itself. Each answer of a kept page fills its holes by calling ``fill()``
for this request — the CSRF token then goes into this visitor's session and its cookie, as
when the page is drawn for them — and carries no ETag: no two answers are the same.

Pages are kept as they are, not gzipped: a reverse proxy compresses every page, kept or not
(DESIGN §8), and no figure of ``make bench`` showed compression here paying for its second
ETag and ``Vary: Accept-Encoding``.
"""
import secrets
import threading
import zlib
from collections import OrderedDict
from datetime import datetime, timedelta
from typing import Callable, NamedTuple

from flask import current_app, g, request, session
from werkzeug.http import http_date, quote_etag
from werkzeug.utils import get_content_type

from . import clock
from .db import data_version
from .i18n import choose_locale

MAX_PAGES = 512
EXTENSION = "amicale_pages"
_lock = threading.Lock()
_MARK = secrets.token_hex(12)  # the holes' markers: unknown outside this process
CSRF_KEY = "csrf_token"  # where Flask-WTF keeps a visitor's token in their session


class Page(NamedTuple):
    """What a view draws: the page's text, and when what it shows last changed."""

    body: str | bytes
    last_modified: datetime | None = None


class _Kept(NamedTuple):
    body: bytes
    headers: tuple  # Content-Type, ETag and Last-Modified, written once
    expires: datetime | None  # by the application's clock; None: drawn for one request
    version: tuple = ()  # db.data_version when drawn
    holes: tuple = ()  # (marker, fill) of each visitor's own text, filled at each answer


def hole(name: str, fill: Callable[[], str]) -> str:
    """This visitor's ``fill()`` (a CSRF token, a one-time token: text safe in HTML as it is)
    where a page shows it; while the page is drawn to be kept, a marker that each answer
    replaces by its own ``fill()``."""
    holes = g.get("amicale_holes")
    if holes is None:
        return fill()
    holes[name] = fill
    return f"hole{_MARK}{name}"


def respond(db, key: tuple, draw: Callable, mimetype: str = "text/html",
            args: tuple[str, ...] = ()):
    """The page ``key`` for this request: kept when allowed and fresh (see the module), else
    ``draw()``: text, bytes or a ``Page`` to keep; any other answer (a 410, a redirect) is
    sent as it is and not kept. ``args``: the query arguments the page depends on."""
    app, req = current_app._get_current_object(), request._get_current_object()
    if not _shareable(app, req, args):
        drawn = draw()
        return _answer(_kept(drawn, mimetype, None)) if _is_page(drawn) else drawn
    version = data_version(db)
    # One place per page and connection (a thread's): a page drawn again replaces the
    # previous one rather than piling up beside it; versions compare on one connection only.
    place = (key, choose_locale(), req.script_root,
             tuple(req.args.get(name) for name in args), version[0])
    now = clock.now()
    pages = app.extensions.setdefault(EXTENSION, OrderedDict())
    kept = pages.get(place)
    if kept is None or kept.version != version or now >= kept.expires:
        token = session.get(CSRF_KEY)
        g.amicale_holes = holes = {}
        try:
            drawn = draw()
        finally:
            del g.amicale_holes
        if not _is_page(drawn):
            return drawn
        kept = _kept(drawn, mimetype,
                     now + timedelta(seconds=app.config["PUBLIC_CACHE_SECONDS"]), version,
                     tuple((f"hole{_MARK}{name}".encode(), fill) for name, fill in holes.items()))
        if _personal(session) or session.get(CSRF_KEY) != token:
            return _answer(kept)  # the drawing wrote to this visitor's session: theirs alone
        with _lock:
            pages[place] = kept
            while len(pages) > MAX_PAGES:
                pages.popitem(last=False)
    return _answer(kept)


def _shareable(app, req, args: tuple[str, ...]) -> bool:
    """Whether this request may get a kept page: nobody signed in, no message waiting, no
    template being edited, and no query argument but ``lang`` and those of ``args``, each
    given once."""
    if _personal(session) or app.jinja_env.auto_reload:
        return False
    if not req.environ.get("QUERY_STRING"):
        return True
    allowed = {"lang", *args}
    return all(name in allowed and len(req.args.getlist(name)) == 1 for name in req.args)


def _personal(found) -> bool:
    """Whether a session holds anything of its visitor's but the CSRF token a kept page's
    hole fills for them (someone signed in, a message waiting, a key shown once)."""
    return any(key != CSRF_KEY for key in found)


def _is_page(drawn) -> bool:
    return isinstance(drawn, (str, bytes, Page))


def _kept(drawn, mimetype: str, expires: datetime | None, version: tuple = (),
          holes: tuple = ()) -> _Kept:
    page = drawn if isinstance(drawn, Page) else Page(drawn)
    body = page.body if isinstance(page.body, bytes) else page.body.encode()
    headers = [("Content-Type", get_content_type(mimetype, "utf-8"))]
    if not holes:  # a page with holes is another for each answer: no validator
        # The validator says whether a reader's copy is this page, not who may trust it: its
        # length and CRC-32, as nginx's length and date, a fifth of a cryptographic hash's
        # time on a page of 130 KB (a statement of charges of 200 lines).
        headers.append(("ETag", quote_etag(f"{len(body):x}-{zlib.crc32(body):08x}")))
        if page.last_modified is not None:
            headers.append(("Last-Modified", http_date(page.last_modified)))
    return _Kept(body, tuple(headers), expires, version, holes)


def _answer(kept: _Kept):
    """The page with its validators; 304 when the reader's copy is current. A page with
    holes gets each filled for this request, and no validator."""
    if kept.holes:
        body = kept.body
        for marker, fill in kept.holes:
            body = body.replace(marker, fill().encode())
        return current_app.response_class(body, headers=kept.headers)
    response = current_app.response_class(kept.body, headers=kept.headers)
    environ = request.environ
    if "HTTP_IF_NONE_MATCH" in environ or "HTTP_IF_MODIFIED_SINCE" in environ:
        # Werkzeug's to judge; without a validator it would only add a Date header that
        # the server adds anyway, for a third of a kept page's time.
        return response.make_conditional(request)
    return response
