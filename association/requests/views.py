"""Public and member views of joint access requests: parse, call, render.

The letter's personal fields (``full_name``, ``postal_address``, ``tenant_ref``, ``email``)
go from the form to the letter and nowhere else: not to the database, the session, a flash
message, a log line or a file; the letter's responses say ``Cache-Control: no-store``.
"""
from datetime import date
from functools import wraps

from flask import (Blueprint, abort, current_app, flash, jsonify, make_response, redirect,
                   render_template, request, url_for)
from flask_babel import get_locale
from flask_babel import gettext as _

from .. import throttle
from ..db import get_db
from ..forms import Confirmation, confirmed
from ..dates import in_words
from ..members import current_member, new_member
from ..security import public
from ..letters import Undrawable, pdf
from . import calendar, campaigns, letters, results, trackers
from .forms import (AnswerForm, ExtensionForm, FeeForm, FollowedUpForm, FollowUpLetterForm,
                    IdentityForm, LetterForm, ReceivedForm, SentForm, TRACKER_ERRORS, TrackForm)
from .labels import CHANNEL_LABELS, labels
from ..clock import today

bp = Blueprint("requests", __name__, url_prefix="/demandes")


def _campaign_or_404(db, slug: str) -> dict:
    return campaigns.by_slug(db, slug) or abort(404)


@bp.get("/")
@public
def index():
    """Every campaign, open ones first."""
    db = get_db()
    return render_template("requests/index.html", campaigns=campaigns.listed(db, today()),
                           labels=labels())


def _campaign_page(db, campaign, letter_form=None, track_form=None, status=200):
    """The campaign's page: explanation, the letter form, following it, the results."""
    member = current_member(db)
    return render_template(
        "requests/campaign.html", campaign=campaign,
        status=campaigns.status(campaign, today()),
        letter_form=letter_form or LetterForm(formdata=None),
        track_form=track_form or TrackForm(prefix="track", formdata=None),
        tracker=trackers.of_campaign(db, campaign["id"], member["id"]) if member else None,
        results=results.results(db, campaign["id"]), labels=labels(),
        stats_url=url_for("requests.stats", slug=campaign["slug"], _external=False)), status


@bp.get("/<slug>")
@public
def campaign_page(slug):
    """A campaign: why, the letter to prepare, following it with a key, the results."""
    db = get_db()
    return _campaign_page(db, _campaign_or_404(db, slug))


def _letter_refused(db, campaign, form):
    """The campaign page again, with what was typed and why it was refused (400)."""
    return _campaign_page(db, campaign, letter_form=form, status=400)


def _parsed_letter(db, campaign, form):
    """The letter of a valid form, or None when the campaign does not take letters."""
    if campaigns.status(campaign, today()) != "open":
        form.form_errors.append(_("This campaign is not open: letters are prepared here only "
                                  "while it is."))
        return None
    if not form.validate_on_submit():
        return None
    language = form.letter_language.data
    return letters.request_letter(campaign, campaigns.template(campaign, language), form.data,
                                  language, today())


@bp.post("/<slug>/lettre")
def letter(slug):
    """The personalised letter, printable, with its PDF and e-mail versions; never stored."""
    db = get_db()
    campaign = _campaign_or_404(db, slug)
    form = LetterForm()
    written = _parsed_letter(db, campaign, form)
    if written is None:
        return _letter_refused(db, campaign, form)
    member = current_member(db)
    return render_template(
        "requests/letter.html", campaign=campaign, letter=written, form=form,
        mailto=written.mailto(campaign["dpo_email"]),
        pdf_action=url_for("requests.letter_pdf", slug=slug),
        track_form=TrackForm(prefix="track", formdata=None),
        tracker=trackers.of_campaign(db, campaign["id"], member["id"]) if member else None)


def _pdf_response(written, title: str, stem: str, form, printable_action: str):
    """The PDF; or, when its fonts cannot draw the letter, a page that offers the printable
    letter (the same fields, posted again, never stored)."""
    try:
        data = pdf(written, title)
    except Undrawable:
        return render_template("letter_pdf_refused.html", form=form,
                               printable_action=printable_action), 422
    response = make_response(data)
    response.mimetype = "application/pdf"
    response.headers["Content-Disposition"] = f'attachment; filename="{written.filename(stem)}"'
    return response


@bp.post("/<slug>/lettre.pdf")
def letter_pdf(slug):
    """The same letter as a PDF file, made for this request and kept nowhere."""
    db = get_db()
    campaign = _campaign_or_404(db, slug)
    form = LetterForm()
    written = _parsed_letter(db, campaign, form)
    if written is None:
        return _letter_refused(db, campaign, form)
    return _pdf_response(written, campaign["title"], f"demande-acces-{slug}", form,
                         url_for("requests.letter", slug=slug))


@bp.get("/<slug>/stats.json")
@public
def stats(slug):
    """The campaign's results as JSON (null: a group of fewer than 3, not published)."""
    db = get_db()
    campaign = _campaign_or_404(db, slug)
    response = jsonify({
        "campaign": {"slug": campaign["slug"], "title": campaign["title"],
                     "controller": campaign["controller_name"], "siren": campaign["siren"],
                     "opens_on": campaign["opens_on"], "closes_on": campaign["closes_on"],
                     "status": campaigns.status(campaign, today())},
        "note": "null: fewer than 3, not published",
        "counted": "trackers of personal keys confirmed in person by a volunteer",
        **results.results(db, campaign["id"]),
    })
    # Public counts, sent with no cookie: another site may show them (a communiqué's page).
    response.headers["Access-Control-Allow-Origin"] = "*"
    return response


@bp.post("/<slug>/suivre")
def follow(slug):
    """Follow one's request with one's personal key (made now, and shown once, if needed)."""
    db = get_db()
    campaign = _campaign_or_404(db, slug)
    if campaigns.status(campaign, today()) != "open":
        flash(_("This campaign is not open: it cannot be joined now."), "error")
        return redirect(url_for("requests.campaign_page", slug=slug), code=303)
    form = TrackForm(prefix="track")
    if not form.validate_on_submit():
        return _campaign_page(db, campaign, track_form=form, status=400)
    changes = ({"sent_on": form.sent_on.data.isoformat(), "channel": form.channel.data}
               if form.sent_on.data else {})
    try:
        trackers.validated({"state": "to_send", **changes}, today())
    except trackers.TrackerError as error:
        getattr(form, error.field, form.sent_on).errors.append(TRACKER_ERRORS[error.code])
        return _campaign_page(db, campaign, track_form=form, status=400)
    member = current_member(db)
    if member is None:
        try:
            with db.atomic():  # the new key and its tracker, together or not at all
                member_id, _key = new_member(db)
                trackers.start(db, campaign, member_id, today(), **changes)
        except throttle.Throttled as error:
            flash(_("Many keys were made from this connection. Try again after %(time)s.",
                    time=in_words(error.retry_at, "time")), "error")
            return redirect(url_for("requests.campaign_page", slug=slug), code=303)
        flash(_("You follow this request. Keep your personal key: it opens your tracker."),
              "success")
        return redirect(url_for("members.key_page"), code=303)
    tracker_id = trackers.start(db, campaign, member["id"], today(), **changes)
    return redirect(url_for("requests.tracker_page", tracker_id=tracker_id), code=303)


# --- the member's tracker ------------------------------------------------------------------

def tracker_required(view):
    """Only the member whose tracker it is (404 for anyone else's); passes the tracker."""
    @wraps(view)
    def wrapped(tracker_id, *args, **kwargs):
        db = get_db()
        member = current_member(db)
        if member is None:
            flash(_("Enter your personal key to open your space."), "info")
            return redirect(url_for("members.home", ouvrir=1))
        tracker = trackers.get(db, tracker_id, member["id"]) or abort(404)
        return view(tracker, *args, **kwargs)
    return wrapped


def _as_date(value):
    return date.fromisoformat(value) if value else None


def _tracker_forms(tracker) -> dict:
    """Every form of the tracker page, showing what is recorded."""
    checklist = [item for item in (tracker["checklist"] or "").split(",") if item]
    return {
        "sent": SentForm(prefix="sent", formdata=None, data={
            "sent_on": _as_date(tracker["sent_on"]), "channel": tracker["channel"]}),
        "received": ReceivedForm(prefix="received", formdata=None, data={
            "received_on": None if tracker["received_estimated"]
            else _as_date(tracker["received_on"])}),
        "extension": ExtensionForm(prefix="extension", formdata=None, data={
            "extension_notice_on": _as_date(tracker["extension_notice_on"]),
            "extension_reasons": bool(tracker["extension_notice_on"])
            and tracker["extension_reasons"] != 0}),
        "identity": IdentityForm(prefix="identity", formdata=None, data={
            "identity_asked_on": _as_date(tracker["identity_asked_on"]),
            "identity_justified": bool(tracker["identity_justified"]),
            "identity_answered_on": _as_date(tracker["identity_answered_on"])}),
        "fee": FeeForm(prefix="fee", formdata=None, data={
            "fee_asked_on": _as_date(tracker["fee_asked_on"])}),
        "followed_up": FollowedUpForm(prefix="followed", formdata=None, data={
            "followed_up_on": _as_date(tracker["followed_up_on"]),
            "followed_up_channel": tracker["followed_up_channel"] or ""}),
        "answer": AnswerForm(prefix="answer", formdata=None, data={
            "answered_on": _as_date(tracker["answered_on"]), "grade": tracker["grade"] or "",
            "checklist": checklist, "copy_received": bool(tracker["copy_received"]),
            "comments_disclosed": bool(tracker["comments_disclosed"]),
            "access_log_disclosed": bool(tracker["access_log_disclosed"])}),
    }


def _tracker_page(tracker, refused=None, status=200):
    """The tracker's page; ``refused`` is (name, form) of a form that comes back."""
    forms = _tracker_forms(tracker)
    if refused:
        forms[refused[0]] = refused[1]
    return render_template("requests/tracker.html", tracker=tracker, forms=forms,
                           follow_up_due=trackers.follow_up_due(tracker),
                           complaint_ready=_complaint_ready(tracker),
                           ready_on=trackers.complaint_ready_on(tracker),
                           labels=labels(), today=today().isoformat()), status


@bp.get("/suivi/<int:tracker_id>")
@tracker_required
def tracker_page(tracker):
    """Where the member's request stands, and what to do next."""
    return _tracker_page(tracker)


def _record(tracker, name, form, changes_of):
    """Validate a tracker form, apply its changes, or bring the page back with why (400)."""
    if not form.validate_on_submit():
        return _tracker_page(tracker, (name, form), 400)
    try:
        trackers.update(get_db(), tracker["id"], today(), **changes_of(form))
    except trackers.TrackerError as error:
        field = getattr(form, error.field, None) if error.field else None
        (field.errors if field is not None else form.form_errors).append(
            TRACKER_ERRORS[error.code])
        return _tracker_page(tracker, (name, form), 400)
    flash(_("Saved."), "success")
    return redirect(url_for("requests.tracker_page", tracker_id=tracker["id"]), code=303)


@bp.post("/suivi/<int:tracker_id>/envoi")
@tracker_required
def sent(tracker):
    """I sent it: the date and the channel (the receipt is estimated from them)."""
    return _record(tracker, "sent", SentForm(prefix="sent"), lambda form: {
        "sent_on": form.sent_on.data.isoformat(), "channel": form.channel.data})


@bp.post("/suivi/<int:tracker_id>/reception")
@tracker_required
def received(tracker):
    """The landlord's acknowledgement gives the real date of receipt."""
    return _record(tracker, "received", ReceivedForm(prefix="received"), lambda form: {
        "received_on": form.received_on.data.isoformat(), "received_estimated": 0})


@bp.post("/suivi/<int:tracker_id>/prolongation")
@tracker_required
def extension(tracker):
    """The landlord announced an extension (accepted within the first month only)."""
    return _record(tracker, "extension", ExtensionForm(prefix="extension"), lambda form: {
        "extension_notice_on": form.extension_notice_on.data.isoformat(),
        "extension_reasons": int(form.extension_reasons.data)})


@bp.post("/suivi/<int:tracker_id>/identification")
@tracker_required
def identity(tracker):
    """The landlord asked for a proof of identity (justified or not), and when I answered."""
    return _record(tracker, "identity", IdentityForm(prefix="identity"), lambda form: {
        "identity_asked_on": form.identity_asked_on.data.isoformat(),
        "identity_justified": int(form.identity_justified.data),
        "identity_answered_on": (form.identity_answered_on.data.isoformat()
                                 if form.identity_answered_on.data else None)})


@bp.post("/suivi/<int:tracker_id>/frais")
@tracker_required
def fee(tracker):
    """The landlord asked for a fee."""
    return _record(tracker, "fee", FeeForm(prefix="fee"), lambda form: {
        "fee_asked_on": form.fee_asked_on.data.isoformat()})


@bp.post("/suivi/<int:tracker_id>/relance-envoyee")
@tracker_required
def followed_up(tracker):
    """I sent the follow-up letter."""
    return _record(tracker, "followed_up", FollowedUpForm(prefix="followed"), lambda form: {
        "followed_up_on": form.followed_up_on.data.isoformat(),
        "followed_up_channel": form.followed_up_channel.data})


@bp.post("/suivi/<int:tracker_id>/reponse")
@tracker_required
def answer(tracker):
    """I got an answer: its date, grade and what it gave (never the reply itself)."""
    return _record(tracker, "answer", AnswerForm(prefix="answer"), lambda form: {
        "answered_on": form.answered_on.data.isoformat(), "grade": form.grade.data,
        "checklist": ",".join(sorted(form.checklist.data)),
        "copy_received": int(form.copy_received.data),
        "comments_disclosed": int(form.comments_disclosed.data),
        "access_log_disclosed": int(form.access_log_disclosed.data)})


@bp.get("/suivi/<int:tracker_id>/echeance.ics")
@tracker_required
def deadline_calendar(tracker):
    """The deadline as a calendar event (once the letter is sent)."""
    if not tracker["deadline_on"]:
        abort(404)
    from .. import clock

    body = calendar.deadline_event(
        uid=f"amicale-tracker-{tracker['id']}-{tracker['deadline_on']}",
        deadline=date.fromisoformat(tracker["deadline_on"]),
        summary=_("Last day for %(controller)s to answer my access request",
                  controller=tracker["controller_name"]),
        description=_("If no answer has come, send the follow-up letter from your space: %(url)s",
                      url=current_app.config["BASE_URL"].rstrip("/") + "/membre/"),
        now=clock.now())
    response = make_response(body)
    response.mimetype = "text/calendar"
    response.headers["Content-Disposition"] = 'attachment; filename="echeance-demande.ics"'
    return response


def _complaint_ready(tracker) -> bool:
    """The complaint pack is ready: past its day without an answer, or after an answer that
    is not complete."""
    if tracker["answered_on"]:
        return tracker["grade"] != "complete"
    return tracker["state"] == "complaint_ready"


def _follow_up_page(tracker, form, status=200):
    """The follow-up's form, or why it is not due yet (the deadline in words)."""
    return render_template("requests/follow_up.html", tracker=tracker, form=form,
                           due=trackers.follow_up_due(tracker), labels=labels()), status


def _follow_up_letter(campaign, tracker, form):
    """The follow-up letter of a valid form, with its dated ultimatum: fifteen days after it
    reaches the landlord by the way the member chose."""
    received = trackers.estimated_receipt(today(), form.send_channel.data)
    return letters.follow_up_letter(campaign, tracker, form.data, form.letter_language.data,
                                    today(), trackers.follow_up_due(tracker),
                                    received + trackers.ULTIMATUM)


def _refused_follow_up(tracker, form):
    """Why no follow-up can be written now (400), or None when it can (a valid form)."""
    if trackers.follow_up_due(tracker) is None:
        form.form_errors.append(_("No follow-up is due: your landlord has until %(date)s to "
                                  "answer.", date=in_words(tracker["deadline_on"]))
                                if tracker["deadline_on"] and not tracker["answered_on"] else
                                _("No follow-up is due for this request now."))
        return _follow_up_page(tracker, form, 400)
    if not form.validate_on_submit():
        return _follow_up_page(tracker, form, 400)
    return None


@bp.route("/suivi/<int:tracker_id>/relance", methods=["GET", "POST"])
@tracker_required
def follow_up(tracker):
    """The follow-up letter, only once it is due (late, or after a partial answer or a
    refusal): the form (the same no-storage rule), then the letter."""
    if request.method == "GET":
        return _follow_up_page(tracker, FollowUpLetterForm(formdata=None))
    form = FollowUpLetterForm()
    refused = _refused_follow_up(tracker, form)
    if refused is not None:
        return refused
    campaign = campaigns.get(get_db(), tracker["campaign_id"])
    written = _follow_up_letter(campaign, tracker, form)
    return render_template(
        "requests/letter.html", campaign=campaign, letter=written, form=form,
        mailto=written.mailto(campaign["dpo_email"]), follow_up=True, tracker=tracker,
        pdf_action=url_for("requests.follow_up_pdf", tracker_id=tracker["id"]))


@bp.post("/suivi/<int:tracker_id>/relance.pdf")
@tracker_required
def follow_up_pdf(tracker):
    """The follow-up letter as a PDF, kept nowhere (only once it is due)."""
    form = FollowUpLetterForm()
    refused = _refused_follow_up(tracker, form)
    if refused is not None:
        return refused
    campaign = campaigns.get(get_db(), tracker["campaign_id"])
    return _pdf_response(_follow_up_letter(campaign, tracker, form), campaign["title"],
                         "relance-demande-acces", form,
                         url_for("requests.follow_up", tracker_id=tracker["id"]))


@bp.get("/suivi/<int:tracker_id>/plainte")
@tracker_required
def complaint(tracker):
    """The complaint pack once it is ready: the text for the CNIL's form, the controller's
    details, the attachments, its address; the court route and the collective angle."""
    db = get_db()
    campaign = campaigns.get(db, tracker["campaign_id"])
    language = str(get_locale())
    ready = _complaint_ready(tracker)
    return render_template(
        "requests/complaint.html", tracker=tracker, campaign=campaign, ready=ready,
        ready_on=trackers.complaint_ready_on(tracker),
        text=letters.complaint_text(campaign, tracker, language) if ready else None,
        attachments=letters.complaint_attachments(tracker, language) if ready else [],
        controller=letters.controller_lines(campaign),
        cnil_address=letters.CNIL_ADDRESS, cnil_url=letters.CNIL_COMPLAINT_URL,
        labels=labels(), channels=CHANNEL_LABELS)


@bp.route("/suivi/<int:tracker_id>/supprimer", methods=["GET", "POST"])
@tracker_required
def remove(tracker):
    """Stop following the request, after a confirmation."""
    if not confirmed():
        return Confirmation(
            title=_("Stop following your request to %(controller)s?",
                    controller=tracker["controller_name"]),
            consequences=[_("The tracker and its dates are deleted."),
                          _("The campaign's public results no longer count it.")],
            irreversible=_("A deleted tracker cannot be restored; you can follow the "
                           "campaign again while it is open."),
            action=url_for("requests.remove", tracker_id=tracker["id"]),
            confirm=_("Stop following"),
            cancel=url_for("requests.tracker_page", tracker_id=tracker["id"]),
            volunteer_area=False).page()
    trackers.remove(get_db(), tracker["id"])
    flash(_("You no longer follow this request."), "success")
    return redirect(url_for("members.home"), code=303)
