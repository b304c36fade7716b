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
form's CSRF token): such a page is never kept.
"""
import gzip
import hashlib
import threading
import time
from collections import OrderedDict
from datetime import datetime
from typing import Callable, NamedTuple

from flask import current_app, request, session
from werkzeug.http import http_date, parse_date, parse_etags, quote_etag

from . import reference
from .i18n import choose_locale

MAX_PAGES = 512
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


def _stores() -> tuple[OrderedDict, OrderedDict]:
    """The kept pages (by everything they depend on) and, by request, the page last found
    current and when."""
    found = current_app.extensions.get(EXTENSION)
    if found is None:
        found = current_app.extensions.setdefault(EXTENSION, (OrderedDict(), OrderedDict()))
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


def shareable(args: tuple[str, ...] = ()) -> bool:
    """Whether this request may get a kept page: nobody signed in, no message waiting, and
    no query argument but ``lang`` and those of ``args``, each given once."""
    if session or current_app.jinja_env.auto_reload:
        return False
    allowed = {"lang", *args}
    return all(name in allowed and len(request.args.getlist(name)) == 1
               for name in request.args)


def _request_key(key: tuple, args: tuple[str, ...]) -> tuple:
    # The language as Flask-Babel will choose it, without waking Flask-Babel up.
    return (key, choose_locale(), request.script_root,
            tuple(request.args.get(name) for name in args))


def recent(key: tuple, args: tuple[str, ...] = ()):
    """The kept page for this request when it was found current less than CHECK_SECONDS
    ago (a response, with validators), else None: then ask the database and ``respond``."""
    if not shareable(args):
        return None
    pages, checked = _stores()
    found = checked.get(_request_key(key, args))
    now = time.monotonic()
    if found is None or now - found[1] > CHECK_SECONDS:
        return None
    kept = pages.get(found[0])
    if kept is None or now - kept.drawn_at > current_app.config["PUBLIC_CACHE_SECONDS"]:
        return None
    return _send(kept, kept.last_modified)


def respond(db, key: tuple, version, last_modified: datetime | None,
            render: Callable[[], str | bytes], mimetype: str = "text/html",
            args: tuple[str, ...] = ()):
    """The page ``key`` at ``version``: kept bytes when allowed and fresh, else
    ``render()`` (text or bytes); with ETag and Last-Modified, and 304 for a matching
    conditional request."""
    if not shareable(args):
        return _response(_bytes(render()), None, last_modified, mimetype)
    association = reference.association(db)
    request_key = _request_key(key, args)
    full_key = (request_key, version, tuple(association.values()))  # every setting shown
    now = time.monotonic()
    pages, checked = _stores()
    kept = pages.get(full_key)
    if kept is None or now - kept.drawn_at > current_app.config["PUBLIC_CACHE_SECONDS"]:
        body = _bytes(render())
        if session:  # drawn for this visitor (a CSRF token): theirs alone
            return _response(body, None, last_modified, mimetype)
        packed = (gzip.compress(body, compresslevel=6, mtime=0)
                  if len(body) >= GZIP_FROM_BYTES else None)
        kept = _Kept(body, _etag(body), last_modified, mimetype, now, packed)
        _keep(pages, full_key, kept)
    _keep(checked, request_key, (full_key, now))
    return _send(kept, last_modified)


def _send(kept: _Kept, last_modified: datetime | None):
    """A kept page, gzipped for a reader who accepts it (its own ETag: another
    representation), as it is otherwise."""
    if kept.gzipped is not None and _accepts_gzip():
        response = _response(kept.gzipped, kept.etag + "-gzip", last_modified, kept.mimetype)
        if response.status_code == 200:
            response.headers["Content-Encoding"] = "gzip"
    else:
        response = _response(kept.body, kept.etag, last_modified, kept.mimetype)
    response.headers["Vary"] = "Accept-Encoding"  # the security module adds Cookie
    return response


def _accepts_gzip() -> bool:
    header = request.headers.get("Accept-Encoding")
    return bool(header and "gzip" in header and request.accept_encodings["gzip"] > 0)


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
