"""The volunteers' side of the charges check (``/benevoles/charges/``): enter a statement and
its lines (form or CSV), read the verdicts, overrule one, produce the letters, publish.
Parse, call, render."""
from datetime import date

from flask import (Blueprint, abort, flash, make_response, redirect, render_template, request,
                   url_for)
from flask_babel import force_locale, format_decimal, get_locale
from flask_babel import gettext as _
from flask_babel import ngettext
from flask_login import current_user

from .. import clock, reference
from ..db import get_db
from ..forms import Confirmation, choices, confirmed
from ..letters import Undrawable, pdf
from ..volunteers import role_required
from . import cards, hooks, labels, letters, outages, spreadsheet, statements, windows
from .check import totals
from .forms import (ImportForm, LineForm, OutageEndForm, OutageForm, OverruleForm,
                    StatementDetailsForm, StatementForm)

bp = Blueprint("charges_volunteer", __name__, url_prefix="/benevoles/charges")
volunteer_required = role_required("volunteer")
MAX_CSV_BYTES = 1024 * 1024


def _statement(db, statement_id: int) -> dict:
    """A statement of the volunteer's buildings (404 for any other)."""
    found = statements.get(db, statement_id)
    if found is None or found["building_id"] not in current_user.scope(db):
        abort(404)
    return found


@bp.get("/")
@volunteer_required
def listing():
    """The statements of the volunteer's buildings."""
    db = get_db()
    return render_template("charges/volunteer/list.html",
                           statements=statements.of_scope(db, current_user.scope(db)))


@bp.route("/nouveau", methods=["GET", "POST"])
@volunteer_required
def new():
    """Enter a statement: building, year, sender, date received, distribution key."""
    db = get_db()
    scope = current_user.scope(db)
    form = StatementForm()
    form.building.choices = choices([("", _("— choose —"))] + [
        (b["id"], b["name"]) for b in reference.buildings(db) if b["id"] in scope])
    if request.method == "GET":
        form.year.data = clock.today().year - 1
    if form.validate_on_submit():
        if form.building.data not in scope:
            abort(404)
        if statements.of_building_year(db, form.building.data, form.year.data):
            form.year.errors.append(_("This building already has a statement for this year."))
        else:
            statement_id = statements.create(db, form.values(), current_user)
            flash(_("Statement saved: add its lines."), "success")
            return redirect(url_for(".statement", statement_id=statement_id), code=303)
    return render_template("charges/volunteer/new.html", form=form), \
        400 if form.errors else 200


def _page(db, statement, status=200, **forms):
    """The statement's page: lines and verdicts, windows, letters, the forms."""
    checked = statements.checked(db, statement)
    found_outages = outages.of_year(db, statement["building_id"], statement["year"])
    return render_template(
        "charges/volunteer/statement.html", statement=statement, checked=checked,
        cards=cards.draw(checked, statement["distribution_key"]),
        natures=cards.table(statement, checked),
        totals=totals(statement, checked), consult_until=windows.consult_until(statement),
        claim_until=windows.claim_until(statement), today=clock.today(),
        line_form=forms.get("line_form") or LineForm(prefix="line", formdata=None),
        import_form=forms.get("import_form") or ImportForm(prefix="import", formdata=None),
        import_errors=forms.get("import_errors") or [],
        nature_list=labels.nature_choices(),
        outages=found_outages, days_out=outages.days_out(
            found_outages, statement["year"], clock.today()),
        outage_form=forms.get("outage_form") or OutageForm(prefix="outage", formdata=None),
        end_forms={o["id"]: forms.get("end_form") if forms.get("outage_id") == o["id"] else
                   OutageEndForm(prefix=f"end-{o['id']}", formdata=None)
                   for o in found_outages if not o["ended_on"]},
        letter_kinds=letters.KINDS, unfounded={
            kind: letters.unfounded(kind, statement, checked, clock.today())
            for kind in letters.KINDS}), status


@bp.route("/<int:statement_id>/modifier", methods=["GET", "POST"])
@volunteer_required
def correct(statement_id):
    """Correct what a statement says of itself: sender, date received, distribution key,
    total of m² or shares (the windows and the costs per unit follow)."""
    db = get_db()
    found = _statement(db, statement_id)
    form = StatementDetailsForm(data={
        **found, "received_on": date.fromisoformat(found["received_on"]),
        "total_units": format_decimal(found["total_units"]) if found["total_units"] else "",
        "social_housing": bool(found["social_housing"])})
    if form.validate_on_submit():
        statements.correct(db, statement_id, form.values(), current_user)
        flash(_("Statement corrected."), "success")
        return redirect(url_for(".statement", statement_id=statement_id), code=303)
    return render_template("charges/volunteer/correct.html", statement=found, form=form), \
        400 if form.errors else 200


@bp.get("/<int:statement_id>")
@volunteer_required
def statement(statement_id):
    """A statement with its lines and their verdicts."""
    db = get_db()
    return _page(db, _statement(db, statement_id))


@bp.post("/<int:statement_id>/lignes")
@volunteer_required
def add_line(statement_id):
    """Add one line typed from the landlord's paper."""
    db = get_db()
    found = _statement(db, statement_id)
    form = LineForm(prefix="line")
    if not form.validate_on_submit():
        return _page(db, found, status=400, line_form=form)
    statements.add_lines(db, statement_id, [form.values()], current_user)
    flash(_("Line added."), "success")
    return redirect(url_for(".statement", statement_id=statement_id) + "#lines", code=303)


@bp.post("/<int:statement_id>/import")
@volunteer_required
def import_csv(statement_id):
    """Add the lines of a CSV file: all of them, or none when a line is wrong."""
    db = get_db()
    found = _statement(db, statement_id)
    form = ImportForm(prefix="import")
    upload = form.file.data
    data = upload.read(MAX_CSV_BYTES + 1) if upload else b""
    if not data:
        form.file.errors = [_("Choose a CSV file.")]
        return _page(db, found, status=400, import_form=form)
    if len(data) > MAX_CSV_BYTES:
        form.file.errors = [_("The file is larger than 1 MB: split it.")]
        return _page(db, found, status=400, import_form=form)
    rows, errors = spreadsheet.read(data)
    if errors:
        form.file.errors = [_("Nothing was imported: correct these lines and send the file "
                              "again.")]
        return _page(db, found, status=400, import_form=form, import_errors=errors)
    added = statements.import_lines(db, statement_id, rows, current_user)
    flash(ngettext("%(num)s line imported.", "%(num)s lines imported.", added), "success")
    return redirect(url_for(".statement", statement_id=statement_id) + "#lines", code=303)


@bp.get("/modele.csv")
@volunteer_required
def csv_template():
    """The CSV template to fill in a spreadsheet."""
    response = make_response(spreadsheet.template())
    response.mimetype = "text/csv"
    response.headers["Content-Disposition"] = 'attachment; filename="charges-modele.csv"'
    return response


@bp.get("/<int:statement_id>/controle.csv")
@volunteer_required
def check_csv(statement_id):
    """The statement's check as CSV: each line with its verdict, what is not recoverable,
    why and the text, in the page's language."""
    db = get_db()
    found = _statement(db, statement_id)
    response = make_response(spreadsheet.check_csv(
        statements.checked(db, found), [
            _("Label"), _("Nature"), _("Amount for the building (€)"),
            _("Per %(unit)s (€)", unit=labels.unit_label(found["distribution_key"])),
            _("Verdict"), _("Not recoverable (€)"), _("Why"), _("Reference")],
        labels.words(found["distribution_key"]), comma=str(get_locale() or "fr") == "fr"))
    response.mimetype = "text/csv"
    response.headers["Content-Disposition"] = \
        f'attachment; filename="charges-{found["year"]}-controle.csv"'
    return response


@bp.route("/<int:statement_id>/lignes/<int:line_id>/avis", methods=["GET", "POST"])
@volunteer_required
def overrule(statement_id, line_id):
    """Give a line a verdict in place of the list's, with the reason (or give it back)."""
    db = get_db()
    found = _statement(db, statement_id)
    statements.line(db, statement_id, line_id) or abort(404)
    checked = next(c for c in statements.checked(db, found) if c.line_id == line_id)
    form = OverruleForm(prefix=f"overrule-{line_id}", data=dict(zip(
        ("verdict", "share", "reason"), checked.overruling or ("", None, None))))
    if form.validate_on_submit():
        statements.overrule(db, line_id, form.verdict.data or None, form.share.data,
                            form.reason.data.strip(), current_user)
        flash(_("Verdict saved."), "success")
        return redirect(url_for(".statement", statement_id=statement_id) + f"#line-{line_id}",
                        code=303)
    return render_template(
        "charges/volunteer/overrule.html", statement=found, checked=checked, form=form,
        card=cards.draw([checked], found["distribution_key"])[0]), \
        400 if form.errors else 200


@bp.route("/<int:statement_id>/lignes/<int:line_id>/supprimer", methods=["GET", "POST"])
@volunteer_required
def remove_line(statement_id, line_id):
    """Take a line typed in error off the statement, after a confirmation."""
    db = get_db()
    _statement(db, statement_id)
    found = statements.line(db, statement_id, line_id) or abort(404)
    back = url_for(".statement", statement_id=statement_id) + f"#line-{line_id}"
    if not confirmed():
        return Confirmation(
            title=_("Remove the line “%(label)s”?", label=found["label"]),
            consequences=[_("Its verdict, and a volunteer's if one was given, go with it.")],
            irreversible=None, confirm=_("Remove the line"), cancel=back,
            action=url_for(".remove_line", statement_id=statement_id, line_id=line_id)).page()
    statements.remove_line(db, statement_id, line_id, current_user)
    flash(_("Line removed."), "success")
    return redirect(url_for(".statement", statement_id=statement_id) + "#lines", code=303)


@bp.post("/<int:statement_id>/pannes")
@volunteer_required
def record_outage(statement_id):
    """Record the building's equipment out of service (dates only)."""
    db = get_db()
    found = _statement(db, statement_id)
    form = OutageForm(prefix="outage")
    if not form.validate_on_submit():
        return _page(db, found, status=400, outage_form=form)
    outages.record(db, found["building_id"], form.equipment.data, form.started_on.data,
                   form.ended_on.data, current_user)
    flash(_("Outage recorded."), "success")
    return redirect(url_for(".statement", statement_id=statement_id) + "#outages-title",
                    code=303)


@bp.post("/<int:statement_id>/pannes/<int:outage_id>/fin")
@volunteer_required
def end_outage(statement_id, outage_id):
    """The equipment is back in service."""
    db = get_db()
    found = _statement(db, statement_id)
    outage = outages.get(db, found["building_id"], outage_id) or abort(404)
    form = OutageEndForm(prefix=f"end-{outage_id}",
                         started_on=date.fromisoformat(outage["started_on"]))
    if form.validate_on_submit():
        outages.end(db, outage_id, form.ended_on.data, current_user)
        flash(_("Back in service: recorded."), "success")
        return redirect(url_for(".statement", statement_id=statement_id) + "#outages-title",
                        code=303)
    return _page(db, found, status=400, end_form=form, outage_id=outage_id)


@bp.route("/<int:statement_id>/pannes/<int:outage_id>/supprimer", methods=["GET", "POST"])
@volunteer_required
def remove_outage(statement_id, outage_id):
    """Take off an outage recorded in error, after a confirmation."""
    db = get_db()
    found = _statement(db, statement_id)
    outages.get(db, found["building_id"], outage_id) or abort(404)
    back = url_for(".statement", statement_id=statement_id) + "#outages-title"
    if not confirmed():
        return Confirmation(
            title=_("Remove this outage?"),
            consequences=[_("Its days no longer count in the dispute letter.")],
            irreversible=None, confirm=_("Remove the outage"), cancel=back,
            action=url_for(".remove_outage", statement_id=statement_id,
                           outage_id=outage_id)).page()
    outages.remove(db, outage_id, current_user)
    flash(_("Outage removed."), "success")
    return redirect(back, code=303)


@bp.post("/<int:statement_id>/publication")
@volunteer_required
def publication(statement_id):
    """Publish the check on the public pages, or take it off."""
    db = get_db()
    found = _statement(db, statement_id)
    publish = not found["published_at"]
    statements.set_published(db, statement_id, publish, current_user)
    flash(_("The check is public.") if publish else _("The check is no longer public."),
          "success")
    return redirect(url_for(".statement", statement_id=statement_id))


def _unfounded(statement, kind, checked):
    """Back to the statement, with why, when the letter would misstate the facts or the law
    today (``letters.unfounded``, in the page's language); None when it may be written."""
    refused = letters.unfounded(kind, statement, checked, clock.today())
    if not refused:
        return None
    flash(refused, "error")
    return redirect(url_for(".statement", statement_id=statement["id"]) + "#letters-title",
                    code=303)


def _letter(db, statement, kind):
    """The letter in French and None, or None and the way back when it may not be written
    (``_unfounded``): the statement checked once, in French, for both."""
    today, year = clock.today(), statement["year"]
    with force_locale("fr"):
        checked = statements.checked(db, statement)
    refused = _unfounded(statement, kind, checked)
    if refused:
        return None, refused
    days = outages.days_out(outages.of_year(db, statement["building_id"], year), year, today)
    with force_locale("fr"):
        return letters.letter(kind, statement, checked, reference.association(db), today,
                              outages.deductions(days, checked, year)), None


@bp.post("/<int:statement_id>/lettres")
@volunteer_required
def produce(statement_id):
    """Produce a letter: it joins the building's collective case of charges."""
    db = get_db()
    found = _statement(db, statement_id)
    kind = request.form.get("kind")
    if kind not in letters.KINDS:
        flash(_("Choose a letter."), "error")
        return redirect(url_for(".statement", statement_id=statement_id))
    refused = _unfounded(found, kind, statements.checked(db, found))
    if refused:
        return refused
    statements.letter_produced(db, found, letters.title(kind, found), current_user)
    return redirect(url_for(".letter", statement_id=statement_id, kind=kind), code=303)


@bp.get("/<int:statement_id>/lettres/<kind>")
@volunteer_required
def letter(statement_id, kind):
    """A letter to print, with its PDF."""
    db = get_db()
    found = _statement(db, statement_id)
    if kind not in letters.KINDS:
        abort(404)
    drawn, refused = _letter(db, found, kind)
    if refused:
        return refused
    return render_template("charges/volunteer/letter.html", statement=found, kind=kind,
                           letter=drawn)


@bp.get("/<int:statement_id>/lettres/<kind>.pdf")
@volunteer_required
def letter_pdf(statement_id, kind):
    """The same letter as a PDF, made for this request and kept nowhere."""
    db = get_db()
    found = _statement(db, statement_id)
    if kind not in letters.KINDS:
        abort(404)
    drawn, refused = _letter(db, found, kind)
    if refused:
        return refused
    try:
        data = pdf(drawn, letters.title(kind, found))
    except Undrawable:
        return render_template("letter_pdf_refused.html", printable_url=url_for(
            ".letter", statement_id=statement_id, kind=kind)), 422
    response = make_response(data)
    response.mimetype = "application/pdf"
    response.headers["Content-Disposition"] = \
        f'attachment; filename="charges-{found["year"]}-{kind}.pdf"'
    return response


@bp.get("/echeances.ics")
@volunteer_required
def calendar():
    """The windows of the volunteer's statements, for their calendar."""
    db = get_db()
    response = make_response(hooks.calendar(statements.of_scope(db, current_user.scope(db)),
                                            clock.now()))
    response.mimetype = "text/calendar"
    response.headers["Content-Disposition"] = 'attachment; filename="charges.ics"'
    return response
