"""Public pages drawn once per version, with validators: the home page, the data register,
communiqués (for a press peak).

A page read by someone not signed in depends only on its content's version, the page's
language, the association's settings and the path the site is served under: it is rendered
once for that combination and kept (bytes and ETag) in the process, for at most
``PUBLIC_CACHE_SECONDS`` (so that what depends on the time of day stays fresh). The version
is the caller's: a cheap query over what the page shows (a communiqué's revision), the
settings it prints (the data register), or ``db.data_version`` when a page draws on many
tables (the home page): that one moves with any commit, from any worker, so nothing kept is
ever stale. With ``recent`` a page checked against the database less than ``CHECK_SECONDS``
ago is sent without asking it again: under a peak, each worker reads the database about
once a second per page, and a correction or a withdrawal reaches every worker within that
second (at once in the process that made it). Every answer carries an ETag (and
Last-Modified when the caller knows it), a conditional request gets 304, and the security
module adds the public Cache-Control. A kept page of more than a packet is also kept
gzipped, and sent so to whoever accepts it (every browser): the data register's 116 KB
travel as 18 (no secret is on a kept page, so compressing it beside what a visitor typed
gives nothing away). Someone signed in (or holding flashed messages) gets a
page drawn for them, and so does a visitor whose page put something in their session (a
form's CSRF token): such a page is never kept. A page whose view says how long it stays what
it is (``unchanged_until``) is offered to the front door (``frontdoor.py``), which sends it to
the next plain readers without waking Flask, for as long as the database does not change.
"""
import gzip
import hashlib
import threading
import time
from collections import OrderedDict
from datetime import datetime, timezone
from typing import Callable, NamedTuple

from flask import current_app, request, session
from werkzeug.http import http_date, parse_date, parse_etags, quote_etag
from werkzeug.utils import get_content_type

from . import frontdoor, reference
from .db import data_version
from .i18n import choose_locale

MAX_PAGES = 512
# A page that stays what it is until the database changes (the data register).
NO_END = datetime.max.replace(tzinfo=timezone.utc)
CHECK_SECONDS = 1.0
_lock = threading.Lock()
EXTENSION = "amicale_pages"
# Below this, a page fits in one packet or so: compressing it gains nothing worth its time.
GZIP_FROM_BYTES = 1400


class _Kept(NamedTuple):
    body: bytes
    etag: str
    last_modified: datetime | None
    mimetype: str
    drawn_at: float
    gzipped: bytes | None = None
    # The answer's headers, worked out once: as it is, and gzipped.
    headers: tuple = ()
    gzipped_headers: tuple = ()


def _stores(app=None) -> tuple[OrderedDict, OrderedDict]:
    """The kept pages (by everything they depend on) and, by request, the page last found
    current and when."""
    extensions = (app or current_app).extensions
    found = extensions.get(EXTENSION)
    if found is None:
        found = extensions.setdefault(EXTENSION, (OrderedDict(), OrderedDict()))
    return found


def _keep(store: OrderedDict, key, value) -> None:
    with _lock:
        store[key] = value
        store.move_to_end(key)
        while len(store) > MAX_PAGES:
            store.popitem(last=False)


def changed() -> None:
    """Something public changed in this process: check the database on the next request."""
    with _lock:
        _stores()[1].clear()
    frontdoor.forget(current_app)


def _shareable(app, req, args: tuple[str, ...]) -> bool:
    """Whether this request may get a kept page: nobody signed in, no message waiting, and
    no query argument but ``lang`` and those of ``args``, each given once."""
    if session or app.jinja_env.auto_reload:
        return False
    if not req.environ.get("QUERY_STRING"):
        return True
    allowed = {"lang", *args}
    return all(name in allowed and len(req.args.getlist(name)) == 1 for name in req.args)


def _request_key(req, key: tuple, args: tuple[str, ...]) -> tuple:
    # The language as Flask-Babel will choose it, without waking Flask-Babel up.
    return (key, choose_locale(), req.script_root,
            tuple(req.args.get(name) for name in args) if args else ())


def recent(key: tuple, args: tuple[str, ...] = ()):
    """The kept page for this request when it was found current less than CHECK_SECONDS
    ago (a response, with validators), else None: then ask the database and ``respond``."""
    app, req = current_app._get_current_object(), request._get_current_object()
    if not _shareable(app, req, args):
        return None
    pages, checked = _stores(app)
    found = checked.get(_request_key(req, key, args))
    now = time.monotonic()
    if found is None or now - found[1] > CHECK_SECONDS:
        return None
    kept = pages.get(found[0])
    if kept is None or now - kept.drawn_at > app.config["PUBLIC_CACHE_SECONDS"]:
        return None
    return _send(app, req, kept, kept.last_modified)


def respond(db, key: tuple, version, last_modified: datetime | None,
            render: Callable[[], str | bytes], mimetype: str = "text/html",
            args: tuple[str, ...] = (), unchanged_until: datetime | None = None):
    """The page ``key`` at ``version``: kept bytes when allowed and fresh, else
    ``render()`` (text or bytes); with ETag and Last-Modified, and 304 for a matching
    conditional request. ``unchanged_until``: the time (by ``clock``) until which the page
    stays what it is while the database does not change (``NO_END`` for ever): given, the
    front door may send it again without Flask (``frontdoor.py``)."""
    app, req = current_app._get_current_object(), request._get_current_object()
    if not _shareable(app, req, args):
        return _response(_bytes(render()), None, last_modified, mimetype)
    # The database's state before anything is read, for the front door: a commit landing
    # while the page is checked leaves the offer already out of date, never the page stale.
    found_at = data_version(db) if unchanged_until is not None else None
    request_key = _request_key(req, key, args)
    full_key = (request_key, version, reference.association_values(db))  # every setting shown
    now = time.monotonic()
    pages, checked = _stores(app)
    kept = pages.get(full_key)
    if kept is None or now - kept.drawn_at > app.config["PUBLIC_CACHE_SECONDS"]:
        body = _bytes(render())
        if session:  # drawn for this visitor (a CSRF token): theirs alone
            return _response(body, None, last_modified, mimetype)
        packed = (gzip.compress(body, compresslevel=6, mtime=0)
                  if len(body) >= GZIP_FROM_BYTES else None)
        kept = _kept(body, last_modified, mimetype, now, packed)
        _keep(pages, full_key, kept)
    _keep(checked, request_key, (full_key, now))
    response = _send(app, req, kept, last_modified)
    if found_at is not None and response.status_code == 200:
        frontdoor.offer(app, req.environ, response.get_data(), found_at, unchanged_until,
                        kept.drawn_at + app.config["PUBLIC_CACHE_SECONDS"])
    return response


def _kept(body: bytes, last_modified: datetime | None, mimetype: str, now: float,
          gzipped: bytes | None) -> _Kept:
    """A page to keep, with the headers of its answers worked out once."""
    etag = _etag(body)
    content_type = get_content_type(mimetype, "utf-8")
    common = [("Content-Type", content_type), ("Vary", "Accept-Encoding, Cookie")]
    if last_modified is not None:
        common.append(("Last-Modified", http_date(last_modified)))
    headers = (*common, ("ETag", quote_etag(etag)))
    zipped = ((*common, ("ETag", quote_etag(etag + "-gzip")), ("Content-Encoding", "gzip"))
              if gzipped is not None else ())
    return _Kept(body, etag, last_modified, mimetype, now, gzipped, headers, zipped)


def _send(app, req, kept: _Kept, last_modified: datetime | None):
    """A kept page, gzipped for a reader who accepts it (its own ETag: another
    representation), as it is otherwise."""
    environ = req.environ
    zipped = kept.gzipped is not None and _accepts_gzip(req)
    if (last_modified == kept.last_modified and "HTTP_IF_NONE_MATCH" not in environ
            and "HTTP_IF_MODIFIED_SINCE" not in environ):
        # No validator sent (most requests): the kept headers as they are.
        if zipped:
            return app.response_class(kept.gzipped, headers=kept.gzipped_headers)
        return app.response_class(kept.body, headers=kept.headers)
    response = _response(kept.gzipped if zipped else kept.body,
                         kept.etag + "-gzip" if zipped else kept.etag, last_modified,
                         kept.mimetype)
    if zipped and response.status_code == 200:
        response.headers["Content-Encoding"] = "gzip"
    response.headers["Vary"] = "Accept-Encoding, Cookie"
    return response


def _accepts_gzip(req) -> bool:
    header = req.environ.get("HTTP_ACCEPT_ENCODING")
    return bool(header and "gzip" in header and req.accept_encodings["gzip"] > 0)


def _bytes(body: str | bytes) -> bytes:
    return body if isinstance(body, bytes) else body.encode()


def _etag(body: bytes) -> str:
    return hashlib.blake2b(body, digest_size=16).hexdigest()


def _response(body: bytes, etag: str | None, last_modified, mimetype: str):
    etag = etag or _etag(body)
    headers = {"ETag": quote_etag(etag)}
    if last_modified is not None:
        headers["Last-Modified"] = http_date(last_modified)
    if _not_modified(etag, last_modified):
        return current_app.response_class(status=304, headers=headers)
    return current_app.response_class(body, mimetype=mimetype, headers=headers)


def _not_modified(etag: str, last_modified: datetime | None) -> bool:
    """Whether the reader's copy is current (RFC 9110 §13.1): If-None-Match when sent (weak
    comparison), else If-Modified-Since. Werkzeug's ``make_conditional`` would do it for a
    third of a kept page's time, on every request, even with no validator sent."""
    sent = request.headers.get("If-None-Match")
    if sent is not None:
        return parse_etags(sent).contains_weak(etag)
    since = parse_date(request.headers.get("If-Modified-Since"))
    return bool(since and last_modified and last_modified.replace(microsecond=0) <= since)
