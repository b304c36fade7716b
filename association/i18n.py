"""French first, English second: Flask-Babel, ``?lang=fr|en`` remembered in a cookie."""
from datetime import datetime
from urllib.parse import quote, urlencode
from zoneinfo import ZoneInfo

from flask import current_app, has_request_context, request
from flask_babel import Babel, format_datetime, format_time, get_locale

from . import clock

LANG_COOKIE = "lang"
LANG_COOKIE_MAX_AGE = 365 * 24 * 3600

babel = Babel()


def choose_locale() -> str:
    """The page's language: ``?lang=``, else the remembered choice, else French."""
    languages = current_app.config["LANGUAGES"]
    if not has_request_context():  # a job or a command: messages choose their own language
        return current_app.config["BABEL_DEFAULT_LOCALE"]
    asked = request.args.get("lang")
    if asked in languages:
        return asked
    remembered = request.cookies.get(LANG_COOKIE)
    if remembered in languages:
        return remembered
    return current_app.config["BABEL_DEFAULT_LOCALE"]


def remember_language(response):
    """Keep an explicit ``?lang=`` choice in a cookie for the next pages."""
    asked = request.args.get("lang")
    if asked in current_app.config["LANGUAGES"] and request.cookies.get(LANG_COOKIE) != asked:
        response.set_cookie(
            LANG_COOKIE, asked, max_age=LANG_COOKIE_MAX_AGE, httponly=True, samesite="Lax",
            secure=request.is_secure,
        )
    return response


def url_in_language(code: str) -> str:
    """The current page's address in another language: its path and its query string, with
    ``lang`` replaced. Built from the request as it came, never through ``url_for``, so that
    no query argument can choose an endpoint, a scheme or a host."""
    args = [(name, value) for name, value in request.args.items(multi=True) if name != "lang"]
    return quote(request.script_root + request.path) + "?" + urlencode(args + [("lang", code)])


def local_time(moment_: datetime) -> str:
    """A moment's hour and minute in the association's time zone ("14:05")."""
    return format_time(moment_.astimezone(ZoneInfo(current_app.config["TIMEZONE"])), "HH:mm")


def moment(stamp: str) -> str:
    """A stored UTC moment, shown in the association's time zone and the page's language."""
    return format_datetime(clock.parse(stamp), "short")


def init_app(app) -> None:
    """Set up Babel, the language cookie and the template helpers."""
    babel.init_app(app, locale_selector=choose_locale)  # catalogues in association/translations
    app.after_request(remember_language)
    app.jinja_env.globals["url_in_language"] = url_in_language
    app.jinja_env.globals["get_locale"] = get_locale
    app.jinja_env.filters["moment"] = moment
