"""Views of the personal space: parse, call, render."""
from functools import wraps

from flask import (Blueprint, flash, jsonify, redirect, render_template,
                   request, session, url_for)
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from .. import qr, reference, shown_once, throttle, urls
from ..capability import sections
from ..db import get_db
from ..forms import ButtonForm, Confirmation, choices, confirmed
from ..dates import in_words
from . import confirmation, entry, keys, mail, readable, records, sessions
from .forms import BuildingChoiceForm, ContactForm, KeyForm

bp = Blueprint("members", __name__, url_prefix="/membre")

CODE_KIND = "key_confirmation_code"
WRONG_KEY = _l("No key matches. Check it letter by letter: a key cannot be recovered, but "
               "you can make a new one.")


def member_required(view):
    """Only with a member signed in on this browser; the member row is passed to the view."""
    @wraps(view)
    def wrapped(*args, **kwargs):
        member = sessions.current(get_db())
        if member is None:
            flash(_("Enter your personal key to open your space."), "info")
            return redirect(url_for("members.home", ouvrir=1))
        return view(member, *args, **kwargs)
    return wrapped


@bp.route("/", methods=["GET", "POST"])
def home():
    """Enter a key (or make one); once in, everything held about the member."""
    db = get_db()
    member = sessions.current(db)
    if member is not None and request.method == "GET":
        return _space(db, member)
    form = KeyForm()
    if form.validate_on_submit():
        try:
            entry.member_for(db, form.key.data)
            return redirect(url_for("members.home"))
        except entry.WrongKey:
            form.key.errors.append(WRONG_KEY)
        except throttle.Throttled as error:
            form.key.errors.append(_("Too many wrong keys from this connection. Try again "
                                     "after %(time)s.", time=in_words(error.retry_at, "time")))
            return _throttled(error.retry_at, form)
    status = 400 if form.errors else 200
    return render_template("members/enter.html", form=form), status


def _throttled(retry_at, form=None):
    return throttle.response("members/enter.html", retry_at,
                             form=form or KeyForm(formdata=None))


def _space(db, member, contact_form=None, status=200):
    building_form = BuildingChoiceForm(prefix="building", formdata=None,
                                       data={"building": member["building_id"] or 0})
    building_form.building.choices = _building_choices(db)
    return render_template(
        "members/space.html", member=member, email=keys.contact_email(member),
        building=reference.building(db, member["building_id"]) if member["building_id"] else None,
        building_form=building_form,
        contact_form=contact_form or ContactForm(prefix="contact", formdata=None),
        access=records.access(db, member["id"]),
        sections=sections("member_space.sections", db, member),
        waiting=mail.waiting(db, member["id"]), confirmed=keys.is_confirmed(member),
        code_minutes=confirmation.MINUTES), status


def _building_choices(db):
    return choices([(0, _("I would rather not say"))] +
                   [(b["id"], b["name"]) for b in reference.buildings(db)])


@bp.post("/nouvelle-cle")
def new_key():
    """Make a personal key, then show it on its own page (which survives a reload or a
    language switch until the member says they kept it)."""
    if not ButtonForm().validate_on_submit():
        return redirect(url_for("members.home"))
    try:
        entry.new_member(get_db())
    except throttle.Throttled as error:
        flash(_("Many keys were made from this connection. Try again after %(time)s.",
                time=in_words(error.retry_at, "time")), "error")
        return _throttled(error.retry_at)
    return redirect(url_for("members.key_page"), code=303)


@bp.get("/cle")
def key_page():
    """The key just made, with its card; once kept, a page saying it was shown once."""
    member = sessions.current(get_db())
    key = entry.pending_key(member)
    if key is None:
        return render_template("members/key_gone.html", signed_in=member is not None)
    card_url = urls.external_url("members.home")
    return render_template("members/key.html", key=key, card_url=card_url,
                           qr=qr.svg(f"{card_url}#cle={key}"))


@bp.post("/cle/gardee")
def key_kept():
    """The member has kept their key: it is not shown again."""
    if ButtonForm().validate_on_submit():
        shown_once.forget("member_key")
    return redirect(url_for("members.home"))


@bp.post("/sortir")
def leave():
    """Close the space on this browser (every copy of its cookie stops working)."""
    if ButtonForm().validate_on_submit():
        sessions.sign_out(get_db())
        flash(_("Your space is closed on this browser."), "success")
    return redirect(url_for("members.home"))


@bp.post("/batiment")
@member_required
def building(member):
    """Say (or stop saying) which building one lives in."""
    db = get_db()
    form = BuildingChoiceForm(prefix="building")
    form.building.choices = _building_choices(db)
    if form.validate_on_submit():
        keys.set_building(db, member["id"], form.building.data)
        flash(_("Saved."), "success")
    return redirect(url_for("members.home"))


@bp.post("/contact")
@member_required
def contact(member):
    """Keep an e-mail address for reminders, with consent."""
    db = get_db()
    form = ContactForm(prefix="contact")
    if not form.validate_on_submit():
        return _space(db, member, contact_form=form, status=400)
    keys.set_contact(db, member["id"], form.email.data)
    mail.queue(db, member["id"], "contact_confirmation")
    flash(_("Address saved. A confirmation message will be sent to it."), "success")
    return redirect(url_for("members.home"))


@bp.post("/contact/supprimer")
@member_required
def remove_contact(member):
    """Forget the e-mail address now."""
    if ButtonForm().validate_on_submit():
        keys.remove_contact(get_db(), member["id"])
        flash(_("Your e-mail address has been deleted."), "success")
    return redirect(url_for("members.home"))


@bp.get("/confirmation")
@member_required
def confirmation_page(member):
    """Confirm one's key with a volunteer: the code just asked for (text, QR code, printable),
    or how to get one; a confirmed member sees when their key was confirmed."""
    db = get_db()
    shown = shown_once.pending(CODE_KIND, f"member:{member['id']}")
    if shown and not confirmation.pending(db, member["id"]):
        shown_once.forget(CODE_KIND)  # used, replaced elsewhere, or expired
        shown = None
    code_url = None
    if shown:
        code_url = f"{urls.external_url('key_confirm.confirm')}#code={shown['code']}"
    return render_template("members/confirmation.html", member=member,
                           confirmed=keys.is_confirmed(member), shown=shown,
                           code_minutes=confirmation.MINUTES,
                           qr=qr.svg(code_url) if code_url else None)


@bp.post("/confirmation/code")
@member_required
def confirmation_code(member):
    """A new confirmation code (replacing any other), shown on the next page."""
    if ButtonForm().validate_on_submit() and not keys.is_confirmed(member):
        shown_once.keep(CODE_KIND, confirmation.issue(get_db(), member["id"]),
                        f"member:{member['id']}")
    return redirect(url_for("members.confirmation_page"), code=303)


@bp.get("/export.json")
@member_required
def export_json(member):
    """Everything held about the member, as a JSON file."""
    response = jsonify(_exported(member))
    response.headers["Content-Disposition"] = 'attachment; filename="amicale-mes-donnees.json"'
    return response


@bp.get("/export")
@member_required
def export_page(member):
    """Everything held about the member, written to be read and printed."""
    db = get_db()
    exported = _exported(member)
    return render_template("members/export.html", exported_at=exported["exported_at"],
                           sections=readable.sections(db, exported["tables"]),
                           files=sum(exported["files"].values()))


def _exported(member) -> dict:
    """The member's export, counted for the transparency report."""
    return records.exported(get_db(), member["id"])


@bp.route("/effacer", methods=["GET", "POST"])
def erase():
    """Erase everything tied to the key, after a page saying what will go."""
    db = get_db()
    member = sessions.current(db)
    if member is None:
        if session.get("erased"):
            return render_template("members/erased.html", already=True)
        flash(_("Enter your personal key to open your space."), "info")
        return redirect(url_for("members.home", ouvrir=1))
    if not confirmed():
        return Confirmation(
            title=_("Erase everything tied to your key?"),
            consequences=records.erasure_consequences(db, member),
            irreversible=_("Nothing erased can be recovered, not even by the association. "
                           "You may want to export your data first."),
            action=url_for("members.erase"), confirm=_("Erase everything now"),
            cancel=url_for("members.home"), volunteer_area=False).page()
    records.erase(db, member["id"])
    sessions.sign_out(db)
    session["erased"] = True
    return render_template("members/erased.html", already=False)
