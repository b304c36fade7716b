"""Calendar files as HTTP responses: what each one holds, in the reader's language."""
from datetime import timedelta

from flask import current_app, request
from flask_babel import gettext as _

from .. import reference, urls
from ..i18n import duration
from .ics import build, text_of
from .kinds import kind_label
from .places import place_for, public_place
from .timing import reveal_moment


def _description(action: dict, answered: bool) -> str:
    """The text calendar apps show: the description, then what to know about the place."""
    parts = []
    if action["status"] == "cancelled":
        parts.append(_("This action is cancelled."))
    text = text_of(action["description_html"])
    if text:
        parts.append(text)
    reveal_at = reveal_moment(action)
    if reveal_at is not None and place_for(action, answered).text is None:
        parts.append(_("The place is given %(delay)s before the start, on the action's page, "
                       "to those who answered “I'll come”.",
                       delay=duration(timedelta(hours=action["place_reveal_hours"]),
                                      threshold=4)))
    return "\n\n".join(parts)


def response(db, actions: list[dict], answered: bool, filename: str | None, lang: str):
    """The calendar file of ``actions`` (``answered``: the reader answered the one action,
    so a place given to participants is written in)."""
    name = reference.association(db)["name"] or "Amicale"

    def summary(action):
        return action["title"] or str(kind_label(action["kind"]))

    body = build(
        actions, current_app.config["TIMEZONE"], _("%(name)s — actions", name=name),
        describe=lambda a: _description(a, answered),
        place_of=lambda a: place_for(a, answered).text if answered else public_place(a),
        link_of=lambda a: urls.external_url("actions.action_page", action_id=a["id"]),
        kind_of=lambda a: str(kind_label(a["kind"])),
        summary_of=lambda a: (_("[Cancelled] %(title)s", title=summary(a))
                              if a["status"] == "cancelled" else summary(a)))
    result = current_app.response_class(body, mimetype="text/calendar")
    result.headers["Content-Type"] = "text/calendar; charset=utf-8"
    result.headers["Content-Language"] = lang
    if filename:
        result.headers["Content-Disposition"] = f'attachment; filename="{filename}"'
    result.add_etag()
    return result.make_conditional(request)
