"""Every cookie the site sets, declared once: its name, what it is for and how long it lasts.

The code that sets a cookie sets it through its declaration (``Cookie.set``), so that the
lifetime the browser is told is the one the legal notice lists (``/mentions-legales``), and
none may last longer than 13 months, the CNIL's benchmark (délibération 2020-091). All of
them are exempt from consent (art. 82 loi 78-17): the site needs them to do what the person
asked, and none measures the audience or serves advertising.
"""
from dataclasses import dataclass
from datetime import timedelta

from flask_babel import lazy_gettext as _l

LONGEST = timedelta(days=395)  # 13 months


@dataclass(frozen=True)
class Cookie:
    """One cookie: its name, purpose and lifetime (None: until the browser is closed)."""

    name: str
    purpose: object
    lifetime: timedelta | None

    @property
    def max_age(self) -> int | None:
        """The lifetime in seconds, as the ``Max-Age`` the browser is told."""
        return None if self.lifetime is None else int(self.lifetime.total_seconds())

    def set(self, response, value: str, **options) -> None:
        """Set the cookie on ``response`` with its declared lifetime (``options``: path,
        flags)."""
        response.set_cookie(self.name, value, max_age=self.max_age, **options)


_DECLARED: dict[str, Cookie] = {}


def declare(name: str, purpose, lifetime: timedelta | None) -> Cookie:
    """Declare a cookie the site sets; one longer than ``LONGEST`` is refused."""
    if lifetime is not None and lifetime > LONGEST:
        raise ValueError(f"cookie {name!r} would last {lifetime.days} days: at most "
                         f"{LONGEST.days} (13 months)")
    cookie = Cookie(name, purpose, lifetime)
    _DECLARED.setdefault(name, cookie)
    return _DECLARED[name]


def declared() -> list[Cookie]:
    """Every declared cookie, by name."""
    return sorted(_DECLARED.values(), key=lambda cookie: cookie.name)


# The session cookie, set by Flask itself (its name in config.py): a random id the server
# knows (sessions.py), and the forms' anti-forgery token.
SESSION = declare("amicale_session", _l(
    "keeps a volunteer or a member signed in on this browser, and protects forms against "
    "forgery; it holds a random number, never who you are"), None)
