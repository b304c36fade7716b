"""The administrators' pages, on two blueprints. ``admin``: accounts (roles and building
scopes, invitations, resets) and the audit log. ``setup``: what the association is, its
buildings, its landlords, its settings."""
from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import ngettext
from flask_login import current_user

from .. import qr, reference, shown_once, urls
from ..capability import blocks_of, uses_of
from ..db import get_db
from ..forms import ButtonForm, Confirmation, choices, confirmed
from . import accounts, auth, logbook
from .forms import (
    AccountForm,
    AuditFilterForm,
    BuildingForm,
    LandlordForm,
    ScopeForm,
    SettingsForm,
    building_choices,
)
from .labels import ACCOUNT, ROLE_LABELS

admin_bp = Blueprint("admin", __name__, url_prefix="/benevoles/admin")

admin_required = auth.role_required("admin")


def invitation_url(token: str) -> str:
    """The full invitation link to hand over."""
    return urls.external_url("volunteers.invitation", token=token)


@admin_bp.get("/comptes")
@admin_required
def accounts_list():
    """Every account with its role, buildings and state."""
    return render_template("volunteers/admin/accounts.html",
                           accounts=accounts.all_accounts(get_db()), roles=ROLE_LABELS)


@admin_bp.route("/comptes/nouveau", methods=["GET", "POST"])
@admin_required
def account_new():
    """Create an account and show its invitation link once."""
    db = get_db()
    form = AccountForm()
    form.buildings.choices = building_choices(db)
    if form.validate_on_submit():
        try:
            volunteer_id, token = accounts.create(db, form.login.data, form.role.data,
                                                  form.buildings.data, by=current_user)
        except accounts.AccountError as error:
            form.login.errors.append(ACCOUNT[error.code])
        else:
            return _show_link(volunteer_id, token)
    return render_template("volunteers/admin/account_new.html", form=form), \
        400 if form.errors else 200


def _account_or_404(db, volunteer_id):
    return accounts.get(db, volunteer_id) or abort(404)


@admin_bp.route("/comptes/<int:volunteer_id>", methods=["GET", "POST"])
@admin_required
def account_detail(volunteer_id):
    """One account: role and buildings, and the actions on it."""
    db = get_db()
    account = _account_or_404(db, volunteer_id)
    form = ScopeForm(data={"role": account["role"],
                           "buildings": sorted(accounts.building_ids(db, {**account,
                                                                          "role": "volunteer"}))})
    form.buildings.choices = building_choices(db)
    if form.validate_on_submit():
        try:
            accounts.set_role_and_scope(db, volunteer_id, form.role.data, form.buildings.data,
                                        by=current_user)
        except accounts.AccountError as error:
            form.role.errors.append(ACCOUNT[error.code])
        else:
            flash(_("Role and buildings saved."), "success")
            return redirect(url_for("admin.account_detail", volunteer_id=volunteer_id))
    sessions = db.table("volunteer_sessions").count_where("volunteer_id = ?", [volunteer_id])
    return render_template("volunteers/admin/account.html", account=account, form=form,
                           sessions=sessions), 400 if form.errors else 200


def _would_remove_last_admin(db, account, new_role=None, disabling=False) -> bool:
    """Whether the change would leave no administrator able to sign in, as far as can be
    told before it (to warn early; the write itself checks again, see
    ``accounts.keeping_an_admin``)."""
    if account["role"] != "admin" or not accounts.can_sign_in(account):
        return False
    losing = disabling or (new_role is not None and new_role != "admin")
    return losing and accounts.admin_count(db) <= 1


def _account_action(volunteer_id):
    """The account a button acts on, after the form's CSRF check (400 without it)."""
    db = get_db()
    account = _account_or_404(db, volunteer_id)
    if request.method == "POST" and not ButtonForm().validate_on_submit():
        abort(400)
    return db, account


def _confirm(account, title, consequences, irreversible, confirm, endpoint):
    """The "are you sure?" page of an action on an account."""
    return Confirmation(
        title=title, consequences=consequences, irreversible=irreversible,
        action=url_for(endpoint, volunteer_id=account["id"]), confirm=confirm,
        cancel=url_for("admin.account_detail", volunteer_id=account["id"])).page()


@admin_bp.route("/comptes/<int:volunteer_id>/desactiver", methods=["GET", "POST"])
@admin_required
def account_disable(volunteer_id):
    """Disable an account after confirmation: its sessions end at once."""
    db, account = _account_action(volunteer_id)
    if _would_remove_last_admin(db, account, disabling=True):
        flash(ACCOUNT["last_admin"], "error")
        return redirect(url_for("admin.account_detail", volunteer_id=volunteer_id))
    if not confirmed():
        sessions = len(accounts.sessions_of(db, volunteer_id))
        return _confirm(account, _("Disable the account %(login)s?", login=account["login"]), [
            _("%(login)s can no longer sign in.", login=account["login"]),
            ngettext("%(num)s open session ends now.", "%(num)s open sessions end now.",
                     sessions)],
            _("You can enable the account again later."), _("Disable the account"),
            "admin.account_disable")
    try:
        accounts.set_disabled(db, volunteer_id, True, by=current_user)
    except accounts.AccountError as error:  # the other administrators left meanwhile
        flash(ACCOUNT[error.code], "error")
        return redirect(url_for("admin.account_detail", volunteer_id=volunteer_id))
    flash(_("Account disabled; its sessions have ended."), "success")
    return redirect(url_for("admin.account_detail", volunteer_id=volunteer_id))


@admin_bp.post("/comptes/<int:volunteer_id>/reactiver")
@admin_required
def account_enable(volunteer_id):
    """Enable a disabled account again."""
    db, _account = _account_action(volunteer_id)
    accounts.set_disabled(db, volunteer_id, False, by=current_user)
    flash(_("Account enabled again."), "success")
    return redirect(url_for("admin.account_detail", volunteer_id=volunteer_id))


@admin_bp.route("/comptes/<int:volunteer_id>/second-facteur", methods=["GET", "POST"])
@admin_required
def account_reset(volunteer_id):
    """Reset password and second factor after confirmation: a new invitation link."""
    db, account = _account_action(volunteer_id)
    if _would_remove_last_admin(db, account, disabling=True):
        flash(ACCOUNT["last_admin"], "error")
        return redirect(url_for("admin.account_detail", volunteer_id=volunteer_id))
    if not confirmed():
        sessions = len(accounts.sessions_of(db, volunteer_id))
        codes = accounts.unused_recovery_codes(db, volunteer_id)
        login = account["login"]
        return _confirm(account, _("Reset the password and second factor of %(login)s?",
                                   login=login), [
            _("The password and the authenticator app of %(login)s stop working.",
              login=login),
            ngettext("%(num)s open session ends now.", "%(num)s open sessions end now.",
                     sessions),
            ngettext("%(num)s unused recovery code stops working.",
                     "%(num)s unused recovery codes stop working.", codes),
            _("You get a new single-use invitation link for %(login)s to set them again.",
              login=login)],
            _("The old password, app and codes cannot be restored."),
            _("Reset and get a new link"), "admin.account_reset")
    try:
        token = accounts.reset_second_factor(db, volunteer_id, by=current_user)
    except accounts.AccountError as error:  # the other administrators left meanwhile
        flash(ACCOUNT[error.code], "error")
        return redirect(url_for("admin.account_detail", volunteer_id=volunteer_id))
    flash(_("The password and second factor of this account have been cleared and its "
            "sessions ended."), "success")
    return _show_link(volunteer_id, token)


def _show_link(volunteer_id: int, token: str):
    """Keep a new invitation link for its page (it survives a reload or a language switch
    until the administrator says it was handed over)."""
    shown_once.keep("invitation_link", {"volunteer": volunteer_id, "token": token},
                    f"volunteer:{current_user.id}")
    return redirect(url_for("admin.invitation_link", volunteer_id=volunteer_id), code=303)


@admin_bp.get("/comptes/<int:volunteer_id>/lien")
@admin_required
def invitation_link(volunteer_id):
    """The invitation link just made for an account, with a QR code to hand it over; once
    handed over, a page saying it was shown once."""
    db = get_db()
    account = _account_or_404(db, volunteer_id)
    kept = shown_once.pending("invitation_link", f"volunteer:{current_user.id}")
    if not kept or kept["volunteer"] != volunteer_id:
        return render_template("volunteers/admin/invitation_link.html", account=account,
                               link=None)
    link = invitation_url(kept["token"])
    return render_template("volunteers/admin/invitation_link.html", account=account,
                           link=link, qr=qr.svg(link))


@admin_bp.post("/comptes/<int:volunteer_id>/lien/remis")
@admin_required
def invitation_link_handed(volunteer_id):
    """The link was handed over: it is not shown again."""
    if ButtonForm().validate_on_submit():
        shown_once.forget("invitation_link")
    return redirect(url_for("admin.account_detail", volunteer_id=volunteer_id))


@admin_bp.post("/comptes/<int:volunteer_id>/sessions")
@admin_required
def account_end_sessions(volunteer_id):
    """End every session of an account."""
    db, _account = _account_action(volunteer_id)
    ended = accounts.end_sessions(db, volunteer_id, by=current_user)
    flash(ngettext("%(num)s session ended.", "%(num)s sessions ended.", ended), "success")
    return redirect(url_for("admin.account_detail", volunteer_id=volunteer_id))


@admin_bp.route("/comptes/<int:volunteer_id>/supprimer", methods=["GET", "POST"])
@admin_required
def account_delete(volunteer_id):
    """Delete a disabled account for good, after confirmation."""
    db, account = _account_action(volunteer_id)
    if not account["disabled"]:
        flash(ACCOUNT["still_enabled"], "error")
        return redirect(url_for("admin.account_detail", volunteer_id=volunteer_id))
    if not confirmed():
        entries = logbook.entries_of(db, volunteer_id)
        buildings = len(accounts.building_ids(db, {**account, "role": "volunteer"}))
        login = account["login"]
        return _confirm(account, _("Delete the account %(login)s for good?", login=login), [
            _("The account %(login)s, its password, app and recovery codes are deleted.",
              login=login),
            ngettext("Its scope of %(num)s building is deleted.",
                     "Its scope of %(num)s buildings is deleted.", buildings),
            ngettext("The audit log keeps the login in its %(num)s entry.",
                     "The audit log keeps the login in its %(num)s entries.", entries)],
            _("A deleted account cannot be restored: invite the person again if needed."),
            _("Delete the account"), "admin.account_delete")
    try:
        accounts.delete(db, volunteer_id, by=current_user)
    except accounts.AccountError as error:  # enabled again meanwhile
        flash(ACCOUNT[error.code], "error")
        return redirect(url_for("admin.account_detail", volunteer_id=volunteer_id))
    flash(_("Account deleted."), "success")
    return redirect(url_for("admin.accounts_list"))


@admin_bp.get("/journal")
@admin_required
def audit_log():
    """Browse and filter the audit log."""
    db = get_db()
    form = AuditFilterForm(request.args)
    every = [("", _("All"))]
    form.volunteer.choices = choices(
        every + [(str(a["id"]), a["login"]) for a in accounts.all_accounts(db)])
    form.action.choices = choices(every + logbook.action_choices())
    form.object_type.choices = choices(every + logbook.object_type_choices(db))
    page = logbook.page_number(request.args.get("page", 1, type=int))
    filters = form.data if form.validate() else {}
    rows, more = logbook.page(db, filters, page)
    return render_template("volunteers/admin/audit.html", form=form, rows=rows, page=page,
                           more=more)


setup_bp = Blueprint("setup", __name__, url_prefix="/benevoles/admin")


@setup_bp.get("/batiments")
@admin_required
def buildings_list():
    """Every building."""
    return render_template("volunteers/admin/buildings.html",
                           buildings=reference.buildings(get_db()))


@setup_bp.route("/batiments/nouveau", methods=["GET", "POST"],
          defaults={"building_id": None}, endpoint="building_new")
@setup_bp.route("/batiments/<int:building_id>", methods=["GET", "POST"])
@admin_required
def building_edit(building_id):
    """Create or edit a building."""
    db = get_db()
    found = None if building_id is None else (reference.building(db, building_id) or abort(404))
    form = BuildingForm(data=found)
    form.landlord_id.choices = choices(
        [(0, _("(none)"))] + [(row["id"], row["name"]) for row in reference.landlords(db)])
    if form.validate_on_submit():
        reference.save_building(db, form.data, building_id, by=current_user)
        flash(_("Building saved."), "success")
        return redirect(url_for("setup.buildings_list"))
    delete_url = (url_for("setup.building_delete", building_id=building_id)
                  if found else None)
    return render_template("volunteers/admin/edit.html", form=form, delete_url=delete_url,
                           cancel_url=url_for("setup.buildings_list"),
                           title=found["name"] if found else _("New building")), \
        400 if form.errors else 200


@setup_bp.route("/batiments/<int:building_id>/supprimer", methods=["GET", "POST"])
@admin_required
def building_delete(building_id):
    """Delete a building, after a confirmation saying what it touches."""
    db = get_db()
    building = reference.building(db, building_id) or abort(404)
    reasons = blocks_of("building", db, building_id)
    if reasons:
        for reason in reasons:
            flash(reason, "error")
        return redirect(url_for("setup.building_edit", building_id=building_id))
    if not confirmed():
        return Confirmation(
            title=_("Delete the building %(name)s?", name=building["name"]),
            consequences=uses_of("building", db, building_id) or
            [_("Nothing else refers to this building.")],
            irreversible=_("A deleted building cannot be restored."),
            action=url_for("setup.building_delete", building_id=building_id),
            confirm=_("Delete the building"),
            cancel=url_for("setup.building_edit", building_id=building_id)).page()
    reference.delete_building(db, building_id, by=current_user)
    flash(_("Building deleted."), "success")
    return redirect(url_for("setup.buildings_list"))


@setup_bp.get("/bailleurs")
@admin_required
def landlords_list():
    """Every landlord."""
    return render_template("volunteers/admin/landlords.html",
                           landlords=reference.landlords(get_db()))


@setup_bp.route("/bailleurs/nouveau", methods=["GET", "POST"],
          defaults={"landlord_id": None}, endpoint="landlord_new")
@setup_bp.route("/bailleurs/<int:landlord_id>", methods=["GET", "POST"])
@admin_required
def landlord_edit(landlord_id):
    """Create or edit a landlord."""
    db = get_db()
    found = None if landlord_id is None else (reference.landlord(db, landlord_id) or abort(404))
    form = LandlordForm(data=found)
    if form.validate_on_submit():
        reference.save_landlord(db, form.data, landlord_id, by=current_user)
        flash(_("Landlord saved."), "success")
        return redirect(url_for("setup.landlords_list"))
    delete_url = (url_for("setup.landlord_delete", landlord_id=landlord_id)
                  if found else None)
    return render_template("volunteers/admin/edit.html", form=form, delete_url=delete_url,
                           cancel_url=url_for("setup.landlords_list"),
                           title=found["name"] if found else _("New landlord")), \
        400 if form.errors else 200


@setup_bp.route("/bailleurs/<int:landlord_id>/supprimer", methods=["GET", "POST"])
@admin_required
def landlord_delete(landlord_id):
    """Delete a landlord no building belongs to, after confirmation."""
    db = get_db()
    landlord = reference.landlord(db, landlord_id) or abort(404)
    if db.table("buildings").count_where("landlord_id = ?", [landlord_id]):
        return _landlord_in_use(db, landlord_id)
    if not confirmed():
        return Confirmation(
            title=_("Delete the landlord %(name)s?", name=landlord["name"]),
            consequences=uses_of("landlord", db, landlord_id) or
            [_("No building belongs to this landlord any more.")],
            irreversible=_("A deleted landlord cannot be restored."),
            action=url_for("setup.landlord_delete", landlord_id=landlord_id),
            confirm=_("Delete the landlord"),
            cancel=url_for("setup.landlord_edit", landlord_id=landlord_id)).page()
    if not reference.delete_landlord(db, landlord_id, by=current_user):  # given meanwhile
        return _landlord_in_use(db, landlord_id)
    flash(_("Landlord deleted."), "success")
    return redirect(url_for("setup.landlords_list"))


def _landlord_in_use(db, landlord_id: int):
    """Back to the landlord, saying how many buildings still belong to it."""
    buildings = db.table("buildings").count_where("landlord_id = ?", [landlord_id])
    flash(ngettext("%(num)s building still belongs to this landlord: give it another one "
                   "first.", "%(num)s buildings still belong to this landlord: give them "
                   "another one first.", buildings), "error")
    return redirect(url_for("setup.landlord_edit", landlord_id=landlord_id))


@setup_bp.route("/association", methods=["GET", "POST"])
@admin_required
def association_settings():
    """The association's name and contact, shown in the data register, and what its legal
    notice names."""
    db = get_db()
    current = reference.association(db)
    form = SettingsForm(data={**current, "demo": bool(current["is_demo"])})
    if form.validate_on_submit():
        reference.save_association(db, form.name.data.strip(), form.postal_address.data,
                                  form.contact_email.data, is_demo=form.demo.data,
                                  by=current_user, standing=form.standing(),
                                  **{name: form[name].data for name in reference.LEGAL_FIELDS})
        flash(_("Settings saved."), "success")
        return redirect(url_for("setup.association_settings"))
    return render_template("volunteers/admin/edit.html", form=form,
                           cancel_url=url_for("volunteers.dashboard"),
                           title=_("The association")), 400 if form.errors else 200
