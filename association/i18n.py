"""French first, English second: Flask-Babel, ``?lang=fr|en`` remembered in a cookie."""
from datetime import timedelta

from babel import Locale
from flask import current_app, g, has_request_context, request
from flask_babel import (Babel, LazyString, format_timedelta, get_locale)
from flask_babel import Domain, get_translations
from jinja2 import pass_eval_context
from markupsafe import Markup
from werkzeug.utils import cached_property

from flask_babel import lazy_gettext as _l

from . import cookies
from .dates import in_words

LANGUAGE_COOKIE = cookies.declare("lang", _l(
    "remembers the language you chose with the link at the top of each page"), timedelta(days=365))
LANG_COOKIE = LANGUAGE_COOKIE.name


def _lazy_as_text(self) -> Markup:
    """A lazy message is text: escaped when a template shows it."""
    return Markup.escape(str(self))


# Flask-Babel's lazy strings say they are safe HTML (their ``__html__`` returns the text as it
# is), so ``{{ _l("… %(x)s", x=typed) }}`` would put what someone typed into the page
# unescaped. Our messages hold no markup: they are text like any other, escaped.
LazyString.__html__ = _lazy_as_text


# Flask-Babel 4 finds the translations again on every call: its state on ``g`` through three
# proxies, the locale, the locale's name, the domain's cache (about 11 µs, where looking the
# message up takes 0.3 µs; a page makes dozens of calls). They are kept for the rest of the
# request beside Flask-Babel's own state (``g._flask_babel``), with the locale and domain
# objects they were found for, and used only while both are still the ones there: choosing
# the locale stays Flask-Babel's (``?lang=``, the cookie), and ``force_locale`` (mails, the
# register's cache) or ``refresh`` put another locale object there, so they are looked up anew.
# Beside them, the template messages without variables as Jinja's i18n extension formats them
# (escaped, %-formatted), since the same texts come back on every page.
_MEMO = "amicale_translations"
_TEXTS: dict[int, tuple] = {}  # id of a catalogue → (the catalogue, its formatted texts)
_TEXTS_KEPT = 4096


def _request_memo():
    """(locale, domain, translations, formatted texts) of the request, if still current."""
    try:
        state = g._get_current_object().__dict__.get("_flask_babel")
    except RuntimeError:  # no app context
        return None
    memo = getattr(state, _MEMO, None)
    if (memo is not None and memo[0] is getattr(state, "babel_locale", None)
            and memo[1] is getattr(state, "babel_domain", None)):
        return memo
    return None


class _RequestDomain(Domain):
    """Flask-Babel's default domain, with its translations kept for the request."""

    def get_translations(self):
        """The current locale's translations, looked up once per request and locale."""
        memo = _request_memo()
        if memo is not None and memo[1] is self:
            return memo[2]
        found = super().get_translations()
        try:
            state = g._flask_babel
        except (AttributeError, RuntimeError):
            return found
        locale = getattr(state, "babel_locale", None)
        if locale is not None and getattr(state, "babel_domain", None) is self:
            texts = _TEXTS.setdefault(id(found), (found, {}))[1]  # (kept: ids stay unique)
            setattr(state, _MEMO, (locale, self, found, texts))
        return found


class _Babel(Babel):
    """Flask-Babel, whose default domain keeps its translations for the request."""

    @cached_property
    def domain_instance(self):
        """The default message domain."""
        return _RequestDomain(domain=self.domain)


babel = _Babel()


def _current():
    memo = _request_memo()
    if memo is None:
        translations = get_translations()
        memo = _request_memo() or (None, None, translations, None)
    return memo


def _formatted(text: str, autoescape: bool, variables: dict):
    return (Markup(text) if autoescape else text) % variables


# The template functions Jinja's i18n extension installs (``newstyle``: autoescaped, always
# %-formatted), calling the translations directly rather than through three layers of wrappers.
@pass_eval_context
def _gettext(eval_ctx, string, **variables):
    _, _, translations, texts = _current()
    if variables or texts is None:
        return _formatted(translations.ugettext(string), eval_ctx.autoescape, variables)
    key = (eval_ctx.autoescape, string)
    found = texts.get(key)
    if found is None:
        found = _formatted(translations.ugettext(string), eval_ctx.autoescape, {})
        if len(texts) < _TEXTS_KEPT:
            texts[key] = found
    return found


@pass_eval_context
def _ngettext(eval_ctx, singular, plural, num, **variables):
    variables.setdefault("num", num)
    text = _current()[2].ungettext(singular, plural, num)
    return _formatted(text, eval_ctx.autoescape, variables)


@pass_eval_context
def _pgettext(eval_ctx, context, string, **variables):
    variables.setdefault("context", context)
    text = _current()[2].upgettext(context, string)
    return _formatted(text, eval_ctx.autoescape, variables)


@pass_eval_context
def _npgettext(eval_ctx, context, singular, plural, num, **variables):
    variables.setdefault("context", context)
    variables.setdefault("num", num)
    text = _current()[2].unpgettext(context, singular, plural, num)
    return _formatted(text, eval_ctx.autoescape, variables)


def current_locale():
    """The page's locale (Flask-Babel's ``get_locale``, read straight from its request state
    once chosen)."""
    memo = _request_memo()
    return memo[0] if memo is not None else get_locale()


def choose_locale() -> str:
    """The page's language: ``?lang=``, else the remembered choice, else French."""
    if not has_request_context():  # a job or a command: messages choose their own language
        return current_app.config["BABEL_DEFAULT_LOCALE"]
    environ = request.environ  # neither parsed when absent (most requests of a kept page)
    return pick_language(current_app.config,
                         request.args.get("lang") if environ.get("QUERY_STRING") else None,
                         request.cookies.get(LANG_COOKIE) if environ.get("HTTP_COOKIE")
                         else None)


def pick_language(config, asked: str | None, remembered: str | None) -> str:
    """The rule of a page's language, from what ``?lang=`` asks and what the language cookie
    remembers: the first that is one of ours, else the default (French)."""
    languages = config["LANGUAGES"]
    if asked in languages:
        return asked
    if remembered in languages:
        return remembered
    return config["BABEL_DEFAULT_LOCALE"]


_LOCALES: dict = {}  # language code → babel Locale


def _chosen_locale():
    """``choose_locale``'s choice as a babel Locale, parsed once per language rather than on
    every request (Flask-Babel keeps a Locale it is given as it is)."""
    code = choose_locale()
    found = _LOCALES.get(code)
    if found is None:
        found = _LOCALES.setdefault(code, Locale.parse(code))
    return found


def remember_language(response):
    """Keep an explicit ``?lang=`` choice in a cookie for the next pages."""
    asked = request.args.get("lang")
    if asked in current_app.config["LANGUAGES"] and request.cookies.get(LANG_COOKIE) != asked:
        LANGUAGE_COOKIE.set(response, asked, httponly=True, samesite="Lax",
                            secure=request.is_secure)
    return response


def url_in_language(code: str) -> str:
    """The current page's address in another language (``lang`` replaced, the rest of the
    query kept; see ``urls.this_page``)."""
    from .urls import this_page

    return this_page(lang=code)


def duration(delta: timedelta, threshold: float = 1.5) -> str:
    """A duration in words in the page's language, from the value the code enforces:
    395 days → "13 mois", 183 days → "6 months"; ``threshold`` 4 keeps 72 hours in hours."""
    return format_timedelta(delta, threshold=threshold)


def lazy_duration(delta: timedelta, threshold: float = 1.5) -> LazyString:
    """``duration`` worked out when shown, for messages defined at import time."""
    return LazyString(duration, delta, threshold)


def init_app(app) -> None:
    """Set up Babel, the language cookie and the template helpers."""
    babel.init_app(app, locale_selector=_chosen_locale)  # catalogues in association/translations
    app.jinja_env.globals.update(_=_gettext, gettext=_gettext, ngettext=_ngettext,
                                 pgettext=_pgettext, npgettext=_npgettext)
    app.after_request(remember_language)
    app.jinja_env.globals["url_in_language"] = url_in_language
    app.jinja_env.globals["get_locale"] = current_locale
    app.jinja_env.filters["in_words"] = in_words  # the one filter for dates (dates.py)
    app.jinja_env.filters["duration"] = duration
