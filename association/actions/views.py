"""Public pages of actions: the agenda, an action, its calendar files, and the answer
"I'll come" with its cancellation. Parse, call, render."""
from datetime import date

from flask import (Blueprint, current_app, flash, redirect, render_template, request, url_for)
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user

from .. import shown_once, throttle, urls
from ..db import get_db
from ..forms import ButtonForm
from ..dates import in_words
from ..i18n import current_locale
from ..members import current_member, is_confirmed
from ..security import client_address, public
from . import agenda, feeds, rsvps
from .forms import RsvpForm
from .shown import shown_to

bp = Blueprint("actions", __name__, url_prefix="/actions")

REFUSALS = {
    "cancelled": _l("This action is cancelled: it no longer takes answers."),
    "started": _l("This action has already started: answers are closed."),
    "full": _l("This action is full: there is no place left."),
    "not_enough": _l("Not enough places are left for so many people. Try with fewer."),
    "open_people": _l("When places are limited, an answer without a key confirmed by a "
                      "volunteer counts at most %(n)s people. Answer for fewer, or have your "
                      "key confirmed at the office hours or a meeting: your space says how.",
                      n=rsvps.MAX_OPEN_PEOPLE),
    "open_full": _l("The places open to answers without a confirmed key (a third at most) "
                    "cannot take so many people. Try with fewer, or have your key confirmed "
                    "by a volunteer at the office hours or a meeting: your space says how."),
    "already": _l("You have already answered with your personal key."),
}


def _viewer(db) -> agenda.Viewer:
    return agenda.Viewer(member=current_member(db), volunteer=current_user.is_authenticated)


def _tokens() -> dict[int, str]:
    return rsvps.read_cookie(request.cookies.get(rsvps.COOKIE))


def _page_number() -> int:
    raw = request.args.get("page", "1")
    return min(int(raw), agenda.MAX_PAGE) if raw.isdigit() and len(raw) < 7 else 1


def _private(response):
    """A page drawn for someone who answered (their place, their link) is never shared."""
    response.headers["Cache-Control"] = "private, no-store"
    return response


def _not_found(viewer=None):
    """404, the same whether the action does not exist or is not for this visitor; a member
    whose key is not confirmed yet is told how to have it confirmed."""
    return render_template("actions/not_found.html",
                           unconfirmed=bool(viewer and viewer.unconfirmed)), 404


def _link_kind(action_id: int) -> str:
    return f"rsvp-{action_id}"


def _link_owner(action_id: int) -> str:
    return f"action:{action_id}"


def _answer_of(db, action: dict, viewer) -> dict | None:
    member_id = viewer.member["id"] if viewer.member else None
    return rsvps.find(db, action["id"], _tokens().get(action["id"]), member_id)


def _seen(db, action_id: int):
    """(action, viewer, answer) for a visitor allowed to see it, else (None, viewer, None).
    Whoever holds an answer to an action may see it, even without the key it asked for."""
    viewer = _viewer(db)
    action = agenda.get(db, action_id)
    if action is None:
        return None, viewer, None
    answer = _answer_of(db, action, viewer)
    if not viewer.may_see(action) and answer is None:
        return None, viewer, None
    return action, viewer, answer


@bp.get("/")
@public
def agenda_page():
    """The agenda: coming actions by month, or the archive of past ones."""
    db = get_db()
    viewer = _viewer(db)
    archive = request.args.get("periode") == "passees"
    page, more = _page_number(), False
    if archive:
        rows, more = agenda.past(db, viewer, page)
    else:
        rows = agenda.upcoming(db, viewer)
    answered = rsvps.answered_ids(db, _tokens(), viewer.member["id"] if viewer.member else None)
    items = [shown_to(row, row["id"] in answered) for row in rows]
    months = []
    for item in items:
        if not months or months[-1][0] != item.month:
            months.append((item.month, in_words(date(*item.month, 1), "month").capitalize(), []))
        months[-1][2].append(item)
    response = current_app.make_response(render_template(
        "actions/agenda.html", months=months, archive=archive, page=page, more=more,
        unconfirmed=viewer.unconfirmed,
        feed_url=urls.external_url("actions.agenda_ics")))
    return _private(response) if answered else response


@bp.get("/agenda.ics")
@public
def agenda_ics():
    """Every public action (coming, and the last three months'), for calendar apps."""
    db = get_db()
    return feeds.response(db, agenda.feed(db), answered=False,
                                   filename=None, lang=str(current_locale()))


@bp.get("/<int:action_id>")
@public
def action_page(action_id):
    """One action: when, where (as this visitor may see it), and a way to say "I'll come".
    The page holds no form for a visitor who has not answered, so shared caches may keep it
    (a form's token would give every reader a session)."""
    db = get_db()
    action, viewer, answer = _seen(db, action_id)
    if action is None:
        return _not_found(viewer)
    link = shown_once.pending(_link_kind(action_id), _link_owner(action_id))
    page = render_template(
        "actions/action.html", item=shown_to(action, answer is not None), answer=answer,
        cancel_link=urls.external_url("actions.adopt", action_id=action_id, rsvp_token=link)
        if link else None)
    response = current_app.make_response(page)
    return _private(response) if answer is not None or link else response


@bp.get("/<int:action_id>.ics")
@public
def action_ics(action_id):
    """One action as a calendar file (its place only for those who may see it)."""
    db = get_db()
    action, viewer, answer = _seen(db, action_id)
    if action is None:
        return _not_found(viewer)
    response = feeds.response(db, [action], answered=answer is not None,
                              filename=f"action-{action_id}.ics", lang=str(current_locale()))
    return _private(response) if answer is not None or action["visibility"] != "public" \
        else response


def _come_context(action, viewer) -> dict:
    """What the "I'll come" page shows besides its form: the action, and what the visitor's
    key (confirmed or not) changes."""
    return {"item": shown_to(action), "member": viewer.member, "confirmed": viewer.confirmed,
            "max_people": rsvps.MAX_PEOPLE,
            "open_limit": rsvps.MAX_OPEN_PEOPLE if action["capacity"] is not None else None}


def _come_page(action, viewer, form, error=None, status=200):
    return render_template("actions/come.html", form=form, error=error,
                           **_come_context(action, viewer)), status


@bp.route("/<int:action_id>/je-viens", methods=["GET", "POST"])
def come(action_id):
    """Answer "I'll come" (how many, and for a member whether to tie it to the key): a token
    kept in this browser and shown once as a link on the action's page."""
    db = get_db()
    action, viewer, answer = _seen(db, action_id)
    if action is None:
        return _not_found(viewer)
    back = url_for("actions.action_page", action_id=action_id)
    if answer is not None:
        flash(_("You have already answered: your answer is below."), "info")
        return redirect(back, code=303)
    form = RsvpForm()
    if not form.validate_on_submit():
        if request.method == "GET" and not shown_to(action).open:
            return redirect(back, code=303)
        return _come_page(action, viewer, form, status=400 if form.errors else 200)
    try:
        throttle.count_attempt(db, ((rsvps.RSVP_ADDRESS, client_address()),))
    except throttle.Throttled as error:
        message = _("Many answers came from this connection. Try again after %(time)s.",
                    time=in_words(error.retry_at, "time"))
        return throttle.response("actions/come.html", error.retry_at, form=form,
                                 error=message, **_come_context(action, viewer))
    member_id = viewer.member["id"] if viewer.member and form.with_key.data else None
    try:
        token = rsvps.answer(db, action_id, form.people.data or 1, member_id,
                             confirmed=member_id is not None and is_confirmed(viewer.member))
    except rsvps.Refused as refused:
        return _come_page(agenda.get(db, action_id), viewer, form,
                          error=REFUSALS[refused.code], status=409)
    shown_once.keep(_link_kind(action_id), token, _link_owner(action_id))
    tokens = _tokens()
    tokens.pop(action_id, None)
    tokens[action_id] = token
    response = redirect(back, code=303)
    _keep_tokens(response, tokens)
    return response


@bp.post("/<int:action_id>/je-ne-viens-plus")
def withdraw(action_id):
    """Cancel this browser's (or this member's) answer: the place is freed."""
    db = get_db()
    target = url_for("actions.action_page", action_id=action_id)
    if not ButtonForm().validate_on_submit():
        return redirect(target, code=303)
    viewer = _viewer(db)
    tokens = _tokens()
    try:
        people = rsvps.cancel(db, action_id, tokens.get(action_id),
                              viewer.member["id"] if viewer.member else None)
    except rsvps.Refused:
        flash(_("This action has already started: answers can no longer be changed."), "error")
        return redirect(target, code=303)
    shown_once.forget(_link_kind(action_id))
    if people:
        flash(_("Your answer is cancelled. Thank you for freeing the place."), "success")
    else:
        flash(_("There was no answer to cancel in this browser."), "info")
    response = redirect(target, code=303)
    if tokens.pop(action_id, None) is not None:
        _keep_tokens(response, tokens)
    return response


@bp.post("/<int:action_id>/lien-garde")
def link_kept(action_id):
    """The cancel link has been kept: it is not shown again."""
    if ButtonForm().validate_on_submit():
        shown_once.forget(_link_kind(action_id))
    return redirect(url_for("actions.action_page", action_id=action_id))


@bp.post("/<int:action_id>/oublier-ici")
def forget_here(action_id):
    """On a shared computer: this browser forgets the answer (it stays counted; its link
    brings it back)."""
    response = redirect(url_for("actions.action_page", action_id=action_id), code=303)
    if ButtonForm().validate_on_submit():
        shown_once.forget(_link_kind(action_id))
        tokens = _tokens()
        if tokens.pop(action_id, None) is not None:
            _keep_tokens(response, tokens)
            flash(_("This browser has forgotten your answer. It still counts; your link "
                    "brings it back."), "success")
    return response


@bp.get("/<int:action_id>/reponse/<rsvp_token>")
def adopt(action_id, rsvp_token):
    """The link of an answer, opened on any device: this browser now holds the answer (to
    cancel it, or to see the place once it is given)."""
    db = get_db()
    if rsvps.find(db, action_id, rsvp_token) is None:
        return render_template("actions/link_gone.html"), 404
    tokens = _tokens()
    tokens.pop(action_id, None)
    tokens[action_id] = rsvp_token
    flash(_("This browser now holds your answer."), "success")
    response = redirect(url_for("actions.action_page", action_id=action_id), code=303)
    _keep_tokens(response, tokens)
    return response


def _keep_tokens(response, tokens: dict[int, str]) -> None:
    """Remember the answers in this browser (only the actions' pages receive the cookie)."""
    path = url_for("actions.agenda_page").rstrip("/")
    if not tokens:
        response.delete_cookie(rsvps.COOKIE, path=path)
        return
    rsvps.RSVP_COOKIE.set(response, rsvps.write_cookie(tokens), path=path, httponly=True,
                          samesite="Lax", secure=request.is_secure)
