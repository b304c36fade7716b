"""Generic error pages in the visitor's language; they never show internals."""
import logging
import sqlite3
import traceback

from flask import render_template
from flask_babel import get_locale
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_wtf.csrf import CSRFError
from werkzeug.exceptions import HTTPException

log = logging.getLogger("amicale.errors")

MESSAGES = {
    400: (_l("Request not understood"),
          _l("The page received something it could not use. Go back and try again.")),
    403: (_l("Access refused"), _l("You are not allowed to see this page.")),
    404: (_l("Page not found"),
          _l("This page does not exist, or no longer exists. Check the address or start again "
             "from the home page.")),
    405: (_l("Not allowed"), _l("This page cannot be used this way.")),
    410: (_l("Gone"), _l("This content has been deleted, as planned.")),
    413: (_l("Too large"),
          _l("What you sent is too large. Send a smaller file or a shorter text.")),
    429: (_l("Too many attempts"),
          _l("Too many attempts in a short time. Wait a few minutes, then try again.")),
    503: (_l("Saving is not possible right now"),
          _l("The server could not save anything just now (its storage is full, locked for "
             "maintenance or busy). Nothing you sent was saved, not even in part: try again in "
             "a few minutes.")),
    500: (_l("Something went wrong"),
          _l("An error on our side stopped this page. Nothing you sent was half-saved: "
             "try again in a moment.")),
}
CSRF_MESSAGE = _l(
    "This form had expired or did not come from this site, so nothing was saved. "
    "Go back, reload the page and send it again."
)


def render_error(code: int, message=None):
    """The error page for ``code``, in the visitor's language. It cannot fail: when the
    site's page cannot be drawn (the very fault being reported may be in it), a minimal page
    that needs nothing from the request or the database is sent instead."""
    title, default = MESSAGES.get(code, MESSAGES[500])
    try:
        return render_template(
            "errors/error.html", code=code, title=title, message=message or default
        ), code
    except Exception:  # noqa: BLE001  (anything: the page of last resort follows)
        log.error("error page %s could not be drawn; the minimal one was sent", code)
    return minimal_error(code, title, message or default), code


def minimal_error(code: int, title, message) -> str:
    """The page of last resort: a template that uses no request data, no URL building and no
    database; plain English if even the translations fail."""
    try:
        return render_template(
            "errors/minimal.html", code=code, title=str(title), message=str(message),
            language=str(get_locale() or "fr"), code_line=_("Error code: %(code)s", code=code),
            home=_("Back to the home page"))
    except Exception:  # noqa: BLE001
        return (f'<!doctype html><html lang="en"><head><meta charset="utf-8">'
                f"<title>Error {code}</title></head><body><h1>Error {code}</h1>"
                f'<p><a href="/">Home</a></p></body></html>')


def log_exception(exc_info) -> None:
    """Log an unhandled error by type and place only: its message could quote what a person
    typed, and the address could name a record."""
    kind, _value, tb = exc_info
    where = "".join(traceback.format_tb(tb)) if tb else ""
    log.error("unhandled %s\n%s", kind.__name__ if kind else "error", where)


def init_app(app) -> None:
    """Register the error handlers."""

    @app.errorhandler(CSRFError)
    def csrf_error(error):
        """A form without a valid token: the 400 page says nothing was saved."""
        return render_error(400, CSRF_MESSAGE)

    @app.errorhandler(HTTPException)  # unhandled exceptions arrive here as a 500 too
    def http_error(error):
        """Our page for any HTTP error, keeping Retry-After and Allow."""
        body, code = render_error(error.code if error.code in MESSAGES else 500)
        response = app.make_response((body, code))
        for name in ("Retry-After", "Allow"):
            if name in error.get_response().headers:
                response.headers[name] = error.get_response().headers[name]
        return response

    @app.errorhandler(sqlite3.OperationalError)
    def storage_error(error):
        """The database refused a write (full disk, read-only, locked too long): the
        transaction was rolled back, and the person is told that nothing was saved."""
        log.error("storage refused a request: %s", type(error).__name__)
        body, code = render_error(503)
        return app.make_response((body, code, {"Retry-After": "120"}))

    app.log_exception = log_exception
