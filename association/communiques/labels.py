"""What editors and readers are told about communiqués, in their language, and the template
helpers: the language version a reader gets, absolute addresses (canonical link, Open Graph)."""
from flask_babel import lazy_gettext as _l

from ..capability import NavEntry
from ..i18n import current_locale
from ..markup import typeset
from ..urls import external_url
from .publication import preferred

STATUS_LABELS = {
    "draft": _l("Draft"),
    "submitted": _l("Awaiting approval"),
    "scheduled": _l("Scheduled"),
    "published": _l("Published"),
    "withdrawn": _l("Withdrawn"),
}
LANGUAGE_LABELS = {"fr": _l("French"), "en": _l("English")}
# The other version's link, written in the language of the page it leads to.
VERSION_LINKS = {"fr": "Lire en français", "en": "Read in English"}

AUDIT_ACTIONS = {
    "submit": _l("submitted a communiqué for approval"),
    "return_to_draft": _l("sent a communiqué back to draft"),
    "approve": _l("approved a communiqué"),
    "publish": _l("published a communiqué"),
    "publish_alone": _l("published a communiqué without a second editor"),
    "schedule": _l("scheduled a communiqué"),
    "correct": _l("published a correction"),
    "discard_correction": _l("discarded a proposed correction"),
    "withdraw": _l("withdrew a communiqué"),
    "add_reply": _l("published a reply under a communiqué (right of reply)"),
}
OBJECT_TYPES = {"communique": _l("communiqué"),
                "communique_settings": _l("how communiqués are approved")}

# Why an action on a communiqué was refused (workflow.WorkflowError codes).
REFUSED = {
    "not_editable": _l("This communiqué can no longer be changed this way."),
    "not_submitted": _l("Only a communiqué awaiting approval can be approved."),
    "own_text": _l("You wrote part of this text: an editor who wrote none of it must approve "
                   "it."),
    "not_allowed_alone": _l("The association's settings do not let an administrator publish "
                            "without a second editor."),
    "not_draft": _l("Only a draft can be submitted for approval."),
    "not_published": _l("Only a published communiqué can be corrected or withdrawn."),
    "no_correction": _l("There is no proposed correction."),
    "published_once": _l("A communiqué that has been public cannot be deleted: withdraw it "
                         "instead."),
    "not_pending": _l("Only a communiqué awaiting approval or scheduled can go back to draft."),
    "unchanged": _l("Nothing was changed: the correction would be identical to the published "
                    "text."),
}


NAV = (NavEntry("communiques.index", _l("Communiqués"), ("public",)),
       NavEntry("communiques_editor.editor_list", _l("Communiqués"), ("editor",), section=True))

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
    its records (``Lends.draft_sources``), or None when the signed-in account may not
    write communiqués."""
    from flask import url_for
    from flask_login import current_user

    if not (current_user.is_authenticated and current_user.has_role("editor")):
        return None
    return url_for("communiques_editor.new", depuis=f"{kind}:{record_id}")
