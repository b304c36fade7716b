"""Public and member views of grievances: report a problem, the thanks page (with the new
key, shown once), a building's open problems with "me too", its poster, the member's photos."""
from flask import (Blueprint, abort, current_app, flash, redirect, render_template, request, send_file,
                   url_for)
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from .. import images, qr, reference, throttle, urls
from ..db import get_db
from ..forms import ButtonForm, choices
from ..dates import in_words
from ..members import (WrongKey, current_member, get_member, is_confirmed, member_for,
                       member_required, new_member, pending_key)
from ..privacy import Flags
from ..security import client_address, large_body, public
from . import aggregates, categories, pending, reports
from .tables import report_retention
from .forms import MAX_PHOTOS, PhotoForm, ReportForm, SupportForm

bp = Blueprint("grievances", __name__)

PHOTO_REFUSED = {
    "too_large": _l("This photo is over 10 MB: send a smaller one."),
    "not_an_image": _l("This file is not a photo we can read (JPEG, PNG or WebP)."),
    "unsupported_format": _l("Send photos as JPEG, PNG or WebP."),
    "too_many_pixels": _l("This photo is too large in pixels: send a smaller one."),
    "animated": _l("This file holds many images (an animation or a video): send one photo."),
    "damaged": _l("This photo seems damaged: send it again or choose another."),
    "metadata": _l("We could not remove this photo's hidden data (place, camera), so we did "
                   "not keep it: send another one."),
}


def _form_page(db, form, member, kept=(), status: int = 200, retry_at=None):
    """The report form drawn, with its list of buildings and the photos ``kept`` from this
    send (a 429 with Retry-After when ``retry_at``)."""
    form.building.choices = choices([("", _("— choose your building —"))] + list(
        reference.building_names(db)))
    form.pending_photos.data = pending.sign([photo["id"] for photo in kept])
    if retry_at is not None:
        return throttle.response("grievances/report.html", retry_at, form=form, member=member,
                                 kept=kept, retention=report_retention())
    return render_template("grievances/report.html", form=form, member=member,
                           kept=kept, retention=report_retention()), status


@bp.route("/signaler", methods=["GET", "POST"])
@large_body((MAX_PHOTOS + 1) * images.MAX_BYTES)  # three photos of up to 10 MB each
def report():
    """Report a problem in two minutes: building, kind, what, since when, photos. Photos of
    a send that comes back (to confirm or fix it) are kept for the next one."""
    db = get_db()
    member = current_member(db)
    form = ReportForm()
    form.building_ids = frozenset(id_ for id_, _name in reference.building_names(db))
    kept, uploads = [], []
    if request.method == "GET":
        form.building.data = request.args.get("batiment", type=int)
    else:
        kept = pending.claim(db, form.pending_photos.data, request.form.getlist("remove_photo"))
        form.kept_photos = len(kept)
        uploads = [upload for upload in form.photos.data or [] if getattr(upload, "filename", "")]
    valid = form.validate_on_submit()
    # A send that comes back keeps its photos, unless they are what is wrong (or the form
    # is not this site's own: no photo is opened for a request without its CSRF token).
    keepable = not valid and "csrf_token" not in form.errors and not form.photos.errors
    try:
        counted, photos = False, []
        if uploads and (valid or keepable):
            # Counted (and committed) before any photo is opened: an address over its
            # limit costs no decode, and a refused photo still counts.
            throttle.count_attempt(db, _attempt())
            counted = True
            photos = _clean_photos(form.photos, uploads)
            if photos is not None and not valid:
                kept += pending.keep(db, photos)
        if valid and photos is not None:
            return _record(db, member, form, photos, kept, counted)
    except throttle.Throttled as error:
        form.description.errors.append(_(
            "Many reports came from this connection. Try again after %(time)s; what "
            "you wrote is kept below.", time=in_words(error.retry_at, "time")))
        return _form_page(db, form, member, kept, retry_at=error.retry_at)
    return _form_page(db, form, member, kept, 400 if form.errors else 200)


def _attempt() -> tuple:
    """The report's attempt, counted against the address it came from."""
    return ((throttle.Limit("report-address", current_app.config["REPORTS_PER_ADDRESS"]),
             client_address()),)


def _clean_photos(field, uploads: list, with_text: bool = True) -> list | None:
    """The photos re-encoded without metadata, or None with the reason on the field (every
    header is judged before any photo is decoded); ``with_text``: the form has a text,
    which is kept."""
    try:
        return images.clean_photos([upload.read(images.MAX_BYTES + 1) for upload in uploads])
    except images.PhotoRefused as refused:
        why = PHOTO_REFUSED[refused.code]
        field.errors.append(_("%(why)s Your text is kept: choose the photos again.", why=why)
                            if with_text else _("%(why)s Choose another one.", why=why))
        return None


def _record(db, member, form, photos, kept, counted: bool):
    """Sign the tenant in (their key, or a new one) and record the report with its photos
    (new ones, and those ``kept`` from a send that came back), counting the attempt unless
    ``counted``: one write transaction, all or nothing (a report with new photos counted its
    attempt before they were cleaned, in a transaction of its own; files are written between
    the two, when no write lock is held)."""
    stored = reports.store_photos(photos)
    wrong_key = False
    with db.atomic():
        throttle.count_attempt(db, () if counted else _attempt())
        if member is None and form.key.data:
            try:
                member = member_for(db, form.key.data)
            except WrongKey:
                wrong_key = True  # counted against the address: the transaction commits
        if not wrong_key:
            member_id = member["id"] if member else new_member(db)[0]
            reports.report(
                db, member_id, form.building.data, form.category.data,
                form.description.data.strip(), Flags.found_in(form.description),
                form.since.data, stored, kept)
    if wrong_key:
        reports.discard_photos(stored)
        form.key.errors.append(_("No key matches. Check it, or leave the field empty: a new "
                                    "key will be made for you."))
        return _form_page(db, form, None, kept + pending.keep(db, photos), 400)
    return redirect(url_for("grievances.thanks"), code=303)


@bp.get("/signaler/merci")
def thanks():
    """The report's reference and what happens next; the new key, if one was made."""
    db = get_db()
    member = current_member(db)
    reference_ = reports.just_made(db, member["id"]) if member else None
    key = pending_key(member)
    card_url = urls.external_url("members.home")
    return render_template("grievances/thanks.html", reference=reference_, key=key,
                           card_url=card_url,
                           qr=qr.svg(f"{card_url}#cle={key}") if key else None)


@bp.get("/batiments/<int:building_id>")
@public
def building(building_id):
    """A building's open problems by kind, with how many households they concern."""
    db = get_db()
    found = reference.building(db, building_id) or abort(404)
    return render_template("grievances/building.html", building=found,
                           problems=aggregates.building_problems(db, building_id),
                           summaries=aggregates.public_summaries(db, building_id))


@bp.post("/batiments/<int:building_id>/moi-aussi")
def support(building_id):
    """"Me too": the household joins a problem of the building, writing nothing (a key is
    made if the tenant has none)."""
    db = get_db()
    reference.building(db, building_id) or abort(404)
    form = SupportForm()
    if not form.validate_on_submit() or form.category.data not in categories.CATEGORIES:
        abort(400)
    member = current_member(db)
    if member is None:
        try:
            member_id, _key = new_member(db)
        except throttle.Throttled as error:
            flash(_("Many keys were made from this connection. Try again after %(time)s.",
                    time=in_words(error.retry_at, "time")), "error")
            return redirect(url_for("grievances.building", building_id=building_id))
    else:
        member_id = member["id"]
    added = reports.support(db, member_id, building_id, form.category.data)
    if not is_confirmed(get_member(db, member_id)):
        flash(_("Your household is noted for this problem. It will count in the building's "
                "figures once a volunteer has confirmed your personal key in person."), "success")
    else:
        flash(_("Your household is counted for this problem.") if added else
              _("Your household was already counted for this problem."), "success")
    if pending_key(current_member(db)):
        return redirect(url_for("grievances.thanks"), code=303)
    return redirect(url_for("grievances.building", building_id=building_id))


@bp.post("/signaler/moi-aussi/<int:support_id>/retirer")
@member_required
def withdraw(member, support_id):
    """Take one's household off a problem ("me too" undone)."""
    if not ButtonForm().validate_on_submit():
        abort(400)
    reports.withdraw_support(get_db(), member["id"], support_id)
    flash(_("Your household is no longer counted for this problem."), "success")
    return redirect(url_for("members.home"))


@bp.get("/batiments/<int:building_id>/affiche")
@public
def poster(building_id):
    """A printable A4 poster for the hall: what the association does, and a QR code to this
    building's report page."""
    db = get_db()
    found = reference.building(db, building_id) or abort(404)
    link = urls.external_url("grievances.report", batiment=building_id)
    return render_template("grievances/poster.html", building=found, link=link,
                           qr=qr.svg(link))


@bp.post("/signaler/mes-signalements/<int:grievance_id>/photo")
@large_body(2 * images.MAX_BYTES)
@member_required
def add_photo(member, grievance_id):
    """Add a photo to one of one's own open reports (the member space's form; when the photo
    is refused, the form comes back on a page of its own, with the reason)."""
    db = get_db()
    grievance = reports.open_report(db, member["id"], grievance_id) or abort(404)
    form = PhotoForm()
    if not form.validate_on_submit():
        abort(400)
    upload = form.photo.data
    try:
        if not getattr(upload, "filename", ""):
            form.photo.errors.append(_("Choose a photo to add."))
        else:
            throttle.count_attempt(db, _attempt())
            photos = _clean_photos(form.photo, [upload], with_text=False)
            if photos and reports.add_photo(db, member["id"], grievance_id, photos[0],
                                            MAX_PHOTOS):
                flash(_("Your photo is added to the report %(reference)s.",
                        reference=grievance["reference"]), "success")
                return redirect(url_for("members.home"), code=303)
            if photos:
                form.photo.errors.append(_("This report already has %(n)s photos, the most "
                                           "it can hold.", n=MAX_PHOTOS))
    except throttle.Throttled as error:
        form.photo.errors.append(_("Many photos came from this connection. Try again after "
                                   "%(time)s.", time=in_words(error.retry_at, "time")))
        return throttle.response("grievances/add_photo.html", error.retry_at, form=form,
                                 grievance=grievance)
    return render_template("grievances/add_photo.html", form=form, grievance=grievance), 400


@bp.get("/signaler/photos-gardees/<int:number>")
def pending_photo(number):
    """A photo kept from a send that came back, shown on the form: only to the browser whose
    signed field (``jeton``) names it."""
    kept = pending.claim(get_db(), request.args.get("jeton"))
    if not 1 <= number <= len(kept):
        abort(404)
    return send_photo(kept[number - 1], pending.folder(), f"photo-{number}.jpg")


@bp.get("/signaler/photos/<int:photo_id>")
@member_required
def member_photo(member, photo_id):
    """A photo of one of the tenant's own reports."""
    photo = reports.member_photo(get_db(), member["id"], photo_id)
    if photo is None:
        abort(404)
    return send_photo(photo)


def send_photo(photo: dict, folder=None, name: str | None = None):
    """A stored photo (of a report, unless ``folder`` says), never cached, shown inline under
    a neutral name."""
    path = images.safe_path(folder or reports.photo_folder(), photo["file_name"])
    if not path.is_file():
        abort(404)
    name = name or f"photo-{photo['id']}.jpg"
    response = send_file(path, mimetype="image/jpeg", download_name=name,
                         max_age=0, conditional=False, etag=False, last_modified=None)
    response.headers["Content-Disposition"] = f'inline; filename="{name}"'
    response.headers["Cache-Control"] = "no-store"
    return response
