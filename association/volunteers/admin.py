"""Administration: accounts and their scopes, buildings, landlords, settings, audit log."""
from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from flask import Blueprint

from .. import audit, reference, urls
from ..db import get_db
from ..forms import choices
from . import accounts, auth
from ..forms import ButtonForm
from .forms import (AccountForm, AuditFilterForm, BuildingForm, LandlordForm,
                    ScopeForm, SettingsForm, building_choices)
from .messages import ACCOUNT, ROLE_LABELS

bp = Blueprint("admin", __name__, url_prefix="/benevoles/admin")

admin_required = auth.role_required("admin")


def invitation_url(token: str) -> str:
    """The full invitation link to hand over."""
    return urls.external_url("volunteers.invitation", token=token)


@bp.get("/comptes")
@admin_required
def accounts_list():
    """Every account with its role, buildings and state."""
    return render_template("volunteers/admin/accounts.html",
                           accounts=accounts.all_accounts(get_db()), roles=ROLE_LABELS)


@bp.route("/comptes/nouveau", methods=["GET", "POST"])
@admin_required
def account_new():
    """Create an account and show its invitation link once."""
    db = get_db()
    form = AccountForm()
    form.buildings.choices = building_choices(db)
    if form.validate_on_submit():
        try:
            volunteer_id, token = accounts.create(db, form.login.data, form.role.data,
                                                  form.buildings.data, created_by=current_user.id)
        except accounts.AccountError as error:
            form.login.errors.append(ACCOUNT[error.code])
        else:
            audit.record(db, current_user, "invite", "volunteer", volunteer_id)
            return render_template("volunteers/admin/invitation_link.html",
                                   account=accounts.get(db, volunteer_id),
                                   link=invitation_url(token))
    return render_template("volunteers/admin/account_new.html", form=form), \
        400 if form.errors else 200


def _account_or_404(db, volunteer_id):
    return accounts.get(db, volunteer_id) or abort(404)


@bp.route("/comptes/<int:volunteer_id>", methods=["GET", "POST"])
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
        if _would_remove_last_admin(db, account, form.role.data):
            form.role.errors.append(ACCOUNT["last_admin"])
        else:
            with db.atomic():
                accounts.set_role(db, volunteer_id, form.role.data)
                accounts.set_scope(db, volunteer_id, form.buildings.data)
            audit.record(db, current_user, "update", "volunteer", volunteer_id)
            flash(_("Role and buildings saved."), "success")
            return redirect(url_for("admin.account_detail", volunteer_id=volunteer_id))
    sessions = db.table("volunteer_sessions").count_where("volunteer_id = ?", [volunteer_id])
    return render_template("volunteers/admin/account.html", account=account, form=form,
                           sessions=sessions, action_form=ButtonForm()), 400 if form.errors else 200


def _would_remove_last_admin(db, account, new_role=None, disabling=False) -> bool:
    """Whether the change would leave no administrator able to sign in."""
    if account["role"] != "admin" or not accounts.can_sign_in(account):
        return False
    losing = disabling or (new_role is not None and new_role != "admin")
    return losing and accounts.admin_count(db) <= 1


def _account_action(volunteer_id):
    """Run a button action on an account after its CSRF check; back to the account page."""
    db = get_db()
    account = _account_or_404(db, volunteer_id)
    if not ButtonForm().validate_on_submit():
        abort(400)
    return db, account


@bp.post("/comptes/<int:volunteer_id>/desactiver")
@admin_required
def account_disable(volunteer_id):
    """Disable an account: its sessions end at once."""
    db, account = _account_action(volunteer_id)
    if _would_remove_last_admin(db, account, disabling=True):
        flash(ACCOUNT["last_admin"], "error")
    else:
        accounts.set_disabled(db, volunteer_id, True)
        audit.record(db, current_user, "disable", "volunteer", volunteer_id)
        flash(_("Account disabled; its sessions have ended."), "success")
    return redirect(url_for("admin.account_detail", volunteer_id=volunteer_id))


@bp.post("/comptes/<int:volunteer_id>/reactiver")
@admin_required
def account_enable(volunteer_id):
    """Enable a disabled account again."""
    db, _account = _account_action(volunteer_id)
    accounts.set_disabled(db, volunteer_id, False)
    audit.record(db, current_user, "enable", "volunteer", volunteer_id)
    flash(_("Account enabled again."), "success")
    return redirect(url_for("admin.account_detail", volunteer_id=volunteer_id))


@bp.post("/comptes/<int:volunteer_id>/second-facteur")
@admin_required
def account_reset(volunteer_id):
    """Reset password and second factor: a new invitation link for the volunteer."""
    db, account = _account_action(volunteer_id)
    if _would_remove_last_admin(db, account, disabling=True):
        flash(ACCOUNT["last_admin"], "error")
        return redirect(url_for("admin.account_detail", volunteer_id=volunteer_id))
    token = accounts.reset_second_factor(db, volunteer_id, current_user.id)
    audit.record(db, current_user, "reset_second_factor", "volunteer", volunteer_id)
    return render_template("volunteers/admin/invitation_link.html", account=account,
                           link=invitation_url(token), reset=True)


@bp.post("/comptes/<int:volunteer_id>/sessions")
@admin_required
def account_end_sessions(volunteer_id):
    """End every session of an account."""
    db, _account = _account_action(volunteer_id)
    ended = accounts.end_sessions(db, volunteer_id)
    audit.record(db, current_user, "end_sessions", "volunteer", volunteer_id)
    flash(_("%(n)s session(s) ended.", n=ended), "success")
    return redirect(url_for("admin.account_detail", volunteer_id=volunteer_id))


@bp.post("/comptes/<int:volunteer_id>/supprimer")
@admin_required
def account_delete(volunteer_id):
    """Delete a disabled account for good."""
    db, account = _account_action(volunteer_id)
    if not account["disabled"]:
        flash(_("Disable the account before deleting it."), "error")
        return redirect(url_for("admin.account_detail", volunteer_id=volunteer_id))
    accounts.delete(db, volunteer_id)
    audit.record(db, current_user, "delete", "volunteer", volunteer_id)
    flash(_("Account deleted."), "success")
    return redirect(url_for("admin.accounts_list"))


@bp.get("/batiments")
@admin_required
def buildings_list():
    """Every building."""
    return render_template("volunteers/admin/buildings.html",
                           buildings=reference.buildings(get_db()))


@bp.route("/batiments/nouveau", methods=["GET", "POST"],
          defaults={"building_id": None}, endpoint="building_new")
@bp.route("/batiments/<int:building_id>", methods=["GET", "POST"])
@admin_required
def building_edit(building_id):
    """Create or edit a building."""
    db = get_db()
    found = None if building_id is None else (reference.building(db, building_id) or abort(404))
    form = BuildingForm(data=found)
    form.landlord_id.choices = choices(
        [(0, _("(none)"))] + [(row["id"], row["name"]) for row in reference.landlords(db)])
    if form.validate_on_submit():
        saved = reference.save_building(db, form.data, building_id)
        audit.record(db, current_user, "create" if found is None else "update", "building", saved)
        flash(_("Building saved."), "success")
        return redirect(url_for("admin.buildings_list"))
    delete_url = (url_for("admin.building_delete", building_id=building_id)
                  if found else None)
    return render_template("volunteers/admin/edit.html", form=form, delete_url=delete_url,
                           title=found["name"] if found else _("New building")), \
        400 if form.errors else 200


@bp.post("/batiments/<int:building_id>/supprimer")
@admin_required
def building_delete(building_id):
    """Delete a building."""
    db = get_db()
    reference.building(db, building_id) or abort(404)
    reference.delete_building(db, building_id)
    audit.record(db, current_user, "delete", "building", building_id)
    flash(_("Building deleted."), "success")
    return redirect(url_for("admin.buildings_list"))


@bp.get("/bailleurs")
@admin_required
def landlords_list():
    """Every landlord."""
    return render_template("volunteers/admin/landlords.html",
                           landlords=reference.landlords(get_db()))


@bp.route("/bailleurs/nouveau", methods=["GET", "POST"],
          defaults={"landlord_id": None}, endpoint="landlord_new")
@bp.route("/bailleurs/<int:landlord_id>", methods=["GET", "POST"])
@admin_required
def landlord_edit(landlord_id):
    """Create or edit a landlord."""
    db = get_db()
    found = None if landlord_id is None else (reference.landlord(db, landlord_id) or abort(404))
    form = LandlordForm(data=found)
    if form.validate_on_submit():
        saved = reference.save_landlord(db, form.data, landlord_id)
        audit.record(db, current_user, "create" if found is None else "update", "landlord", saved)
        flash(_("Landlord saved."), "success")
        return redirect(url_for("admin.landlords_list"))
    delete_url = (url_for("admin.landlord_delete", landlord_id=landlord_id)
                  if found else None)
    return render_template("volunteers/admin/edit.html", form=form, delete_url=delete_url,
                           title=found["name"] if found else _("New landlord")), \
        400 if form.errors else 200


@bp.post("/bailleurs/<int:landlord_id>/supprimer")
@admin_required
def landlord_delete(landlord_id):
    """Delete a landlord, unless buildings still point to it."""
    db = get_db()
    reference.landlord(db, landlord_id) or abort(404)
    if not reference.delete_landlord(db, landlord_id):
        flash(_("Buildings still belong to this landlord: give them another one first."),
              "error")
        return redirect(url_for("admin.landlord_edit", landlord_id=landlord_id))
    audit.record(db, current_user, "delete", "landlord", landlord_id)
    flash(_("Landlord deleted."), "success")
    return redirect(url_for("admin.landlords_list"))


@bp.route("/association", methods=["GET", "POST"])
@admin_required
def association_settings():
    """The association's name and contact, shown in the data register."""
    db = get_db()
    current = reference.association(db)
    form = SettingsForm(data={**current, "demo": bool(current["is_demo"])})
    if form.validate_on_submit():
        reference.save_association(db, form.name.data.strip(), form.postal_address.data,
                                  form.contact_email.data, is_demo=form.demo.data)
        audit.record(db, current_user, "update", "settings", 1)
        flash(_("Settings saved."), "success")
        return redirect(url_for("admin.association_settings"))
    return render_template("volunteers/admin/edit.html", form=form,
                           title=_("The association")), 400 if form.errors else 200


@bp.get("/journal")
@admin_required
def audit_log():
    """Browse and filter the audit log."""
    db = get_db()
    form = AuditFilterForm(request.args)
    every = [("", _("All"))]
    form.volunteer.choices = choices(
        every + [(str(a["id"]), a["login"]) for a in accounts.all_accounts(db)])
    form.action.choices = choices(every + list(audit.actions().items()))
    form.object_type.choices = choices(
        every + [(t, audit.object_label(t)) for t in audit.object_types(db)])
    page = min(max(request.args.get("page", 1, type=int), 1), audit.MAX_PAGE)
    filters = form.data if form.validate() else {}
    rows, more = audit.entries(
        db, volunteer_id=filters.get("volunteer") or None, action=filters.get("action"),
        object_type=filters.get("object_type"),
        since=filters["since"].isoformat() if filters.get("since") else None,
        until=filters["until"].isoformat() if filters.get("until") else None, page=page)
    return render_template("volunteers/admin/audit.html", form=form, rows=rows, page=page,
                           more=more)
