"""What the communiqués' templates use: dates as readers read them, the language version a
reader gets, absolute addresses (canonical link, Open Graph)."""

from ..i18n import current_locale
from ..markup import typeset
from ..urls import external_url
from .labels import VERSION_LINKS
from .publication import preferred

OG_LOCALES = {"fr": "fr_FR", "en": "en_GB"}


def in_language(row: dict) -> dict:
    """The version of a listed communiqué in the page's language, when there is one."""
    return preferred(row, str(current_locale()))


def init_app(app) -> None:
    """Register the template helpers."""
    app.jinja_env.filters["typeset"] = lambda text, lang="fr": typeset(text or "", lang)
    app.jinja_env.globals.update(
        communique_in_language=in_language, absolute_url=external_url,
        og_locale=lambda lang: OG_LOCALES.get(lang, lang),
        version_link=lambda lang: VERSION_LINKS.get(lang, lang),
        communique_from=communique_from)


def communique_from(kind: str, record_id: int) -> str | None:
    """For another capability's pages: the address of a new communiqué started from one of
    its records (``Capability.draft_sources``), or None when the signed-in account may not
    write communiqués."""
    from flask import url_for
    from flask_login import current_user

    if not (current_user.is_authenticated and current_user.has_role("editor")):
        return None
    return url_for("communiques.new", depuis=f"{kind}:{record_id}")
