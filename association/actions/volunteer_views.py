"""The volunteers' side of actions (``/benevoles/actions/``): create, change, cancel, and the
checklist each volunteer takes tasks from. Parse, call, render."""
from flask import Blueprint, abort, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_babel import ngettext
from flask_login import current_user

from .. import clock, urls
from ..db import get_db
from ..forms import ButtonForm, Confirmation, confirmed
from ..i18n import current_locale
from ..privacy import Flags
from ..volunteers import role_required
from . import agenda, tasks
from .afterwards import communique_draft
from .forms import ActionForm, TaskForm, reveal_hint
from .kinds import kind_label, task_label
from .shown import shown_to
from .timing import local

bp = Blueprint("actions_manage", __name__, url_prefix="/benevoles/actions")
volunteer_required = role_required("volunteer")


def _action_or_404(db, action_id: int) -> dict:
    return agenda.get(db, action_id) or abort(404)


@bp.get("/")
@volunteer_required
def actions_list():
    """Every action, coming then past, with how far their checklists are."""
    db = get_db()
    coming, done = agenda.every(db, "upcoming"), agenda.every(db, "past")
    progress = tasks.progress(db, [a["id"] for a in coming + done])
    return render_template("actions/manage/list.html", coming=[shown_to(a) for a in coming],
                           past=[shown_to(a) for a in done], progress=progress)


@bp.route("/nouvelle", methods=["GET", "POST"])
@volunteer_required
def new():
    """Create an action; its checklist starts from its kind's."""
    form = ActionForm()
    if form.validate_on_submit():
        db = get_db()
        action_id = agenda.create(db, form.fields_to_save(), str(current_locale()),
                                  by=current_user)
        flash(_("Action saved, with the checklist of its kind."), "success")
        return redirect(url_for("actions_manage.overview", action_id=action_id), code=303)
    return _form_page(form, None)


def _form_page(form, action):
    return render_template(
        "actions/manage/form.html", form=form, action=action, reveal_hint=reveal_hint(),
        cancel_url=url_for("actions_manage.overview", action_id=action["id"]) if action
        else url_for("actions_manage.actions_list")), 400 if form.errors else 200


def _initial(action: dict) -> dict:
    """An action's values as its form shows them (local dates and times)."""
    start, end = local(action["starts_at"]), local(action["ends_at"])
    return {**action, "start_date": start.date(), "start_time": start.time(),
            "end_date": end.date() if end.date() != start.date() else None,
            "end_time": end.time(), "show_count": bool(action["show_count"])}


@bp.route("/<int:action_id>/modifier", methods=["GET", "POST"])
@volunteer_required
def edit(action_id):
    """Change an action (calendars take the new version: its sequence moves)."""
    db = get_db()
    action = _action_or_404(db, action_id)
    form = ActionForm(data=_initial(action))
    form.original_start = clock.parse(action["starts_at"])
    if form.validate_on_submit():
        try:
            agenda.update(db, action_id, form.fields_to_save(), str(current_locale()),
                          by=current_user)
        except agenda.CapacityBelowAnswers as error:
            form.capacity.errors.append(ngettext(
                "%(num)s person has already said they would come: the capacity cannot be "
                "below that.", "%(num)s people have already said they would come: the "
                "capacity cannot be below that.", error.answered))
        else:
            flash(_("Action saved."), "success")
            return redirect(url_for("actions_manage.overview", action_id=action_id), code=303)
    return _form_page(form, action)


@bp.get("/<int:action_id>")
@volunteer_required
def overview(action_id):
    """One action as its organisers see it: everything, its count, its checklist."""
    db = get_db()
    action = _action_or_404(db, action_id)
    return _overview_page(db, action, TaskForm(formdata=None))


def _overview_page(db, action, task_form, status=200):
    return render_template(
        "actions/manage/overview.html", item=shown_to(action, answered=True), action=action,
        tasks=[{**task, "text": task_label(task)} for task in tasks.of_action(db, action["id"])],
        task_form=task_form,
        draft=communique_draft(db, action["id"]),
        page_url=urls.external_url("actions.action_page", action_id=action["id"])), status


@bp.route("/<int:action_id>/annuler", methods=["GET", "POST"])
@volunteer_required
def cancel(action_id):
    """Cancel an action after a page saying what it changes (it can be reinstated)."""
    db = get_db()
    action = _action_or_404(db, action_id)
    back = url_for("actions_manage.overview", action_id=action_id)
    if action["status"] == "cancelled":
        return redirect(back)
    if shown_to(action).ended:
        flash(_("This action has taken place: it can no longer be cancelled."), "error")
        return redirect(back)
    if not confirmed():
        return Confirmation(
            title=_("Cancel “%(title)s”?", title=action["title"] or kind_label(action["kind"])),
            consequences=[
                ngettext("%(num)s person said they would come: the action's page will tell "
                         "them it is cancelled.", "%(num)s people said they would come: the "
                         "action's page will tell them it is cancelled.", action["rsvp_count"]),
                _("Calendars that subscribed to the agenda will show it as cancelled."),
                _("Nobody can answer “I'll come” any more.")],
            irreversible=None, action=url_for("actions_manage.cancel", action_id=action_id),
            confirm=_("Cancel the action"), cancel=back).page()
    if agenda.set_status(db, action_id, "cancelled", by=current_user):
        flash(_("The action is cancelled."), "success")
    return redirect(back, code=303)


@bp.post("/<int:action_id>/retablir")
@volunteer_required
def reinstate(action_id):
    """Plan a cancelled action again."""
    db = get_db()
    _action_or_404(db, action_id)
    if ButtonForm().validate_on_submit() and agenda.set_status(db, action_id, "planned",
                                                               by=current_user):
        flash(_("The action is planned again."), "success")
    return redirect(url_for("actions_manage.overview", action_id=action_id))


@bp.post("/<int:action_id>/taches")
@volunteer_required
def add_task(action_id):
    """Add a task of one's own to the checklist."""
    db = get_db()
    action = _action_or_404(db, action_id)
    form = TaskForm()
    if not form.validate_on_submit():
        return _overview_page(db, action, form, status=400)
    flags = Flags.found_in(form.label).format()
    tasks.add(db, action, form.label.data, flags, by=current_user)
    flash(_("Task added."), "success")
    return redirect(url_for("actions_manage.overview", action_id=action_id) + "#taches",
                    code=303)


def _task_or_404(db, action_id: int, task_id: int) -> dict:
    return tasks.get(db, action_id, task_id) or abort(404)


def _task_change(action_id: int, task_id: int, change) -> object:
    """Apply ``change(db, task)`` to one task after checking the button's token; back to
    the checklist."""
    db = get_db()
    task = _task_or_404(db, action_id, task_id)
    if ButtonForm().validate_on_submit():
        message = change(db, task)
        if message:
            flash(message, "success")
    return redirect(url_for("actions_manage.overview", action_id=action_id) + "#taches")


@bp.post("/<int:action_id>/taches/<int:task_id>/prendre")
@volunteer_required
def take_task(action_id, task_id):
    """Take a task, under one's pseudonym."""
    def change(db, task):
        if tasks.take(db, task["id"], current_user):
            return _("The task is yours.")
        flash(_("Someone else took this task meanwhile."), "error")
        return None
    return _task_change(action_id, task_id, change)


@bp.post("/<int:action_id>/taches/<int:task_id>/lacher")
@volunteer_required
def release_task(action_id, task_id):
    """Give a task back: nobody holds it any more."""
    def change(db, task):
        tasks.release(db, task["id"], by=current_user)
        return _("Nobody holds this task now.")
    return _task_change(action_id, task_id, change)


@bp.post("/<int:action_id>/taches/<int:task_id>/faite")
@volunteer_required
def tick_task(action_id, task_id):
    """Tick a task off (or untick it)."""
    def change(db, task):
        return _("Task ticked off.") if tasks.toggle_done(db, task["id"], by=current_user) \
            else _("Task marked as not done.")
    return _task_change(action_id, task_id, change)


@bp.route("/<int:action_id>/taches/<int:task_id>/retirer", methods=["GET", "POST"])
@volunteer_required
def remove_task(action_id, task_id):
    """Remove a task nobody holds and nobody did, after a confirmation."""
    db = get_db()
    task = _task_or_404(db, action_id, task_id)
    back = url_for("actions_manage.overview", action_id=action_id) + "#taches"
    if task["assignee_id"] is not None or task["done_at"] is not None:
        flash(_("A task someone holds or did stays on the checklist."), "error")
        return redirect(back)
    if not confirmed():
        return Confirmation(
            title=_("Remove the task “%(task)s”?", task=task_label(task)),
            consequences=[_("The checklist will have %(n)s tasks.",
                            n=len(tasks.of_action(db, action_id)) - 1)],
            irreversible=None, confirm=_("Remove the task"), cancel=back,
            action=url_for("actions_manage.remove_task", action_id=action_id,
                           task_id=task_id)).page()
    tasks.remove(db, task_id, by=current_user)
    flash(_("Task removed."), "success")
    return redirect(back, code=303)
