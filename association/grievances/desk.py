"""The volunteers' desk for reports of their own buildings: the list with its filters and
search, one report (read on a need-to-know basis), its status, notes, photos and duplicates."""
from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from .. import privacy, reference, throttle
from ..db import get_db
from ..forms import RevealForm, choices
from ..privacy import Flags
from ..volunteers import role_required
from . import categories, reports, triage
from .forms import DEFAULT_STATUS, FilterForm, MergeForm, NoteForm, StatusForm
from .views import send_photo

bp = Blueprint("desk", __name__, url_prefix="/benevoles/signalements")
volunteer_required = role_required("volunteer")


# The list's filters, carried from the list to each report and on, so that "next report"
# follows the same list.
FILTERS = ("building", "category", "status", "age", "flagged", "q")


def _filters(db, scope: set[int], args) -> tuple[FilterForm, dict, dict]:
    """The filter form read from ``args``, the filters it applies ("new" reports unless
    another status, or all of them, is chosen) and the arguments that carry them on."""
    form = FilterForm(args)
    every = [("", _("All"))]
    form.building.choices = choices(every + [(str(b["id"]), b["name"])
                                             for b in reference.buildings(db) if b["id"] in scope])
    form.category.choices = choices(every + list(categories.CATEGORIES.items()))
    form.status.choices = choices([("", _("all states"))] + list(categories.STATUSES.items()))
    if not form.validate():
        return form, {"status": DEFAULT_STATUS}, {}
    return form, form.data, {name: args[name] for name in FILTERS if name in args}


@bp.get("/")
@volunteer_required
def listing():
    """The reports of the volunteer's buildings, filtered ("new" ones unless told otherwise);
    no text is shown in the list."""
    db = get_db()
    scope = current_user.scope(db)
    form, filters, carried = _filters(db, scope, request.args)
    page = request.args.get("page", 1, type=int)
    try:
        rows, more = triage.searched(db, current_user, scope, filters, page)
    except throttle.Throttled as refused:
        return throttle.response("grievances/desk/list.html", refused.retry_at, form=form,
                                 rows=[], page=1, more=False, carried=carried,
                                 status=filters.get("status"), throttled=True)
    return render_template("grievances/desk/list.html", form=form, rows=rows, page=page,
                           more=more, carried=carried, status=filters.get("status"))


def _grievance(db, grievance_id: int) -> dict:
    """The report, read through need-to-know: 404 outside the scope, logged with its tenant."""
    return privacy.need_to_know(db, current_user, "grievance", triage.get(db, grievance_id))


def _next(db, grievance) -> tuple[dict | None, dict]:
    """The report after this one in the list the volunteer came from, and that list's
    arguments."""
    scope = current_user.scope(db)
    _form, filters, carried = _filters(db, scope, request.args)
    return triage.following_for(db, current_user, scope, filters, grievance), carried


def _page(db, grievance, status=200, revealed=False, **forms):
    following, carried = _next(db, grievance)
    return render_template(
        "grievances/desk/grievance.html", grievance=grievance, following=following,
        carried=carried,
        photos=triage.photos(db, grievance["id"]), notes=triage.notes(db, grievance["id"]),
        revealed=revealed, reveal_form=forms.get("reveal_form") or RevealForm(formdata=None),
        note_form=forms.get("note_form") or NoteForm(prefix="note", formdata=None),
        status_form=forms.get("status_form") or _status_form(grievance, formdata=None),
        merge_form=forms.get("merge_form") or MergeForm(prefix="merge", formdata=None),
        next_statuses=categories.next_statuses(grievance["status"], grievance["category"])), status


def _status_form(grievance, **kwargs):
    form = StatusForm(prefix="status", **kwargs)
    form.status.choices = choices((code, categories.status_label(code))
                                  for code in categories.next_statuses(grievance["status"],
                                                                       grievance["category"]))
    return form


@bp.route("/<int:grievance_id>", methods=["GET", "POST"])
@volunteer_required
def grievance(grievance_id):
    """One report: flagged text masked until revealed with a reason (POST)."""
    db = get_db()
    found = _grievance(db, grievance_id)
    if request.method == "GET":
        return _page(db, found)
    form = RevealForm()
    if not form.validate_on_submit():
        return _page(db, found, status=400, reveal_form=form)
    privacy.reveal(db, current_user, "grievance", found["id"], found["member_id"],
                   form.reason.data)
    return _page(db, found, revealed=True)


@bp.post("/<int:grievance_id>/statut")
@volunteer_required
def status(grievance_id):
    """Move the report along; its tenant is told (a message with no text) if they gave an
    address."""
    db = get_db()
    found = _grievance(db, grievance_id)
    form = _status_form(found)
    if not form.validate_on_submit():
        return _page(db, found, status=400, status_form=form)
    try:
        triage.change_status(db, found, form.status.data, form.close_reason.data or None,
                             by=current_user)
    except ValueError:
        abort(400)
    flash(_("%(reference)s: status changed to %(status)s.", reference=found["reference"],
            status=categories.status_label(form.status.data)), "success")
    # Triage goes on with the next report of the same list, or back to the list at its end.
    following, carried = _next(db, found)
    if following is None:
        return redirect(url_for("desk.listing", **carried))
    return redirect(url_for("desk.grievance", grievance_id=following["id"], **carried))


@bp.post("/<int:grievance_id>/notes")
@volunteer_required
def note(grievance_id):
    """Add a note, screened; the tenant reads it in their space."""
    db = get_db()
    found = _grievance(db, grievance_id)
    form = NoteForm(prefix="note")
    if not form.validate_on_submit():
        return _page(db, found, status=400, note_form=form)
    triage.add_note(db, found, current_user, form.text.data.strip(),
                    Flags.found_in(form.text))
    flash(_("Note added: the tenant reads it in their space."), "success")
    return redirect(url_for("desk.grievance", grievance_id=grievance_id,
                            **_filters(db, current_user.scope(db), request.args)[2]))


@bp.post("/<int:grievance_id>/fusionner")
@volunteer_required
def merge(grievance_id):
    """Close the report as a duplicate of another report of the same building."""
    db = get_db()
    found = _grievance(db, grievance_id)
    form = MergeForm(prefix="merge")
    into = reports.by_reference(db, form.into.data) if form.validate_on_submit() else None
    if into is None or into["building_id"] != found["building_id"] or into["id"] == found["id"]:
        if form.into.data and not form.into.errors:
            form.into.errors.append(_("No other report of this building has this reference."))
        return _page(db, found, status=400, merge_form=form)
    triage.merge(db, found, into, by=current_user)
    flash(_("Closed as a duplicate of %(reference)s.", reference=into["reference"]), "success")
    return redirect(url_for("desk.grievance", grievance_id=into["id"]))


@bp.get("/<int:grievance_id>/photos/<int:photo_id>")
@volunteer_required
def photo(grievance_id, photo_id):
    """A photo of a report of the volunteer's buildings (each view is logged)."""
    db = get_db()
    found = triage.get(db, grievance_id)
    photo_row = next((p for p in triage.photos(db, grievance_id) if p["id"] == photo_id), None)
    if found is None or photo_row is None:
        abort(404)
    privacy.need_to_know(db, current_user, "grievance_photo",
                         {**photo_row, "building_id": found["building_id"]})
    return send_photo(photo_row)
