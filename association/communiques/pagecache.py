"""Public pages of communiqués drawn once per version, with validators, for a press peak.

A page read by someone not signed in depends only on its content's version, the page's
language, the association's settings and the path the site is served under: it is rendered
once for that combination and kept (bytes and ETag) in the process, for at most
``PUBLIC_CACHE_SECONDS`` (so that embedded boxes stay fresh). Every answer carries ETag and
Last-Modified and a conditional request gets 304; the security module adds the public
Cache-Control. Someone signed in (or holding flashed messages) gets a page drawn for them.
"""
import hashlib
import threading
import time
from collections import OrderedDict
from datetime import datetime
from typing import Callable

from flask import current_app, request, session

from .. import reference
from ..i18n import current_locale

MAX_PAGES = 512
_lock = threading.Lock()
EXTENSION = "communiques_pages"


def _store() -> OrderedDict:
    return current_app.extensions.setdefault(EXTENSION, OrderedDict())


def clear() -> None:
    """Forget every kept page of this process."""
    with _lock:
        _store().clear()


def shareable(args: tuple[str, ...] = ()) -> bool:
    """Whether this request may get a kept page: nobody signed in, no message waiting, and
    no query argument but ``lang`` and those of ``args``, each given once."""
    if session:
        return False
    allowed = {"lang", *args}
    return all(name in allowed and len(request.args.getlist(name)) == 1
               for name in request.args)


def respond(db, key: tuple, version, last_modified: datetime | None,
            render: Callable[[], str], mimetype: str = "text/html",
            args: tuple[str, ...] = ()):
    """The page ``key`` at ``version``: kept bytes when allowed and fresh, else
    ``render()``; with ETag and Last-Modified, and 304 for a matching conditional request."""
    if not shareable(args) or current_app.jinja_env.auto_reload:
        return _response(render().encode(), None, last_modified, mimetype)
    association = reference.association(db)
    full_key = (key, version, str(current_locale()), request.script_root,
                association.get("name"), association.get("is_demo"),
                tuple(request.args.get(name) for name in args))
    now = time.monotonic()
    store = _store()
    entry = store.get(full_key)
    if entry is None or now - entry[2] > current_app.config["PUBLIC_CACHE_SECONDS"]:
        body = render().encode()
        entry = (body, _etag(body), now)
        with _lock:
            store[full_key] = entry
            store.move_to_end(full_key)
            while len(store) > MAX_PAGES:
                store.popitem(last=False)
    return _response(entry[0], entry[1], last_modified, mimetype)


def _etag(body: bytes) -> str:
    return hashlib.blake2b(body, digest_size=16).hexdigest()


def _response(body: bytes, etag: str | None, last_modified, mimetype: str):
    response = current_app.response_class(body, mimetype=mimetype)
    response.set_etag(etag or _etag(body))
    if last_modified is not None:
        response.last_modified = last_modified
    return response.make_conditional(request)
