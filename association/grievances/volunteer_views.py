"""The volunteers' pages, on two blueprints. ``desk``: the reports of their own buildings, the
list with its filters and search, one report (read on a need-to-know basis), its status, notes,
photos and duplicates. ``cases``: collective cases, for volunteers of the building: open one
from reports, write the association's demands, print the collective letter, record its
sending and the timeline."""
from datetime import date

from flask import Blueprint, abort, flash, make_response, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from .. import clock, privacy, reference, throttle, urls
from ..dates import in_words
from ..db import get_db
from ..forms import RevealForm, choices
from ..letters import Undrawable, pdf
from ..privacy import Flags
from ..volunteers import role_required
from . import cases, categories, grounds, reports, triage
from .forms import (
    DEFAULT_STATUS,
    CaseForm,
    DemandsForm,
    EventForm,
    FilterForm,
    GroundsForm,
    MergeForm,
    NoteForm,
    SendingForm,
    StatusForm,
    SummaryForm,
)
from .views import send_photo

desk_bp = Blueprint("desk", __name__, url_prefix="/benevoles/signalements")
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


@desk_bp.get("/")
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
    # The filters each card carries, written once for the page's 50 links.
    return render_template("grievances/desk/list.html", form=form, rows=rows, page=page,
                           more=more, carried=carried, status=filters.get("status"),
                           carried_query=urls.query_string(carried))


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


@desk_bp.route("/<int:grievance_id>", methods=["GET", "POST"])
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


@desk_bp.post("/<int:grievance_id>/statut")
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


@desk_bp.post("/<int:grievance_id>/notes")
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


@desk_bp.post("/<int:grievance_id>/fusionner")
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


@desk_bp.get("/<int:grievance_id>/photos/<int:photo_id>")
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


cases_bp = Blueprint("cases", __name__, url_prefix="/benevoles/dossiers")


def _case(db, case_id: int) -> dict:
    """A case of the volunteer's buildings (404 for any other: its existence is not told)."""
    found = cases.get(db, case_id)
    if found is None or found["building_id"] not in current_user.scope(db):
        abort(404)
    return found


@cases_bp.get("/", endpoint="listing")
@volunteer_required
def case_listing():
    """The cases of the volunteer's buildings."""
    db = get_db()
    return render_template("grievances/cases/list.html",
                           cases=cases.of_scope(db, current_user.scope(db)),
                           today=clock.today())


@cases_bp.route("/nouveau", methods=["GET", "POST"])
@volunteer_required
def new():
    """Open a case for one building, grouping some of its open reports."""
    db = get_db()
    scope = current_user.scope(db)
    form = CaseForm()
    form.building.choices = choices([("", _("— choose —"))] + [
        (b["id"], b["name"]) for b in reference.buildings(db) if b["id"] in scope])
    form.category.choices = choices([("", _("several kinds"))] + [
        (code, label) for code, label in categories.CATEGORIES.items()
        if categories.groupable(code)])
    building_id = form.building.data if request.method == "POST" else \
        request.args.get("batiment", type=int)
    if building_id not in scope:
        building_id = None  # another building, or any number at all: no reports of it
    open_reports, _more = triage.listing(db, scope, {"building": building_id} if building_id
                                         else {"status": "checked"})
    open_reports = [r for r in open_reports if r["status"] in ("new", "checked")
                    and categories.groupable(r["category"])]
    form.grievances.choices = choices(
        (r["id"], f"{r['reference']} — {categories.label(r['category'])} — "
                  f"{r['building_name']}") for r in open_reports)
    if request.method == "GET" and building_id:
        form.building.data = building_id
    if form.validate_on_submit():
        if form.building.data not in scope:
            abort(404)  # another building: its existence is not told
        case_id = cases.open_case(db, form.building.data, form.category.data,
                                  form.title.data.strip(), (form.theme.data or "").strip(),
                                  Flags.found_in(form.theme), form.grievances.data,
                                  current_user)
        flash(_("Case opened."), "success")
        return redirect(url_for("cases.case", case_id=case_id))
    return render_template("grievances/cases/new.html", form=form,
                           individual=categories.INDIVIDUAL.values()), \
        400 if form.errors else 200


def _case_page(db, case, status=200, **forms):
    event_form = forms.get("event_form") or EventForm(prefix="event", formdata=None)
    event_form.kind.choices = choices((k, cases.EVENTS[k]) for k in cases.RECORDED)
    facts = cases.facts(db, case)
    kinds = cases.kinds_of(case, facts)
    return render_template(
        "grievances/cases/case.html", case=case, facts=facts,
        timeline=cases.timeline(db, case["id"]), today=clock.today(),
        reports=cases.read(db, case, current_user),
        grounds_form=forms.get("grounds_form") or GroundsForm(
            prefix="grounds", formdata=None, data={
                "grounds": case["grounds"] or grounds.default_grounds(kinds),
                "repairs_checked": bool(case["repairs_checked"])}),
        grounds_adjusted=bool(case["grounds"]),
        demands_form=forms.get("demands_form") or DemandsForm(
            prefix="demands", formdata=None,
            data={"demands": case["demands"] or grounds.default_demands(kinds)}),
        sending_form=forms.get("sending_form") or SendingForm(prefix="sending", formdata=None),
        summary_form=forms.get("summary_form") or SummaryForm(
            prefix="summary", formdata=None, data={"public_summary": case["public_summary"]}),
        event_form=event_form), status


@cases_bp.get("/<int:case_id>")
@volunteer_required
def case(case_id):
    """One case: its reports (as counts and references), demands, sending and timeline."""
    db = get_db()
    return _case_page(db, _case(db, case_id))


@cases_bp.post("/<int:case_id>/revendications")
@volunteer_required
def demands(case_id):
    """Write the association's demands, which the letter states."""
    db = get_db()
    found = _case(db, case_id)
    form = DemandsForm(prefix="demands")
    if not form.validate_on_submit():
        return _case_page(db, found, status=400, demands_form=form)
    cases.save_demands(db, case_id, form.demands.data.strip(),
                       Flags.found_in(form.demands), current_user)
    flash(_("Demands saved: see the letter."), "success")
    return redirect(url_for("cases.case", case_id=case_id))


@cases_bp.post("/<int:case_id>/fondements")
@volunteer_required
def grounds_of(case_id):
    """Adjust the law the letter cites (the kind's own text when left as proposed) and say
    whether the problems were checked not to be tenant repairs."""
    db = get_db()
    found = _case(db, case_id)
    form = GroundsForm(prefix="grounds")
    if found["status"] != "open":
        flash(_("The letter was sent: it is kept as it was."), "error")
        return redirect(url_for("cases.case", case_id=case_id))
    if not form.validate_on_submit():
        return _case_page(db, found, status=400, grounds_form=form)
    cases.save_grounds(db, found, form.grounds.data, Flags.found_in(form.grounds),
                       form.repairs_checked.data, current_user)
    flash(_("The letter's legal grounds are saved: see the letter."), "success")
    return redirect(url_for("cases.case", case_id=case_id))


@cases_bp.post("/<int:case_id>/envoi")
@volunteer_required
def sending(case_id):
    """Record that the letter was sent, how, and when the answer is due."""
    db = get_db()
    found = _case(db, case_id)
    form = SendingForm(prefix="sending")
    if found["status"] != "open" or not found["demands"]:
        flash(_("Write the demands before sending the letter; a letter is sent once."), "error")
        return redirect(url_for("cases.case", case_id=case_id))
    if not form.validate_on_submit():
        return _case_page(db, found, status=400, sending_form=form)
    due = cases.record_sending(db, found, form.sent_on.data, form.sent_how.data.strip(),
                               Flags.found_in(form.sent_how), form.response_due.data,
                               current_user)
    flash(_("Sending recorded. The answer is due by %(date)s.", date=in_words(due)),
          "success")
    return redirect(url_for("cases.case", case_id=case_id))


@cases_bp.post("/<int:case_id>/etapes")
@volunteer_required
def event(case_id):
    """Add a step to the timeline (reply, visit, works, outcome, note)."""
    db = get_db()
    found = _case(db, case_id)
    form = EventForm(prefix="event")
    form.kind.choices = choices((k, cases.EVENTS[k]) for k in cases.RECORDED)
    if not form.validate_on_submit():
        return _case_page(db, found, status=400, event_form=form)
    status = cases.add_event(db, found, form.happened_on.data, form.kind.data,
                             (form.note.data or "").strip(), Flags.found_in(form.note),
                             current_user)
    flash(_("Step added to the timeline. The case is now: %(status)s.",
            status=cases.STATUSES[status]) if status else _("Step added to the timeline."),
          "success")
    return redirect(url_for("cases.case", case_id=case_id))


@cases_bp.post("/<int:case_id>/resume")
@volunteer_required
def summary(case_id):
    """The optional summary shown on the building's public page."""
    db = get_db()
    found = _case(db, case_id)
    form = SummaryForm(prefix="summary")
    if not form.validate_on_submit():
        return _case_page(db, found, status=400, summary_form=form)
    text = (form.public_summary.data or "").strip() or None
    cases.save_summary(db, case_id, text, Flags.found_in(form.public_summary),
                       current_user)
    flash(_("Public summary saved.") if text else _("Public summary removed."), "success")
    return redirect(url_for("cases.case", case_id=case_id))


@cases_bp.get("/<int:case_id>/lettre")
@volunteer_required
def letter(case_id):
    """The collective letter to the landlord, to print: counts and kinds, the law, the
    demands; no tenant's identity."""
    db = get_db()
    found = _case(db, case_id)
    cases.read(db, found, current_user)
    return render_template("grievances/cases/letter.html", case=found,
                           letter=_letter(db, found), as_sent=bool(found["letter_sent"]))


@cases_bp.get("/<int:case_id>/lettre.pdf")
@volunteer_required
def letter_pdf(case_id):
    """The same letter as a PDF file, made for this request and kept nowhere."""
    db = get_db()
    found = _case(db, case_id)
    try:
        data = pdf(_letter(db, found), found["title"])
    except Undrawable:
        return render_template("letter_pdf_refused.html",
                               printable_url=url_for("cases.letter", case_id=case_id)), 422
    cases.read(db, found, current_user)
    response = make_response(data)
    response.mimetype = "application/pdf"
    response.headers["Content-Disposition"] = \
        f'attachment; filename="lettre-collective-{case_id}.pdf"'
    return response


def _letter(db, found: dict):
    """The letter as sent once its sending is recorded (a case sent before letters were kept:
    rebuilt from the facts it stated, dated as it was sent); until then, as it would go today."""
    dated = date.fromisoformat(found["sent_on"]) if found.get("sent_on") else clock.today()
    return cases.as_sent(found) or cases.letter(found, cases.facts(db, found),
                                                reference.association(db), dated)
