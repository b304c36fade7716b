"""Calendar files as HTTP responses: what each one holds, in the reader's language."""
import hashlib
from collections import OrderedDict
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


# What a calendar file is made of, beside the language and the association's name: a file
# made from the same values is the same file. The count of answers is not in it.
_CONTENT = ("id", "uid", "sequence", "kind", "title", "starts_at", "ends_at", "place",
            "place_reveal_hours", "description_html", "visibility", "status", "created_at",
            "updated_at")
_MADE: OrderedDict = OrderedDict()  # fingerprint -> file, the latest few of this process
_MADE_KEPT = 32


def _fingerprint(actions: list[dict], *context) -> str:
    """What decides a public calendar file's bytes, as a digest."""
    values = (context, [tuple(action[key] for key in _CONTENT) for action in actions])
    return hashlib.sha256(repr(values).encode()).hexdigest()


def response(db, actions: list[dict], answered: bool, filename: str | None, lang: str):
    """The calendar file of ``actions`` (``answered``: the reader answered the one action,
    so a place given to participants is written in). Files for readers who did not answer
    depend on nothing else than the actions' values, the language and the site: they are
    made once (icalendar takes a few milliseconds an event) and served again until one of
    those changes."""
    name = reference.association(db)["name"] or "Amicale"
    key = None if answered else _fingerprint(
        actions, lang, name, current_app.config["BASE_URL"], current_app.config["TIMEZONE"])
    body = _MADE.get(key) if key else None
    if body is None:
        body = _build(actions, answered, name)
        if key:
            _MADE[key] = body
            while len(_MADE) > _MADE_KEPT:
                _MADE.popitem(last=False)
    result = current_app.response_class(body, mimetype="text/calendar")
    result.headers["Content-Type"] = "text/calendar; charset=utf-8"
    result.headers["Content-Language"] = lang
    if filename:
        result.headers["Content-Disposition"] = f'attachment; filename="{filename}"'
    result.add_etag()
    return result.make_conditional(request)


def _build(actions: list[dict], answered: bool, name: str) -> bytes:
    """The calendar file itself, in the current language."""

    def summary(action):
        return action["title"] or str(kind_label(action["kind"]))

    return build(
        actions, current_app.config["TIMEZONE"], _("%(name)s — actions", name=name),
        describe=lambda a: _description(a, answered),
        place_of=lambda a: place_for(a, answered).text if answered else public_place(a),
        link_of=lambda a: urls.external_url("actions.action_page", action_id=a["id"]),
        kind_of=lambda a: str(kind_label(a["kind"])),
        summary_of=lambda a: (_("[Cancelled] %(title)s", title=summary(a))
                              if a["status"] == "cancelled" else summary(a)))
