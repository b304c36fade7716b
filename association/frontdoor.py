"""The front door: a kept public page sent again before Flask is even woken up.

The page cache (``pagecache.py``) keeps a public page's bytes once drawn, but every visitor
still goes through Flask: a request context, the session opened, the hooks run, the view
asked. For the pages everyone reads at once (the home page on the day of a communiqué, the
data register that a journalist's article links to), that costs more than the page itself.

When the page cache sends a kept page that its view marked as lasting (``respond(...,
lasting_until=...)``), it leaves an *offer* in the request's environment: the page's bytes,
the database's version it was checked against (``db.data_version``) and how long it stays
what it is. The front door, around the Flask application, takes the answer as Flask finally
sent it (status and every header, the security ones included) and, to the next visitor in
the same situation, sends it as it is, after asking the database one question: has anything
changed since (``PRAGMA data_version``, on the worker's own connection)? Any commit, from
any worker or command, sends the next visitor through Flask again, so nothing is ever stale;
nor is anything past its time (the minute of the home page, the day of the transparency
report, ``PUBLIC_CACHE_SECONDS`` for every page).

Only a plain reader gets it: a GET with no query, no validator (a conditional request is
Flask's to answer with a 304), no cookie but the language one (a session, a signed-in
volunteer, a flashed message all go through Flask), a host the site answers to, and an
``Accept-Encoding`` the door understands. Everyone else goes through Flask as before.
"""
import sqlite3
import threading
import time
from collections import OrderedDict
from datetime import datetime
from typing import NamedTuple

from werkzeug.http import parse_cookie
from werkzeug.sansio.utils import host_is_trusted

from .clock import system_now
from .db import data_version, thread_db
from .i18n import LANG_COOKIE, pick_language

EXTENSION = "amicale_front_door"
# What the page cache leaves in the environment of a request it answered with a kept page.
OFFER = "amicale.front_door.offer"
MAX_PAGES = 256


class Offer(NamedTuple):
    """A kept page the page cache sent, and until when it stays what it is."""

    body: bytes
    version: tuple  # db.data_version when the page was found current
    until: datetime  # by the application's clock
    expires: float  # by time.monotonic: when the page cache itself would draw it again


class _Page(NamedTuple):
    status: str
    headers: tuple
    body: bytes
    version: tuple
    until: datetime
    expires: float


class FrontDoor:
    """WSGI middleware around the Flask application: sends the kept pages (see the module)."""

    def __init__(self, app, wsgi_app):
        self.app = app
        self.wsgi_app = wsgi_app
        self.pages: OrderedDict = OrderedDict()
        self.paths: set = set()  # the paths that were ever offered: the others pass at once
        self.lock = threading.Lock()

    def __call__(self, environ, start_response):
        if environ.get("PATH_INFO") not in self.paths:
            return self.wsgi_app(environ, start_response)
        key = self.key(environ)
        if key is None:
            return self.wsgi_app(environ, start_response)
        found = self.pages.get(key)
        if found is not None and self.current(found):
            start_response(found.status, list(found.headers))
            return [found.body]
        return self.through_flask(key, environ, start_response)

    def through_flask(self, key, environ, start_response):
        """Let Flask answer, and keep its answer when the page cache offered it and the
        database did not change between this moment and the offer (the view may have read
        its version before a commit and the page cache its state after it)."""
        before = self.version()
        answered = []

        def start(status, headers, exc_info=None):
            answered[:] = [status, headers]
            return start_response(status, headers, exc_info)

        body = self.wsgi_app(environ, start)
        offer = environ.get(OFFER)
        if (offer is not None and before is not None and offer.version == before and answered
                and answered[0].startswith("200 ") and _plain(answered[1], offer.body)):
            page = _Page(answered[0], tuple(answered[1]), offer.body, offer.version,
                         offer.until, offer.expires)
            with self.lock:
                self.pages[key] = page
                self.pages.move_to_end(key)
                while len(self.pages) > MAX_PAGES:
                    self.pages.popitem(last=False)
        return body

    def key(self, environ) -> tuple | None:
        """What the answer depends on, for a plain reader; None for anyone else."""
        if (environ.get("REQUEST_METHOD") != "GET" or environ.get("QUERY_STRING")
                or "HTTP_IF_NONE_MATCH" in environ or "HTTP_IF_MODIFIED_SINCE" in environ
                or self.app.jinja_env.auto_reload):  # templates being edited: draw anew
            return None
        config = self.app.config
        remembered = None
        if environ.get("HTTP_COOKIE"):
            cookies = parse_cookie(environ)
            if set(cookies) - {LANG_COOKIE}:
                return None
            remembered = cookies.get(LANG_COOKIE)
        language = pick_language(config, None, remembered)  # no query string here
        encoding = environ.get("HTTP_ACCEPT_ENCODING")
        gzipped = False
        if encoding is not None and ("gzip" in encoding or "*" in encoding):
            if ";" in encoding:  # weights: Flask's to read
                return None
            tokens = {token.strip() for token in encoding.split(",")}
            if "*" in tokens or "gzip" not in tokens:
                return None  # x-gzip, a wildcard: Flask's to read too
            gzipped = True
        trusted = config.get("TRUSTED_HOSTS")
        if trusted and not host_is_trusted(environ.get("HTTP_HOST"), trusted):
            return None  # Flask answers 400
        return (environ.get("SCRIPT_NAME", ""), environ["PATH_INFO"], language, gzipped,
                environ.get("wsgi.url_scheme"))

    def current(self, page: _Page) -> bool:
        """Whether a kept answer is still the page: the database unchanged since, the
        page's time not over."""
        if time.monotonic() >= page.expires:
            return False
        if self.app.config.get("CLOCK", system_now)() >= page.until:
            return False
        return self.version() == page.version

    def version(self) -> tuple | None:
        """The database's ``data_version`` on this thread's connection (None if it cannot
        be asked)."""
        try:
            return data_version(thread_db(self.app.config))
        except sqlite3.Error:
            return None

    def forget(self) -> None:
        """Drop every kept answer (something public changed in this process)."""
        with self.lock:
            self.pages.clear()


def _plain(headers: list, body: bytes) -> bool:
    """Whether an answer can go to anyone: it sets no cookie, and its body is the offered
    one (no hook changed it)."""
    length = None
    for name, value in headers:
        lowered = name.lower()
        if lowered == "set-cookie":
            return False
        if lowered == "content-length":
            length = value
    return length == str(len(body))


def install(app) -> None:
    """Put the front door around the application (before a proxy fix wraps it, so that the
    door sees the scheme and host the proxy reported)."""
    door = FrontDoor(app, app.wsgi_app)
    app.wsgi_app = door
    app.extensions[EXTENSION] = door


def offer(app, environ, body: bytes, version: tuple, until: datetime, expires: float) -> None:
    """Offer the page being sent to the front door (see the module)."""
    door = app.extensions.get(EXTENSION)
    if door is None:
        return
    path = environ.get("PATH_INFO")
    if path not in door.paths:
        with door.lock:
            door.paths.add(path)
    environ[OFFER] = Offer(body, version, until, expires)


def forget(app) -> None:
    """Drop every answer the front door kept (after a change made in this process)."""
    door = app.extensions.get(EXTENSION)
    if door is not None:
        door.forget()
